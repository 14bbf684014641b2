/** Definition (figure or indicator name → its row in the data file) and references (every citation of it). */
import type { Location, Range } from 'vscode-languageserver/node';
import type { Indicator } from '../../core/index';
import type { Analysis } from '../linter';
import type { WorkspaceIndex } from '../workspace';
import { hitAt } from './lookup';

/** Length of a line of a file (for a range covering the row), or 0 when unknown. */
export type LineLength = (uri: string, line: number) => number;

function rowLocation(uri: string, line: number, lineLength: LineLength): Location {
  const len = lineLength(uri, line);
  return { uri, range: { start: { line, character: 0 }, end: { line, character: len } } };
}

/** The indicator at an offset (a figure's or a name's). */
export function indicatorAt(a: Analysis, offset: number): { indicator?: Indicator; id?: string; dataUri?: string; dataLine?: number } {
  if (!a.result) return {};
  const hit = hitAt(a.result, a.env, offset, a.doc);
  if (!hit) return {};
  if (hit.kind === 'name') return { indicator: hit.indicator, id: hit.indicator.id };
  return {
    indicator: hit.indicator,
    id: hit.report.indicator?.id,
    dataUri: hit.report.dataUri,
    dataLine: hit.report.dataLine,
  };
}

export function definition(a: Analysis, offset: number, lineLength: LineLength): Location[] {
  const at = indicatorAt(a, offset);
  if (at.dataUri && at.dataLine !== undefined) return [rowLocation(at.dataUri, at.dataLine, lineLength)];
  if (at.indicator?.uri) return [rowLocation(at.indicator.uri, at.indicator.line, lineLength)];
  return [];
}

export function references(
  a: Analysis,
  offset: number,
  includeDeclaration: boolean,
  open: Analysis[],
  index: WorkspaceIndex,
  lineLength: LineLength,
  samePath: (uri: string) => string,
): Location[] {
  const at = indicatorAt(a, offset);
  if (!at.id) return [];
  const id = at.id;
  const out: Location[] = [];
  const seen = new Set<string>();
  const add = (uri: string, range: Range) => {
    const k = `${samePath(uri)}:${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ uri, range });
  };
  if (includeDeclaration && at.indicator?.uri) {
    const rows = new Set<string>();
    for (const v of at.indicator.values) if (v.uri) rows.add(`${v.uri}\u0000${v.line}`);
    if (!rows.size) rows.add(`${at.indicator.uri}\u0000${at.indicator.line}`);
    for (const r of rows) {
      const [uri, line] = r.split('\u0000');
      const loc = rowLocation(uri, Number(line), lineLength);
      add(loc.uri, loc.range);
    }
  }
  const openPaths = new Set<string>();
  for (const o of open) {
    if (!o.result) continue;
    openPaths.add(samePath(o.uri));
    for (const r of o.result.citations) if (r.indicatorId === id) add(o.uri, r.range);
  }
  for (const f of index.files.values()) {
    if (openPaths.has(samePath(f.uri))) continue;
    for (const r of f.refs) if (r.indicatorId === id) add(f.uri, r.range);
  }
  return out;
}
