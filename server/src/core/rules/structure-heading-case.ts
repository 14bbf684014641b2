/**
 * structure/heading-case: a heading whose case differs from its siblings' — "II- hạn chế, yếu kém" among
 * "I- KẾT QUẢ …" and "III- ĐÁNH GIÁ …". Only the leading words are compared (titles often end in lower case:
 * "KẾT QUẢ ĐẠT ĐƯỢC trong nhiệm kỳ …"); siblings that are all in sentence case are fine.
 *   - most siblings upper case → the others are reported (fix: upper-case the title);
 *   - titles starting with a lower-case letter are reported when at least as many siblings start with a capital
 *     (fix: upper-case it, or capitalise its first letter when the siblings are in sentence case).
 * Parts, roman and decimal headings; (n) and a) list items are prose and not checked.
 */
import type { Rule } from '../rule';
import { CASE_UPPER, caseOf, unitClass, UNIT_LETTER, UNIT_NUMBER } from '../text';
import type { OutlineNode } from '../types';
import { headingLabel, seriesKey, siblingGroups } from './structure-util';

type Case = 'upper' | 'sentence' | 'lower';

/** index of the first letter of s (a BMP letter; -1 when none) */
function firstLetter(s: string): number {
  for (let i = 0; i < s.length; i++) if (unitClass(s.charCodeAt(i)) === UNIT_LETTER) return i;
  return -1;
}

/** the words of a title: runs of non-whitespace (what split(/\s+/) gives, without its empty ends) */
const WORD = /\S+/g;

/** The case of a title's first two words that contain letters (null when it has none). */
export function leadingCase(title: string): Case | null {
  let lead0 = -1;
  for (let i = 0; i < title.length && lead0 < 0; i++) if (unitClass(title.charCodeAt(i)) & (UNIT_LETTER | UNIT_NUMBER)) lead0 = i;
  if (lead0 < 0 || unitClass(title.charCodeAt(lead0)) === UNIT_NUMBER) return null; // "40 năm …": starts with a number
  // read words only until two with letters are found: a title may run on with a whole paragraph
  const words: string[] = [];
  WORD.lastIndex = 0;
  while (words.length < 2) {
    const m = WORD.exec(title);
    if (m === null) break;
    if (firstLetter(m[0]) >= 0) words.push(m[0]);
  }
  if (words.length === 0) return null;
  const lead = words.join(' ');
  let first = '';
  let upper = 0;
  let lower = 0;
  for (const ch of lead) {
    const k = caseOf(ch);
    if (k === 0) continue;
    if (!first) first = ch;
    if (k & CASE_UPPER) upper++;
    else lower++;
  }
  if (!first) return null;
  if (!(caseOf(first) & CASE_UPPER)) return 'lower';
  return lower === 0 && upper >= 2 ? 'upper' : 'sentence';
}

function capitalise(s: string): string {
  const i = firstLetter(s);
  return i >= 0 ? s.slice(0, i) + s[i].toUpperCase() + s.slice(i + 1) : s;
}

const rule: Rule = {
  id: 'structure/heading-case',
  defaultSeverity: 'warning',
  description: {
    vi: 'Chữ hoa/thường của đề mục khác các mục cùng cấp',
    en: 'A heading is cased differently from its siblings',
  },
  check(ctx, report) {
    for (const { children } of siblingGroups(ctx.outline)) {
      const series = new Map<string, { n: OutlineNode; c: Case }[]>();
      for (const n of children) {
        if (n.kind !== 'part' && n.kind !== 'roman' && n.kind !== 'decimal') continue;
        const c = leadingCase(n.title);
        if (!c) continue;
        const k = seriesKey(n);
        const list = series.get(k);
        if (list) list.push({ n, c });
        else series.set(k, [{ n, c }]);
      }
      for (const items of series.values()) {
        if (items.length < 2) continue;
        const upper = items.filter((i) => i.c === 'upper').length;
        const sentence = items.filter((i) => i.c === 'sentence').length;
        const lower = items.length - upper - sentence;
        let targets: { n: OutlineNode; c: Case }[] = [];
        let toUpper = false;
        if (upper > sentence + lower) {
          targets = items.filter((i) => i.c !== 'upper');
          toUpper = true;
        } else if (lower > 0 && upper + sentence > 0 && upper + sentence >= lower) {
          targets = items.filter((i) => i.c === 'lower');
          toUpper = upper > sentence;
        }
        for (const { n } of targets) {
          const raw = ctx.view.text.slice(n.titleStart, n.titleEnd);
          const fixed = toUpper ? raw.toUpperCase() : capitalise(raw);
          const label = headingLabel(n);
          report({
            start: n.titleStart,
            end: n.titleEnd,
            message: toUpper
              ? {
                  vi: `Đề mục ${label} viết thường trong khi các mục cùng cấp viết hoa.`,
                  en: `Heading ${label} is not in upper case like its siblings.`,
                }
              : {
                  vi: `Đề mục ${label} bắt đầu bằng chữ thường, khác các mục cùng cấp.`,
                  en: `Heading ${label} starts with a lower-case letter, unlike its siblings.`,
                },
            data: { expected: fixed },
            fixes: [
              {
                title: toUpper ? { vi: 'Viết hoa đề mục', en: 'Upper-case the heading' } : { vi: 'Viết hoa chữ đầu', en: 'Capitalise the first letter' },
                edits: [{ start: n.titleStart, end: n.titleEnd, newText: fixed }],
              },
            ],
          });
        }
      }
    }
  },
};

export default rule;
