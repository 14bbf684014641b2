/**
 * Variant spellings of one term within one document (terms/variant):
 *
 *  - tone placement: the same syllable with its tone mark on the other vowel of oa, oe or uy — the clusters
 *    where the old and new styles differ ("hoà"/"hòa", "thuỷ"/"thủy", "khoẻ"/"khỏe", "hoá"/"hóa") — grouped by
 *    `toneKeySyllable`, compared lower-cased (so a capital at a sentence start never counts);
 *  - i/y after a consonant ("tỉ"/"tỷ", "kĩ"/"kỹ", "lí"/"lý") — only within one two-word term ("tỉ lệ"/"tỷ lệ"),
 *    since "liệt sĩ" and "chiến sỹ" are different terms that merely share a syllable;
 *  - the capitalisation of a fixed phrase in quotes (“Kỷ luật và Đồng tâm” / “Kỷ luật và đồng tâm”), the first
 *    letter excepted;
 *  - the project glossary (`terms`: { variant: preferred }) — every occurrence of a configured variant.
 *
 * The preferred form of a group is the glossary's, else the most frequent, else the first written. Every
 * occurrence of another form is a `VariantHit` pointing at the preferred form's occurrences.
 *
 * One native search for candidate words; per distinct word the classification is cached. Pure: no Node built-ins.
 */
import { SEEDED_LETTERS, SEEDED_MARKS, TONE_MARKS, toneKeySyllable, unitClass, UNIT_LETTER, UNIT_MARK } from '../text';
import { isDigitCode, isSpaceCode } from '../units';
import { lowerOf } from './scan';


export interface Occurrence {
  start: number;
  end: number;
  /** the occurrence as written (NFC) */
  text: string;
}

