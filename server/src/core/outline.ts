/**
 * Outline parsing: finds the numbered headings of a draft and builds their tree.
 *
 * Markers (at line start, after any `[bookmark: …]` leftovers, spaces, Markdown `#`s and `**`; an indented
 * "1." / "(1)" / "a)" line is a nested list item, not a heading):
 *   `Phần thứ nhất` / `Phần I` (part; the title is the rest of the line or the next upper-case line(s)),
 *   `I-` `I.` (roman), `1.` `1.1.` `2.1.1.` and the sloppy `4.1 Title` (decimal), `(1)` (paren), `a)` (letter),
 *   Markdown `#`…`######` headings without a marker (markdown).
 * Nesting: part > roman > decimal by component count > paren > letter. A heading written with Markdown `#`s
 * nests by its number of `#`s instead (above every plain-marker heading), as a Markdown reader would see it.
 *
 * Offsets (NFC): `markerStart..markerEnd` spans the marker with its punctuation ("4.1", "II-", "(3)", "a)");
 * `titleStart..titleEnd` the title on the line (for a part whose title is on the next upper-case lines, those
 * lines: `title` is then joined with spaces and `lineEnd` is the end of the last title line).
 *
 * Hand-written scanners only (no backtracking regexes on user text); linear in the text length.
 * Pure: no fs, no process, no vscode.
 */
import { CASE_LOWER, CASE_UPPER, caseOf, stripMarks, unitClass, UNIT_MARK, type TextView } from './text';
import type { MarkerKind, OutlineNode } from './types';

export interface ParsedOutline {
  roots: OutlineNode[];
  headings: OutlineNode[];
}

/** Vietnamese list letters in order (a, b, c, d, đ, e, g, …). */
export const VI_LETTERS = 'abcdđeghiklmnopqrstuvxy';
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

const PART_ORDINALS: Record<string, number> = {
  nhat: 1,
  mot: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
};
const PART_WORDS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];

// ---------------------------------------------------------------------------------------------------------
// Character classes

export function isSpaceChar(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u3000' || (c !== undefined && c >= '\u2000' && c <= '\u200a');
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isUpperLetter(c: string | undefined): boolean {
  return c !== undefined && caseOf(c) === CASE_UPPER;
}
function isLowerLetter(c: string | undefined): boolean {
  return c !== undefined && caseOf(c) === CASE_LOWER;
}
function isLetter(c: string | undefined): boolean {
  return isUpperLetter(c) || isLowerLetter(c);
}

// ---------------------------------------------------------------------------------------------------------
// Roman numerals

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export function romanToInt(s: string): number | null {
  if (!s || s.length > 8) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i]];
    if (!v) return null;
    const next = i + 1 < s.length ? ROMAN_VALUES[s[i + 1]] : 0;
    if (next === undefined) return null;
    total += next > v ? -v : v;
  }
  return total > 0 && intToRoman(total) === s ? total : null;
}

export function intToRoman(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 90) return String(n);
  const table: [number, string][] = [
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, r] of table) {
    while (n >= v) {
      out += r;
      n -= v;
    }
  }
  return out;
}

/** The letter of a 1-based Vietnamese list index (1 → a, 5 → đ). */
export function letterOf(n: number): string {
  return VI_LETTERS[n - 1] ?? LATIN_LETTERS[n - 1] ?? String(n);
}

/** 1-based index of a list letter in the Vietnamese sequence (f, j, w, z: in the Latin one). */
export function letterIndex(c: string): number {
  const i = VI_LETTERS.indexOf(c);
  if (i >= 0) return i + 1;
  const j = LATIN_LETTERS.indexOf(c);
  return j >= 0 ? j + 1 : 0;
}

