/**
 * Linting open documents: at once on open and on the first edit after a pause (leading edge), debounced
 * during bursts of edits (one lint ~150 ms after the last edit of the burst: trailing edge); run off the main
 * thread (pool.ts); cancellable (a newer version supersedes an older run; the result of a stale version is
 * dropped) and cached per document version. Requests that need the analysis of the current version wait for
 * it (`current`); nothing else waits.
 */
import type { CancellationToken, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CitationSummary } from '../core/index';
import type { Env, Settings } from './config';
import type { LintData, LintJob } from './lintjob';

export const CHANGE_DELAY_MS = 150;

/** DRAFTLINT_TRACE=1: log where the time of each lint of an open document goes */
const TRACE = Boolean(process.env.DRAFTLINT_TRACE);

/** The job of a document under an environment. */
export function jobFor(env: Env, uri: string, version: number | null, text: string, mode: LintJob['mode']): LintJob {
  return {
    uri,
    version,
    text,
    gen: env.generation,
    template: env.template,
    templates: env.templates,
    rules: env.rules,
    options: env.options,
    cheapOnlyAbove: env.cheapOnlyAbove,
    language: env.language,
    mode,
  };
}

/** The analysis of one version of an open document. */
export interface Analysis {
  uri: string;
  version: number;
  /** false when the document is not linted (gate, binary, too large): then everything below is empty */
  enabled: boolean;
  reason?: 'disabled' | 'binary' | 'too-large' | 'not-a-draft';
  result: LintData | null;
  env: Env | null;
  /** the document's own findings */
  base: Diagnostic[];
  /** findings against the other drafts of the project (figures/inconsistent across documents) */
  cross: Diagnostic[];
  summaries: CitationSummary[];
  /** changes whenever the diagnostics change (pull diagnostics' resultId) */
  resultId: string;
  /** the text it was computed from */
  doc: TextDocument;
}

export interface Prepared {
  enabled: boolean;
  reason?: Analysis['reason'];
  env: Env | null;
  settings: Settings | null;
}

export interface LinterHost {
  documents: TextDocuments<TextDocument>;
  /** settings, gate and environment of a document (async: settings may be pulled from the client) */
  prepare(doc: TextDocument): Promise<Prepared>;
  /** a new analysis is in the cache (fill `cross`, publish, update the workspace index) */
  linted(a: Analysis): void;
  /** run a lint (pool.ts); null when a newer job of the same key replaced it */
  lint(job: LintJob, env: Env, key: string): Promise<LintData | null>;
  /** forget a queued lint of this key */
  cancel(key: string): void;
  log(message: string): void;
}

