/**
 * Behaviour of the built CLI (dist/cli.js): exit codes, options, config discovery, file walking, SARIF/JSON
 * regions on CRLF, BOM and NFD files, binary files, init.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { FIX, cliPath, fixtures, originalLines, repoRoot, runCli, tempDir, write, type JsonReport } from './cli-helper';

const project = `${FIX}/project`;
const dataCsv = `${FIX}/project/data/indicators.csv`;

function json(args: string[], cwd?: string): { code: number | null; report: JsonReport; stderr: string } {
  const r = runCli([...args, '--format', 'json'], { cwd });
  let report: JsonReport;
  try {
    report = JSON.parse(r.stdout) as JsonReport;
  } catch {
    assert.fail(`not JSON (exit ${r.code}): ${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, report, stderr: r.stderr };
}

const rulesOf = (rep: JsonReport) => rep.files.flatMap((f) => f.findings.map((x) => x.rule));

describe('exit codes', () => {
  test('1 when a figure contradicts the canonical data', () => {
    const r = runCli(['check', project]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /figures\/canonical-mismatch/);
    assert.match(r.stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\)/);
  });

  test('0 for a file whose figures match', () => {
    const r = runCli(['check', `${project}/sach.md`]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
  });

  test('2 for a malformed data file, naming file:line and field', () => {
    const r = runCli(['check', `${FIX}/bad-data`]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /test\/cli\/fixtures\/bad-data\/data\/indicators\.csv:3: field "value": .*8,7/);
  });

  test('2 for an unknown flag, an unknown command, a bad format, a missing path', () => {
    for (const args of [
      ['check', '--frobnicate'],
      ['lint', project],
      ['check', project, '--format', 'csv'],
      ['check', `${FIX}/no-such-folder`],
      ['check', '--max-warnings', 'many'],
      ['outline'],
      ['outline', project],
    ]) {
      const r = runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}: ${r.stderr}`);
      assert.ok(r.stderr.length > 0, `${args.join(' ')} prints why`);
      assert.equal(r.stdout, '', `${args.join(' ')} prints nothing on stdout`);
    }
  });

  test('2 without a command; --help and --version exit 0', () => {
    assert.equal(runCli([]).code, 2);
    const h = runCli(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /draftlint check \[PATH\.\.\.\]/);
    const v = runCli(['--version']);
    assert.equal(v.code, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.equal(v.stdout.trim(), pkg.version);
  });

  test('figures is a report: exit 0 even with mismatches', () => {
    const r = runCli(['figures', project]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /mismatch/);
  });
});

describe('options', () => {
  test('--max-warnings', () => {
    const file = `${project}/lam-tron.md`; // one rounded figure: a warning, no error
    const base = json(['check', file]);
    assert.equal(base.code, 0);
    const warnings = base.report.files[0].findings.filter((x) => x.severity === 'warning').length;
    assert.ok(warnings >= 1);
    assert.equal(runCli(['check', file, '--max-warnings', String(warnings - 1)]).code, 1);
    assert.equal(runCli(['check', file, '--max-warnings', String(warnings)]).code, 0);
    const over = runCli(['check', file, '--max-warnings=0']);
    assert.match(over.stderr, /too many warnings/);
  });

  test('--quiet reports errors only (and still exits 1)', () => {
    const all = json(['check', project]);
    assert.ok(all.report.files.some((f) => f.findings.some((x) => x.severity === 'warning')));
    const q = json(['check', project, '--quiet']);
    assert.equal(q.code, 1);
    const sev = q.report.files.flatMap((f) => f.findings.map((x) => x.severity));
    assert.ok(sev.length > 0);
    assert.ok(sev.every((s) => s === 'error'));
  });

  test('--no-config drops the canonical data; --indicators brings it back', () => {
    const file = `${project}/nfd.txt`;
    const with_ = json(['check', file]);
    assert.ok(rulesOf(with_.report).includes('figures/canonical-mismatch'));
    const without = json(['check', file, '--no-config']);
    assert.ok(!rulesOf(without.report).includes('figures/canonical-mismatch'));
    const again = json(['check', file, '--no-config', '--indicators', dataCsv]);
    assert.equal(again.code, 1);
    assert.ok(rulesOf(again.report).includes('figures/canonical-mismatch'));
  });

  test('--language en changes the messages', () => {
    const vi = json(['check', `${project}/nfd.txt`]);
    const en = json(['check', `${project}/nfd.txt`, '--language', 'en']);
    const a = vi.report.files[0].findings[0];
    const b = en.report.files[0].findings[0];
    assert.equal(a.rule, b.rule);
    assert.notEqual(a.message, b.message);
  });

  test('--config FILE governs every file', () => {
    const dir = tempDir();
    write(dir, 'a/draftlint.json', JSON.stringify({ indicators: ['d.csv'] }));
    write(dir, 'a/d.csv', 'id,name,aliases,unit,period,kind,value,bound,source\nforest_cover,Tỷ lệ che phủ rừng,,%,2025,actual,45.2,,A\n');
    write(dir, 'b/draftlint.json', JSON.stringify({ indicators: ['d.csv'] }));
    write(dir, 'b/d.csv', 'id,name,aliases,unit,period,kind,value,bound,source\nforest_cover,Tỷ lệ che phủ rừng,,%,2025,actual,54.2,,B\n');
    write(dir, 'b/doc.md', '# Ghi chú\n\nNăm 2025, tỷ lệ che phủ rừng đạt 45,2%.\n');
    // nearest config (b) says 54.2: mismatch
    assert.equal(json(['check', 'b/doc.md'], dir).code, 1);
    // a's config for everything says 45.2: fine
    assert.equal(json(['check', 'b/doc.md', '--config', 'a/draftlint.json'], dir).code, 0);
  });
});

describe('files and config discovery', () => {
  test('folders are walked in sorted order; excluded and foreign files are skipped', () => {
    const { report } = json(['check', project]);
    const paths = report.files.map((f) => f.path);
    assert.deepEqual(paths, [...paths].sort());
    assert.ok(paths.includes(`${project}/bao-cao.md`.split('/').join(path.sep)));
    assert.ok(!paths.some((p) => p.includes('archive')), 'archive/** is excluded by the config');
    assert.ok(!paths.some((p) => p.endsWith('.csv') || p.endsWith('.json')), 'only *.md and *.txt');
    // named explicitly, an excluded file is skipped with a note
    const r = runCli(['check', `${project}/archive/cu.md`]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /cu\.md: skipped \(excluded/);
  });

  test('the nearest draftlint.json wins; node_modules and .git are skipped', () => {
    const dir = tempDir();
    const header = 'id,name,aliases,unit,period,kind,value,bound,source\n';
    write(dir, 'draftlint.json', JSON.stringify({ indicators: ['top.csv'] }));
    write(dir, 'top.csv', header + 'forest_cover,Tỷ lệ che phủ rừng,,%,2025,actual,54.2,,top\n');
    write(dir, 'sub/draftlint.json', JSON.stringify({ indicators: ['../sub-data/d.csv'], language: 'en' }));
    write(dir, 'sub-data/d.csv', header + 'forest_cover,Tỷ lệ che phủ rừng,,%,2025,actual,45.2,,sub\n');
    const text = '# Ghi chú\n\nNăm 2025, tỷ lệ che phủ rừng đạt 45,2%.\n';
    write(dir, 'top.md', text);
    write(dir, 'sub/deeper/doc.md', text);
    write(dir, 'node_modules/pkg/readme.md', text);
    write(dir, '.git/notes.md', text);
    const { report, code } = json(['check'], dir);
    assert.equal(code, 1);
    const byPath = new Map(report.files.map((f) => [f.path.split(path.sep).join('/'), f]));
    assert.deepEqual([...byPath.keys()], ['sub/deeper/doc.md', 'top.md']);
    assert.equal(byPath.get('top.md')!.findings.filter((x) => x.rule === 'figures/canonical-mismatch').length, 1);
    assert.equal(byPath.get('sub/deeper/doc.md')!.findings.filter((x) => x.rule === 'figures/canonical-mismatch').length, 0);
  });

  test('a folder outside the cwd: walked, shown with absolute paths, file: uris in SARIF', () => {
    const here = tempDir();
    const there = tempDir();
    write(there, 'x/doc.txt', '[bookmark: _Hlk1]Ghi chú ngắn.\n');
    write(there, 'x/skip.csv', 'a,b\n');
    const { report } = json(['check', '--no-config', there], here);
    assert.deepEqual(report.files.map((f) => f.path), [path.join(there, 'x', 'doc.txt')]);
    const sarif = JSON.parse(runCli(['check', '--no-config', there, '--format', 'sarif'], { cwd: here }).stdout);
    const uris = sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0);
    for (const u of uris) assert.match(u, /^file:\/\/.*\/x\/doc\.txt$/);
  });

  test('binary files are skipped with a note, not reported', () => {
    const dir = tempDir();
    write(dir, 'image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]));
    write(dir, 'latin1.md', Buffer.from('Ch\xe9o \xe0 la cr\xe8me br\xfbl\xe9e, na\xefve caf\xe9 \xe9t\xe9', 'latin1'));
    write(dir, 'ok.md', '# Ghi chú\n\nKhông có số liệu.\n');
    const { report, code, stderr } = json(['check', '--no-config'], dir);
    assert.equal(code, 0);
    assert.deepEqual(report.files.map((f) => f.path), ['ok.md']);
    assert.match(stderr, /image\.txt: skipped \(binary\)/);
    assert.match(stderr, /latin1\.md: skipped \(binary\)/);
  });

  test('config errors exit 2 naming the file, line and field', () => {
    const dir = tempDir();
    write(dir, 'draftlint.json', '{\n  "indicators": ["missing.csv"]\n}\n');
    write(dir, 'doc.md', '# Ghi chú\n');
    const r = runCli(['check'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^draftlint\.json:2: field "indicators\[0\]": .*missing\.csv/m);

    write(dir, 'draftlint.json', '{\n  "language": "fr"\n}\n');
    const r2 = runCli(['check'], { cwd: dir });
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /^draftlint\.json:2: field "language"/m);

    write(dir, 'draftlint.json', '{\n  "indicators": [\n');
    const r3 = runCli(['check'], { cwd: dir });
    assert.equal(r3.code, 2);
    assert.match(r3.stderr, /^draftlint\.json:\d+:/m);
  });

  test('data files with a .txt name are not linted as drafts', () => {
    const dir = tempDir();
    write(dir, 'draftlint.json', JSON.stringify({ indicators: ['data/chi-tieu.txt'], documents: 'van-ban.txt' }));
    write(dir, 'data/chi-tieu.txt', 'id,name,aliases,unit,period,kind,value,bound,source\nforest_cover,Tỷ lệ che phủ rừng,,%,2025,actual,54.2,,x\n');
    write(dir, 'van-ban.txt', 'number,date,title\n17-NQ/TU,30/10/2023,Về một việc\n');
    write(dir, 'doc.md', '# Ghi chú\n\nNăm 2025, tỷ lệ che phủ rừng đạt 45,2%.\n');
    const { report, code, stderr } = json(['check'], dir);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.deepEqual(report.files.map((f) => f.path), ['doc.md']);
  });

  test('a missing citation registry is a config error', () => {
    const dir = tempDir();
    write(dir, 'draftlint.json', '{\n  "documents": "registry.csv"\n}\n');
    write(dir, 'doc.md', '# Ghi chú\n');
    const r = runCli(['check'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^draftlint\.json:2: field "documents": .*registry\.csv/m);
  });

  test('figures/inconsistent across the files of one project, not across projects', () => {
    const dir = tempDir();
    write(dir, 'p/a.md', '# A\n\nNăm 2025, tỷ lệ che phủ rừng đạt 54,2%.\n');
    write(dir, 'p/b.md', '# B\n\nNăm 2025, tỷ lệ che phủ rừng đạt 55,4%.\n');
    write(dir, 'p/draftlint.json', '{}');
    write(dir, 'q/draftlint.json', '{}');
    write(dir, 'q/c.md', '# C\n\nNăm 2025, tỷ lệ che phủ rừng đạt 60,1%.\n');
    const { report } = json(['check'], dir);
    const byPath = new Map(report.files.map((f) => [f.path.split(path.sep).join('/'), f.findings.filter((x) => x.rule === 'figures/inconsistent')]));
    const a = byPath.get('p/a.md')!;
    assert.equal(a.length, 1);
    assert.deepEqual([a[0].line, a[0].column, a[0].endColumn], [3, 34, 39]);
    assert.match(a[0].message, /55,4%.*b\.md/);
    assert.equal(byPath.get('p/b.md')!.length, 1);
    assert.equal(byPath.get('q/c.md')!.length, 0, 'another project');
    // the config can turn the rule off
    write(dir, 'p/draftlint.json', JSON.stringify({ rules: { 'figures/inconsistent': 'off' } }));
    const off = json(['check', 'p'], dir);
    assert.ok(!rulesOf(off.report).includes('figures/inconsistent'));
  });

  test('data warnings are printed but do not stop the run', () => {
    const dir = tempDir();
    write(dir, 'd.csv', 'id,name,aliases,unit,period,kind,value,bound,source\ngrdp_per_capita,GRDP bình quân đầu người,,USD,2025,actual,11.000,above,x\n');
    write(dir, 'doc.md', '# Ghi chú\n\nKhông có số liệu.\n');
    const r = runCli(['check', '--no-config', '--indicators', 'd.csv'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^d\.csv:2: warning: field "value"/m);
  });
});

describe('ranges on the original text', () => {
  /** the text a 1-based, end-exclusive UTF-16 region selects in the file's original lines */
  function select(file: string, r: { startLine: number; startColumn: number; endLine: number; endColumn: number }): string {
    const lines = originalLines(file);
    assert.equal(r.startLine, r.endLine, 'the figure is on one line');
    return lines[r.startLine - 1].slice(r.startColumn - 1, r.endColumn - 1);
  }

  for (const [name, figure, indicatorName] of [
    ['nfd.txt', '45,2%', 'tỷ lệ che phủ rừng'],
    ['crlf.txt', '49.800 tỷ đồng', 'thu ngân sách nhà nước'],
  ] as const) {
    test(`SARIF region selects the figure exactly in ${name}`, () => {
      const r = runCli(['check', `${project}/${name}`, '--format', 'sarif']);
      assert.equal(r.code, 1, r.stderr);
      const sarif = JSON.parse(r.stdout);
      const run = sarif.runs[0];
      const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'figures/canonical-mismatch');
      assert.ok(res, 'the wrong figure is reported');
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, `${project}/${name}`);
      const file = path.join(fixtures, 'project', name);
      const selected = select(file, loc.region);
      assert.equal(selected.normalize('NFC'), figure);
      // columns count UTF-16 units of the original (decomposed) line, not of its NFC form
      assert.equal(loc.region.startColumn - 1, originalLines(file)[loc.region.startLine - 1].indexOf(selected));
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      // the related location (where the indicator is named) is mapped the same way
      const rel = res.relatedLocations?.[0]?.physicalLocation;
      assert.ok(rel, 'related location');
      assert.equal(rel.artifactLocation.uri, `${project}/${name}`);
      assert.equal(select(file, rel.region).normalize('NFC').toLowerCase(), indicatorName);
    });
  }

  test('the NFD line really is decomposed (columns differ from NFC)', () => {
    const line = originalLines(path.join(fixtures, 'project', 'nfd.txt'))[2];
    assert.notEqual(line, line.normalize('NFC'));
    assert.notEqual(line.indexOf('45,2%'), line.normalize('NFC').indexOf('45,2%'));
  });

  test('JSON columns agree with SARIF; a BOM is not counted', () => {
    const dir = tempDir();
    write(dir, 'bom.md', '\ufeffNăm 2025, tỷ lệ che phủ rừng đạt 45,2%.\n');
    const { report } = json(['check', 'bom.md', '--no-config', '--indicators', path.join(repoRoot, dataCsv)], dir);
    const f = report.files[0].findings.find((x) => x.rule === 'figures/canonical-mismatch');
    assert.ok(f);
    const line = 'Năm 2025, tỷ lệ che phủ rừng đạt 45,2%.';
    assert.equal(f.line, 1);
    assert.equal(f.column, line.indexOf('45,2%') + 1);
    assert.equal(f.endColumn, line.indexOf('45,2%') + '45,2%'.length + 1);
    assert.deepEqual(Object.keys(f), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'data']);
    for (const k of ['indicator', 'period', 'cited', 'canonical']) assert.ok(k in f.data, `data.${k}`);
  });
});

