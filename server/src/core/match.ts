/**
 * Matching figures to indicators. A figure is attached only when the matcher is sure:
 *  - an indicator (data file first, built-in vocabulary second) is named as the subject of the same clause,
 *    before the figure, with no other subject, "trong đó" or clause end in between (longest alias wins);
 *  - the figure's unit converts to the indicator's unit (a growth rate never takes a level, a share never a total);
 *  - the figure is not a part of something ("…, chiếm 45,9% tổng …"), not in a parenthesis opened after the
 *    subject ("(trước bão là 55%)"), not a change ("tăng 5,8%") of a level;
 *  - its period is explicit in the text, else the section's (template), else the indicator's only value.
 * Anything else stays unmatched: a figure attached to the wrong indicator is worse than none.
 */
import type { TextView } from './text';
import { toneKey, toneKeyOf, isWordChar, unitClass, UNIT_LETTER, UNIT_MARK } from './text';
import type { Figure, Indicator, IndicatorValue, OutlineNode, Period, PeriodMention } from './types';
import { IndicatorSet, nameKeys, type Mention } from './data/indicators';
import { unitsCompatible } from './units';
import { formatPeriod } from './periods';
import type { AppliedTemplate } from './template/apply';
import { GENERIC_ALIASES, VOCAB_PREFIX, vocabularyIndicators } from './vocabulary';

export interface Citation {
  figure: Figure;
  indicator: Indicator;
  /** true when the indicator comes from a data file (it may have canonical values) */
  fromData: boolean;
  mention: { start: number; end: number; alias: string };
  period: Period | null;
  periodText: string | null;
  periodSource: 'explicit' | 'section' | 'only-value' | 'none';
  /** the canonical row for this period, when the data has one */
  value?: IndicatorValue;
  /** multiply the figure's value by this to get the indicator's unit */
  factor: number;
  /** the cited value in the indicator's unit */
  cited: { lo: number; hi: number };
}

export interface MatchInput {
  view: TextView;
  figures: Figure[];
  periods: PeriodMention[];
  data: IndicatorSet;
  applied: AppliedTemplate | null;
  headings?: OutlineNode[];
}

/** How far after the subject a figure may stand (UTF-16 units). */
const MAX_GAP = 160;

let vocabSet: IndicatorSet | undefined;
function vocabulary(): IndicatorSet {
  return (vocabSet ??= IndicatorSet.from(vocabularyIndicators()));
}

/** Words that put an indicator name in object position ("đóng góp … vào tăng trưởng kinh tế"). */
const OBJECT_MARKERS = ['vào', 'trong', 'của', 'với', 'cho', 'bằng', 'chiếm', 'so', 'hơn', 'về'].map((w) => toneKey(w));
/** A sentence that is about a part of the province, not the province ("Khu kinh tế … ; tổng vốn FDI …"). */
const SUBSCOPE = ['khu kinh tế', 'khu công nghiệp', 'cụm công nghiệp', 'huyện', 'thành phố', 'thị xã', 'doanh nghiệp', 'lĩnh vực', 'ngành'].map((w) => toneKey(w));
const SUBSCOPE_OVERLAP = Math.max(...SUBSCOPE.map((w) => w.length)) + 2;
const PROVINCE_WHOLE = ['toàn tỉnh', 'cả tỉnh', 'của tỉnh'].map((w) => toneKey(w));
const TARGET_WORDS = ['mục tiêu', 'chỉ tiêu', 'phấn đấu', 'kế hoạch'].map((w) => toneKey(w));
/** "tăng 5,8% so với …": a change against a base (tone-keyed, like the text it is tested on) */
const COMPARED_WITH = new RegExp('^\\W*' + toneKey('so') + '\\b');
const CHIEM_AT = new RegExp('^\\s*(?:[,;]\\s*)?' + toneKey('chiếm'));
/** "chiếm" (a share) right after a figure, as a whole word */
function chiemFollows(after: string): boolean {
  const m = CHIEM_AT.exec(after);
  return m !== null && (unitClass(after.charCodeAt(m[0].length)) & (UNIT_LETTER | UNIT_MARK)) === 0;
}
const BASE_BEFORE = new RegExp('(^|\\s)(' + ['so với', 'so', 'bằng', 'từ', 'trước'].map((w) => toneKey(w)).join('|') + ')\\s*$');
const BASE_BEFORE_PERIOD = new RegExp('(^|\\s)(' + toneKey('so với') + '|so)\\s+(?:(' + ['năm', 'giai đoạn', 'cùng kỳ'].map((w) => toneKey(w)).join('|') + ')\\s*)?$');

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * A clause end: a line break, ';', ':', '!', '?', or a full stop that ends the text or is followed by a space (so
 * never the dot of "11.000" or "1.1"). ';' ends a clause but not a sentence.
 */
