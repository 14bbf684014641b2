/**
 * Small hand-written scanners shared by the cross-check rules (arithmetic/, count/, units/): clause bounds,
 * words around an offset, phrase search with word boundaries, and the interval arithmetic that turns the
 * precision a figure is written with into a tolerance.
 *
 * Everything is linear in the scanned window; no regex runs on user text. Pure: no Node built-ins.
 */
import type { Bound, Figure, PeriodMention } from '../types';
import { isDigitCode, isLetterCode, isSpaceCode } from '../units';
import { lowerSlice } from '../text';

// ---------------------------------------------------------------------------------------------------------
// Characters and words

export function isWordCode(c: number): boolean {
  return isLetterCode(c) || isDigitCode(c) || (c >= 0x300 && c <= 0x36f);
}

/** A clause end at i: ';', ':', '!', '?', a line break, or a '.' that ends a sentence (not "11.000", not "..."). */
export function isClauseEnd(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 10 || c === 13 || c === 59 /* ; */ || c === 58 /* : */ || c === 33 || c === 63) return true;
  if (c === 46 /* . */) {
    if (isDigitCode(s.charCodeAt(i - 1)) && isDigitCode(s.charCodeAt(i + 1))) return false;
    const n = s.charCodeAt(i + 1);
    return Number.isNaN(n) || isSpaceCode(n) || n === 10 || n === 13;
  }
  return false;
}

/** A sentence end at i: a line break or a '.', '!' or '?' followed by a space or the end. */
export function isSentenceEnd(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 10 || c === 13) return true;
  if (c === 46 || c === 33 || c === 63) {
    if (c === 46 && isDigitCode(s.charCodeAt(i - 1)) && isDigitCode(s.charCodeAt(i + 1))) return false;
    const n = s.charCodeAt(i + 1);
    return Number.isNaN(n) || isSpaceCode(n) || n === 10 || n === 13;
  }
  return false;
}

/** Start of the clause containing p (just after the previous clause end), looking back at most `limit`. */
export function clauseStartOf(s: string, p: number, limit = 1500): number {
  const stop = Math.max(0, p - limit);
  for (let i = p - 1; i >= stop; i--) if (isClauseEnd(s, i)) return i + 1;
  return stop;
}

/** Offset of the clause end at or after p (or the end of the window). */
export function clauseEndOf(s: string, p: number, limit = 1500): number {
  const stop = Math.min(s.length, p + limit);
  for (let i = p; i < stop; i++) if (isClauseEnd(s, i)) return i;
  return stop;
}

export function sentenceStartOf(s: string, p: number, limit = 3000): number {
  const stop = Math.max(0, p - limit);
  for (let i = p - 1; i >= stop; i--) if (isSentenceEnd(s, i)) return i + 1;
  return stop;
}

export function sentenceEndOf(s: string, p: number, limit = 3000): number {
  const stop = Math.min(s.length, p + limit);
  for (let i = p; i < stop; i++) if (isSentenceEnd(s, i)) return i;
  return stop;
}

/** Line [start, end) containing p (end excludes the line break). */
export function lineBounds(s: string, p: number): { start: number; end: number } {
  let a = p;
  while (a > 0 && s.charCodeAt(a - 1) !== 10 && s.charCodeAt(a - 1) !== 13) a--;
  let b = p;
  while (b < s.length && s.charCodeAt(b) !== 10 && s.charCodeAt(b) !== 13) b++;
  return { start: a, end: b };
}

export function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

export function skipSpacesBack(s: string, i: number): number {
  while (i > 0 && isSpaceCode(s.charCodeAt(i - 1))) i--;
  return i;
}

export interface Word {
  start: number;
  end: number;
  lower: string;
}

/** The word (letters, marks, digits) starting exactly at i, or null. */
export function wordAt(s: string, i: number): Word | null {
  let j = i;
  while (j < s.length && isWordCode(s.charCodeAt(j))) j++;
  return j > i ? { start: i, end: j, lower: lowerSlice(s, i, j) } : null;
}

/** The word ending exactly at i (exclusive), or null. */
export function wordBefore(s: string, i: number): Word | null {
  let j = i;
  while (j > 0 && isWordCode(s.charCodeAt(j - 1))) j--;
  return j < i ? { start: j, end: i, lower: lowerSlice(s, j, i) } : null;
}

/** Up to `max` words before p separated only by spaces (nearest first). */
export function wordsBefore(s: string, p: number, max: number): Word[] {
  const out: Word[] = [];
  let i = p;
  while (out.length < max) {
    const j = skipSpacesBack(s, i);
    if (out.length > 0 && j === i) break; // words must be separated by spaces
    const w = wordBefore(s, j);
    if (!w) break;
    out.push(w);
    i = w.start;
  }
  return out;
}

