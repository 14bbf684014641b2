/**
 * Reports of `draftlint figures`: every figure worth listing with its location, text, the indicator matched (or
 * none), period, cited value, canonical value and status. This module has the stylish table, json and sarif;
 * csv, md and html have their own modules.
 */
import type { FileResult, OutFigure } from '../lintFile';
import { displayWidth, maxOf, oneLine, padEnd, plural, type Style } from '../output';
import { region, sarifDocument, RuleTable, type SarifOptions } from './sarif';
import { sarifUri } from '../paths';

export const STATUSES = ['ok', 'mismatch', 'rounded', 'unmatched', 'no-value'] as const;

const NONE = '—';

export function figureCounts(files: readonly FileResult[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const s of STATUSES) c[s] = 0;
  for (const f of files) for (const g of f.figures ?? []) c[g.status] = (c[g.status] ?? 0) + 1;
  return c;
}

function colorStatus(status: string, text: string, s: Style): string {
  if (status === 'mismatch') return s.red(text);
  if (status === 'rounded') return s.yellow(text);
  if (status === 'ok') return s.green(text);
  return s.dim(text);
}

/** An aligned table per file, then a count by status. */
export function formatFiguresStylish(files: readonly FileResult[], s: Style): string {
  let out = '';
  const header = ['line:col', 'text', 'indicator', 'period', 'cited', 'canonical', 'status'];
  let total = 0;
  for (const f of files) {
    const figs = f.figures ?? [];
    if (figs.length === 0) continue;
    total += figs.length;
    const rows = figs.map((g) => [
      `${g.line}:${g.column}`,
      oneLine(g.text),
      g.indicator ? g.indicator.id : NONE,
      g.period ?? NONE,
      oneLine(g.cited),
      g.canonical ?? NONE,
      g.status,
    ]);
    const widths = header.map((h, k) => maxOf(rows, (r) => displayWidth(r[k]), displayWidth(h)));
    const line = (cells: string[], paint: (k: number, padded: string) => string) =>
      ('  ' + cells.map((c, k) => paint(k, k === cells.length - 1 ? c : padEnd(c, widths[k]))).join('  ')).trimEnd() + '\n';
    out += `\n${s.underline(s.bold(f.display))}\n`;
    out += line(header, (_k, p) => s.dim(p));
    rows.forEach((r, i) => {
      out += line(r, (k, p) => (k === 0 ? s.dim(p) : k === 6 ? colorStatus(figs[i].status, p, s) : p));
    });
  }
  if (total > 0) {
    const c = figureCounts(files);
    const parts = STATUSES.filter((st) => c[st] > 0).map((st) => `${c[st]} ${st}`);
    out += `\n${s.bold(plural(total, 'figure', 'figures'))} (${parts.join(', ')})\n`;
  }
  return out;
}

function figureJson(g: OutFigure) {
  return {
    line: g.line,
    column: g.column,
    endLine: g.endLine,
    endColumn: g.endColumn,
    text: g.text,
    indicator: g.indicator,
    period: g.period,
    cited: g.cited,
    canonical: g.canonical,
    status: g.status,
    source: g.source,
    dataUri: g.dataUri ?? null,
    dataLine: g.dataLine ?? null,
  };
}

/** `{ "files": [ { "path", "figures": [ … ] } ] }` */
export function formatFiguresJson(files: readonly FileResult[]): string {
  return (
    JSON.stringify({ files: files.map((f) => ({ path: f.display, figures: (f.figures ?? []).map(figureJson) })) }, null, 2) + '\n'
  );
}

export const FIGURE_RULE = 'figures/report';

/** One SARIF result per figure (rule `figures/report`): mismatch = error, rounded = warning, the rest notes. */
export function formatFiguresSarif(files: readonly FileResult[], o: SarifOptions): string {
  const table = new RuleTable(o.language);
  const desc = o.language === 'en' ? 'A cited figure and its canonical value' : 'Một số liệu được nêu và giá trị chuẩn của nó';
  const results: unknown[] = [];
  for (const f of files) {
    const uri = sarifUri(f.path, o.cwd);
    for (const g of f.figures ?? []) {
      const ind = g.indicator ? `${g.indicator.id}${g.period ? ` (${g.period})` : ''}` : NONE;
      results.push({
        ruleId: FIGURE_RULE,
        ruleIndex: table.indexOf(FIGURE_RULE, desc),
        level: g.status === 'mismatch' ? 'error' : g.status === 'rounded' ? 'warning' : 'note',
        message: { text: `${oneLine(g.cited)} — ${ind}: ${g.canonical ?? NONE} [${g.status}]` },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(g) } }],
        properties: {
          indicator: g.indicator?.id ?? null,
          period: g.period,
          cited: g.cited,
          canonical: g.canonical,
          status: g.status,
        },
      });
    }
  }
  return JSON.stringify(sarifDocument(table.rules, results, o.version), null, 2) + '\n';
}