const CLAUSE_END = /[\n\r!?:;]|\.(?![^ \t\n\r])/g;

/**
 * The clause ends of a text, found in one pass, so that finding the clause around each of many figures and
 * subjects costs a binary search instead of a scan of up to `limit` characters each.
 */
class Clauses {
  private all: number[] | undefined;
  private sentence: number[] | undefined;
  constructor(private readonly text: string) {}

  private build(): void {
    const all: number[] = [];
    const sentence: number[] = [];
    const t = this.text;
    // one native search (every match is one character: test, which builds no match array, and lastIndex - 1)
    CLAUSE_END.lastIndex = 0;
    while (CLAUSE_END.test(t)) {
      const at = CLAUSE_END.lastIndex - 1;
      all.push(at);
      if (t.charCodeAt(at) !== 59 /* ; */) sentence.push(at);
    }
    this.all = all;
    this.sentence = sentence;
  }

  /** Start of the clause (or sentence, when withSemicolon is false) containing offset p. */
  start(p: number, withSemicolon: boolean, limit = 2000): number {
    if (!this.all) this.build();
    const ends = withSemicolon ? this.all! : this.sentence!;
    const stop = Math.max(0, p - limit);
    // the last clause end at an offset < p
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    const e = lo > 0 ? ends[lo - 1] : -1;
    return e >= stop ? e + 1 : stop;
  }

  /** The first clause end at or after p (or p + limit, or the end of the text). */
  end(p: number, limit = 2000): number {
    if (!this.all) this.build();
    const ends = this.all!;
    const stop = Math.min(this.text.length, p + limit);
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    return lo < ends.length && ends[lo] < stop ? ends[lo] : stop;
  }
}

/** toneKey'd words immediately before offset p (up to n characters). */
function keyBefore(text: string, p: number, n: number): string {
  return toneKeyOf(text, Math.max(0, p - n), p).replace(/\s+/g, ' ');
}

function hasPhrase(hay: string, phrase: string): boolean {
  let i = hay.indexOf(phrase);
  while (i >= 0) {
    if (!isWordChar(hay[i - 1]) && !isWordChar(hay[i + phrase.length])) return true;
    i = hay.indexOf(phrase, i + 1);
  }
  return false;
}

function endsWithWord(hay: string, word: string): boolean {
  const t = hay.trimEnd();
  return t.endsWith(word) && !isWordChar(t[t.length - word.length - 1]);
}

interface Combined {
  set: IndicatorSet;
  /** ids of the combined set → the data indicator (absent: a vocabulary indicator) */
  original: Map<string, Indicator>;
}

const combinedCache = new WeakMap<IndicatorSet, Combined>();

/**
 * One index over the data and the vocabulary (built once per data set): a vocabulary indicator whose names are
 * also a data indicator's lends that data indicator its other names; the rest of the vocabulary stays as it is.
 */
function combined(data: IndicatorSet): Combined {
  const hit = combinedCache.get(data);
  if (hit) return hit;
  // the names of the data, then of the vocabulary, keyed in one go
  const names: string[] = [];
  for (const ind of data.all()) names.push(ind.name, ...ind.aliases);
  for (const v of vocabularyIndicators()) names.push(v.name, ...v.aliases);
  const keys = nameKeys(names);
  let at = 0;
  const dataByKey = new Map<string, Indicator>();
  for (const ind of data.all()) for (let i = 0; i <= ind.aliases.length; i++) dataByKey.set(keys[at++], ind);
  const extra = new Map<string, string[]>();
  const vocabOnly: Indicator[] = [];
  for (const v of vocabularyIndicators()) {
    const own = [v.name, ...v.aliases];
    const first = at;
    at += own.length;
    let target: Indicator | undefined;
    for (let i = first; i < at && !target; i++) target = dataByKey.get(keys[i]);
    if (!target) {
      vocabOnly.push(v);
      continue;
    }
    const list = extra.get(target.id) ?? [];
    for (let i = 0; i < own.length; i++) if (!dataByKey.has(keys[first + i])) list.push(own[i]);
    extra.set(target.id, list);
  }
  const original = new Map<string, Indicator>();
  const merged: Indicator[] = data.all().map((ind) => {
    original.set(ind.id, ind);
    const more = extra.get(ind.id);
    return more?.length ? { ...ind, aliases: [...ind.aliases, ...more] } : ind;
  });
  const c = { set: IndicatorSet.from([...merged, ...vocabOnly]), original };
  combinedCache.set(data, c);
  return c;
}

