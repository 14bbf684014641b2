/**
 * Period expressions in prose: "năm 2025", "2021 - 2025", "giai đoạn 2026-2030", "nhiệm kỳ 2020 - 2025",
 * "(2017 - 2023)", "đến năm 2030" (until), "đến hết 2024", "5 năm" / "cả giai đoạn" (relative to the term),
 * "năm học 2021 - 2022" (a school year, flagged). "hằng năm" and "/năm" are units, not periods.
 *
 * One pass over the digit runs of the text; keywords are read backwards from each year, word by word.
 * Pure: no Node built-ins.
 */
import type { Period, PeriodMention } from './types';
import { isDigitCode, isLetterCode, isSpaceCode, matchUnitAt, wordEnd } from './units';
import { lowerSlice } from './text';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export interface WordAt {
  start: number;
  end: number;
  /** lower-cased */
  lower: string;
}

/**
 * Up to `max` words before `pos` on the same line, nearest first, separated by spaces only (any other
 * character stops the walk). The first word must be separated from `pos` by at least one space.
 */
export function prevWords(s: string, pos: number, max: number): WordAt[] {
  const out: WordAt[] = [];
  let i = pos;
  while (out.length < max) {
    let j = i;
    while (j > 0 && j > i - 3 && isSpaceCode(s.charCodeAt(j - 1))) j--;
    if (j === i || j === 0) break;
    let k = j;
    while (k > 0 && isLetterCode(s.charCodeAt(k - 1))) k--;
    if (k === j) break;
    out.push({ start: k, end: j, lower: lowerSlice(s, k, j) });
    i = k;
  }
  return out;
}

/** The word starting right after `pos` and one space, lower-cased ('' if none). */
export function nextWord(s: string, pos: number): WordAt | null {
  if (!isSpaceCode(s.charCodeAt(pos))) return null;
  const a = pos + 1;
  const b = wordEnd(s, a);
  if (b === a) return null;
  return { start: a, end: b, lower: lowerSlice(s, a, b) };
}

function digitRunEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
  return j;
}

/**
 * A four-digit year in [MIN_YEAR, MAX_YEAR] at [a, b) that is not part of a larger number, a date, a code or a
 * name: returns the year or 0.
 */
export function yearAt(s: string, a: number, b: number, checkBefore = true): number {
  if (b - a !== 4) return 0;
  if (checkBefore && a > 0) {
    const p = s.charCodeAt(a - 1);
    if (isDigitCode(p) || isLetterCode(p) || p === 47 /* / */ || p === 58 /* : */ || p === 95 /* _ */) return 0;
    if ((p === 46 || p === 44) && a > 1 && isDigitCode(s.charCodeAt(a - 2))) return 0; // "1.2025", "3,2025"
    if (p === 45 /* - */ && a > 1 && (isLetterCode(s.charCodeAt(a - 2)) || isDigitCode(s.charCodeAt(a - 2)))) return 0;
  }
  if (b < s.length) {
    const n = s.charCodeAt(b);
    if (isDigitCode(n) || isLetterCode(n) || n === 47 || n === 95) return 0;
    if ((n === 46 || n === 44 || n === 58) && isDigitCode(s.charCodeAt(b + 1))) return 0; // "2025,5" "2008:1"
    if (n === 45 && isLetterCode(s.charCodeAt(b + 1))) return 0; // "2024-NĐ"
  }
  const y = Number(s.slice(a, b));
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : 0;
}

/** "2021 - 2025", "2021-2025", "2021–2025" after a year ending at b: [end, toYear] */
export function spanAfter(s: string, b: number, from: number): [number, number] | null {
  let j = b;
  let sp = 0;
  while (j < s.length && isSpaceCode(s.charCodeAt(j)) && sp < 2) {
    j++;
    sp++;
  }
  const c = s.charCodeAt(j);
  if (c !== 45 && c !== 0x2013) return null;
  j++;
  sp = 0;
  while (j < s.length && isSpaceCode(s.charCodeAt(j)) && sp < 2) {
    j++;
    sp++;
  }
  const e = digitRunEnd(s, j);
  const to = yearAt(s, j, e, false);
  if (!to || to < from || to - from > 100) return null;
  return [e, to];
}

const BARE_YEAR_PREV_BLOCK = new Set(['số', 'thứ', 'khoảng', 'trên', 'dưới', 'gần', 'hơn', 'đạt', 'là', 'gấp', 'bằng']);

export interface YearHit {
  mention: PeriodMention;
  end: number;
}

