/**
 * structure/section-order: sections the template orders differently (the fewest headings that break a
 * longest run in template order are reported, each pointing at a correctly placed sibling).
 */
import type { Rule } from '../rule';
import { headingLabel, headingRange } from './structure-util';

const rule: Rule = {
  id: 'structure/section-order',
  defaultSeverity: 'warning',
  description: {
    vi: 'Thứ tự các mục khác với mẫu cấu trúc',
    en: 'Sections are not in the order of the structure template',
  },
  check(ctx, report) {
    const t = ctx.template;
    if (!t) return;
    for (const n of t.outOfOrder) {
      const r = headingRange(n, ctx.view.text);
      const hint = t.orderHint.get(n) ?? {};
      const other = hint.before ?? hint.after;
      const label = headingLabel(n);
      const otherLabel = other ? headingLabel(other) : '';
      const message = hint.before
        ? { vi: `Mục ${label} không đúng thứ tự: theo mẫu phải đứng trước ${otherLabel}.`, en: `Section ${label} is out of order: the template puts it before ${otherLabel}.` }
        : hint.after
          ? { vi: `Mục ${label} không đúng thứ tự: theo mẫu phải đứng sau ${otherLabel}.`, en: `Section ${label} is out of order: the template puts it after ${otherLabel}.` }
          : { vi: `Mục ${label} không đúng thứ tự theo mẫu.`, en: `Section ${label} is out of the template's order.` };
      report({
        start: r.start,
        end: r.end,
        message,
        data: { template: t.name, section: t.matched.get(n)?.id },
        related: other
          ? [{ ...headingRange(other, ctx.view.text), message: { vi: `Mục ${otherLabel}`, en: `Section ${otherLabel}` } }]
          : undefined,
      });
    }
  },
};

export default rule;
