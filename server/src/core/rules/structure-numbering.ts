/**
 * structure/numbering: heading numbers among siblings — gaps (1, 2, 4), duplicates (2.1, 2.1), numbers out of
 * sequence, decimal numbers that do not continue their parent's (3.1 under 2.), skipped levels (2.1.1 right
 * under 2.), and (n) lists that the template numbers continuously across groups but that restart.
 * Numbering restarts under each parent; a list may also continue from the previous sibling group
 * ((1)–(3) under 2.1, (4)–(13) under 2.2). (n) and a) lists may restart at (1)/a) (a new list) and may skip
 * numbers written inline in the text before ("…: (1) …; (2) …" then a line "(3) …").
 * Fix: the expected number.
 */
import type { Rule, Report } from '../rule';
import type { OutlineNode } from '../types';
import { formatMarker, letterIndex, nextLetters } from '../outline';
import { seriesKey, siblingGroups } from './structure-util';

function shown(n: OutlineNode): string {
  switch (n.kind) {
    case 'decimal':
      return n.numbers.join('.');
    case 'letter':
      return `${n.marker})`;
    default:
      return n.marker;
  }
}

function showNumbers(n: OutlineNode, numbers: number[]): string {
  const m = formatMarker(n.kind, numbers, n.kind === 'part' ? n.marker : undefined);
  return n.kind === 'letter' ? `${m})` : m;
}

const last = (n: OutlineNode) => n.numbers[n.numbers.length - 1];

