// Pure parts of the VS Code client: the figures report's rows/CSV/HTML and the starter files of
// "draftlint: Create configuration" (checked with the core's own config and data parsers).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { COLUMNS, cell, escapeHtml, toCsv, toHtml, toRows } from '../../client/src/reportFormat';
import { starterConfig, starterIndicators, STARTER_DATA_PATH } from '../../client/src/starter';
import type { FigureStatus, FiguresResult } from '../../client/src/protocol';
import { parseConfig } from '../../server/src/core/config';
import { parseIndicatorFile } from '../../server/src/core/data/parse';

const headers = {
  figure: 'Figure',
  location: 'Location',
  indicator: 'Indicator',
  period: 'Period',
  cited: 'Cited',
  canonical: 'Canonical',
  status: 'Verdict',
};
const label = (s: FigureStatus) => `<${s}>`;

const result: FiguresResult = {
  files: [
    {
      uri: 'file:///ws/a.md',
      figures: [
        {
          line: 4,
          character: 10,
          endLine: 4,
          endCharacter: 19,
          text: 'trên 11.000 USD',
          indicator: 'GRDP bình quân đầu người',
          indicatorId: 'grdp_per_capita',
          period: '2025',
          cited: 'trên 11.000 USD',
          canonical: 'trên 11.000 USD',
          status: 'ok',
        },
        { line: 7, character: 0, endLine: 7, endCharacter: 5, text: '3-3,5%', cited: '3-3,5%', status: 'unmatched' },
      ],
    },
    {
      uri: 'file:///ws/b.md',
      figures: [
        {
          line: 0,
          character: 2,
          endLine: 0,
          endCharacter: 9,
          text: '=1+2 "x", y',
          indicator: 'Tốc độ tăng trưởng GRDP',
          period: '2021-2025',
          cited: '10,2%/năm',
          canonical: '10,4%/năm',
          status: 'mismatch',
        },
      ],
    },
  ],
};

describe('figures report rows', () => {
  const rows = toRows(result, (u) => u.replace('file:///ws/', ''));
  test('one row per figure, 1-based positions, ids in order', () => {
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((r) => [r.id, r.file, r.line, r.column, r.status]),
      [
        [0, 'a.md', 5, 11, 'ok'],
        [1, 'a.md', 8, 1, 'unmatched'],
        [2, 'b.md', 1, 3, 'mismatch'],
      ],
    );
  });
  test('cells: location as file:line:column, missing values empty, verdict through the label', () => {
    assert.equal(cell(rows[0], 'location', label), 'a.md:5:11');
    assert.equal(cell(rows[1], 'indicator', label), '');
    assert.equal(cell(rows[1], 'canonical', label), '');
    assert.equal(cell(rows[2], 'status', label), '<mismatch>');
  });
  test('an empty or partial answer gives no rows', () => {
    assert.deepEqual(toRows({ files: [] }, String), []);
    assert.deepEqual(toRows({ files: [{ uri: 'file:///x', figures: [] }] }, String), []);
  });
});

describe('figures report CSV', () => {
  const rows = toRows(result, (u) => u.replace('file:///ws/', ''));
  const csv = toCsv(rows, headers, label);
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  test('BOM, header, one line per row, CRLF', () => {
    assert.ok(csv.startsWith('\uFEFF'));
    assert.equal(lines[0], COLUMNS.map((k) => headers[k]).join(','));
    assert.equal(lines.length, rows.length + 2); // + header + trailing empty
    assert.equal(lines[lines.length - 1], '');
  });
  test('quotes fields with commas and quotes, neutralizes a leading =', () => {
    assert.equal(lines[3].split(',')[0], `"'=1+2 ""x""`);
    assert.ok(lines[3].startsWith(`"'=1+2 ""x"", y",b.md:1:3,`));
    assert.ok(lines[1].startsWith('trên 11.000 USD,a.md:5:11,GRDP bình quân đầu người,2025,'));
  });
});

describe('figures report HTML', () => {
  const rows = toRows(result, (u) => u.replace('file:///ws/', ''));
  const html = toHtml(rows, headers, label, 'Số liệu <test>', 'vi');
  test('escapes every cell and the title; no script', () => {
    assert.ok(html.includes('<title>Số liệu &lt;test&gt;</title>'));
    assert.ok(html.includes('<td>&lt;mismatch&gt;</td>'));
    assert.ok(html.includes('<td>=1+2 &quot;x&quot;, y</td>'));
    assert.ok(!/<script/i.test(html));
    assert.equal((html.match(/<tr class=/g) ?? []).length, 3);
  });
  test('escapeHtml', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('starter files', () => {
  test('the starter draftlint.json parses without issues and names the starter data file', () => {
    for (const lang of ['vi', 'en'] as const) {
      const r = parseConfig(starterConfig(lang), 'file:///ws/draftlint.json');
      assert.deepEqual(r.issues, []);
      assert.ok(r.config);
      assert.deepEqual(r.config.indicators, [STARTER_DATA_PATH]);
      assert.equal(r.config.language, lang);
    }
  });
  test('the starter indicators.csv parses without issues', () => {
    const r = parseIndicatorFile(starterIndicators(), `file:///ws/${STARTER_DATA_PATH}`);
    assert.deepEqual(r.issues, []);
    assert.equal(r.indicators.length, 2);
    const per = r.indicators.find((i) => i.id === 'grdp_per_capita');
    assert.equal(per?.values[0].bound, 'above');
    assert.equal(per?.values[0].lo, 10000);
  });
});
