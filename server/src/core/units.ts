/**
 * Units as Vietnamese drafts write them ("%/năm", "tỷ USD", "nghìn tỷ đồng", "triệu đồng/người", "825Km",
 * "giường bệnh/1 vạn dân") and their canonical forms.
 *
 * A written unit is read as `[scale words] base [/per]`. Each (base, per) has one canonical scale per size
 * class (e.g. money: 'đồng' for small amounts, 'tỷ đồng' for large ones), and `normalizeUnit` returns the
 * canonical unit and the factor to multiply a written number by. Two canonical units convert into each other
 * when they have the same base and per (`unitsCompatible`), with '%' ~ '%/năm' as a special case.
 *
 * Pure: no Node built-ins. Hand-written scanner, no regex on user text except single-character tests.
 */
import { CASE_UPPER, SEEDED_LETTERS, UNIT_LETTER, caseOf, lowerSlice, unitClass } from './text';

export type UnitFamily = 'percent' | 'money' | 'mass' | 'area' | 'length' | 'energy' | 'count' | 'other';

export interface NormalizedUnit {
  /** canonical unit ('' for a bare scale word such as "triệu") */
  unit: string;
  /** multiply the written number by this to get a value in `unit` */
  factor: number;
}

export interface UnitMatch extends NormalizedUnit {
  /** end offset (exclusive) of the unit in the scanned text */
  end: number;
  /** the unit as written */
  written: string;
  family: UnitFamily;
}

// ---------------------------------------------------------------------------------------------------------
// Float hygiene

/** Removes float noise from a product of a written number and a power-of-ten factor (12 significant digits). */
export function cleanFloat(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  // an integer of at most 12 digits is its own 12-digit rounding: skip toPrecision, slow when cold
  if (Number.isInteger(x) && x < 1e12 && x > -1e12) return x;
  return Number(x.toPrecision(12));
}

// ---------------------------------------------------------------------------------------------------------
// Characters

export function isLetterCode(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c < 0xc0 || Number.isNaN(c)) return false;
  // every Vietnamese letter without a call: unitClass knows Latin-1 (but × ÷), Latin Extended-A/B and Extended
  // Additional as letters up front
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x1e00 && c <= 0x1eff) return true;
  // General Punctuation (“ ” – … ‰, spaces) holds no letter: drafts are full of it, so it is answered here
  // without the call (unitClass knows the block too)
  if (c >= 0x2000 && c <= 0x206f) return false;
  return unitClass(c) === UNIT_LETTER;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** space, tab or no-break space (never a line break) */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 9 || c === 0x202f;
}

/**
 * Word characters that `isLetterCode` knows without asking `unitClass`'s regex (ASCII and Latin-1 letters, Latin
 * Extended-A/B and Extended Additional: every Vietnamese letter), digits, ² and ³. Sticky: `wordEnd` runs it at a
 * position to cross most words at native speed instead of one interpreted step per character.
 */
const WORD_RUN = new RegExp(`[0-9\\u00b2\\u00b3${SEEDED_LETTERS}]*`, 'y');

/** End of the word starting at i: a letter, then letters, digits, ² and ³ ("kWh", "km2", "m³"). */
export function wordEnd(s: string, i: number): number {
  if (i >= s.length || !isLetterCode(s.charCodeAt(i))) return i;
  let j = i + 1;
  for (;;) {
    WORD_RUN.lastIndex = j;
    WORD_RUN.test(s); // always matches (maybe empty)
    j = WORD_RUN.lastIndex;
    // WORD_RUN stopped at a non-word character, or at a letter outside its ranges (Greek, Cyrillic, …): step over it
    const c = s.charCodeAt(j);
    if (c < 0xc0 || !isLetterCode(c)) return j;
    j++;
  }
}

