/**
 * `draftlint check --cache`: the FileResult of every linted file, stored under the sha256 of the file's bytes and
 * a settings key (draftlint version and build, the project's config, data, template and reference files by
 * content, the options that change findings: language, --max-file-size, cwd…). A rerun reads unchanged files'
 * results from the cache instead of linting them; cross-file checks still run over every file's citations.
 *
 * Location: `--cache-location DIR|FILE` (a folder, or a path ending in a slash, holds `check.json`), by default
 * `.draftlint-cache/check.json` in the cwd. The cache is only an optimisation: a missing, unreadable, corrupt or
 * foreign cache file is ignored (and rewritten); any entry that does not have the expected shape is a miss.
 */
import fs = require('node:fs');
import path = require('node:path');
import { createHash } from './hash';
import type { FileResult, OutFinding, OutRelated } from './lintFile';
import type { CitationSummary } from '../core/index';

export const DEFAULT_CACHE_DIR = '.draftlint-cache';
export const CACHE_FILE = 'check.json';
const FORMAT = 1;

/** The cache file for `--cache-location` (undefined = the default). */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_DIR, CACHE_FILE);
  const abs = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(abs, CACHE_FILE);
  try {
    if (fs.statSync(abs).isDirectory()) return path.join(abs, CACHE_FILE);
  } catch {
    // not there yet: a file
  }
  return abs;
}

interface Entry {
  /** sha256 of the file's bytes */
  hash: string;
  /** the settings key the result was computed under */
  settings: string;
  result: FileResult;
}

export class ResultCache {
  readonly file: string;
  hits = 0;
  misses = 0;
  /** why the stored file was not used ('' when it was, or there was none) */
  discarded = '';
  private readonly old = new Map<string, Entry>();
  private readonly fresh = new Map<string, Entry>();

  constructor(file: string) {
    this.file = file;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.discarded = `cannot read it (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
      return;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      this.discarded = 'not valid JSON';
      return;
    }
    const d = doc as { format?: unknown; entries?: unknown };
    if (!d || typeof d !== 'object' || d.format !== FORMAT || !d.entries || typeof d.entries !== 'object' || Array.isArray(d.entries)) {
      this.discarded = 'not a draftlint cache of this version';
      return;
    }
    for (const [p, e] of Object.entries(d.entries as Record<string, unknown>)) {
      if (isEntry(e)) this.old.set(p, e);
    }
  }

  /**
   * The cached result of a file whose bytes hash to `hash` under `settings`, or undefined (a miss). The
   * result's path and display are set to the given ones.
   */
  get(abs: string, display: string, hash: string, settings: string): FileResult | undefined {
    const e = this.old.get(abs);
    if (!e || e.hash !== hash || e.settings !== settings) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.fresh.set(abs, e);
    return { ...e.result, path: abs, display };
  }

  /** Store a freshly linted result (it must carry `hash`); files skipped as unreadable or too large are not stored. */
  set(r: FileResult, settings: string): void {
    if ((r.skipped && r.skipped !== 'binary') || !r.hash) return;
    const { hash, ...rest } = r;
    this.fresh.set(r.path, { hash, settings, result: rest });
  }

  /**
   * Write the cache: this run's entries, and the older ones of files not linted this time that still exist.
   * Returns an error message when it cannot be written (the run goes on without it).
   */
  save(): string | undefined {
    const entries: Record<string, Entry> = {};
    for (const [p, e] of this.old) {
      if (this.fresh.has(p)) continue;
      if (fs.existsSync(p)) entries[p] = e;
    }
    for (const [p, e] of this.fresh) entries[p] = e;
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify({ format: FORMAT, entries }));
      fs.renameSync(tmp, this.file);
      return undefined;
    } catch (e) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing to clean up
      }
      return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    }
  }
}

/** A settings key: sha256 of the parts (strings, joined unambiguously). */
export function settingsKey(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(String(p.length));
    h.update(':');
    h.update(p);
  }
  return h.digest('hex');
}

// ---------------------------------------------------------------------------------------------------------
// Shape checks: a cache file is user-writable data; nothing in it may crash a formatter.

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isPos = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const SEVERITIES = new Set(['error', 'warning', 'info']);

function isRange(o: Record<string, unknown>): boolean {
  return isPos(o.line) && isPos(o.column) && isPos(o.endLine) && isPos(o.endColumn);
}

function isRelated(v: unknown): v is OutRelated {
  return isObj(v) && isStr(v.message) && isRange(v) && (v.uri === undefined || isStr(v.uri));
}

function isFinding(v: unknown): v is OutFinding {
  if (!isObj(v) || !isStr(v.rule) || !isStr(v.message) || !SEVERITIES.has(v.severity as string) || !isRange(v)) return false;
  if (v.data !== undefined && !isObj(v.data)) return false;
  if (v.fingerprint !== undefined && !isStr(v.fingerprint)) return false;
  if (v.related !== undefined && !(Array.isArray(v.related) && v.related.every(isRelated))) return false;
  return true;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isCitation(v: unknown): v is CitationSummary {
  return (
    isObj(v) &&
    isStr(v.uri) &&
    isStr(v.indicatorId) &&
    isStr(v.indicatorName) &&
    isStr(v.period) &&
    isStr(v.text) &&
    isStr(v.bound) &&
    typeof v.hasCanonical === 'boolean' &&
    isNum(v.lo) &&
    isNum(v.hi) &&
    isPos(v.decimals) &&
    isPos(v.start) &&
    isPos(v.end) &&
    isPos(v.line) &&
    isPos(v.character) &&
    isPos(v.endLine) &&
    isPos(v.endCharacter)
  );
}

function isEntry(v: unknown): v is Entry {
  if (!isObj(v) || !isStr(v.hash) || !isStr(v.settings) || !isObj(v.result)) return false;
  const r = v.result;
  if (!isStr(r.path) || !isStr(r.display) || (r.skipped !== undefined && r.skipped !== 'binary')) return false;
  if (!Array.isArray(r.findings) || !r.findings.every(isFinding)) return false;
  if (r.citations !== undefined && !(Array.isArray(r.citations) && r.citations.every(isCitation))) return false;
  // check results carry neither figures nor outlines
  if (r.figures !== undefined || r.outline !== undefined) return false;
  return true;
}
