/**
 * Comparing a cited value with a reference value (canonical data or another citation), with the precision the
 * citation is written with.
 */
import type { Bound } from './types';

export type Verdict = 'ok' | 'rounded' | 'mismatch';

export interface Valued {
  lo: number;
  hi: number;
  bound: Bound;
}

export interface CitedValue extends Valued {
  /** decimals written in the draft */
  decimals: number;
}

export function approxEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((x + Number.EPSILON * Math.sign(x)) * f) / f;
}

/**
 * - same value (and compatible bound) → ok;
 * - the reference rounded to the decimals the draft writes, or within one unit of the last written digit when the
 *   draft says "khoảng"/"gần", or the same value with a different bound ("11.000" for "trên 11.000"), or a value
 *   inside a canonical range → rounded (a warning: imprecise, not wrong);
 * - anything else → mismatch.
 */
export function compareValues(cited: CitedValue, ref: Valued): Verdict {
  const sameLo = approxEqual(cited.lo, ref.lo);
  const sameHi = approxEqual(cited.hi, ref.hi);
  if (sameLo && sameHi) {
    if (cited.bound === ref.bound || cited.bound === 'approx' || ref.bound === 'approx') return 'ok';
    return 'rounded';
  }
  const d = Math.max(0, Math.min(6, cited.decimals));
  if (approxEqual(cited.lo, roundTo(ref.lo, d)) && approxEqual(cited.hi, roundTo(ref.hi, d))) return 'rounded';
  if (cited.bound === 'approx' && ref.bound !== 'approx') {
    const unit = 10 ** -d;
    if (Math.abs(cited.lo - ref.lo) <= unit + 1e-9 && Math.abs(cited.hi - ref.hi) <= unit + 1e-9) return 'rounded';
  }
  // a single cited value inside a canonical range, or a cited range containing a canonical single value
  if (ref.lo < ref.hi && cited.lo === cited.hi && cited.lo >= ref.lo - 1e-9 && cited.lo <= ref.hi + 1e-9) return 'rounded';
  if (cited.lo < cited.hi && ref.lo === ref.hi && ref.lo >= cited.lo - 1e-9 && ref.lo <= cited.hi + 1e-9) return 'rounded';
  return 'mismatch';
}
