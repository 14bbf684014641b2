/**
 * Conversions between the core's shapes (original-text UTF-16 offsets, bilingual messages) and LSP's.
 * Positions are computed with the document's own `positionAt` (vscode-languageserver-textdocument), which
 * counts UTF-16 units and treats \r\n, \n and \r as line breaks, as the core's TextView does.
 */
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import {
  localize,
  type DataIssue,
  type Finding,
  type Fix,
  type FigureReport,
  type Language,
  type Severity,
} from '../core/index';

import type { FigureInfo } from '../../../client/src/protocol';

export const SOURCE = 'draftlint';

/** Anything that maps offsets to positions (a TextDocument). */
export interface Positioner {
  positionAt(offset: number): Position;
  offsetAt?(position: Position): number;
}

/** A document's text and positions: a TextDocument, or lintjob.ts's view of a linted text. */
export interface TextSource extends Positioner {
  getText(): string;
}

export function toSeverity(s: Severity | 'error' | 'warning'): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

export function toRange(doc: Positioner, start: number, end: number): Range {
  const s = doc.positionAt(start);
  const e = doc.positionAt(Math.max(start, end));
  return { start: s, end: e };
}

/** A fix as carried in a diagnostic's `data`: LSP edits, ready for a code action. */
export interface FixData {
  title: string;
  preferred?: boolean;
  edits: { range: Range; newText: string }[];
}

/** What a draftlint diagnostic carries in `data`. */
export interface DiagnosticData {
  rule: string;
  /** the document version the diagnostic (and its fixes' ranges) belongs to */
  version: number | null;
  fixes?: FixData[];
  /** the finding's own data (indicator, period, cited, canonical, …) */
  finding?: Record<string, unknown>;
  /** true for a finding that comes from another document's citations */
  crossDocument?: boolean;
}

export function fixToData(doc: Positioner, fix: Fix, lang: Language): FixData {
  return {
    title: localize(fix.title, lang),
    preferred: fix.preferred,
    edits: fix.edits.map((e) => ({ range: toRange(doc, e.start, e.end), newText: e.newText })),
  };
}

export function findingToDiagnostic(
  doc: Positioner,
  uri: string,
  f: Finding,
  lang: Language,
  version: number | null,
  crossDocument = false,
): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.start, f.end),
    severity: toSeverity(f.severity),
    source: SOURCE,
    code: f.rule,
    message: localize(f.message, lang),
  };
  // conversion leftovers ([bookmark: _Hlk…]) are text to delete: clients fade it out
  if (f.rule === 'format/artifact') d.tags = [DiagnosticTag.Unnecessary];
  if (f.related?.length) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of f.related) {
      let range: Range;
      if (r.uri && r.uri !== uri) {
        if (!r.range) continue;
        range = {
          start: { line: r.range.line, character: r.range.character },
          end: { line: r.range.endLine, character: r.range.endCharacter },
        };
      } else {
        range = toRange(doc, r.start, r.end);
      }
      related.push({ location: { uri: r.uri ?? uri, range }, message: localize(r.message, lang) });
    }
    if (related.length) d.relatedInformation = related;
  }
  const data: DiagnosticData = { rule: f.rule, version };
  if (f.fixes?.length) data.fixes = f.fixes.map((fx) => fixToData(doc, fx, lang));
  if (f.data) data.finding = f.data;
  if (crossDocument) data.crossDocument = true;
  d.data = data;
  return d;
}

export function isDiagnosticData(x: unknown): x is DiagnosticData {
  return typeof x === 'object' && x !== null && typeof (x as DiagnosticData).rule === 'string';
}

// ---------------------------------------------------------------------------------------------------------
// data, config and template files

/** Lines of a text without their line breaks. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** End column of the field that starts at `col` on a line: up to the next unquoted comma (CSV) or the line end. */
function fieldEnd(line: string, col: number, csv: boolean): number {
  if (!csv) return line.length;
  let i = col;
  if (line[i] === '"') {
    i++;
    while (i < line.length) {
      if (line[i] === '"') {
        if (line[i + 1] === '"') i += 2;
        else {
          i++;
          break;
        }
      } else i++;
    }
  }
  while (i < line.length && line[i] !== ',' && line[i] !== '\t' && line[i] !== ';') i++;
  return i;
}

/** [start, end) of each cell of a one-line CSV row (RFC 4180 quotes; ',' or tab separated). */
export function csvCells(line: string): [number, number][] {
  const sep = line.includes(',') || !line.includes('\t') ? ',' : '\t';
  const cells: [number, number][] = [];
  let i = 0;
  for (;;) {
    const start = i;
    if (line[i] === '"') {
      i++;
      while (i < line.length) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') i += 2;
          else {
            i++;
            break;
          }
        } else i++;
      }
    }
    while (i < line.length && line[i] !== sep) i++;
    cells.push([start, i]);
    if (i >= line.length) break;
    i++;
  }
  return cells;
}

/** The column range of a named field on a CSV row, from the header (the first line). */
function csvFieldRange(lines: string[], lineNo: number, field: string): [number, number] | undefined {
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '');
  const names = csvCells(header).map(([a, b]) => header.slice(a, b).trim().replace(/^"|"$/g, '').toLowerCase());
  const k = names.indexOf(field.toLowerCase());
  if (k < 0 || lineNo === 0) return undefined;
  const cells = csvCells(lines[lineNo] ?? '');
  return cells[k];
}

/** A diagnostic for a problem in a data/config/template file: at its row, and its field when the column is known. */
export function dataIssueToDiagnostic(issue: DataIssue, lines: string[], lang: Language, csv: boolean): Diagnostic {
  const lineNo = Math.max(0, Math.min(issue.line, Math.max(0, lines.length - 1)));
  const line = lines[lineNo] ?? '';
  let start = 0;
  let end = line.length;
  if (issue.column !== undefined && issue.column >= 0 && issue.column <= line.length) {
    start = issue.column;
    end = Math.max(start, fieldEnd(line, start, csv));
    if (end === start && start < line.length) end = start + 1;
  } else if (csv && issue.field && csvFieldRange(lines, lineNo, issue.field)) {
    [start, end] = csvFieldRange(lines, lineNo, issue.field) as [number, number];
    if (end === start) end = Math.min(line.length, start + 1);
  } else {
    while (start < end && (line[start] === ' ' || line[start] === '\t')) start++;
  }
  const d: Diagnostic = {
    range: { start: { line: lineNo, character: start }, end: { line: lineNo, character: end } },
    severity: toSeverity(issue.severity),
    source: SOURCE,
    message: localize(issue.message, lang),
  };
  if (issue.field) d.data = { field: issue.field };
  return d;
}

// ---------------------------------------------------------------------------------------------------------
// figures report

export function figureToInfo(doc: Positioner, fr: FigureReport): FigureInfo {
  const r = toRange(doc, fr.start, fr.end);
  const info: FigureInfo = {
    line: r.start.line,
    character: r.start.character,
    endLine: r.end.line,
    endCharacter: r.end.character,
    text: fr.text,
    cited: fr.cited,
    status: fr.status,
  };
  if (fr.indicator) {
    info.indicator = fr.indicator.name;
    info.indicatorId = fr.indicator.id;
  }
  if (fr.period) info.period = fr.period;
  if (fr.canonical) info.canonical = fr.canonical;
  if (fr.source) info.source = fr.source;
  return info;
}
