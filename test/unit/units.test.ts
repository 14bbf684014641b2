import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  cleanFloat,
  convertValue,
  isDigitCode,
  isLetterCode,
  matchUnitAt,
  normalizeUnit,
  unitFamily,
  unitsCompatible,
  wordEnd,
} from '../../server/src/core/units';
import { UNIT_LETTER, unitClass } from '../../server/src/core/text';

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

describe('matchUnitAt: every base spelling, in any case and with a no-break space', () => {
  // readBase rejects a word that starts no base spelling before reading further words: each spelling still matches
  const spellings: [string, string][] = [
    ['Điểm phần trăm', 'điểm phần trăm'],
    ['ĐỒNG', 'đồng'],
    ['VNĐ', 'đồng'],
    ['Vnd', 'đồng'],
    ['đ', 'đồng'],
    ['Usd', 'USD'],
    ['Đô la', 'USD'],
    ['đô\u00a0la\u00a0Mỹ', 'USD'],
    ['Tấn', 'tấn'],
    ['HA', 'ha'],
    ['Héc ta', 'ha'],
    ['Hecta', 'ha'],
    ['KM2', 'ha'],
    ['km²', 'ha'],
    ['M2', 'm²'],
    ['m²', 'm²'],
    ['KM', 'km'],
    ['M3', 'm³'],
    ['m³', 'm³'],
    ['KWH', 'kWh'],
    ['MWh', 'kWh'],
    ['GWh', 'tỷ kWh'],
    ['MW', 'MW'],
    ['Lượt khách', 'lượt khách'],
    ['lượt\u00a0người', 'lượt người'],
    ['LƯỢT', 'lượt'],
    ['Người', 'người'],
    ['Lao động', 'lao động'],
    ['Doanh nghiệp', 'doanh nghiệp'],
    ['teu', 'TEU'],
    ['Tuổi', 'tuổi'],
    ['Điểm', 'điểm'],
    ['Lần', 'lần'],
  ];
  for (const [written, unit] of spellings) {
    test(`${written} → ${unit}`, () => {
      const s = `5 ${written}.`;
      const m = matchUnitAt(s, 2);
      assert.deepEqual(m && [m.unit, m.written], [unit, written]);
    });
  }
});

describe('wordEnd', () => {
  /** the definition: a letter, then letters, digits, ² and ³, one code unit at a time */
  function reference(s: string, i: number): number {
    if (i >= s.length || !isLetterCode(s.charCodeAt(i))) return i;
    let j = i + 1;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (isLetterCode(c) || isDigitCode(c) || c === 0xb2 || c === 0xb3) j++;
      else break;
    }
    return j;
  }
  // the edges of its native fast path (ASCII, Latin-1, Latin Extended-A/B, Extended Additional) and letters,
  // marks, symbols and surrogates outside it
  const units = [
    'a', 'Z', 'k', '0', '9', '\u00b2', '\u00b3', '\u00b9', '\u00aa', '\u00b5', '\u00ba', '\u00bf', '\u00c0', '\u00d6', '\u00d7',
    '\u00d8', '\u00f6', '\u00f7', '\u00f8', '\u00ff', '\u024f', '\u0250', '\u0301', '\u03b1', '\u044f', '\u1dff', '\u1e00',
    '\u1ea1', '\u1eff', '\u1f00', '\u4e2d', '\ud835', '\udc00', '\u2160', ' ', '\u00a0', '.', ',', '-', '/', '%', '_', '\n',
    'đ', 'ư', 'ờ',
  ];
  test('agrees with its definition on strings mixing every kind of code unit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), fc.nat(31), (parts, at) => {
        const s = parts.join('');
        assert.equal(wordEnd(s, at), reference(s, at));
      }),
      { numRuns: 3000 },
    );
  });
  test('words as drafts write them', () => {
    const cases: [string, number, number][] = [
      ['825Km đường', 3, 5],
      ['12 kWh/năm', 3, 6],
      ['80 m³,', 3, 5],
      ['người dân', 0, 5],
      ['Σύνολο x', 0, 6],
      ['5 chương', 2, 8],
      ['x', 1, 1],
      ['(a)', 0, 0],
    ];
    for (const [s, i, e] of cases) assert.equal(wordEnd(s, i), e, `${s} at ${i}`);
  });
});

describe('cleanFloat', () => {
  const reference = (x: number): number => (!Number.isFinite(x) || x === 0 ? x : Number(x.toPrecision(12)));
  test('is the 12-significant-digit rounding, integers included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.double({ min: -2e12, max: 2e12 }).map(Math.round)), (x) => {
        assert.ok(Object.is(cleanFloat(x), reference(x)), String(x));
      }),
      { numRuns: 5000 },
    );
  });
  test('examples', () => {
    assert.equal(cleanFloat(0.1 * 3), 0.3);
    assert.equal(cleanFloat(490 * 1000), 490000);
    assert.equal(cleanFloat(999999999999), 999999999999);
    assert.equal(cleanFloat(1234567890123), 1234567890120);
    assert.ok(Object.is(cleanFloat(-0), -0));
  });
});

describe('isLetterCode', () => {
  /** the definition: ASCII letters, and from U+00C0 on what unitClass calls a letter */
  const reference = (c: number): boolean =>
    c < 0x80 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : c >= 0xc0 && unitClass(c) === UNIT_LETTER;
  test('agrees with its definition for every UTF-16 code unit and for what lies outside', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (isLetterCode(c) !== reference(c)) assert.fail(`U+${c.toString(16)}`);
    }
    for (const c of [NaN, -1, 0x10000]) assert.equal(isLetterCode(c), reference(c), String(c));
  });
});
