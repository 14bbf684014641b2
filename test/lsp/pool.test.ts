/**
 * The lint pool (server/src/lsp/pool.ts) in-process: the real worker gives the same result as a lint on the
 * main thread; data is sent to a worker once per generation; queued jobs are replaced by newer ones of the same
 * key and ordered by priority; a worker that dies mid-job fails that job only; a worker that cannot start
 * sends every job to the main thread. Fake workers are small scripts written for the tests.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IndicatorSet } from '../../server/src/core/index';
import { LintPool, PAUSE_WARMUP_MS, PRIORITY_INDEX, PRIORITY_OPEN, type PoolEnv } from '../../server/src/lsp/pool';
import { indicatorSetOf, runLintJob, type LintData, type LintJob } from '../../server/src/lsp/lintjob';
import { ensureServerBuilt, workerJs } from './lsp-client';

const CSV = [
  'id,name,aliases,unit,period,kind,value,bound,source',
  'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,Tổng hợp',
  '',
].join('\n');
const TEXT = ['# Bản thử', '', 'I- KẾT QUẢ', '1. Kinh tế', 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 9,5%/năm.', '[bookmark: _Hlk123]Hết.', ''].join('\n');

function env(gen: number, csv = CSV): PoolEnv {
  const sources = [{ uri: 'file:///p/indicators.csv', text: csv }];
  return { generation: gen, dataSources: sources, data: indicatorSetOf(sources) };
}

function job(uri: string, gen = 1, text = TEXT, mode: LintJob['mode'] = 'open'): LintJob {
  return { uri, version: 1, text, gen, template: undefined, templates: {}, rules: {}, options: {}, cheapOnlyAbove: 400_000, language: 'vi', mode };
}

/**
 * A fake worker: answers a lint after `delay` ms (busy-waiting, as a real lint blocks its thread) with what it
 * saw: the job's uri, and how many data messages it got per generation. A lint of uri "crash" kills it.
 */
const FAKE = `
const { parentPort } = require('worker_threads');
const dataMsgs = {};
parentPort.on('message', (m) => {
  if (m.type === 'data') { dataMsgs[m.gen] = (dataMsgs[m.gen] || 0) + 1; return; }
  if (m.type !== 'lint') return;
  if (m.job.uri === 'crash') process.exit(3);
  const busy = m.job.text.startsWith('slow') ? Number(m.job.text.split(':')[1] || 150) : 0;
  const until = Date.now() + busy;
  while (Date.now() < until) {}
  parentPort.postMessage({ type: 'result', id: m.id, data: { uri: m.job.uri, gen: m.job.gen, dataMsgs: { ...dataMsgs } } });
});
parentPort.postMessage({ type: 'ready' });
`;
const BROKEN = `throw new Error('this worker cannot start');`;

let tmp: string;
let fake: string;
let broken: string;
const logs: string[] = [];
const log = (m: string) => logs.push(m);

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-pool-'));
  fake = path.join(tmp, 'fake-worker.js');
  broken = path.join(tmp, 'broken-worker.js');
  fs.writeFileSync(fake, FAKE);
  fs.writeFileSync(broken, BROKEN);
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

type Seen = { uri: string; gen: number; dataMsgs: Record<string, number> };
const seen = (d: LintData | null) => d as unknown as Seen;

