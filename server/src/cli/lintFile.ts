/**
 * Linting one file into a plain, serialisable `FileResult` (positions already 1-based, messages already
 * localised), so formatters never see core objects and a worker pool can later run `lintFile` elsewhere.
 */
import fs = require('node:fs');
import { createHash } from './hash';
import { lint, localize, summarizeCitations, type CitationSummary, type Finding, type Language, type LintResult, type OutlineNode, type TextView } from '../core/index';
import { decodeDocument, readDocumentText, type ReadResult } from './files';
import { fingerprintOf } from './fingerprint';
import { displayPath } from './paths';
import type { Project } from './project';

/** A 1-based range; columns count UTF-16 code units of the original text (BOM excluded); end exclusive. */
export interface Range1 {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface OutRelated extends Range1 {
  message: string;
  /** another document (as the core gave it); absent = the same file */
  uri?: string;
}

export interface OutFinding extends Range1 {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  data?: Record<string, unknown>;
  related?: OutRelated[];
  /** what the finding is, independent of its line (see fingerprint.ts); used by baselines, never printed */
  fingerprint?: string;
}

export interface OutFigure extends Range1 {
  text: string;
  indicator: { id: string; name: string; unit: string } | null;
  period: string | null;
  cited: string;
  canonical: string | null;
  source: string | null;
  status: 'ok' | 'mismatch' | 'rounded' | 'unmatched' | 'no-value';
  dataUri?: string;
  /** 1-based line of the canonical row in the data file */
  dataLine?: number;
}

export interface OutHeading {
  line: number;
  column: number;
  depth: number;
  kind: string;
  marker: string;
  punct: string;
  title: string;
  /** the template section it matched */
  section?: string;
  children: OutHeading[];
}

export interface OutOutline {
  template: { name: string; auto: boolean } | null;
  headings: OutHeading[];
  /** required template sections not found: number and title as the template writes them */
  missing: { id: string; kind: string; number?: string; title?: string; under?: string }[];
}

export interface FileResult {
  /** absolute path */
  path: string;
  /** path as shown (relative to cwd when inside it) */
  display: string;
  /** not linted: why */
  skipped?: 'binary' | 'unreadable' | 'too-large' | 'failed';
  error?: string;
  /** the stack of an internal error (skipped: 'failed'), printed with --debug */
  stack?: string;
  /** bytes (set for files skipped as too large) */
  size?: number;
  /** sha256 of the file's bytes as linted (when `want.hash`): the cache stores the result under it */
  hash?: string;
  findings: OutFinding[];
  figures?: OutFigure[];
  outline?: OutOutline;
  /** the figures matched to an indicator with a period, for checks across the project's files */
  citations?: CitationSummary[];
}

export interface LintContext {
  /** paths are shown relative to this folder when inside it */
  cwd: string;
  project: Project;
  language: Language;
  /** what to collect besides findings */
  want: { figures?: boolean; outline?: boolean; citations?: boolean; hash?: boolean; fingerprints?: boolean };
}

export function range1(view: Pick<TextView, 'positionAt'>, start: number, end: number): Range1 {
  const a = view.positionAt(start);
  const b = view.positionAt(end);
  return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

export function outFinding(view: Pick<TextView, 'positionAt'>, f: Finding, lang: Language): OutFinding {
  const o: OutFinding = {
    rule: f.rule,
    severity: f.severity,
    message: localize(f.message, lang),
    ...range1(view, f.start, f.end),
  };
  if (f.data) o.data = f.data;
  if (f.related?.length) {
    o.related = f.related.map((r) => {
      if (r.uri) {
        const rg = r.range;
        return {
          uri: r.uri,
          message: localize(r.message, lang),
          line: (rg?.line ?? 0) + 1,
          column: (rg?.character ?? 0) + 1,
          endLine: (rg?.endLine ?? rg?.line ?? 0) + 1,
          endColumn: (rg?.endCharacter ?? rg?.character ?? 0) + 1,
        };
      }
      return { message: localize(r.message, lang), ...range1(view, r.start, r.end) };
    });
  }
  return o;
}

function outOutline(res: LintResult): OutOutline {
  const view = res.view;
  const matched = res.applied?.matched;
  const conv = (n: OutlineNode): OutHeading => {
    const p = view.positionAt(view.toOriginal(n.markerStart));
    const h: OutHeading = {
      line: p.line + 1,
      column: p.character + 1,
      depth: n.depth,
      kind: n.kind,
      marker: n.marker,
      punct: n.punct,
      title: n.title,
      children: n.children.map(conv),
    };
    const sec = matched?.get(n);
    if (sec) h.section = sec.id;
    return h;
  };
  const missing: OutOutline['missing'] = (res.applied?.missing ?? []).map((m) => {
    const o: OutOutline['missing'][number] = { id: m.section.id, kind: m.section.kind };
    if (m.section.number !== undefined) o.number = m.section.number;
    if (m.section.title !== undefined) o.title = m.section.title;
    if (m.parentSection) o.under = m.parentSection.id;
    return o;
  });
  return { template: res.template, headings: res.outline.map(conv), missing };
}

export function contentHash(buf: Buffer): string {
  return createHash('sha256').update(buf).digest('hex');
}

/**
 * Lint one file. Never throws for unreadable, binary or huge files: they come back `skipped`. A file over the
 * project's `maxFileSize` (bytes) gets only the cheap rules (the core adds an info finding saying so); one over
 * `skipAbove` is not even read.
 */
export function lintFile(filePath: string, ctx: LintContext): FileResult {
  try {
    return lintFileUnguarded(filePath, ctx);
  } catch (e) {
    // a bug in the core on this input: report the file as failed, lint the others
    const err = e instanceof Error ? e : new Error(String(e));
    return {
      path: filePath,
      display: displayPath(filePath, ctx.cwd),
      skipped: 'failed',
      error: `${err.name}: ${err.message}`,
      stack: err.stack,
      findings: [],
    };
  }
}

function lintFileUnguarded(filePath: string, ctx: LintContext): FileResult {
  const file = { path: filePath, display: displayPath(filePath, ctx.cwd) };
  const skipped = (why: NonNullable<FileResult['skipped']>, extra: Partial<FileResult> = {}): FileResult => ({
    path: file.path,
    display: file.display,
    skipped: why,
    ...extra,
    findings: [],
  });
  let doc: ReadResult;
  let bytes: number;
  let hash: string | undefined;
  try {
    const size = fs.statSync(file.path).size;
    if (size > ctx.project.skipAbove) return skipped('too-large', { size });
    if (ctx.want.hash) {
      const buf = fs.readFileSync(file.path);
      bytes = buf.length;
      // the size read, not the size stat'ed (the file may have grown in between)
      if (bytes > ctx.project.skipAbove) return skipped('too-large', { size: bytes });
      hash = contentHash(buf);
      doc = decodeDocument(buf);
    } else {
      // without a hash to take, no Buffer: Node's own UTF-8 read (what `node` reading a file does)
      ({ doc, bytes } = readDocumentText(file.path));
      if (bytes > ctx.project.skipAbove) return skipped('too-large', { size: bytes });
    }
  } catch (e) {
    return skipped('unreadable', { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  if (doc.kind === 'binary') return skipped('binary', hash ? { hash } : {});
  if (doc.kind === 'error') return skipped('unreadable', { error: doc.message });
  const cheap = bytes > ctx.project.maxFileSize;
  const res = lint(doc.text, { ...ctx.project.lint, uri: file.display, cheapOnlyAbove: cheap ? 0 : Infinity });
  const view = res.view;
  const original = view.original;
  const starts = view.lineStarts;
  const out: FileResult = {
    path: file.path,
    display: file.display,
    findings: res.findings.map((f) => {
      const o = outFinding(view, f, ctx.language);
      if (ctx.want.fingerprints) o.fingerprint = fingerprintOf(original, starts, f.start, f.end, f.rule, f.message);
      return o;
    }),
  };
  if (hash) out.hash = hash;
  if (ctx.want.figures) {
    out.figures = res.figures.map((r) => {
      const fig: OutFigure = {
        ...range1(view, r.start, r.end),
        text: r.text,
        indicator: r.indicator ? { id: r.indicator.id, name: r.indicator.name, unit: r.indicator.unit } : null,
        period: r.period ?? null,
        cited: r.cited,
        canonical: r.canonical ?? null,
        source: r.source ?? null,
        status: r.status,
      };
      if (r.dataUri) fig.dataUri = r.dataUri;
      if (r.dataLine !== undefined) fig.dataLine = r.dataLine + 1;
      return fig;
    });
  }
  if (ctx.want.outline) out.outline = outOutline(res);
  if (ctx.want.citations) out.citations = summarizeCitations(res, file.display);
  return out;
}
