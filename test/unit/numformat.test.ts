import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatValue, formatVnNumber, parseVnNumber } from '../../server/src/core/numformat';
import type { NumberStyle } from '../../server/src/core/types';

const VN: NumberStyle = { decimal: ',', thousands: '.' };
const EN: NumberStyle = { decimal: '.', thousands: ',' };

describe('parseVnNumber', () => {
  // text → [value, decimals, style.decimal, style.thousands]
  const cases: [string, number, number, string, string][] = [
    ['12', 12, 0, ',', '.'],
    ['03', 3, 0, ',', '.'],
    ['2025', 2025, 0, ',', ''],
    ['10,4', 10.4, 1, ',', '.'],
    ['0,5', 0.5, 1, ',', '.'],
    ['1,5', 1.5, 1, ',', '.'],
    ['68,2', 68.2, 1, ',', '.'],
    ['96,16', 96.16, 2, ',', '.'],
    ['11.000', 11000, 0, ',', '.'],
    ['20.000', 20000, 0, ',', '.'],
    ['395.000', 395000, 0, ',', '.'],
    ['1.914', 1914, 0, ',', '.'],
    ['4.278', 4278, 0, ',', '.'],
    ['1.234.567', 1234567, 0, ',', '.'],
    ['1.234,5', 1234.5, 1, ',', '.'],
    ['1,234', 1.234, 3, ',', '.'], // a comma is a decimal comma in Vietnamese drafts
    ['10.4', 10.4, 1, '.', ','], // a dot before fewer than three digits can only be a decimal point
    ['0.125', 0.125, 3, '.', ','], // "0" cannot lead a thousands group
    ['1,234.5', 1234.5, 1, '.', ','],
    ['1,234,567', 1234567, 0, '.', ','],
    ['11 000', 11000, 0, ',', ' '],
    ['-2,5', -2.5, 1, ',', '.'],
  ];
  for (const [s, value, decimals, dec, th] of cases) {
    test(`${s} → ${value}`, () => {
      const r = parseVnNumber(s);
      assert.ok(r, s);
      assert.equal(r.value, value);
      assert.equal(r.decimals, decimals);
      assert.deepEqual(r.style, { decimal: dec, thousands: th });
    });
  }
  for (const bad of ['', '1.2.3', '2.1.1', '12a', ',5', '1..2', '1.23.456', '1,2,3', 'abc', '1.234,5,6']) {
    test(`rejects ${JSON.stringify(bad)}`, () => assert.equal(parseVnNumber(bad), null));
  }
  test('its fast paths ("2025", "10,4", "11.000") read a number as its general path does', () => {
    // a leading '+' or space fails every fast path, and the general path drops it before reading the same text
    const token = fc.oneof(
      fc.stringMatching(/^[0-9]{1,7}(?:[.,][0-9]{1,4}){0,3}$/),
      fc.stringMatching(/^[0-9.,]{1,12}$/),
      fc.stringMatching(/^[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,3}(?:,[0-9]{1,3})?$/),
    );
    fc.assert(
      fc.property(token, (t) => {
        const general = parseVnNumber('+' + t);
        assert.deepEqual(parseVnNumber(t), general, t);
        assert.deepEqual(parseVnNumber(' ' + t), general, t);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('formatVnNumber', () => {
  const cases: [number, Parameters<typeof formatVnNumber>[1], string][] = [
    [10.4, {}, '10,4'],
    [20000, {}, '20.000'],
    [8.5, {}, '8,5'],
    [1234.56, {}, '1.234,56'],
    [1914, {}, '1.914'],
    [999, {}, '999'],
    [0.1 + 0.2, {}, '0,3'],
    [1.005, { decimals: 2 }, '1,01'],
    [10, { decimals: 1 }, '10,0'],
    [10.44, { decimals: 1 }, '10,4'],
    [-2.5, {}, '-2,5'],
    [-0.001, { decimals: 1 }, '0,0'],
    [395000, { style: VN }, '395.000'],
    [1914, { style: { decimal: ',', thousands: '' } }, '1914'],
    [1234567.5, { style: EN }, '1,234,567.5'],
    [490 * 1000, {}, '490.000'],
  ];
  for (const [v, o, want] of cases) test(`${v} ${JSON.stringify(o)} → ${want}`, () => assert.equal(formatVnNumber(v, o), want));

  test('round-trips through parseVnNumber', () => {
    for (const v of [0, 0.5, 3.14, 12, 999.9, 1000, 11000, 1234.5, 395000, 1234567.89]) {
      const s = formatVnNumber(v);
      assert.equal(parseVnNumber(s)?.value, v, s);
    }
  });
});

describe('formatValue', () => {
  const cases: [Parameters<typeof formatValue>[0], string][] = [
    [{ lo: 11000, hi: 11000, unit: 'USD', bound: 'above' }, 'trên 11.000 USD'],
    [{ lo: 8, hi: 8.5, unit: '%/năm', bound: 'exact' }, '8-8,5%/năm'],
    [{ lo: 40, hi: 45, unit: '%', bound: 'approx' }, 'khoảng 40-45%'],
    [{ lo: 2, hi: 2, unit: '%', bound: 'below' }, 'dưới 2%'],
    [{ lo: 10.4, hi: 10.4, unit: '%/năm', bound: 'exact' }, '10,4%/năm'],
    [{ lo: 395000, hi: 395000, unit: 'tỷ đồng' }, '395.000 tỷ đồng'],
    [{ lo: 229, hi: 229, unit: '' }, '229'],
  ];
  for (const [v, want] of cases) test(want, () => assert.equal(formatValue(v), want));
  test('keeps a given style and decimals', () => {
    assert.equal(formatValue({ lo: 10.4, hi: 10.4, unit: '%', bound: 'exact' }, EN), '10.4%');
    assert.equal(formatValue({ lo: 3, hi: 3.5, unit: '%' }, VN, 1), '3,0-3,5%');
  });
});
