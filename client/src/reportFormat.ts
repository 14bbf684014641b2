/**
 * The figures report as rows, CSV and standalone HTML (pure: no vscode import, unit-tested).
 */
import type { FigureInfo, FigureStatus, FiguresResult } from './protocol';

export interface ReportRow {
  /** index in the report (stable id for webview messages) */
  id: number;
  uri: string;
  /** file path shown to the user (workspace-relative when possible) */
  file: string;
  /** 1-based line and column (UTF-16) */
  line: number;
  column: number;
  figure: FigureInfo;
  status: FigureStatus;
}

export type ColumnKey = 'figure' | 'location' | 'indicator' | 'period' | 'cited' | 'canonical' | 'status';
export const COLUMNS: ColumnKey[] = ['figure', 'location', 'indicator', 'period', 'cited', 'canonical', 'status'];

export function toRows(result: FiguresResult, displayPath: (uri: string) => string): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const file of result.files ?? []) {
    const shown = displayPath(file.uri);
    for (const f of file.figures ?? []) {
      rows.push({
        id: rows.length,
        uri: file.uri,
        file: shown,
        line: f.line + 1,
        column: f.character + 1,
        figure: f,
        status: f.status,
      });
    }
  }
  return rows;
}

/** the text of one cell; `statusLabel` turns a status into its user-facing verdict */
export function cell(row: ReportRow, key: ColumnKey, statusLabel: (s: FigureStatus) => string): string {
  switch (key) {
    case 'figure':
      return row.figure.text;
    case 'location':
      return `${row.file}:${row.line}:${row.column}`;
    case 'indicator':
      return row.figure.indicator ?? '';
    case 'period':
      return row.figure.period ?? '';
    case 'cited':
      return row.figure.cited ?? '';
    case 'canonical':
      return row.figure.canonical ?? '';
    case 'status':
      return statusLabel(row.status);
  }
}

function csvField(s: string): string {
  // a leading = or @ would make spreadsheets evaluate the cell
  const v = /^[=@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 CSV with a UTF-8 BOM (so spreadsheet programs read the Vietnamese text right), CRLF line ends */
export function toCsv(
  rows: ReportRow[],
  headers: Record<ColumnKey, string>,
  statusLabel: (s: FigureStatus) => string,
): string {
  const lines = [COLUMNS.map((k) => csvField(headers[k])).join(',')];
  for (const r of rows) lines.push(COLUMNS.map((k) => csvField(cell(r, k, statusLabel))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** a standalone HTML page with the table (no scripts, no remote resources) */
export function toHtml(
  rows: ReportRow[],
  headers: Record<ColumnKey, string>,
  statusLabel: (s: FigureStatus) => string,
  title: string,
  lang: string,
): string {
  const head = COLUMNS.map((k) => `<th>${escapeHtml(headers[k])}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.status}">` +
        COLUMNS.map((k) => `<td>${escapeHtml(cell(r, k, statusLabel))}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
tr.mismatch td { background: #fde8e8; }
tr.rounded td { background: #fff6dd; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
