/**
 * Code actions for draftlint diagnostics: the findings' own fixes (carried in the diagnostic's `data`, or taken
 * from the current analysis when the document changed since), and "Disable RULE for this line", which inserts
 * a suppression comment above the line with the line's indentation.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Language } from '../../core/index';
import { SOURCE, isDiagnosticData, type FixData } from '../convert';
import type { Analysis } from '../linter';
import { t } from '../i18n';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** The fixes of a diagnostic for the document's current version. */
function fixesFor(d: Diagnostic, doc: TextDocument, current: Analysis | undefined): FixData[] {
  if (!isDiagnosticData(d.data)) return [];
  if (d.data.version === doc.version && d.data.fixes) return d.data.fixes;
  if (d.data.version === doc.version || !current?.result || current.version !== doc.version) return [];
  // the diagnostic is from an older version: find the same finding among the current version's diagnostics
  for (const cd of current.base) {
    if (!isDiagnosticData(cd.data) || cd.data.rule !== d.data.rule || !cd.data.fixes?.length) continue;
    if (overlaps(cd.range, d.range)) return cd.data.fixes;
  }
  return [];
}

/** The line's leading spaces/tabs. */
function indentOf(doc: TextDocument, line: number): string {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const m = /^[ \t]*/.exec(text);
  return m ? m[0] : '';
}

function eolOf(doc: TextDocument): string {
  const text = doc.getText();
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

export function disableLineEdit(doc: TextDocument, line: number, rule: string, lang: Language): TextEdit {
  const indent = indentOf(doc, line);
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indent}<!-- draftlint-disable-next-line ${rule} -- ${t('reasonPlaceholder', lang)} -->${eolOf(doc)}`,
  };
}

export function codeActions(
  params: CodeActionParams,
  doc: TextDocument,
  current: Analysis | undefined,
  lang: Language,
): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === '')) {
    return [];
  }
  const out: CodeAction[] = [];
  const disabled = new Set<string>();
  const uri = doc.uri;
  for (const d of params.context.diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'string' || !d.code) continue;
    for (const fix of fixesFor(d, doc, current)) {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: fix.preferred === true,
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      });
    }
  }
  for (const d of params.context.diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'string' || !d.code) continue;
    const line = d.range.start.line;
    if (line < 0 || line >= doc.lineCount) continue;
    const key = `${d.code}@${line}`;
    if (disabled.has(key)) continue;
    disabled.add(key);
    out.push({
      title: t('disableForLine', lang, { rule: d.code }),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [disableLineEdit(doc, line, d.code, lang)] } },
    });
  }
  return out;
}
