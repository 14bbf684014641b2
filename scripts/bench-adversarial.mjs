// Adversarial inputs through the whole CLI, with the robustness issue's budgets (5 s each, 20 MB within 15 s).
// The test suite (test/robustness/cli-adversarial.test.ts) checks the same inputs with slack for a shared machine.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const MB = 1 << 20;
const INPUTS = [
  ['1 MB line of "1.1.1.…"', () => '1.'.repeat(MB / 2) + '\n', 5000],
  ['1 MB line of "(((…"', () => '('.repeat(MB) + '\n', 5000],
  ['1 MB line of "1,1,1,…"', () => '1,'.repeat(MB / 2) + '\n', 5000],
  ['200,000 numbered headings', () => Array.from({ length: 200000 }, (_, i) => `${(i % 50) + 1}. Mục ${i}`).join('\n'), 5000],
  ['headings nested 12 deep', () => Array.from({ length: 5000 }, (_, i) => Array.from({ length: 12 }, () => (i % 9) + 1).join('.') + '. Tiêu đề').join('\n'), 5000],
  ['mixed NFC/NFD with CRLF', () => Array.from({ length: 20000 }, (_, i) => (i % 2 ? 'Tăng trưởng đạt 10,4%/năm'.normalize('NFD') : 'Tỷ lệ hộ nghèo dưới 2%')).join('\r\n'), 5000],
  ['20 MB text', () => 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt 10,4%/năm. '.repeat(Math.ceil((20 * MB) / 75)), 15000],
];

export async function bench({ root, tmp, record }) {
  console.log('\n# adversarial inputs through draftlint check');
  const dir = join(tmp, 'adversarial');
  mkdirSync(dir, { recursive: true });
  let ok = true;
  for (const [name, make, budget] of INPUTS) {
    const file = join(dir, 'input.txt');
    writeFileSync(file, make());
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', file, '--no-config', '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      timeout: budget * 4,
    });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0 && r.status !== 1) ok = false;
    record(`${name} (exit ${r.status})`, ms, 'ms', budget);
  }
  return ok;
}
