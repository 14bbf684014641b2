/** Helpers shared by the structure/ rules (not a rule itself). */
import type { TextView } from '../text';
import type { OutlineNode } from '../types';

/** "II- «Hạn chế, yếu kém»" style label of a heading for messages (title shortened). */
export function headingLabel(n: OutlineNode): string {
  const marker = n.kind === 'markdown' ? '' : n.kind === 'part' ? n.marker : `${n.marker}${n.punct}`;
  const t = shorten(n.title);
  return t ? (marker ? `${marker} «${t}»` : `«${t}»`) : marker;
}

export function shorten(s: string, max = 48): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  return t.slice(0, cut > max / 2 ? cut : max) + '…';
}

/**
 * The range to underline for a heading: its marker and title on the heading's line (the marker alone when
 * the title is on the following lines, as for "Phần thứ nhất").
 */
export function headingRange(n: OutlineNode, text: string): { start: number; end: number } {
  const sameLine = n.kind !== 'part' || !text.slice(n.markerEnd, n.titleStart).includes('\n');
  return { start: n.markerStart, end: sameLine && n.titleEnd > n.markerEnd ? n.titleEnd : n.markerEnd };
}

/** Every sibling group of the tree: the roots, then the children of each heading (document order). */
export function siblingGroups(roots: OutlineNode[]): { parent: OutlineNode | null; children: OutlineNode[] }[] {
  const out: { parent: OutlineNode | null; children: OutlineNode[] }[] = [{ parent: null, children: roots }];
  const walk = (ns: OutlineNode[]) => {
    for (const n of ns) {
      if (n.children.length) out.push({ parent: n, children: n.children });
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/** Series key of a heading among its siblings: kind, plus the component count of decimal numbers. */
export function seriesKey(n: OutlineNode): string {
  return n.kind === 'decimal' ? `decimal:${n.numbers.length}` : n.kind;
}

/** The '#' prefix a heading line is written with ('' when none). */
export function hashPrefix(view: TextView, n: OutlineNode): string {
  const s = view.text.slice(n.lineStart, n.markerStart);
  const i = s.indexOf('#');
  if (i < 0) return '';
  let j = i;
  while (s[j] === '#') j++;
  return s.slice(i, j);
}
