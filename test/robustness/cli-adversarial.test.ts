/**
 * Hostile input through the built CLI (dist/cli.js in a child process): pathological lines, huge outlines, mixed
 * normalisation and line ends, binary and empty files, a 20 MB text. Each run must end in time with exit 0 or 1,
 * valid JSON on stdout and no stack trace on stderr; binary files are reported as skipped. Broken data files
 * exit 2 naming the file and line.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliPath, ensureBuilt, tempDir, write, type JsonReport } from '../cli/cli-helper';

interface Timed {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** wall-clock slack for a shared machine (see the budgets in scripts/bench-repo.mjs) */
const WALL_SLACK = Number(process.env.DRAFTLINT_WALL_SLACK ?? 3);

function run(args: string[], cwd: string, timeoutMs: number): Timed {
  ensureBuilt();
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutMs * 3 * WALL_SLACK });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms };
}

/** No stack trace, no internal error: what a user sees when the CLI crashed. */
function assertNoCrash(r: Timed, what: string): void {
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at [^\n]*[(:]\d+/, `${what}: stack trace on stderr:\n${r.stderr.slice(0, 2000)}`);
}

function parseJson(r: Timed, what: string): JsonReport {
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch {
    return assert.fail(`${what}: stdout is not JSON (exit ${r.code}): ${r.stdout.slice(0, 300)}\n${r.stderr.slice(0, 1000)}`);
  }
}

const MB = 1024 * 1024;

/** name, file contents, time budget (ms) */
const CASES: [string, () => string | Buffer, number][] = [
  ['a 1 MB line of "1.1.1.…"', () => '1.'.repeat(MB / 2) + '\n', 5000],
  ['a 1 MB line of "(((…"', () => '('.repeat(MB) + '\n', 5000],
  ['a 1 MB line of "1,1,1,…"', () => '1,'.repeat(MB / 2) + '\n', 5000],
  [
    '200,000 numbered headings',
    () => {
      const parts: string[] = [];
      for (let i = 1; i <= 200_000; i++) parts.push(`${i}. Mục số ${i}\n`);
      return parts.join('');
    },
    5000,
  ],
  [
    'headings nested 12 deep',
    () => {
      let s = '';
      for (let rep = 1; rep <= 200; rep++) {
        const num: number[] = [rep];
        s += `${rep}. Tiêu đề cấp một\nNội dung ngắn.\n`;
        for (let d = 2; d <= 12; d++) {
          num.push(1);
          s += `${num.join('.')}. Tiêu đề cấp ${d}\nNội dung ngắn.\n`;
        }
      }
      return s;
    },
    5000,
  ],
  [
    'mixed NFC/NFD lines with CRLF',
    () => {
      const line = 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt 10,4%/năm; tỷ lệ hộ nghèo còn 0,5%.';
      const out: string[] = [];
      for (let i = 0; i < 20_000; i++) {
        // NFD on odd lines, and within even lines half decomposed
        const l = i % 2 ? line.normalize('NFD') : line.slice(0, 40) + line.slice(40).normalize('NFD');
        out.push(l);
      }
      return out.join('\r\n') + '\r\n';
    },
    5000,
  ],
  ['an empty file', () => '', 5000],
  [
    'a 20 MB text',
    () => {
      const para = 'Năm 2025, tổng thu ngân sách nhà nước trên địa bàn ước đạt 51.200 tỷ đồng, tăng 8,5% so với năm trước.\n';
      return `# Báo cáo rất dài\n\n` + para.repeat(Math.ceil((20 * MB) / Buffer.byteLength(para)));
    },
    15000,
  ],
];

