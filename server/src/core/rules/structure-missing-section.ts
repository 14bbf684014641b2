/**
 * structure/missing-section: a required section of the structure template is not in the document.
 * Fix: insert a skeleton heading (marker + title, in the document's numbering style) where it belongs.
 */
import type { Rule } from '../rule';
import type { OutlineNode } from '../types';
import type { SectionDef } from '../template/schema';
import type { TextView } from '../text';
import { formatMarker, isUpperLine, parseSectionNumber } from '../outline';
import { hashPrefix, headingRange, headingLabel } from './structure-util';

function sectionLabel(s: SectionDef): string {
  const nums = s.number ? parseSectionNumber(s.kind, s.number) : null;
  const marker = nums && s.kind !== 'markdown' ? formatMarker(s.kind, nums) : '';
  return [marker, s.title ? `«${s.title}»` : ''].filter(Boolean).join(' ') || s.id;
}

/** The punctuation most headings of a kind use in this document. */
function usualPunct(headings: OutlineNode[], kind: OutlineNode['kind'], fallback: string): string {
  const counts = new Map<string, number>();
  for (const h of headings) if (h.kind === kind) counts.set(h.punct, (counts.get(h.punct) ?? 0) + 1);
  let best = fallback;
  let n = 0;
  for (const [p, c] of counts) if (c > n) [best, n] = [p, c];
  return best;
}

function skeleton(view: TextView, s: SectionDef, siblings: OutlineNode[], headings: OutlineNode[]): string {
  const nums = s.number ? parseSectionNumber(s.kind, s.number) : null;
  const title = s.title ?? '';
  const sameKind = siblings.filter((n) => n.kind === s.kind);
  const upper = sameKind.length > 0 && sameKind.every((n) => n.title && isUpperLine(n.title.split(/\s+/).slice(0, 2).join(' ')));
  const hashes = siblings.map((n) => hashPrefix(view, n)).find((h) => h) ?? '';
  const pre = hashes ? hashes + ' ' : '';
  switch (s.kind) {
    case 'part': {
      const like = headings.find((h) => h.kind === 'part')?.marker;
      const marker = formatMarker('part', nums ?? [1], like);
      return title ? `${pre}${marker}\n${title.toUpperCase()}` : `${pre}${marker}`;
    }
    case 'roman': {
      const marker = nums ? formatMarker('roman', nums) + usualPunct(headings, 'roman', '.') : '';
      return `${pre}${[marker, upper ? title.toUpperCase() : title].filter(Boolean).join(' ')}`;
    }
    case 'decimal': {
      const marker = nums ? formatMarker('decimal', nums) + '.' : '';
      return `${pre}${[marker, title].filter(Boolean).join(' ')}`;
    }
    case 'paren':
    case 'letter': {
      const marker = nums ? formatMarker(s.kind, nums) + (s.kind === 'letter' ? ')' : '') : '';
      return `${pre}${[marker, title].filter(Boolean).join(' ')}`;
    }
    default:
      return `${hashes || '##'} ${title}`;
  }
}

const rule: Rule = {
  id: 'structure/missing-section',
  defaultSeverity: 'warning',
  description: {
    vi: 'Thiếu mục bắt buộc theo mẫu cấu trúc',
    en: 'A section required by the structure template is missing',
  },
  check(ctx, report) {
    const t = ctx.template;
    if (!t) return;
    const text = ctx.view.text;
    for (const m of t.missing) {
      const siblings = m.parent ? m.parent.children : ctx.outline;
      const at = ctx.headings.find((h) => h.lineStart === m.insertAt) ?? m.parent ?? ctx.outline[ctx.outline.length - 1];
      const range = at ? headingRange(at, ctx.view.text) : { start: 0, end: 0 };
      const label = sectionLabel(m.section);
      const where = m.parent ? headingLabel(m.parent) : '';
      const line = skeleton(ctx.view, m.section, siblings, ctx.headings);
      const before = m.insertAt > 0 && text[m.insertAt - 1] !== '\n' ? '\n' : '';
      const after = m.insertAt < text.length ? '\n' : before ? '' : '\n';
      report({
        start: range.start,
        end: range.end,
        message: where
          ? { vi: `Thiếu mục ${label} trong ${where} (theo mẫu).`, en: `Missing section ${label} in ${where} (template).` }
          : { vi: `Thiếu mục ${label} (theo mẫu).`, en: `Missing section ${label} (template).` },
        data: { section: m.section.id, template: t.name, insertAt: m.insertAt },
        fixes: [
          {
            title: { vi: `Chèn đề mục ${label}`, en: `Insert heading ${label}` },
            edits: [{ start: m.insertAt, end: m.insertAt, newText: `${before}${line}${after}` }],
          },
        ],
      });
    }
  },
};

export default rule;
