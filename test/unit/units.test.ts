import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { convertValue, matchUnitAt, normalizeUnit, unitFamily, unitsCompatible } from '../../server/src/core/units';

describe('normalizeUnit', () => {
  // written → [canonical unit, factor]
  const cases: [string, string, number][] = [
    ['%', '%', 1],
    ['%/năm', '%/năm', 1],
    ['% / năm', '%/năm', 1],
    ['USD', 'USD', 1],
    ['USD/người', 'USD/người', 1],
    ['tỷ USD', 'tỷ USD', 1],
    ['triệu USD', 'tỷ USD', 0.001],
    ['đồng', 'đồng', 1],
    ['nghìn đồng', 'đồng', 1000],
    ['triệu đồng', 'tỷ đồng', 0.001],
    ['tỷ đồng', 'tỷ đồng', 1],
    ['tỉ đồng', 'tỷ đồng', 1],
    ['nghìn tỷ đồng', 'tỷ đồng', 1000],
    ['ngàn tỷ đồng', 'tỷ đồng', 1000],
    ['nghìn tỷ', 'tỷ đồng', 1000],
    ['ngàn tỷ', 'tỷ đồng', 1000],
    ['triệu đồng/người', 'triệu đồng/người', 1],
    ['nghìn đồng/người', 'triệu đồng/người', 0.001],
    ['tấn', 'tấn', 1],
    ['nghìn tấn', 'tấn', 1000],
    ['triệu tấn', 'triệu tấn', 1],
    ['triệu tấn/năm', 'triệu tấn/năm', 1],
    ['ha', 'ha', 1],
    ['nghìn ha', 'ha', 1000],
    ['km', 'km', 1],
    ['Km', 'km', 1],
    ['kWh', 'kWh', 1],
    ['KWh', 'kWh', 1],
    ['tỷ KWh', 'tỷ kWh', 1],
    ['triệu kWh', 'tỷ kWh', 0.001],
    ['lượt', 'lượt', 1],
    ['lượt khách', 'lượt khách', 1],
    ['triệu lượt', 'lượt', 1e6],
    ['triệu lượt khách', 'lượt khách', 1e6],
    ['giường/1 vạn dân', 'giường bệnh/vạn dân', 1],
    ['giường bệnh/1 vạn dân', 'giường bệnh/vạn dân', 1],
    ['giường bệnh/vạn dân', 'giường bệnh/vạn dân', 1],
    ['bác sỹ/1 vạn dân', 'bác sĩ/vạn dân', 1],
    ['bác sĩ/10.000 dân', 'bác sĩ/vạn dân', 1],
    ['bác sĩ/1.000 dân', 'bác sĩ/vạn dân', 10],
    ['doanh nghiệp/năm', 'doanh nghiệp/năm', 1],
    ['tuổi', 'tuổi', 1],
    ['điểm', 'điểm', 1],
    ['điểm phần trăm', 'điểm phần trăm', 1],
    ['lần', 'lần', 1],
    ['triệu', '', 1e6],
  ];
  for (const [written, unit, factor] of cases) {
    test(`${written} → ${unit || "''"} ×${factor}`, () => assert.deepEqual(normalizeUnit(written), { unit, factor }));
  }

  const notUnits = ['', 'đồng chí', 'tỷ lệ', 'Ha', 'khâu đột phá', 'năm', 'GRDP', '%%'];
  for (const w of notUnits) test(`not a unit: ${JSON.stringify(w)}`, () => assert.equal(normalizeUnit(w), null));

  test('is idempotent on canonical units', () => {
    for (const [, unit] of cases) {
      if (!unit) continue;
      assert.deepEqual(normalizeUnit(unit), { unit, factor: 1 }, unit);
    }
  });

  test('accepts decomposed (NFD) spellings', () => {
    assert.deepEqual(normalizeUnit('nghìn tỷ đồng'.normalize('NFD')), { unit: 'tỷ đồng', factor: 1000 });
  });
});