describe('LintPool', () => {
  test('the real worker returns what a lint on the main thread returns', async () => {
    ensureServerBuilt();
    const pool = new LintPool({ workerFile: workerJs, maxWorkers: 1, log });
    try {
      const e = env(1);
      const d = await pool.lint(job('file:///p/a.md'), e, PRIORITY_OPEN, 'a');
      assert.equal(pool.mode, 'workers');
      assert.ok(d);
      const { ms: _a, ...inWorker } = d;
      const { ms: _b, ...onMain } = runLintJob(job('file:///p/a.md'), e.data);
      assert.deepEqual(inWorker, onMain);
      assert.ok(inWorker.diagnostics.some((x) => x.code === 'figures/canonical-mismatch'));
      assert.ok(inWorker.symbols.length > 0);
      assert.equal(inWorker.summaries.length, 1);
    } finally {
      pool.dispose();
    }
  });

  test('the real worker warms up while idle, steps aside while a user waits, and counts real lints as warm-up', async () => {
    ensureServerBuilt();
    const pool = new LintPool({ workerFile: workerJs, maxWorkers: 1, log });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    try {
      pool.start();
      let st = await pool.status();
      for (let k = 0; k < 200 && st[0].warmRoundsDone === 0; k++) st = (await sleep(10), await pool.status());
      assert.ok(st[0].warmRoundsDone > 0, 'no warm-up round in 2 s');
      // a user waits: no round while paused
      pool.userWaiting();
      const paused = await pool.status();
      assert.ok(paused[0].pausedMs > PAUSE_WARMUP_MS - 100, `paused for ${paused[0].pausedMs} ms`);
      await sleep(200);
      const later = await pool.status();
      // a round that had started before the pause may finish: at most one more
      assert.ok(later[0].warmRoundsDone <= paused[0].warmRoundsDone + 1, `${later[0].warmRoundsDone - paused[0].warmRoundsDone} rounds during the pause`);
      // a real lint of a long text takes the place of the rounds its size would take
      const before = later[0].warmRoundsLeft;
      const long = Array.from({ length: 800 }, () => TEXT).join('\n');
      assert.ok(long.length > 60_000);
      await pool.lint(job('file:///p/long.md', 1, long), env(1), PRIORITY_OPEN, 'long');
      const after = await pool.status();
      assert.ok(after[0].warmRoundsLeft <= Math.max(0, before - 10), `${before} → ${after[0].warmRoundsLeft} rounds left`);
    } finally {
      pool.dispose();
    }
  });

  test('data goes to a worker once per generation', async () => {
    const pool = new LintPool({ workerFile: fake, maxWorkers: 1, log });
    try {
      const e1 = env(1);
      const a = seen(await pool.lint(job('a', 1), e1, PRIORITY_OPEN, 'a'));
      const b = seen(await pool.lint(job('b', 1), e1, PRIORITY_OPEN, 'b'));
      assert.deepEqual(a.dataMsgs, { 1: 1 });
      assert.deepEqual(b.dataMsgs, { 1: 1 });
      const c = seen(await pool.lint(job('c', 2), env(2), PRIORITY_OPEN, 'c'));
      assert.deepEqual(c.dataMsgs, { 1: 1, 2: 1 });
      const d = seen(await pool.lint(job('d', 1), e1, PRIORITY_OPEN, 'd'));
      assert.deepEqual(d.dataMsgs, { 1: 1, 2: 1 });
    } finally {
      pool.dispose();
    }
  });

  test('old generations are dropped from the workers (and sent again when used again)', async () => {
    const pool = new LintPool({ workerFile: fake, maxWorkers: 1, maxGenerations: 2, log });
    try {
      const envs = [env(1), env(2), env(3)];
      for (const e of envs) await pool.lint(job(`g${e.generation}`, e.generation), e, PRIORITY_OPEN, 'k');
      // generation 1 was dropped when 3 came: using it again sends its data again
      const again = seen(await pool.lint(job('g1', 1), envs[0], PRIORITY_OPEN, 'k'));
      assert.deepEqual(again.dataMsgs, { 1: 2, 2: 1, 3: 1 });
    } finally {
      pool.dispose();
    }
  });

  test('a queued job is replaced by a newer one of the same key; open documents go before indexing', async () => {
    const pool = new LintPool({ workerFile: fake, maxWorkers: 1, log });
    try {
      const e = env(1);
      const done: string[] = [];
      const track = (p: Promise<LintData | null>, name: string) => p.then((d) => (done.push(d ? `${name}:${seen(d).uri}` : `${name}:superseded`), d));
      const busy = track(pool.lint({ ...job('busy'), text: 'slow' }, e, PRIORITY_OPEN, 'busy'), 'busy');
      const idx = track(pool.lint(job('index-1'), e, PRIORITY_INDEX, 'index-1'), 'index');
      const v1 = track(pool.lint(job('doc-v1'), e, PRIORITY_OPEN, 'doc'), 'v1');
      const v2 = track(pool.lint(job('doc-v2'), e, PRIORITY_OPEN, 'doc'), 'v2');
      await Promise.all([busy, idx, v1, v2]);
      assert.deepEqual(done, ['v1:superseded', 'busy:busy', 'v2:doc-v2', 'index:index-1']);
    } finally {
      pool.dispose();
    }
  });

  test('an open document waiting behind a long lint gets a second worker, stopped again when idle; indexing never does', async () => {
    const pool = new LintPool({ workerFile: fake, maxWorkers: 2, spawnAfterMs: 100, idleStopMs: 300, log });
    try {
      const e = env(1);
      await pool.lint(job('first'), e, PRIORITY_OPEN, 'first');
      const done: string[] = [];
      // indexing waits for the one worker
      const long1 = pool.lint({ ...job('long-1'), text: 'slow:500' }, e, PRIORITY_OPEN, 'long-1').then(() => done.push('long-1'));
      const idx = pool.lint(job('index'), e, PRIORITY_INDEX, 'index').then(() => done.push('index'));
      await Promise.all([long1, idx]);
      assert.deepEqual(done, ['long-1', 'index']);
      assert.equal(pool.workerCount, 1);
      // an open document does not wait for the whole long lint
      done.length = 0;
      const long2 = pool.lint({ ...job('long-2'), text: 'slow:1500' }, e, PRIORITY_OPEN, 'long-2').then(() => done.push('long-2'));
      let workersThen = 0;
      const quick = pool.lint(job('quick'), e, PRIORITY_OPEN, 'quick').then(() => {
        workersThen = pool.workerCount;
        done.push('quick');
      });
      await Promise.all([long2, quick]);
      assert.deepEqual(done, ['quick', 'long-2']);
      assert.equal(workersThen, 2);
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(pool.workerCount, 1);
    } finally {
      pool.dispose();
    }
  });

  test('a worker that dies fails its job only; the next job gets a new worker', async () => {
    const pool = new LintPool({ workerFile: fake, maxWorkers: 1, log });
    try {
      const e = env(1);
      await pool.lint(job('first'), e, PRIORITY_OPEN, 'first');
      await assert.rejects(pool.lint(job('crash'), e, PRIORITY_OPEN, 'crash'), /exited/);
      const after = seen(await pool.lint(job('after'), e, PRIORITY_OPEN, 'after'));
      assert.equal(after.uri, 'after');
      // the new worker got the data again
      assert.deepEqual(after.dataMsgs, { 1: 1 });
      assert.equal(pool.mode, 'workers');
      assert.equal(pool.crashes, 1);
      assert.ok(logs.some((l) => /lint worker exited/.test(l)));
    } finally {
      pool.dispose();
    }
  });

  test('without a working worker, jobs run on the main thread', async () => {
    for (const workerFile of [broken, null, path.join(tmp, 'missing.js')]) {
      const pool = new LintPool({ workerFile, maxWorkers: 2, log });
      try {
        const e = env(1);
        const d = await pool.lint(job('file:///p/a.md'), e, PRIORITY_OPEN, 'a');
        assert.equal(pool.mode, 'main-thread', String(workerFile));
        assert.ok(d?.diagnostics.some((x) => x.code === 'figures/canonical-mismatch'));
        // and keeps doing so
        const d2 = await pool.lint(job('file:///p/b.md', 1, TEXT.replace('9,5', '10,4')), e, PRIORITY_OPEN, 'b');
        assert.ok(d2 && !d2.diagnostics.some((x) => x.code === 'figures/canonical-mismatch'));
      } finally {
        pool.dispose();
      }
    }
  });

  test('a job that cannot be sent to a worker is linted on the main thread', async () => {
    const pool = new LintPool({ workerFile: fake, maxWorkers: 1, log });
    try {
      const e = env(1);
      // a function cannot be cloned into a worker
      const odd = { ...job('file:///p/odd.md'), options: { hook: () => 1 } as unknown as LintJob['options'] };
      const d = await pool.lint(odd, e, PRIORITY_OPEN, 'odd');
      assert.ok(d?.diagnostics.some((x) => x.code === 'figures/canonical-mismatch'));
      assert.ok(logs.some((l) => /cannot send a lint to the worker/.test(l)));
      // the worker still takes the next one
      assert.equal(seen(await pool.lint(job('next'), e, PRIORITY_OPEN, 'next')).uri, 'next');
    } finally {
      pool.dispose();
    }
  });

  test('an empty data set lints too (no data files)', async () => {
    ensureServerBuilt();
    const pool = new LintPool({ workerFile: workerJs, maxWorkers: 1, log });
    try {
      const e: PoolEnv = { generation: 7, dataSources: [], data: IndicatorSet.empty() };
      const d = await pool.lint(job('file:///p/a.md', 7), e, PRIORITY_OPEN, 'a');
      assert.ok(d?.diagnostics.some((x) => x.code === 'format/artifact'));
      assert.ok(!d?.diagnostics.some((x) => x.code === 'figures/canonical-mismatch'));
    } finally {
      pool.dispose();
    }
  });
});
