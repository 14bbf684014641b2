/**
 * Stated counts and the items that follow them (count/enumeration):
 *
 *   "3 khâu đột phá: Một là, … Hai là, … Ba là, …"          ordinal markers (Một là / Thứ nhất …)
 *   "“5 rõ” (rõ người, rõ việc, rõ tiến độ, …)"              a parenthesis right after the counted noun
 *   "4 phương châm “không thể”, “không dám”, …"             quoted items
 *   "hai nhiệm vụ: vừa phải …; vừa phải …"                   a colon then items separated by ';'
 *   "03/19 chỉ tiêu chưa đạt là A, B và C"                   "là"/"gồm" then "A, B và C" (a prose list)
 *   "06 năm dẫn đầu (2017 - 2020 và 2022 - 2023)"            years: ranges are counted year by year
 *
 * Only clearly delimited lists are read. Lists whose items may contain commas (prose, plain parentheses,
 * semicolon clauses) are only `strict` — their item count exact — when every item starts with the same word or
 * is quoted; otherwise only a list shorter than the count is reportable. Open lists ("…", "v.v.") are skipped.
 *
 * Hand-written, linear scanners; the regexes on user text are fixed, linear searches (COUNT_STARTS, STOP_CANDIDATE)
 * that jump to where a count or the end of a list can be. Pure: no Node built-ins.
 */
import { isDigitCode, isSpaceCode } from '../units';
import { lowerSlice } from '../text';
import { isSentenceEnd, isWordCode } from './scan';

export type EnumerationKind = 'ordinal' | 'paren' | 'quoted' | 'semicolon' | 'prose' | 'years';

export interface Enumeration {
  /** the stated count and where it is written (the number or number word) */
  count: number;
  countStart: number;
  countEnd: number;
  /** the counted noun phrase ("khâu đột phá") and its end */
  noun: string;
  nounEnd: number;
  kind: EnumerationKind;
  /** the items found (for years: each year or range) */
  items: { start: number; end: number }[];
  /** what the items add up to (years for 'years') */
  counted: number;
  /** true when the item count is exact (a longer list is a mismatch too) */
  strict: boolean;
}

const NUMBER_WORDS = new Map<string, number>([
  ['hai', 2],
  ['ba', 3],
  ['bốn', 4],
  ['sáu', 6],
  ['bảy', 7],
  ['tám', 8],
  ['chín', 9],
  ['mười', 10],
]);

/** words that cannot start a counted noun phrase */
const NOT_NOUN = new Set([
  'là', 'và', 'của', 'với', 'trong', 'trên', 'dưới', 'so', 'từ', 'đến', 'có', 'được', 'cho', 'đạt', 'tăng', 'giảm',
  'lên', 'xuống', 'còn', 'ước', 'khoảng', 'hơn', 'thì', 'mà', 'tại', 'theo', 'về', 'vào', 'ra', 'đã', 'sẽ', 'đang',
  'cùng', 'hoặc', 'hay', 'bằng', 'gấp', 'để', 'này', 'đó', 'các', 'những', 'mỗi', 'một', 'lần', 'gồm', 'bao', 'như',
  'nhất', 'tư',
]);