/** Up to `max` words after p separated only by spaces (in order). */
export function wordsAfter(s: string, p: number, max: number): Word[] {
  const out: Word[] = [];
  let i = p;
  while (out.length < max) {
    const j = skipSpaces(s, i);
    if (out.length > 0 && j === i) break;
    const w = wordAt(s, j);
    if (!w) break;
    out.push(w);
    i = w.end;
  }
  return out;
}

/** Does the (lower-cased) phrase start at i of `lower`, at word boundaries? */
export function phraseAt(lower: string, i: number, phrase: string): boolean {
  if (!lower.startsWith(phrase, i)) return false;
  return !isWordCode(lower.charCodeAt(i - 1)) && !isWordCode(lower.charCodeAt(i + phrase.length));
}

/**
 * Offset of the first occurrence of a lower-cased phrase in `lower` within [from, to), at word boundaries; -1
 * when none. Searches the window only (an indexOf over the rest of the text per call is quadratic).
 */
export function findPhrase(lower: string, phrase: string, from: number, to: number): number {
  const a = Math.max(0, from);
  const b = Math.min(lower.length, to);
  if (phrase === '' || b - a < phrase.length) return -1;
  const hay = lower.slice(a, b);
  for (let k = hay.indexOf(phrase); k >= 0; k = hay.indexOf(phrase, k + 1)) {
    if (phraseAt(lower, a + k, phrase)) return a + k;
  }
  return -1;
}

/** Offset of the last occurrence of the phrase within [from, to), at word boundaries; -1 when none. */
export function findLastPhrase(lower: string, phrase: string, from: number, to: number): number {
  const a = Math.max(0, from);
  const b = Math.min(lower.length, to);
  if (phrase === '' || b - a < phrase.length) return -1;
  const hay = lower.slice(a, b);
  // (k - 1 never goes below 0: lastIndexOf(phrase, -1) would find offset 0 again and never end)
  for (let k = hay.lastIndexOf(phrase); k >= 0; k = k > 0 ? hay.lastIndexOf(phrase, k - 1) : -1) {
    if (phraseAt(lower, a + k, phrase)) return a + k;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------
// Lower-cased text cache (toLowerCase keeps the length of Vietnamese NFC text; checked)

/** The text lower-cased with the same length (characters whose lower case changes length are kept). */
export { lowerKeepLength as lowerOf } from '../text';

// ---------------------------------------------------------------------------------------------------------
// Intervals from written precision

export interface Interval {
  lo: number;
  hi: number;
}

/** Half a unit of the last written digit, in the figure's canonical unit. */
export function halfUlp(f: Pick<Figure, 'decimals' | 'factor'>): number {
  return 0.5 * 10 ** -Math.max(0, f.decimals) * (f.factor ?? 1);
}

/**
 * The values a figure can stand for given its precision and bound: "45,9%" → [45.85, 45.95]; "trên 50%" →
 * [49.5, +∞); "3-4%" → [2.5, 4.5]. Null for "khoảng" (approximate: anything nearby).
 */
export function figureInterval(f: Pick<Figure, 'lo' | 'hi' | 'decimals' | 'factor' | 'bound'>, scale = 1): Interval | null {
  const h = halfUlp(f) * scale;
  const lo = f.lo * scale;
  const hi = f.hi * scale;
  const eps = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
  switch (f.bound as Bound) {
    case 'exact':
      return { lo: lo - h - eps, hi: hi + h + eps };
    case 'above':
      return { lo: lo - h - eps, hi: Infinity };
    case 'below':
      return { lo: -Infinity, hi: hi + h + eps };
    default:
      return null;
  }
}

export function intersects(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

export function addIntervals(a: Interval, b: Interval): Interval {
  return { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

/** Figures (sorted by start) whose start lies in [from, to). Binary search + walk. */
export function figuresIn(figures: Figure[], from: number, to: number): Figure[] {
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figures[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Figure[] = [];
  for (let i = lo; i < figures.length && figures[i].start < to; i++) out.push(figures[i]);
  return out;
}

/** Period mentions (sorted by start) whose start lies in [from, to). Binary search + walk. */
export function periodsIn(periods: PeriodMention[], from: number, to: number): PeriodMention[] {
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (periods[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: PeriodMention[] = [];
  for (let i = lo; i < periods.length && periods[i].start < to; i++) out.push(periods[i]);
  return out;
}
