/**
 * The invariants the property tests check, one function per target; shared with the regression replays
 * (test/fuzz/regressions/), which run them on every input a fuzz run once failed on.
 */
import assert from 'node:assert/strict';
import { TextView, computeLineStarts } from '../../server/src/core/text';

function isMark(s: string, i: number): boolean {
  return /\p{M}/u.test(s[i] ?? '');
}

/** NFC offsets where no base+marks cluster or surrogate pair is cut. */
function boundaries(t: string): number[] {
  const out: number[] = [0];
  for (let a = 1; a < t.length; a++) {
    const c = t.charCodeAt(a);
    const p = t.charCodeAt(a - 1);
    if (isMark(t, a)) continue;
    if (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff) continue;
    // an astral mark (e.g. U+1D165) is a surrogate pair whose first half is no mark on its own
    if (c >= 0xd800 && c <= 0xdbff && /\p{M}/u.test(t.slice(a, a + 2))) continue;
    out.push(a);
  }
  if (t.length > 0) out.push(t.length);
  return out;
}

export function checkTextView(original: string): void {
  const v = new TextView(original);
  const t = v.text;
  assert.equal(t, original.normalize('NFC'), 'the view is the NFC text');
  assert.equal(v.toOriginal(0), 0);
  assert.equal(v.toOriginal(t.length), original.length);
  let prev = 0;
  for (let a = 0; a <= t.length; a++) {
    const o = v.toOriginal(a);
    assert.ok(Number.isInteger(o) && o >= 0 && o <= original.length, `toOriginal(${a}) = ${o} outside [0, ${original.length}]`);
    assert.ok(o >= prev, `toOriginal is not monotonic at ${a}: ${o} < ${prev}`);
    prev = o;
  }
  const bs = boundaries(t);
  for (const a of bs) {
    assert.equal(v.toNfc(v.toOriginal(a)), a, `toNfc(toOriginal(${a})) round trip`);
  }
  // every pair of boundaries (all of them for short texts, a sample for long ones)
  const step = Math.max(1, Math.floor(bs.length / 25));
  for (let i = 0; i < bs.length; i += step) {
    for (let j = i; j < bs.length; j += step) {
      const a = bs[i];
      const b = bs[j];
      const back = original.slice(v.toOriginal(a), v.toOriginal(b)).normalize('NFC');
      assert.equal(back, t.slice(a, b), `slice [${a}, ${b}) does not map back`);
    }
  }
  // lines: the same count in both texts; positions round-trip outside CRLF pairs
  assert.equal(v.lineCount, computeLineStarts(original).length);
  for (let o = 0; o <= original.length; o++) {
    if (o > 0 && original.charCodeAt(o - 1) === 13 && original.charCodeAt(o) === 10) continue;
    const pos = v.positionAt(o);
    assert.equal(v.offsetAt(pos), o, `offsetAt(positionAt(${o}))`);
  }
  for (let i = 0; i < v.lineCount; i++) {
    const { start, text } = v.nfcLine(i);
    assert.ok(!/[\r\n]/.test(text), 'nfcLine has no line break');
    assert.equal(v.nfcLineOf(start), i);
  }
}


// ---------------------------------------------------------------------------------------------------------

/** Invariant checks by target name, for the regression replays (inputs as stored in the JSON files). */
export const CHECKS: Record<string, (input: unknown) => void> = {
  TextView: (input) => checkTextView(input as string),
};