const ORDINAL_LA = ['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
const ORDINAL_THU = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

const MAX_NOUN_WORDS = 10;

function isLetterish(c: number): boolean {
  return isWordCode(c) && !isDigitCode(c);
}

function wordEndAt(s: string, i: number): number {
  let j = i;
  while (j < s.length && isLetterish(s.charCodeAt(j))) j++;
  return j;
}

function lowerWord(s: string, i: number): { end: number; lower: string } | null {
  const e = wordEndAt(s, i);
  return e > i ? { end: e, lower: lowerSlice(s, i, e) } : null;
}

function skipSp(s: string, i: number): number {
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** where a sentence may end, or a clause at ':' or ';' (sticky search from lastIndex) */
const STOP_CANDIDATE = /[\n\r.!?:;]/g;

/**
 * The first offset in [from, stop) that ends the sentence (isSentenceEnd) or is a ':' (or a ';' when `semicolon`),
 * else `stop`: a native search for the few characters that can, instead of a call per character.
 */
function nextStop(s: string, from: number, stop: number, semicolon: boolean): number {
  for (let e = from; e < stop; e++) {
    STOP_CANDIDATE.lastIndex = e;
    if (!STOP_CANDIDATE.test(s)) return stop;
    e = STOP_CANDIDATE.lastIndex - 1;
    if (e >= stop) return stop;
    const c = s.charCodeAt(e);
    if (c === 58 || (semicolon && c === 59) || isSentenceEnd(s, e)) return e;
  }
  return stop;
}

// ---------------------------------------------------------------------------------------------------------
// Lists

interface ItemList {
  items: { start: number; end: number }[];
  commas: number;
  finalAnd: boolean;
  semicolons: boolean;
  open: boolean;
}

function trimRange(s: string, a: number, b: number): { start: number; end: number } {
  while (a < b && (isSpaceCode(s.charCodeAt(a)) || isLineBreak(s.charCodeAt(a)))) a++;
  while (b > a && (isSpaceCode(s.charCodeAt(b - 1)) || isLineBreak(s.charCodeAt(b - 1)))) b--;
  return { start: a, end: b };
}

function isOpenEnd(s: string, a: number, b: number): boolean {
  const t = s.slice(Math.max(a, b - 6), b).trimEnd().toLowerCase();
  return t.endsWith('…') || t.endsWith('...') || t.endsWith('v.v') || t.endsWith('v.v.') || t.endsWith('vv') || t.endsWith('...)');
}

/**
 * Items of [a, b): separated by ';' when there is one at depth 0, else by ',' with the last " và "/" hoặc "
 * before the last item ("A, B và C"). Quotes and parentheses protect their content.
 */
function splitList(s: string, a: number, b: number): ItemList {
  const semis: number[] = [];
  const commas: number[] = [];
  let lastAnd = -1;
  let lastAndLen = 0;
  let depth = 0;
  let quote = false;
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c === 40) depth++;
    else if (c === 41) depth = Math.max(0, depth - 1);
    else if (c === 0x201c) quote = true;
    else if (c === 0x201d) quote = false;
    else if (depth === 0 && !quote) {
      if (c === 59) semis.push(k);
      else if (c === 44) commas.push(k);
      else if (isSpaceCode(c) && k > a && ((s.charCodeAt(k + 1) | 0x20) === 118 || (s.charCodeAt(k + 1) | 0x20) === 104)) {
        // " và " / " hoặc " (only a word that starts with v/V or h/H is read)
        const w = lowerWord(s, k + 1);
        if (w && (w.lower === 'và' || w.lower === 'hoặc') && isSpaceCode(s.charCodeAt(w.end))) {
          lastAnd = k;
          lastAndLen = w.end + 1 - k;
        }
      }
    }
  }
  const open = isOpenEnd(s, a, b);
  const items: { start: number; end: number }[] = [];
  if (semis.length) {
    let from = a;
    for (const p of semis) {
      items.push(trimRange(s, from, p));
      from = p + 1;
    }
    items.push(trimRange(s, from, b));
    return { items: items.filter((r) => r.end > r.start), commas: commas.length, finalAnd: false, semicolons: true, open };
  }
  // "A, B và C": the last " và " comes before the last item, which may itself hold commas
  const cut = lastAnd >= 0 ? lastAnd : b;
  let from = a;
  let used = 0;
  for (const p of commas) {
    if (p >= cut) break;
    items.push(trimRange(s, from, p));
    from = p + 1;
    used++;
  }
  items.push(trimRange(s, from, cut));
  if (lastAnd >= 0) items.push(trimRange(s, lastAnd + lastAndLen, b));
  return { items: items.filter((r) => r.end > r.start), commas: used, finalAnd: lastAnd >= 0, semicolons: false, open };
}

function firstWordLower(s: string, r: { start: number; end: number }): string {
  let i = r.start;
  while (i < r.end && !isLetterish(s.charCodeAt(i))) i++;
  const w = lowerWord(s, i);
  return w ? w.lower : '';
}

