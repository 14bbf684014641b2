/** The custom requests of client/src/protocol.ts: figures report, status, indicators. */
import type { FigureInfo, IndicatorInfo, StatusResult } from '../../../../client/src/protocol';
import type { IndicatorSet } from '../../core/index';
import type { Analysis } from '../linter';
import { figureInfo } from '../lintjob';
import type { WorkspaceIndex } from '../workspace';
import { valueText } from './completion';

export function figuresOf(a: Analysis): FigureInfo[] {
  return a.result ? a.result.figures.map(figureInfo) : [];
}

/** Every file's figures: open documents from their analysis, the rest from the workspace index. */
export function allFigures(
  open: Analysis[],
  index: WorkspaceIndex,
  samePath: (uri: string) => string,
): { uri: string; figures: FigureInfo[] }[] {
  const out: { uri: string; figures: FigureInfo[] }[] = [];
  const openPaths = new Set<string>();
  for (const a of open) {
    if (!a.result) continue;
    openPaths.add(samePath(a.uri));
    out.push({ uri: a.uri, figures: figuresOf(a) });
  }
  for (const f of index.files.values()) {
    if (openPaths.has(samePath(f.uri))) continue;
    out.push({ uri: f.uri, figures: f.figures });
  }
  out.sort((x, y) => x.uri.localeCompare(y.uri));
  return out;
}

export function indicatorInfos(data: IndicatorSet): IndicatorInfo[] {
  return data
    .all()
    .map((ind) => ({
      id: ind.id,
      name: ind.name,
      aliases: ind.aliases,
      unit: ind.unit,
      values: ind.values
        .slice()
        .sort((a, b) => a.period.from - b.period.from || a.period.to - b.period.to)
        .map((v) => ({
          period: v.periodText,
          kind: v.kind,
          display: valueText(ind, v),
          // the brief's name for the same text
          value: valueText(ind, v),
          ...(v.source ? { source: v.source } : {}),
        })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

export function status(indicators: number, dataFiles: string[], issues: number): StatusResult {
  return { indicators, dataFiles, issues };
}
