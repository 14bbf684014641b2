/**
 * arithmetic/share-of-total: "X, chiếm P% tổng <name>" against the total of <name> stated elsewhere in the
 * document (or in the canonical data): X / total must give P within the precision written.
 *
 *   "… tổng vốn thu hút FDI … đạt 4,75 tỷ USD, chiếm 45,9% tổng vốn thu hút toàn tỉnh"
 *   "Tổng vốn thu hút FDI … ước đạt 9,77 tỷ USD"    → 4,75 / 9,77 = 48,6% ≠ 45,9%
 *
 * The whole is found by name: "tổng <name>" (province-wide scope words such as "toàn tỉnh" dropped; any other
 * scope — "cả nước", "vùng", "của …" — means another whole and the rule stays silent), or "tổng <name> <q>"
 * when the part itself is "tổng <name> <q>" (the part is a sub-scope of the same quantity). The total must be
 * unique, not itself a part ("…, chiếm …"), not in a sentence about a sub-scope (khu kinh tế, huyện …), and of
 * the same period when both state one.
 */
import type { Rule, RuleContext } from '../rule';
import type { Figure, Period } from '../types';
import { msg } from '../messages';
import { toneKey } from '../text';
import { unitsCompatible } from '../units';
import { formatVnNumber } from '../numformat';
import {
  clauseEndOf,
  clauseStartOf,
  figureInterval,
  figuresIn,
  findPhrase,
  lowerOf,
  periodsIn,
  sentenceStartOf,
  skipSpaces,
  wordsAfter,
  wordsBefore,
  type Interval,
} from '../crosscheck/scan';

/** Scope words that say "the whole province" (dropped from the end of a name). */
const PROVINCE_SCOPES = ['của toàn tỉnh', 'của cả tỉnh', 'trên địa bàn tỉnh', 'trên địa bàn', 'toàn tỉnh', 'cả tỉnh', 'của tỉnh'];
/** Words that qualify a name with another scope: the whole is something else. */
const OTHER_SCOPE = new Set(['của', 'cả', 'toàn', 'trên', 'trong', 'tại', 'vùng', 'khu', 'thế', 'quốc']);
/** Words that end a name ("tổng vốn thu hút FDI | giai đoạn …"). */
const NAME_STOP = new Set([
  'giai', 'năm', 'trong', 'đạt', 'ước', 'là', 'của', 'tại', 'đến', 'từ', 'cả', 'toàn', 'trên', 'dưới', 'tăng', 'giảm',
  'so', 'bằng', 'gấp', 'chiếm', 'khoảng', 'hơn', 'nhiệm', 'thời', 'lũy', 'luỹ', 'cộng', 'tính', 'sau', 'trước', 'khi',
  'được', 'có', 'vào', 'với', 'cho',
]);
/** More mentions of "tổng <name>" than this: too many candidate totals to pick one. */
const MAX_TOTAL_MENTIONS = 6;
/** A sentence about a part of the province. */
const SUBSCOPE = ['khu kinh tế', 'khu công nghiệp', 'cụm công nghiệp', 'huyện', 'thị xã', 'doanh nghiệp', 'lĩnh vực', 'ngành'];

function nameAfterTong(text: string, p: number, stopWords: Set<string>): { words: string[]; end: number } {
  const ws = wordsAfter(text, p, 10);
  const words: string[] = [];
  let end = p;
  for (const w of ws) {
    if (/^\d/.test(w.lower)) break;
    if (words.length > 0 && stopWords.has(w.lower)) break;
    words.push(w.lower);
    end = w.end;
  }
  return { words, end };
}

/** The whole named after "chiếm P% tổng": its words with province scope dropped, or null for another scope. */
function shareName(text: string, after: number): string[] | null {
  const p = skipSpaces(text, after);
  const ws = wordsAfter(text, p, 12);
  if (!ws.length || ws[0].lower !== 'tổng') return null;
  let words = ws.slice(1).map((w) => w.lower);
  // up to the clause end: wordsAfter stops at punctuation
  const joined = words.join(' ');
  for (const s of PROVINCE_SCOPES) {
    if (joined === s) return null;
    if (joined.endsWith(' ' + s)) {
      words = joined.slice(0, joined.length - s.length - 1).split(' ');
      break;
    }
  }
  if (!words.length || words.some((w) => OTHER_SCOPE.has(w) || /^\d/.test(w))) return null;
  return words;
}