/** Every item starts with the same word ("rõ người, rõ việc", "vừa phải …; vừa phải …"). */
function sharedFirstWord(s: string, items: { start: number; end: number }[], alsoWord?: string): boolean {
  if (items.length < 2) return false;
  const w = firstWordLower(s, items[0]);
  if (!w) return false;
  if (alsoWord !== undefined && alsoWord !== w) return false;
  return items.every((r) => firstWordLower(s, r) === w);
}

function allQuoted(s: string, items: { start: number; end: number }[]): boolean {
  return items.length >= 2 && items.every((r) => s.charCodeAt(r.start) === 0x201c && s.charCodeAt(r.end - 1) === 0x201d);
}

// ---------------------------------------------------------------------------------------------------------
// Years "(2017 - 2020 và 2022 - 2023)"

function readYear(s: string, i: number): { year: number; end: number } | null {
  let j = i;
  while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
  if (j - i !== 4) return null;
  const y = Number(s.slice(i, j));
  return y >= 1900 && y <= 2100 ? { year: y, end: j } : null;
}

/** Years covered by an item: "2020", "năm 2024", "2017 - 2020" (also '-', '–'); null when it is not that. */
function yearsOf(s: string, r: { start: number; end: number }): number | null {
  let i = r.start;
  const w = lowerWord(s, i);
  if (w && w.lower === 'năm') i = skipSp(s, w.end);
  const y1 = readYear(s, i);
  if (!y1) return null;
  let k = skipSp(s, y1.end);
  if (k >= r.end) return 1;
  const c = s.charCodeAt(k);
  if (c !== 45 && c !== 0x2013) return null;
  k = skipSp(s, k + 1);
  const y2 = readYear(s, k);
  if (!y2 || skipSp(s, y2.end) < r.end || y2.year < y1.year) return null;
  return y2.year - y1.year + 1;
}

// ---------------------------------------------------------------------------------------------------------
// Openers

/** A line that starts an outline heading at q ("1.", "2.1.", "(3)", "IV-"): the end of an ordinal list. */
function headingAt(s: string, q: number): boolean {
  const c = s.charCodeAt(q);
  if (isDigitCode(c) || c === 40) {
    let r = c === 40 ? q + 1 : q;
    const first = r;
    while (r < s.length && isDigitCode(s.charCodeAt(r))) r++;
    const d = s.charCodeAt(r);
    return r > first && (d === 46 || d === 41);
  }
  if (c === 73 || c === 86 || c === 88) {
    let r = q;
    while (r < s.length && (s.charCodeAt(r) === 73 || s.charCodeAt(r) === 86 || s.charCodeAt(r) === 88)) r++;
    const d = s.charCodeAt(r);
    return d === 45 || d === 46;
  }
  return false;
}

/** How far an ordinal list may run past its last marker, and in all. */
const ORDINAL_GAP = 3000;
const ORDINAL_SPAN = 8000;

/**
 * Ordinal markers after a colon: "Một là, … Hai là, …" or "Thứ nhất, … Thứ hai, …". The list ends at a heading
 * line, at a new "Một là", or when no marker follows within ORDINAL_GAP characters.
 */
