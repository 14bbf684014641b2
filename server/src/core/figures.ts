/**
 * Figure extraction: every number of a draft as Vietnamese drafts write it, with its unit, bound, estimate
 * marker, range or pair, and its role.
 *
 *   "ước đạt trên 11.000 USD"  → quantity 11000 USD, bound above, estimate
 *   "tăng 3-3,5%"              → quantity 3..3.5 %, change increase
 *   "490 nghìn tỷ đồng"        → quantity 490000 tỷ đồng (factor 1000)
 *   "gấp 1,7 lần"              → multiplier;  "5/7 huyện" → fraction;  "3 khâu đột phá" → count
 *
 * Skipped entirely: dates ("22/12/2024"), document numbers ("57-NQ/TW", "QCVN 01-1:2008/BYT"), years, outline
 * markers ("1.1.", "(1)"), ordinals ("thứ 4", "bão số 3"), names ("COVID-19", "Khu 1", "Quốc lộ 4B"), slogans
 * in quotes ("“3 giảm”").
 *
 * One pass over the digit runs; each number looks at a bounded window around it (a few words before, the unit
 * after). No regex on user text. Pure: no Node built-ins.
 */
import type { Bound, Figure, FigureRole, NumberStyle } from './types';
import { parseVnNumber, type ParsedNumber } from './numformat';
import { cleanFloat, isDigitCode, isLetterCode, isSpaceCode, matchUnitAt, type UnitMatch } from './units';
import { nextWord, prevWords, spanAfter, yearAt, type WordAt } from './periods';
import { CASE_UPPER, caseOf } from './text';

// ---------------------------------------------------------------------------------------------------------
// Vocabulary

/** a word right before a number that makes the number a name, an ordinal or a reference, not a figure */
const SKIP_AFTER_WORD = new Set([
  'số', 'thứ', 'khóa', 'khoá', 'quý', 'tháng', 'ngày', 'điều', 'khoản', 'chương', 'mục', 'phần', 'tiết', 'trang',
  'bảng', 'hình', 'lục', 'đợt', 'lộ', 'khu', 'tổ', 'phường', 'thôn', 'xóm', 'ấp', 'lô', 'tuyến', 'covid', 'án',
  'ương', 'lần', 'kỳ', 'mã', 'phiên', 'cấp',
]);
/** a word right before a number that starts a code: skip the whole code */
const CODE_AFTER_WORD = new Set(['số', 'qcvn', 'tcvn', 'iso', 'mã']);

/** words right after a number that are not the counted noun */
const NOT_A_NOUN = new Set([
  'và', 'của', 'là', 'với', 'trong', 'trên', 'dưới', 'so', 'từ', 'đến', 'có', 'được', 'cho', 'đạt', 'tăng', 'giảm',
  'lên', 'xuống', 'còn', 'ước', 'khoảng', 'hơn', 'thì', 'mà', 'tại', 'theo', 'về', 'vào', 'ra', 'đã', 'sẽ', 'đang',
  'cùng', 'nhưng', 'hoặc', 'hay', 'bằng', 'gấp', 'nên', 'do', 'vì', 'để', 'này', 'đó', 'các', 'những', 'mỗi', 'một',
  'trở', 'đứng', 'thuộc', 'chiếm', 'dẫn', 'sau', 'trước', 'qua', 'nay', 'khi', 'như', 'đều', 'cũng', 'không',
  'chưa', 'rồi', 'tới', 'giữa', 'ngoài', 'bên', 'cao', 'thấp', 'ở', 'tính', 'đối', 'nhằm', 'thành', 'bị', 'phải',
  'gần', 'trở', 'lại', 'nữa', 'rưỡi',
]);

/** counted nouns of one word: the word after them is not part of the noun ("2 cấp [bảo đảm]") */
const ONE_WORD_NOUNS = new Set([
  'năm', 'tháng', 'ngày', 'tuần', 'giờ', 'cấp', 'tỉnh', 'huyện', 'xã', 'thôn', 'khu', 'việc', 'buổi', 'hộ', 'cặp',
  'khâu', 'nhóm', 'loại', 'vùng', 'ngành', 'mặt', 'điểm', 'vụ', 'đợt', 'kỳ', 'tầng', 'cầu', 'tuyến', 'bước',
]);