export interface VariantHit {
  kind: 'tone' | 'iy' | 'case' | 'glossary';
  /** NFC offsets of the minority occurrence */
  start: number;
  end: number;
  text: string;
  /** the preferred form as it should be written here (case adapted) */
  replacement: string;
  /** the preferred form as written elsewhere (lower case for syllables) */
  preferred: string;
  /** how many times the preferred form occurs (0 for a glossary form that is not used) */
  preferredCount: number;
  /** a few occurrences of the preferred form */
  related: Occurrence[];
  /** the preferred form comes from the project glossary */
  fromGlossary: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Per-word classification

const TONE_MARK_SET = new Set(TONE_MARKS);
/** no tone mark, then each tone mark */
const TONES = ['', ...TONE_MARKS];

/** every form of the given base vowels with the given tones (by default: none and each tone mark), both cases (NFC) */
function familyOf(bases: string, tones: readonly string[] = TONES): string {
  let out = '';
  for (const v of bases) for (const ch of [v, v.toUpperCase()]) for (const t of tones) out += (ch + t).normalize('NFC');
  return out;
}
const VOWEL_BASES = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const ONSETS = new Set([
  'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't',
  'th', 'tr', 'v', 'x',
]);

interface WordClass {
  kind: 'tone' | 'iy' | null;
  /** the group key: toneKey for 'tone', onset + 'i' + tone for 'iy', the lower-cased word otherwise */
  key: string;
}

const classCache = new Map<string, WordClass>();

function hasPlacementCluster(lower: string): boolean {
  for (let k = 1; k < lower.length; k++) if (placementCluster(lower.charCodeAt(k - 1), lower.charCodeAt(k))) return true;
  return false;
}

function classify(lower: string): WordClass {
  const hit = classCache.get(lower);
  if (hit) return hit;
  let out: WordClass = { kind: null, key: lower };
  if (lower.length <= 8) {
    const d = lower.normalize('NFD');
    let tone = '';
    let vowels = 0;
    let bases = '';
    for (const ch of d) {
      if (TONE_MARK_SET.has(ch)) tone = ch;
      else if (ch >= '\u0300' && ch <= '\u036f') bases += ch;
      else {
        bases += ch;
        if (VOWEL_BASES.has(ch)) vowels++;
      }
    }
    // i/y: a consonant onset then a single i or y ("tỉ", "kỹ", "lý", "quý")
    const last = bases[bases.length - 1];
    const onset = bases.slice(0, -1);
    if ((last === 'i' || last === 'y') && ONSETS.has(onset)) {
      out = { kind: 'iy', key: onset.normalize('NFC') + ('i' + tone).normalize('NFC') };
    } else if (tone && vowels >= 2 && hasPlacementCluster(lower)) {
      out = { kind: 'tone', key: toneKeySyllable(lower) };
    }
  }
  if (classCache.size < 100000) classCache.set(lower, out);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Case helpers

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** `target` written with the capitalisation of `like` (all caps, first capital, or as is). */
export function adaptCase(target: string, like: string): string {
  const letters = [...like].filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length > 1 && letters.every(isUpper)) return target.toUpperCase();
  if (letters.length && isUpper(letters[0]) && !isUpper(target[0] ?? '')) return target[0].toUpperCase() + target.slice(1);
  return target;
}

// ---------------------------------------------------------------------------------------------------------
// Scanning

// A table of the code units of Vietnamese vowels (NFC, both cases): 1 without a tone mark, 2 with one.
const VOWEL_TABLE = new Uint8Array(65536);
(function fillVowels() {
  const plain = 'aăâeêioôơuưy';
  for (const v of plain) {
    for (const ch of [v, v.toUpperCase()]) {
      VOWEL_TABLE[ch.normalize('NFC').charCodeAt(0)] = 1;
      for (const t of TONE_MARKS) {
        const c = (ch + t).normalize('NFC');
        if (c.length === 1) VOWEL_TABLE[c.charCodeAt(0)] = 2;
      }
    }
  }
})();
const I_OR_Y = new Set('iíìỉĩịyýỳỷỹỵIÍÌỈĨỊYÝỲỶỸỴ');
const IY_TABLE = new Uint8Array(65536);
for (const ch of I_OR_Y) IY_TABLE[ch.charCodeAt(0)] = 1;
/** base vowel of a code unit (any tone, either case): 1 o, 2 a, 3 e, 4 u, 5 y (ô, ơ, ă, â, ê, ư excluded) */
const BASE = new Uint8Array(65536);
(function fillBases() {
  ([['o', 1], ['a', 2], ['e', 3], ['u', 4], ['y', 5]] as const).forEach(([v, b]) => {
    for (const ch of familyOf(v)) BASE[ch.charCodeAt(0)] = b;
  });
})();

/** a letter or a combining mark */
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (unitClass(c) & (UNIT_LETTER | UNIT_MARK)) !== 0;
}

/**
 * One class per code unit for the hot loop: 0 unknown (filled lazily), 1 not a word character, 2 consonant or
 * combining mark, 3 o, 4 a, 5 e, 6 u, 7 y, 8 i (any tone, either case), 9 another vowel (ă, â, ê, ô, ơ, ư).
 */
const CT = new Uint8Array(65536);
const I_FAMILY = new Set('iíìỉĩịIÍÌỈĨỊ');
function fillClass(c: number): number {
  let k: number;
  if (!isWordChar(c)) k = 1;
  else if (BASE[c]) k = BASE[c] + 2;
  else if (I_FAMILY.has(String.fromCharCode(c))) k = 8;
  else if (VOWEL_TABLE[c]) k = 9;
  else k = 2;
  CT[c] = k;
  return k;
}

/**
 * Tone placement varies by style only in the clusters oa, oe and uy (hòa/hoà, khỏe/khoẻ, thủy/thuỷ): a word is
 * a tone candidate when it holds one of them with a tone mark on either vowel.
 */
function placementCluster(prev: number, c: number): boolean {
  const b = BASE[prev];
  const d = BASE[c];
  if (!((b === 1 && (d === 2 || d === 3)) || (b === 4 && d === 5))) return false;
  return VOWEL_TABLE[prev] === 2 || VOWEL_TABLE[c] === 2;
}

