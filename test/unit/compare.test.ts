import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareValues, roundTo } from '../../server/src/core/compare';

describe('compareValues', () => {
  const cases: [string, Parameters<typeof compareValues>[0], Parameters<typeof compareValues>[1], string][] = [
    ['same value', { lo: 10.4, hi: 10.4, bound: 'exact', decimals: 1 }, { lo: 10.4, hi: 10.4, bound: 'exact' }, 'ok'],
    ['khoảng 10 for 10,4', { lo: 10, hi: 10, bound: 'approx', decimals: 0 }, { lo: 10.4, hi: 10.4, bound: 'exact' }, 'rounded'],
    ['10 for 10,4 (rounded)', { lo: 10, hi: 10, bound: 'exact', decimals: 0 }, { lo: 10.4, hi: 10.4, bound: 'exact' }, 'rounded'],
    ['12 for 10,4', { lo: 12, hi: 12, bound: 'exact', decimals: 0 }, { lo: 10.4, hi: 10.4, bound: 'exact' }, 'mismatch'],
    ['10,5 for 10,4', { lo: 10.5, hi: 10.5, bound: 'exact', decimals: 1 }, { lo: 10.4, hi: 10.4, bound: 'exact' }, 'mismatch'],
    ['11.000 for trên 11.000', { lo: 11000, hi: 11000, bound: 'exact', decimals: 0 }, { lo: 11000, hi: 11000, bound: 'above' }, 'rounded'],
    ['trên 11.000 for trên 11.000', { lo: 11000, hi: 11000, bound: 'above', decimals: 0 }, { lo: 11000, hi: 11000, bound: 'above' }, 'ok'],
    ['8-8,5 for 8..8.5', { lo: 8, hi: 8.5, bound: 'exact', decimals: 1 }, { lo: 8, hi: 8.5, bound: 'exact' }, 'ok'],
    ['8,2 inside 8..8.5', { lo: 8.2, hi: 8.2, bound: 'exact', decimals: 1 }, { lo: 8, hi: 8.5, bound: 'exact' }, 'rounded'],
    ['9 outside 8..8.5', { lo: 9, hi: 9, bound: 'exact', decimals: 0 }, { lo: 8, hi: 8.5, bound: 'exact' }, 'mismatch'],
    ['khoảng 395.000 for 395000', { lo: 395000, hi: 395000, bound: 'approx', decimals: 0 }, { lo: 395000, hi: 395000, bound: 'exact' }, 'ok'],
  ];
  for (const [name, cited, ref, want] of cases) test(name, () => assert.equal(compareValues(cited, ref), want));
  test('roundTo has no float noise', () => {
    assert.equal(roundTo(10.45, 1), 10.5);
    assert.equal(roundTo(0.1 + 0.2, 2), 0.3);
  });
});
