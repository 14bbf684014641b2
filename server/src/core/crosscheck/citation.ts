/**
 * References to resolutions, decisions and other documents in prose:
 *
 *   "Nghị quyết số 17-NQ/TU, ngày 30/10/2023"    party style  N-TYPE/ISSUER
 *   "Nghị định số 15/2023/NĐ-CP ngày 3/4/2023"    state style  N[/YEAR]/TYPE-ISSUER
 *   "Luật số 61/2020/QH14"                          state style  N/YEAR/QHnn
 *
 * `parseCitations(text)` finds every document number (a digit run followed by '-' or '/' segments with at least
 * one upper-case letter segment, not glued to a code such as "QCVN 01-1:2008/BYT"), the document type written
 * before it ("Nghị quyết", "Quyết định", …, optional) and the date written after it ("ngày 30/10/2023",
 * "ngày 30 tháng 10 năm 2023"). Clear malformations of party numbers are recognised ("17-NQTU", "17/NQ-TU",
 * "17-NQ-TU", "17/NQ/TU") with the well-formed number as a suggestion.
 *
 * One native search for the digit runs a number may start with; no other regex on user text. Pure: no Node built-ins.
 */
import { isDigitCode, isLetterCode, isSpaceCode } from '../units';
import { CASE_UPPER, TextMemo, caseOf, lowerSlice } from '../text';

export type DocKind = 'party' | 'state' | 'unknown';

export interface CitedDate {
  day: number;
  month: number;
  year: number;
  /** NFC offsets of the date itself ("30/10/2023"), without "ngày" */
  start: number;
  end: number;
  text: string;
  /** the separator written between the parts ('/', '-', '.' or ' ' for "30 tháng 10 năm 2023") */
  sep: string;
}

export interface Malformation {
  reason: 'missing-slash' | 'state-style' | 'dash-instead-of-slash' | 'slash-instead-of-dash' | 'empty-part';
  /** the well-formed number, when it is certain */
  suggestion: string | null;
}

export interface DocCitation {
  /** NFC offsets of the whole reference: type word (when written) … date (when written) */
  start: number;
  end: number;
  /** the document type as written ("Nghị quyết"), null when none is written */
  type: string | null;
  /** the document number as written ("17-NQ/TU") and where it is */
  number: string;
  numberStart: number;
  numberEnd: number;
  /** the number normalised for comparison: upper case, Đ unified, TƯ = TW, leading zeros dropped */
  key: string;
  kind: DocKind;
  /** the year part of a state-style number ("15/2023/NĐ-CP" → 2023) */
  numberYear?: number;
  malformed?: Malformation;
  date?: CitedDate;
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary

/** Document types (lower case, NFC), longest first where one is a prefix of another. */
const DOC_TYPES = [
  'nghị quyết liên tịch',
  'nghị quyết',
  'quyết định',
  'chỉ thị',
  'kết luận',
  'quy định',
  'hướng dẫn',
  'thông tri',
  'thông báo',
  'nghị định',
  'thông tư liên tịch',
  'thông tư',
  'pháp lệnh',
  'luật',
  'công văn',
  'kế hoạch',
  'chương trình',
  'đề án',
  'quy chế',
  'văn bản',
  'báo cáo',
  'tờ trình',
  'công điện',
];

/** Codes of party document types (the part before '/' in "17-NQ/TU"). */
const PARTY_TYPES = ['NQ', 'QĐ', 'QĐI', 'CT', 'KL', 'HD', 'TT', 'TB', 'KH', 'CTR', 'QC', 'BC', 'ĐA', 'CV', 'TTR', 'NQLT'];
/** Issuers that only party bodies use ("TU" = Tỉnh ủy, "TW" = Trung ương, "HU" = Huyện ủy, "ĐU" = Đảng ủy, "TƯ"). */
const PARTY_ISSUERS = ['TW', 'TƯ', 'TU', 'HU', 'ĐU', 'QU', 'TUQU'];

function upperNorm(s: string): string {
  // Ð (U+00D0, Icelandic eth) is a common look-alike of Đ in converted files
  return s.toUpperCase().split('\u00d0').join('\u0110');
}

function isUpperLetter(c: number): boolean {
  if (!isLetterCode(c)) return false;
  return (caseOf(String.fromCharCode(c)) & CASE_UPPER) !== 0;
}

function isTokenChar(c: number): boolean {
  return isDigitCode(c) || isLetterCode(c) || c === 45 /* - */ || c === 47 /* / */;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers

interface Token {
  start: number;
  end: number;
  text: string;
  /** alternating parts: segments and separators */
  segs: string[];
  seps: string[];
}

/** The document-number token starting at a digit at i (not glued to a code on its left). */
function readToken(s: string, i: number): Token | null {
  const prev = s.charCodeAt(i - 1);
  if (isDigitCode(prev) || isLetterCode(prev) || prev === 45 || prev === 47 || prev === 58 || prev === 46 || prev === 44) return null;
  let j = i;
  while (j < s.length && isTokenChar(s.charCodeAt(j))) j++;
  // a trailing separator is punctuation, not part of the number
  while (j > i && (s.charCodeAt(j - 1) === 45 || s.charCodeAt(j - 1) === 47)) j--;
  const next = s.charCodeAt(j);
  if (next === 58 /* : */ && isDigitCode(s.charCodeAt(j + 1))) return null; // "01-1:2008/BYT"
  if (next === 46 /* . */ && isDigitCode(s.charCodeAt(j + 1))) return null;
  const text = s.slice(i, j);
  const segs: string[] = [];
  const seps: string[] = [];
  let cur = '';
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 45 || c === 47) {
      segs.push(cur);
      seps.push(text[k]);
      cur = '';
    } else cur += text[k];
  }
  segs.push(cur);
  if (segs.length < 2) return null;
  // at least one segment of letters starting with an upper-case letter
  if (!segs.some((g) => g.length > 0 && isUpperLetter(g.charCodeAt(0)))) return null;
  // the number itself: digits only
  if (!segs[0] || !isAllDigits(segs[0])) return null;
  return { start: i, end: j, text, segs, seps };
}

