/**
 * The text layer. Every analysis runs on an NFC view of the user's text; every finding is reported on the
 * original text in UTF-16 offsets (as LSP counts). `TextView` holds both and the exact map between them.
 *
 * Pure: no fs, no process, no vscode.
 */

export interface LineCol {
  /** 0-based line */
  line: number;
  /** 0-based UTF-16 column */
  character: number;
}

// ---------------------------------------------------------------------------------------------------------
// Unicode classes of UTF-16 code units

/** class bits: a letter (\p{L}), a mark (\p{M}), a number (\p{N}) */
export const UNIT_LETTER = 1;
export const UNIT_MARK = 2;
export const UNIT_NUMBER = 4;

/**
 * 0 unknown, else 8 | the class bits of the code unit as a one-unit string. ASCII, Latin-1 letters, Latin
 * Extended-A/B, the combining diacritics and Latin Extended Additional (every Vietnamese letter) are known up
 * front; anything else is asked once of one regular expression. Every module classifies through here, so a cold
 * process compiles one Unicode-property regex instead of one per module (each costs about a millisecond).
 */
const unitClasses = new Uint8Array(65536);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  unitClasses[c] = 8 | (letter ? UNIT_LETTER : c >= 48 && c <= 57 ? UNIT_NUMBER : 0);
}
for (let c = 0xc0; c <= 0x24f; c++) if (c !== 0xd7 && c !== 0xf7) unitClasses[c] = 8 | UNIT_LETTER;
for (let c = 0x300; c <= 0x36f; c++) unitClasses[c] = 8 | UNIT_MARK;
for (let c = 0x1e00; c <= 0x1eff; c++) unitClasses[c] = 8 | UNIT_LETTER;
// General Punctuation (“ ” – … ‰, special spaces) holds no letter, mark or number: a typical draft then never
// compiles the Unicode-property regex below
for (let c = 0x2000; c <= 0x206f; c++) unitClasses[c] = 8;
/**
 * The letters seeded above, as regex class ranges (ASCII, Latin-1, Latin Extended-A/B, Latin Extended
 * Additional: every Vietnamese letter), for scanners that cross words with one native search; and the seeded
 * combining marks. A test checks both against the table.
 */
export const SEEDED_LETTERS = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u1e00-\\u1eff';
export const SEEDED_MARKS = '\\u0300-\\u036f';
/** the classes of a code unit the table does not know yet (made on first use: building it costs a cold run) */
let unitClassRe: RegExp | undefined;

/** UNIT_LETTER, UNIT_MARK, UNIT_NUMBER or 0 for a UTF-16 code unit (0 for a lone surrogate, NaN, -1). */
export function unitClass(c: number): number {
  if (!(c >= 0 && c < 65536)) return 0;
  let k = unitClasses[c];
  if (k === 0) {
    const m = (unitClassRe ??= new RegExp('(\\p{L})|(\\p{M})|(\\p{N})', 'u')).exec(String.fromCharCode(c));
    k = 8 | (m === null ? 0 : m[1] !== undefined ? UNIT_LETTER : m[2] !== undefined ? UNIT_MARK : UNIT_NUMBER);
    unitClasses[c] = k;
  }
  return k & 7;
}