/** The word ending at i (exclusive) and separated from the next by spaces only, on one line, or null. */
function neighbourBefore(text: string, a: number): { start: number; end: number } | null {
  let j = a;
  let n = 0;
  while (j > 0 && isSpaceCode(text.charCodeAt(j - 1)) && n++ < 3) j--;
  if (j === a) return null;
  let k = j;
  while (k > 0 && isWordChar(text.charCodeAt(k - 1))) k--;
  if (k === j || isDigitCode(text.charCodeAt(k - 1))) return null;
  return { start: k, end: j };
}

function neighbourAfter(text: string, b: number): { start: number; end: number } | null {
  let j = b;
  let n = 0;
  while (j < text.length && isSpaceCode(text.charCodeAt(j)) && n++ < 3) j++;
  if (j === b) return null;
  let k = j;
  while (k < text.length && isWordChar(text.charCodeAt(k))) k++;
  if (k === j || isDigitCode(text.charCodeAt(k))) return null;
  return { start: j, end: k };
}

function keyOfWord(text: string, w: { start: number; end: number }): string {
  const lower = text.slice(w.start, w.end).toLowerCase();
  return classify(lower).key;
}

interface Group {
  kind: VariantHit['kind'];
  /** surface (lower-cased for syllables, case pattern key for phrases) → occurrences */
  forms: Map<string, Occurrence[]>;
  /** a representative written form per surface */
  shown: Map<string, string>;
}

function addForm(g: Group, surface: string, occ: Occurrence, shown: string): void {
  const list = g.forms.get(surface);
  if (list) list.push(occ);
  else {
    g.forms.set(surface, [occ]);
    g.shown.set(surface, shown);
  }
}

export interface TermsOptions {
  /** glossary: variant → preferred */
  terms?: Record<string, string>;
}

interface Glossary {
  /** lower-cased variant → preferred (as configured) */
  variants: Map<string, string>;
  /** lower-cased preferred forms */
  preferred: Set<string>;
  entries: [string, string][];
}

function glossaryOf(terms: Record<string, string> | undefined): Glossary {
  const variants = new Map<string, string>();
  const preferred = new Set<string>();
  const entries: [string, string][] = [];
  if (terms && typeof terms === 'object') {
    for (const [k, v] of Object.entries(terms)) {
      if (typeof v !== 'string') continue;
      const variant = k.normalize('NFC').trim();
      const pref = v.normalize('NFC').trim();
      if (!variant || !pref || variant === pref) continue;
      variants.set(variant.toLowerCase(), pref);
      preferred.add(pref.toLowerCase());
      entries.push([variant, pref]);
    }
  }
  return { variants, preferred, entries };
}

/** Choose the preferred surface of a group: glossary, else the most frequent, else the first written. */
function pickPreferred(g: Group, gl: Glossary): { surface: string; fromGlossary: boolean } {
  const surfaces = [...g.forms.keys()];
  for (const s of surfaces) {
    const shown = (g.shown.get(s) ?? s).toLowerCase();
    if (gl.preferred.has(shown)) return { surface: s, fromGlossary: true };
  }
  const nonVariant = surfaces.filter((s) => !gl.variants.has((g.shown.get(s) ?? s).toLowerCase()));
  const pool = nonVariant.length ? nonVariant : surfaces;
  let best = pool[0];
  for (const s of pool) {
    const n = g.forms.get(s)!.length;
    const b = g.forms.get(best)!.length;
    if (n > b || (n === b && g.forms.get(s)![0].start < g.forms.get(best)![0].start)) best = s;
  }
  return { surface: best, fromGlossary: nonVariant.length !== surfaces.length };
}

const MAX_RELATED = 3;

