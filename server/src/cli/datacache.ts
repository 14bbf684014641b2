/**
 * Parsed indicator files (and draftlint.json files) kept between runs, next to the CLI's code cache (main.ts):
 * parsing a data file (CSV, zod validation) costs a cold process more than linting a short draft, and data files
 * change far less often than drafts. An entry is named by the build of draftlint, the file's name as shown in
 * messages and its text's length, and holds the text itself: it is used only when the name and the whole text
 * are equal, so an edited file, a renamed one or a new draftlint never reads a stale entry; its issues
 * (diagnostics with file, line and field) are kept with it. Entries are JSON (a parse result is plain data; a
 * property whose value is undefined comes back absent, which no reader tells apart), not node:v8's serializer:
 * loading node:v8 loads Node's streams too, several milliseconds of a one-shot run. Only when the loader made a
 * cache directory available (the bundled CLI with a node_modules); any problem → parse as usual. At most
 * MAX_ENTRIES files.
 */
import fs = require('node:fs');
import path = require('node:path');
import type { ParseConfigResult, ParseIndicatorResult } from '../core/index';

const MAX_ENTRIES = 64;

interface CacheDir {
  dir: string;
  build: string;
}

function cacheDir(): CacheDir | undefined {
  const c = (globalThis as { __draftlintCache?: CacheDir }).__draftlintCache;
  return c && typeof c.dir === 'string' && typeof c.build === 'string' ? c : undefined;
}

interface Entry<T> {
  shown: string;
  text: string;
  result: T;
}

type Kind = 'data' | 'config';

function isEntry(v: unknown, kind: Kind): v is Entry<unknown> {
  const e = v as Entry<Record<string, unknown>> | null;
  if (typeof e !== 'object' || e === null || typeof e.shown !== 'string' || typeof e.text !== 'string') return false;
  const r = e.result;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.issues)) return false;
  return kind === 'config' ? r.config === undefined || (typeof r.config === 'object' && r.config !== null) : Array.isArray(r.indicators);
}

/** FNV-1a of a short string (a file name), as 8 hex digits */
function nameHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** parse(text), or the result a previous run stored for the same build, name and text. */
function cachedParse<T>(kind: Kind, text: string, shown: string, parse: () => T): T {
  const c = cacheDir();
  if (!c) return parse();
  const file = path.join(c.dir, `data-${c.build}-${kind}-${nameHash(shown)}-${text.length}.json`);
  try {
    const v: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (isEntry(v, kind) && v.shown === shown && v.text === text) return v.result as T;
  } catch {
    // no entry yet (or an unreadable one): parse
  }
  const result = parse();
  try {
    fs.mkdirSync(c.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ shown, text, result } satisfies Entry<T>));
    fs.renameSync(tmp, file);
    prune(c.dir);
  } catch {
    // read-only install: no cache
  }
  return result;
}

/** An indicator file's parse (CSV/JSON/YAML, validated with zod), from the cache when its text is unchanged. */
export function cachedIndicatorParse(text: string, shown: string, parse: () => ParseIndicatorResult): ParseIndicatorResult {
  return cachedParse('data', text, shown, parse);
}

/** A draftlint.json's parse, from the cache when its text is unchanged (then zod is not even loaded). */
export function cachedConfigParse(text: string, shown: string, parse: () => ParseConfigResult): ParseConfigResult {
  return cachedParse('config', text, shown, parse);
}

function prune(dir: string): void {
  const entries = fs.readdirSync(dir).filter((f) => f.startsWith('data-') && f.endsWith('.json'));
  if (entries.length <= MAX_ENTRIES) return;
  const withTime = entries.map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { f } of withTime.slice(0, entries.length - MAX_ENTRIES)) fs.rmSync(path.join(dir, f), { force: true });
}
