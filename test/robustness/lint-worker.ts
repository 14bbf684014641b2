/**
 * Worker for the adversarial suite: lints the named input of ADVERSARIAL with the example data, times lint()
 * alone, checks the result (no rule failing internally, every range inside the text and cutting no character)
 * and posts { ms, cpuMs, findings, problems }. Run in a worker so that a hang is a failed test, not a stalled run.
 */
import { parentPort } from 'node:worker_threads';
import fs from 'node:fs';
import path from 'node:path';
import { ADVERSARIAL } from './inputs';
import { lint } from '../../server/src/core/lint';
import { IndicatorSet } from '../../server/src/core/data/indicators';
import { parseIndicatorFile } from '../../server/src/core/data/parse';
import { cutsCharacter } from '../fuzz/fuzz-util';

const csv = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'quang-ninh', 'indicators.csv'), 'utf8');
const data = IndicatorSet.from(parseIndicatorFile(csv, 'mem://indicators.csv').indicators);

function problemsOf(text: string, r: ReturnType<typeof lint>): string[] {
  const out: string[] = [];
  const range = (what: string, a: number, b: number) => {
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a <= b && b <= text.length)) out.push(`${what}: [${a}, ${b}) outside [0, ${text.length}]`);
    else for (const at of [a, b]) {
      const why = cutsCharacter(text, at);
      if (why) out.push(`${what}: ${why} at ${at}`);
    }
  };
  let prev = -1;
  for (const f of r.findings) {
    if (/failed internally/.test(f.message.en)) out.push(`${f.rule}: ${f.message.en}`);
    range(f.rule, f.start, f.end);
    if (f.start < prev) out.push(`${f.rule}: findings not sorted`);
    prev = f.start;
    for (const x of f.related ?? []) if (!x.uri) range(`${f.rule} related`, x.start, x.end);
    for (const fx of f.fixes ?? []) for (const e of fx.edits) range(`${f.rule} fix`, e.start, e.end);
    if (out.length > 20) break;
  }
  for (const g of r.figures) range('figure', g.start, g.end);
  return out.slice(0, 20);
}

parentPort!.on('message', (name: string) => {
  try {
    const text = ADVERSARIAL[name]();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = lint(text, { uri: 'mem://adversarial.md', data });
    const cpu = process.cpuUsage(c0);
    const ms = performance.now() - t0;
    // CPU time (user + system, this process: the main thread only waits) does not grow when the machine is busy
    const cpuMs = (cpu.user + cpu.system) / 1000;
    parentPort!.postMessage({ name, ms, cpuMs, length: text.length, findings: r.findings.length, problems: problemsOf(text, r) });
  } catch (e) {
    parentPort!.postMessage({ name, error: (e as Error).stack ?? String(e) });
  }
});
parentPort!.postMessage({ ready: true });
