/**
 * figures/inconsistent: the same indicator and period cited with different values within one document (or, via
 * `crossDocumentInconsistencies`, across the drafts of a workspace). Needs no data file: indicators come from the
 * data when loaded and from the built-in vocabulary otherwise. Where the data has a canonical value for the
 * indicator and period, figures/canonical-mismatch speaks instead (no double report).
 *
 * The reference citation of a group is the most precise one (exact bound, most decimals), then the most
 * frequent; every citation that disagrees with it is reported, pointing at the reference.
 */
import type { Rule } from '../rule';
import type { Bound, Finding } from '../types';
import type { Citation } from '../match';
import type { LintResult } from '../lint';
import { compareValues } from '../compare';
import { msg } from '../messages';

interface Cited {
  lo: number;
  hi: number;
  bound: Bound;
  decimals: number;
  text: string;
}

function precision(c: Cited): number {
  return (c.bound === 'exact' ? 100 : c.bound === 'approx' ? 0 : 50) + c.decimals;
}

function pickReference<T extends Cited>(items: T[]): T {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(`${i.lo}|${i.hi}`, (counts.get(`${i.lo}|${i.hi}`) ?? 0) + 1);
  let best = items[0];
  for (const i of items) {
    const d = precision(i) - precision(best);
    if (d > 0 || (d === 0 && (counts.get(`${i.lo}|${i.hi}`) ?? 0) > (counts.get(`${best.lo}|${best.hi}`) ?? 0))) best = i;
  }
  return best;
}

function disagree(a: Cited, ref: Cited): 'rounded' | 'mismatch' | null {
  const v = compareValues(a, ref);
  if (v === 'ok') return null;
  // "trên 11.000" next to "11.000": the same figure stated more loosely is not a disagreement
  if (v === 'rounded' && a.lo === ref.lo && a.hi === ref.hi) return null;
  return v;
}

function asCited(c: Citation): Cited {
  return { lo: c.cited.lo, hi: c.cited.hi, bound: c.figure.bound, decimals: c.figure.decimals, text: c.figure.text };
}

const rule: Rule = {
  id: 'figures/inconsistent',
  defaultSeverity: 'warning',
  description: {
    vi: 'Cùng một chỉ tiêu, cùng kỳ được nêu với số liệu khác nhau',
    en: 'The same indicator and period is cited with different values',
  },
  check(ctx, report) {
    const groups = new Map<string, Citation[]>();
    for (const c of ctx.citations) {
      if (!c.periodText || c.value) continue; // canonical-mismatch covers cited values that have data
      const key = `${c.indicator.id}@${c.periodText}`;
      const g = groups.get(key);
      if (g) g.push(c);
      else groups.set(key, [c]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const ref = pickReference(group.map((c) => ({ ...asCited(c), c })));
      for (const c of group) {
        if (c === ref.c) continue;
        const d = disagree(asCited(c), ref);
        if (!d) continue;
        const refLine = ctx.view.nfcLineOf(ref.c.figure.start) + 1;
        report({
          start: c.figure.start,
          end: c.figure.end,
          message: msg(
            '{indicator} ({period}) được ghi là “{cited}” ở đây nhưng là “{other}” ở dòng {line}.',
            '{indicator} ({period}) is given as “{cited}” here but as “{other}” on line {line}.',
            { indicator: c.indicator.name, period: c.periodText ?? '', cited: c.figure.text, other: ref.text, line: refLine },
          ),
          data: {
            indicator: c.indicator.id,
            indicatorName: c.indicator.name,
            period: c.periodText,
            cited: c.figure.text,
            canonical: null,
            other: ref.text,
            verdict: d,
          },
          related: [
            {
              start: ref.c.figure.start,
              end: ref.c.figure.end,
              message: msg('Cũng chỉ tiêu này: “{other}”', 'Same indicator: “{other}”', { other: ref.text }),
            },
          ],
        });
      }
    }
  },
};

export default rule;

// ---------------------------------------------------------------------------------------------------------
// Across documents

export interface CitationSummary extends Cited {
  uri: string;
  indicatorId: string;
  indicatorName: string;
  period: string;
  /** the data has a canonical value for it (then canonical-mismatch speaks, not this) */
  hasCanonical: boolean;
  /** original offsets and 0-based positions in its document */
  start: number;
  end: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export function summarizeCitations(result: LintResult, uri: string): CitationSummary[] {
  const { view } = result;
  return result.citations
    .filter((c) => c.periodText)
    .map((c) => {
      const start = view.toOriginal(c.figure.start);
      const end = view.toOriginal(c.figure.end);
      const s = view.positionAt(start);
      const e = view.positionAt(end);
      // asCited's fields written out: an object spread followed by more fields is slow to build in V8, and this
      // runs for every citation of every lint (pickReference above runs only for disagreeing groups)
      return {
        lo: c.cited.lo,
        hi: c.cited.hi,
        bound: c.figure.bound,
        decimals: c.figure.decimals,
        text: c.figure.text,
        uri,
        indicatorId: c.indicator.id,
        indicatorName: c.indicator.name,
        period: c.periodText as string,
        hasCanonical: Boolean(c.value),
        start,
        end,
        line: s.line,
        character: s.character,
        endLine: e.line,
        endCharacter: e.character,
      };
    });
}

/**
 * Findings for the document of `mine` where one of its citations disagrees with the same indicator and period in
 * another document (`others` may include summaries of `mine`'s own uri; they are ignored).
 */
export function crossDocumentInconsistencies(mine: CitationSummary[], others: CitationSummary[]): Finding[] {
  const out: Finding[] = [];
  const byKey = new Map<string, CitationSummary[]>();
  for (const o of others) {
    if (mine.length && o.uri === mine[0].uri) continue;
    if (o.hasCanonical) continue;
    const k = `${o.indicatorId}@${o.period}`;
    const g = byKey.get(k);
    if (g) g.push(o);
    else byKey.set(k, [o]);
  }
  const refs = new Map<string, CitationSummary>();
  for (const c of mine) {
    if (c.hasCanonical) continue;
    const key = `${c.indicatorId}@${c.period}`;
    let ref = refs.get(key);
    if (!ref) {
      const g = byKey.get(key);
      if (!g?.length) continue;
      ref = pickReference(g); // once per indicator and period, not per citation
      refs.set(key, ref);
    }
    // report only when the other document's figure is at least as precise as ours
    if (precision(ref) < precision(c)) continue;
    const d = disagree(c, ref);
    if (!d) continue;
    const file = ref.uri.split('/').pop() ?? ref.uri;
    out.push({
      rule: 'figures/inconsistent',
      severity: 'warning',
      message: msg(
        '{indicator} ({period}) được ghi là “{cited}” ở đây nhưng là “{other}” trong {file}.',
        '{indicator} ({period}) is given as “{cited}” here but as “{other}” in {file}.',
        { indicator: c.indicatorName, period: c.period, cited: c.text, other: ref.text, file },
      ),
      start: c.start,
      end: c.end,
      data: { indicator: c.indicatorId, period: c.period, cited: c.text, canonical: null, other: ref.text, otherUri: ref.uri },
      related: [
        {
          start: ref.start,
          end: ref.end,
          uri: ref.uri,
          range: { line: ref.line, character: ref.character, endLine: ref.endLine, endCharacter: ref.endCharacter },
          message: msg('Cũng chỉ tiêu này: “{other}”', 'Same indicator: “{other}”', { other: ref.text }),
        },
      ],
    });
  }
  return out;
}