function isAllDigits(s: string): boolean {
  if (!s) return false;
  for (let k = 0; k < s.length; k++) if (!isDigitCode(s.charCodeAt(k))) return false;
  return true;
}

function isLetters(s: string): boolean {
  if (!s) return false;
  for (let k = 0; k < s.length; k++) if (!isLetterCode(s.charCodeAt(k)) && !isDigitCode(s.charCodeAt(k))) return false;
  return isLetterCode(s.charCodeAt(0));
}

function normIssuer(u: string): string {
  return u === 'TƯ' ? 'TW' : u;
}

function stripZeros(d: string): string {
  let k = 0;
  while (k < d.length - 1 && d.charCodeAt(k) === 48) k++;
  return d.slice(k);
}

function partyNumber(n: string, type: string, issuer: string): string {
  return `${n}-${type}/${issuer}`;
}

/** Splits "NQTU" into a party type and a party issuer when it is exactly their concatenation. */
function splitGlued(u: string): [string, string] | null {
  for (const t of PARTY_TYPES) {
    if (!u.startsWith(t)) continue;
    const rest = u.slice(t.length);
    if (PARTY_ISSUERS.includes(rest)) return [t, rest];
  }
  return null;
}

interface Classified {
  kind: DocKind;
  key: string;
  numberYear?: number;
  malformed?: Malformation;
}

