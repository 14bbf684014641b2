// Figures and periods of the real draft in ../shared/corpus (skipped when the corpus is absent).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextView } from '../../server/src/core/text';
import { extractFigures } from '../../server/src/core/figures';
import { extractPeriods, formatPeriod } from '../../server/src/core/periods';
import type { Figure } from '../../server/src/core/types';

const corpusFile = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'du-thao-bao-cao-chinh-tri-quang-ninh-2025.txt');
const exists = existsSync(corpusFile);
const skip = !exists;

let cache: { text: string; figures: Figure[] } | undefined;
function load() {
  if (!cache) {
    const view = new TextView(readFileSync(corpusFile, 'utf8'));
    cache = { text: view.text, figures: extractFigures(view.text) };
  }
  return cache;
}

function find(pred: (f: Figure) => boolean): Figure[] {
  return load().figures.filter(pred);
}

/** [start, end) of every match of a pattern in the text */
function ranges(re: RegExp): [number, number][] {
  const { text } = load();
  const out: [number, number][] = [];
  for (const m of text.matchAll(re)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}

const overlaps = (f: Figure, [a, b]: [number, number]) => f.numStart < b && f.numEnd > a;

describe('figures in the corpus', () => {
  test('10,4 %/năm, an estimate of an increase', { skip }, () => {
    const hits = find((f) => f.role === 'quantity' && f.lo === 10.4 && f.unit === '%/năm');
    assert.ok(hits.length >= 1);
    assert.ok(hits.some((f) => f.estimate && f.change === 'increase'));
  });

  test('395.000 tỷ đồng, once with "ước đạt khoảng"', { skip }, () => {
    const hits = find((f) => f.role === 'quantity' && f.lo === 395000 && f.unit === 'tỷ đồng');
    assert.ok(hits.length >= 2);
    assert.ok(hits.some((f) => f.bound === 'approx' && f.estimate));
  });

  test('trên 11.000 USD is bound above', { skip }, () => {
    const hits = find((f) => f.role === 'quantity' && f.lo === 11000 && f.unit === 'USD');
    assert.ok(hits.length >= 2);
    for (const f of hits) assert.equal(f.bound, 'above');
    assert.ok(hits.every((f) => f.text.startsWith('trên ')));
  });

  test('490 nghìn tỷ đồng = 490000 tỷ đồng', { skip }, () => {
    const [f] = find((g) => g.unitText === 'nghìn tỷ đồng');
    assert.ok(f);
    assert.deepEqual([f.lo, f.unit, f.factor, f.bound], [490000, 'tỷ đồng', 1000, 'above']);
  });

  test('3-3,5% is a range', { skip }, () => {
    const [f] = find((g) => g.lo === 3 && g.hi === 3.5);
    assert.ok(f);
    assert.equal(f.unit, '%');
    assert.equal(f.decimals, 1);
    assert.equal(load().text.slice(f.numStart, f.numEnd), '3-3,5');
  });

  test('other units and forms of the draft', { skip }, () => {
    const want: [number, number, string, string?][] = [
      [9.77, 9.77, 'tỷ USD'],
      [219, 219, 'triệu tấn'],
      [124.1, 124.1, 'triệu tấn/năm'],
      [450000, 450000, 'tấn'],
      [176, 176, 'tỷ kWh'],
      [293000, 293000, 'lượt khách', 'above'],
      [68.2, 68.2, 'giường bệnh/vạn dân'],
      [19, 19, 'bác sĩ/vạn dân'],
      [825, 825, 'km'],
      [1914, 1914, 'ha'],
      [2000, 2000, 'doanh nghiệp/năm', 'above'],
      [580, 580, 'triệu đồng/người'],
      [4278, 4278, 'tỷ đồng'],
      [77, 77, 'tuổi', 'above'],
      [2, 2, '%', 'below'],
      [40, 45, '%', 'approx'],
      [47, 48, '%'],
      [12, 14, '%', 'approx'],
      [8, 8.5, '%/năm'],
    ];
    for (const [lo, hi, unit, bound] of want) {
      const hits = find((f) => f.role === 'quantity' && f.lo === lo && f.hi === hi && f.unit === unit);
      assert.ok(hits.length >= 1, `${lo}..${hi} ${unit}`);
      if (bound) assert.ok(hits.some((f) => f.bound === bound), `${lo} ${unit} ${bound}`);
    }
  });

  test('multipliers, fractions and counts', { skip }, () => {
    assert.ok(find((f) => f.role === 'multiplier' && f.lo === 1.7 && f.unit === 'lần').length >= 2);
    assert.ok(find((f) => f.role === 'multiplier' && f.lo === 5.1).length === 1);
    assert.deepEqual(
      find((f) => f.role === 'fraction').map((f) => `${f.lo}/${f.pair?.lo}`).sort(),
      ['3/19', '5/7'],
    );
    assert.ok(find((f) => f.role === 'count' && f.lo === 3 && f.unitText.startsWith('khâu')).length === 1);
  });

  test('no figure from document numbers, dates, outline markers or bookmarks', { skip }, () => {
    const forbidden = [
      ...ranges(/\d+-(?:NQ|QĐ)\/(?:TW|TU)/g),
      ...ranges(/\d{1,2}\/\d{1,2}\/\d{4}/g),
      ...ranges(/\(\d{1,2}\)/g),
      ...ranges(/\[bookmark: [^\]\n]{0,60}\]/g),
      ...ranges(/QCVN [^ ]+/g),
      ...ranges(/COVID-19/g),
      ...ranges(/^\d+(?:\.\d+)*\.? /gm),
    ];
    assert.ok(forbidden.length > 50, `found ${forbidden.length} forbidden ranges`);
    const { figures } = load();
    for (const r of forbidden) {
      const bad = figures.filter((f) => overlaps(f, r));
      assert.deepEqual(bad.map((f) => f.text), [], `figure inside ${JSON.stringify(load().text.slice(r[0], r[1]))}`);
    }
  });

  test('no figure is a year', { skip }, () => {
    const years = find((f) => f.lo >= 1900 && f.lo <= 2100 && f.decimals === 0 && !/\./.test(f.text) && f.role !== 'quantity');
    assert.deepEqual(years.map((f) => f.text), []);
  });

  test('every figure lies inside the text, text matches, sorted', { skip }, () => {
    const { text, figures } = load();
    assert.ok(figures.length > 150, `${figures.length} figures`);
    let prev = -1;
    for (const f of figures) {
      assert.ok(f.start >= 0 && f.start <= f.numStart && f.numStart < f.numEnd && f.numEnd <= f.end && f.end <= text.length);
      assert.equal(f.text, text.slice(f.start, f.end));
      assert.ok(f.start >= prev);
      prev = f.start;
      assert.ok(Number.isFinite(f.lo) && Number.isFinite(f.hi) && f.lo <= f.hi);
    }
  });

  test('extraction is fast', { skip }, () => {
    const { text } = load();
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      extractFigures(text);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    assert.ok(times[3] < 50, `median ${times[3]} ms`);
  });
});

describe('periods in the corpus', () => {
  test('spans, until-years, relative terms and school years', { skip }, () => {
    const ms = extractPeriods(load().text);
    const has = (pred: (m: (typeof ms)[number]) => boolean) => ms.some(pred);
    assert.ok(has((m) => m.period !== null && formatPeriod(m.period) === '2021-2025' && /^giai đoạn/i.test(m.text)));
    assert.ok(has((m) => m.period !== null && formatPeriod(m.period) === '2026-2030'));
    assert.ok(has((m) => m.until === true && m.period?.from === 2030));
    assert.ok(has((m) => m.relative === 'term' && m.period === null));
    assert.ok(has((m) => m.schoolYear === true && m.period?.from === 2021 && m.period.to === 2022));
    for (const m of ms) assert.equal(m.text, load().text.slice(m.start, m.end));
  });
});