/** Mentions of data and vocabulary indicators (longest alias wins), with the data's own indicator objects. */
function allMentions(text: string, data: IndicatorSet): (Mention & { fromData: boolean })[] {
  const { set, original } = data.size ? combined(data) : { set: vocabulary(), original: new Map<string, Indicator>() };
  const out: (Mention & { fromData: boolean })[] = [];
  for (const m of set.findMentions(text)) {
    if (!genericOk(text, m)) continue;
    const ind = original.get(m.indicator.id);
    // fields written out: an object spread followed by more fields is slow to build in V8
    out.push({ start: m.start, end: m.end, indicator: ind ?? m.indicator, alias: m.alias, fromData: ind !== undefined });
  }
  return out;
}

/** GENERIC_ALIASES by tone key (a Map: an alias named "constructor" must not find Object's member) */
let genericByKey: Map<string, string[]> | undefined;

function genericOk(text: string, m: Mention): boolean {
  genericByKey ??= new Map(Object.entries(GENERIC_ALIASES).map(([k, v]) => [toneKey(k.normalize('NFC')), v]));
  const allowed = genericByKey.get(toneKey(m.alias.normalize('NFC')));
  if (!allowed) return true;
  const after = toneKeyOf(text, m.end, Math.min(m.end + 24, text.length)).trimStart();
  if (after === '' || isDigit(after[0]) || /^[,.;:(]/.test(after)) return true;
  return allowed.some((w) => after.startsWith(toneKey(w)) && !isWordChar(after[w.length]));
}

function isSubject(text: string, m: Mention): boolean {
  const before = keyBefore(text, m.start, 12);
  return !OBJECT_MARKERS.some((w) => endsWithWord(before, w));
}

/** Depth of parentheses opened between a and b (negative: a parenthesis that was open at a closed). */
function parenDepth(text: string, a: number, b: number): { depth: number; min: number } {
  let depth = 0;
  let min = 0;
  for (let i = a; i < b; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth < min) min = depth;
    }
  }
  return { depth, min };
}

function periodOf(p: PeriodMention): Period | null {
  return p.period;
}

function isSchoolYear(p: PeriodMention): boolean {
  return Boolean((p as PeriodMention & { schoolYear?: boolean }).schoolYear);
}

/** A comparison base ("so với năm 2020", "so với giai đoạn 2016 - 2020"), not the figure's own period. */
function isComparisonBase(text: string, p: PeriodMention): boolean {
  const before = keyBefore(text, p.start, 16);
  return BASE_BEFORE.test(before) || BASE_BEFORE_PERIOD.test(before);
}

/**
 * The canonical row for the first candidate period that has one. In a target context (Part II, "mục tiêu …")
 * target rows come first; elsewhere a figure is a result and is never compared with a target row.
 */
function findValue(
  ind: Indicator,
  candidates: Period[],
  targetContext: boolean,
  hasTemplate: boolean,
  estimate: boolean,
): IndicatorValue | undefined {
  for (const c of candidates) {
    const rows = ind.values.filter((v) => v.period.from === c.from && v.period.to === c.to);
    if (!rows.length) continue;
    if (targetContext) return rows.find((r) => r.kind === 'target') ?? rows[0];
    const results = rows.filter((r) => r.kind !== 'target');
    if (results.length) return results.find((r) => r.kind === 'actual') ?? results[0];
    // only targets for this period and nothing says the figure is a result: without a template, read it as the
    // target itself (with a template, the section decides)
    if (!hasTemplate && !estimate) return rows[0];
  }
  return undefined;
}

function spanAndEnd(p: Period): Period[] {
  return p.from === p.to ? [p] : [p, { from: p.to, to: p.to }];
}

