/**
 * count/enumeration: a stated count against the items that follow it ("3 khâu đột phá: Một là… Hai là…",
 * "“5 rõ” (rõ người, rõ việc, …)", "4 phương châm “…”, “…”", "03/19 chỉ tiêu chưa đạt là A, B và C",
 * "06 năm (2017 - 2020 và 2022 - 2023)"). Only clearly delimited lists are read; a list whose items may hold
 * commas is reported only when it is shorter than the count. See crosscheck/enumeration.ts.
 */
import type { Rule } from '../rule';
import { msg } from '../messages';
import { scanEnumerations } from '../crosscheck/enumeration';

const MAX_RELATED = 12;

const rule: Rule = {
  id: 'count/enumeration',
  defaultSeverity: 'warning',
  cheap: true,
  description: {
    vi: 'Số lượng nêu ra không khớp với số mục được liệt kê',
    en: 'A stated count does not match the items listed',
  },
  check(ctx, report) {
    const text = ctx.view.text;
    for (const e of scanEnumerations(text)) {
      if (e.counted === e.count) continue;
      if (e.counted > e.count && !e.strict) continue;
      const stated = text.slice(e.countStart, e.nounEnd);
      const args = { stated, count: e.count, counted: e.counted, noun: e.noun };
      const message =
        e.kind === 'years'
          ? msg(
              'Nêu {count} năm nhưng các năm ghi trong ngoặc là {counted} năm.',
              'States {count} years but the years in the parenthesis add up to {counted}.',
              args,
            )
          : msg('Nêu “{stated}” nhưng liệt kê {counted} mục.', 'States “{stated}” but lists {counted} items.', args);
      report({
        start: e.countStart,
        end: e.nounEnd,
        message,
        data: { count: e.count, counted: e.counted, kind: e.kind, noun: e.noun },
        related: e.items.slice(0, MAX_RELATED).map((r, i) => ({
          start: r.start,
          end: r.end,
          message: msg('Mục {n}', 'Item {n}', { n: i + 1 }),
        })),
      });
    }
  },
};

export default rule;