describe('figures formats', () => {
  test('csv has the contract header and RFC 4180 line ends', () => {
    const r = runCli(['figures', project, '--format', 'csv']);
    assert.equal(r.code, 0);
    assert.ok(r.stdout.startsWith('file,line,column,text,indicator_id,indicator,period,cited,canonical,status,source\r\n'));
    assert.ok(!/[^\r]\n/.test(r.stdout), 'every line ends with CRLF');
  });

  test('sarif: one result per figure, mismatch = error, rounded = warning', () => {
    const figs = JSON.parse(runCli(['figures', project, '--format', 'json']).stdout) as { files: { figures: { status: string }[] }[] };
    const statuses = figs.files.flatMap((f) => f.figures.map((g) => g.status));
    const sarif = JSON.parse(runCli(['figures', project, '--format', 'sarif']).stdout);
    const results = sarif.runs[0].results as { ruleId: string; level: string; properties: { status: string } }[];
    assert.equal(results.length, statuses.length);
    assert.deepEqual(results.map((r) => r.properties.status), statuses);
    for (const r of results) {
      assert.equal(r.ruleId, 'figures/report');
      assert.equal(r.level, r.properties.status === 'mismatch' ? 'error' : r.properties.status === 'rounded' ? 'warning' : 'note');
    }
  });

  test('html is one self-contained page', () => {
    const r = runCli(['figures', project, '--format', 'html']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^<!DOCTYPE html>/);
    assert.match(r.stdout, /<table>/);
    assert.match(r.stdout, /<input id="q"/);
    assert.ok(!/\b(src|href)=/.test(r.stdout), 'no remote resources');
    assert.ok(!/https?:\/\//.test(r.stdout), 'no urls');
  });

  test('json lists every figure with its status; --quiet keeps mismatches', () => {
    const r = runCli(['figures', project, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { files: { path: string; figures: { status: string; indicator: { id: string } | null }[] }[] };
    const statuses = doc.files.flatMap((f) => f.figures.map((g) => g.status));
    assert.ok(statuses.includes('ok') && statuses.includes('mismatch') && statuses.includes('rounded'));
    const q = JSON.parse(runCli(['figures', project, '--format', 'json', '--quiet']).stdout) as typeof doc;
    const qs = q.files.flatMap((f) => f.figures.map((g) => g.status));
    assert.ok(qs.length > 0 && qs.every((s) => s === 'mismatch'));
  });
});

describe('outline', () => {
  test('a reference document as the template', () => {
    const dir = tempDir();
    write(dir, 'mau.md', 'I- KẾT QUẢ\n1. Kinh tế\n2. Xã hội\nII- NHIỆM VỤ\n');
    write(dir, 'draftlint.json', JSON.stringify({ template: { reference: 'mau.md' } }));
    write(dir, 'doc.md', 'I- KẾT QUẢ\n1. Kinh tế\nII- NHIỆM VỤ\n');
    const r = runCli(['outline', 'doc.md', '--language', 'en'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Template: mau \(configured\)/);
    assert.match(r.stdout, /Missing sections:\n.*Xã hội/);
    const j = JSON.parse(runCli(['outline', 'doc.md', '--format', 'json'], { cwd: dir }).stdout);
    assert.deepEqual(j.template, { name: 'mau', auto: false });
    assert.equal(j.outline.length, 2);
    assert.equal(j.outline[0].children[0].title, 'Kinh tế');
  });

  test('--template takes a JSON or YAML template file', () => {
    const dir = tempDir();
    write(
      dir,
      't/mini.json',
      JSON.stringify({ name: 'mini', sections: [{ kind: 'roman', number: 'I', title: 'Kết quả' }, { kind: 'roman', number: 'II', title: 'Nhiệm vụ' }] }),
    );
    write(dir, 't/mini.yaml', 'name: mini-yaml\nsections:\n  - { kind: roman, number: "I", title: "Kết quả" }\n  - { kind: roman, number: "II", title: "Nhiệm vụ" }\n');
    write(dir, 'doc.md', 'I- KẾT QUẢ\n1. Kinh tế\n');
    for (const [file, name] of [['t/mini.json', 'mini'], ['t/mini.yaml', 'mini-yaml']]) {
      const r = runCli(['outline', 'doc.md', '--no-config', '--template', file, '--format', 'json'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout);
      assert.deepEqual(j.template, { name, auto: false });
      assert.deepEqual(j.missing.map((m: { number?: string }) => m.number), ['II']);
    }
    write(dir, 't/broken.json', '{ "name": "x", "sections": [ { "kind": "chapter" } ] }');
    const bad = runCli(['check', 'doc.md', '--no-config', '--template', 't/broken.json'], { cwd: dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /t\/broken\.json:1:/);
  });

  test('an unknown template name is a usage error', () => {
    const r = runCli(['outline', `${project}/bao-cao.md`, '--template', 'no-such-template']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no-such-template/);
  });
});

describe('compile cache loader', () => {
  test('same output with and without the V8 code cache; the cache is written after a lint run', () => {
    const a = runCli(['check', project, '--format', 'json']);
    const b = runCli(['check', project, '--format', 'json'], { env: { DRAFTLINT_NO_COMPILE_CACHE: '1' } });
    assert.equal(a.code, b.code);
    assert.equal(a.stdout, b.stdout);
    assert.equal(a.stderr, b.stderr);
    const dir = path.join(repoRoot, 'node_modules', '.cache', 'draftlint');
    const st = fs.statSync(path.join(repoRoot, 'dist', 'cli-app.js'));
    const file = path.join(dir, `cli-${st.size}-${Math.floor(st.mtimeMs)}.v8`);
    assert.ok(fs.existsSync(file), 'cache file');
    assert.equal(fs.readFileSync(file)[0], 1, 'written after a run that linted');
  });

  test('the program bundle is ASCII (the loader reads it without decoding UTF-8)', () => {
    const bytes = fs.readFileSync(path.join(repoRoot, 'dist', 'cli-app.js'));
    assert.ok(isAscii(bytes), 'esbuild.js escapes every non-ASCII character of dist/cli-app.js');
    // the escaped Vietnamese still reads as Vietnamese: a message of the core, through the built CLI
    const r = runCli(['check', `${FIX}/bad-data`]);
    assert.match(r.stderr, /dấu phẩy thập phân/);
  });
});

describe('standard streams', () => {
  test('a reader that stops early (| head) ends the run quietly, with the exit code of the run', () => {
    const dir = tempDir();
    const lines = Array.from({ length: 4000 }, (_, i) => `Tốc độ tăng trưởng GRDP năm ${2000 + (i % 25)} đạt ${i % 90},${i % 10}%.`);
    write(dir, 'draft.md', `# Báo cáo\n\n${lines.join('\n\n')}\n`);
    // figures is a report (0); check finds the draft's figures inconsistent (warnings: over --max-warnings 0, 1)
    for (const [cmd, code] of [['figures', 0], ['check --max-warnings 0', 1]] as const) {
      const script = `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} ${cmd} draft.md --no-config --format json | head -c 100 >/dev/null`;
      const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, code, `${cmd}: ${r.signal} ${r.error} ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /EPIPE|internal error|Error/);
    }
  });

  test('output larger than a pipe buffer arrives whole', () => {
    const dir = tempDir();
    const lines = Array.from({ length: 1500 }, (_, i) => `Tốc độ tăng trưởng GRDP năm ${2000 + (i % 25)} đạt ${i % 90},${i % 10}%.`);
    write(dir, 'draft.md', `# Báo cáo\n\n${lines.join('\n\n')}\n`);
    const r = runCli(['figures', 'draft.md', '--no-config', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.length > 128 * 1024, `${r.stdout.length} characters`);
    const report = JSON.parse(r.stdout) as { files: { figures: unknown[] }[] };
    assert.equal(report.files[0].figures.length, 1500);
  });
});

describe('init', () => {
  test('writes a working starter config and data file, refuses to overwrite', () => {
    const dir = tempDir();
    const r = runCli(['init'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'draftlint.json'), 'utf8'));
    assert.deepEqual(config.indicators, ['data/indicators.csv']);
    const csv = fs.readFileSync(path.join(dir, 'data', 'indicators.csv'), 'utf8');
    const rows = csv.trim().split('\n');
    assert.equal(rows[0], 'id,name,aliases,unit,period,kind,value,bound,source');
    assert.ok(rows.length >= 4 && rows.length <= 6, 'header and 3–5 rows');
    // the starter files load without a problem
    write(dir, 'draft.md', '# Ghi chú\n\nKhông có số liệu.\n');
    const check = runCli(['check'], { cwd: dir });
    assert.equal(check.code, 0, check.stderr);
    assert.equal(check.stderr, '');

    const again = runCli(['init'], { cwd: dir });
    assert.equal(again.code, 2);
    assert.match(again.stderr, /draftlint\.json/);
    fs.writeFileSync(path.join(dir, 'data', 'indicators.csv'), 'changed');
    const forced = runCli(['init', '--force'], { cwd: dir });
    assert.equal(forced.code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'data', 'indicators.csv'), 'utf8'), csv);
  });
});
