// Canonical indicator data files: CSV (contract format), JSON, YAML; issues with 0-based lines and fields.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { formatFromUri, parseIndicatorFile, parseJsonTree } from '../../server/src/core/data/parse';
import type { DataIssue, Indicator } from '../../server/src/core/types';

const HEADER = 'id,name,aliases,unit,period,kind,value,bound,source';
const CONTRACT = [
  HEADER,
  'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,Báo cáo chính trị',
  'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2026-2030,target,12,,Chỉ tiêu (4)',
  'labour_productivity_growth,Tăng năng suất lao động,,%/năm,2026-2030,target,8..8.5,,Chỉ tiêu (12)',
].join('\n');

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n') + '\n';
}

function byId(list: Indicator[], id: string): Indicator {
  const ind = list.find((i) => i.id === id);
  assert.ok(ind, `indicator ${id} missing`);
  return ind;
}

function errors(issues: DataIssue[]): DataIssue[] {
  return issues.filter((i) => i.severity === 'error');
}

describe('CSV: the contract format', () => {
  test('the contract example parses with no issues', () => {
    const r = parseIndicatorFile(CONTRACT, 'data/indicators.csv');
    assert.deepEqual(r.issues, []);
    assert.equal(r.indicators.length, 2);
    const g = byId(r.indicators, 'grdp_growth');
    assert.equal(g.name, 'Tốc độ tăng trưởng GRDP');
    assert.deepEqual(g.aliases, ['tốc độ tăng trưởng kinh tế', 'tăng trưởng kinh tế']);
    assert.equal(g.unit, '%/năm');
    assert.equal(g.uri, 'data/indicators.csv');
    assert.equal(g.line, 1);
    assert.equal(g.values.length, 2);
    const [est, tgt] = g.values;
    assert.deepEqual(est.period, { from: 2021, to: 2025 });
    assert.equal(est.periodText, '2021-2025');
    assert.equal(est.kind, 'estimate');
    assert.equal(est.lo, 10.4);
    assert.equal(est.hi, 10.4);
    assert.equal(est.bound, 'exact');
    assert.equal(est.source, 'Báo cáo chính trị');
    assert.equal(est.line, 1);
    assert.equal(tgt.kind, 'target');
    assert.equal(tgt.lo, 12);
    assert.equal(tgt.line, 2);
    const lp = byId(r.indicators, 'labour_productivity_growth');
    assert.deepEqual(lp.aliases, []);
    assert.equal(lp.values[0].lo, 8);
    assert.equal(lp.values[0].hi, 8.5);
  });

  test('BOM, CRLF, columns in another order and extra columns: no issues', () => {
    const text = '\uFEFFvalue,period,note,name,id,unit\r\n10.4,2021-2025,ghi chú riêng,Tốc độ tăng trưởng GRDP,grdp_growth,%/năm\r\n';
    const r = parseIndicatorFile(text, 'a.csv');
    assert.deepEqual(r.issues, []);
    const g = byId(r.indicators, 'grdp_growth');
    assert.equal(g.values[0].lo, 10.4);
    assert.equal(g.values[0].kind, 'actual');
    assert.equal(g.values[0].bound, 'exact');
    assert.equal(g.values[0].source, '');
  });

  test('empty kind and bound take their defaults; explicit ones are read case-insensitively', () => {
    const r = parseIndicatorFile(
      csv('a,Chỉ tiêu A,,USD,2025,,11000,,', 'a,Chỉ tiêu A,,USD,2030,Target,20000,ABOVE,', 'b,Chỉ tiêu B,,%,2030,target,40..45,approx,'),
      'x.csv',
    );
    assert.deepEqual(r.issues, []);
    const a = byId(r.indicators, 'a');
    assert.deepEqual(
      a.values.map((v) => [v.kind, v.bound]),
      [
        ['actual', 'exact'],
        ['target', 'above'],
      ],
    );
    assert.equal(byId(r.indicators, 'b').values[0].bound, 'approx');
  });

  test('period "2021 - 2025" (spaces, en dash) is accepted and normalised', () => {
    const r = parseIndicatorFile(csv('a,A,,%,2021 - 2025,,1,,', 'a,A,,%,2026–2030,target,2,,'), 'x.csv');
    assert.deepEqual(r.issues, []);
    assert.deepEqual(
      byId(r.indicators, 'a').values.map((v) => v.periodText),
      ['2021-2025', '2026-2030'],
    );
  });

  test('aliases: "|" separated, trimmed, empty parts and duplicates dropped, NFC', () => {
    const nfd = 'tăng trưởng'.normalize('NFD');
    const r = parseIndicatorFile(csv(`a,Tên,"  x | ${nfd}||X ",%,2025,,1,,`), 'x.csv');
    assert.deepEqual(r.issues, []);
    assert.deepEqual(byId(r.indicators, 'a').aliases, ['x', 'tăng trưởng']);
  });

  test('quoted fields: commas, doubled quotes and line breaks inside; later line numbers stay right', () => {
    const text = csv(
      'a,"Tỷ trọng công nghiệp, xây dựng","tên ""ngắn""|khác",%,2025,,47,,"nguồn, mục 2"',
      'b,"Tên hai',
      'dòng",,%,2025,,3,,',
      'c,C,,%,2025,,x,,',
    );
    const r = parseIndicatorFile(text, 'x.csv');
    const a = byId(r.indicators, 'a');
    assert.equal(a.name, 'Tỷ trọng công nghiệp, xây dựng');
    assert.deepEqual(a.aliases, ['tên "ngắn"', 'khác']);
    assert.equal(a.values[0].source, 'nguồn, mục 2');
    const b = byId(r.indicators, 'b');
    assert.equal(b.name, 'Tên hai dòng');
    assert.equal(b.line, 2);
    // the bad value of c is on line 4 (0-based), after the two-line record
    const errs = errors(r.issues);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, 4);
    assert.equal(errs[0].field, 'value');
  });
});

