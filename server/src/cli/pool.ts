/**
 * Linting many files: in this thread, or on a pool of worker threads when there is enough work to pay for
 * starting the workers (see `poolSize`). Either way the results come back in the order of the files, as plain
 * `FileResult`s (structured clones), so the output does not depend on how the work was spread.
 *
 * The workers run the same bundle as the CLI (dist/cli.js, through its compile cache), recognised by
 * `workerData.draftlintWorker` and a marker argument (so that a run in one thread needs no node:worker_threads,
 * which costs it ~3 ms to load); each loads the projects itself with the same loader options (the main thread
 * has already checked them for errors) and lints the files it is sent, a few at a time.
 */
import fs = require('node:fs');
import path = require('node:path');
import type { Worker } from 'node:worker_threads';
import type { Language } from '../core/index';
import { lintFile, type FileResult, type LintContext } from './lintFile';
import { ProjectLoader, type LoaderOptions } from './project';

/**
 * The cost model behind the automatic pool size, measured on the example drafts (2 cores): linting costs about
 * 4 ms per file plus 200 ms per MB once warm, and a worker costs about 200 ms to start (compiling the program
 * through the code cache, loading the project's data, warming up). A pool pays when the work in one thread is
 * at least twice a worker's start: ~100 small drafts, or ~2 MB of text.
 */
export const MS_PER_FILE = 4;
export const MS_PER_MB = 200;
export const WORKER_START_MS = 200;
/** Files sent ahead to each worker, so it never waits for the main thread. */
const IN_FLIGHT = 4;
/** At most this many workers (each holds its own copy of the program and the projects' data). */
export const POOL_MAX_WORKERS = 8;

export interface WorkerSetup {
  draftlintWorker: true;
  loader: LoaderOptions;
  cwd: string;
  language: Language;
  want: LintContext['want'];
}

/** appended to a worker's process.argv: tells a pool worker without loading node:worker_threads */
const WORKER_ARG = '--draftlint-pool-worker';

function threads(): typeof import('node:worker_threads') {
  return require('node:worker_threads') as typeof import('node:worker_threads');
}

type ToWorker = { id: number; path: string } | { stop: true };
type FromWorker = { id: number; result: FileResult } | { id: number; error: string };

/** The script a worker runs: the CLI bundle next to this one (undefined when running from sources). */
export function workerScript(): string | undefined {
  const p = path.join(__dirname, 'cli.js');
  return __filename.endsWith('.js') && fs.existsSync(p) && fs.existsSync(path.join(__dirname, 'cli-app.js')) ? p : undefined;
}

export interface PlanInput {
  files: number;
  bytes: number;
  /** --jobs; undefined = automatic */
  jobs?: number;
  cores?: number;
}

/** The estimated time (ms) to lint these files in one thread. */
export function estimateWork(files: number, bytes: number): number {
  return files * MS_PER_FILE + (bytes / (1024 * 1024)) * MS_PER_MB;
}

/**
 * How many workers to use (0 = lint in this thread): none for less than two workers' start-up of work, then one
 * per start-up's worth of work, at most one per core, per file, and POOL_MAX_WORKERS. `--jobs` decides alone.
 */
export function poolSize({ files, bytes, jobs, cores }: PlanInput): number {
  if (files < 2) return 0;
  if (jobs !== undefined) return jobs <= 1 ? 0 : Math.min(jobs, files, 64);
  const work = estimateWork(files, bytes);
  if (work < 2 * WORKER_START_MS) return 0;
  // node:os only now: a check of one file never needs it
  cores ??= (require('node:os') as typeof import('node:os')).availableParallelism();
  const n = Math.min(cores, POOL_MAX_WORKERS, files, Math.floor(work / WORKER_START_MS));
  return n >= 2 ? n : 0;
}

/**
 * Lint `paths` on `size` workers; `onResult(index, result)` is called as results arrive (in any order).
 * Rejects when a worker fails (an internal error: lintFile itself never throws for bad files).
 */
export function lintOnPool(
  paths: readonly string[],
  size: number,
  setup: Omit<WorkerSetup, 'draftlintWorker'>,
  script: string,
  onResult: (index: number, r: FileResult) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stopAll = () => {
      for (const w of workers) void w.terminate();
    };
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(e);
    };
    const feed = (w: Worker) => {
      if (next < paths.length) {
        const msg: ToWorker = { id: next, path: paths[next] };
        next++;
        w.postMessage(msg);
      }
    };
    const data: WorkerSetup = { draftlintWorker: true, ...setup };
    for (let i = 0; i < size; i++) {
      let w: Worker;
      try {
        w = new (threads().Worker)(script, { workerData: data, argv: [WORKER_ARG], stdout: false, stderr: false });
      } catch (e) {
        fail(e as Error);
        return;
      }
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (failed) return;
        if ('error' in m) {
          fail(new Error(`${paths[m.id]}: ${m.error}`));
          return;
        }
        onResult(m.id, m.result);
        done++;
        if (done === paths.length) {
          for (const x of workers) x.postMessage({ stop: true } satisfies ToWorker);
          resolve();
          return;
        }
        feed(w);
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (done < paths.length && !failed) fail(new Error(`a worker stopped (exit code ${code})`));
      });
      for (let k = 0; k < IN_FLIGHT; k++) feed(w);
    }
  });
}

/** The worker side: set up from workerData, lint what the main thread sends until told to stop. */
export function runWorker(): void {
  const { workerData, parentPort: port } = threads();
  const setup = workerData as WorkerSetup;
  if (!port) return;
  const loader = new ProjectLoader(setup.loader);
  if (setup.loader.noConfig) loader.project(null);
  port.on('message', (m: ToWorker) => {
    if ('stop' in m) {
      port.close();
      return;
    }
    let reply: FromWorker;
    try {
      const ctx: LintContext = { cwd: setup.cwd, project: loader.forFile(m.path), language: setup.language, want: setup.want };
      reply = { id: m.id, result: lintFile(m.path, ctx) };
    } catch (e) {
      reply = { id: m.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply);
  });
}

/** True in a thread started by `lintOnPool`. */
export function isPoolWorker(): boolean {
  if (!process.argv.includes(WORKER_ARG)) return false;
  return Boolean((threads().workerData as Partial<WorkerSetup> | null)?.draftlintWorker);
}
