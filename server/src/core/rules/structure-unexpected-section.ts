/**
 * structure/unexpected-section: a heading at a level the template prescribes that matches none of its
 * sections (e.g. a "VII-" in a part the template gives six sections). Levels where the template only gives
 * guidance (all listed sections optional) accept any heading.
 */
import type { Rule } from '../rule';
import { headingLabel, headingRange } from './structure-util';

const rule: Rule = {
  id: 'structure/unexpected-section',
  defaultSeverity: 'info',
  description: {
    vi: 'Mục không có trong mẫu cấu trúc',
    en: 'A section the structure template does not have',
  },
  check(ctx, report) {
    const t = ctx.template;
    if (!t) return;
    for (const n of t.unexpected) {
      const r = headingRange(n, ctx.view.text);
      const label = headingLabel(n);
      report({
        start: r.start,
        end: r.end,
        message: {
          vi: `Mục ${label} không có trong mẫu "${t.name}".`,
          en: `Section ${label} is not in template "${t.name}".`,
        },
        data: { template: t.name },
      });
    }
  },
};

export default rule;
