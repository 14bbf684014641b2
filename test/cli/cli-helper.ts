/**
 * Helpers for the CLI tests: run the built dist/cli.js in a child process, compare against committed snapshots
 * (`UPDATE_SNAPSHOTS=1` rewrites them), make temp folders.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const cliPath = path.join(repoRoot, 'dist', 'cli.js');
export const fixtures = path.join(repoRoot, 'test', 'cli', 'fixtures');
/** fixtures as the CLI shows them when run from the repo root */
export const FIX = 'test/cli/fixtures';
const snapshotDir = path.join(repoRoot, 'test', 'cli', '__snapshots__');

let built = false;
/** `npm test` builds first; a lone `node scripts/run-tests.mjs cli` builds when dist is missing. */
export function ensureBuilt(): void {
  if (built) return;
  if (!fs.existsSync(cliPath) || !fs.existsSync(path.join(repoRoot, 'dist', 'cli-app.js'))) {
    const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, `build failed: ${r.stderr}`);
  }
  built = true;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  ensureBuilt();
  const env = { ...process.env, ...opts.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: opts.cwd ?? repoRoot, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The only normalisation: the absolute repository path (and its file: URL) becomes `<cwd>`. */
export function normalise(s: string): string {
  const url = pathToFileURL(repoRoot).href;
  return s.split(url).join('file://<cwd>').split(repoRoot).join('<cwd>');
}

/** Compare with test/cli/__snapshots__/NAME, or write it when UPDATE_SNAPSHOTS=1. */
export function matchSnapshot(name: string, actual: string): void {
  const file = path.join(snapshotDir, name);
  const text = normalise(actual);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.mkdirSync(snapshotDir, { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  assert.ok(fs.existsSync(file), `snapshot ${name} is missing: run UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs cli`);
  const expected = fs.readFileSync(file, 'utf8');
  assert.equal(text, expected, `snapshot ${name} differs (UPDATE_SNAPSHOTS=1 regenerates it)`);
}

const made: string[] = [];
process.on('exit', () => {
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temp folder, removed when the test process exits. */
export function tempDir(prefix = 'draftlint-cli-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

export function write(dir: string, rel: string, content: string | Buffer): string {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

/** The lines of a file decoded from its bytes (UTF-8 → UTF-16 string, BOM dropped), split on any line break. */
export function originalLines(file: string): string[] {
  let text = fs.readFileSync(file).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.split(/\r\n|\r|\n/);
}

export interface JsonReport {
  files: {
    path: string;
    findings: {
      rule: string;
      severity: string;
      message: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      data: Record<string, unknown>;
    }[];
  }[];
}