/** Start of the next word after the one ending at i, when exactly one space separates them; -1 otherwise. */
function nextWordStart(s: string, i: number): number {
  if (i < s.length && isSpaceCode(s.charCodeAt(i)) && i + 1 < s.length && isLetterCode(s.charCodeAt(i + 1))) return i + 1;
  return -1;
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary

interface BaseDef {
  /** canonical display form of the base ('đồng', 'USD', 'kWh', 'lượt khách', …) */
  name: string;
  /** dimension key: bases with the same dim convert into each other */
  dim: string;
  /** this base in units of the dim's reference base (MWh = 1000 kWh) */
  mult: number;
  family: UnitFamily;
  /** accepted only when not followed by another word, unless that word is in FOLLOW_OK ("đồng chí" is no unit) */
  needsEnd?: boolean;
  /** words that, following the base, show it is not a unit ("tấn công") */
  notBefore?: string[];
  /** case rule for ASCII spellings: 'lower' accepts only the lower-case or upper-case spelling ("ha", "HA") */
  strictCase?: boolean;
  /** scale words allowed before it */
  scalable: boolean;
}

/** Every base has every field, in one order: one object shape for the code that reads them. */
const B = (name: string, dim: string, family: UnitFamily, extra: Partial<BaseDef> = {}): BaseDef => ({
  name,
  dim,
  mult: extra.mult ?? 1,
  family,
  needsEnd: extra.needsEnd ?? false,
  notBefore: extra.notBefore,
  strictCase: extra.strictCase ?? false,
  scalable: extra.scalable ?? true,
});

const DONG = B('đồng', 'vnd', 'money');
const USD = B('USD', 'usd', 'money');
const TAN = B('tấn', 'tan', 'mass', { notBefore: ['công'] });
const KWH = B('kWh', 'kwh', 'energy');
const LUOT_KHACH = B('lượt khách', 'luot', 'count');

/** base spellings, keyed by their lower-cased words joined with one space */
const BASES = new Map<string, BaseDef>([
  ['điểm phần trăm', B('điểm phần trăm', 'pp', 'percent', { scalable: false })],
  ['đồng', B('đồng', 'vnd', 'money', { needsEnd: true })],
  ['vnđ', DONG],
  ['vnd', DONG],
  ['đ', B('đồng', 'vnd', 'money', { needsEnd: true })],
  ['usd', USD],
  ['đô la', USD],
  ['đô la mỹ', USD],
  ['tấn', TAN],
  ['ha', B('ha', 'ha', 'area', { strictCase: true })],
  ['héc ta', B('ha', 'ha', 'area')],
  ['hecta', B('ha', 'ha', 'area')],
  ['km2', B('ha', 'ha', 'area', { mult: 100 })],
  ['km²', B('ha', 'ha', 'area', { mult: 100 })],
  ['m2', B('m²', 'm2', 'area')],
  ['m²', B('m²', 'm2', 'area')],
  ['km', B('km', 'km', 'length')],
  ['m3', B('m³', 'm3', 'other')],
  ['m³', B('m³', 'm3', 'other')],
  ['kwh', KWH],
  ['mwh', B('kWh', 'kwh', 'energy', { mult: 1e3 })],
  ['gwh', B('kWh', 'kwh', 'energy', { mult: 1e6 })],
  ['mw', B('MW', 'mw', 'energy')],
  ['lượt khách', LUOT_KHACH],
  ['lượt người', B('lượt người', 'luot', 'count')],
  ['lượt', B('lượt', 'luot', 'count')],
  ['người', B('người', 'nguoi', 'count')],
  ['lao động', B('lao động', 'lao-dong', 'count')],
  ['doanh nghiệp', B('doanh nghiệp', 'doanh-nghiep', 'count')],
  ['teu', B('TEU', 'teu', 'count')],
  ['tuổi', B('tuổi', 'tuoi', 'other', { scalable: false })],
  ['điểm', B('điểm', 'diem', 'other', { needsEnd: true, scalable: false })],
  ['lần', B('lần', 'lan', 'other', { scalable: false })],
]);
const MAX_BASE_WORDS = 3;
/** the first word of every base spelling: a word not among them starts no base */
const BASE_FIRST_WORDS = new Set([...BASES.keys()].map((k) => k.split(' ')[0]));

/** words that may follow a base flagged `needsEnd` ("500 đồng mỗi", "70 điểm và") */
const FOLLOW_OK = new Set([
  'và', 'hoặc', 'trở', 'trên', 'dưới', 'so', 'tăng', 'giảm', 'của', 'với', 'là', 'trong', 'đến', 'theo', 'tại',
  'mỗi', 'một', 'cho', 'năm', 'vào', 'thì', 'nhưng', 'còn', 'đứng', 'xếp', 'cao', 'thấp', 'gấp', 'bằng', 'từ',
]);

const SCALES = new Map<string, number>([
  ['nghìn', 1e3],
  ['ngàn', 1e3],
  ['triệu', 1e6],
  ['tỷ', 1e9],
  ['tỉ', 1e9],
]);
/** words after "tỷ" that make it another word ("tỷ lệ", "tỷ trọng") */
const NOT_AFTER_TY = new Set(['lệ', 'trọng', 'suất', 'giá', 'số', 'phú']);

const PERS = new Set(['năm', 'người', 'tháng', 'ngày', 'giờ', 'ha', 'km', 'lượt', 'hộ']);
const SCALE_WORD: Record<number, string> = { 1: '', 1e3: 'nghìn', 1e6: 'triệu', 1e9: 'tỷ' };

// ---------------------------------------------------------------------------------------------------------
// Canonical forms

/** canonical scale for a base (and per) given the written scale */
function canonicalScale(base: BaseDef, per: string, scale: number): number {
  switch (base.dim) {
    case 'vnd':
      if (per) return 1e6; // triệu đồng/người
      return scale >= 1e6 ? 1e9 : 1; // tỷ đồng | đồng
    case 'usd':
      if (per) return 1; // USD/người
      return scale >= 1e6 ? 1e9 : 1; // tỷ USD | USD
    case 'tan':
      return scale >= 1e6 ? 1e6 : 1; // triệu tấn | tấn
    case 'kwh':
      return scale >= 1e6 ? 1e9 : 1; // tỷ kWh | kWh
    default:
      return 1;
  }
}

function canonicalName(base: BaseDef, per: string, cScale: number): string {
  if (base.name === '%') return per ? `%/${per}` : '%';
  const sw = SCALE_WORD[cScale] ?? '';
  return (sw ? sw + ' ' : '') + base.name + (per ? '/' + per : '');
}

// ---------------------------------------------------------------------------------------------------------
// Scanner

interface Parsed {
  end: number;
  base: BaseDef | null; // null: bare scale
  per: string;
  /** written scale (scale words × base multiplier; for per-population ratios 1/denominator) */
  scale: number;
  /** scale words only, for the bare-scale case */
  scaleWords: string[];
}

const PERCENT_BASE: BaseDef = B('%', 'pct', 'percent', { scalable: false });

/** reads "/năm", "/người", "/người/năm", "/1 vạn dân", "/10.000 dân"; returns [end, per, populationSize] */
function readPer(s: string, i: number): [number, string, number] | null {
  let j = i;
  if (j < s.length && isSpaceCode(s.charCodeAt(j)) && s.charCodeAt(j + 1) === 47) j++;
  if (s.charCodeAt(j) !== 47 /* / */) return null;
  j++;
  if (j < s.length && isSpaceCode(s.charCodeAt(j))) j++;
  // population denominators
  const pop = readPopulation(s, j);
  if (pop) return [pop[0], 'vạn dân', pop[1]];
  const we = wordEnd(s, j);
  if (we === j) return null;
  const w = lowerSlice(s, j, we);
  if (!PERS.has(w)) return null;
  // "người/năm"
  if (s.charCodeAt(we) === 47) {
    const w2e = wordEnd(s, we + 1);
    const w2 = lowerSlice(s, we + 1, w2e);
    if (w2e > we + 1 && PERS.has(w2) && w2 !== w) return [w2e, `${w}/${w2}`, 0];
  }
  return [we, w, 0];
}

/** "1 vạn dân", "vạn dân", "10.000 dân", "1.000 dân", "100.000 dân" → [end, population] */
function readPopulation(s: string, i: number): [number, number] | null {
  let j = i;
  let n = 1;
  if (isDigitCode(s.charCodeAt(j))) {
    let k = j;
    let digits = '';
    while (k < s.length) {
      const c = s.charCodeAt(k);
      if (isDigitCode(c)) digits += s[k];
      else if (c === 46 && isDigitCode(s.charCodeAt(k + 1))) {
        /* thousands dot */
      } else break;
      k++;
    }
    n = Number(digits);
    if (!(n > 0)) return null;
    if (!isSpaceCode(s.charCodeAt(k))) return null;
    j = k + 1;
  }
  let we = wordEnd(s, j);
  let w = lowerSlice(s, j, we);
  if (w === 'vạn') {
    n *= 1e4;
    const ns = nextWordStart(s, we);
    if (ns < 0) return null;
    j = ns;
    we = wordEnd(s, j);
    w = lowerSlice(s, j, we);
  } else if (w === 'nghìn' || w === 'ngàn') {
    n *= 1e3;
    const ns = nextWordStart(s, we);
    if (ns < 0) return null;
    j = ns;
    we = wordEnd(s, j);
    w = lowerSlice(s, j, we);
  }
  if (w !== 'dân' || n < 100) return null;
  return [we, n];
}

/** matches a base starting at i (longest first); returns [end, base] */
function readBase(s: string, i: number): [number, BaseDef] | null {
  const ends: number[] = [];
  let e = wordEnd(s, i);
  if (e === i) return null;
  // most words after a number are no unit: reject them before reading two more words
  if (!BASE_FIRST_WORDS.has(lowerSlice(s, i, e))) return null;
  ends.push(e);
  while (ends.length < MAX_BASE_WORDS) {
    const ns = nextWordStart(s, e);
    if (ns < 0) break;
    e = wordEnd(s, ns);
    ends.push(e);
  }
  for (let k = ends.length - 1; k >= 0; k--) {
    const written = s.slice(i, ends[k]);
    // (a no-break space is rare: skip the regex replace without one)
    const lower = written.toLowerCase();
    const key = lower.includes('\u00a0') ? lower.replace(/\u00a0/g, ' ') : lower;
    const base = BASES.get(key);
    if (!base) continue;
    if (base.strictCase && written !== key && written !== written.toUpperCase()) continue;
    const end = ends[k];
    // what follows
    const ns = nextWordStart(s, end);
    const next = ns >= 0 ? lowerSlice(s, ns, wordEnd(s, ns)) : '';
    if (base.notBefore && next && base.notBefore.includes(next)) continue;
    if (base.needsEnd && next && !FOLLOW_OK.has(next)) continue;
    return [end, base];
  }
  return null;
}

/** a noun phrase of 1–4 lower-case words followed by a per-population denominator ("giường bệnh/1 vạn dân") */
function readRatio(s: string, i: number): Parsed | null {
  let e = i;
  for (let k = 0; k < 4; k++) {
    const ws = k === 0 ? i : nextWordStart(s, e);
    if (ws < 0) return null;
    const c = s[ws];
    if (caseOf(c) & CASE_UPPER) return null;
    e = wordEnd(s, ws);
    if (e === ws) return null;
    if (s.charCodeAt(e) === 47) {
      const pop = readPopulation(s, e + 1);
      if (!pop) return null;
      let noun = s.slice(i, e).toLowerCase().replace(/\s+/g, ' ').replace(/sỹ/g, 'sĩ');
      if (noun === 'giường' || noun.startsWith('giường ')) noun = 'giường bệnh';
      const base: BaseDef = B(noun, 'ratio:' + noun, 'other', { scalable: false });
      return { end: pop[0], base, per: 'vạn dân', scale: 1e4 / pop[1], scaleWords: [] };
    }
  }
  return null;
}

function popScale(per: [number, string, number] | null): number {
  return per && per[2] ? 1e4 / per[2] : 1;
}

function parseAt(s: string, i: number): Parsed | null {
  const c0 = s.charCodeAt(i);
  if (c0 === 37 /* % */) {
    const per = readPer(s, i + 1);
    if (per && per[1] !== 'vạn dân') return { end: per[0], base: PERCENT_BASE, per: per[1], scale: 1, scaleWords: [] };
    return { end: i + 1, base: PERCENT_BASE, per: '', scale: 1, scaleWords: [] };
  }
  if (!isLetterCode(c0)) return null;
  // scale words
  let j = i;
  let scale = 1;
  const scaleWords: string[] = [];
  let afterScale = i;
  while (scaleWords.length < 2) {
    const we = wordEnd(s, j);
    const w = lowerSlice(s, j, we);
    const f = SCALES.get(w);
    if (f === undefined) break;
    const ns = nextWordStart(s, we);
    if (f === 1e9 && ns >= 0 && NOT_AFTER_TY.has(lowerSlice(s, ns, wordEnd(s, ns)))) break;
    scale *= f;
    scaleWords.push(w);
    afterScale = we;
    if (ns < 0) break;
    j = ns;
  }
  if (scaleWords.length > 0) {
    const ns = nextWordStart(s, afterScale);
    const b = ns >= 0 ? readBase(s, ns) : null;
    if (b && b[1].scalable) {
      const per = readPer(s, b[0]);
      return {
        end: per ? per[0] : b[0],
        base: b[1],
        per: per ? per[1] : '',
        scale: scale * b[1].mult * popScale(per),
        scaleWords,
      };
    }
    // bare scale ("nghìn tỷ", "triệu")
    return { end: afterScale, base: null, per: '', scale, scaleWords };
  }
  const b = readBase(s, i);
  if (b) {
    const per = readPer(s, b[0]);
    return { end: per ? per[0] : b[0], base: b[1], per: per ? per[1] : '', scale: b[1].mult * popScale(per), scaleWords };
  }
  return readRatio(s, i);
}

function finish(p: Parsed, s: string, start: number): UnitMatch {
  const written = s.slice(start, p.end);
  if (!p.base) {
    const w = p.scaleWords;
    if (w.length === 2 && (w[0] === 'nghìn' || w[0] === 'ngàn') && (w[1] === 'tỷ' || w[1] === 'tỉ')) {
      // "565 ngàn tỷ": drafts mean money
      return { end: p.end, unit: 'tỷ đồng', factor: 1000, written, family: 'money' };
    }
    return { end: p.end, unit: '', factor: p.scale, written, family: 'other' };
  }
  if (p.base.dim.startsWith('ratio:')) {
    return { end: p.end, unit: p.base.name + '/vạn dân', factor: cleanFloat(p.scale), written, family: p.base.family };
  }
  const cs = canonicalScale(p.base, p.per, p.scale);
  return {
    end: p.end,
    unit: canonicalName(p.base, p.per, cs),
    factor: cleanFloat(p.scale / cs),
    written,
    family: p.base.family,
  };
}

/**
 * The unit written at offset i of s (no leading spaces skipped), longest match: "%", "%/năm", "tỷ đồng",
 * "nghìn tỷ đồng", "triệu đồng/người", "Km", "giường bệnh/1 vạn dân", a bare scale word ("triệu"). Null when
 * no unit starts there.
 */
export function matchUnitAt(s: string, i: number): UnitMatch | null {
  const p = parseAt(s, i);
  return p ? finish(p, s, i) : null;
}

/** Canonical unit and factor of a unit as written; null when it is not a unit we know. */
export function normalizeUnit(written: string): NormalizedUnit | null {
  const s = written.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!s) return null;
  const m = matchUnitAt(s, 0);
  if (!m || m.end !== s.length) return null;
  return { unit: m.unit, factor: m.factor };
}

