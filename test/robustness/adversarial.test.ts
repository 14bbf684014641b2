/**
 * Adversarial inputs through the core lint(), in process (the CLI's own suite runs them through the binary):
 * 1 MB lines of separators, brackets, quotes and bookmarks, 200,000 headings, headings 12 levels deep, NFD with
 * CRLF, lone surrogates, NUL bytes, empty and blank files, and the dense shapes that once made a scanner
 * quadratic. Each must finish well within a generous bound, throw nothing, and return ranges inside the text.
 *
 * Inputs are linted in a worker thread: a hang ends as a failed test (the worker is terminated), not a stall.
 * This suite alone has wall-clock bounds; they are coarse on purpose (the machine may be busy).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ADVERSARIAL } from './inputs';

/** lint() CPU time allowed per input (CPU, not wall-clock time: other processes may share the machine) */
const BOUND_MS = 5000;
/** wall-clock time allowed per input: only catches what is pathological even on a loaded machine */
const WALL_BOUND_MS = 20_000;
/** when the worker is given up on (a hang) */
const HARD_TIMEOUT_MS = 30_000;

/** per-input timings (ADVERSARIAL_VERBOSE=1 prints them) */
function log(line: string): void {
  if (process.env.ADVERSARIAL_VERBOSE) console.log(line);
}

interface Result {
  name: string;
  ms?: number;
  cpuMs?: number;
  length?: number;
  findings?: number;
  problems?: string[];
  error?: string;
}

let worker: Worker | undefined;
let ready: Promise<void> | undefined;

function start(): void {
  // the worker loads TypeScript through tsx's require hook, as the test runner does
  const file = JSON.stringify(path.join(__dirname, 'lint-worker.ts'));
  worker = new Worker(`require('tsx/cjs'); require(${file});`, { eval: true });
  ready = new Promise((resolve, reject) => {
    const w = worker!;
    const onMsg = (m: { ready?: boolean }) => {
      if (m.ready) {
        w.off('message', onMsg);
        resolve();
      }
    };
    w.on('message', onMsg);
    w.once('error', reject);
  });
}

async function run(name: string): Promise<Result> {
  if (!worker) start();
  await ready;
  const w = worker!;
  return new Promise<Result>((resolve) => {
    const timer = setTimeout(() => {
      w.off('message', onMsg);
      void w.terminate();
      worker = undefined;
      resolve({ name, error: `did not finish within ${HARD_TIMEOUT_MS / 1000} s (a hang?)` });
    }, HARD_TIMEOUT_MS);
    const onMsg = (m: Result) => {
      if (m.name !== name) return;
      clearTimeout(timer);
      w.off('message', onMsg);
      resolve(m);
    };
    w.on('message', onMsg);
    w.postMessage(name);
  });
}

describe('adversarial inputs through lint()', () => {
  before(() => start());
  after(async () => {
    await worker?.terminate();
  });

  for (const name of Object.keys(ADVERSARIAL)) {
    test(name, async () => {
      const r = await run(name);
      assert.equal(r.error, undefined, r.error);
      assert.deepEqual(r.problems, [], `${name}: bad ranges or internal failures`);
      const took = `${r.cpuMs!.toFixed(0)} ms CPU, ${r.ms!.toFixed(0)} ms wall, on ${r.length} characters`;
      assert.ok(r.cpuMs! < BOUND_MS, `${name}: lint took ${took} (bound ${BOUND_MS} ms CPU)`);
      assert.ok(r.ms! < WALL_BOUND_MS, `${name}: lint took ${took} (bound ${WALL_BOUND_MS} ms wall)`);
      log(`${name}: ${took}, ${r.findings} findings`);
    });
  }
});
