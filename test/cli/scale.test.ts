/**
 * The CLI at repository scale (built dist/cli.js): the worker pool gives the same output as linting in one
 * thread; --cache reuses results of unchanged files and survives a corrupt cache; baselines hide recorded
 * findings by fingerprint, not line; maxFileSize / --max-file-size switch to the cheap rules, and huge files are
 * skipped unread.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, runCli, tempDir, write, type CliRun, type JsonReport } from './cli-helper';

const exampleDir = path.join(repoRoot, 'examples', 'quang-ninh');
const example = fs.readFileSync(path.join(exampleDir, 'du-thao-bao-cao-chinh-tri.md'), 'utf8');

/** A project of varied drafts: copies of the example with edits, NFD and CRLF copies, cross-file inconsistencies,
 *  a binary file, an empty file, a sub-project with its own config and no data. */
function makeRepo(n = 24): string {
  const dir = tempDir('draftlint-scale-');
  fs.copyFileSync(path.join(exampleDir, 'draftlint.json'), path.join(dir, 'draftlint.json'));
  fs.copyFileSync(path.join(exampleDir, 'indicators.csv'), path.join(dir, 'indicators.csv'));
  for (let i = 0; i < n; i++) {
    let text = example;
    if (i % 3 === 1) text = text.replace('10,4%/năm', `${9 + (i % 5)},${i % 10}%/năm`);
    if (i % 4 === 2) text = text.normalize('NFD');
    if (i % 5 === 3) text = text.replace(/\n/g, '\r\n');
    if (i % 6 === 4) text = `Ghi chú số ${i}.\n\n` + text;
    write(dir, `drafts/d${String(i).padStart(3, '0')}.md`, text);
  }
  write(dir, 'drafts/binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]));
  write(dir, 'drafts/empty.md', '');
  // no data: figures are compared across files only (figures/inconsistent)
  write(dir, 'nodata/draftlint.json', JSON.stringify({ indicators: [] }));
  write(dir, 'nodata/a.md', '# Báo cáo A\n\nGiai đoạn 2021-2025, tốc độ tăng trưởng kinh tế bình quân đạt 10,4%/năm.\n');
  write(dir, 'nodata/b.md', '# Báo cáo B\n\nGiai đoạn 2021-2025, tốc độ tăng trưởng kinh tế bình quân đạt 9,8%/năm.\n');
  return dir;
}

/** The --debug summary: `draftlint: debug: N files, linted M (in the main thread | on W workers)[; cache: …]` */
function debugLine(r: CliRun): string {
  const line = r.stderr.split('\n').find((l) => l.startsWith('draftlint: debug: ') && / files?, linted /.test(l));
  assert.ok(line, `no debug line in: ${r.stderr}`);
  return line;
}

/** stderr without the --debug lines */
const plainErr = (r: CliRun) =>
  r.stderr
    .split('\n')
    .filter((l) => !l.startsWith('draftlint: debug: '))
    .join('\n');

function parse(r: CliRun): JsonReport {
  try {
    return JSON.parse(r.stdout) as JsonReport;
  } catch {
    return assert.fail(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 500)}\n${r.stderr}`);
  }
}

describe('worker pool', () => {
  const dir = makeRepo();

  test('the pool really runs, and its output is byte for byte that of one thread, in every format', () => {
    for (const format of ['stylish', 'json', 'sarif']) {
      const seq = runCli(['check', '.', '--format', format, '--jobs', '1', '--debug'], { cwd: dir });
      const pool = runCli(['check', '.', '--format', format, '--jobs', '3', '--debug'], { cwd: dir });
      assert.match(debugLine(seq), /linted 28 in the main thread/);
      assert.match(debugLine(pool), /linted 28 on 3 workers/);
      assert.equal(pool.code, seq.code, format);
      assert.equal(pool.stdout, seq.stdout, format);
      assert.equal(plainErr(pool), plainErr(seq), format);
    }
    const seq = parse(runCli(['check', '.', '--format', 'json', '--jobs', '1'], { cwd: dir }));
    // the repo is varied enough to mean something: findings in many files, cross-file ones included
    assert.equal(seq.files.length, 27); // all but the binary file
    assert.ok(seq.files.filter((f) => f.findings.length > 0).length >= 20);
    assert.ok(seq.files.some((f) => f.findings.some((x) => x.rule === 'figures/inconsistent' && /trong/.test(x.message))));
    const order = seq.files.map((f) => f.path);
    assert.deepEqual(order, [...order].sort());
  });

  test('the automatic choice: workers for 120 drafts (when there are cores), none for 28', () => {
    const big = tempDir('draftlint-scale-');
    fs.copyFileSync(path.join(exampleDir, 'draftlint.json'), path.join(big, 'draftlint.json'));
    fs.copyFileSync(path.join(exampleDir, 'indicators.csv'), path.join(big, 'indicators.csv'));
    for (let i = 0; i < 120; i++) write(big, `d${String(i).padStart(3, '0')}.md`, example);
    const many = runCli(['check', '.', '--debug', '--format', 'json'], { cwd: big });
    assert.equal(many.code, 1);
    if (os.availableParallelism() >= 2) assert.match(debugLine(many), /linted 120 on \d+ workers/);
    else assert.match(debugLine(many), /in the main thread/);
    const few = runCli(['check', '.', '--debug'], { cwd: dir });
    assert.match(debugLine(few), /linted 28 in the main thread/);
  });

  test('figures through the pool equal figures in one thread', () => {
    const seq = runCli(['figures', 'drafts', '--format', 'json', '--jobs', '1'], { cwd: dir });
    const pool = runCli(['figures', 'drafts', '--format', 'json', '--jobs', '2', '--debug'], { cwd: dir });
    assert.match(debugLine(pool), /on 2 workers/);
    assert.equal(pool.code, 0);
    assert.equal(pool.stdout, seq.stdout);
    assert.ok(pool.stdout.includes('"mismatch"'));
  });

  test('--jobs needs a whole number ≥ 1', () => {
    for (const bad of ['0', 'x', '-1', '1.5']) {
      const r = runCli(['check', '.', '--jobs', bad], { cwd: dir });
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--jobs/);
    }
  });
});

describe('--cache', () => {
  test('a rerun with nothing changed lints nothing and prints the same; a changed file is linted again', () => {
    const dir = makeRepo(12);
    const plain = runCli(['check', '.', '--format', 'json'], { cwd: dir });
    const first = runCli(['check', '.', '--format', 'json', '--cache', '--debug'], { cwd: dir });
    assert.match(debugLine(first), /16 files, linted 16 .*cache: 0 hits, 16 misses/);
    assert.ok(fs.existsSync(path.join(dir, '.draftlint-cache', 'check.json')));
    const second = runCli(['check', '.', '--format', 'json', '--cache', '--debug'], { cwd: dir });
    assert.match(debugLine(second), /linted 0 in the main thread; cache: 16 hits, 0 misses/);
    for (const r of [first, second]) {
      assert.equal(r.code, plain.code);
      assert.equal(r.stdout, plain.stdout);
      assert.equal(plainErr(r), plain.stderr);
    }
    // edit one draft: only it is linted again, and its new finding shows
    const f = path.join(dir, 'drafts', 'd000.md');
    fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('GRDP bình quân đầu người năm 2025 ước đạt trên 12.000 USD', 'GRDP bình quân đầu người năm 2025 ước đạt trên 11.000 USD'));
    const third = runCli(['check', '.', '--format', 'json', '--cache', '--debug'], { cwd: dir });
    assert.match(debugLine(third), /linted 1 in the main thread; cache: 15 hits, 1 misses/);
    assert.deepEqual(third.stdout, runCli(['check', '.', '--format', 'json'], { cwd: dir }).stdout);
    assert.notEqual(third.stdout, plain.stdout);
  });

  test('changing the data, the config, the language or --max-file-size invalidates the entries', () => {
    const dir = makeRepo(4);
    const args = ['check', 'drafts', '--format', 'json', '--cache', '--debug'];
    runCli(args, { cwd: dir });
    assert.match(debugLine(runCli(args, { cwd: dir })), /cache: 6 hits, 0 misses/);
    // data
    fs.appendFileSync(path.join(dir, 'indicators.csv'), 'new_one,Chỉ số mới thêm,,%,2025,actual,1,,test\n');
    assert.match(debugLine(runCli(args, { cwd: dir })), /cache: 0 hits, 6 misses/);
    assert.match(debugLine(runCli(args, { cwd: dir })), /cache: 6 hits/);
    // config
    const cfg = path.join(dir, 'draftlint.json');
    fs.writeFileSync(cfg, fs.readFileSync(cfg, 'utf8').replace('"rules": {}', '"rules": { "format/artifact": "off" }'));
    const afterCfg = runCli(args, { cwd: dir });
    assert.match(debugLine(afterCfg), /cache: 0 hits/);
    assert.ok(!afterCfg.stdout.includes('format/artifact'));
    // --quiet does not (it only filters what is shown) …
    assert.match(debugLine(runCli([...args, '--quiet'], { cwd: dir })), /cache: 6 hits/);
    // … options that change findings do
    assert.match(debugLine(runCli([...args, '--language', 'en'], { cwd: dir })), /cache: 0 hits/);
    assert.match(debugLine(runCli([...args, '--max-file-size', '1k'], { cwd: dir })), /cache: 0 hits/);
  });

  test('a template file and the reference document it names are part of the key', () => {
    const dir = tempDir();
    write(dir, 'draftlint.json', JSON.stringify({ template: 'tpl/mau.yaml' }));
    write(dir, 'tpl/mau.yaml', 'name: mau\nreference: ../ref/mau.md\n');
    write(dir, 'ref/mau.md', '# Mẫu\n\nI- MỞ ĐẦU\n\nII- NỘI DUNG\n');
    write(dir, 'docs/a.md', '# Mẫu\n\nI- MỞ ĐẦU\n\nVăn bản.\n');
    const args = ['check', 'docs', '--cache', '--debug', '--format', 'json'];
    const first = runCli(args, { cwd: dir });
    assert.match(first.stdout, /structure\/missing-section/);
    assert.match(debugLine(runCli(args, { cwd: dir })), /cache: 1 hits/);
    // the reference document drops section II: the draft is complete now
    write(dir, 'ref/mau.md', '# Mẫu\n\nI- MỞ ĐẦU\n');
    const after = runCli(args, { cwd: dir });
    assert.match(debugLine(after), /cache: 0 hits, 1 misses/);
    assert.doesNotMatch(after.stdout, /structure\/missing-section/);
    write(dir, 'tpl/mau.yaml', 'name: mau2\nreference: ../ref/mau.md\n');
    assert.match(debugLine(runCli(args, { cwd: dir })), /cache: 0 hits, 1 misses/);
  });

  test('a corrupt, foreign or tampered cache is ignored and rewritten, never a crash', () => {
    const dir = makeRepo(3);
    const expected = runCli(['check', 'drafts', '--format', 'json'], { cwd: dir });
    const cacheFile = path.join(dir, '.draftlint-cache', 'check.json');
    const args = ['check', 'drafts', '--format', 'json', '--cache', '--debug'];
    runCli(args, { cwd: dir });
    const good = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { result: { findings: unknown[] } }> };
    const someKey = Object.keys(good.entries)[0];
    const tampered = structuredClone(good);
    tampered.entries[someKey].result.findings = [{ rule: 1, line: 'x' }];
    const variants: [string, string | Buffer][] = [
      ['garbage', 'not json {'],
      ['binary', Buffer.from([0, 1, 2, 0xff, 0xfe])],
      ['empty', ''],
      ['wrong shape', JSON.stringify([1, 2, 3])],
      ['other format', JSON.stringify({ format: 99, entries: {} })],
      ['tampered entry', JSON.stringify(tampered)],
      ['truncated', JSON.stringify(good).slice(0, 200)],
    ];
    for (const [name, content] of variants) {
      fs.writeFileSync(cacheFile, content);
      const r = runCli(args, { cwd: dir });
      assert.equal(r.code, expected.code, name);
      assert.equal(r.stdout, expected.stdout, name);
      assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, name);
      if (name === 'tampered entry') assert.match(debugLine(r), /cache: 4 hits, 1 misses/, name);
      else {
        assert.match(debugLine(r), /cache: 0 hits/, name);
        assert.match(r.stderr, /debug: cache .*check\.json ignored \(.+\); it is rewritten/, name);
      }
      // rewritten: the next run reads it
      assert.match(debugLine(runCli(args, { cwd: dir })), /cache: 5 hits, 0 misses/, `${name}: rewritten`);
    }
  });

  test('--cache-location takes a folder or a file; an unwritable location warns and the run goes on', () => {
    const dir = makeRepo(2);
    const a = runCli(['check', 'drafts', '--cache-location', 'cc/', '--debug'], { cwd: dir });
    assert.ok(fs.existsSync(path.join(dir, 'cc', 'check.json')));
    assert.match(debugLine(runCli(['check', 'drafts', '--cache', '--cache-location', 'cc', '--debug'], { cwd: dir })), /cache: 4 hits/);
    runCli(['check', 'drafts', '--cache', '--cache-location', 'my-cache.json'], { cwd: dir });
    assert.ok(fs.statSync(path.join(dir, 'my-cache.json')).isFile());
    assert.ok(!fs.existsSync(path.join(dir, '.draftlint-cache')));
    // a path under a regular file cannot be created
    const bad = runCli(['check', 'drafts', '--cache', '--cache-location', 'my-cache.json/sub/c.json'], { cwd: dir });
    assert.equal(bad.code, a.code);
    assert.equal(bad.stdout, a.stdout);
    assert.match(bad.stderr, /cannot write the cache .*continuing without it/);
  });
});

describe('baseline', () => {
  const FINDINGS_RE = /(\d+) findings? hidden by the baseline/;

  test('--write-baseline records; --baseline hides them; edits above do not bring them back', () => {
    const dir = makeRepo(3);
    const before = parse(runCli(['check', 'drafts', '--format', 'json'], { cwd: dir }));
    const total = before.files.reduce((n, f) => n + f.findings.length, 0);
    assert.ok(total >= 10);

    const w = runCli(['check', 'drafts', '--write-baseline'], { cwd: dir });
    assert.equal(w.code, 0, w.stderr);
    assert.match(w.stderr, new RegExp(`wrote ${total} findings to the baseline draftlint-baseline\\.json`));
    const file = path.join(dir, 'draftlint-baseline.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { files: Record<string, { rule: string; fingerprint: string; count: number }[]> };
    // the empty draft misses the template's sections
    assert.deepEqual(Object.keys(doc.files), ['drafts/d000.md', 'drafts/d001.md', 'drafts/d002.md', 'drafts/empty.md']);
    assert.equal(
      Object.values(doc.files).flat().reduce((n, x) => n + x.count, 0),
      total,
    );

    const b = runCli(['check', 'drafts', '--baseline', 'draftlint-baseline.json'], { cwd: dir });
    assert.equal(b.code, 0);
    assert.equal(b.stdout, '');
    assert.match(b.stderr, new RegExp(`${total} findings hidden by the baseline`));

    // lines added above every finding: still hidden
    const f = path.join(dir, 'drafts', 'd000.md');
    fs.writeFileSync(f, '<!-- ghi chú mới -->\n\nMột đoạn mở đầu thêm vào.\n\n' + fs.readFileSync(f, 'utf8'));
    const moved = runCli(['check', 'drafts', '--baseline', 'draftlint-baseline.json', '--format', 'json'], { cwd: dir });
    assert.equal(moved.code, 0);
    assert.deepEqual(parse(moved).files.flatMap((x) => x.findings), []);

    // a new wrong figure shows (exit 1), the old ones stay hidden
    fs.appendFileSync(f, '\nTổng thu ngân sách nhà nước trên địa bàn giai đoạn 2021 - 2025 ước đạt 999.000 tỷ đồng.\n');
    const fresh = runCli(['check', 'drafts', '--baseline', 'draftlint-baseline.json', '--format', 'json'], { cwd: dir });
    assert.equal(fresh.code, 1);
    const shown = parse(fresh).files.flatMap((x) => x.findings);
    assert.equal(shown.length, 1);
    assert.equal(shown[0].rule, 'figures/canonical-mismatch');
    assert.match(shown[0].message, /999\.000/);
    assert.match(fresh.stderr, FINDINGS_RE);
  });

  test('counts per fingerprint: a duplicated finding still shows once more', () => {
    const dir = tempDir();
    write(dir, 'doc.md', '# Ghi chú\n\n[bookmark: _Hlk1]Đoạn thứ nhất.\n');
    const w = runCli(['check', 'doc.md', '--no-config', '--write-baseline', 'base/line.json'], { cwd: dir });
    assert.equal(w.code, 0);
    assert.match(w.stderr, /wrote 1 finding to the baseline base\/line\.json/);
    // the same leftover, same context, twice more
    fs.appendFileSync(path.join(dir, 'doc.md'), '\n[bookmark: _Hlk1]Đoạn thứ nhất.\n\n[bookmark: _Hlk1]Đoạn thứ nhất.\n');
    const r = runCli(['check', 'doc.md', '--no-config', '--baseline', 'base/line.json', '--format', 'json'], { cwd: dir });
    const shown = parse(r).files[0].findings;
    assert.equal(shown.length, 2);
    assert.ok(shown.every((x) => x.rule === 'format/artifact'));
    // the first occurrence is the one the baseline accounts for
    assert.deepEqual(shown.map((x) => x.line), [5, 7]);
    assert.match(r.stderr, /1 finding hidden by the baseline/);
  });

  test('the baseline matches files relative to itself, whatever the cwd', () => {
    const dir = makeRepo(2);
    runCli(['check', 'drafts', '--write-baseline=drafts/bl.json'], { cwd: dir });
    const r = runCli(['check', '.', '--baseline', 'bl.json'], { cwd: path.join(dir, 'drafts') });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
  });

  test('--baseline FILE --write-baseline rewrites FILE with the current findings', () => {
    const dir = makeRepo(2);
    runCli(['check', 'drafts/d000.md', '--write-baseline=b.json'], { cwd: dir });
    const before = runCli(['check', 'drafts', '--baseline', 'b.json'], { cwd: dir });
    assert.equal(before.code, 1, 'd001.md is not in the baseline yet');
    const w = runCli(['check', 'drafts', '--baseline', 'b.json', '--write-baseline'], { cwd: dir });
    assert.equal(w.code, 0);
    assert.match(w.stderr, /to the baseline b\.json/);
    assert.ok(!fs.existsSync(path.join(dir, 'draftlint-baseline.json')));
    const after = runCli(['check', 'drafts', '--baseline', 'b.json'], { cwd: dir });
    assert.equal(after.code, 0);
    assert.equal(after.stdout, '');
  });

  test('a broken or missing baseline is a usage error naming the file (and line)', () => {
    const dir = makeRepo(1);
    write(dir, 'bad.json', '{\n  "files": {\n    "a.md": [ { "fingerprint": "x", } ]\n  }\n}\n');
    write(dir, 'shape.json', '{ "files": { "a.md": [ { "count": 2 } ] } }');
    write(dir, 'array.json', '[]');
    const bad = runCli(['check', 'drafts', '--baseline', 'bad.json'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^bad\.json:3: not valid JSON/);
    assert.equal(bad.stdout, '');
    for (const f of ['shape.json', 'array.json', 'missing.json']) {
      const r = runCli(['check', 'drafts', '--baseline', f], { cwd: dir });
      assert.equal(r.code, 2, f);
      assert.match(r.stderr, new RegExp(`^${f.replace('.', '\\.')}: `), f);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  });

  test('a --quiet run with a baseline counts only what is left', () => {
    const dir = makeRepo(2);
    runCli(['check', 'drafts/d000.md', '--write-baseline'], { cwd: dir });
    const r = runCli(['check', 'drafts', '--baseline', 'draftlint-baseline.json', '--quiet', '--format', 'json'], { cwd: dir });
    const files = parse(r).files;
    assert.deepEqual(files.find((f) => f.path.endsWith('d000.md'))?.findings, []);
    assert.ok(files.find((f) => f.path.endsWith('d001.md'))!.findings.every((x) => x.severity === 'error'));
  });
});

describe('file size limits', () => {
  const big = () => {
    const dir = tempDir();
    write(dir, 'draftlint.json', JSON.stringify({ indicators: ['indicators.csv'] }));
    fs.copyFileSync(path.join(exampleDir, 'indicators.csv'), path.join(dir, 'indicators.csv'));
    write(dir, 'draft.md', example);
    return dir;
  };
  const rules = (r: CliRun) => parse(r).files.flatMap((f) => f.findings.map((x) => x.rule));

  test('over --max-file-size only the cheap rules run, with an info finding saying so', () => {
    const dir = big();
    const full = runCli(['check', 'draft.md', '--format', 'json'], { cwd: dir });
    assert.ok(rules(full).includes('figures/canonical-mismatch'));
    assert.ok(!rules(full).includes('format/large-file'));
    const cheap = runCli(['check', 'draft.md', '--format', 'json', '--max-file-size', '2k'], { cwd: dir });
    assert.ok(rules(cheap).includes('format/large-file'));
    assert.ok(!rules(cheap).includes('figures/canonical-mismatch'));
    assert.ok(rules(cheap).includes('format/artifact'), 'cheap rules still run');
    // exactly at the size: full rules
    const size = fs.statSync(path.join(dir, 'draft.md')).size;
    assert.ok(!rules(runCli(['check', 'draft.md', '--format', 'json', '--max-file-size', String(size)], { cwd: dir })).includes('format/large-file'));
    assert.ok(rules(runCli(['check', 'draft.md', '--format', 'json', '--max-file-size', String(size - 1)], { cwd: dir })).includes('format/large-file'));
  });

  test('maxFileSize in draftlint.json does the same; --max-file-size wins over it', () => {
    const dir = big();
    write(dir, 'draftlint.json', JSON.stringify({ indicators: ['indicators.csv'], maxFileSize: 2048 }));
    assert.ok(rules(runCli(['check', 'draft.md', '--format', 'json'], { cwd: dir })).includes('format/large-file'));
    assert.ok(!rules(runCli(['check', 'draft.md', '--format', 'json', '--max-file-size', '5MB'], { cwd: dir })).includes('format/large-file'));
  });

  test('a file over 50 MB is skipped unread with a note; bad sizes are usage errors', () => {
    const dir = tempDir();
    write(dir, 'ok.md', 'Văn bản ngắn.\n');
    const huge = path.join(dir, 'huge.txt');
    const fd = fs.openSync(huge, 'w');
    fs.ftruncateSync(fd, 51 * 1024 * 1024); // sparse: no disk used
    fs.closeSync(fd);
    const r = runCli(['check', '.', '--no-config'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^huge\.txt: skipped \(51 MB, over the 50 MB limit for reading a file\)$/m);
    for (const bad of ['0', 'big', '-5', '5TB']) {
      const u = runCli(['check', '.', '--max-file-size', bad], { cwd: dir });
      assert.equal(u.code, 2, bad);
      assert.match(u.stderr, /--max-file-size/);
    }
  });
});