let resultCounter = 0;
export function nextResultId(): string {
  return `r${++resultCounter}`;
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

interface Waiter {
  version: number;
  resolve: (a: Analysis | undefined) => void;
}

export function isBinary(text: string): boolean {
  return text.indexOf('\u0000') >= 0;
}

export function tooLarge(text: string, maxBytes: number): boolean {
  if (!(maxBytes > 0)) return false;
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(text, 'utf8') > maxBytes;
}

export class DocLinter {
  private readonly entries = new Map<string, Analysis>();
  /** pending lints: a timer (debounce) or an immediate (at once) */
  private readonly timers = new Map<string, { cancel(): void }>();
  private readonly runs = new Map<string, number>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly dirty = new Set<string>();
  /** when each document last changed (ms), to tell a first edit from a burst */
  private readonly lastChange = new Map<string, number>();
  private readonly openedVersion = new Map<string, number>();
  /** lint runs completed (for tests and logs) */
  lintCount = 0;

  constructor(
    private readonly host: LinterHost,
    private changeDelay = CHANGE_DELAY_MS,
  ) {}

  /** The debounce of bursts of edits (ms). */
  setChangeDelay(ms: number): void {
    this.changeDelay = ms;
  }

  /** A document was opened: lint it at once. */
  opened(uri: string, version: number): void {
    this.openedVersion.set(uri, version);
    this.lastChange.delete(uri);
    this.schedule(uri, 0);
  }

  /**
   * The document changed. The first edit after a pause is linted at once (leading edge); edits that follow
   * within `changeDelay` are a burst: one lint `changeDelay` after its last edit (trailing edge).
   */
  changed(uri: string, version: number): void {
    // TextDocuments reports the content of an opened document as a change too: opened() scheduled it
    if (this.openedVersion.get(uri) === version) return;
    this.openedVersion.delete(uri);
    const now = Date.now();
    const last = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    const burst = this.timers.has(uri) || (last !== undefined && now - last < this.changeDelay);
    this.schedule(uri, burst ? this.changeDelay : 0);
  }

  /** The cached analysis of a document, whatever its version. */
  get(uri: string): Analysis | undefined {
    return this.entries.get(uri);
  }

  all(): Analysis[] {
    return [...this.entries.values()];
  }

  /** Lint `uri` after `delay` ms (replacing a pending lint). */
  schedule(uri: string, delay: number): void {
    this.timers.get(uri)?.cancel();
    const fire = () => {
      this.timers.delete(uri);
      void this.run(uri);
    };
    if (delay <= 0) {
      // at once (after the message being handled), without a timer's minimum delay
      const im = setImmediate(fire);
      this.timers.set(uri, { cancel: () => clearImmediate(im) });
    } else {
      const t = setTimeout(fire, delay);
      this.timers.set(uri, { cancel: () => clearTimeout(t) });
    }
  }

  /** Everything changed (data, settings): re-lint every open document soon. */
  invalidateAll(delay = 0): void {
    for (const doc of this.host.documents.all()) {
      this.dirty.add(doc.uri);
      this.schedule(doc.uri, delay);
    }
  }

  /** The document was closed: forget it, release waiters. */
  close(uri: string): void {
    this.timers.get(uri)?.cancel();
    this.timers.delete(uri);
    this.runs.set(uri, (this.runs.get(uri) ?? 0) + 1);
    this.entries.delete(uri);
    this.dirty.delete(uri);
    this.lastChange.delete(uri);
    this.openedVersion.delete(uri);
    this.host.cancel(uri);
    const ws = this.waiters.get(uri);
    this.waiters.delete(uri);
    for (const w of ws ?? []) w.resolve(undefined);
  }

  /** Is the cached analysis the one of the document's current version? */
  isCurrent(uri: string): boolean {
    const doc = this.host.documents.get(uri);
    const a = this.entries.get(uri);
    return Boolean(doc && a && a.version === doc.version && !this.dirty.has(uri));
  }

  /**
   * The analysis of the document's current version, waiting for the pending lint if needed (starting one
   * at once when none is pending). Undefined for unknown documents or when cancelled.
   */
  current(uri: string, token?: CancellationToken): Promise<Analysis | undefined> {
    const doc = this.host.documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    const a = this.entries.get(uri);
    if (a && a.version === doc.version && !this.dirty.has(uri)) return Promise.resolve(a);
    if (!this.timers.has(uri) && !this.inFlight(uri)) this.schedule(uri, 0);
    return new Promise<Analysis | undefined>((resolve) => {
      const list = this.waiters.get(uri) ?? [];
      let done = false;
      const w: Waiter = {
        version: doc.version,
        resolve: (x) => {
          if (done) return;
          done = true;
          resolve(x);
        },
      };
      list.push(w);
      this.waiters.set(uri, list);
      token?.onCancellationRequested(() => {
        const l = this.waiters.get(uri);
        if (l) this.waiters.set(uri, l.filter((x) => x !== w));
        w.resolve(undefined);
      });
    });
  }

  private readonly flying = new Map<string, number>();
  private inFlight(uri: string): boolean {
    return (this.flying.get(uri) ?? 0) > 0;
  }

  private async run(uri: string): Promise<void> {
    const my = (this.runs.get(uri) ?? 0) + 1;
    this.runs.set(uri, my);
    this.flying.set(uri, (this.flying.get(uri) ?? 0) + 1);
    try {
      await this.runInner(uri, my);
    } catch (e) {
      this.host.log(`lint of ${uri} failed: ${(e as Error).stack ?? e}`);
      // never leave a request waiting for a lint that failed
      if (this.runs.get(uri) === my) {
        const ws = this.waiters.get(uri);
        this.waiters.delete(uri);
        for (const w of ws ?? []) w.resolve(undefined);
      }
    } finally {
      this.flying.set(uri, (this.flying.get(uri) ?? 1) - 1);
    }
  }

  private superseded(uri: string, my: number, version: number): boolean {
    if (this.runs.get(uri) !== my) return true;
    const doc = this.host.documents.get(uri);
    return !doc || doc.version !== version;
  }

  private async runInner(uri: string, my: number): Promise<void> {
    const doc = this.host.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const t0 = performance.now();
    const prep = await this.host.prepare(doc);
    if (this.superseded(uri, my, version)) return;
    const base: Omit<Analysis, 'enabled' | 'reason' | 'result' | 'base' | 'summaries'> = {
      uri,
      version,
      env: prep.env,
      cross: [],
      resultId: nextResultId(),
      doc,
    };
    if (!prep.enabled || !prep.env) {
      this.store({ ...base, enabled: false, reason: prep.reason ?? 'disabled', result: null, base: [], summaries: [] });
      return;
    }
    const text = doc.getText();
    if (isBinary(text)) {
      this.store({ ...base, enabled: false, reason: 'binary', result: null, base: [], summaries: [] });
      return;
    }
    if (prep.settings && tooLarge(text, prep.settings.maxFileSize)) {
      this.store({ ...base, enabled: false, reason: 'too-large', result: null, base: [], summaries: [] });
      return;
    }
    const env = prep.env;
    const t1 = performance.now();
    const data = await this.host.lint(jobFor(env, uri, version, text, 'open'), env, uri);
    const t2 = performance.now();
    if (!data || this.superseded(uri, my, version)) return;
    this.lintCount++;
    this.store({ ...base, enabled: true, result: data, base: data.diagnostics, summaries: data.summaries });
    if (TRACE) {
      const ms = (x: number) => x.toFixed(1);
      this.host.log(
        `draftlint: ${uri} v${version}: prepare ${ms(t1 - t0)} ms, queue+worker ${ms(t2 - t1)} ms (lint ${ms(data.ms)} ms), publish ${ms(performance.now() - t2)} ms`,
      );
    }
  }

  private store(a: Analysis): void {
    this.entries.set(a.uri, a);
    this.dirty.delete(a.uri);
    try {
      this.host.linted(a);
    } catch (e) {
      this.host.log(`after lint of ${a.uri}: ${(e as Error).stack ?? e}`);
    }
    const ws = this.waiters.get(a.uri);
    if (ws) {
      const keep: Waiter[] = [];
      for (const w of ws) {
        if (w.version <= a.version) w.resolve(a);
        else keep.push(w);
      }
      if (keep.length) this.waiters.set(a.uri, keep);
      else this.waiters.delete(a.uri);
    }
  }

  /** Replace the cross-document part of an analysis (no re-lint); returns true when it changed. */
  setCross(a: Analysis, cross: Diagnostic[]): boolean {
    const same =
      a.cross.length === cross.length &&
      a.cross.every((d, i) => d.message === cross[i].message && sameRange(d, cross[i]));
    a.cross = cross;
    if (!same) a.resultId = nextResultId();
    return !same;
  }
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

export function allDiagnostics(a: Analysis): Diagnostic[] {
  return a.cross.length ? [...a.base, ...a.cross] : a.base;
}
