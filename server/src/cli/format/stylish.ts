/**
 * The `stylish` report of `draftlint check`, after eslint's: the file path (bold, underlined), one aligned row
 * per finding `  line:col  severity  message  rule`, a blank line, then a summary
 * `✖ N problems (E errors, W warnings, I infos)`. Nothing at all when there is no finding.
 */
import type { FileResult } from '../lintFile';
import { displayWidth, maxOf, oneLine, padEnd, padStart, plural, type Style } from '../output';

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(files: readonly FileResult[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0 };
  for (const f of files) {
    for (const x of f.findings) {
      if (x.severity === 'error') t.errors++;
      else if (x.severity === 'warning') t.warnings++;
      else t.infos++;
    }
  }
  return t;
}

export function summaryLine(t: Totals): string {
  const total = t.errors + t.warnings + t.infos;
  return `✖ ${plural(total, 'problem', 'problems')} (${plural(t.errors, 'error', 'errors')}, ${plural(t.warnings, 'warning', 'warnings')}, ${plural(t.infos, 'info', 'infos')})`;
}

export function formatStylish(files: readonly FileResult[], s: Style): string {
  let out = '';
  for (const f of files) {
    if (f.findings.length === 0) continue;
    const rows = f.findings.map((x) => ({
      line: String(x.line),
      col: String(x.column),
      sev: x.severity,
      msg: oneLine(x.message),
      rule: x.rule,
    }));
    const wLine = maxOf(rows, (r) => r.line.length);
    const wCol = maxOf(rows, (r) => r.col.length);
    const wSev = maxOf(rows, (r) => r.sev.length);
    const wMsg = maxOf(rows, (r) => displayWidth(r.msg));
    out += `\n${s.underline(s.bold(f.display))}\n`;
    for (const r of rows) {
      const pos = s.dim(`${padStart(r.line, wLine)}:${padEnd(r.col, wCol)}`);
      const sevText = padEnd(r.sev, wSev);
      const sev = r.sev === 'error' ? s.red(sevText) : r.sev === 'warning' ? s.yellow(sevText) : s.blue(sevText);
      out += `  ${pos}  ${sev}  ${padEnd(r.msg, wMsg)}  ${s.dim(r.rule)}`.trimEnd() + '\n';
    }
  }
  const t = countFindings(files);
  if (t.errors + t.warnings + t.infos > 0) {
    const line = summaryLine(t);
    const colored = t.errors ? s.red(s.bold(line)) : t.warnings ? s.yellow(s.bold(line)) : s.bold(line);
    out += `\n${colored}\n`;
  }
  return out;
}
