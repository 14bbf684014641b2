/**
 * One lint of one document as plain data: what a lint worker (worker.ts) computes and posts back, and what the
 * main-thread fallback computes the same way. Everything the feature handlers need of a lint is here, already
 * in LSP shapes and original-text offsets, so no TextView or parsed outline crosses the thread boundary:
 * diagnostics, the figures report, citation locations, citation summaries (cross-document checks), document
 * symbols and folding ranges. Nothing is sent twice: the result is copied between threads on every edit.
 */
import type { Diagnostic, DocumentSymbol, FoldingRange, Range } from 'vscode-languageserver-types';
import {
  IndicatorSet,
  lint,
  parseIndicatorFile,
  summarizeCitations,
  type CitationSummary,
  type FigureReport,
  type Indicator,
  type Language,
  type RuleOptions,
  type SeveritySetting,
  type TemplateDef,
  type TextView,
} from '../core/index';
import type { FigureInfo } from '../../../client/src/protocol';
import { figureToInfo, findingToDiagnostic, toRange, type TextSource } from './convert';
import { documentSymbols, foldingRanges } from './features/symbols';

/**
 * Positions of the linted text from the line table its TextView already has (no second table per lint),
 * computed as TextDocument.positionAt does: clamped, and never between the \r and \n of a line break.
 */
export function textSource(view: TextView): TextSource {
  const text = view.original;
  const starts = view.lineStarts;
  return {
    getText: () => text,
    positionAt(offset: number) {
      const off = Math.max(0, Math.min(offset, text.length));
      const line = view.positionAt(off).line;
      const ls = starts[line];
      let o = off;
      while (o > ls && (text.charCodeAt(o - 1) === 13 || text.charCodeAt(o - 1) === 10)) o--;
      return { line, character: o - ls };
    },
  };
}

/** A data file's text, as the main thread parsed it (config.ts's DataSource). */
export interface JobDataSource {
  uri: string;
  text: string;
}

export interface LintJob {
  uri: string;
  /** the document version (null for files linted from disk) */
  version: number | null;
  text: string;
  /** the data generation: the worker holds the IndicatorSet parsed from the sources registered under it */
  gen: number;
  template: string | TemplateDef | null | undefined;
  templates: Record<string, TemplateDef>;
  rules: Record<string, SeveritySetting>;
  options: RuleOptions;
  cheapOnlyAbove: number;
  language: Language;
  /** 'open': everything the feature handlers need; 'index': only what the workspace index keeps */
  mode: 'open' | 'index';
}

/** A figure of the report (original offsets) with its position. */
export interface FigureData extends FigureReport {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** The figure as the draftlint/figures request shows it. */
export function figureInfo(f: FigureData): FigureInfo {
  const at = (o: number) => (o === f.start ? { line: f.line, character: f.character } : { line: f.endLine, character: f.endCharacter });
  return figureToInfo({ positionAt: at }, f);
}

/** A citation's figure and subject, in original offsets, with the figure's range. */
export interface CitationRef {
  indicatorId: string;
  start: number;
  end: number;
  mentionStart: number;
  mentionEnd: number;
  range: Range;
}

export interface LintData {
  /** the document's own findings as diagnostics (quick fixes in their data) */
  diagnostics: Diagnostic[];
  /** the figures report */
  figures: FigureData[];
  citations: CitationRef[];
  /** cited indicators that are not in the data set (the built-in vocabulary), by id; empty in 'index' mode */
  indicators: Record<string, Indicator>;
  summaries: CitationSummary[];
  /** the outline; empty in 'index' mode */
  symbols: DocumentSymbol[];
  folding: FoldingRange[];
  template: { name: string; auto: boolean } | null;
  cheapOnly: boolean;
  /** how long the lint took (ms), for logs and benchmarks */
  ms: number;
}

/** The IndicatorSet of some data sources, parsed exactly as config.ts parses them. */
export function indicatorSetOf(sources: JobDataSource[]): IndicatorSet {
  const all: Indicator[] = [];
  for (const s of sources) all.push(...parseIndicatorFile(s.text, s.uri).indicators);
  return all.length ? IndicatorSet.from(all) : IndicatorSet.empty();
}

/** A figure report with its positions (fields written out: an object spread followed by more is slow in V8). */
function figureData(fr: FigureReport, s: { line: number; character: number }, e: { line: number; character: number }): FigureData {
  const d: FigureData = { start: fr.start, end: fr.end, text: fr.text, cited: fr.cited, status: fr.status, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
  if (fr.indicator !== undefined) d.indicator = fr.indicator;
  if (fr.period !== undefined) d.period = fr.period;
  if (fr.canonical !== undefined) d.canonical = fr.canonical;
  if (fr.source !== undefined) d.source = fr.source;
  if (fr.dataUri !== undefined) d.dataUri = fr.dataUri;
  if (fr.dataLine !== undefined) d.dataLine = fr.dataLine;
  return d;
}

export function runLintJob(job: LintJob, data: IndicatorSet): LintData {
  const t0 = performance.now();
  const result = lint(job.text, {
    uri: job.uri,
    data,
    template: job.template,
    templates: job.templates,
    rules: job.rules,
    options: job.options,
    cheapOnlyAbove: job.cheapOnlyAbove,
  });
  const view = result.view;
  const doc = textSource(view);
  const open = job.mode === 'open';
  const citations: CitationRef[] = [];
  const indicators: Record<string, Indicator> = {};
  for (const c of result.citations) {
    const start = view.toOriginal(c.figure.start);
    const end = view.toOriginal(c.figure.end);
    citations.push({
      indicatorId: c.indicator.id,
      start,
      end,
      mentionStart: view.toOriginal(c.mention.start),
      mentionEnd: view.toOriginal(c.mention.end),
      range: toRange(doc, start, end),
    });
    if (open && !data.get(c.indicator.id) && !indicators[c.indicator.id]) indicators[c.indicator.id] = c.indicator;
  }
  return {
    diagnostics: result.findings.map((f) => findingToDiagnostic(doc, job.uri, f, job.language, job.version)),
    figures: result.figures.map((fr) => figureData(fr, doc.positionAt(fr.start), doc.positionAt(Math.max(fr.start, fr.end)))),
    citations,
    indicators,
    summaries: summarizeCitations(result, job.uri),
    symbols: open ? documentSymbols(doc, result) : [],
    folding: open ? foldingRanges(doc, result) : [],
    template: result.template,
    cheapOnly: result.cheapOnly,
    ms: performance.now() - t0,
  };
}