function ordinalRun(s: string, from: number): { start: number; end: number }[] | null {
  const limit = Math.min(s.length, from + ORDINAL_SPAN);
  let first = skipSp(s, from);
  while (first < limit && isLineBreak(s.charCodeAt(first))) first = skipSp(s, first + 1);
  const w = lowerWord(s, first);
  if (!w) return null;
  let style: 'la' | 'thu';
  if (w.lower === 'một') style = 'la';
  else if (w.lower === 'thứ') style = 'thu';
  else return null;
  const markerAt = (p: number, k: number): number => {
    // the k-th marker at p: returns its end or -1
    const a = lowerWord(s, p);
    if (!a) return -1;
    const want1 = style === 'la' ? ORDINAL_LA[k] : 'thứ';
    const want2 = style === 'la' ? 'là' : ORDINAL_THU[k];
    if (a.lower !== want1) return -1;
    const q = skipSp(s, a.end);
    if (q === a.end) return -1;
    const b = lowerWord(s, q);
    if (!b || b.lower !== want2) return -1;
    const after = s.charCodeAt(b.end);
    return after === 44 || after === 58 ? b.end : -1; // "Hai là," / "Thứ hai:"
  };
  const firstEnd = markerAt(first, 0);
  if (firstEnd < 0) return null;
  const markers: number[] = [first];
  const ends: number[] = [firstEnd];
  // later markers start a sentence or clause: after '.', ';', ':' or a line break
  for (let p = first + 1; p < limit && markers.length < ORDINAL_LA.length; p++) {
    if (p - markers[markers.length - 1] > ORDINAL_GAP) break;
    const c = s.charCodeAt(p);
    if (!(c === 46 || c === 59 || c === 58 || isLineBreak(c))) continue;
    if (isLineBreak(c) && headingAt(s, skipSp(s, p + 1))) break; // a new section
    let r = skipSp(s, p + 1);
    while (r < limit && isLineBreak(s.charCodeAt(r))) {
      if (headingAt(s, skipSp(s, r + 1))) return markers.map((m, k) => ({ start: m, end: ends[k] }));
      r = skipSp(s, r + 1);
    }
    if (markerAt(r, 0) >= 0) break; // a new list starts
    const end = markerAt(r, markers.length);
    if (end >= 0) {
      markers.push(r);
      ends.push(end);
    }
  }
  return markers.map((m, k) => ({ start: m, end: ends[k] }));
}

/** Quoted items right after the noun: “a”, “b” và “c” (an item may miss one of its quotes). */
function quotedRun(s: string, from: number): { items: { start: number; end: number }[]; end: number } {
  const items: { start: number; end: number }[] = [];
  let i = from;
  for (;;) {
    const a = i;
    let j = a;
    const opened = s.charCodeAt(a) === 0x201c;
    if (opened) j++;
    let ok = false;
    while (j < s.length && j - a <= 60) {
      const c = s.charCodeAt(j);
      if (c === 0x201d) {
        ok = true;
        break;
      }
      if (c === 0x201c || isLineBreak(c) || c === 44 || c === 59 || c === 46 || c === 40 || c === 41) break;
      j++;
    }
    if (!ok || j === a + (opened ? 1 : 0)) break;
    items.push({ start: a, end: j + 1 });
    i = j + 1;
    // separator: ", " / " và " / ", và " / "; "
    let k = i;
    if (s.charCodeAt(k) === 44 || s.charCodeAt(k) === 59) k++;
    k = skipSp(s, k);
    const w = lowerWord(s, k);
    if (w && (w.lower === 'và' || w.lower === 'hoặc')) k = skipSp(s, w.end);
    if (k === i) break;
    // the next item must start with a quote or a word that ends in a closing quote
    if (s.charCodeAt(k) !== 0x201c && !isLetterish(s.charCodeAt(k))) break;
    i = k;
  }
  return { items, end: i };
}

// ---------------------------------------------------------------------------------------------------------
// Counts

interface CountAt {
  value: number;
  start: number;
  end: number;
  /** the count is inside an opening quote (“5 rõ”) */
  quoted: boolean;
}

function countAt(s: string, i: number): CountAt | null {
  const c = s.charCodeAt(i);
  const prev = s.charCodeAt(i - 1);
  if (isDigitCode(c)) {
    if (isWordCode(prev) || prev === 46 || prev === 44 || prev === 47 || prev === 45 || prev === 58) return null;
    let j = i;
    while (j < s.length && isDigitCode(s.charCodeAt(j))) j++;
    if (j - i > 2) return null;
    const value = Number(s.slice(i, j));
    let end = j;
    const n = s.charCodeAt(j);
    if (n === 47 && isDigitCode(s.charCodeAt(j + 1))) {
      // a fraction "03/19 chỉ tiêu": the numerator counts
      let k = j + 1;
      while (k < s.length && isDigitCode(s.charCodeAt(k))) k++;
      if (s.charCodeAt(k) === 47) return null; // a date
      end = k;
    } else if (!isSpaceCode(n)) return null;
    if (value < 2 || value > 30) return null;
    return { value, start: i, end, quoted: prev === 0x201c };
  }
  if (isLetterish(c) && !isLetterish(prev)) {
    const w = lowerWord(s, i);
    if (!w) return null;
    const v = NUMBER_WORDS.get(w.lower);
    if (v === undefined || !isSpaceCode(s.charCodeAt(w.end))) return null;
    return { value: v, start: i, end: w.end, quoted: prev === 0x201c };
  }
  return null;
}

