/**
 * units/rate-unit-changed: one indicator's rate for one period cited with "%/năm" in one place and with "%" in
 * another, with the same value ("tăng 10,4%/năm" … "tăng 10,4%"). Uses the matcher's citations (indicator +
 * period). A different value is figures/inconsistent's business; a "%" total over a span with another value may
 * be the cumulative growth and is left alone. The preferred unit is the indicator's when it is one of the two,
 * else the most frequent; the fix rewrites the unit.
 */
import type { Rule } from '../rule';
import type { Citation } from '../match';
import { msg } from '../messages';
import { approxEqual } from '../compare';

const RATE_UNITS = new Set(['%', '%/năm']);

const rule: Rule = {
  id: 'units/rate-unit-changed',
  defaultSeverity: 'warning',
  description: {
    vi: 'Cùng một chỉ tiêu, cùng kỳ được ghi lúc bằng “%/năm”, lúc bằng “%”',
    en: 'One indicator for one period is given in “%/năm” in one place and “%” in another',
  },
  check(ctx, report) {
    const groups = new Map<string, Citation[]>();
    for (const c of ctx.citations) {
      if (!c.periodText || !RATE_UNITS.has(c.figure.unit)) continue;
      const key = `${c.indicator.id}@${c.periodText}`;
      const g = groups.get(key);
      if (g) g.push(c);
      else groups.set(key, [c]);
    }
    for (const group of groups.values()) {
      const units = new Set(group.map((c) => c.figure.unit));
      if (units.size < 2) continue;
      const indUnit = group[0].indicator.unit;
      let preferred: string;
      if (RATE_UNITS.has(indUnit)) preferred = indUnit;
      else {
        const n = group.filter((c) => c.figure.unit === '%/năm').length;
        if (n * 2 === group.length) continue;
        preferred = n * 2 > group.length ? '%/năm' : '%';
      }
      const refs = group.filter((c) => c.figure.unit === preferred);
      for (const c of group) {
        if (c.figure.unit === preferred) continue;
        const f = c.figure;
        const ref = refs.find((r) => approxEqual(r.figure.lo, f.lo) && approxEqual(r.figure.hi, f.hi));
        if (!ref) continue;
        const unitStart = f.end - f.unitText.length;
        const line = ctx.view.nfcLineOf(ref.figure.start) + 1;
        report({
          start: f.start,
          end: f.end,
          message: msg(
            '{indicator} ({period}) được ghi “{cited}” ở đây nhưng “{other}” ở dòng {line}; nên thống nhất đơn vị {unit}.',
            '{indicator} ({period}) is written “{cited}” here but “{other}” on line {line}; use {unit} throughout.',
            { indicator: c.indicator.name, period: c.periodText ?? '', cited: f.text, other: ref.figure.text, line, unit: preferred },
          ),
          data: { indicator: c.indicator.id, period: c.periodText, cited: f.text, other: ref.figure.text, unit: preferred },
          related: [{ start: ref.figure.start, end: ref.figure.end, message: msg('Cùng chỉ tiêu: “{o}”', 'Same indicator: “{o}”', { o: ref.figure.text }) }],
          fixes: [
            {
              title: msg('Ghi đơn vị {unit}', 'Write the unit {unit}', { unit: preferred }),
              edits: [{ start: unitStart, end: f.end, newText: preferred }],
              preferred: true,
            },
          ],
        });
      }
    }
  },
};

export default rule;