const rule: Rule = {
  id: 'structure/numbering',
  defaultSeverity: 'warning',
  description: {
    vi: 'Đánh số đề mục sai: nhảy cóc, trùng, sai cấp hoặc đứt mạch liên tục',
    en: 'Heading numbering errors: gaps, duplicates, wrong nesting or broken continuous lists',
  },
  check(ctx, report) {
    const text = ctx.view.text;
    const continuous = new Set<OutlineNode>();
    if (ctx.template) for (const [n, s] of ctx.template.matched) if (s.continuous) continuous.add(n);
    const parentOf = new Map<OutlineNode, OutlineNode | null>();
    const indexOf = new Map<OutlineNode, number>();
    for (const { parent, children } of siblingGroups(ctx.outline)) {
      children.forEach((c, i) => {
        parentOf.set(c, parent);
        indexOf.set(c, i);
      });
    }

    const fix = (n: OutlineNode, expected: number[], r: Omit<Report, 'start' | 'end'>) => {
      const exp = formatMarker(n.kind, expected, n.kind === 'part' ? n.marker : undefined);
      const suffix = n.kind === 'paren' ? '' : text.slice(n.markerStart + n.marker.length, n.markerEnd);
      report({
        start: n.markerStart,
        end: n.markerEnd,
        ...r,
        data: { expected: showNumbers(n, expected), found: shown(n) },
        fixes: [
          {
            title: { vi: `Đánh số lại thành ${showNumbers(n, expected)}`, en: `Renumber as ${showNumbers(n, expected)}` },
            edits: [{ start: n.markerStart, end: n.markerEnd, newText: exp + suffix }],
          },
        ],
      });
    };

    /** every number from..to-1 appears as "(k)" in text[a, b) */
    const inlineCovers = (from: number, to: number, a: number, b: number): boolean => {
      if (to - from > 20) return false;
      const slice = text.slice(a, b);
      for (let k = from; k < to; k++) if (!slice.includes(`(${k})`)) return false;
      return true;
    };

    /** answers of previousGroupLast by key and parent: each sibling is walked once per key (linear, not quadratic) */
    const groupLastMemo = new Map<string, Map<OutlineNode, OutlineNode | undefined>>();
    /** the last heading of series `key` among the children of the nearest earlier sibling of `parent` that has one */
    const previousGroupLast = (parent: OutlineNode | null, key: string): OutlineNode | undefined => {
      if (!parent) return undefined;
      let memo = groupLastMemo.get(key);
      if (!memo) groupLastMemo.set(key, (memo = new Map()));
      if (memo.has(parent)) return memo.get(parent);
      const gp = parentOf.get(parent);
      const sibs = gp ? gp.children : ctx.outline;
      const idx = indexOf.get(parent) ?? sibs.indexOf(parent);
      // siblings without such children answer as the walk goes on past them
      const walked: OutlineNode[] = [parent];
      let found: OutlineNode | undefined;
      for (let i = idx - 1; i >= 0; i--) {
        const sib = sibs[i];
        const items = sib.children.filter((c) => seriesKey(c) === key);
        if (items.length) {
          found = items[items.length - 1];
          break;
        }
        if (memo.has(sib)) {
          found = memo.get(sib);
          break;
        }
        walked.push(sib);
      }
      for (const w of walked) memo.set(w, found);
      return found;
    };

    for (const { parent, children } of siblingGroups(ctx.outline)) {
      const series = new Map<string, OutlineNode[]>();
      for (const c of children) {
        if (c.kind === 'markdown') continue;
        if (c.kind === 'decimal' && parent?.kind === 'decimal' && c.numbers.length > parent.numbers.length + 1) {
          report({
            start: c.markerStart,
            end: c.markerEnd,
            message: {
              vi: `Mục ${shown(c)} nằm ngay dưới mục ${shown(parent)}: thiếu cấp ở giữa.`,
              en: `Section ${shown(c)} sits right under ${shown(parent)}: a level is skipped.`,
            },
            data: { found: shown(c) },
          });
          continue;
        }
        // decimals under a non-decimal parent: one series per prefix ("1.1, 1.2" and "2.1, 2.2")
        const key =
          c.kind === 'decimal' && parent?.kind !== 'decimal' ? `${seriesKey(c)}:${c.numbers.slice(0, -1).join('.')}` : seriesKey(c);
        const s = series.get(key);
        if (s) s.push(c);
        else series.set(key, [c]);
      }

      for (const [key, items] of series) {
        const kind = items[0].kind;
        // Markdown's lazy numbering "1. 1. 1." of an ordered list
        if (items.length > 1 && items.every((i) => i.numbers.length === 1 && i.numbers[0] === 1)) continue;
        const listKind = kind === 'paren' || kind === 'letter';
        const prefix = kind === 'decimal' ? (parent?.kind === 'decimal' ? parent.numbers : items[0].numbers.slice(0, -1)) : [];
        const single = kind !== 'decimal' || items[0].numbers.length === 1;
        const expectedNumbers = (n: number) => (kind === 'decimal' ? [...prefix, n] : [n]);
        const seen = new Set<number>();

        // the first item: 1, or the continuation of the previous sibling group
        const first = items[0];
        const f = last(first);
        const prevGroup = single ? previousGroupLast(parent, key) : undefined;
        const prevLast = prevGroup ? last(prevGroup) : undefined;
        const grandparent = parent ? parentOf.get(parent) : null;
        const mustContinue = kind === 'paren' && !!grandparent && continuous.has(grandparent);
        const prefixOk = kind !== 'decimal' || first.numbers.slice(0, -1).join('.') === prefix.join('.');
        let okFirst: boolean;
        let expFirst: number;
        if (mustContinue) {
          expFirst = prevLast !== undefined ? prevLast + 1 : 1;
          okFirst = f === expFirst;
        } else {
          // a top-level list may start anywhere (an excerpt); elsewhere at 1 or where the previous group ended
          okFirst = f === 1 || (prevLast !== undefined && f === prevLast + 1) || parent === null;
          expFirst = prevLast !== undefined && f > 1 ? prevLast + 1 : 1;
        }
        if (!okFirst && kind === 'paren' && f > expFirst) {
          okFirst = inlineCovers(expFirst, f, parent ? parent.lineStart : 0, first.lineStart);
        }
        if (!okFirst || !prefixOk) {
          const exp = okFirst ? f : expFirst;
          const expShown = showNumbers(first, expectedNumbers(exp));
          let message;
          if (!prefixOk) {
            message = {
              vi: `Số mục ${shown(first)} không khớp với mục cha ${parent ? shown(parent) : ''} (mong đợi ${expShown}).`,
              en: `Number ${shown(first)} does not continue its parent ${parent ? shown(parent) : ''} (expected ${expShown}).`,
            };
          } else if (mustContinue && prevGroup) {
            message = {
              vi: `Danh sách đánh số liên tục: sau ${shown(prevGroup)} phải là ${expShown}, không phải ${shown(first)}.`,
              en: `Continuous list: after ${shown(prevGroup)} comes ${expShown}, not ${shown(first)}.`,
            };
          } else {
            message = {
              vi: `Đánh số phải bắt đầu từ ${expShown}, không phải ${shown(first)}.`,
              en: `Numbering should start at ${expShown}, not ${shown(first)}.`,
            };
          }
          fix(first, expectedNumbers(exp), { message });
        }
        seen.add(f);

        for (let i = 1; i < items.length; i++) {
          const prev = items[i - 1];
          const n = items[i];
          const v = last(n);
          const p = last(prev);
          const pOk = kind !== 'decimal' || n.numbers.slice(0, -1).join('.') === prefix.join('.');
          let ok: boolean;
          let exp: number;
          if (kind === 'letter') {
            const nexts = nextLetters(prev.marker);
            ok = nexts.includes(n.marker) || (v === 1 && listKind);
            exp = nexts.length ? letterIndex(nexts[0]) : p + 1;
          } else {
            exp = p + 1;
            ok = v === exp || (listKind && v === 1);
            if (!ok && kind === 'paren' && v > exp) ok = inlineCovers(exp, v, prev.lineStart, n.lineStart);
          }
          if (listKind && v === 1) seen.clear(); // a new list
          if (ok && pOk) {
            seen.add(v);
            continue;
          }
          const expNumbers = expectedNumbers(ok ? v : exp);
          const expShown = showNumbers(n, expNumbers);
          let message;
          if (!pOk) {
            message = {
              vi: `Số mục ${shown(n)} không khớp với mục cha ${parent ? shown(parent) : ''} (mong đợi ${expShown}).`,
              en: `Number ${shown(n)} does not continue its parent ${parent ? shown(parent) : ''} (expected ${expShown}).`,
            };
          } else if (seen.has(v)) {
            message = {
              vi: `Số mục ${shown(n)} bị trùng (mong đợi ${expShown}).`,
              en: `Duplicate number ${shown(n)} (expected ${expShown}).`,
            };
          } else if (v > p) {
            message = {
              vi: `Đánh số nhảy cóc: ${shown(n)} sau ${shown(prev)} (mong đợi ${expShown}).`,
              en: `Numbering gap: ${shown(n)} after ${shown(prev)} (expected ${expShown}).`,
            };
          } else {
            message = {
              vi: `Số mục ${shown(n)} sai thứ tự sau ${shown(prev)} (mong đợi ${expShown}).`,
              en: `Number ${shown(n)} is out of sequence after ${shown(prev)} (expected ${expShown}).`,
            };
          }
          fix(n, expNumbers, { message });
          seen.add(v);
        }
      }
    }
  },
};

export default rule;
