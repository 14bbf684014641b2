/**
 * Lints off the main thread: a small pool of worker_threads workers (worker.ts → dist/lint-worker.js) fed
 * from one priority queue (open documents before workspace indexing). The data files' texts go to a worker
 * once per data generation; the worker keeps the parsed IndicatorSet. A queued job is replaced by a newer one
 * with the same key (its promise resolves to null: superseded); a job already running finishes and its caller
 * drops the result when it is stale.
 *
 * When no worker can be started (no worker file, worker_threads unavailable, the worker dies at start-up) the
 * same jobs run on the main thread, one per event-loop turn.
 */
import os = require('node:os');
import { Worker } from 'worker_threads';
import type { IndicatorSet } from '../core/index';
import { runLintJob, type JobDataSource, type LintData, type LintJob } from './lintjob';
import type { FromWorker, ToWorker } from './worker';

/** What the pool needs of an environment (config.ts's Env has all of it). */
export interface PoolEnv {
  generation: number;
  dataSources: JobDataSource[];
  /** the main thread's copy of the data (used by the fallback) */
  data: IndicatorSet;
}

/**
 * The worker's young generation (V8 allots up to 48 MB by default): linting allocates a lot of short-lived
 * garbage, and a big nursery is resident memory for nothing. 8 MB keeps the server ~25 MB smaller with a
 * 100-document workspace indexed, at no measurable cost in lint time.
 */
export const WORKER_YOUNG_GENERATION_MB = 8;

/** An open document waits this long behind busy workers before another worker is started for it. */
export const SPAWN_AFTER_MS = 250;
/** A worker beyond the first that stays idle this long is stopped (its memory returned). */
export const IDLE_STOP_MS = 30_000;

/** While a user waits on the main thread, the workers' warm-up pauses this long (ms) after each request... */
export const PAUSE_WARMUP_MS = 500;
/** ...told to the workers at most this often (ms) */
const PAUSE_HINT_EVERY_MS = 100;

export const PRIORITY_OPEN = 0;
export const PRIORITY_INDEX = 1;

export interface PoolOptions {
  /** the worker script; null: no workers, lint on the main thread */
  workerFile: string | null;
  /** at most this many workers (the first starts at once, more when open documents wait) */
  maxWorkers?: number;
  /** see SPAWN_AFTER_MS and IDLE_STOP_MS */
  spawnAfterMs?: number;
  idleStopMs?: number;
  /** data generations kept in the workers */
  maxGenerations?: number;
  log(message: string): void;
}

interface Task {
  id: number;
  key: string;
  priority: number;
  job: LintJob;
  env: PoolEnv;
  resolve(d: LintData | null): void;
  reject(e: Error): void;
}

export interface WorkerStatus {
  warmRoundsDone: number;
  warmRoundsLeft: number;
  pausedMs: number;
}

interface Slot {
  worker: Worker;
  /** data generations this worker holds */
  has: Set<number>;
  task: Task | null;
  /** when the current task was sent, or when the worker became idle */
  since: number;
  ready: boolean;
  dead: boolean;
  idleTimer?: NodeJS.Timeout;
  /** status() calls waiting for this worker's answer */
  statusWaiters: ((s: WorkerStatus | null) => void)[];
}

export function defaultMaxWorkers(): number {
  const env = process.env.DRAFTLINT_WORKERS;
  if (env !== undefined && env !== '' && Number.isFinite(Number(env))) return Math.max(0, Math.floor(Number(env)));
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, cpus));
}

export class LintPool {
  private readonly queue: Task[] = [];
  private readonly slots: Slot[] = [];
  /** data generations in use, least recently used first */
  private readonly gens = new Map<number, PoolEnv>();
  private readonly maxWorkers: number;
  private readonly maxGenerations: number;
  private inline: boolean;
  private inlineBusy = false;
  private spawnTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private disposed = false;
  /** workers that crashed (for logs and tests) */
  crashes = 0;
  private lastPauseHint = -Infinity;

  constructor(private readonly opts: PoolOptions) {
    this.maxWorkers = opts.maxWorkers ?? defaultMaxWorkers();
    this.maxGenerations = opts.maxGenerations ?? 4;
    this.inline = !opts.workerFile || this.maxWorkers < 1;
  }

  /** 'workers' or 'main-thread' (the fallback). */
  get mode(): 'workers' | 'main-thread' {
    return this.inline ? 'main-thread' : 'workers';
  }

