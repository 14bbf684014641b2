/**
 * The lint worker (bundled as dist/lint-worker.js): runs the synchronous core `lint()` off the server's main
 * thread. It keeps the data sets it was sent, keyed by generation, so the indicator data is parsed once per
 * (re)load, not per lint.
 *
 * Messages in:  { type: 'data', gen, sources }   parse and keep the data of a generation
 *               { type: 'drop', gen }            forget it
 *               { type: 'lint', id, job }        lint (job.gen names the data)
 *               { type: 'pause', ms }            a user waits on the main thread: no warm-up round for ms
 *               { type: 'status' }               answer with the warm-up's state (tests, traces)
 * Messages out: { type: 'ready' }
 *               { type: 'result', id, data }     LintData (lintjob.ts)
 *               { type: 'error', id, message }
 *               { type: 'status', warmRoundsDone, warmRoundsLeft, pausedMs }
 */
import { parentPort } from 'worker_threads';
import { IndicatorSet } from '../core/index';
import { indicatorSetOf, runLintJob, type JobDataSource, type LintJob } from './lintjob';
import { warmupChunks, warmupRoundText } from './warmup';

export type ToWorker =
  | { type: 'data'; gen: number; sources: JobDataSource[] }
  | { type: 'drop'; gen: number }
  | { type: 'lint'; id: number; job: LintJob }
  | { type: 'pause'; ms: number }
  | { type: 'status' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; data: import('./lintjob').LintData }
  | { type: 'error'; id: number; message: string }
  | { type: 'status'; warmRoundsDone: number; warmRoundsLeft: number; pausedMs: number };

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
      // real work warms the code as well as the same amount of warm-up would
      warmRounds = Math.max(0, warmRounds - Math.ceil(m.job.text.length / WARMUP_PIECE));
      const data = dataFor(m.job.gen);
      if (!data) return { type: 'error', id: m.id, message: `no data of generation ${m.job.gen}` };
      return { type: 'result', id: m.id, data: runLintJob(m.job, data) };
    }
    case 'pause':
      pausedUntil = Math.max(pausedUntil, performance.now() + m.ms);
      return undefined;
    case 'status':
      return { type: 'status', warmRoundsDone, warmRoundsLeft: warmRounds, pausedMs: Math.max(0, pausedUntil - performance.now()) };
  }
}

/** the newest data generation: warm-up rounds lint with it, so the matcher's data paths are compiled too */
let newestGen: number | undefined;
let warmRounds = 0;
/** the synthetic draft of the warm-up rounds (warmup.ts) in short pieces, built once; one piece per round */
let warmTexts: string[] | undefined;
let warmTurn = 0;
/**
 * Rounds at start and when new data arrives. The JIT optimises a function only after it has run often; a
 * piece is linted ~8 times at start. About 0.5 s of one core, in rounds of a few milliseconds.
 */
const WARMUP_ROUNDS = 60;
const WARMUP_DATA_ROUNDS = 20;
/** the size of a warm-up piece (characters) */
const WARMUP_PIECE = 6000;
let warmRoundsDone = 0;
/**
 * No warm-up round before this time (performance.now()): the main thread asks for a pause while a user waits
 * on it (completion, hover): on a machine with few cores the warm-up would take the core that answers.
 */
let pausedUntil = 0;

/**
 * Lint pieces of the synthetic draft `rounds` more times, one per event-loop turn: real jobs (handled between
 * two turns) never wait behind more than one small round, and the hot paths of the core are compiled before the
 * first large document comes. A real lint only takes the place of the rounds its size would take: opening a
 * small document first (as editors do) would otherwise leave the paths a large draft needs cold. Rounds wait
 * while the main thread asks for a pause (a user waits for an answer there).
 */
function warmUp(rounds: number): void {
  if (process.env.DRAFTLINT_WARMUP === '0') return;
  warmRounds = Math.max(warmRounds, rounds);
  scheduleWarmRound(0);
}

/** one round scheduled at a time */
let warmScheduled = false;
function scheduleWarmRound(delay: number): void {
  if (warmScheduled || warmRounds <= 0) return;
  warmScheduled = true;
  const go = () => {
    warmScheduled = false;
    warmRound();
  };
  if (delay > 0) setTimeout(go, delay);
  else setImmediate(go);
}

function nextWarmText(): string {
  return warmupRoundText((warmTexts ??= warmupChunks(1, WARMUP_PIECE)), warmTurn++);
}

function warmRound(): void {
  if (warmRounds <= 0) return;
  const wait = pausedUntil - performance.now();
  if (wait > 0) {
    scheduleWarmRound(wait);
    return;
  }
  warmRounds--;
  warmRoundsDone++;
  try {
    const data = newestGen === undefined ? undefined : dataFor(newestGen);
    runLintJob(
      {
        uri: 'untitled:warm-up',
        version: 0,
        text: nextWarmText(),
        gen: -1,
        template: undefined,
        templates: {},
        rules: {},
        options: {},
        cheapOnlyAbove: Infinity,
        language: 'vi',
        mode: 'open',
      },
      data ?? IndicatorSet.empty(),
    );
  } catch {
    warmRounds = 0;
    return;
  }
  scheduleWarmRound(0);
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
    // new data: parse it now rather than in the first lint that needs it, and warm the paths that use it
    if (m.type === 'data') {
      newestGen = m.gen;
      warmUp(WARMUP_DATA_ROUNDS);
    }
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
  warmUp(WARMUP_ROUNDS);
}
