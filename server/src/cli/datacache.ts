/**
 * Parsed indicator files kept between runs, next to the CLI's code cache (main.ts): parsing a data file (CSV,
 * zod validation) costs a cold process more than linting a short draft, and data files change far less often
 * than drafts. An entry is keyed by the build of draftlint, the file's name as shown in messages and the sha256
 * of its text, so an edited file, a renamed one or a new draftlint never reads a stale entry; its issues
 * (diagnostics with file, line and field) are kept with it. Only when the loader made a cache directory
 * available (the bundled CLI with a node_modules); any problem → parse as usual. At most MAX_ENTRIES files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { ParseIndicatorResult } from '../core/index';

const MAX_ENTRIES = 64;

interface CacheDir {
  dir: string;
  build: string;
}

function cacheDir(): CacheDir | undefined {
  const c = (globalThis as { __draftlintCache?: CacheDir }).__draftlintCache;
  return c && typeof c.dir === 'string' && typeof c.build === 'string' ? c : undefined;
}

interface Entry {
  shown: string;
  text: string;
  result: ParseIndicatorResult;
}

function isEntry(v: unknown): v is Entry {
  const e = v as Entry | null;
  const r = e?.result;
  return (
    typeof e === 'object' && e !== null && typeof e.shown === 'string' && typeof e.text === 'string' &&
    typeof r === 'object' && r !== null && Array.isArray(r.indicators) && Array.isArray(r.issues)
  );
}

/** FNV-1a of a short string (a file name), as 8 hex digits */
function nameHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** parse(text), or the result a previous run stored for the same build, name and text. */
export function cachedIndicatorParse(text: string, shown: string, parse: () => ParseIndicatorResult): ParseIndicatorResult {
  const c = cacheDir();
  if (!c) return parse();
  const file = path.join(c.dir, `data-${c.build}-${nameHash(shown)}-${text.length}.v8`);
  try {
    const v = v8.deserialize(fs.readFileSync(file));
    if (isEntry(v) && v.shown === shown && v.text === text) return v.result;
  } catch {
    // no entry yet (or an unreadable one): parse
  }
  const result = parse();
  try {
    fs.mkdirSync(c.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, v8.serialize({ shown, text, result } satisfies Entry));
    fs.renameSync(tmp, file);
    prune(c.dir);
  } catch {
    // read-only install: no cache
  }
  return result;
}

function prune(dir: string): void {
  const entries = fs.readdirSync(dir).filter((f) => f.startsWith('data-') && f.endsWith('.v8'));
  if (entries.length <= MAX_ENTRIES) return;
  const withTime = entries.map((f) => ({ f, t: fs.statSync(path.join(dir, f)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { f } of withTime.slice(0, entries.length - MAX_ENTRIES)) fs.rmSync(path.join(dir, f), { force: true });
}