describe('unitsCompatible', () => {
  const cases: [string, string, number | null][] = [
    ['%', '%/năm', 1],
    ['%/năm', '%', 1],
    ['tỷ đồng', 'tỷ đồng', 1],
    ['tỷ đồng', 'nghìn tỷ đồng', 0.001],
    ['nghìn tỷ đồng', 'tỷ đồng', 1000],
    ['đồng', 'tỷ đồng', 1e-9],
    ['USD', 'tỷ USD', 1e-9],
    ['tỷ USD', 'USD', 1e9],
    ['tấn', 'triệu tấn', 1e-6],
    ['lượt', 'lượt khách', 1],
    ['bác sĩ/nghìn dân', 'bác sĩ/vạn dân', 10],
    ['%', 'USD', null],
    ['tỷ đồng', 'tỷ USD', null],
    ['triệu đồng/người', 'tỷ đồng', null],
    ['%', 'điểm phần trăm', null],
    ['triệu tấn', 'triệu tấn/năm', null],
    ['giường bệnh/vạn dân', 'bác sĩ/vạn dân', null],
    ['', '%', null],
  ];
  for (const [a, b, f] of cases) test(`${a} → ${b}: ${f}`, () => assert.equal(unitsCompatible(a, b), f));

  test('convertValue has no float noise', () => {
    assert.equal(convertValue(490, 'nghìn tỷ đồng', 'tỷ đồng'), 490000);
    assert.equal(convertValue(450, 'nghìn tấn', 'triệu tấn'), 0.45);
    assert.equal(convertValue(9.77, 'tỷ USD', 'USD'), 9.77e9);
    assert.equal(convertValue(1, '%', 'USD'), null);
  });
});

describe('unitFamily', () => {
  const cases: [string, string][] = [
    ['%', 'percent'],
    ['%/năm', 'percent'],
    ['tỷ đồng', 'money'],
    ['USD', 'money'],
    ['triệu đồng/người', 'money'],
    ['triệu tấn', 'mass'],
    ['ha', 'area'],
    ['km', 'length'],
    ['tỷ kWh', 'energy'],
    ['lượt khách', 'count'],
    ['doanh nghiệp/năm', 'count'],
    ['tuổi', 'other'],
    ['lần', 'other'],
    ['', 'other'],
    ['không biết', 'other'],
  ];
  for (const [u, f] of cases) test(`${u || "''"} is ${f}`, () => assert.equal(unitFamily(u), f));
});

describe('matchUnitAt', () => {
  test('longest unit after a number, glued or not', () => {
    const s = 'đạt 825Km đường và 80,2 triệu tấn/năm, 12%/năm.';
    const km = matchUnitAt(s, s.indexOf('Km'));
    assert.deepEqual(km && [km.unit, km.written, km.end], ['km', 'Km', s.indexOf('Km') + 2]);
    const t = matchUnitAt(s, s.indexOf('triệu'));
    assert.deepEqual(t && [t.unit, t.written], ['triệu tấn/năm', 'triệu tấn/năm']);
    const p = matchUnitAt(s, s.indexOf('%'));
    assert.deepEqual(p && [p.unit, p.written], ['%/năm', '%/năm']);
  });
  test('stops before words that are no part of the unit', () => {
    const s = '5 tỷ đồng cho dự án';
    const m = matchUnitAt(s, 2);
    assert.equal(m?.written, 'tỷ đồng');
  });
  test('a word that only looks like a unit is not one', () => {
    assert.equal(matchUnitAt('3 đồng chí', 2), null);
    assert.equal(matchUnitAt('5 tấn công', 2), null);
    assert.equal(matchUnitAt('3 điểm du lịch', 2), null);
    assert.equal(matchUnitAt('2 tỷ lệ', 2)?.unit ?? null, null);
    assert.equal(matchUnitAt('5 chương trình', 2), null);
  });
});
