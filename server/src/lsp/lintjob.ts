/**
 * One lint of one document as plain data: what a lint worker (worker.ts) computes and posts back, and what the
 * main-thread fallback computes the same way. Everything the feature handlers need of a lint is here, already
 * in LSP shapes and original-text offsets, so no TextView or parsed outline crosses the thread boundary:
 * diagnostics, the findings (for quick fixes of older diagnostics), the figures report, citation locations,
 * citation summaries (cross-document checks), document symbols and folding ranges.
 */
import type { Diagnostic, DocumentSymbol, FoldingRange, Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  IndicatorSet,
  lint,
  parseIndicatorFile,
  summarizeCitations,
  type CitationSummary,
  type FigureReport,
  type Finding,
  type Indicator,
  type Language,
  type RuleOptions,
  type SeveritySetting,
  type TemplateDef,
} from '../core/index';
import type { FigureInfo } from '../../../client/src/protocol';
import { figureToInfo, findingToDiagnostic, toRange } from './convert';
import { documentSymbols, foldingRanges } from './features/symbols';

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
  /** the document's own findings as diagnostics */
  diagnostics: Diagnostic[];
  /** the findings themselves (original offsets); empty in 'index' mode */
  findings: Finding[];
  /** the figures report (original offsets); empty in 'index' mode */
  figures: FigureReport[];
  /** the same figures with positions (the draftlint/figures request) */
  figureInfos: FigureInfo[];
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
  const doc = TextDocument.create(job.uri, 'markdown', job.version ?? 0, job.text);
  const view = result.view;
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
    findings: open ? result.findings : [],
    figures: open ? result.figures : [],
    figureInfos: result.figures.map((fr) => figureToInfo(doc, fr)),
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