describe('adversarial drafts through the CLI', () => {
  const dir = tempDir('draftlint-adv-');

  for (const [name, make, budget] of CASES) {
    test(`${name}: exit 0/1 within ${budget / 1000} s, JSON out, no stack trace`, () => {
      const file = write(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.txt`, make());
      const r = run(['check', path.basename(file), '--no-config', '--format', 'json'], dir, budget);
      assertNoCrash(r, name);
      assert.ok(r.code === 0 || r.code === 1, `${name}: exit ${r.code}\n${r.stderr.slice(0, 1000)}`);
      // the budgets (5 s, 20 MB in 15 s) are wall-clock on a quiet machine; a test shares the machine, so it
      // allows WALL_SLACK× that and `npm run bench` holds the strict numbers
      assert.ok(r.ms <= budget * WALL_SLACK, `${name}: ${Math.round(r.ms)} ms > ${budget} ms × ${WALL_SLACK}`);
      const rep = parseJson(r, name);
      assert.equal(rep.files.length, 1);
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split(/\r\n|\r|\n/).length;
      for (const f of rep.files[0].findings) {
        assert.ok(f.line >= 1 && f.line <= lines && f.endLine >= f.line && f.endLine <= lines, `${name}: ${JSON.stringify(f).slice(0, 200)}`);
      }
      const large = rep.files[0].findings.some((f) => f.rule === 'format/large-file');
      // over the default maxFileSize (5 MB) only the cheap rules run, and the report says so
      assert.equal(large, Buffer.byteLength(text) > 5 * MB, `${name}: format/large-file`);
    });
  }

  test('the stylish report of 200,000 headings and of 20 MB is fine too', () => {
    for (const name of ['200,000 numbered headings', 'a 20 MB text']) {
      const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.txt`);
      if (!fs.existsSync(file)) write(dir, path.basename(file), CASES.find((c) => c[0] === name)![1]());
      const r = run(['check', path.basename(file), '--no-config'], dir, 15000);
      assertNoCrash(r, name);
      assert.ok(r.code === 0 || r.code === 1, `${name}: exit ${r.code}`);
    }
  });

  test('outline of headings nested 12 deep', () => {
    const file = write(dir, 'deep.txt', CASES.find((c) => c[0] === 'headings nested 12 deep')![1]());
    const r = run(['outline', path.basename(file), '--no-config', '--format', 'json'], dir, 5000);
    assertNoCrash(r, 'outline');
    assert.equal(r.code, 0);
    interface H {
      depth: number;
      children: H[];
    }
    const doc = JSON.parse(r.stdout) as { outline: H[] };
    const deepest = (hs: H[]): number => hs.reduce((m, h) => Math.max(m, h.depth, deepest(h.children)), 0);
    assert.equal(doc.outline.length, 200);
    assert.ok(deepest(doc.outline) >= 3, `depth ${deepest(doc.outline)}`);
  });

  test('invalid UTF-8 and NUL bytes are reported as skipped (binary), not as findings', () => {
    const bad = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bad.length; i++) bad[i] = i % 7 === 0 ? 0xff : i % 3 === 0 ? 0xc3 : 0x41;
    write(dir, 'bin/invalid-utf8.txt', bad);
    write(dir, 'bin/nul.md', Buffer.concat([Buffer.from('Văn bản có byte rỗng\n'), Buffer.from([0, 0, 0]), Buffer.from('tiếp theo\n')]));
    write(dir, 'bin/ok.md', 'Văn bản bình thường.\n');
    const r = run(['check', 'bin', '--no-config', '--format', 'json'], dir, 5000);
    assertNoCrash(r, 'binary');
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^bin[\\/]invalid-utf8\.txt: skipped \(binary\)$/m);
    assert.match(r.stderr, /^bin[\\/]nul\.md: skipped \(binary\)$/m);
    const rep = parseJson(r, 'binary');
    assert.deepEqual(
      rep.files.map((f) => f.path.replace(/\\/g, '/')),
      ['bin/ok.md'],
    );
  });
});

describe('many citations of one indicator across files', () => {
  test(
    'two files citing the same indicator and period 3,000 times each, differently: within 5 s',
    () => {
      const dir = tempDir('draftlint-xdoc-');
      write(dir, 'a.txt', 'Giai đoạn 2021-2025, tốc độ tăng trưởng kinh tế bình quân đạt 10,4%/năm.\n'.repeat(3000));
      write(dir, 'b.txt', 'Giai đoạn 2021-2025, tốc độ tăng trưởng kinh tế bình quân đạt 9,8%/năm.\n'.repeat(3000));
      const r = run(['check', '.', '--no-config', '--format', 'json'], dir, 5000);
      assertNoCrash(r, 'cross-file');
      assert.equal(r.code, 0);
      assert.ok(r.ms <= 5000 * WALL_SLACK, `${Math.round(r.ms)} ms`);
      const rep = parseJson(r, 'cross-file');
      assert.ok(rep.files.every((f) => f.findings.length === 3000 && f.findings.every((x) => x.rule === 'figures/inconsistent')));
    },
  );
});

