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
          const eol = nextLineBreak(text, close);
          if (m[1] === 'disable-line') {
            spans.push({ rules, start: lineStart(text, i), end: eol });
          } else {
            const nextEnd = nextLineBreak(text, eol + 1);
            spans.push({ rules, start: eol, end: nextEnd });
          }
        } else if (m[1] === 'disable') {
          open.push({ rules, start: close + 3 });
        } else {
          // enable: close matching spans (all of them when no rules given)
          for (let k = open.length - 1; k >= 0; k--) {
            const o = open[k];
            const same = !rules || (o.rules && rules.every((r) => o.rules!.includes(r))) || !o.rules;
            if (same) {
              spans.push({ rules: o.rules, start: o.start, end: i });
              open.splice(k, 1);
            }
          }
        }
      }
    }
    i = text.indexOf(COMMENT_OPEN, close + 3);
  }
  for (const o of open) spans.push({ rules: o.rules, start: o.start, end: text.length });
  return {
    spans,
    isSuppressed(ruleId, offset) {
      for (const s of spans) if (offset >= s.start && offset <= s.end && matches(s.rules, ruleId)) return true;
      return false;
    },
  };
}

function nextLineBreak(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

function lineStart(text: string, at: number): number {
  const n = text.lastIndexOf('\n', at - 1);
  return n < 0 ? 0 : n + 1;
}