  get workerCount(): number {
    return this.slots.length;
  }

  /** Start the first worker now, so that it is loaded by the time the first document opens. */
  start(): void {
    if (!this.inline && this.slots.length === 0) this.spawn();
  }

  /**
   * Lint a job. Resolves to null when a newer job with the same key replaced it before it started; rejects
   * when the lint failed (or its worker died).
   */
  lint(job: LintJob, env: PoolEnv, priority: number, key: string): Promise<LintData | null> {
    if (this.disposed) return Promise.resolve(null);
    this.cancel(key);
    return new Promise<LintData | null>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, key, priority, job, env, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * A user waits for an answer of the main thread (completion, hover): the workers pause their warm-up for a
   * moment, so that they do not take the core that answers (2-core machines). Cheap to call on every request.
   */
  userWaiting(): void {
    const now = Date.now();
    if (now - this.lastPauseHint < PAUSE_HINT_EVERY_MS) return;
    this.lastPauseHint = now;
    for (const s of this.slots) {
      if (s.dead) continue;
      try {
        s.worker.postMessage({ type: 'pause', ms: PAUSE_WARMUP_MS } satisfies ToWorker);
      } catch {
        // a worker that is going away
      }
    }
  }

  /** The warm-up state of each live worker (for tests and traces). */
  async status(): Promise<WorkerStatus[]> {
    const live = this.slots.filter((s) => !s.dead);
    const replies = await Promise.all(
      live.map(
        (slot) =>
          new Promise<WorkerStatus | null>((resolve) => {
            slot.statusWaiters.push(resolve);
            // an idle worker does not keep the process alive; one that owes an answer does
            slot.worker.ref();
            slot.worker.postMessage({ type: 'status' } satisfies ToWorker);
          }),
      ),
    );
    return replies.filter((r): r is WorkerStatus => r !== null);
  }

  /** Drop the queued job of a key (it resolves to null). A running one finishes; its caller ignores it. */
  cancel(key: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].key !== key) continue;
      const [t] = this.queue.splice(i, 1);
      t.resolve(null);
    }
  }

  dispose(): void {
    this.disposed = true;
    if (this.spawnTimer) clearTimeout(this.spawnTimer);
    for (const t of this.queue.splice(0)) t.resolve(null);
    for (const s of this.slots.splice(0)) {
      s.dead = true;
      if (s.idleTimer) clearTimeout(s.idleTimer);
      for (const w of s.statusWaiters.splice(0)) w(null);
      void s.worker.terminate();
    }
  }

  /** The next job: the oldest of the most urgent priority. */
  private take(): Task | undefined {
    let best = -1;
    for (let i = 0; i < this.queue.length; i++) {
      if (best < 0 || this.queue[i].priority < this.queue[best].priority) best = i;
    }
    return best < 0 ? undefined : this.queue.splice(best, 1)[0];
  }

  private urgentWaiting(): boolean {
    return this.queue.some((t) => t.priority === PRIORITY_OPEN);
  }

  /** Every worker is busy with a long lint while an open document waits (else: look again when one would be). */
  private needsHelp(): boolean {
    if (this.slots.length >= this.maxWorkers || !this.urgentWaiting()) return false;
    const after = this.opts.spawnAfterMs ?? SPAWN_AFTER_MS;
    const now = Date.now();
    const busiest = Math.min(...this.slots.map((s) => s.since));
    if (now - busiest >= after) return true;
    if (!this.spawnTimer) {
      this.spawnTimer = setTimeout(() => {
        this.spawnTimer = undefined;
        this.dispatch();
      }, after - (now - busiest));
      this.spawnTimer.unref();
    }
    return false;
  }

  private dispatch(): void {
    if (this.disposed) return;
    if (this.inline) {
      this.runInline();
      return;
    }
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.task && !s.dead);
      if (!slot) {
        // one worker is enough, unless an open document waits behind a long lint: then it gets another one
        if (this.slots.length === 0 || this.needsHelp()) slot = this.spawn();
        if (!slot) {
          if (this.inline) this.runInline();
          return;
        }
      }
      const task = this.take();
      if (!task) return;
      this.send(slot, task);
    }
  }

  private spawn(): Slot | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.opts.workerFile as string, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    } catch (e) {
      this.fallBack(`cannot start a lint worker: ${(e as Error).message}`);
      return undefined;
    }
    worker.unref();
    const slot: Slot = { worker, has: new Set(), task: null, since: Date.now(), ready: false, dead: false, statusWaiters: [] };
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (e) => this.onDeath(slot, `lint worker failed: ${e?.stack ?? e}`));
    worker.on('exit', (code) => this.onDeath(slot, `lint worker exited (code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  private send(slot: Slot, task: Task): void {
    slot.task = task;
    slot.since = Date.now();
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    // a worker with a job keeps the process alive; an idle one does not
    slot.worker.ref();
    const gen = task.job.gen;
    this.useGeneration(task.env);
    try {
      if (!slot.has.has(gen)) {
        slot.worker.postMessage({ type: 'data', gen, sources: task.env.dataSources } satisfies ToWorker);
        slot.has.add(gen);
      }
      slot.worker.postMessage({ type: 'lint', id: task.id, job: task.job } satisfies ToWorker);
    } catch (e) {
      // a value that cannot be sent (not cloneable): lint this one on the main thread, keep the worker
      this.opts.log(`draftlint: cannot send a lint to the worker (${(e as Error).message}); linting it on the main thread`);
      slot.task = null;
      slot.since = Date.now();
      slot.worker.unref();
      setImmediate(() => {
        try {
          task.resolve(runLintJob(task.job, task.env.data));
        } catch (err) {
          task.reject(err as Error);
        }
        this.dispatch();
      });
    }
  }

  private useGeneration(env: PoolEnv): void {
    const gen = env.generation;
    this.gens.delete(gen);
    this.gens.set(gen, env);
    while (this.gens.size > this.maxGenerations) {
      const oldest = this.gens.keys().next().value as number;
      this.gens.delete(oldest);
      for (const s of this.slots) {
        if (!s.has.delete(oldest) || s.dead) continue;
        s.worker.postMessage({ type: 'drop', gen: oldest } satisfies ToWorker);
      }
    }
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'ready') {
      slot.ready = true;
      return;
    }
    if (m.type === 'status') {
      slot.statusWaiters.shift()?.({ warmRoundsDone: m.warmRoundsDone, warmRoundsLeft: m.warmRoundsLeft, pausedMs: m.pausedMs });
      if (!slot.task && slot.statusWaiters.length === 0) slot.worker.unref();
      return;
    }
    const task = slot.task;
    if (!task || task.id !== m.id) return;
    slot.task = null;
    slot.since = Date.now();
    slot.worker.unref();
    this.stopWhenIdle(slot);
    if (m.type === 'result') task.resolve(m.data);
    else task.reject(new Error(m.message));
    this.dispatch();
  }

  /** A worker beyond the first that stays idle is stopped. */
  private stopWhenIdle(slot: Slot): void {
    if (this.slots.indexOf(slot) < 1) return;
    slot.idleTimer = setTimeout(() => {
      if (slot.task || slot.dead) return;
      slot.dead = true;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      void slot.worker.terminate().catch(() => undefined);
    }, this.opts.idleStopMs ?? IDLE_STOP_MS);
    slot.idleTimer.unref();
  }

  private onDeath(slot: Slot, why: string): void {
    if (slot.dead) return;
    slot.dead = true;
    for (const w of slot.statusWaiters.splice(0)) w(null);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (this.disposed) return;
    this.crashes++;
    this.opts.log(`draftlint: ${why}`);
    const task = slot.task;
    slot.task = null;
    void slot.worker.terminate().catch(() => undefined);
    if (!slot.ready) {
      // it never started: workers do not work here
      this.fallBack('the lint worker did not start');
      if (task) this.queue.unshift(task);
    } else if (task) {
      // the job that was running is not retried (it may be what killed the worker)
      task.reject(new Error(why));
    }
    this.dispatch();
  }

  private fallBack(why: string): void {
    if (this.inline) return;
    this.inline = true;
    this.opts.log(`draftlint: ${why}; linting on the main thread`);
    for (const s of this.slots.splice(0)) {
      s.dead = true;
      if (s.task) this.queue.unshift(s.task);
      void s.worker.terminate().catch(() => undefined);
    }
  }

  private runInline(): void {
    if (this.inlineBusy || !this.queue.length) return;
    this.inlineBusy = true;
    // let pending messages in first: the lint blocks the thread
    setImmediate(() => {
      const task = this.take();
      try {
        if (task) task.resolve(runLintJob(task.job, task.env.data));
      } catch (e) {
        task?.reject(e as Error);
      } finally {
        this.inlineBusy = false;
        this.dispatch();
      }
    });
  }
}