/** The mention a year at [a, b) starts, or null (exported for the scan test). */
export function yearMention(s: string, a: number, b: number, y: number): YearHit | null {
  let start = a;
  let end = b;
  let period: Period = { from: y, to: y };
  let until = false;
  let school = false;
  let keyword = false;
  const span = spanAfter(s, b, y);
  if (span) {
    end = span[0];
    period = { from: y, to: span[1] };
  }
  const w = prevWords(s, a, 3);
  const w0 = w[0]?.lower;
  const w1 = w[1]?.lower;
  const w2 = w[2]?.lower;
  if (w0 === 'học' && w1 === 'năm') {
    school = true;
    keyword = true;
    start = w[1].start;
  } else if (w0 === 'năm') {
    keyword = true;
    start = w[0].start;
    if (!span) {
      if (w1 === 'hết' && w2 === 'đến') {
        until = true;
        start = w[2].start;
      } else if (w1 === 'đến') {
        until = true;
        start = w[1].start;
      }
    }
  } else if ((w0 === 'đoạn' && w1 === 'giai') || (w0 === 'kỳ' && (w1 === 'nhiệm' || w1 === 'thời'))) {
    keyword = true;
    start = w[1].start;
  } else if (!span && w0 === 'hết' && w1 === 'đến') {
    keyword = true;
    until = true;
    start = w[1].start;
  } else if (!span && w0 === 'đến') {
    keyword = true;
    until = true;
    start = w[0].start;
  }
  if (!keyword && !span) {
    // a bare year: not when it is a quantity ("1950 ha", "2000 năm lịch sử") or after a word that makes it one
    if (w0 && BARE_YEAR_PREV_BLOCK.has(w0)) return null;
    if (s.charCodeAt(b) === 37) return null;
    const nw = nextWord(s, b);
    if (nw && nw.lower === 'năm') return null;
    if (isSpaceCode(s.charCodeAt(b))) {
      const u = matchUnitAt(s, b + 1);
      if (u && u.unit && u.unit !== 'lần') return null;
    }
  }
  // "từ năm 2020 đến năm 2025"
  if (!span && !until && (w0 === 'từ' || (w0 === 'năm' && w1 === 'từ'))) {
    const nw = nextWord(s, b);
    if (nw && nw.lower === 'đến') {
      let j = nw.end + 1;
      const nw2 = nextWord(s, nw.end);
      if (nw2 && nw2.lower === 'năm') j = nw2.end + 1;
      if (isSpaceCode(s.charCodeAt(j - 1))) {
        const e = digitRunEnd(s, j);
        const to = yearAt(s, j, e);
        if (to && to > y && to - y <= 100) {
          period = { from: y, to };
          end = e;
          start = w0 === 'từ' ? w[0].start : w[1].start;
        }
      }
    }
  }
  const mention: PeriodMention = { start, end, period, text: s.slice(start, end) };
  if (until) mention.until = true;
  if (school) mention.schoolYear = true;
  return { mention, end };
}

/** "5 năm" / "05 năm" starting at digit run [a, b): a relative term mention, or null (exported for the scan test) */
export function termYears(s: string, a: number, b: number): PeriodMention | null {
  const t = s.slice(a, b);
  if (t !== '5' && t !== '05') return null;
  if (a > 0) {
    const p = s.charCodeAt(a - 1);
    if (isDigitCode(p) || isLetterCode(p) || p === 46 || p === 44 || p === 47 || p === 45) return null;
  }
  const nw = nextWord(s, b);
  if (!nw || nw.lower !== 'năm') return null;
  const after = nextWord(s, nw.end);
  if (after && (after.lower === 'liên' || after.lower === 'học' || after.lower === 'tới' || after.lower === 'trước')) return null;
  // followed by an explicit period: that one says it
  if (isSpaceCode(s.charCodeAt(nw.end))) {
    const e = digitRunEnd(s, nw.end + 1);
    if (yearAt(s, nw.end + 1, e)) return null;
  }
  return { start: a, end: nw.end, period: null, relative: 'term', text: s.slice(a, nw.end) };
}

/** "cả giai đoạn", "cả nhiệm kỳ" at a position (any case, as /iu reads it) */
const WHOLE_TERM_AT = /cả (?:giai đoạn|nhiệm kỳ)/iuy;
/**
 * Every "ả " and "Ả ": the second letter of a whole-term phrase and its space. A literal is searched at native
 * speed (a case-insensitive pattern steps through each character); the phrase is then matched where one is.
 */