const BOUND_1 = new Map<string, Bound>([
  ['trên', 'above'],
  ['hơn', 'above'],
  ['vượt', 'above'],
  ['dưới', 'below'],
  ['khoảng', 'approx'],
  ['gần', 'approx'],
  ['chừng', 'approx'],
]);
/** two-word bounds, keyed "first second" */
const BOUND_2 = new Map<string, Bound>([
  ['tối thiểu', 'above'],
  ['ít nhất', 'above'],
  ['không dưới', 'above'],
  ['vượt quá', 'above'],
  ['không quá', 'below'],
  ['tối đa', 'below'],
  ['chưa đến', 'below'],
  ['chưa tới', 'below'],
  ['xấp xỉ', 'approx'],
  ['trên dưới', 'approx'],
]);
/** "cao hơn 5%" compares, it does not bound */
const NOT_BEFORE_HON = new Set(['cao', 'thấp', 'nhiều', 'ít', 'lớn', 'nhỏ', 'nhanh', 'chậm']);
const VERBS = new Set(['đạt', 'tăng', 'giảm', 'lên', 'xuống', 'còn', 'là', 'thêm', 'mức', 'chiếm']);

// ---------------------------------------------------------------------------------------------------------
// Low-level scanning

function isSep(c: number): boolean {
  return c === 46 || c === 44; // . ,
}

/** a number token: digits with single '.'/',' separators between digits (sticky: matched at a position) */
const NUMBER_TOKEN = /[0-9]+(?:[.,][0-9]+)*/y;

/** end of a number token at i ("1.234,5", "2.1.1"); i when no digit is at i */
function numberTokenEnd(s: string, i: number): number {
  NUMBER_TOKEN.lastIndex = i;
  return NUMBER_TOKEN.test(s) ? NUMBER_TOKEN.lastIndex : i;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13 || Number.isNaN(c);
}

/** a run up to the next space or line break (isSpaceCode, isBreak); sticky */
const TO_SPACE = /[^ \t\u00a0\u202f\n\r]*/y;

/** skips a code or name glued to the number ("57-NQ/TW", "01-1:2008/BYT", "COVID-19"): to the next space */
function skipRun(s: string, i: number): number {
  TO_SPACE.lastIndex = i;
  TO_SPACE.test(s); // always matches (maybe empty)
  // keep trailing punctuation out of nothing: the caller only needs the resume position
  return Math.max(TO_SPACE.lastIndex, i + 1);
}

/** true when only spaces, '(' and "[bookmark: …]" leftovers separate offset a from the start of its line */
function atLineStart(s: string, a: number): boolean {
  let j = a - 1;
  let guard = 0;
  while (j >= 0 && guard++ < 400) {
    const c = s.charCodeAt(j);
    if (c === 10 || c === 13) return true;
    if (isSpaceCode(c) || c === 40 /* ( */) {
      j--;
      continue;
    }
    if (c === 93 /* ] */) {
      // a [bookmark: …] leftover (looked for within 120 characters only)
      let open = j - 1;
      while (open >= 0 && j - open <= 120 && s.charCodeAt(open) !== 91 /* [ */ && !isBreak(s.charCodeAt(open))) open--;
      if (open < 0 || s.charCodeAt(open) !== 91 || !s.startsWith('[bookmark', open)) return false;
      j = open - 1;
      continue;
    }
    return false;
  }
  return j < 0;
}

function isOutlineNumber(raw: string): boolean {
  // 1 or 2 digits per level: "1", "1.1", "2.1.1", "10"
  let digits = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (isDigitCode(c)) {
      if (++digits > 2) return false;
    } else if (c === 46 && digits > 0) digits = 0;
    else return false;
  }
  return digits > 0;
}

const OPEN_QUOTES = new Set([0x201c, 0x22, 0xab, 0x2018]); // “ " « ‘
const CLOSE_QUOTES = new Set([0x201d, 0x22, 0xbb, 0x2019]); // ” " » ’