describe('broken data files exit 2 with file and line', () => {
  const dir = tempDir('draftlint-data-');
  const H = 'id,name,aliases,unit,period,kind,value,bound,source';
  const ROW = 'grdp_growth,Tốc độ tăng trưởng GRDP,,%,2025,actual';
  write(dir, 'doc.md', '# Ghi chú\n\nNăm 2025, tốc độ tăng trưởng GRDP đạt 9,7%.\n');

  const broken: [string, string, RegExp][] = [
    ['unterminated quote', `${H}\ngrdp_growth,"Tốc độ tăng trưởng GRDP,,%,2025,actual,8.7,,A\n`, /^unterminated-quote\.csv:2: /m],
    ['wrong column count', `${H}\n${ROW},8.7\n`, /^wrong-column-count\.csv:2: .*\b7\b.*\b9\b/m],
    ['non-numeric value', `${H}\n${ROW},tám,,A\n`, /^non-numeric-value\.csv:2: field "value": .*tám/m],
    ['unknown kind', `${H}\ngrdp_growth,Tốc độ tăng trưởng GRDP,,%,2025,forecast,8.7,,A\n`, /^unknown-kind\.csv:2: field "kind": .*forecast/m],
    ['unknown bound', `${H}\n${ROW},8.7,around,A\n`, /^unknown-bound\.csv:2: field "bound": .*around/m],
    ['duplicate id and period with different values', `${H}\n${ROW},8.7,,A\n${ROW},8.9,,B\n`, /^duplicate-id-and-period-with-different-values\.csv:3: field "value": .*8\.9.*8\.7/m],
  ];
  for (const [name, csv, re] of broken) {
    test(name, () => {
      const file = `${name.replace(/[^a-z0-9]+/gi, '-')}.csv`;
      write(dir, file, csv);
      const r = run(['check', 'doc.md', '--no-config', '--indicators', file], dir, 5000);
      assertNoCrash(r, name);
      assert.equal(r.code, 2, `${name}: exit ${r.code}\n${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, re);
    });
  }

  test('malformed JSON and YAML data name the line too', () => {
    write(dir, 'trunc.json', '[\n  { "id": "a",\n');
    write(dir, 'bad.yaml', '- id: grdp_growth\n  name: Tốc độ tăng trưởng GRDP\n  unit: "%"\n  period: 2025\n  value: [8.7\n');
    for (const [file, re] of [
      ['trunc.json', /^trunc\.json:\d+: /m],
      ['bad.yaml', /^bad\.yaml:\d+: /m],
    ] as const) {
      const r = run(['check', 'doc.md', '--no-config', '--indicators', file], dir, 5000);
      assertNoCrash(r, file);
      assert.equal(r.code, 2, file);
      assert.match(r.stderr, re);
    }
  });

  test('a BOM is fine: the data is used (the wrong figure is found)', () => {
    write(dir, 'bom.csv', `\ufeff${H}\n${ROW},8.7,,A\n`);
    const r = run(['check', 'doc.md', '--no-config', '--indicators', 'bom.csv', '--format', 'json'], dir, 5000);
    assertNoCrash(r, 'bom');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.ok(parseJson(r, 'bom').files[0].findings.some((f) => f.rule === 'figures/canonical-mismatch'));
  });

  test('a semicolon CSV (Excel, Vietnamese locale) is read with a warning naming the file and line', () => {
    write(dir, 'semi.csv', `${H.replace(/,/g, ';')}\n${ROW.replace(/,/g, ';')};8.7;;A\n`);
    const r = run(['check', 'doc.md', '--no-config', '--indicators', 'semi.csv', '--format', 'json'], dir, 5000);
    assertNoCrash(r, 'semicolon');
    assert.match(r.stderr, /^semi\.csv:1: warning: /m);
    // read, not rejected: the figure is checked against it
    assert.equal(r.code, 1);
    assert.ok(parseJson(r, 'semicolon').files[0].findings.some((f) => f.rule === 'figures/canonical-mismatch'));
  });
});