/** s without its combining marks (\p{M}, BMP). */
export function stripMarks(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (unitClass(s.charCodeAt(i)) !== UNIT_MARK) continue;
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Is the UTF-16 unit at j a combining mark? (fast path for the common Latin/Vietnamese range) */
function isMark(c: number): boolean {
  if (c < 0x300) return false;
  if (c <= 0x36f) return true;
  if (c < 0x483) return false;
  return unitClass(c) === UNIT_MARK;
}

/** Hangul medial vowels and final consonants: not marks, but NFC composes them with the syllable before. */
function isConjoiningJamo(c: number): boolean {
  return (c >= 0x1161 && c <= 0x1175) || (c >= 0x11a8 && c <= 0x11c2);
}

/** Does the unit at j attach to the character before it under NFC? */
function attaches(s: string, j: number): boolean {
  const c = s.charCodeAt(j);
  return isMark(c) || isConjoiningJamo(c);
}

/** 0 unknown, 1 unchanged by NFC on its own, 2 changed (singletons: U+212B Å, U+2126 Ω, U+212A K, U+F900…) */
const nfcAlone = new Uint8Array(65536);

/** Width (1 or 2) of the code point at j when NFC changes it even on its own; 0 otherwise. */
function changedAlone(s: string, j: number): number {
  const c = s.charCodeAt(j);
  if (c < 0x340) return 0;
  if (isHighSurrogate(c) && isLowSurrogate(s.charCodeAt(j + 1))) {
    const cp = s.slice(j, j + 2);
    return cp.normalize('NFC') !== cp ? 2 : 0;
  }
  let k = nfcAlone[c];
  if (k === 0) {
    const ch = s[j];
    k = ch.normalize('NFC') !== ch ? 2 : 1;
    nfcAlone[c] = k;
  }
  return k === 2 ? 1 : 0;
}

/**
 * Every UTF-16 unit outside these ranges: below U+0300, Latin Extended Additional (the precomposed Vietnamese
 * letters) and general punctuation (“ ” – …) are no combining mark, no conjoining jamo, no surrogate, and NFC
 * leaves each of them alone (a test checks every unit), so the NFC map has nothing to do at them.
 */
export const NFC_ATTENTION = /[^\u0000-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]/g;
/** the same, searched within one line while NFC_ATTENTION searches the whole text */
const NFC_ATTENTION_IN_LINE = new RegExp(NFC_ATTENTION.source, 'g');

/** Offsets where a line break starts a new line: `\r\n`, `\n` or a lone `\r`. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // line breaks found by native searches (a loop over every character is slow before the JIT warms up)
  let nl = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (nl >= 0 || cr >= 0) {
    if (cr >= 0 && (nl < 0 || cr < nl)) {
      const crlf = text.charCodeAt(cr + 1) === 10;
      const next = crlf ? cr + 2 : cr + 1;
      starts.push(next);
      if (crlf) nl = text.indexOf('\n', next);
      cr = text.indexOf('\r', next);
    } else {
      starts.push(nl + 1);
      nl = text.indexOf('\n', nl + 1);
    }
  }
  return starts;
}

function upperBound(arr: number[], x: number): number {
  // index of the last element <= x (arr sorted ascending, arr[0] <= x assumed)
  let lo = 0;
  let hi = arr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (arr[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * An NFC view of a text with a map back to the original offsets.
 *
 * The map is a list of breakpoints (nfcStart[i], origStart[i]); between breakpoints offsets advance in step,
 * clamped to the next breakpoint. Identity text has a single breakpoint, so the common case costs nothing.
 */
export class TextView {
  readonly original: string;
  /** the NFC text every parser reads */
  readonly text: string;
  private readonly nfcStarts: number[] = [0];
  private readonly origStarts: number[] = [0];
  private lineStartsCache: number[] | undefined;
  private nfcLineStartsCache: number[] | undefined;

  constructor(original: string) {
    this.original = original;
    const nfc = original.normalize('NFC');
    this.text = nfc;
    if (nfc !== original) this.buildMap(original, nfc);
  }

  get identity(): boolean {
    return this.nfcStarts.length === 1;
  }

  /**
   * The breakpoints between the original and its NFC text. NFC never adds or removes a line break, so the lines
   * of both correspond one to one, and only a line holding a unit NFC_ATTENTION finds can differ: a native
   * search finds those lines, the others (almost all of a document) are never visited.
   */
  private buildMap(original: string, nfc: string): void {
    const lineStarts = computeLineStarts(original);
    const nfcStarts = computeLineStarts(nfc);
    this.lineStartsCache = lineStarts;
    if (nfcStarts.length !== lineStarts.length) {
      // cannot happen (see above); map the whole text coarsely rather than wrongly
      this.addBreak(nfc.length, original.length);
      return;
    }
    this.nfcLineStartsCache = nfcStarts;
    const lines = lineStarts.length;
    NFC_ATTENTION.lastIndex = 0;
    while (NFC_ATTENTION.test(original)) {
      const li = upperBound(lineStarts, NFC_ATTENTION.lastIndex - 1);
      const ls = lineStarts[li];
      const le = li + 1 < lines ? lineStarts[li + 1] : original.length;
      NFC_ATTENTION.lastIndex = le;
      const line = original.slice(ls, le);
      let outLen = nfcStarts[li];
      const nline = nfc.slice(outLen, li + 1 < lines ? nfcStarts[li + 1] : nfc.length);
      if (nline === line) continue;
      // split the line into segments: a base character followed by its combining marks, or a character NFC
      // changes on its own (Å U+212B, Ω U+2126) with its marks; text between such segments is unchanged (only
      // the segments change the length)
      const segs: [number, number][] = [];
      // only the units NFC_ATTENTION finds can start a segment
      const find = NFC_ATTENTION_IN_LINE;
      for (let j = 0; ; j++) {
        find.lastIndex = j;
        if (!find.test(line)) break;
        j = find.lastIndex - 1;
        let a: number;
        let b: number;
        if (attaches(line, j)) {
          a = j - 1;
          // the base is a surrogate pair (not a lone low surrogate)
          if (a > 0 && isLowSurrogate(line.charCodeAt(a)) && isHighSurrogate(line.charCodeAt(a - 1))) a--;
          if (a < 0) a = j;
          b = j + 1;
        } else {
          const w = changedAlone(line, j);
          if (!w) continue;
          a = j;
          b = j + w;
        }
        while (b < line.length && attaches(line, b)) b++;
        if (segs.length && segs[segs.length - 1][1] > a) segs[segs.length - 1][1] = b;
        else segs.push([a, b]);
        j = b - 1;
      }
      const parts = segs.map(([a, b]) => line.slice(a, b).normalize('NFC'));
      let rebuilt = '';
      let prev = 0;
      for (let k = 0; k < segs.length; k++) {
        rebuilt += line.slice(prev, segs[k][0]) + parts[k];
        prev = segs[k][1];
      }
      rebuilt += line.slice(prev);
      if (rebuilt !== nline) {
        // composition across segments (not Vietnamese): map the line coarsely
        this.addBreak(outLen, ls);
        this.addBreak(outLen + nline.length, le);
        continue;
      }
      let cur = 0;
      for (let k = 0; k < segs.length; k++) {
        const [a, b] = segs[k];
        if (a > cur) {
          this.addBreak(outLen, ls + cur);
          outLen += a - cur;
        }
        this.addBreak(outLen, ls + a);
        outLen += parts[k].length;
        cur = b;
      }
      if (cur < line.length) {
        this.addBreak(outLen, ls + cur);
        outLen += line.length - cur;
      }
      this.addBreak(outLen, le);
    }
  }

  private addBreak(nfc: number, orig: number): void {
    const n = this.nfcStarts.length;
    if (this.nfcStarts[n - 1] === nfc) {
      this.origStarts[n - 1] = orig;
      return;
    }
    if (this.origStarts[n - 1] - this.nfcStarts[n - 1] === orig - nfc) return; // same shift, redundant
    this.nfcStarts.push(nfc);
    this.origStarts.push(orig);
  }

  /** Original UTF-16 offset of an offset in the NFC text. */
  toOriginal(nfcOffset: number): number {
    if (nfcOffset <= 0) return 0;
    if (nfcOffset >= this.text.length) return this.original.length;
    if (this.nfcStarts.length === 1) return nfcOffset;
    const i = upperBound(this.nfcStarts, nfcOffset);
    const o = this.origStarts[i] + (nfcOffset - this.nfcStarts[i]);
    const limit = i + 1 < this.origStarts.length ? this.origStarts[i + 1] : this.original.length;
    return Math.min(o, limit);
  }

  /** NFC offset of an original offset (start of the segment it falls in). */
  toNfc(origOffset: number): number {
    if (origOffset <= 0) return 0;
    if (origOffset >= this.original.length) return this.text.length;
    if (this.origStarts.length === 1) return origOffset;
    const i = upperBound(this.origStarts, origOffset);
    const n = this.nfcStarts[i] + (origOffset - this.origStarts[i]);
    const limit = i + 1 < this.nfcStarts.length ? this.nfcStarts[i + 1] : this.text.length;
    return Math.min(n, limit);
  }

  /**
   * True when NFC offset p cuts a character: before a combining mark that belongs to the character before it,
   * inside a surrogate pair or between CR and LF. Offsets there have no exact original offset.
   */
  cutsCharacter(p: number): boolean {
    const t = this.text;
    if (p <= 0 || p >= t.length) return false;
    const c = t.charCodeAt(p);
    const b = t.charCodeAt(p - 1);
    if (isMark(c) || isConjoiningJamo(c)) return b !== 10 && b !== 13;
    if (isLowSurrogate(c)) return isHighSurrogate(b);
    return b === 13 && c === 10;
  }

  /**
   * Original [start, end) of an NFC range, widened (by a few units at most) so that it cuts no character: a
   * range that ends between a letter and its stray combining marks takes the marks.
   */
  rangeToOriginal(start: number, end: number): { start: number; end: number } {
    const n = this.text.length;
    let s = Math.max(0, Math.min(start, n));
    let e = Math.max(s, Math.min(end, n));
    for (let k = 0; k < 32 && this.cutsCharacter(s); k++) s--;
    for (let k = 0; k < 32 && this.cutsCharacter(e); k++) e++;
    const os = this.toOriginal(s);
    return { start: os, end: Math.max(os, this.toOriginal(e)) };
  }

  /** Line starts of the original text. */
  get lineStarts(): number[] {
    return (this.lineStartsCache ??= computeLineStarts(this.original));
  }

  /** Line starts of the NFC text (same number of lines as the original). */
  get nfcLineStarts(): number[] {
    return (this.nfcLineStartsCache ??= computeLineStarts(this.text));
  }

  /** 0-based line/character of an original offset. */
  positionAt(origOffset: number): LineCol {
    const off = Math.max(0, Math.min(origOffset, this.original.length));
    const line = upperBound(this.lineStarts, off);
    return { line, character: off - this.lineStarts[line] };
  }

  /** Original offset of a 0-based line/character (clamped into the text). */
  offsetAt(pos: LineCol): number {
    const starts = this.lineStarts;
    if (pos.line < 0) return 0;
    if (pos.line >= starts.length) return this.original.length;
    const ls = starts[pos.line];
    const next = pos.line + 1 < starts.length ? starts[pos.line + 1] : this.original.length;
    // do not run past the line break
    let end = next;
    while (end > ls && (this.original.charCodeAt(end - 1) === 10 || this.original.charCodeAt(end - 1) === 13)) end--;
    return Math.min(ls + Math.max(0, pos.character), end);
  }

  /** 0-based NFC line number containing an NFC offset. */
  nfcLineOf(nfcOffset: number): number {
    return upperBound(this.nfcLineStarts, Math.max(0, Math.min(nfcOffset, this.text.length)));
  }

  /** The NFC text of line i without its line break, and its start offset. */
  nfcLine(i: number): { start: number; text: string } {
    const starts = this.nfcLineStarts;
    const s = starts[i];
    let e = i + 1 < starts.length ? starts[i + 1] : this.text.length;
    while (e > s && (this.text.charCodeAt(e - 1) === 10 || this.text.charCodeAt(e - 1) === 13)) e--;
    return { start: s, text: this.text.slice(s, e) };
  }

  get lineCount(): number {
    return this.nfcLineStarts.length;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Folding

const foldCache = new Map<number, string>();

function foldUnit(code: number): string {
  let f = foldCache.get(code);
  if (f !== undefined) return f;
  const ch = String.fromCharCode(code);
  if (code === 0x111 || code === 0x110) f = 'd';
  else if (code < 0x80) f = ch.toLowerCase();
  else if (code >= 0xd800 && code <= 0xdfff) f = ch;
  else {
    const base = ch.normalize('NFD')[0].toLowerCase();
    f = base.length === 1 ? base : ch;
  }
  foldCache.set(code, f);
  return f;
}

/**
 * Diacritic folding that keeps the length (and so the offsets) of an NFC string: each UTF-16 unit becomes its
 * lower-case base letter (đ → d, ạ → a, Ố → o). Stray combining marks are kept as they are.
 */
export function foldKeepLength(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c < 0x80 ? (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i]) : foldUnit(c);
  }
  return out;
}

/** Diacritic folding for search keys: NFC or not, marks stripped, đ → d, lower case, spaces collapsed. */
export function fold(s: string): string {
  return stripMarks(foldKeepLength(s.normalize('NFC')))
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------------------
// Tone-placement equivalence

/** the five tone marks (combining): huyền, sắc, hỏi, ngã, nặng */
export const TONE_MARKS: readonly string[] = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VOWELS = 'aăâeêioôơuưy';

/** toned lower-case vowel → [its vowel without the tone, the tone mark]; vowel + tone mark → toned vowel */
const TONED = new Map<string, [string, string]>();
const WITH_TONE = new Map<string, string>();
for (const v of VOWELS) {
  for (const m of TONE_MARKS) {
    const t = (v + m).normalize('NFC');
    TONED.set(t, [v, m]);
    WITH_TONE.set(v + m, t);
  }
}
/**
 * A vowel run whose tone mark is not on its first vowel: "ưở" in "trưởng", "oà" in "hoà", "uỷ" in "thuỷ". Both
 * character classes are fixed sets of single code units, and the run is followed by exactly one of the second
 * set; the look-behind starts it only at a run's first vowel, so the search is linear.
 */
const TONE_NOT_FIRST = new RegExp(`(?<![${VOWELS}])[${VOWELS}]+[${[...TONED.keys()].join('')}]`, 'g');

const moved = new Map<string, string>();

/** The vowel run `run` (found at `at` in the lower-cased `s`) with its tone moved to its first vowel. */
function moveTone(run: string, at: number, s: string): string {
  // "qu" is a consonant: in "quả", "quyển" the tone belongs to the vowel after the u
  const afterQ = run.charCodeAt(0) === 0x75 && at > 0 && s.charCodeAt(at - 1) === 0x71;
  const key = afterQ ? `q${run}` : run;
  let out = moved.get(key);
  if (out !== undefined) return out;
  const first = afterQ ? 1 : 0;
  const last = run.length - 1;
  if (first >= last) out = run;
  else {
    const [bare, mark] = TONED.get(run[last])!;
    out = run.slice(0, first) + WITH_TONE.get(run[first] + mark)! + run.slice(first + 1, last) + bare;
  }
  if (moved.size < 10000) moved.set(key, out);
  return out;
}

/**
 * The pieces of a word key (a toneKey of a whole word: word units only, so nothing in it is special in a
 * pattern): text toneKey leaves alone, each vowel run that carries one tone mark as the list of the placements
 * of that mark toneKey maps to the same run, and a run with two or more marks (not Vietnamese) as `{ loose }`.
 */
function keySegments(key: string): (string | string[] | { loose: string })[] {
  const out: (string | string[] | { loose: string })[] = [];
  let plain = '';
  for (let i = 0; i < key.length; ) {
    if (!isVowelUnit(key[i])) {
      plain += key[i++];
      continue;
    }
    let j = i;
    while (j < key.length && isVowelUnit(key[j])) j++;
    const run = key.slice(i, j);
    const before = key.slice(Math.max(0, i - 1), i); // "q": the u of "qu" is no vowel of the run
    i = j;
    let marks = 0;
    for (const ch of run) if (TONED.has(ch)) marks++;
    if (run.length === 1 || marks === 0) {
      plain += run;
      continue;
    }
    if (plain) out.push(plain);
    plain = '';
    if (marks > 1) {
      out.push({ loose: run });
      continue;
    }
    const bare = [...run].map((ch) => TONED.get(ch)?.[0] ?? ch);
    const mark = [...run].map((ch) => TONED.get(ch)?.[1]).find((m) => m !== undefined)!;
    const forms: string[] = [];
    for (let p = 0; p < bare.length; p++) {
      const form = bare.map((b, k) => (k === p ? WITH_TONE.get(b + mark)! : b)).join('');
      if (moveTones(before + form).slice(before.length) === run) forms.push(form);
    }
    out.push(forms);
  }
  if (plain) out.push(plain);
  return out;
}

/**
 * A pattern (RegExp source, no flags needed) that matches every lower-case spelling whose toneKey is `key`, a
 * toneKey of a whole word: the word with each vowel run that carries one tone mark written as the alternation
 * of the placements of that mark toneKey maps to the key ("ngừơi" → "ng(?:ừơi|ười|ươì)"). A run with two or
 * more marks (not Vietnamese) is matched loosely, any tone on each of its vowels: a search with this pattern
 * may find a few words of another key, never miss one.
 */
export function toneKeyPattern(key: string): string {
  // most words have no vowel run with a tone mark (one vowel, or no mark): the key is its only spelling
  if (!TONED_RUN.test(key)) return key;
  let out = '';
  for (const seg of keySegments(key)) {
    if (typeof seg === 'string') out += seg;
    else if (Array.isArray(seg)) out += seg.length === 1 ? seg[0] : `(?:${seg.join('|')})`;
    else for (const ch of seg.loose) out += `[${familyOfVowel(TONED.get(ch)?.[0] ?? ch)}]`;
  }
  return out;
}

/**
 * Every lower-case spelling whose toneKey is `key` (a toneKey of a whole word), the key itself first; null when
 * a run carries two or more marks (not Vietnamese: see toneKeyPattern) or the spellings would be more than
 * `max` (a word of many syllables written together).
 */
export function toneKeySpellings(key: string, max = 64): string[] | null {
  if (!TONED_RUN.test(key)) return [key];
  let out = [''];
  for (const seg of keySegments(key)) {
    if (typeof seg === 'string') out = out.map((o) => o + seg);
    else if (!Array.isArray(seg)) return null;
    else {
      if (out.length * seg.length > max) return null;
      out = out.flatMap((o) => seg.map((f) => o + f));
    }
  }
  // the key is one of them (with at most one mark per run, toneKey of a key is the key): put it first
  const k = out.indexOf(key);
  if (k > 0) out.unshift(...out.splice(k, 1));
  return out;
}

/** two vowels in a row, one of them with a tone mark: a run toneKeyPattern writes in several spellings */
const TONED_VOWELS = [...TONED.keys()].join('');
const TONED_RUN = new RegExp(`[${TONED_VOWELS}][${VOWELS}${TONED_VOWELS}]|[${VOWELS}][${TONED_VOWELS}]`);

function isVowelUnit(ch: string): boolean {
  return VOWELS.includes(ch) || TONED.has(ch);
}

/** a lower-case vowel and its five toned forms, as the inside of a character class */
function familyOfVowel(v: string): string {
  let s = v;
  for (const m of TONE_MARKS) s += WITH_TONE.get(v + m) ?? '';
  return s;
}

/**
 * A one-entry memo keyed by a text (the last document asked). `===` on two equal texts that are different
 * string objects compares every character, and a re-lint of unchanged text brings exactly that (a new NFC
 * string each time): after one such comparison the memo keeps the new object, so the next ones compare
 * references.
 */
export class TextMemo<T> {
  private text: string | undefined;
  private value: T | undefined;

  /** The value remembered for `text`, computed (and remembered) when it is another text. */
  get(text: string, compute: (text: string) => T): T {
    if (text !== this.text) this.value = compute(text);
    this.text = text;
    return this.value as T;
  }

  set(text: string, value: T): void {
    this.text = text;
    this.value = value;
  }
}

/** the lower case of the last long text asked */
const lowered = new TextMemo<string>();

/**
 * Each code unit lower-cased on its own, as one native call: a unit whose lower case is longer (İ) stays as it
 * is, and Σ is always σ (the whole-string toLowerCase writes ς at the end of a word: a context a slice of the
 * text does not have).
 */
function lowerPerUnit(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length !== s.length) {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const l = s[i].toLowerCase();
      out += l.length === 1 ? l : s[i];
    }
    return out;
  }
  return s.indexOf('\u03a3') < 0 ? lower : lower.replace(/\u03c2/g, (m: string, i: number) => (s.charCodeAt(i) === 0x3a3 ? '\u03c3' : m));
}