function classify(tok: Token, raw: string): Classified {
  const segs = tok.segs.map(upperNorm);
  const { seps } = tok;
  const n = stripZeros(segs[0]);
  if (segs.some((g) => g === '')) {
    // a doubled separator ("17--NQ/TU", "17-NQ//TU"): the number with single separators, when that is well-formed
    let fixed = '';
    for (let k = 0; k < tok.text.length; k++) {
      const ch = tok.text[k];
      const sep = ch === '-' || ch === '/';
      if (sep && (fixed.endsWith('-') || fixed.endsWith('/'))) continue;
      fixed += ch;
    }
    const again = readToken(' ' + fixed, 1);
    const ok = again && again.end === fixed.length + 1 && !again.segs.some((g) => g === '') ? classify(again, fixed) : null;
    return {
      kind: ok ? ok.kind : 'unknown',
      key: ok ? ok.key : upperNorm(raw),
      malformed: { reason: 'empty-part', suggestion: ok && !ok.malformed && ok.kind !== 'unknown' ? fixed : null },
    };
  }
  // party: N-TYPE/ISSUER[...]
  if (seps[0] === '-' && seps.length >= 2 && seps[1] === '/' && isLetters(segs[1]) && isLetters(segs[2])) {
    const tail = upperNorm(tok.text.slice(tok.segs[0].length + 1 + tok.segs[1].length + 1));
    return { kind: 'party', key: `${n}-${segs[1]}/${normIssuer(tail)}` };
  }
  // state: N/TYPE-ISSUER…, N/YEAR/TYPE-ISSUER…, N/YEAR/QHnn
  if (seps[0] === '/') {
    let k = 1;
    let year: number | undefined;
    if (isAllDigits(segs[1]) && segs[1].length === 4 && seps.length >= 2 && seps[1] === '/') {
      year = Number(segs[1]);
      k = 2;
    }
    const type = segs[k];
    if (type !== undefined && isLetters(type)) {
      // party type + party issuer written the state way: "17/NQ-TU", "17/NQ/TU"
      const issuer = segs[k + 1];
      if (year === undefined && k + 2 === segs.length && issuer !== undefined && PARTY_TYPES.includes(type) && PARTY_ISSUERS.includes(issuer)) {
        const reason = seps[k] === '-' ? 'state-style' : 'slash-instead-of-dash';
        const sug = partyNumber(segs[0], tok.segs[k], tok.segs[k + 1]);
        return { kind: 'party', key: `${n}-${type}/${normIssuer(issuer)}`, malformed: { reason, suggestion: sug } };
      }
      const key = `${n}${year !== undefined ? '/' + year : ''}/${segs.slice(k).join('-')}`;
      return { kind: 'state', key, numberYear: year };
    }
    return { kind: 'unknown', key: upperNorm(raw) };
  }
  if (seps[0] === '-' && seps.length === 1 && isLetters(segs[1])) {
    const glued = splitGlued(segs[1]);
    if (glued) {
      const t = tok.segs[1].slice(0, glued[0].length);
      const iss = tok.segs[1].slice(glued[0].length);
      return {
        kind: 'party',
        key: `${n}-${glued[0]}/${normIssuer(glued[1])}`,
        malformed: { reason: 'missing-slash', suggestion: partyNumber(tok.segs[0], t, iss) },
      };
    }
  }
  if (seps[0] === '-' && seps.length === 2 && seps[1] === '-' && PARTY_TYPES.includes(segs[1]) && PARTY_ISSUERS.includes(segs[2])) {
    return {
      kind: 'party',
      key: `${n}-${segs[1]}/${normIssuer(segs[2])}`,
      malformed: { reason: 'dash-instead-of-slash', suggestion: partyNumber(tok.segs[0], tok.segs[1], tok.segs[2]) },
    };
  }
  return { kind: 'unknown', key: upperNorm(raw) };
}

// ---------------------------------------------------------------------------------------------------------
// Type word before, date after

function lowerWordBefore(s: string, end: number): { start: number; lower: string } | null {
  let j = end;
  while (j > 0 && isLetterCode(s.charCodeAt(j - 1))) j--;
  return j < end ? { start: j, lower: lowerSlice(s, j, end) } : null;
}

/** The document type written right before offset p ("Nghị quyết số ", "Quyết định ", "Nghị quyết số: "). */
function typeBefore(s: string, p: number): { start: number; type: string } | null {
  let i = p;
  let hops = 0;
  while (i > 0 && (isSpaceCode(s.charCodeAt(i - 1)) || s.charCodeAt(i - 1) === 58) && hops++ < 4) i--;
  if (i === p) return null;
  const w = lowerWordBefore(s, i);
  if (w && w.lower === 'số') {
    i = w.start;
    hops = 0;
    while (i > 0 && isSpaceCode(s.charCodeAt(i - 1)) && hops++ < 3) i--;
  }
  const windowStart = Math.max(0, i - 24);
  const win = s.slice(windowStart, i).toLowerCase();
  for (const t of DOC_TYPES) {
    if (win.endsWith(t)) {
      const start = i - t.length;
      if (start > 0 && isLetterCode(s.charCodeAt(start - 1))) continue;
      return { start, type: s.slice(start, i) };
    }
  }
  return null;
}

