/** The outline as document symbols and folding ranges; indicators as workspace symbols. */
import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type SymbolInformation,
} from 'vscode-languageserver-types';
import type { Indicator, LintResult, OutlineNode } from '../../core/index';
import type { TextSource } from '../convert';
import type { Env } from '../config';

const KINDS_BY_DEPTH: SymbolKind[] = [
  SymbolKind.Namespace,
  SymbolKind.Module,
  SymbolKind.Class,
  SymbolKind.Method,
  SymbolKind.Function,
  SymbolKind.Field,
];

/** "I- KẾT QUẢ ĐẠT ĐƯỢC", "2.1. Tăng trưởng", "(3) …", "Phần thứ nhất …". */
export function headingName(n: OutlineNode): string {
  if (n.kind === 'markdown') return n.title.trim() || n.marker;
  const marker = n.kind === 'part' ? n.marker : `${n.marker}${n.punct}`;
  const paren = n.kind === 'paren' && !marker.startsWith('(') ? `(${marker})` : marker;
  const name = n.title ? `${paren} ${n.title}` : paren;
  return name.trim() || '…';
}

export function documentSymbols(doc: TextSource, result: LintResult): DocumentSymbol[] {
  const view = result.view;
  const text = doc.getText();
  const conv = (n: OutlineNode): DocumentSymbol => {
    const start = doc.positionAt(view.toOriginal(n.lineStart));
    let endOff = view.toOriginal(Math.max(n.sectionEnd, n.lineEnd));
    // do not let a section end swallow the line break before the next heading
    while (endOff > 0 && (text.charCodeAt(endOff - 1) === 10 || text.charCodeAt(endOff - 1) === 13)) endOff--;
    const headingEnd = view.toOriginal(n.inlineBody ? n.titleEnd : n.lineEnd);
    const selStart = doc.positionAt(view.toOriginal(n.markerStart));
    let selEnd = doc.positionAt(Math.max(view.toOriginal(n.markerStart), headingEnd));
    let end = doc.positionAt(Math.max(endOff, headingEnd));
    if (end.line < selEnd.line || (end.line === selEnd.line && end.character < selEnd.character)) end = selEnd;
    if (selEnd.line > end.line) selEnd = end;
    return {
      name: headingName(n),
      detail: n.templateId ?? undefined,
      kind: KINDS_BY_DEPTH[Math.min(n.depth, KINDS_BY_DEPTH.length - 1)],
      range: { start, end },
      selectionRange: { start: selStart, end: selEnd },
      children: n.children.map(conv),
    };
  };
  return result.outline.map(conv);
}

export function foldingRanges(doc: TextSource, result: LintResult): FoldingRange[] {
  const view = result.view;
  const text = doc.getText();
  const out: FoldingRange[] = [];
  for (const n of result.headings) {
    const startLine = doc.positionAt(view.toOriginal(n.lineStart)).line;
    let endOff = view.toOriginal(n.sectionEnd);
    while (endOff > 0 && /\s/.test(text[endOff - 1])) endOff--;
    const endLine = doc.positionAt(endOff).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return out;
}

/** Indicators of the loaded data matching a query (folded, as completion), with their row in the data file. */
export function workspaceSymbols(envs: Env[], query: string, limit = 200): SymbolInformation[] {
  const seen = new Set<string>();
  const out: SymbolInformation[] = [];
  for (const env of envs) {
    const inds: Indicator[] = query.trim() ? env.data.complete(query, limit).map((h) => h.indicator) : env.data.all().slice(0, limit);
    for (const ind of inds) {
      if (!ind.uri) continue;
      const key = `${ind.id}\u0000${ind.uri}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        name: ind.name,
        kind: SymbolKind.Constant,
        containerName: ind.unit || undefined,
        location: { uri: ind.uri, range: { start: { line: ind.line, character: 0 }, end: { line: ind.line, character: 0 } } },
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
