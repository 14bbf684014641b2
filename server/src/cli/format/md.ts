/** `draftlint figures --format md`: a Markdown table per file. */
import type { FileResult } from '../lintFile';

/** A table cell: pipes and backslashes escaped, line breaks as spaces, HTML-significant `<` escaped. */
export function mdCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  return String(v)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, ' ');
}

export function formatFiguresMd(files: readonly FileResult[]): string {
  const parts: string[] = [];
  for (const f of files) {
    const figs = f.figures ?? [];
    let s = `## ${mdCell(f.display)}\n\n`;
    if (figs.length === 0) {
      parts.push(s + '_No figures._\n');
      continue;
    }
    s += '| Line | Column | Text | Indicator | Period | Cited | Canonical | Status | Source |\n';
    s += '|---:|---:|---|---|---|---|---|---|---|\n';
    for (const g of figs) {
      const ind = g.indicator ? `${mdCell(g.indicator.name)} (\`${g.indicator.id}\`)` : '';
      s += `| ${g.line} | ${g.column} | ${mdCell(g.text)} | ${ind} | ${mdCell(g.period)} | ${mdCell(g.cited)} | ${mdCell(g.canonical)} | ${g.status} | ${mdCell(g.source)} |\n`;
    }
    parts.push(s);
  }
  return `# draftlint figures\n\n${parts.join('\n')}`;
}