describe('CSV: problems', () => {
  test('a missing required column is one error at the header line', () => {
    const r = parseIndicatorFile('id,name,aliases,period,value\na,A,,2025,1\nb,B,,2025,2\n', 'x.csv');
    assert.equal(r.indicators.length, 0);
    assert.equal(r.issues.length, 1);
    const [e] = r.issues;
    assert.equal(e.severity, 'error');
    assert.equal(e.line, 0);
    assert.equal(e.field, 'unit');
    assert.match(e.message.en, /unit/);
  });

  test('a file without a header says the first line must be the header', () => {
    const r = parseIndicatorFile('grdp,Tăng trưởng,,%,2025,,10,,\n', 'x.csv');
    assert.equal(r.issues.length, 1);
    assert.match(r.issues[0].message.en, /header/);
    assert.match(r.issues[0].message.vi, /tiêu đề/);
  });

  test('a decimal comma in a quoted value is an error suggesting the decimal point; good rows kept', () => {
    const r = parseIndicatorFile(csv('a,A,,%,2025,,"10,4",,', 'b,B,,%,2025,,7.5,,'), 'data.csv');
    const errs = errors(r.issues);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].uri, 'data.csv');
    assert.equal(errs[0].line, 1);
    assert.equal(errs[0].field, 'value');
    assert.match(errs[0].message.en, /"10\.4"/);
    assert.match(errs[0].message.vi, /"10\.4"/);
    assert.deepEqual(
      r.indicators.map((i) => i.id),
      ['b'],
    );
  });

  test('an unquoted decimal comma splits the row: the column-count error says what to write', () => {
    const r = parseIndicatorFile(csv('a,A,,%,2025,,10,4,,', 'b,B,,%,2025,,1,,'), 'x.csv');
    const errs = errors(r.issues);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, 1);
    assert.match(errs[0].message.en, /10 fields instead of 9/);
    assert.match(errs[0].message.en, /"10\.4"/);
    assert.equal(r.indicators.length, 1);
  });

  test('rows with too few fields are reported and skipped', () => {
    const r = parseIndicatorFile(csv('a,A,,%,2025', 'b,B,,%,2025,,1,,'), 'x.csv');
    const errs = errors(r.issues);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, 1);
    assert.match(errs[0].message.en, /5 fields instead of 9/);
    assert.deepEqual(
      r.indicators.map((i) => i.id),
      ['b'],
    );
  });

  test('an unterminated quote is reported on the line it opens; rows before and after are kept', () => {
    const r = parseIndicatorFile(csv('a,A,,%,2025,,1,,', 'b,"B,,%,2025,,2,,', 'c,C,,%,2025,,3,,'), 'x.csv');
    const errs = errors(r.issues);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].line, 2);
    assert.match(errs[0].message.en, /never closed/);
    assert.deepEqual(
      r.indicators.map((i) => i.id),
      ['a', 'c'],
    );
  });

  test('a stray quote inside a field is reported on its line; the next rows are kept', () => {
    const r = parseIndicatorFile(csv('a,"A"x,,%,2025,,1,,', 'b,B,,%,2025,,2,,', 'c,C "x",,%,2025,,3,,', 'd,D,,%,2025,,4,,'), 'x.csv');
    const errs = errors(r.issues);
    assert.deepEqual(
      errs.map((e) => e.line),
      [1, 3],
    );
    assert.deepEqual(
      r.indicators.map((i) => i.id),
      ['b', 'd'],
    );
  });

  test('semicolon-separated CSV (Excel) is read, with a warning', () => {
    const text = 'id;name;aliases;unit;period;kind;value;bound;source\r\na;Chỉ tiêu A;x|y;%;2025;;"10.4";;nguồn, mục 1\r\n';
    const r = parseIndicatorFile(text, 'x.csv');
    assert.equal(errors(r.issues).length, 0);
    const warnings = r.issues.filter((i) => i.severity === 'warning');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].line, 0);
    assert.match(warnings[0].message.en, /semicolon/);
    const a = byId(r.indicators, 'a');
    assert.deepEqual(a.aliases, ['x', 'y']);
    assert.equal(a.values[0].lo, 10.4);
    assert.equal(a.values[0].source, 'nguồn, mục 1');
  });

  test('duplicate (id, period, kind): a different value is an error on the second row, the same one a warning', () => {
    const r = parseIndicatorFile(
      csv('a,A,,%,2025,,1,,', 'a,A,,%,2025,,2,,', 'a,A,,%,2025,,1,,', 'a,A,,%,2025,target,2,,'),
      'x.csv',
    );
    assert.deepEqual(
      r.issues.map((i) => [i.line, i.severity, i.field]),
      [
        [2, 'error', 'value'],
        [3, 'warning', 'value'],
      ],
    );
    assert.match(r.issues[0].message.en, /line 2/); // points at the first row (1-based in prose)
    const a = byId(r.indicators, 'a');
    assert.deepEqual(
      a.values.map((v) => [v.kind, v.lo]),
      [
        ['actual', 1],
        ['target', 2],
      ],
    );
  });

  test('a different unit for the same id is a warning and the row is ignored', () => {
    const r = parseIndicatorFile(csv('a,A,,tỷ đồng,2025,,1,,', 'a,A,,USD,2030,,2,,', 'a,,,tỷ  đồng,2030,,3,,'), 'x.csv');
    assert.deepEqual(
      r.issues.map((i) => [i.line, i.severity, i.field]),
      [[2, 'warning', 'unit']],
    );
    assert.deepEqual(
      byId(r.indicators, 'a').values.map((v) => v.lo),
      [1, 3],
    );
  });

  test('the name is required on the first row of an indicator only', () => {
    const r = parseIndicatorFile(csv('a,,,%,2025,,1,,', 'b,B,,%,2025,,1,,', 'b,,,%,2030,,2,,'), 'x.csv');
    assert.deepEqual(
      r.issues.map((i) => [i.line, i.field]),
      [[1, 'name']],
    );
    assert.equal(byId(r.indicators, 'b').values.length, 2);
  });

  test('field errors name the column and carry both languages', () => {
    const r = parseIndicatorFile(
      csv(
        'a b,A,,%,2025,,1,,',
        'c,C,,%,21-25,,1,,',
        'd,D,,%,2025,guess,1,,',
        'e,E,,%,2025,,1,maybe,',
        'f,F,,%,2025,,9..8,,',
        'g,G,,%,2025,,8-8.5,,',
        'h,H,,%,2025,,12%,,',
        'i,I,,%,2030-2025,,1,,',
        'j,J,,%,2025,,,,',
        'k,K,,%,2025,,1.234.567,,',
      ),
      'x.csv',
    );
    const got = r.issues.map((i) => [i.line, i.field]);
    assert.deepEqual(got, [
      [1, 'id'],
      [2, 'period'],
      [3, 'kind'],
      [4, 'bound'],
      [5, 'value'],
      [6, 'value'],
      [7, 'value'],
      [8, 'period'],
      [9, 'value'],
      [10, 'value'],
    ]);
    for (const i of r.issues) {
      assert.equal(i.severity, 'error');
      assert.ok(i.message.vi.length > 0 && i.message.en.length > 0);
    }
    assert.match(r.issues[0].message.en, /a_b/);
    assert.match(r.issues[5].message.en, /"8\.\.8\.5"/);
    assert.match(r.issues[6].message.en, /unit/);
    assert.match(r.issues[9].message.en, /"1234567"/);
    assert.equal(r.indicators.length, 0);
  });

  test('"11.000" reads as 11 with a warning that it looks like a thousands separator', () => {
    const r = parseIndicatorFile(csv('a,A,,USD,2025,,11.000,above,'), 'x.csv');
    assert.equal(r.issues.length, 1);
    assert.equal(r.issues[0].severity, 'warning');
    assert.equal(r.issues[0].field, 'value');
    assert.match(r.issues[0].message.en, /11000/);
    assert.equal(byId(r.indicators, 'a').values[0].lo, 11);
  });

  test('an empty file (or only a BOM and blank lines) is a warning', () => {
    for (const text of ['', '\uFEFF', '\n\n  \n']) {
      const r = parseIndicatorFile(text, 'x.csv');
      assert.equal(r.indicators.length, 0);
      assert.equal(r.issues.length, 1);
      assert.equal(r.issues[0].severity, 'warning');
      assert.equal(r.issues[0].line, 0);
    }
  });

  test('blank lines and rows of empty cells are skipped silently', () => {
    const r = parseIndicatorFile(csv('', 'a,A,,%,2025,,1,,', ',,,,,,,,', '', 'b,B,,%,2025,,2,,'), 'x.csv');
    assert.deepEqual(r.issues, []);
    assert.equal(byId(r.indicators, 'b').line, 5);
  });

  test('round trip: records written with RFC 4180 quoting come back unchanged (property)', () => {
    const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const word = fc.stringMatching(/^[a-zđăâêôơư ,"]{1,12}$/).filter((s) => s.trim().length > 0 && !/\s{2}/.test(s));
    const rec = fc.record({
      name: word,
      alias: word,
      unit: fc.constantFrom('%', '%/năm', 'tỷ đồng', 'USD', 'triệu đồng/người'),
      year: fc.integer({ min: 2000, max: 2040 }),
      lo: fc.integer({ min: 0, max: 100000 }),
      frac: fc.integer({ min: 0, max: 99 }),
      kind: fc.constantFrom('actual', 'estimate', 'target', ''),
      bound: fc.constantFrom('exact', 'above', 'below', 'approx', ''),
    });
    fc.assert(
      fc.property(fc.array(rec, { minLength: 1, maxLength: 8 }), (recs) => {
        const rows = recs.map((r, i) => {
          const value = `${r.lo}.${String(r.frac).padStart(2, '0')}1`;
          return [`id${i}`, q(r.name), q(r.alias), r.unit, String(r.year), r.kind, value, r.bound, q(`nguồn ${i}`)].join(',');
        });
        const res = parseIndicatorFile(csv(...rows), 'p.csv');
        assert.deepEqual(res.issues, []);
        assert.equal(res.indicators.length, recs.length);
        recs.forEach((r, i) => {
          const ind = res.indicators[i];
          assert.equal(ind.id, `id${i}`);
          assert.equal(ind.name, r.name.trim().replace(/\s+/g, ' '));
          assert.equal(ind.unit, r.unit);
          assert.equal(ind.line, i + 1);
          const v = ind.values[0];
          assert.equal(v.lo, Number(`${r.lo}.${String(r.frac).padStart(2, '0')}1`));
          assert.equal(v.kind, r.kind || 'actual');
          assert.equal(v.bound, r.bound || 'exact');
          assert.equal(v.source, `nguồn ${i}`);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('JSON data files', () => {
  test('an array of records; aliases as list or "|" string; value as number, "lo..hi" or [lo, hi]', () => {
    const text = JSON.stringify(
      [
        { id: 'a', name: 'A', aliases: ['x', 'y'], unit: '%', period: '2021-2025', kind: 'estimate', value: 10.4 },
        { id: 'a', name: 'A', unit: '%', period: 2030, kind: 'target', value: '8..8.5' },
        { id: 'b', name: 'B', aliases: 'p|q', unit: '%', period: '2030', value: [40, 45], bound: 'approx', source: 'S' },
      ],
      null,
      2,
    );
    const r = parseIndicatorFile(text, 'data.json');
    assert.deepEqual(r.issues, []);
    const a = byId(r.indicators, 'a');
    assert.deepEqual(a.aliases, ['x', 'y']);
    assert.deepEqual(
      a.values.map((v) => [v.periodText, v.lo, v.hi]),
      [
        ['2021-2025', 10.4, 10.4],
        ['2030', 8, 8.5],
      ],
    );
    assert.equal(a.line, 1);
    const b = byId(r.indicators, 'b');
    assert.deepEqual(b.aliases, ['p', 'q']);
    assert.deepEqual([b.values[0].lo, b.values[0].hi, b.values[0].bound], [40, 45, 'approx']);
  });

  test('{ "indicators": [...] } and the line of a bad field', () => {
    const text = ['{', '  "indicators": [', '    { "id": "a", "name": "A", "unit": "%", "period": "2025", "value": 1 },', '    {', '      "id": "b", "name": "B", "unit": "%",', '      "period": "2025",', '      "value": "10,4"', '    }', '  ]', '}'].join('\n');
    const r = parseIndicatorFile(text, 'data.json');
    assert.equal(r.indicators.length, 1);
    assert.equal(r.issues.length, 1);
    const [e] = r.issues;
    assert.equal(e.line, 6);
    assert.equal(e.column, 6);
    assert.equal(e.field, 'value');
    assert.match(e.message.en, /"10\.4"/);
  });

  test('syntax errors come back with line and column', () => {
    const cases: [string, number, number, RegExp][] = [
      ['[\n  { "id": "a", }\n]', 1, 15, /Trailing comma/],
      ['[\n  { "id": "a" "name": "A" }\n]', 1, 13, /Missing comma/],
      ['[\n  { "id": "a", "value": 10,4 }\n]', 1, 24, /decimal comma.*10\.4/],
      ["[ { 'id': 'a' } ]", 0, 4, /double quotes/],
      ['[ { "id": "a" ', 0, 14, /end of file/],
    ];
    for (const [text, line, column, re] of cases) {
      const r = parseIndicatorFile(text, 'x.json');
      assert.equal(r.indicators.length, 0, text);
      assert.equal(r.issues.length, 1, text);
      assert.equal(r.issues[0].severity, 'error');
      assert.deepEqual([r.issues[0].line, r.issues[0].column], [line, column], text);
      assert.match(r.issues[0].message.en, re);
    }
  });

  test('a root that is not a list, and records that are not objects', () => {
    const r1 = parseIndicatorFile('{ "data": [] }', 'x.json');
    assert.equal(r1.issues.length, 1);
    assert.match(r1.issues[0].message.en, /indicators/);
    const r2 = parseIndicatorFile('[\n  1,\n  { "id": "a", "name": "A", "unit": "%", "period": "2025", "value": 1 }\n]', 'x.json');
    assert.deepEqual(
      r2.issues.map((i) => i.line),
      [1],
    );
    assert.equal(r2.indicators.length, 1);
  });

  test('parseJsonTree agrees with JSON.parse on valid documents (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v, null, 1);
        const { root, error } = parseJsonTree(text);
        assert.equal(error, undefined);
        assert.ok(root);
      }),
      { numRuns: 100 },
    );
  });
});

describe('YAML data files', () => {
  test('a list of records, and the line of a bad field', () => {
    const text = [
      '- id: a',
      '  name: Chỉ tiêu A',
      '  aliases: [x, y]',
      '  unit: "%/năm"',
      '  period: 2021-2025',
      '  value: 10.4',
      '- id: b',
      '  name: Chỉ tiêu B',
      '  unit: "%"',
      '  period: 2030',
      '  value: 10,4',
    ].join('\n');
    const r = parseIndicatorFile(text, 'data.yaml');
    const a = byId(r.indicators, 'a');
    assert.deepEqual(a.aliases, ['x', 'y']);
    assert.equal(a.values[0].periodText, '2021-2025');
    assert.equal(a.values[0].lo, 10.4);
    assert.equal(r.issues.length, 1);
    assert.deepEqual([r.issues[0].line, r.issues[0].column, r.issues[0].field], [10, 2, 'value']);
  });

  test('indicators: key, and syntax errors with their line', () => {
    const ok = parseIndicatorFile('indicators:\n  - { id: a, name: A, unit: "%", period: 2025, value: "8..9" }\n', 'x.yml');
    assert.deepEqual(ok.issues, []);
    assert.equal(byId(ok.indicators, 'a').values[0].hi, 9);
    const bad = parseIndicatorFile('- id: a\n  name: [unclosed\n- id: b\n', 'x.yaml');
    assert.ok(bad.issues.length >= 1);
    assert.equal(bad.issues[0].severity, 'error');
    assert.ok(bad.issues[0].line >= 1, `line ${bad.issues[0].line}`);
  });
});

describe('format detection', () => {
  test('from the extension, then from the text', () => {
    assert.equal(formatFromUri('file:///a/b/indicators.CSV'), 'csv');
    assert.equal(formatFromUri('data/x.yml'), 'yaml');
    assert.equal(formatFromUri('C:\\data\\x.json'), 'json');
    assert.equal(formatFromUri('data.d/indicators'), null);
    const json = parseIndicatorFile('[{"id":"a","name":"A","unit":"%","period":"2025","value":1}]', 'untitled:1');
    assert.deepEqual(json.issues, []);
    assert.equal(json.indicators.length, 1);
    const text = parseIndicatorFile(csv('a,A,,%,2025,,1,,'), 'untitled:2');
    assert.deepEqual(text.issues, []);
    assert.equal(text.indicators.length, 1);
  });
});

// The example data of the repository: the Quảng Ninh draft's results and targets.
describe('examples/quang-ninh/indicators.csv', () => {
  const file = path.resolve(__dirname, '..', '..', 'examples', 'quang-ninh', 'indicators.csv');
  const load = () => parseIndicatorFile(readFileSync(file, 'utf8'), 'examples/quang-ninh/indicators.csv');

  test('parses with zero issues and holds at least 45 indicators', () => {
    const r = load();
    assert.deepEqual(r.issues, []);
    assert.ok(r.indicators.length >= 45, `${r.indicators.length} indicators`);
  });

  test('GRDP growth: 10.4 estimated for 2021-2025, 12 targeted for 2026-2030', () => {
    const g = byId(load().indicators, 'grdp_growth');
    assert.equal(g.unit, '%/năm');
    const est = g.values.find((v) => v.kind === 'estimate');
    const tgt = g.values.find((v) => v.kind === 'target');
    assert.deepEqual([est?.periodText, est?.lo], ['2021-2025', 10.4]);
    assert.deepEqual([tgt?.periodText, tgt?.lo], ['2026-2030', 12]);
    assert.ok(g.aliases.includes('tốc độ tăng trưởng kinh tế'));
  });

  test('targets (1)-(24) are there with their bounds and ranges', () => {
    const inds = load().indicators;
    const targets = inds.flatMap((i) => i.values.filter((v) => v.kind === 'target').map((v) => ({ i, v })));
    const sources = new Set(targets.map((t) => /\((\d+)\)/.exec(t.v.source)?.[1]).filter(Boolean));
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 21, 22, 23, 24]) {
      assert.ok(sources.has(String(n)), `target (${n}) missing`);
    }
    const v = (id: string) => byId(inds, id).values.find((x) => x.kind === 'target')!;
    assert.deepEqual([v('grdp_per_capita').lo, v('grdp_per_capita').bound, v('grdp_per_capita').periodText], [20000, 'above', '2030']);
    assert.deepEqual([v('labour_productivity_growth').lo, v('labour_productivity_growth').hi], [8, 8.5]);
    assert.deepEqual([v('private_sector_share').lo, v('private_sector_share').hi, v('private_sector_share').bound], [40, 45, 'approx']);
    assert.deepEqual([v('unemployment').lo, v('unemployment').bound], [2, 'below']);
    assert.equal(v('total_investment_growth').periodText, '2026-2030');
  });

  test('no alias is so generic that it would attach to the wrong figure', () => {
    const generic = new Set(['tăng trưởng', 'tỷ lệ', 'tỷ trọng', 'grdp', 'tốc độ tăng trưởng', 'tốc độ tăng', 'quy mô', 'tổng vốn']);
    for (const ind of load().indicators) {
      for (const a of [ind.name, ...ind.aliases]) {
        assert.ok(!generic.has(a.toLowerCase()), `${ind.id}: "${a}"`);
        assert.equal(a, a.normalize('NFC'));
      }
    }
  });
});