function readInt(s: string, i: number, maxLen: number): { value: number; end: number } | null {
  let j = i;
  while (j < s.length && j - i < maxLen && isDigitCode(s.charCodeAt(j))) j++;
  if (j === i || isDigitCode(s.charCodeAt(j))) return null;
  return { value: Number(s.slice(i, j)), end: j };
}

/** A date at i: "30/10/2023", "30-10-2023", "30.10.2023", "30 tháng 10 năm 2023". */
export function readDate(s: string, i: number): CitedDate | null {
  const d = readInt(s, i, 2);
  if (!d) return null;
  const sepCode = s.charCodeAt(d.end);
  if (sepCode === 47 || sepCode === 45 || sepCode === 46) {
    const m = readInt(s, d.end + 1, 2);
    if (!m || s.charCodeAt(m.end) !== sepCode) return null;
    const y = readInt(s, m.end + 1, 4);
    if (!y || y.end - (m.end + 1) !== 4) return null;
    if (isLetterCode(s.charCodeAt(y.end))) return null;
    return { day: d.value, month: m.value, year: y.value, start: i, end: y.end, text: s.slice(i, y.end), sep: String.fromCharCode(sepCode) };
  }
  // "30 tháng 10 năm 2023"
  let k = d.end;
  if (!isSpaceCode(s.charCodeAt(k))) return null;
  k++;
  if (s.slice(k, k + 5).toLowerCase() !== 'tháng') return null;
  k += 5;
  if (!isSpaceCode(s.charCodeAt(k))) return null;
  const m = readInt(s, k + 1, 2);
  if (!m) return null;
  k = m.end;
  if (!isSpaceCode(s.charCodeAt(k))) return null;
  if (s.slice(k + 1, k + 4).toLowerCase() !== 'năm') return null;
  k += 4;
  if (!isSpaceCode(s.charCodeAt(k))) return null;
  const y = readInt(s, k + 1, 4);
  if (!y || y.end - (k + 1) !== 4) return null;
  return { day: d.value, month: m.value, year: y.value, start: i, end: y.end, text: s.slice(i, y.end), sep: ' ' };
}

/** "…, ngày 30/10/2023" right after a number (a comma, spaces, "ngày", spaces). */
function dateAfter(s: string, p: number): CitedDate | null {
  let i = p;
  if (s.charCodeAt(i) === 44 /* , */) i++;
  let n = 0;
  while (isSpaceCode(s.charCodeAt(i)) && n++ < 3) i++;
  if (i === p) return null;
  if (s.slice(i, i + 4).toLowerCase() !== 'ngày') return null;
  i += 4;
  n = 0;
  const before = i;
  while (isSpaceCode(s.charCodeAt(i)) && n++ < 3) i++;
  if (i === before) return null;
  return readDate(s, i);
}

// ---------------------------------------------------------------------------------------------------------
// Entry points

/**
 * Where a document number may start: the first digit of a run of ASCII digits that a '-' or '/' follows (readToken
 * needs digits then a separator), found at native speed instead of visiting every digit run. The look-behind
 * keeps it linear: a match starts only at a run's first digit.
 */
const NUMBER_START = /(?<![0-9])[0-9]+[-/]/g;