function scanAt(s: string, cnt: CountAt): Enumeration | null {
  // the counted noun: letter words separated by single spaces
  let p = cnt.end;
  let words = 0;
  let nounEnd = cnt.end;
  let firstNoun = '';
  let opener: 'colon' | 'paren' | 'quote' | 'la' | null = null;
  let openAt = -1;
  while (words < MAX_NOUN_WORDS) {
    if (!isSpaceCode(s.charCodeAt(p))) break;
    const q = p + 1;
    const w = lowerWord(s, q);
    if (!w) {
      if (words > 0 && s.charCodeAt(q) === 40) {
        opener = 'paren';
        openAt = q;
      } else if (words > 0 && s.charCodeAt(q) === 0x201c) {
        opener = 'quote';
        openAt = q;
      }
      break;
    }
    if (words === 0 && NOT_NOUN.has(w.lower)) return null;
    if (words > 0 && (w.lower === 'là' || w.lower === 'gồm')) {
      opener = 'la';
      openAt = w.end;
      break;
    }
    if (words > 0 && w.lower === 'bao') {
      const g = lowerWord(s, skipSp(s, w.end));
      if (g && g.lower === 'gồm') {
        opener = 'la';
        openAt = g.end;
      }
      break;
    }
    if (words === 0) firstNoun = w.lower;
    words++;
    nounEnd = w.end;
    p = w.end;
    const c = s.charCodeAt(p);
    if (c === 58) {
      opener = 'colon';
      openAt = p + 1;
      break;
    }
    if (cnt.quoted && c === 0x201d) {
      // “5 rõ” (…)
      const q2 = skipSp(s, p + 1);
      if (s.charCodeAt(q2) === 40) {
        opener = 'paren';
        openAt = q2;
      }
      break;
    }
  }
  if (!opener || words === 0) return null;
  const noun = s.slice(skipSp(s, cnt.end), nounEnd);
  const base = { count: cnt.value, countStart: cnt.start, countEnd: cnt.end, noun, nounEnd };

  if (opener === 'colon') {
    const ord = ordinalRun(s, openAt);
    if (ord) return { ...base, kind: 'ordinal', items: ord, counted: ord.length, strict: true };
    // a list up to the end of the sentence (a second colon: not a plain list)
    const stop = Math.min(s.length, openAt + 1500);
    const e = nextStop(s, openAt, stop, false);
    if (e < stop && s.charCodeAt(e) === 58) return null;
    const list = splitList(s, openAt, e);
    if (list.open || list.items.length < 2) return null;
    if (list.semicolons) {
      const strict = sharedFirstWord(s, list.items) || allQuoted(s, list.items);
      // "A, B; C": commas and semicolons both separate: the count of items is unclear
      if (!strict && list.commas > 0) return null;
      return { ...base, kind: 'semicolon', items: list.items, counted: list.items.length, strict };
    }
    if (!list.finalAnd || list.commas < 1) return null;
    return { ...base, kind: 'prose', items: list.items, counted: list.items.length, strict: sharedFirstWord(s, list.items) || allQuoted(s, list.items) };
  }
  if (opener === 'paren') {
    let e = openAt + 1;
    const stop = Math.min(s.length, openAt + 400);
    while (e < stop && s.charCodeAt(e) !== 41 && s.charCodeAt(e) !== 40 && !isLineBreak(s.charCodeAt(e))) e++;
    if (s.charCodeAt(e) !== 41) return null;
    let a = skipSp(s, openAt + 1);
    const w = lowerWord(s, a);
    if (w && (w.lower === 'trong' || w.lower === 'như' || w.lower === 'ví' || w.lower === 'tức' || w.lower === 'tương')) return null;
    if (w && w.lower === 'gồm') a = skipSp(s, w.end);
    else if (w && w.lower === 'bao') {
      const g = lowerWord(s, skipSp(s, w.end));
      if (g && g.lower === 'gồm') a = skipSp(s, g.end);
    }
    if (s.charCodeAt(a) === 58) a = skipSp(s, a + 1);
    const list = splitList(s, a, e);
    if (list.open) return null;
    if (firstNoun === 'năm') {
      let years = 0;
      for (const r of list.items) {
        const y = yearsOf(s, r);
        if (y === null) return null;
        years += y;
      }
      return { ...base, kind: 'years', items: list.items, counted: years, strict: true };
    }
    if (list.items.length < 2) return null;
    const strict = sharedFirstWord(s, list.items) || allQuoted(s, list.items);
    if (!strict && list.semicolons && list.commas > 0) return null;
    return { ...base, kind: 'paren', items: list.items, counted: list.items.length, strict };
  }
  if (opener === 'quote') {
    const run = quotedRun(s, openAt);
    if (run.items.length < 2) return null;
    return { ...base, kind: 'quoted', items: run.items, counted: run.items.length, strict: true };
  }
  // "là" / "gồm" / "bao gồm": a prose list to the end of the clause
  const e = nextStop(s, openAt, Math.min(s.length, openAt + 1000), true);
  let a = skipSp(s, openAt);
  if (s.charCodeAt(a) === 58) a = skipSp(s, a + 1);
  const list = splitList(s, a, e);
  if (list.open || list.items.length < 2 || !list.finalAnd || list.commas < 1) return null;
  return { ...base, kind: 'prose', items: list.items, counted: list.items.length, strict: false };
}