export function matchFigures(input: MatchInput): Citation[] {
  const { view, figures, periods, data, applied } = input;
  const text = view.text;
  const mentions = allMentions(text, data);
  const subjects = mentions.filter((m) => isSubject(text, m));
  const quantities = figures.filter((f) => f.role === 'quantity');
  const out: Citation[] = [];
  const taken = new Set<Figure>();
  const planFrom = planPeriodStart(applied, input.headings);
  // the key of a piece of a sentence (both ends at word boundaries: a clause starts after a non-word character)
  const keyOf = (a: number, b: number) => toneKeyOf(text, a, b);
  const clauses = new Clauses(text);
  // SUBSCOPE words in text[sentStart, end): subjects come in order, so each sentence is searched once, piece by
  // piece (a found word stays found for the later subjects of the same sentence)
  let scopeSent = -1;
  let scopeTo = 0;
  let scopeFound = false;
  const subscopeBefore = (sentStart: number, end: number): boolean => {
    if (sentStart !== scopeSent || end < scopeTo) {
      scopeSent = sentStart;
      scopeTo = sentStart;
      scopeFound = false;
    }
    if (!scopeFound && end > scopeTo) {
      // overlap the part already searched by more than the longest phrase, starting at a word boundary
      let from = Math.max(sentStart, scopeTo - SUBSCOPE_OVERLAP);
      while (from > sentStart && isWordChar(text[from - 1])) from--;
      const key = keyOf(from, end);
      scopeFound = SUBSCOPE.some((w) => hasPhrase(key, w));
      scopeTo = end;
    }
    return scopeFound;
  };
  let fi = 0;

  // value before the name: "30% số xã đạt chuẩn …, 15% số xã đạt chuẩn … kiểu mẫu"
  {
    let k = 0;
    for (const m of subjects) {
      while (k < quantities.length && quantities[k].end <= m.start) k++;
      const f = quantities[k - 1];
      if (!f || !/^[ \t]*$/.test(text.slice(f.end, m.start))) continue;
      const factor = unitsCompatible(f.unit, m.indicator.unit);
      if (factor === null) continue;
      const p = resolvePeriod(text, clauses, f, m, periods, applied, false);
      const targetCtx = planFrom !== null && applied?.periodAt(f.start)?.from === planFrom;
      out.push(makeCitation(f, m, p, factor, targetCtx, applied !== null));
      taken.add(f);
    }
  }

  for (let si = 0; si < subjects.length; si++) {
    const m = subjects[si];
    const next = subjects[si + 1];
    const barrier = Math.min(next ? next.start : text.length, clauses.end(m.end), m.end + MAX_GAP);
    // the sentence must be about the whole, not a part of it
    const sentStart = clauses.start(m.start, false);
    if (subscopeBefore(sentStart, m.start)) continue;

    while (fi < quantities.length && quantities[fi].start < m.end) fi++;
    const seenPeriods: string[] = [];
    for (let k = fi; k < quantities.length; k++) {
      const f = quantities[k];
      if (f.start >= barrier) break;
      if (taken.has(f)) continue;
      const betweenKey = toneKeyOf(text, m.end, f.start);
      if (hasPhrase(betweenKey, 'trong đó')) break;
      const pd = parenDepth(text, m.end, f.start);
      if (pd.min < 0) break; // the subject was inside a parenthesis that closed
      if (pd.depth > 0) continue; // inside a parenthesis opened after the subject
      const factor = unitsCompatible(f.unit, m.indicator.unit);
      if (factor === null) continue;
      const after = toneKeyOf(text, f.end, Math.min(f.end + 40, text.length));
      const change = (f as Figure & { change?: string }).change;
      if (m.indicator.unit !== '%/năm' && (f.unit === '%' || f.unit === '%/năm') && change) continue;
      if (m.indicator.unit === '%/năm' && f.unit === '%' && COMPARED_WITH.test(after.trimStart())) continue;
      // "4,75 tỷ USD, chiếm 45,9% tổng vốn thu hút toàn tỉnh": a part of the province's own total, so not that total
      // ("176 tỷ KWh, chiếm 12-14% … của cả nước" is the province's total, a part of the nation's)
      if (m.indicator.unit !== '%' && m.indicator.unit !== '%/năm' && chiemFollows(after) && PROVINCE_WHOLE.some((w) => hasPhrase(toneKeyOf(text, f.end, Math.min(clauses.end(f.end), f.end + 80)), w))) break;

      const p = resolvePeriod(text, clauses, f, m, periods, applied, seenPeriods.length > 0);
      if (seenPeriods.length > 0) {
        // a second figure for the same subject only with its own, different period ("từ 93,4% năm 2020 lên 95,9% năm 2025")
        if (!p.trailing || !p.period || seenPeriods.includes(formatPeriod(p.period))) break;
      }
      const windowKey = toneKeyOf(text, Math.max(sentStart, m.start - 40), f.start);
      const preferTarget =
        TARGET_WORDS.some((w) => windowKey.includes(w)) ||
        (planFrom !== null && applied?.periodAt(f.start)?.from === planFrom);
      const c = makeCitation(f, m, p, factor, preferTarget, applied !== null);
      out.push(c);
      taken.add(f);
      if (c.periodText) seenPeriods.push(c.periodText);
      else break;
      if (!p.trailing) break;
    }
  }
  out.sort((a, b) => a.figure.start - b.figure.start);
  return out;
}

