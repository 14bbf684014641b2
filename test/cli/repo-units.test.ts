/**
 * Unit tests of the repository-scale pieces of the CLI, in process: pool sizing, size parsing and the new
 * options, fingerprints, baseline files, the cache's shape checks, and the cross-file check handing the core
 * only the citations that can matter (same findings as handing it everything).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { crossDocumentInconsistencies, type CitationSummary } from '../../server/src/core/index';
import { parseArgs, parseSize, UsageError } from '../../server/src/cli/args';
import { poolSize, POOL_MAX_WORKERS } from '../../server/src/cli/pool';
import { fingerprint, fingerprintMessage, fingerprintOf } from '../../server/src/cli/fingerprint';
import { applyBaseline, buildBaseline, BaselineError, parseBaseline } from '../../server/src/cli/baseline';
import { cacheFilePath, ResultCache } from '../../server/src/cli/cache';
import { addCrossDocumentFindings } from '../../server/src/cli/crossdoc';
import { lintFile, outFinding, type FileResult, type OutFinding } from '../../server/src/cli/lintFile';
import { ProjectLoader } from '../../server/src/cli/project';
import { computeLineStarts } from '../../server/src/core/text';
import { jsonErrorOffset } from '../../server/src/cli/jsonpos';
import { tempDir } from './cli-helper';

describe('pool size', () => {
  test('none until the work pays for two workers, then one per start-up of work, never more than cores or files', () => {
    const MB = 1024 * 1024;
    const table: [Parameters<typeof poolSize>[0], number][] = [
      [{ files: 0, bytes: 0, cores: 8 }, 0],
      [{ files: 1, bytes: 100 * MB, cores: 8 }, 0],
      // small drafts (5 KB): a pool from about 100 of them
      [{ files: 9, bytes: 9 * 5000, cores: 8 }, 0],
      [{ files: 80, bytes: 80 * 5000, cores: 8 }, 0],
      [{ files: 100, bytes: 100 * 5000, cores: 8 }, 2],
      [{ files: 300, bytes: 300 * 5000, cores: 8 }, 7],
      [{ files: 1000, bytes: 5e6, cores: 2 }, 2],
      [{ files: 1000, bytes: 5e6, cores: 64 }, POOL_MAX_WORKERS],
      [{ files: 1000, bytes: 5e6, cores: 1 }, 0],
      // real drafts (150 KB): from about 15
      [{ files: 10, bytes: 10 * 150_000, cores: 8 }, 0],
      [{ files: 15, bytes: 15 * 150_000, cores: 8 }, 2],
      // few but big files: one worker each, up to the cores
      [{ files: 3, bytes: 30 * MB, cores: 8 }, 3],
      [{ files: 3, bytes: 30 * MB, cores: 2 }, 2],
      // --jobs decides
      [{ files: 3, bytes: 10, jobs: 2, cores: 1 }, 2],
      [{ files: 3, bytes: 10, jobs: 9, cores: 1 }, 3],
      [{ files: 100, bytes: 1e9, jobs: 1, cores: 8 }, 0],
    ];
    for (const [input, want] of table) assert.equal(poolSize(input), want, JSON.stringify(input));
  });
});

describe('options', () => {
  test('sizes', () => {
    const table: [string, number][] = [
      ['5000000', 5_000_000],
      ['512k', 512 * 1024],
      ['512KB', 512 * 1024],
      ['5MB', 5 * 1024 * 1024],
      ['1.5m', 1.5 * 1024 * 1024],
      ['2 MB', 2 * 1024 * 1024],
      ['1g', 1024 ** 3],
    ];
    for (const [s, n] of table) assert.equal(parseSize(s), n, s);
    for (const s of ['', 'MB', '-1', '5TB', '5 M B', '1e6', '0x10']) assert.ok(Number.isNaN(parseSize(s)), s);
  });

  test('--write-baseline takes a .json file or nothing; the other new options', () => {
    assert.equal(parseArgs(['check', '--write-baseline']).writeBaseline, '');
    const a = parseArgs(['check', '--write-baseline', 'docs']);
    assert.equal(a.writeBaseline, '');
    assert.deepEqual(a.paths, ['docs']);
    const b = parseArgs(['check', '--write-baseline', 'base.json', 'docs']);
    assert.equal(b.writeBaseline, 'base.json');
    assert.deepEqual(b.paths, ['docs']);
    assert.equal(parseArgs(['check', '--write-baseline=b/x.txt']).writeBaseline, 'b/x.txt');
    const c = parseArgs(['check', '--cache', '--cache-location', '.c/', '--baseline', 'b.json', '--max-file-size', '1MB', '--jobs', '3', '--debug']);
    assert.equal(c.cache, true);
    assert.equal(c.cacheLocation, '.c/');
    assert.equal(c.baseline, 'b.json');
    assert.equal(c.maxFileSize, 1024 * 1024);
    assert.equal(c.jobs, 3);
    assert.equal(c.debug, true);
    assert.equal(parseArgs(['figures', '--max-file-size', '2k', '--jobs', '2']).jobs, 2);
    for (const argv of [
      ['figures', '--cache'],
      ['figures', '--baseline', 'b.json'],
      ['outline', 'a.md', '--write-baseline'],
      ['check', '--jobs', '0'],
      ['check', '--max-file-size', 'lots'],
      ['check', '--baseline='],
      ['init', '--cache'],
    ]) {
      assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
    }
  });
});

describe('fingerprints', () => {
  const m = (en: string) => ({ vi: 'không dùng', en });

  test('line references in messages do not count; everything else does', () => {
    assert.equal(fingerprintMessage(m('given as “9%” here but as “10%” on line 12.')), fingerprintMessage(m('given as “9%” here but as “10%” on line 40.')));
    assert.equal(fingerprintMessage(m('a  b\nc')), 'a b c');
    const base = { rule: 'r/x', message: m('msg'), text: 'abc', before: 'x ', after: ' y' };
    const fp = fingerprint(base);
    assert.match(fp, /^[0-9a-f]{20}$/);
    assert.equal(fingerprint({ ...base, message: { vi: 'khác', en: 'msg' } }), fp, 'the Vietnamese text plays no part');
    assert.equal(fingerprint({ ...base, before: 'x\t' }), fp, 'whitespace runs');
    for (const k of ['rule', 'text', 'before', 'after'] as const) assert.notEqual(fingerprint({ ...base, [k]: base[k] + 'z' }), fp, k);
    assert.notEqual(fingerprint({ ...base, message: m('msg 2') }), fp);
  });

  test('fingerprintOf: same text and context anywhere in the file, NFD or NFC, LF or CRLF', () => {
    const line = 'Năm 2025, tỷ lệ che phủ rừng đạt 45,2%.';
    const at = (text: string) => {
      const i = text.lastIndexOf('45,2%');
      return fingerprintOf(text, computeLineStarts(text), i, i + 5, 'figures/x', m('wrong'));
    };
    const a = at(`# Tiêu đề\n\n${line}\n`);
    assert.equal(at(`# Tiêu đề\n\nMột đoạn mới.\n\nThêm đoạn nữa.\n\n${line}\n`), a);
    assert.equal(at(`# Tiêu đề\r\n\r\n${line}\r\n`), a);
    // NFD: the figure's offsets move, the fingerprint does not
    const nfd = `# Tiêu đề\n\n${line.normalize('NFD')}\n`;
    assert.equal(at(nfd), a);
    // a changed neighbour word changes it
    assert.notEqual(at(`# Tiêu đề\n\n${line.replace('rừng', 'cây')}\n`), a);
    // the context stays on the line: the next line plays no part
    assert.equal(at(`# Tiêu đề\n\n${line}\nDòng sau khác hẳn.\n`), a);
  });

  // context read to the line's ends would make this quadratic and run into the timeout (no time is asserted)
  test('bounded context on a 1 MB line', { timeout: 30_000 }, () => {
    const text = 'x'.repeat(1_000_000);
    const starts = computeLineStarts(text);
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(fingerprintOf(text, starts, i * 50, i * 50 + 1, 'r', m('m')));
    // the same short context everywhere on the line (far from its ends): one fingerprint
    assert.ok(seen.size <= 3, `${seen.size} fingerprints`);
  });
});

function result(file: string, findings: Partial<OutFinding>[]): FileResult {
  return {
    path: file,
    display: path.basename(file),
    findings: findings.map((f, k) => ({ rule: 'format/artifact', severity: 'warning', message: 'm', line: k + 1, column: 1, endLine: k + 1, endColumn: 2, ...f })),
  };
}

describe('baseline files', () => {
  const dir = path.resolve('/tmp/project');

  test('build → parse → apply: counts per fingerprint, files relative to the baseline, untouched inputs', () => {
    const a = result(path.join(dir, 'docs', 'a.md'), [{ fingerprint: 'f1' }, { fingerprint: 'f1' }, { fingerprint: 'f2', rule: 'structure/numbering' }]);
    const b = result(path.join(dir, 'b.md'), [{ fingerprint: 'f3' }]);
    const empty = result(path.join(dir, 'c.md'), []);
    const text = buildBaseline([b, a, empty], dir, '9.9.9');
    const doc = JSON.parse(text) as { draftlint: string; files: Record<string, { fingerprint: string; count: number; rule: string }[]> };
    assert.equal(doc.draftlint, '9.9.9');
    assert.deepEqual(Object.keys(doc.files), ['b.md', 'docs/a.md']);
    assert.deepEqual(doc.files['docs/a.md'].map((x) => [x.fingerprint, x.count, x.rule]), [
      ['f1', 2, 'format/artifact'],
      ['f2', 1, 'structure/numbering'],
    ]);
    const bl = parseBaseline(text, 'bl.json');
    // a third f1 and a new f4 stay; b.md is fully hidden
    const a2 = result(a.path, [{ fingerprint: 'f1' }, { fingerprint: 'f4' }, { fingerprint: 'f1' }, { fingerprint: 'f1' }, { fingerprint: 'f2' }]);
    const { results, hidden } = applyBaseline([a2, b, empty], bl, dir);
    assert.equal(hidden, 4);
    assert.deepEqual(results[0].findings.map((f) => [f.fingerprint, f.line]), [
      ['f4', 2],
      ['f1', 4],
    ]);
    assert.deepEqual(results[1].findings, []);
    assert.equal(results[2], empty);
    assert.equal(a2.findings.length, 5, 'input untouched');
    // the same files seen from a baseline elsewhere: no match
    assert.equal(applyBaseline([a2], bl, path.join(dir, 'docs')).hidden, 0);
  });

  test('parse errors name the line when JSON is malformed, the field otherwise', () => {
    const bad = (text: string) => {
      try {
        parseBaseline(text, 'b.json');
      } catch (e) {
        assert.ok(e instanceof BaselineError);
        return e;
      }
      return assert.fail(`accepted: ${text}`);
    };
    assert.equal(bad('{\n "files": {\n  "a": [ , ]\n }\n}').line, 3);
    assert.match(bad('[]').message, /not a draftlint baseline/);
    assert.match(bad('{ "files": { "a.md": {} } }').message, /files\.a\.md/);
    assert.match(bad('{ "files": { "a.md": [ { "count": 1 } ] } }').message, /files\.a\.md\[0\]/);
    assert.match(bad('{ "files": { "a.md": [ { "fingerprint": "x", "count": -1 } ] } }').message, /files\.a\.md\[0\]/);
    assert.match(bad('{ "format": 7, "files": {} }').message, /format 7/);
    // a BOM and a missing count (= 1) are fine
    assert.equal(parseBaseline('\ufeff{ "files": { "a.md": [ { "fingerprint": "x" } ] } }', 'b.json').get('a.md')?.get('x'), 1);
  });
});

describe('jsonErrorOffset', () => {
  test('-1 exactly when JSON.parse accepts; otherwise the offending offset', () => {
    const valid = ['{}', '[]', ' 1 ', '"a\\u00e9\\n"', '{"a":[1,-2.5e3,true,false,null,{"b":"c"}]}', '[[[[]]]]', '{"a":{},"b":[]}'];
    for (const t of valid) {
      assert.doesNotThrow(() => JSON.parse(t), t);
      assert.equal(jsonErrorOffset(t), -1, t);
    }
    const invalid: [string, number][] = [
      ['', 0],
      ['{', 1],
      ['{"a":1,}', 7],
      ['[1,]', 3],
      ['{"a" 1}', 5],
      ['{a:1}', 1],
      ['[01]', 2],
      ['["\\x"]', 2],
      ['["a\nb"]', 3],
      ['[1] 2', 4],
      ['{"files": {\n  "a": [ , ]\n }\n}', 21],
      ['['.repeat(100_000), 100_000],
    ];
    for (const [t, at] of invalid) {
      assert.throws(() => JSON.parse(t), SyntaxError, t);
      assert.equal(jsonErrorOffset(t), at, JSON.stringify(t.slice(0, 40)));
    }
  });
});

describe('cache file', () => {
  test('location: default folder, a folder, a path ending with a slash, a file', () => {
    const cwd = tempDir();
    fs.mkdirSync(path.join(cwd, 'existing'));
    assert.equal(cacheFilePath(cwd, undefined), path.join(cwd, '.draftlint-cache', 'check.json'));
    assert.equal(cacheFilePath(cwd, 'existing'), path.join(cwd, 'existing', 'check.json'));
    assert.equal(cacheFilePath(cwd, 'new/'), path.join(cwd, 'new', 'check.json'));
    assert.equal(cacheFilePath(cwd, 'c.json'), path.join(cwd, 'c.json'));
  });

  test('entries of the wrong shape are misses; good ones round-trip', () => {
    const cwd = tempDir();
    const file = path.join(cwd, 'c.json');
    const doc = path.join(cwd, 'a.md');
    fs.writeFileSync(doc, 'x');
    const good = result(doc, [{ related: [{ message: 'r', line: 1, column: 1, endLine: 1, endColumn: 2 }], data: { k: 1 } }]);
    const c = new ResultCache(file);
    c.set({ ...good, hash: 'h1' }, 's1');
    assert.equal(c.save(), undefined);
    const again = new ResultCache(file);
    assert.equal(again.discarded, '');
    assert.deepEqual(again.get(doc, 'a.md', 'h1', 's1'), good);
    assert.equal(again.get(doc, 'a.md', 'h2', 's1'), undefined, 'other content');
    assert.equal(again.get(doc, 'a.md', 'h1', 's2'), undefined, 'other settings');
    assert.deepEqual([again.hits, again.misses], [1, 2]);

    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: Record<string, { result: Record<string, unknown> }> };
    const broken: ((r: Record<string, unknown>) => void)[] = [
      (r) => (r.findings = 'x'),
      (r) => (r.findings = [{ rule: 'a' }]),
      (r) => ((r.findings as Record<string, unknown>[])[0].line = -1),
      (r) => ((r.findings as Record<string, unknown>[])[0].severity = 'fatal'),
      (r) => ((r.findings as Record<string, unknown>[])[0].related = [{ message: 1 }]),
      (r) => (r.citations = [{ uri: 'a' }]),
      (r) => (r.skipped = 'unreadable'),
      (r) => (r.figures = []),
    ];
    for (const breakIt of broken) {
      const copy = structuredClone(stored);
      breakIt(copy.entries[doc].result);
      fs.writeFileSync(file, JSON.stringify(copy));
      assert.equal(new ResultCache(file).get(doc, 'a.md', 'h1', 's1'), undefined, breakIt.toString());
    }
    // entries of files that no longer exist are dropped on save
    fs.writeFileSync(file, JSON.stringify(stored));
    fs.rmSync(doc);
    const d = new ResultCache(file);
    d.save();
    assert.deepEqual(Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: object }).entries), []);
  });
});

describe('lintFile', () => {
  test('an exception inside the linter fails that file only, with the error and its stack', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    fs.writeFileSync(file, 'Văn bản.\n');
    const project = new ProjectLoader({ cwd: dir, noConfig: true }).forFile(file);
    const ok = lintFile(file, { cwd: dir, project, language: 'vi', want: {} });
    assert.equal(ok.skipped, undefined);
    const broken = {
      ...project,
      lint: Object.defineProperty({}, 'data', {
        enumerable: true,
        get() {
          throw new RangeError('Maximum call stack size exceeded');
        },
      }),
    };
    const r = lintFile(file, { cwd: dir, project: broken, language: 'vi', want: {} });
    assert.equal(r.skipped, 'failed');
    assert.equal(r.error, 'RangeError: Maximum call stack size exceeded');
    assert.match(r.stack ?? '', /RangeError/);
    assert.deepEqual(r.findings, []);
    assert.equal(r.display, 'a.md');
  });
});

describe('cross-file check', () => {
  /** A deterministic pseudo-random generator (mulberry32). */
  function rng(seed: number) {
    return () => {
      seed |= 0;
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  test('handing the core only same-key citations without canonical data gives the same findings', () => {
    let found = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rand = rng(seed);
      const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
      const files: FileResult[] = [];
      const nFiles = 2 + Math.floor(rand() * 6);
      for (let f = 0; f < nFiles; f++) {
        const uri = `d${f}.md`;
        const citations: CitationSummary[] = [];
        const n = Math.floor(rand() * 6);
        for (let k = 0; k < n; k++) {
          const v = pick([10.4, 10.4, 10, 9.8, 12]);
          const decimals = v % 1 ? 1 : 0;
          citations.push({
            uri,
            indicatorId: pick(['grdp', 'fdi', 'forest']),
            indicatorName: 'Chỉ tiêu',
            period: pick(['2021-2025', '2025']),
            hasCanonical: rand() < 0.3,
            lo: v,
            hi: v,
            bound: pick(['exact', 'exact', 'approx', 'above'] as const),
            decimals,
            text: `${String(v).replace('.', ',')}%`,
            start: k * 10,
            end: k * 10 + 4,
            line: k,
            character: 0,
            endLine: k,
            endCharacter: 4,
          });
        }
        files.push({ path: `/p/${uri}`, display: uri, findings: [], citations });
      }
      // reference: the core with every citation of the project, per file
      const all = files.flatMap((f) => f.citations ?? []);
      const expected = files.map((f) =>
        crossDocumentInconsistencies(f.citations ?? [], all)
          .map((x) => {
            const c = f.citations!.find((m) => m.start === x.start && m.end === x.end)!;
            const view = { positionAt: (o: number) => (o === c.start ? { line: c.line, character: c.character } : { line: c.endLine, character: c.endCharacter }) };
            return outFinding(view, x, 'en');
          })
          .map((o) => JSON.stringify(o))
          .sort(),
      );
      addCrossDocumentFindings(files, () => 'one project', () => undefined, 'en');
      const got = files.map((f) => f.findings.map((o) => JSON.stringify(o)).sort());
      assert.deepEqual(got, expected, `seed ${seed}`);
      found += got.flat().length;
    }
    assert.ok(found > 20, `only ${found} findings: the tables test nothing`);
  });
});