interface Dim {
  dim: string;
  /** size of one unit in the dim's reference unit */
  size: number;
  family: UnitFamily;
}

function dimOf(unit: string): Dim | null {
  const s = unit.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (!s) return null;
  const p = parseAt(s, 0);
  if (!p || p.end !== s.length) return null;
  if (!p.base) {
    const m = finish(p, s, 0);
    if (m.unit === 'tỷ đồng') return { dim: 'vnd', size: 1e12, family: 'money' };
    return null;
  }
  let dim = p.base.dim + (p.per ? '/' + p.per : '');
  if (p.base.dim === 'pct' && (p.per === '' || p.per === 'năm')) dim = 'pct';
  return { dim, size: p.scale, family: p.base.family };
}

/**
 * The factor that converts a value in unit `a` into unit `b` (canonical or as written), or null when they
 * measure different things. `%` ~ `%/năm` → 1; `tỷ đồng` → `nghìn tỷ đồng` → 0.001; `USD` → `tỷ USD` → 1e-9.
 */
export function unitsCompatible(a: string, b: string): number | null {
  if (a === b) return 1;
  const da = dimOf(a);
  const db = dimOf(b);
  if (!da || !db || da.dim !== db.dim) return null;
  return cleanFloat(da.size / db.size);
}

/** Converts a value between compatible units without float noise; null when incompatible. */
export function convertValue(value: number, from: string, to: string): number | null {
  const f = unitsCompatible(from, to);
  if (f === null) return null;
  if (f >= 1) return cleanFloat(value * f);
  return cleanFloat(value / cleanFloat(1 / f));
}

/** Family of a unit (canonical or as written); 'other' for units we do not know and for ''. */
export function unitFamily(unit: string): UnitFamily {
  const d = dimOf(unit);
  return d ? d.family : 'other';
}