/** NFC-lower-cased phrase positions of "tổng <name>" whose name ends there. */
function totalMentions(text: string, lower: string, name: string): number[] {
  const phrase = 'tổng ' + name;
  const out: number[] = [];
  let i = findPhrase(lower, phrase, 0, lower.length);
  while (i >= 0) {
    const next = wordsAfter(text, i + phrase.length, 1)[0];
    if (!next || NAME_STOP.has(next.lower) || /^\d/.test(next.lower)) out.push(i);
    i = findPhrase(lower, phrase, i + phrase.length, lower.length);
  }
  return out;
}

function explicitPeriods(ctx: RuleContext, a: number, b: number): Period[] {
  const out: Period[] = [];
  for (const p of periodsIn(ctx.periods, a, b)) {
    if (!p.period || p.schoolYear) continue;
    const before = wordsBefore(ctx.view.text, p.start, 2).map((w) => w.lower);
    if (before[0] === 'so' || before[1] === 'so' || before[0] === 'với') continue; // "so với năm 2020"
    out.push(p.period);
  }
  return out;
}

function samePeriods(a: Period[], b: Period[]): boolean {
  if (!a.length || !b.length) return true;
  return a.some((x) => b.some((y) => x.from === y.from && x.to === y.to));
}

interface Total {
  iv: Interval;
  nominal: number;
  text: string;
  figure?: Figure;
  source?: string;
}

function inSubscopeSentence(text: string, lower: string, at: number): boolean {
  const s = sentenceStartOf(text, at);
  return SUBSCOPE.some((w) => findPhrase(lower, w, s, at) >= 0);
}

