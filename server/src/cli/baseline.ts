/**
 * Baselines: `draftlint check --write-baseline [FILE]` records the current findings (default
 * `draftlint-baseline.json`); `--baseline FILE` hides the findings recorded there, so old findings do not block
 * unrelated changes while new ones still fail the run.
 *
 * A finding is matched by its file (relative to the baseline file's folder) and its fingerprint (rule, message,
 * the flagged text and a little context on its line — see fingerprint.ts), never by line number, so edits above
 * it do not bring it back. Each fingerprint has a count: two identical findings where the baseline has one
 * leave one shown.
 *
 * File format (sorted, readable, diff-friendly):
 * { "draftlint": "0.1.0", "format": 1, "files": { "docs/a.md": [ { "rule", "message", "fingerprint", "count" } ] } }
 */
import fs = require('node:fs');
import path = require('node:path');
import type { FileResult } from './lintFile';
import { toPosix } from './paths';
import { jsonErrorOffset } from './jsonpos';
import { oneLine } from './output';

const FORMAT = 1;

export interface BaselineItem {
  rule: string;
  /** for people reading the file; matching uses the fingerprint */
  message: string;
  fingerprint: string;
  count: number;
}

/** file key → fingerprint → count */
export type Baseline = Map<string, Map<string, number>>;

/** The key of a file in a baseline kept in `dir`: its path relative to `dir`, with forward slashes. */
export function baselineKey(dir: string, abs: string): string {
  return toPosix(path.relative(dir, abs));
}

/** The baseline document for these results (files without findings are left out). */
export function buildBaseline(results: readonly FileResult[], dir: string, version: string): string {
  const files: Record<string, BaselineItem[]> = {};
  const keyed = results
    .filter((r) => !r.skipped && r.findings.length)
    .map((r) => ({ key: baselineKey(dir, r.path), r }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key, r } of keyed) {
    const items = new Map<string, BaselineItem>();
    for (const f of r.findings) {
      if (!f.fingerprint) continue;
      const it = items.get(f.fingerprint);
      if (it) it.count++;
      else items.set(f.fingerprint, { rule: f.rule, message: f.message, fingerprint: f.fingerprint, count: 1 });
    }
    // a file listed twice (two command-line spellings of one path are de-duplicated, but be safe): merge
    const prev = files[key];
    if (prev) {
      for (const it of items.values()) {
        const same = prev.find((p) => p.fingerprint === it.fingerprint);
        if (same) same.count += it.count;
        else prev.push(it);
      }
    } else if (items.size) files[key] = [...items.values()];
  }
  return JSON.stringify({ draftlint: version, format: FORMAT, files }, null, 2) + '\n';
}

export class BaselineError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Parse a baseline file's text; throws BaselineError naming the line (when JSON is malformed) and what is wrong. */
export function parseBaseline(text: string, display: string): Baseline {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const at = m ? Number(m[1]) : jsonErrorOffset(text);
    const why = oneLine((e as Error).message).slice(0, 120);
    throw new BaselineError(display, at >= 0 ? lineAt(text, at) : undefined, `not valid JSON (${why})`);
  }
  const d = doc as { format?: unknown; files?: unknown };
  if (!d || typeof d !== 'object' || Array.isArray(d) || !d.files || typeof d.files !== 'object' || Array.isArray(d.files)) {
    throw new BaselineError(display, undefined, 'not a draftlint baseline (expected { "files": { "path": [ … ] } }; write one with --write-baseline)');
  }
  if (d.format !== undefined && d.format !== FORMAT) {
    throw new BaselineError(display, undefined, `baseline format ${String(d.format)} is not supported (expected ${FORMAT}); write it again with --write-baseline`);
  }
  const out: Baseline = new Map();
  for (const [file, items] of Object.entries(d.files as Record<string, unknown>)) {
    if (!Array.isArray(items)) throw new BaselineError(display, undefined, `field "files.${file}": expected a list of findings`);
    const counts = new Map<string, number>();
    items.forEach((it, k) => {
      const o = it as Partial<BaselineItem> | null;
      const count = o?.count === undefined ? 1 : o.count;
      if (!o || typeof o !== 'object' || typeof o.fingerprint !== 'string' || typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        throw new BaselineError(display, undefined, `field "files.${file}[${k}]": expected { "fingerprint": "…", "count": N }`);
      }
      counts.set(o.fingerprint, (counts.get(o.fingerprint) ?? 0) + count);
    });
    out.set(file, counts);
  }
  return out;
}

/** Read and parse a baseline file (throws BaselineError). */
export function loadBaseline(abs: string, display: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BaselineError(display, undefined, `cannot read the baseline (${code === 'ENOENT' ? 'not found' : (code ?? (e as Error).message)})`);
  }
  return parseBaseline(text, display);
}

/**
 * Drop the findings the baseline accounts for (the first `count` with each fingerprint, in file order).
 * Returns new results (the inputs are not changed) and how many findings were hidden.
 */
export function applyBaseline(results: readonly FileResult[], baseline: Baseline, dir: string): { results: FileResult[]; hidden: number } {
  let hidden = 0;
  const out = results.map((r) => {
    const known = baseline.get(baselineKey(dir, r.path));
    if (!known || r.findings.length === 0) return r;
    const left = new Map(known);
    const findings = r.findings.filter((f) => {
      const n = f.fingerprint ? left.get(f.fingerprint) : undefined;
      if (!n) return true;
      left.set(f.fingerprint!, n - 1);
      hidden++;
      return false;
    });
    return findings.length === r.findings.length ? r : { ...r, findings };
  });
  return { results: out, hidden };
}
