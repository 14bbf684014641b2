/** `draftlint figures --format csv`: RFC 4180 (CRLF line ends, fields quoted when they need it). */
import type { FileResult } from '../lintFile';

export const CSV_HEADER = ['file', 'line', 'column', 'text', 'indicator_id', 'indicator', 'period', 'cited', 'canonical', 'status', 'source'];

export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  let quote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 /* , */ || c === 34 /* " */ || c === 10 || c === 13) {
      quote = true;
      break;
    }
  }
  return quote ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatFiguresCsv(files: readonly FileResult[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const f of files) {
    for (const g of f.figures ?? []) {
      lines.push(
        [
          f.display,
          g.line,
          g.column,
          g.text,
          g.indicator?.id,
          g.indicator?.name,
          g.period,
          g.cited,
          g.canonical,
          g.status,
          g.source,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return lines.join('\r\n') + '\r\n';
}