/**
 * Candidate starts, in document order, from one native search: one or two digits followed by a space or by '/'
 * and a digit (countAt needs no more: a longer run, or a digit inside a run, it rejects by the unit before), and
 * number words followed by a space (exactly what numberWordAt checks: the first letter in either case).
 * scanEnumerations keeps the words only at a word start (no letter before: ASCII, or from U+00C0 up). A match
 * never covers another candidate start, so the search may go on from its end. No look-behind (it would be tried
 * at every position of the text).
 */
const COUNT_STARTS = new RegExp(
  '[0-9]{1,2}(?:[ \\u00a0\\t\\u202f]|/[0-9])|(?:' +
    [...NUMBER_WORDS.keys()]
      .filter((w) => w.length >= 2 && w.charCodeAt(0) >= 97 && w.charCodeAt(0) <= 122)
      .map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1)}`)
      .join('|') +
    ')[ \\u00a0\\t\\u202f]',
  'g',
);

/**
 * The unit before a number word that keeps it from starting a word: an ASCII letter or anything from U+00C0 up
 * (so also “ and other non-ASCII punctuation: a deliberately coarse test, kept as the pinned behaviour).
 */
function isLetterBefore(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

/** The enumeration whose count starts at i (a candidate start), or null. */
export function enumerationAt(text: string, i: number): Enumeration | null {
  const cnt = countAt(text, i);
  return cnt ? scanAt(text, cnt) : null;
}

/** Every stated count followed by a clearly delimited list, in document order. */
export function scanEnumerations(text: string): Enumeration[] {
  const out: Enumeration[] = [];
  COUNT_STARTS.lastIndex = 0;
  for (let m = COUNT_STARTS.exec(text); m !== null; m = COUNT_STARTS.exec(text)) {
    const i = m.index;
    if (!isDigitCode(text.charCodeAt(i)) && isLetterBefore(text.charCodeAt(i - 1))) continue;
    const e = enumerationAt(text, i);
    if (e) out.push(e);
  }
  return out;
}