function hitsOfGroup(g: Group, gl: Glossary, out: VariantHit[], replacement: (occ: Occurrence, preferredShown: string) => string | null): void {
  if (g.forms.size < 2) return;
  const { surface, fromGlossary } = pickPreferred(g, gl);
  const prefOcc = g.forms.get(surface)!;
  const prefShown = g.shown.get(surface) ?? surface;
  for (const [s, occs] of g.forms) {
    if (s === surface) continue;
    for (const o of occs) {
      const rep = replacement(o, prefShown);
      if (rep === null) continue;
      out.push({
        kind: g.kind,
        start: o.start,
        end: o.end,
        text: o.text,
        replacement: rep,
        preferred: prefShown,
        preferredCount: prefOcc.length,
        related: prefOcc.slice(0, MAX_RELATED),
        fromGlossary,
      });
    }
  }
}

/**
 * A quoted phrase on one line: “, at most 100 units that are no quote mark or line break, ”. Its non-overlapping
 * matches are the phrases the old scan (from each “ up to 100 units ahead) accepted: one native search, since
 * an interpreted step per quoted unit cost more than the rest of the rule.
 */
const QUOTED = /\u201c([^\u201c\u201d\n\r]{0,100})\u201d/g;
/** two words: a known word unit, then another unit, then a known word unit (exact when no rarer letter is there) */
const TWO_WORDS = new RegExp(`[${SEEDED_LETTERS}${SEEDED_MARKS}][^${SEEDED_LETTERS}${SEEDED_MARKS}]+[${SEEDED_LETTERS}${SEEDED_MARKS}]`);
/**
 * The units that may be a letter or mark outside SEEDED_LETTERS/SEEDED_MARKS (ª, µ, º, IPA, Greek, …): everything
 * but ASCII, Latin-1 and Latin Extended-A/B, the combining diacritics, Latin Extended Additional and General
 * Punctuation (a test checks the ranges against unitClass).
 */
export const MAYBE_RARE_WORD = /[^\u0000-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f]/;

/** How many words (runs of letters and marks) `s` holds, up to 2. */
function wordsUpTo2(s: string): number {
  let words = 0;
  let inWord = false;
  for (let k = 0; k < s.length && words < 2; k++) {
    const w = isWordChar(s.charCodeAt(k));
    if (w && !inWord) words++;
    inWord = w;
  }
  return words;
}

/** Quoted phrases “…” on one line with at least two words. */
export function quotedPhrases(text: string): Occurrence[] {
  const out: Occurrence[] = [];
  QUOTED.lastIndex = 0;
  for (let m = QUOTED.exec(text); m !== null; m = QUOTED.exec(text)) {
    const inner = m[1];
    if (MAYBE_RARE_WORD.test(inner) ? wordsUpTo2(inner) >= 2 : TWO_WORDS.test(inner)) out.push({ start: m.index + 1, end: m.index + 1 + inner.length, text: inner });
  }
  return out;
}

/** The case of each letter after the first: "Kỷ luật và Đồng tâm" → "lllllllUlll" (U upper, l lower). */
function casePattern(s: string): string {
  const lo = s.toLowerCase();
  const up = s.toUpperCase();
  if (lo.length !== s.length || up.length !== s.length) return s;
  let p = '';
  for (let k = 1; k < s.length; k++) {
    const l = lo.charCodeAt(k);
    const u = up.charCodeAt(k);
    if (l === u) continue;
    p += s.charCodeAt(k) === u ? 'U' : 'l';
  }
  return p;
}

function applyCasePattern(s: string, like: string): string | null {
  if (s.length !== like.length) return null;
  let out = s[0] ?? '';
  for (let k = 1; k < s.length; k++) {
    const ch = s[k];
    const l = like[k];
    if (ch.toLowerCase() !== l.toLowerCase()) return null;
    out += isUpper(l) ? ch.toUpperCase() : ch.toLowerCase();
  }
  return out;
}