/**
 * Lower case without changing the length: a code unit whose lower case is longer (İ) stays as it is. The last
 * long text asked is remembered (the indicator search and the rules that search lower-cased text share it).
 */
export function lowerKeepLength(s: string): string {
  return s.length > 1000 ? lowered.get(s, lowerPerUnit) : lowerPerUnit(s);
}

/** per BMP code unit: 0 not yet known, else 8 | its case bits (see caseOf) */
const caseClasses = new Uint8Array(65536);
/** caseOf: lower-casing changes the character (an upper-case or title-case letter) */
export const CASE_UPPER = 1;
/** caseOf: upper-casing changes the character (a lower-case or title-case letter) */
export const CASE_LOWER = 2;

/**
 * Which case mappings change a character (one code unit, or a code point written as two): CASE_UPPER when
 * `ch !== ch.toLowerCase()`, CASE_LOWER when `ch !== ch.toUpperCase()`, both for a title-case letter, 0 for a
 * character without case. Remembered per code unit: scanners ask it letter by letter, and each case mapping
 * of a non-ASCII string is a call into the Unicode tables.
 */
export function caseOf(ch: string): number {
  if (ch.length !== 1) return (ch !== ch.toLowerCase() ? CASE_UPPER : 0) | (ch !== ch.toUpperCase() ? CASE_LOWER : 0);
  const c = ch.charCodeAt(0);
  let k = caseClasses[c];
  if (k === 0) {
    k = 8 | (ch !== ch.toLowerCase() ? CASE_UPPER : 0) | (ch !== ch.toUpperCase() ? CASE_LOWER : 0);
    caseClasses[c] = k;
  }
  return k & 3;
}