/** the word before a number is a capitalized name word in the middle of a sentence ("cầu Bắc Luân 3") */
function capitalizedName(s: string, w: WordAt | undefined): boolean {
  if (!w) return false;
  if (!(caseOf(s[w.start]) & CASE_UPPER)) return false;
  const word = s.slice(w.start, w.end);
  if (word === word.toUpperCase()) return false; // ALL CAPS heading or acronym
  // sentence-initial? look at what precedes the word
  let j = w.start - 1;
  while (j >= 0 && isSpaceCode(s.charCodeAt(j))) j--;
  if (j < 0) return false;
  const p = s.charCodeAt(j);
  if (p === 46 || p === 58 || p === 59 || p === 40 || p === 41 || p === 10 || p === 13 || p === 93 || p === 33 || p === 63 || OPEN_QUOTES.has(p)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Prefix: bound, verb, estimate marker

interface Prefix {
  bound: Bound;
  boundStart: number;
  estimate: boolean;
  change?: 'increase' | 'decrease';
  /** "gấp", "bằng" (a multiplier) or "tăng"/"giảm" somewhere in the prefix */
  multiplierCue: boolean;
}

/** how many words before a number the prefix may look at */
const PREFIX_WORDS = 6;

/**
 * The words before a number, nearest first, read backwards only as far as they are asked for: most numbers are
 * skipped after a look at the first word, and most prefixes stop after two or three. (Exported for its test.)
 */
export class WordsBefore {
  private readonly words: WordAt[] = [];
  private exhausted = false;

  constructor(
    private readonly s: string,
    private readonly pos: number,
  ) {}

  /** the i-th word before the number (as `prevWords(s, pos, PREFIX_WORDS)[i]`) */
  at(i: number): WordAt | undefined {
    const w = this.words;
    while (w.length <= i && !this.exhausted && w.length < PREFIX_WORDS) {
      // prevWords steps word by word, so one more word before the last one read continues its walk exactly
      const next = prevWords(this.s, w.length === 0 ? this.pos : w[w.length - 1].start, 1)[0];
      if (next) w.push(next);
      else this.exhausted = true;
    }
    return w[i];
  }
}

function readPrefix(w: WordsBefore): Prefix {
  const out: Prefix = { bound: 'exact', boundStart: -1, estimate: false, multiplierCue: false };
  let k = 0;
  const at = (i: number): string | undefined => w.at(i)?.lower;
  // bound
  if (at(0) === 'quá' && at(1) === 'vượt' && at(2) === 'không') {
    out.bound = 'below';
    out.boundStart = w.at(2)!.start;
    k = 3;
  } else if (at(1) !== undefined && BOUND_2.has(`${at(1)} ${at(0)}`)) {
    out.bound = BOUND_2.get(`${at(1)} ${at(0)}`)!;
    out.boundStart = w.at(1)!.start;
    k = 2;
  } else if (at(0) !== undefined && BOUND_1.has(at(0)!)) {
    if (!(at(0) === 'hơn' && at(1) !== undefined && NOT_BEFORE_HON.has(at(1)!))) {
      out.bound = BOUND_1.get(at(0)!)!;
      out.boundStart = w.at(0)!.start;
      k = 1;
    }
  }
  // "ở mức", verbs
  const v = at(k);
  if (v === 'tăng' || v === 'giảm') out.change = v === 'tăng' ? 'increase' : 'decrease';
  if (v === 'thêm' && at(k + 1) === 'tăng') out.change = 'increase';
  if (v === 'gấp' || v === 'bằng' || (v === 'gấp' && at(k + 1) === 'cao')) out.multiplierCue = true;
  if (v === 'tăng' || v === 'giảm') out.multiplierCue = true;
  if (v !== undefined && VERBS.has(v)) {
    k++;
    if (v === 'thêm' && at(k) === 'tăng') k++;
    if (v === 'mức' && at(k) === 'ở') k++;
  }
  // estimate marker
  const e = at(k);
  if (e === 'ước') out.estimate = true;
  else if (e === 'tính' && at(k + 1) === 'ước') out.estimate = true;
  else if (e === 'kiến' && at(k + 1) === 'dự') out.estimate = true;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The scanner

interface NumTok {
  start: number;
  end: number;
  raw: string;
  parsed: ParsedNumber;
}

/** the number token [i, e) (e from numberTokenEnd, > i), parsed; null when it is no number ("1.2.3") */
function readNum(s: string, i: number, e: number): NumTok | null {
  const raw = s.slice(i, e);
  const parsed = parseVnNumber(raw);
  return parsed ? { start: i, end: e, raw, parsed } : null;
}

function hasThousands(raw: string, style: NumberStyle): boolean {
  return style.thousands !== '' && style.thousands !== ' ' && raw.includes(style.thousands);
}

function mergeStyle(a: NumTok, b: NumTok | null): NumberStyle {
  if (!b) return a.parsed.style;
  const decimal = a.parsed.decimals > 0 ? a.parsed.style.decimal : b.parsed.decimals > 0 ? b.parsed.style.decimal : a.parsed.style.decimal;
  const thousands = hasThousands(a.raw, a.parsed.style)
    ? a.parsed.style.thousands
    : hasThousands(b.raw, b.parsed.style)
      ? b.parsed.style.thousands
      : a.parsed.style.thousands;
  return { decimal, thousands };
}

/** the unit right after offset u: glued ("825Km", "10%") or after one space ("11.000 USD") */
function unitAfter(s: string, u: number): UnitMatch | null {
  const c = s.charCodeAt(u);
  if (c === 37 || isLetterCode(c)) return matchUnitAt(s, u);
  if (isSpaceCode(c)) {
    const c2 = s.charCodeAt(u + 1);
    if (c2 === 37 || isLetterCode(c2)) return matchUnitAt(s, u + 1);
  }
  return null;
}

/** the counted noun after an integer ("03 chương trình", "3 khâu đột phá"): [end, text] */
function countNoun(s: string, u: number): [number, string] | null {
  const w1 = nextWord(s, u);
  if (!w1) return null;
  const word = s.slice(w1.start, w1.end);
  const lowerOrCaps = word === w1.lower || word === word.toUpperCase();
  if (!lowerOrCaps || NOT_A_NOUN.has(w1.lower)) return null;
  if (w1.lower === 'năm' && isSpaceCode(s.charCodeAt(w1.end)) && isDigitCode(s.charCodeAt(w1.end + 1))) {
    // "6,09 năm 2020": a year follows, the number is no count of years; "5 năm 2021 - 2025" is one
    let e = w1.end + 1;
    while (isDigitCode(s.charCodeAt(e))) e++;
    const y = yearAt(s, w1.end + 1, e);
    if (!y || !spanAfter(s, e, y)) return null;
  }
  let end = w1.end;
  const w2 = nextWord(s, w1.end);
  if (w2 && !ONE_WORD_NOUNS.has(w1.lower)) {
    const word2 = s.slice(w2.start, w2.end);
    if ((word2 === w2.lower || word2 === word2.toUpperCase()) && !NOT_A_NOUN.has(w2.lower)) end = w2.end;
  }
  return [end, s.slice(w1.start, end)];
}

interface Step {
  figure?: Figure;
  next: number;
}

function skip(next: number): Step {
  return { next };
}

function scanAt(s: string, a: number): Step {
  const tokEnd = numberTokenEnd(s, a);
  const p = a > 0 ? s.charCodeAt(a - 1) : NaN;
  const pp = a > 1 ? s.charCodeAt(a - 2) : NaN;

  // glued to a name or code on the left: "_Hlk123", "H5N1", "COVID-19", "NQ/19"
  if (isLetterCode(p) || p === 95) return skip(skipRun(s, a));
  if ((p === 45 || p === 0x2013 || p === 47) && (isLetterCode(pp) || isDigitCode(pp))) return skip(skipRun(s, a));
  if (isSep(p) && isDigitCode(pp)) return skip(skipRun(s, a));

  // codes on the right: "57-NQ/TW", "01-1:2008/BYT", "2008/BYT", "10:30"
  const n0 = s.charCodeAt(tokEnd);
  const n1 = s.charCodeAt(tokEnd + 1);
  if ((n0 === 45 || n0 === 47) && isLetterCode(n1)) return skip(skipRun(s, a));
  if (n0 === 58 && isDigitCode(n1)) return skip(skipRun(s, a));
  if (n0 === 45 && isDigitCode(n1)) {
    // "01-1:2008", "30-4-2025": a hyphenated code or date
    const e2 = numberTokenEnd(s, tokEnd + 1);
    const c2 = s.charCodeAt(e2);
    if (c2 === 58 || c2 === 47 || ((c2 === 45 || c2 === 46) && isDigitCode(s.charCodeAt(e2 + 1))) || (c2 === 45 && isLetterCode(s.charCodeAt(e2 + 1)))) {
      return skip(skipRun(s, a));
    }
  }

  const words = new WordsBefore(s, a);
  const w0 = words.at(0)?.lower;
  if (!isSpaceCode(n0) && !isBreak(n0) && w0 !== undefined && CODE_AFTER_WORD.has(w0)) return skip(skipRun(s, a));

  const lo = readNum(s, a, tokEnd);

  // dates: d/m/yyyy, m/yyyy
  let slash: NumTok | null = null;
  if (n0 === 47 && isDigitCode(n1)) {
    const e2 = numberTokenEnd(s, tokEnd + 1);
    slash = readNum(s, tokEnd + 1, e2);
    const c2 = s.charCodeAt(e2);
    if (c2 === 47 || c2 === 45 || c2 === 46 && isDigitCode(s.charCodeAt(e2 + 1))) return skip(skipRun(s, a)); // third part
    if (!slash || !lo) return skip(e2);
    if (yearAt(s, tokEnd + 1, e2, false) && lo.parsed.value >= 1 && lo.parsed.value <= 12 && lo.parsed.decimals === 0) {
      return skip(e2); // tháng 5/2025
    }
    if (w0 === 'ngày') return skip(e2);
  }

  if (!lo) return skip(Math.max(tokEnd, a + 1)); // "2.1.1", "1.2.3"

  // enumerations and outline markers: "(1)", "1.", "1.1.", "4.1 " at line start
  if (p === 40 && n0 === 41 && lo.raw.length <= 2 && lo.parsed.decimals === 0) return skip(tokEnd + 1);
  if (atLineStart(s, a) && isOutlineNumber(lo.raw)) {
    if (n0 === 46 || n0 === 41) return skip(tokEnd + 1);
    if (isSpaceCode(n0) && lo.raw.includes('.')) return skip(tokEnd);
  }

  // periods: "2021 - 2025", "2016-2020"
  const y = lo.raw.length === 4 ? yearAt(s, a, tokEnd) : 0;
  if (y) {
    const span = spanAfter(s, tokEnd, y);
    if (span) return skip(span[0]);
    if (w0 === 'năm' || w0 === 'đến' || w0 === 'hết' || w0 === 'từ' || w0 === 'đoạn' || w0 === 'học') return skip(tokEnd);
  }

  // slogans in quotes: "“3 giảm”", "“chi bộ 35”"
  const quoted = OPEN_QUOTES.has(p) || CLOSE_QUOTES.has(n0);

  // ---- the number part: single, range or pair
  let hi: NumTok | null = null;
  let numEnd = tokEnd;
  let rangeUnitGlued = false;
  if (slash) {
    numEnd = slash.end;
  } else {
    // range "3-3,5", "40 - 45", "3%-5%"
    let j = tokEnd;
    if (s.charCodeAt(j) === 37 && (s.charCodeAt(j + 1) === 45 || s.charCodeAt(j + 1) === 0x2013)) {
      j++;
      rangeUnitGlued = true;
    }
    let sp1 = 0;
    while (isSpaceCode(s.charCodeAt(j)) && sp1 < 2) {
      j++;
      sp1++;
    }
    const h = s.charCodeAt(j);
    if ((h === 45 || h === 0x2013) && !(rangeUnitGlued && sp1 > 0)) {
      let k = j + 1;
      let sp2 = 0;
      while (isSpaceCode(s.charCodeAt(k)) && sp2 < 2) {
        k++;
        sp2++;
      }
      if (isDigitCode(s.charCodeAt(k)) && (sp1 === 0) === (sp2 === 0)) {
        const ce = numberTokenEnd(s, k);
        const cand = readNum(s, k, ce);
        const after = s.charCodeAt(ce);
        const codeAfter = ((after === 45 || after === 47 || after === 58) && (isLetterCode(s.charCodeAt(ce + 1)) || isDigitCode(s.charCodeAt(ce + 1))));
        if (cand && !codeAfter && cand.parsed.value > lo.parsed.value && !(rangeUnitGlued && after !== 37)) {
          hi = cand;
          numEnd = cand.end;
        }
      }
    }
    if (!hi) rangeUnitGlued = false;
  }

  // ---- unit
  const unit = unitAfter(s, numEnd);
  if (!unit && isLetterCode(s.charCodeAt(numEnd))) return skip(skipRun(s, a)); // "4B", "5G": a name

  // ordinals, names, references: "thứ 4", "bão số 3", "Đề án 06", "Trung ương 4", "khóa 15"
  if (w0 !== undefined && SKIP_AFTER_WORD.has(w0) && (!unit || unit.unit === '')) return skip(numEnd);

  // a bare year with no unit ("(2020, 2022)", "2024, 2025 đứng thứ 8")
  if (y && !hi && !slash && !unit) return skip(tokEnd);
  // a dot-decimal with no unit reads as a version or a reference ("4.0", "2.1")
  if (lo.parsed.style.decimal === '.' && lo.parsed.decimals > 0 && !unit) return skip(tokEnd);
  if (quoted && !unit) return skip(numEnd);

  // ---- role
  const prefix = readPrefix(words);
  let role: FigureRole = 'plain';
  let unitName = '';
  let unitText = '';
  let factor = 1;
  let end = numEnd;
  let pair: { lo: number; hi: number } | undefined;

  const integer = lo.parsed.decimals === 0 && (!hi || hi.parsed.decimals === 0);
  if (unit) {
    unitName = unit.unit;
    unitText = unit.written;
    factor = unit.factor;
    end = unit.end;
    if (unit.unit === 'lần') {
      if (prefix.multiplierCue || !integer) role = 'multiplier';
      else {
        role = 'count';
        unitName = '';
      }
    } else if (unit.unit === '') role = 'plain';
    else role = 'quantity';
  }

  if (slash) {
    const num = lo.parsed.value;
    const den = slash.parsed.value;
    const simple = integer && slash.parsed.decimals === 0 && !lo.raw.includes('.') && !slash.raw.includes('.');
    if (!unit || unit.unit === '') {
      if (simple && num <= den) {
        role = 'fraction';
        const noun = countNoun(s, numEnd);
        if (noun) {
          end = noun[0];
          unitText = noun[1];
        }
      } else {
        const noun = countNoun(s, numEnd);
        if (simple && !noun && num <= 31 && den <= 12) return skip(numEnd); // "30/4": a day and month
        if (simple && num > den && !noun) return skip(numEnd);
        role = 'plain';
      }
    }
    pair = { lo: cleanFloat(den * factor), hi: cleanFloat(den * factor) };
    if (role === 'fraction') pair = { lo: den, hi: den };
  } else if (!unit) {
    const noun = integer ? countNoun(s, numEnd) : null;
    if (noun) {
      role = 'count';
      unitText = noun[1];
      end = noun[0];
    }
  }

  // names: "cầu Cửa Lục 2", "Khu 1" — a capitalized word in mid-sentence before a number without a unit
  if ((role === 'plain' || role === 'count') && !slash && capitalizedName(s, words.at(0))) return skip(numEnd);

  // "từ 10% trở lên"
  let bound = prefix.bound;
  if (bound === 'exact' && role === 'quantity') {
    const t1 = nextWord(s, end);
    if (t1 && t1.lower === 'trở') {
      const t2 = nextWord(s, t1.end);
      if (t2 && t2.lower === 'lên') {
        bound = 'above';
        end = t2.end;
      }
    }
  }

  const start = prefix.boundStart >= 0 ? prefix.boundStart : a;
  const loV = cleanFloat(lo.parsed.value * factor);
  const hiV = hi ? cleanFloat(hi.parsed.value * factor) : loV;
  const figure: Figure = {
    start,
    end,
    numStart: a,
    numEnd,
    text: s.slice(start, end),
    role,
    lo: loV,
    hi: hiV,
    unit: unitName,
    unitText,
    bound,
    estimate: prefix.estimate,
    decimals: Math.max(lo.parsed.decimals, hi ? hi.parsed.decimals : 0),
    style: mergeStyle(lo, hi),
  };
  if (pair) figure.pair = pair;
  if (prefix.change) figure.change = prefix.change;
  if (factor !== 1 && (role === 'quantity' || role === 'plain')) figure.factor = factor;
  return { figure, next: Math.max(end, numEnd) };
}

/** an ASCII digit: every figure's number starts with one */
const NEXT_DIGIT = /[0-9]/g;

/** Every figure of an NFC text, sorted by start. */
export function extractFigures(nfcText: string): Figure[] {
  const s = nfcText;
  const out: Figure[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      // jump to the next digit at native speed (test, unlike exec, builds no match array; the digit is one unit)
      NEXT_DIGIT.lastIndex = i;
      if (!NEXT_DIGIT.test(s)) break;
      i = NEXT_DIGIT.lastIndex - 1;
    }
    const step = scanAt(s, i);
    if (step.figure) out.push(step.figure);
    i = Math.max(step.next, i + 1);
  }
  // starts can precede numStart (bound words); numbers are visited in order, so starts are already sorted
  return out;
}

/** Figures that may be compared with indicator values (quantities). */
export function comparableFigures(figures: Figure[]): Figure[] {
  return figures.filter((f) => f.role === 'quantity');
}