function collapseSpaces(s: string): string {
  let out = '';
  let space = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (isSpaceCode(c)) {
      if (!space) out += ' ';
      space = true;
    } else {
      out += s[k];
      space = false;
    }
  }
  return out.trim();
}

// ---------------------------------------------------------------------------------------------------------
// Glossary occurrences

function glossaryHits(text: string, gl: Glossary, out: VariantHit[]): void {
  if (!gl.entries.length) return;
  const lower = lowerOf(text);
  for (const [variant, pref] of gl.entries) {
    const caseOnly = variant.toLowerCase() === pref.toLowerCase();
    const hay = caseOnly ? text : lower;
    const needle = caseOnly ? variant : variant.toLowerCase();
    let i = hay.indexOf(needle);
    while (i >= 0) {
      const end = i + needle.length;
      if (!isWordChar(text.charCodeAt(i - 1)) && !isWordChar(text.charCodeAt(end)) && !isDigitCode(text.charCodeAt(end))) {
        const written = text.slice(i, end);
        const rep = caseOnly ? pref : adaptCase(pref, written);
        if (rep !== written) {
          out.push({
            kind: 'glossary',
            start: i,
            end,
            text: written,
            replacement: rep,
            preferred: pref,
            preferredCount: 0,
            related: [],
            fromGlossary: true,
          });
        }
      }
      i = hay.indexOf(needle, i + 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Candidate words

/** every toned form of the given base vowels, both cases (NFC) */
const tonedOf = (bases: string): string => familyOf(bases, TONE_MARKS);

/**
 * Where a candidate word may be: o then a or e, or u then y, with a tone mark on one of the two (tone placement
 * varies there: isCandidate asks for the mark, so the many untoned "oa", "uy" of "doanh", "quyết", "chuyển"
 * are not handed over at all), or the last letter of an onset then an i or y that no Latin letter or combining
 * diacritic follows (a word's last letter, or one before a rarer letter; only such a word can classify as i/y),
 * any tone and case. isCandidate tests the whole word, so an extra hit changes nothing. Fixed classes: linear,
 * and no Unicode-property class to compile.
 */
const ONSET_ENDS = 'bcdđghklmnprstvxBCDĐGHKLMNPRSTVX';
const CANDIDATE_PAIR =
  `[${tonedOf('o')}][${familyOf('ae')}]|[${familyOf('o')}][${tonedOf('ae')}]|[${tonedOf('u')}][${familyOf('y')}]|[${familyOf('u')}][${tonedOf('y')}]` +
  `|[${ONSET_ENDS}][${familyOf('iy')}](?![A-Za-z\\u00c0-\\u024f\\u0300-\\u036f\\u1e00-\\u1eff])`;
/**
 * The code units the text layer knows up front as letters or marks (ASCII letters, Latin-1 and Latin Extended-A/B
 * letters, the combining diacritics, Latin Extended Additional: see unitClass): a subset of isWordChar.
 */
const KNOWN_WORD = SEEDED_LETTERS + SEEDED_MARKS;
/**
 * A whole run of at most 8 known word units that holds a candidate pair, found from the pair: the rest of the
 * run after it (at most 6 units), then a look back over the whole run, captured (at most 8 units, not preceded
 * by one). So the scan hands over each word once, as a string, and only a new word costs a loop in JS. Every
 * step is bounded (6 forward, 8 back per pair position): linear. A run next to a word unit outside the known
 * set (a rarer letter or mark) is not the whole word: the caller checks its two neighbours.
 */
const CANDIDATE_WORD = new RegExp(`(?:${CANDIDATE_PAIR})[${KNOWN_WORD}]{0,6}(?![${KNOWN_WORD}])(?<=(?<![${KNOWN_WORD}])([${KNOWN_WORD}]{2,8}))`, 'g');

/**
 * Whether the word text[a, i) (letters and marks, at most 8) is worth classifying: it holds o+a, o+e or u+y
 * with a tone mark on either vowel, or it has at most 5 code units and ends in i/y right after a consonant.
 */
function isCandidate(text: string, a: number, i: number): boolean {
  for (let k = a + 1; k < i; k++) {
    const pc = text.charCodeAt(k - 1);
    const c = text.charCodeAt(k);
    const pk = CT[pc] || fillClass(pc);
    const ck = CT[c] || fillClass(c);
    if (((pk === 3 && (ck === 4 || ck === 5)) || (pk === 6 && ck === 7)) && (VOWEL_TABLE[pc] === 2 || VOWEL_TABLE[c] === 2)) return true;
  }
  if (i - a > 5 || i - a < 2) return false;
  const last = CT[text.charCodeAt(i - 1)] || fillClass(text.charCodeAt(i - 1));
  const before = CT[text.charCodeAt(i - 2)] || fillClass(text.charCodeAt(i - 2));
  return (last === 7 || last === 8) && before === 2;
}

/**
 * Calls `visit` once for each word that may be a candidate, in document order: a whole word (letters and marks,
 * at most 8 code units, no digit right before or after it) that holds a candidate pair. `written` is the word.
 */
export function forEachCandidateWord(text: string, visit: (a: number, i: number, written: string) => void): void {
  const n = text.length;
  // the word around p when it holds a unit outside the search's known set (rare): found letter by letter
  let lastVisited = -1;
  const consider = (p: number): void => {
    let a = p;
    while (a > 0 && p - a < 9 && (CT[text.charCodeAt(a - 1)] || fillClass(text.charCodeAt(a - 1))) !== 1) a--;
    if (a === lastVisited || p - a > 8) return;
    let i = p + 1;
    while (i < n && i - a <= 8 && (CT[text.charCodeAt(i)] || fillClass(text.charCodeAt(i))) !== 1) i++;
    if (i - a > 8) return;
    if (isDigitCode(text.charCodeAt(a - 1)) || isDigitCode(text.charCodeAt(i))) return;
    lastVisited = a;
    visit(a, i, text.slice(a, i));
  };
  // one native search hands over each candidate word as a string: JS runs once per word, not per letter
  CANDIDATE_WORD.lastIndex = 0;
  for (let m = CANDIDATE_WORD.exec(text); m !== null; m = CANDIDATE_WORD.exec(text)) {
    const written = m[1];
    const i = CANDIDATE_WORD.lastIndex;
    const a = i - written.length;
    const before = text.charCodeAt(a - 1);
    const after = text.charCodeAt(i);
    if ((a > 0 && isWordChar(before)) || isWordChar(after)) consider(a);
    else if (!isDigitCode(before) && !isDigitCode(after)) visit(a, i, written);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Entry point

/** Every occurrence of a non-preferred spelling in an NFC text, sorted by position, one per location. */
export function findVariants(text: string, opts: TermsOptions = {}): VariantHit[] {
  const gl = glossaryOf(opts.terms);
  const hits: VariantHit[] = [];
  glossaryHits(text, gl, hits);

  // 1. every candidate word as written → its offsets
  interface Slot {
    written: string;
    lower: string;
    cls: WordClass;
    starts: number[];
  }
  // slots by a hash of the written word, in the order the buckets were made: the order the groups are built in
  // below (it decides which of two i/y groups of one occurrence reports it); `byWord` finds a word's slot again
  // (null: not a candidate)
  const slots = new Map<number, Slot[]>();
  const byWord = new Map<string, Slot | null>();
  forEachCandidateWord(text, (a, i, written) => {
    let slot = byWord.get(written);
    if (slot === undefined) {
      slot = null;
      if (isCandidate(text, a, i)) {
        let h = 2166136261;
        for (let k = 0; k < written.length; k++) h = Math.imul(h ^ written.charCodeAt(k), 16777619);
        const lower = written.toLowerCase();
        slot = { written, lower, cls: classify(lower), starts: [] };
        const bucket = slots.get(h);
        if (bucket) bucket.push(slot);
        else slots.set(h, [slot]);
      }
      byWord.set(written, slot);
    }
    if (slot && slot.cls.kind) slot.starts.push(a);
  });
  const allSlots: Slot[] = [];
  for (const b of slots.values()) for (const sl of b) allSlots.push(sl);

  // 2. keys written with more than one (lower-cased) surface
  const surfacesByKey = new Map<string, Set<string>>();
  for (const slot of allSlots) {
    if (!slot.cls.kind) continue;
    const k = slot.cls.kind + '|' + slot.cls.key;
    const set = surfacesByKey.get(k);
    if (set) set.add(slot.lower);
    else surfacesByKey.set(k, new Set([slot.lower]));
  }
  const tone = new Map<string, Group>();
  const iy = new Map<string, Group>();
  for (const slot of allSlots) {
    const kind = slot.cls.kind;
    if (!kind || (surfacesByKey.get(kind + '|' + slot.cls.key)?.size ?? 0) < 2) continue;
    const len = slot.written.length;
    for (const a of slot.starts) {
      const occ = { start: a, end: a + len, text: slot.written };
      if (kind === 'tone') {
        let g = tone.get(slot.cls.key);
        if (!g) tone.set(slot.cls.key, (g = { kind: 'tone', forms: new Map(), shown: new Map() }));
        addForm(g, slot.lower, occ, slot.lower);
        continue;
      }
      // i/y: grouped per two-word term, with the word before and with the word after
      const prev = neighbourBefore(text, a);
      const next = neighbourAfter(text, a + len);
      if (prev) {
        const key = `R|${keyOfWord(text, prev)} ${slot.cls.key}`;
        let g = iy.get(key);
        if (!g) iy.set(key, (g = { kind: 'iy', forms: new Map(), shown: new Map() }));
        addForm(g, slot.lower, occ, slot.lower);
      }
      if (next) {
        const key = `L|${slot.cls.key} ${keyOfWord(text, next)}`;
        let g = iy.get(key);
        if (!g) iy.set(key, (g = { kind: 'iy', forms: new Map(), shown: new Map() }));
        addForm(g, slot.lower, occ, slot.lower);
      }
    }
  }
  // occurrences in document order inside each form (slots were visited per written form)
  for (const g of [...tone.values(), ...iy.values()]) for (const list of g.forms.values()) list.sort((x, y) => x.start - y.start);
  const syllableRep = (o: Occurrence, pref: string) => adaptCase(pref, o.text);
  for (const g of tone.values()) hitsOfGroup(g, gl, hits, syllableRep);
  // an i/y group where one of the forms is the glossary's or the majority in one term is enough
  for (const g of iy.values()) hitsOfGroup(g, gl, hits, syllableRep);

  // quoted fixed phrases that differ only in the case of a later letter (tone variants inside them are reported
  // word by word above): grouped by their lower-cased text, case patterns only for repeated phrases
  const byLower = new Map<string, Occurrence[]>();
  for (const q of quotedPhrases(text)) {
    const key = q.text.toLowerCase();
    const list = byLower.get(key);
    if (list) list.push(q);
    else byLower.set(key, [q]);
  }
  for (const list of byLower.values()) {
    if (list.length < 2) continue;
    const g: Group = { kind: 'case', forms: new Map(), shown: new Map() };
    for (const q of list) {
      if (collapseSpaces(q.text) !== q.text) continue; // keep it simple: phrases written with single spaces only
      addForm(g, casePattern(q.text), q, q.text);
    }
    hitsOfGroup(g, gl, hits, (o, pref) => applyCasePattern(o.text, pref));
  }

  // one hit per location (glossary first, then the longest)
  hits.sort((a, b) => a.start - b.start || Number(b.kind === 'glossary') - Number(a.kind === 'glossary') || b.end - a.end);
  const out: VariantHit[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) continue;
    out.push(h);
  }
  return out;
}