/**
 * lowerKeepLength(s.slice(a, b)): of a long text (a document), a slice of its remembered lower case, so that a
 * scanner that lower-cases word after word does not call the case mapping once per word.
 */
export function lowerSlice(s: string, a: number, b: number): string {
  return s.length > 1000 ? lowered.get(s, lowerPerUnit).slice(a, b) : lowerPerUnit(s.slice(a, b));
}

/**
 * A key of an NFC string that is the same for every placement of a syllable's tone mark (hoà ≡ hòa,
 * thuỷ ≡ thủy, khoẻ ≡ khỏe), lower-cased, and that still tells tones and vowels apart (tăng ≠ tầng ≠ tang).
 * The tone goes on the first vowel of its vowel run (after a "qu"): a canonical place, not a spelling rule.
 * The key has the same length as its input, and the key of a slice that starts and ends at word boundaries is
 * the same slice of the key: offsets survive. Native lower-casing and one linear search. (The linter never keys a
 * whole document: the indicator search keys only the words it reaches, see `toneKeyPattern`.)
 */
export function toneKey(s: string): string {
  return moveTones(lowerPerUnit(s));
}

function moveTones(lower: string): string {
  TONE_NOT_FIRST.lastIndex = 0;
  return TONE_NOT_FIRST.test(lower) ? lower.replace(TONE_NOT_FIRST, moveTone) : lower;
}