const WHOLE_TERM_LOWER = /ả /g;
const WHOLE_TERM_UPPER = /Ả /g;

/** "cả giai đoạn", "cả nhiệm kỳ" (not followed by explicit years) */
function wholeTerm(s: string, out: PeriodMention[]): void {
  wholeTermFrom(s, WHOLE_TERM_LOWER, out);
  wholeTermFrom(s, WHOLE_TERM_UPPER, out);
}

function wholeTermFrom(s: string, anchor: RegExp, out: PeriodMention[]): void {
  anchor.lastIndex = 0;
  while (anchor.test(s)) {
    // the phrase starts one character before the anchor ("c" or "C"); no phrase holds another "ả "
    const a = anchor.lastIndex - 3;
    if (a < 0) continue;
    WHOLE_TERM_AT.lastIndex = a;
    const m = WHOLE_TERM_AT.exec(s);
    if (m === null) continue;
    const b = a + m[0].length;
    if (a > 0 && isLetterCode(s.charCodeAt(a - 1))) continue;
    if (b < s.length && isLetterCode(s.charCodeAt(b))) continue;
    if (isSpaceCode(s.charCodeAt(b))) {
      const e = digitRunEnd(s, b + 1);
      if (yearAt(s, b + 1, e)) continue;
    }
    out.push({ start: a, end: b, period: null, relative: 'term', text: m[0] });
  }
}

/**
 * The digit runs that can start a mention: a year has four digits (yearAt) and a term is "5" or "05" followed by
 * a space and "năm" (termYears); no other run starts one. Each search starts with a fixed-width pattern or a
 * literal, which the regex engine skips through several characters at a time (a pattern that starts with a
 * lookbehind, or with a class of any width, is tried at every character: 3× the instructions on a draft). A match
 * in a longer run of digits is no candidate: yearAt and termYears check the whole run.
 */
// (written out: V8 skips ahead on four single classes, not on [0-9]{4})
const FOUR_DIGITS = /[0-9][0-9][0-9][0-9]/g;
const FIVE_YEARS = /5[ \t\u00a0\u202f][nN][ăĂ][mM]/g;

/** Every period mention of an NFC text, sorted by start. */
export function extractPeriods(nfcText: string): PeriodMention[] {
  const s = nfcText;
  const out: PeriodMention[] = [];
  const runs = FOUR_DIGITS;
  runs.lastIndex = 0;
  while (runs.test(s)) {
    const b = runs.lastIndex;
    const i = b - 4;
    // yearAt takes only a whole run of four digits (no digit before or after)
    const y = yearAt(s, i, b);
    if (y) {
      const hit = yearMention(s, i, b, y);
      // a mention ends where a digit run ends ("2021 - 2025"): the search goes on after it
      if (hit) {
        out.push(hit.mention);
        runs.lastIndex = hit.end;
      }
    }
  }
  // "5 năm", "05 năm": no year mention holds one, so a search of their own finds the same ones
  const terms = FIVE_YEARS;
  terms.lastIndex = 0;
  while (terms.test(s)) {
    const five = terms.lastIndex - 5;
    let i = five;
    if (i > 0 && s.charCodeAt(i - 1) === 48 /* 0 */) i--;
    // termYears takes only a whole run "5" or "05" (no digit before: "15 năm", "105 năm")
    const t = termYears(s, i, five + 1);
    if (t) out.push(t);
  }
  wholeTerm(s, out);
  out.sort((x, y2) => x.start - y2.start || x.end - y2.end);
  return out;
}

/** "2021-2025", "2021 - 2025", "2021–2025", "2025" → Period; null otherwise. */
export function parsePeriod(text: string): Period | null {
  const s = text.trim();
  const b = digitRunEnd(s, 0);
  const from = yearAt(s, 0, b);
  if (!from) return null;
  if (b === s.length) return { from, to: from };
  const span = spanAfter(s, b, from);
  if (!span || span[0] !== s.length) return null;
  return { from, to: span[1] };
}

export function formatPeriod(p: Period): string {
  return p.from === p.to ? String(p.from) : `${p.from}-${p.to}`;
}

export function samePeriod(a: Period | null | undefined, b: Period | null | undefined): boolean {
  if (!a || !b) return false;
  return a.from === b.from && a.to === b.to;
}

/** true when period a lies inside period b */
export function periodWithin(a: Period, b: Period): boolean {
  return a.from >= b.from && a.to <= b.to;
}