/** The next letter after `c` in either the Vietnamese or the Latin alphabet. */
export function nextLetters(c: string): string[] {
  const out: string[] = [];
  const i = VI_LETTERS.indexOf(c);
  if (i >= 0 && i + 1 < VI_LETTERS.length) out.push(VI_LETTERS[i + 1]);
  const j = LATIN_LETTERS.indexOf(c);
  if (j >= 0 && j + 1 < LATIN_LETTERS.length && !out.includes(LATIN_LETTERS[j + 1])) out.push(LATIN_LETTERS[j + 1]);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Markers

export interface MarkerHit {
  kind: MarkerKind;
  /** "Phần thứ nhất", "I", "2.1.1", "(3)", "a" */
  marker: string;
  numbers: number[];
  punct: string;
  /** offsets in the scanned string: the marker with its punctuation, and where the title starts */
  markerStart: number;
  markerEnd: number;
  titleStart: number;
}

function skipSpaces(s: string, p: number): number {
  while (p < s.length && isSpaceChar(s[p])) p++;
  return p;
}

/** Skip `[bookmark: …]` leftovers and spaces. */
export function skipBookmarks(s: string, p: number): number {
  for (;;) {
    p = skipSpaces(s, p);
    if (s.charCodeAt(p) !== 91 /* [ */ || s.slice(p + 1, p + 10).toLowerCase() !== 'bookmark:') return p;
    const close = s.indexOf(']', p);
    if (close < 0) return p;
    p = close + 1;
  }
}

function matchPart(s: string, p: number): MarkerHit | null {
  // "Phần" (any case) + space
  const w = s.slice(p, p + 4);
  if (w.toLowerCase() !== 'phần') return null;
  let q = p + 4;
  if (!isSpaceChar(s[q])) return null;
  q = skipSpaces(s, q);
  let n = 0;
  let end = q;
  const word = readWord(s, q);
  if (word && word.toLowerCase() === 'thứ') {
    const r = skipSpaces(s, q + word.length);
    const ord = readWord(s, r);
    if (!ord) return null;
    n = PART_ORDINALS[foldWord(ord)] ?? 0;
    end = r + ord.length;
  } else {
    // Phần I / Phần 1
    let e = q;
    while (e < s.length && (ROMAN_VALUES[s[e]] || isDigit(s[e]))) e++;
    const tok = s.slice(q, e);
    if (!tok) return null;
    n = isDigit(tok[0]) ? (tok.length <= 2 && /^\d+$/.test(tok) ? Number(tok) : 0) : romanToInt(tok) ?? 0;
    end = e;
  }
  if (n <= 0) return null;
  // what follows: end of line, a separator and a title, or an upper-case title
  let t = skipSpaces(s, end);
  let punct = '';
  const c = s[t];
  if (t >= s.length) return hit('part', s.slice(p, end), [n], '', p, end, t);
  if (c === ':' || c === '.' || c === '-' || c === '–' || c === '—') {
    punct = c;
    const markerEnd = t + 1;
    t = skipSpaces(s, t + 1);
    return hit('part', s.slice(p, end), [n], punct, p, markerEnd, t);
  }
  if (t > end && isUpperLine(s.slice(t))) return hit('part', s.slice(p, end), [n], '', p, end, t);
  return null; // "Phần thứ hai của …": prose
}

function readWord(s: string, p: number): string {
  let e = p;
  while (e < s.length && (isLetter(s[e]) || unitClass(s.charCodeAt(e)) === UNIT_MARK)) e++;
  return s.slice(p, e);
}

function foldWord(w: string): string {
  return stripMarks(w.normalize('NFD'))
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase();
}

function hit(
  kind: MarkerKind,
  marker: string,
  numbers: number[],
  punct: string,
  markerStart: number,
  markerEnd: number,
  titleStart: number,
): MarkerHit {
  return { kind, marker, numbers, punct, markerStart, markerEnd, titleStart };
}

function matchParen(s: string, p: number): MarkerHit | null {
  if (s[p] !== '(') return null;
  let q = p + 1;
  while (q < s.length && q - p <= 3 && isDigit(s[q])) q++;
  if (q === p + 1 || q - p > 4 || s[q] !== ')') return null;
  const digits = s.slice(p + 1, q);
  if (digits.length > 1 && digits[0] === '0') return null;
  const end = q + 1;
  if (!isSpaceChar(s[end])) return null;
  const t = skipSpaces(s, end);
  if (t >= s.length) return null;
  return hit('paren', s.slice(p, end), [Number(digits)], '', p, end, t);
}

function matchLetter(s: string, p: number): MarkerHit | null {
  const c = s[p];
  if (!c || !(letterIndex(c) > 0) || s[p + 1] !== ')') return null;
  if (!isSpaceChar(s[p + 2])) return null;
  const t = skipSpaces(s, p + 2);
  if (t >= s.length) return null;
  return hit('letter', c, [letterIndex(c)], ')', p, p + 2, t);
}

function matchRoman(s: string, p: number): MarkerHit | null {
  let q = p;
  while (q < s.length && q - p < 8 && ROMAN_VALUES[s[q]]) q++;
  if (q === p) return null;
  const n = romanToInt(s.slice(p, q));
  if (!n) return null;
  let r = q;
  if (s[r] === ' ' && (s[r + 1] === '-' || s[r + 1] === '–')) r++; // "I - Title"
  const c = s[r];
  if (c !== '-' && c !== '.' && c !== '–' && c !== '—') return null;
  const end = r + 1;
  if (end < s.length && !isSpaceChar(s[end])) return null;
  const t = skipSpaces(s, end);
  // "V. I. Lê-nin": initials, not a heading
  if (isUpperLetter(s[t]) && s[t + 1] === '.') return null;
  if (t < s.length && isDigit(s[t])) return null;
  return hit('roman', s.slice(p, q), [n], c, p, end, t);
}

function matchDecimal(s: string, p: number): MarkerHit | null {
  const comps: number[] = [];
  const texts: string[] = [];
  let q = p;
  let punct = '';
  for (;;) {
    const d0 = q;
    while (q < s.length && q - d0 < 4 && isDigit(s[q])) q++;
    const len = q - d0;
    if (len === 0 || len > 3 || isDigit(s[q])) return null;
    const digits = s.slice(d0, q);
    if (digits.length > 1 && digits[0] === '0') return null;
    if (comps.length > 0 && len > 2) return null; // "1.000": thousands, not a section number
    comps.push(Number(digits));
    texts.push(digits);
    if (s[q] === '.') {
      if (isDigit(s[q + 1])) {
        if (comps.length >= 6) return null;
        q++;
        continue;
      }
      punct = '.';
      q++;
    }
    break;
  }
  const markerEnd = q;
  if (punct === '.') {
    if (isSpaceChar(s[q])) {
      const t = skipSpaces(s, q);
      if (t >= s.length) return null;
      return hit('decimal', texts.join('.'), comps, '.', p, markerEnd, t);
    }
    // "1.1.Công tác": a missing space before an upper-case title
    if (isUpperLetter(s[q])) return hit('decimal', texts.join('.'), comps, '.', p, markerEnd, q);
    return null;
  }
  // no final dot: only the multi-level "4.1 Title" with an upper-case title
  if (comps.length < 2 || comps[0] > 99 || !isSpaceChar(s[q])) return null;
  const t = skipSpaces(s, q);
  if (!isUpperLetter(s[t])) return null;
  return hit('decimal', texts.join('.'), comps, '', p, markerEnd, t);
}

/** The heading marker at position p of a line (after prefixes), or null. */
export function matchMarker(s: string, p: number): MarkerHit | null {
  const c = s[p];
  if (c === undefined) return null;
  if (c === '(') return matchParen(s, p);
  if (isDigit(c)) return matchDecimal(s, p);
  if (c === 'P' || c === 'p') return matchPart(s, p);
  if (ROMAN_VALUES[c]) return matchRoman(s, p);
  if (isLowerLetter(c)) return matchLetter(s, p);
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Titles

/** True when a line's letters are (almost) all upper case ("KẾT QUẢ … 2020 - 2025"). */
export function isUpperLine(s: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of s) {
    if (isUpperLetter(ch)) upper++;
    else if (isLowerLetter(ch)) lower++;
  }
  return upper >= 2 && lower <= upper * 0.25;
}

const ABBREVIATIONS = new Set(['tp', 'tx', 'tt', 'ts', 'ths', 'gs', 'pgs', 'bs', 'ks', 'cn', 'st', 'vd', 'v.v', 'tr', 'q', 'p']);

function startsSentence(c: string | undefined): boolean {
  return isUpperLetter(c) || isDigit(c) || c === '(' || c === '“' || c === '"' || c === '[' || c === '«';
}

/**
 * Where a heading's title ends on its line: at the first sentence end (". " followed by the start of a
 * sentence, or ": " followed by anything) or at the end of the line. Returns the title end (trailing spaces and punctuation trimmed) and
 * whether body text follows on the same line.
 */
export function titleEnd(s: string, from: number): { end: number; inline: boolean } {
  // visit only the dots and colons, found by native searches: a heading's line can be a long paragraph
  let dot = s.indexOf('.', from);
  let colon = s.indexOf(':', from);
  while (dot >= 0 || colon >= 0) {
    let i: number;
    if (colon < 0 || (dot >= 0 && dot < colon)) {
      i = dot;
      dot = s.indexOf('.', i + 1);
    } else {
      i = colon;
      colon = s.indexOf(':', i + 1);
    }
    const c = s[i];
    let j = i + 1;
    while (s[j] === '*' || s[j] === '_') j++; // "**1.1. Title.** Body"
    if (j < s.length && !isSpaceChar(s[j])) continue;
    const k = skipSpaces(s, j);
    if (k >= s.length) break; // punctuation at the end of the line
    if (c === '.') {
      if (!startsSentence(s[k])) continue;
      if (s[i - 1] === '.') continue; // ellipsis
      // the word before the dot: an initial or an abbreviation ("TP. Hạ Long") does not end a sentence
      let w = i;
      while (w > from && !isSpaceChar(s[w - 1]) && s[w - 1] !== '(' && s[w - 1] !== ',') w--;
      const word = s.slice(w, i).toLowerCase();
      if (word.length === 1 && isLetter(word)) continue;
      if (ABBREVIATIONS.has(word)) continue;
    }
    if (i - from < 2) continue;
    return { end: trimTitleEnd(s, from, i), inline: true };
  }
  return { end: trimTitleEnd(s, from, s.length), inline: false };
}

function trimTitleEnd(s: string, from: number, end: number): number {
  while (end > from) {
    const c = s[end - 1];
    if (isSpaceChar(c) || c === '*' || c === '_' || c === '#' || c === '\r') end--;
    else if ((c === '.' || c === ':') && s[end - 2] !== '.') end--;
    else break;
  }
  return end;
}

// ---------------------------------------------------------------------------------------------------------
// Code fences

/** Tracks Markdown fenced code blocks line by line. */
export class FenceTracker {
  private open: { ch: string; len: number } | null = null;
  /** Feed one line; returns true when the line is inside a fence or is a fence line. */
  inFence(line: string): boolean {
    let p = 0;
    while (p < 3 && line[p] === ' ') p++;
    const ch = line[p];
    if (ch === '`' || ch === '~') {
      let q = p;
      while (line[q] === ch) q++;
      const len = q - p;
      if (len >= 3) {
        if (!this.open) {
          if (ch === '`' && line.indexOf('`', q) >= 0) return false; // inline code span, not a fence
          this.open = { ch, len };
          return true;
        }
        if (this.open.ch === ch && len >= this.open.len && line.slice(q).trim() === '') {
          this.open = null;
          return true;
        }
      }
    }
    return this.open !== null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Parser

interface Pending {
  node: OutlineNode;
  rank: number;
}

/** Nesting rank of a plain-marker heading (lower = outer). */
function markerRank(kind: MarkerKind, numbers: number[]): number {
  switch (kind) {
    case 'part':
      return 0;
    case 'roman':
      return 1;
    case 'decimal':
      return 1 + numbers.length;
    case 'paren':
      return 50;
    case 'letter':
      return 51;
    default:
      return 60;
  }
}

export function parseOutline(view: TextView): ParsedOutline {
  const text = view.text;
  const roots: OutlineNode[] = [];
  const headings: OutlineNode[] = [];
  const stack: Pending[] = [];
  const fences = new FenceTracker();
  const lineCount = view.lineCount;

  const push = (node: OutlineNode, rank: number) => {
    while (stack.length && stack[stack.length - 1].rank >= rank) {
      stack.pop()!.node.sectionEnd = node.lineStart;
    }
    node.depth = stack.length;
    if (stack.length) stack[stack.length - 1].node.children.push(node);
    else roots.push(node);
    stack.push({ node, rank });
    headings.push(node);
  };

  for (let i = 0; i < lineCount; i++) {
    const { start, text: s } = view.nfcLine(i);
    if (fences.inFence(s)) continue;
    if (s.length === 0) continue;
    let p = skipBookmarks(s, 0);
    // Markdown heading
    let hashes = 0;
    if (s[p] === '#') {
      let q = p;
      while (s[q] === '#') q++;
      if (q - p <= 6 && (q === s.length || isSpaceChar(s[q]))) {
        hashes = q - p;
        p = skipBookmarks(s, q);
      }
    }
    if (s[p] === '*' && s[p + 1] === '*') p = skipBookmarks(s, p + 2);
    else if (s[p] === '_' && s[p + 1] === '_') p = skipBookmarks(s, p + 2);
    const m = matchMarker(s, p);
    if (!m && !hashes) continue;
    // an indented numbered line is a (nested) list item, not a heading: "   1. …" under "1. …" in Markdown
    if (m && !hashes && (m.kind === 'decimal' || m.kind === 'paren' || m.kind === 'letter') && isIndented(s)) continue;

    const lineEnd = start + s.length;
    const node: OutlineNode = {
      kind: 'markdown',
      marker: '#'.repeat(hashes),
      numbers: [hashes],
      punct: '',
      title: '',
      markerStart: start + (m ? m.markerStart : 0),
      markerEnd: start + (m ? m.markerEnd : hashes),
      titleStart: 0,
      titleEnd: 0,
      lineStart: start,
      lineEnd,
      line: i,
      depth: 0,
      inlineBody: false,
      sectionEnd: text.length,
      children: [],
    };
    let ts: number;
    if (m) {
      node.kind = m.kind;
      node.marker = m.marker;
      node.numbers = m.numbers;
      node.punct = m.punct;
      ts = m.titleStart;
    } else {
      ts = skipSpaces(s, p);
      if (hashes) {
        // the '#' marker of a Markdown heading
        node.markerStart = start + s.indexOf('#');
        node.markerEnd = node.markerStart + hashes;
      }
    }
    if (m && (m.kind === 'part' || m.kind === 'roman') && ts >= s.length && !hashes) {
      // title on the next upper-case line(s)
      const t = followingTitle(view, i + 1, lineCount);
      if (t) {
        node.title = t.title;
        node.titleStart = t.start;
        node.titleEnd = t.end;
        node.lineEnd = t.end;
        i = t.lastLine;
      } else {
        node.titleStart = node.titleEnd = start + ts;
      }
    } else {
      let te: { end: number; inline: boolean };
      if (!m || m.kind === 'part') te = { end: trimTitleEnd(s, ts, s.length), inline: false };
      else te = titleEnd(s, ts);
      node.titleStart = start + ts;
      node.titleEnd = start + Math.max(ts, te.end);
      node.title = s.slice(ts, Math.max(ts, te.end));
      node.inlineBody = te.inline;
    }
    const rank = hashes ? hashes - 10 : markerRank(node.kind, node.numbers);
    push(node, rank);
  }
  for (const p of stack) p.node.sectionEnd = text.length;
  return { roots, headings };
}

/** Two or more leading spaces, or a leading tab. */
function isIndented(s: string): boolean {
  if (s[0] === '\t') return true;
  return s[0] === ' ' && (s[1] === ' ' || s[1] === '\t');
}

function followingTitle(
  view: TextView,
  from: number,
  lineCount: number,
): { title: string; start: number; end: number; lastLine: number } | null {
  let i = from;
  let skipped = 0;
  while (i < lineCount && view.nfcLine(i).text.trim() === '' && skipped < 2) {
    i++;
    skipped++;
  }
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  let last = -1;
  for (let k = 0; k < 3 && i < lineCount; k++, i++) {
    const { start: ls, text } = view.nfcLine(i);
    const p = skipBookmarks(text, 0);
    if (p >= text.length || !isUpperLine(text) || matchMarker(text, p)) break;
    const e = trimTitleEnd(text, p, text.length);
    if (start < 0) start = ls + p;
    end = ls + e;
    last = i;
    parts.push(text.slice(p, e));
  }
  if (start < 0) return null;
  return { title: parts.join(' ').replace(/\s+/g, ' ').trim(), start, end, lastLine: last };
}

// ---------------------------------------------------------------------------------------------------------
// Helpers for rules and templates

/** The marker text of a heading number in a kind's usual form: "II", "2.1", "(3)", "b", "Phần thứ hai". */
export function formatMarker(kind: MarkerKind, numbers: number[], like?: string): string {
  switch (kind) {
    case 'part': {
      const w = PART_WORDS[numbers[0] - 1] ?? String(numbers[0]);
      const base = `Phần thứ ${w}`;
      return like && like === like.toUpperCase() ? base.toUpperCase() : base;
    }
    case 'roman':
      return intToRoman(numbers[0]);
    case 'decimal':
      return numbers.join('.');
    case 'paren':
      return `(${numbers[0]})`;
    case 'letter':
      return letterOf(numbers[0]);
    default:
      return '#'.repeat(numbers[0] || 1);
  }
}

/** A heading's number as a template writes it: "1" for parts, "II", "2.1", "(3)", "a". */
export function nodeNumber(node: Pick<OutlineNode, 'kind' | 'numbers'>): string {
  if (node.kind === 'part') return String(node.numbers[0]);
  if (node.kind === 'markdown') return '';
  return formatMarker(node.kind, node.numbers);
}

/**
 * The components of a dotted number "2.1.10" (1–6 components of 1–3 ASCII digits, nothing else), or null.
 * A loop rather than /^\d{1,3}(\.\d{1,3}){0,5}$/: a template's every section number goes through here once, in
 * a cold process, and the loop is cheaper than compiling the regex (tested against it in outline.test.ts).
 */
function dottedNumber(t: string): number[] | null {
  const out: number[] = [];
  let from = 0;
  for (;;) {
    let i = from;
    let n = 0;
    while (i < t.length && i - from < 4) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
      i++;
    }
    if (i === from || i - from > 3) return null;
    out.push(n);
    if (i === t.length) return out;
    if (t.charCodeAt(i) !== 46 /* . */ || out.length === 6) return null;
    from = i + 1;
  }
}

/** Parse a template's section number for a kind ("I", "I.", "2.1", "2.1.", "(3)", "3", "a)", "nhất"). */
export function parseSectionNumber(kind: MarkerKind, number: string): number[] | null {
  const s = number.trim();
  if (!s) return null;
  switch (kind) {
    case 'part': {
      // "1", "12": one or two digits (the loop for /^\d{1,2}$/, see dottedNumber)
      const d = s.length <= 2 ? dottedNumber(s) : null;
      if (d && d.length === 1) return d;
      const r = romanToInt(s.toUpperCase());
      if (r) return [r];
      const words = s.split(/\s+/);
      const n = PART_ORDINALS[foldWord(words[words.length - 1])];
      return n ? [n] : null;
    }
    case 'roman': {
      // one final "-", ".", "–" or ")" dropped (the loop-free form of .replace(/[-.–)]$/, ''))
      const last = s[s.length - 1];
      const t = last === '-' || last === '.' || last === '–' || last === ')' ? s.slice(0, -1) : s;
      const r = romanToInt(t.toUpperCase());
      return r ? [r] : null;
    }
    case 'decimal':
      return dottedNumber(s.charCodeAt(s.length - 1) === 46 /* . */ ? s.slice(0, -1) : s);
    case 'paren': {
      const t = s.replace(/^\(/, '').replace(/\)$/, '');
      return /^\d{1,3}$/.test(t) ? [Number(t)] : null;
    }
    case 'letter': {
      const t = s.replace(/[).]$/, '').toLowerCase();
      return t.length === 1 && letterIndex(t) ? [letterIndex(t)] : null;
    }
    default:
      return /^\d$/.test(s) ? [Number(s)] : null;
  }
}

/** Every heading of a tree in document order. */
export function flattenOutline(roots: OutlineNode[]): OutlineNode[] {
  const out: OutlineNode[] = [];
  const walk = (ns: OutlineNode[]) => {
    for (const n of ns) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}
