/**
 * The lint worker (bundled as dist/lint-worker.js): runs the synchronous core `lint()` off the server's main
 * thread. It keeps the data sets it was sent, keyed by generation, so the indicator data is parsed once per
 * (re)load, not per lint.
 *
 * Messages in:  { type: 'data', gen, sources }   parse and keep the data of a generation
 *               { type: 'drop', gen }            forget it
 *               { type: 'lint', id, job }        lint (job.gen names the data)
 * Messages out: { type: 'ready' }
 *               { type: 'result', id, data }     LintData (lintjob.ts)
 *               { type: 'error', id, message }
 */
import { parentPort } from 'worker_threads';
import type { IndicatorSet } from '../core/index';
import { indicatorSetOf, runLintJob, type JobDataSource, type LintJob } from './lintjob';

export type ToWorker =
  | { type: 'data'; gen: number; sources: JobDataSource[] }
  | { type: 'drop'; gen: number }
  | { type: 'lint'; id: number; job: LintJob };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; data: import('./lintjob').LintData }
  | { type: 'error'; id: number; message: string };

const sets = new Map<number, IndicatorSet>();
/** sources received but not parsed yet (parsed on the first lint that needs them) */
const pending = new Map<number, JobDataSource[]>();

function dataFor(gen: number): IndicatorSet | undefined {
  let set = sets.get(gen);
  if (!set) {
    const sources = pending.get(gen);
    if (!sources) return undefined;
    pending.delete(gen);
    set = indicatorSetOf(sources);
    sets.set(gen, set);
  }
  return set;
}

function handle(m: ToWorker): FromWorker | undefined {
  switch (m.type) {
    case 'data':
      sets.delete(m.gen);
      pending.set(m.gen, m.sources);
      return undefined;
    case 'drop':
      sets.delete(m.gen);
      pending.delete(m.gen);
      return undefined;
    case 'lint': {
      const data = dataFor(m.job.gen);
      if (!data) return { type: 'error', id: m.id, message: `no data of generation ${m.job.gen}` };
      return { type: 'result', id: m.id, data: runLintJob(m.job, data) };
    }
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (m: ToWorker) => {
    let out: FromWorker | undefined;
    try {
      out = handle(m);
    } catch (e) {
      if (m.type === 'lint') out = { type: 'error', id: m.id, message: (e as Error)?.stack ?? String(e) };
    }
    if (out) port.postMessage(out);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}