const rule: Rule = {
  id: 'arithmetic/share-of-total',
  defaultSeverity: 'warning',
  description: {
    vi: 'Tỷ lệ “chiếm …% tổng …” không khớp với tổng được nêu',
    en: 'A stated share of a total does not match the total stated elsewhere',
  },
  check(ctx, report) {
    const text = ctx.view.text;
    let lower: string | undefined;
    const mentionCache = new Map<string, number[]>();
    for (const share of ctx.figures) {
      if (share.role !== 'quantity' || share.unit !== '%' || share.bound === 'approx' || share.change) continue;
      const before = wordsBefore(text, share.start, 1)[0];
      if (!before || before.lower !== 'chiếm') continue;
      const name = shareName(text, share.end);
      if (!name) continue;
      lower ??= lowerOf(text);

      // the part: the quantity right before ", chiếm" in the same clause
      const cs = clauseStartOf(text, before.start);
      const prior = figuresIn(ctx.figures, cs, before.start).filter((f) => f.role === 'quantity');
      const part = prior[prior.length - 1];
      if (!part || part.unit === '%' || part.unit === '%/năm' || part.bound === 'approx' || !part.unit) continue;
      const gap = text.slice(part.end, before.start);
      if (!/^[\s,]*$/.test(gap)) continue;

      // acceptable names of the whole: the share's, and the part's own "tổng …" when it extends it
      const names = [name.join(' ')];
      const tongInClause = findPhrase(lower, 'tổng', cs, part.start);
      if (tongInClause >= 0) {
        const pn = nameAfterTong(text, tongInClause + 4, NAME_STOP);
        const partName = pn.words.join(' ');
        if (partName.startsWith(names[0] + ' ')) names.push(partName);
      }

      // the whole stated elsewhere in the document
      const totals: Total[] = [];
      let ambiguous = false;
      for (const n of names) {
        let mentions = mentionCache.get(n);
        if (!mentions) mentionCache.set(n, (mentions = totalMentions(text, lower, n)));
        // a whole named in many places is no single total (and the work stays linear)
        if (mentions.length > MAX_TOTAL_MENTIONS) {
          ambiguous = true;
          break;
        }
        for (const at of mentions) {
          if (at >= cs && at < clauseEndOf(text, share.end)) continue; // the part's own clause
          if (inSubscopeSentence(text, lower, at)) continue;
          const end = Math.min(clauseEndOf(text, at), at + 240);
          const cand = figuresIn(ctx.figures, at, end).find((f) => f.role === 'quantity' && unitsCompatible(part.unit, f.unit) !== null);
          if (!cand || cand === part || cand.bound === 'approx') continue;
          const after = wordsAfter(text, skipSpaces(text, cand.end + (text.charCodeAt(cand.end) === 44 ? 1 : 0)), 1)[0];
          if (after && after.lower === 'chiếm') continue; // itself a part of something
          const factor = unitsCompatible(cand.unit, part.unit) as number;
          const iv = figureInterval(cand, factor);
          if (!iv) continue;
          if (!samePeriods(explicitPeriods(ctx, cs, part.start), explicitPeriods(ctx, clauseStartOf(text, at), cand.start))) continue;
          if (totals.some((t) => t.figure === cand)) continue;
          totals.push({ iv, nominal: cand.lo * factor, text: cand.text, figure: cand });
        }
      }
      if (ambiguous) continue;
      // or in the canonical data
      if (!totals.length && ctx.data.size) {
        const keys = new Set(names.flatMap((n) => [toneKey('tổng ' + n), toneKey(n)]));
        const period = explicitPeriods(ctx, cs, part.start)[0] ?? ctx.template?.periodAt(part.start) ?? null;
        for (const ind of ctx.data.all()) {
          if (![ind.name, ...ind.aliases].some((a) => keys.has(toneKey(a.normalize('NFC').toLowerCase()).trim()))) continue;
          const factor = unitsCompatible(ind.unit, part.unit);
          if (factor === null) continue;
          const rows = period ? ind.values.filter((v) => v.period.from === period.from && v.period.to === period.to) : ind.values;
          const v = rows.length === 1 ? rows[0] : ind.values.length === 1 ? ind.values[0] : undefined;
          if (!v || v.bound === 'approx') continue;
          const lo = v.lo * factor;
          const hi = v.hi * factor;
          const iv = { lo: v.bound === 'below' ? -Infinity : lo, hi: v.bound === 'above' ? Infinity : hi };
          totals.push({ iv, nominal: lo, text: `${formatVnNumber(v.lo)} ${ind.unit}`, source: v.source || ind.uri });
        }
      }
      if (!totals.length) continue;
      // all candidate totals must agree
      const t0 = totals[0];
      if (totals.some((t) => t.iv.hi < t0.iv.lo || t.iv.lo > t0.iv.hi)) continue;

      const partIv = figureInterval(part);
      const shareIv = figureInterval(share);
      if (!partIv || !shareIv || !(t0.iv.lo > 0)) continue;
      const ratio: Interval = { lo: (partIv.lo / t0.iv.hi) * 100, hi: (partIv.hi / t0.iv.lo) * 100 };
      if (ratio.hi >= shareIv.lo && ratio.lo <= shareIv.hi) continue;

      const computed = (part.lo / t0.nominal) * 100;
      const decimals = Math.max(1, share.decimals);
      const args = {
        part: part.text,
        total: t0.text,
        ratio: formatVnNumber(computed, { decimals, style: share.style }) + '%',
        share: share.text,
        where: t0.figure ? ` (dòng ${ctx.view.nfcLineOf(t0.figure.start) + 1})` : t0.source ? ` (${t0.source})` : '',
        whereEn: t0.figure ? ` (line ${ctx.view.nfcLineOf(t0.figure.start) + 1})` : t0.source ? ` (${t0.source})` : '',
      };
      report({
        start: part.start,
        end: share.end,
        message: msg(
          '{part} / {total}{where} = {ratio}, không phải {share}.',
          '{part} / {total}{whereEn} = {ratio}, not {share}.',
          args,
        ),
        data: { part: part.text, total: t0.text, computed: args.ratio, stated: share.text },
        related: t0.figure
          ? [{ start: t0.figure.start, end: t0.figure.end, message: msg('Tổng được nêu ở đây', 'The total is stated here') }]
          : undefined,
      });
    }
  },
};

export default rule;