/**
 * toneKey(text.slice(a, b)) of a long text (a document) without lower-casing the slice again: the slice of its
 * remembered lower case (lowerSlice), then the tone placement.
 */
export function toneKeyOf(text: string, a: number, b: number): string {
  return moveTones(lowerSlice(text, a, b));
}

/** toneKey of a string already lower-cased code unit by code unit (a slice of lowerKeepLength's result). */
export function toneKeyOfLower(lower: string): string {
  return moveTones(lower);
}

/** toneKey of one syllable (kept as a name for callers that work syllable by syllable). */
export function toneKeySyllable(syl: string): string {
  return toneKey(syl);
}

// ---------------------------------------------------------------------------------------------------------
// Word boundaries (ASCII \b breaks on Vietnamese letters)

export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  if (ch.length > 1) return WORD_CHAR_ANY.test(ch);
  return isWordCode(ch.charCodeAt(0));
}

/** isWordChar for a UTF-16 code unit: a letter, mark, number or `_` (false for NaN). */
export function isWordCode(c: number): boolean {
  return c === 95 || unitClass(c) !== 0;
}
/** for strings longer than one code unit (a surrogate pair): any word character in it */
const WORD_CHAR_ANY = /[\p{L}\p{M}\p{N}_]/u;

/** True when text[start, end) is not glued to letters or digits on either side. */
export function atWordBoundary(text: string, start: number, end: number): boolean {
  return !isWordChar(text[start - 1]) && !isWordChar(text[end]);
}
