/**
 * Inline suppressions, the same in .md and .txt:
 *   <!-- draftlint-disable-next-line RULE[, RULE] -- reason -->
 *   <!-- draftlint-disable RULE -->  …  <!-- draftlint-enable RULE -->
 * No rule list means every rule. A rule id ending in `/*` means its family.
 */

interface Span {
  rules: string[] | null; // null = all
  start: number;
  end: number;
}

const COMMENT_OPEN = '<!--';

function parseRules(s: string): string[] | null {
  const body = s.split(/\s--\s|\s--$/)[0].trim();
  if (!body) return null;
  const rules = body
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return rules.length ? rules : null;
}

function matches(rules: string[] | null, id: string): boolean {
  if (!rules) return true;
  return rules.some((r) => r === id || (r.endsWith('/*') && id.startsWith(r.slice(0, -1))));
}

export interface Suppressions {
  spans: Span[];
  isSuppressed(ruleId: string, offset: number): boolean;
}

/** Parse the suppression comments of an NFC text. Offsets are NFC offsets. */
export function parseSuppressions(text: string): Suppressions {
  const spans: Span[] = [];
  const open: { rules: string[] | null; start: number }[] = [];
  // line breaks, found once (per comment scans to the line's ends are quadratic on one long line of comments)
  let breaks: number[] | undefined;
  const allBreaks = (): number[] => {
    if (!breaks) {
      breaks = [];
      for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) breaks.push(k);
    }
    return breaks;
  };
  /** index of the first line break at or after `from` */
  const firstBreakAt = (from: number): number => {
    const b = allBreaks();
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const nextLineBreak = (from: number): number => {
    const k = firstBreakAt(from);
    return k < allBreaks().length ? allBreaks()[k] : text.length;
  };
  const lineStart = (at: number): number => {
    const k = firstBreakAt(at) - 1;
    return k >= 0 ? allBreaks()[k] + 1 : 0;
  };
  // open disable spans: the ones for all rules, and the others by each rule they name (an enable looks at the
  // spans it may close, not at every open one)
  const openAll = new Set<{ rules: string[] | null; start: number }>();
  const openByRule = new Map<string, Set<{ rules: string[] | null; start: number }>>();
  const closeSpan = (o: { rules: string[] | null; start: number }, end: number) => {
    spans.push({ rules: o.rules, start: o.start, end });
    if (!o.rules) openAll.delete(o);
    else for (const r of o.rules) openByRule.get(r)?.delete(o);
  };
  let i = text.indexOf(COMMENT_OPEN);
  while (i >= 0) {
    const close = text.indexOf('-->', i + 4);
    if (close < 0) break;
    const inner = text.slice(i + 4, close).trim();
    if (inner.startsWith('draftlint-')) {
      const m = /^draftlint-(disable-next-line|disable-line|disable|enable)\b/.exec(inner);
      if (m) {
        const rules = parseRules(inner.slice(m[0].length));
        if (m[1] === 'disable-next-line' || m[1] === 'disable-line') {
          const eol = nextLineBreak(close);
          if (m[1] === 'disable-line') {
            spans.push({ rules, start: lineStart(i), end: eol });
          } else {
            const nextEnd = nextLineBreak(eol + 1);
            spans.push({ rules, start: eol, end: nextEnd });
          }
        } else if (m[1] === 'disable') {
          const o = { rules, start: close + 3 };
          open.push(o);
          if (!rules) openAll.add(o);
          else for (const r of rules) {
            let set = openByRule.get(r);
            if (!set) openByRule.set(r, (set = new Set()));
            set.add(o);
          }
        } else if (!rules) {
          // enable everything: close every open span
          for (const o of [...openAll]) closeSpan(o, i);
          for (const set of openByRule.values()) for (const o of [...set]) closeSpan(o, i);
        } else {
          // enable some rules: close the spans for all rules and those that name every one of them
          for (const o of [...openAll]) closeSpan(o, i);
          for (const o of [...(openByRule.get(rules[0]) ?? [])]) {
            if (rules.every((r) => o.rules!.includes(r))) closeSpan(o, i);
          }
        }
      }
    }
    i = text.indexOf(COMMENT_OPEN, close + 3);
  }
  const stillOpen = new Set(openAll);
  for (const set of openByRule.values()) for (const o of set) stillOpen.add(o);
  for (const o of open) if (stillOpen.has(o)) spans.push({ rules: o.rules, start: o.start, end: text.length });
  // per rule: its spans sorted by start with the running maximum of their ends, so that a lookup is a binary
  // search (a linear scan per finding is quadratic on a file full of suppressions and findings)
  const byRule = new Map<string, { starts: number[]; maxEnds: number[] }>();
  const indexFor = (ruleId: string) => {
    let idx = byRule.get(ruleId);
    if (!idx) {
      const mine = spans.filter((s) => matches(s.rules, ruleId)).sort((a, b) => a.start - b.start);
      const starts: number[] = [];
      const maxEnds: number[] = [];
      let max = -1;
      for (const s of mine) {
        max = Math.max(max, s.end);
        starts.push(s.start);
        maxEnds.push(max);
      }
      idx = { starts, maxEnds };
      byRule.set(ruleId, idx);
    }
    return idx;
  };
  return {
    spans,
    isSuppressed(ruleId, offset) {
      if (spans.length === 0) return false;
      const { starts, maxEnds } = indexFor(ruleId);
      // the last span starting at or before offset; suppressed when some span up to it reaches offset
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] <= offset) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && maxEnds[lo - 1] >= offset;
    },
  };
}