export function parseCitationsUncached(text: string): DocCitation[] {
  const out: DocCitation[] = [];
  NUMBER_START.lastIndex = 0;
  for (let m = NUMBER_START.exec(text); m !== null; m = NUMBER_START.exec(text)) {
    // a digit inside a token read before has a token character before it: readToken rejects it, so the search
    // may go on from the end of each match, or of each token read
    const tok = readToken(text, m.index);
    if (!tok) continue;
    const cls = classify(tok, tok.text);
    const type = typeBefore(text, tok.start);
    // a number of unknown shape counts only after a document type ("Quyết định số 12-ABC")
    if (cls.kind === 'unknown' && !type && !cls.malformed) {
      NUMBER_START.lastIndex = tok.end;
      continue;
    }
    const date = dateAfter(text, tok.end) ?? undefined;
    const cit: DocCitation = {
      start: type ? type.start : tok.start,
      end: date ? date.end : tok.end,
      type: type ? type.type : null,
      number: tok.text,
      numberStart: tok.start,
      numberEnd: tok.end,
      key: cls.key,
      kind: cls.kind,
    };
    if (cls.numberYear !== undefined) cit.numberYear = cls.numberYear;
    if (cls.malformed) cit.malformed = cls.malformed;
    if (date) cit.date = date;
    out.push(cit);
    NUMBER_START.lastIndex = tok.end;
  }
  return out;
}

const cache = new TextMemo<DocCitation[]>();

/** Every document reference of an NFC text, in order (the last text's result is cached). */
export function parseCitations(text: string): DocCitation[] {
  return cache.get(text, parseCitationsUncached);
}

/** The document reference at an NFC offset (for hovers), or null. */
export function citationAt(text: string, offset: number): DocCitation | null {
  const all = parseCitations(text);
  let lo = 0;
  let hi = all.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = all[mid];
    if (offset < c.start) hi = mid - 1;
    else if (offset > c.end) lo = mid + 1;
    else return c;
  }
  return null;
}

/** The comparison key of a document number as a registry or config writes it. */
export function documentKey(number: string): string {
  const t = upperNorm(number.normalize('NFC').trim());
  const tok = readToken(' ' + t, 1);
  if (tok && tok.end === t.length + 1) return classify(tok, t).key;
  return upperNorm(t.replace(/\s+/g, ''));
}

// ---------------------------------------------------------------------------------------------------------
// Dates

export function daysInMonth(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Earliest year a cited party or state document can carry (the Party was founded in 1930). */
export const MIN_DOC_YEAR = 1930;

export type DateProblem = 'month' | 'day' | 'year-past' | 'year-future';

/** What is impossible about a date (null when it is a real calendar date in the plausible range). */
export function dateProblem(d: { day: number; month: number; year: number }, maxYear: number): DateProblem | null {
  if (d.month < 1 || d.month > 12) return 'month';
  if (d.day < 1 || d.day > daysInMonth(d.month, d.year)) return 'day';
  if (d.year < MIN_DOC_YEAR) return 'year-past';
  if (d.year > maxYear) return 'year-future';
  return null;
}

/** Parses "dd/mm/yyyy" (also d/m/yyyy, '-' or '.' separators) as a registry writes it. */
export function parseDateText(s: string): { day: number; month: number; year: number } | null {
  const t = s.trim();
  const d = readDate(t, 0);
  if (!d || d.end !== t.length) return null;
  return { day: d.day, month: d.month, year: d.year };
}

export function sameDate(a: { day: number; month: number; year: number }, b: { day: number; month: number; year: number }): boolean {
  return a.day === b.day && a.month === b.month && a.year === b.year;
}

/** A date written like `like` (same separator, same zero padding of day and month). */
export function formatDateLike(d: { day: number; month: number; year: number }, like: CitedDate | null): string {
  if (like && like.sep === ' ') return `${d.day} tháng ${d.month} năm ${d.year}`;
  const sep = like?.sep ?? '/';
  const padDay = like ? like.text.indexOf(sep) === 2 : true;
  const monthPart = like ? like.text.slice(like.text.indexOf(sep) + 1, like.text.lastIndexOf(sep)) : '00';
  const padMonth = monthPart.length === 2;
  const dd = padDay ? String(d.day).padStart(2, '0') : String(d.day);
  const mm = padMonth ? String(d.month).padStart(2, '0') : String(d.month);
  return `${dd}${sep}${mm}${sep}${d.year}`;
}

export function formatDate(d: { day: number; month: number; year: number }): string {
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
}
