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
import { IndicatorSet } from '../core/index';
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

/**
 * A synthetic draft (our own wording) shaped like a provincial political report: parts, roman and decimal
 * headings, numbered targets, figures with units, bounds, ranges and periods, a resolution reference, an
 * enumeration, a conversion leftover. Linting it a few times while the worker is idle compiles the hot paths
 * of the core, so that the first real document is not linted by cold code.
 */
export function warmupText(sections = 12): string {
  const out = ['DỰ THẢO BÁO CÁO CHÍNH TRỊ', 'NHIỆM KỲ 2025 - 2030', '', 'Phần thứ nhất', 'KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI', '', 'I- KẾT QUẢ ĐẠT ĐƯỢC'];
  for (let i = 1; i <= sections; i++) {
    const a = (i % 9) + 1;
    const b = i % 10;
    out.push(
      `${i}. Lĩnh vực thứ ${i} có nhiều chuyển biến`,
      `${i}.1. Tăng trưởng và quy mô. Trong 5 năm 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt ${a},${b}%/năm; quy mô kinh tế năm 2025 ước đạt khoảng ${300 + i}.000 tỷ đồng, gấp 1,${b} lần năm 2020.`,
      `${i}.2. Thu hút đầu tư. Vốn đầu tư toàn xã hội 2021 - 2025 đạt trên ${400 + i} nghìn tỷ đồng; vốn FDI đạt ${a},${b}7 tỷ USD; GRDP bình quân đầu người năm 2025 đạt trên ${10 + (i % 5)}.000 USD.`,
      `Tỷ lệ lao động qua đào tạo đến năm 2025 đạt ${80 + (i % 10)},5%, tăng ${a},${b} điểm phần trăm; tỷ lệ hộ nghèo giảm còn dưới ${(i % 3) + 1}%; diện tích rừng trồng mới khoảng ${1000 + i} ha.`,
      `Thực hiện Nghị quyết số ${10 + i}-NQ/TU ngày ${(i % 28) + 1}/${(i % 12) + 1}/2023 của Tỉnh ủy, có 3 khâu đột phá: Một là, hoàn thiện thể chế; Hai là, phát triển hạ tầng; Ba là, phát triển nguồn nhân lực.`,
      `[bookmark: _Hlk${100000 + i}]Công tác hoà giải, thuỷ lợi và “chuyển đổi số” được quan tâm; thu ngân sách tăng bình quân ${a}-${a},5%/năm.`,
    );
  }
  out.push('', 'Phần thứ hai', 'MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2025 - 2030', '', 'III- MỤC TIÊU', '2. Một số chỉ tiêu chủ yếu đến năm 2030', '2.1. Về kinh tế');
  for (let i = 1; i <= sections; i++) out.push(`(${i}) Tốc độ tăng trưởng kinh tế bình quân đạt ${10 + (i % 4)}%/năm trở lên; tỷ lệ đô thị hóa đạt khoảng ${70 + (i % 9)}%.`);
  return out.join('\n') + '\n';
}

/** the newest data generation: warm-up rounds lint with it, so the matcher's data paths are compiled too */
let newestGen: number | undefined;
let warmRounds = 0;
/** the synthetic draft of the warm-up rounds, built once */
let warmText: string | undefined;

/**
 * Lint the synthetic draft `rounds` more times, one lint per event-loop turn: real jobs (handled between two
 * turns) never wait behind more than one small round, and the hot paths of the core are compiled before the
 * first large document comes. A real lint does not stop it: opening a small document first (as editors do)
 * would otherwise leave the paths a large draft needs cold.
 */
function warmUp(rounds: number): void {
  if (process.env.DRAFTLINT_WARMUP === '0') return;
  const idle = warmRounds === 0;
  warmRounds = Math.max(warmRounds, rounds);
  if (idle) setImmediate(warmRound);
}

function warmRound(): void {
  if (warmRounds <= 0) return;
  warmRounds--;
  try {
    const data = newestGen === undefined ? undefined : dataFor(newestGen);
    runLintJob(
      {
        uri: 'untitled:warm-up',
        version: 0,
        text: (warmText ??= warmupText(4)),
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
  if (warmRounds > 0) setImmediate(warmRound);
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
      warmUp(6);
    }
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
  warmUp(20);
}
