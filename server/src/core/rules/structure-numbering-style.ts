/**
 * structure/numbering-style: headings of one level written in different styles — "4.1 " among "4.2.", "I-"
 * among "II." — compared with the style most headings of that level use in the document (a tie says nothing).
 * Also a missing space after the marker ("1.1.Công tác"). Fix: the majority style.
 */
import type { Rule } from '../rule';
import type { OutlineNode } from '../types';
import { formatMarker } from '../outline';
import { seriesKey, siblingGroups } from './structure-util';

function written(n: OutlineNode): string {
  return n.kind === 'decimal' ? n.numbers.join('.') : n.marker;
}

const rule: Rule = {
  id: 'structure/numbering-style',
  defaultSeverity: 'warning',
  description: {
    vi: 'Kiểu đánh số không thống nhất giữa các mục cùng cấp',
    en: 'Headings of one level are numbered in different styles',
  },
  check(ctx, report) {
    const text = ctx.view.text;
    const byLevel = new Map<string, OutlineNode[]>();
    for (const h of ctx.headings) {
      if (h.kind !== 'decimal' && h.kind !== 'roman') continue;
      const k = seriesKey(h);
      const list = byLevel.get(k);
      if (list) list.push(h);
      else byLevel.set(k, [h]);
    }
    const parentOf = new Map<OutlineNode, OutlineNode | null>();
    for (const { parent, children } of siblingGroups(ctx.outline)) for (const c of children) parentOf.set(c, parent);
    for (const list of byLevel.values()) {
      const counts = new Map<string, number>();
      for (const h of list) counts.set(h.punct, (counts.get(h.punct) ?? 0) + 1);
      if (counts.size < 2) continue;
      const ranked = [...counts].sort((a, b) => b[1] - a[1]);
      if (ranked[0][1] === ranked[1][1]) continue; // no majority
      const style = ranked[0][0];
      for (const h of list) {
        if (h.punct === style) continue;
        // an example of the majority style: a sibling if there is one
        const like = list.find((o) => o.punct === style && parentOf.get(o) === parentOf.get(h)) ?? list.find((o) => o.punct === style)!;
        const marker = formatMarker(h.kind, h.numbers);
        const want = `${marker}${style}`;
        const spaceAfter = h.titleStart > h.markerEnd ? '' : ' ';
        report({
          start: h.markerStart,
          end: h.markerEnd,
          message: {
            vi: `Kiểu đánh số "${written(h)}${h.punct}" khác các mục cùng cấp (như "${written(like)}${style}"): nên viết "${want}".`,
            en: `Numbering style "${written(h)}${h.punct}" differs from its level (e.g. "${written(like)}${style}"): write "${want}".`,
          },
          data: { expected: want, found: text.slice(h.markerStart, h.markerEnd) },
          fixes: [
            {
              title: { vi: `Sửa thành "${want}"`, en: `Change to "${want}"` },
              edits: [{ start: h.markerStart, end: h.markerEnd, newText: want + spaceAfter }],
              preferred: true,
            },
          ],
        });
      }
    }
    // "1.1.Công tác": no space between the number and the title
    for (const h of ctx.headings) {
      if ((h.kind !== 'decimal' && h.kind !== 'roman') || h.titleStart !== h.markerEnd || h.titleEnd === h.titleStart) continue;
      report({
        start: h.markerStart,
        end: h.markerEnd,
        message: {
          vi: `Thiếu dấu cách sau số mục "${text.slice(h.markerStart, h.markerEnd)}".`,
          en: `Missing space after the heading number "${text.slice(h.markerStart, h.markerEnd)}".`,
        },
        fixes: [
          {
            title: { vi: 'Thêm dấu cách', en: 'Insert a space' },
            edits: [{ start: h.markerEnd, end: h.markerEnd, newText: ' ' }],
            preferred: true,
          },
        ],
      });
    }
  },
};

export default rule;