/**
 * The start year of the document's plan period: when the template gives its sections at least two different
 * default periods (results 2021-2025, plan 2026-2030), the latest one is the plan, and its figures are targets.
 */
function planPeriodStart(applied: AppliedTemplate | null, headings: OutlineNode[] | undefined): number | null {
  if (!applied || !headings?.length) return null;
  const starts = new Set<number>();
  for (const h of headings) {
    const p = applied.periodAt(h.lineStart);
    if (p) starts.add(p.from);
  }
  return starts.size >= 2 ? Math.max(...starts) : null;
}

function makeCitation(
  f: Figure,
  m: Mention & { fromData: boolean },
  p: ResolvedPeriod,
  factor: number,
  targetContext: boolean,
  hasTemplate: boolean,
): Citation {
  let period = p.period;
  let periodSource: Citation['periodSource'] = p.source;
  let value: IndicatorValue | undefined;
  if (m.fromData) {
    value = findValue(m.indicator, p.candidates, targetContext, hasTemplate, f.estimate);
    if (!value && !period && m.indicator.values.length === 1) {
      value = m.indicator.values[0];
      periodSource = 'only-value';
    }
    if (value) period = value.period;
  }
  return {
    figure: f,
    indicator: m.indicator,
    fromData: m.fromData && !m.indicator.id.startsWith(VOCAB_PREFIX),
    mention: { start: m.start, end: m.end, alias: m.alias },
    period,
    periodText: period ? formatPeriod(period) : null,
    periodSource,
    value,
    factor,
    cited: { lo: f.lo * factor, hi: f.hi * factor },
  };
}

interface ResolvedPeriod {
  period: Period | null;
  candidates: Period[];
  source: Citation['periodSource'];
  /** the period follows the figure directly ("93,4% năm 2020") */
  trailing: boolean;
}

function resolvePeriod(
  text: string,
  clauses: Clauses,
  f: Figure,
  m: Mention,
  periods: PeriodMention[],
  applied: AppliedTemplate | null,
  _second: boolean,
): ResolvedPeriod {
  // 1. right after the figure: "95,9% năm 2025"
  for (let k = firstStartingAt(periods, f.end); k < periods.length; k++) {
    const p = periods[k];
    if (p.start > f.end + 3) break;
    if (p.period && !isSchoolYear(p) && /^\s*$/.test(text.slice(f.end, p.start)) && /^năm\b/i.test(p.text)) {
      return { period: p.period, candidates: [p.period], source: 'explicit', trailing: true };
    }
  }
  // 2. between the clause start and the figure (the last explicit one wins)
  const from = clauses.start(Math.min(m.start, f.start), true);
  let explicit: PeriodMention | undefined;
  let relative: PeriodMention | undefined;
  for (let k = firstStartingAt(periods, from - maxPeriodLength(periods)); k < periods.length; k++) {
    const p = periods[k];
    if (p.end <= from) continue;
    if (p.start >= f.start) break;
    if (isSchoolYear(p) || isComparisonBase(text, p)) continue;
    if (p.period) explicit = p;
    else if (p.relative === 'term') relative = p;
  }
  const section = applied?.periodAt(f.start) ?? null;
  if (explicit && explicit.period) {
    const per = explicit.period;
    const cands = explicit.until ? [per, ...sectionSpansEndingAt(section, per.to)] : [per];
    return { period: per, candidates: cands, source: 'explicit', trailing: false };
  }
  if (relative && section && section.from !== section.to) {
    return { period: section, candidates: [section], source: 'section', trailing: false };
  }
  // 3. the section's default period
  if (section) return { period: section, candidates: spanAndEnd(section), source: 'section', trailing: false };
  return { period: null, candidates: [], source: 'none', trailing: false };
}

/** Index of the first mention starting at or after `pos` (mentions sorted by start): a binary search. */
function firstStartingAt(periods: PeriodMention[], pos: number): number {
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (periods[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const maxLengthCache = new WeakMap<PeriodMention[], number>();

/** The longest mention's length: a mention that ends after `pos` starts after `pos - maxPeriodLength`. */
function maxPeriodLength(periods: PeriodMention[]): number {
  let m = maxLengthCache.get(periods);
  if (m === undefined) {
    m = 0;
    for (const p of periods) m = Math.max(m, p.end - p.start);
    maxLengthCache.set(periods, m);
  }
  return m;
}

function sectionSpansEndingAt(section: Period | null, year: number): Period[] {
  return section && section.to === year && section.from !== section.to ? [section] : [];
}
