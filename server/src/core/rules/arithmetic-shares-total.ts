/**
 * arithmetic/shares-total: the shares of one whole must be able to add up to 100% within the precision written,
 * ranges included ("Cơ cấu kinh tế năm 2030: … 47-48%; … 47-49%; … 3-4%" can reach 100; "50%; 40%; 5%"
 * cannot). Strict on purpose: only after "cơ cấu … :"
 * with three shares or more, each a "label N%" item, and nothing else numeric in the list.
 */
import type { Rule } from '../rule';
import type { Figure } from '../types';
import { msg } from '../messages';
import { formatVnNumber } from '../numformat';
import { figureInterval, figuresIn, isSentenceEnd, skipSpaces, wordAt } from '../crosscheck/scan';
import { isLetterCode } from '../units';

/** The list after "cơ cấu … :" (same line, at most 8 words between), or null. */
function structureList(text: string, at: number): { start: number; end: number } | null {
  // at: offset of "cơ cấu"; the next word must not be "lại" ("cơ cấu lại" = restructure)
  const after = wordAt(text, skipSpaces(text, at + 6));
  if (after && (after.lower === 'lại' || after.lower === 'lai')) return null;
  let p = at + 6;
  let words = 0;
  const stop = Math.min(text.length, at + 120);
  while (p < stop) {
    const c = text.charCodeAt(p);
    if (c === 58 /* : */) break;
    if (c === 10 || c === 13 || c === 46 || c === 59 || c === 44 || c === 40 || c === 41) return null;
    const w = wordAt(text, p);
    if (w) {
      words++;
      p = w.end;
      continue;
    }
    p++;
  }
  if (text.charCodeAt(p) !== 58 || words > 8) return null;
  const a = p + 1;
  let e = a;
  const end = Math.min(text.length, a + 600);
  while (e < end && !isSentenceEnd(text, e)) e++;
  return { start: a, end: e };
}

function hasLetter(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (isLetterCode(text.charCodeAt(k))) return true;
  return false;
}

/** Each share is "label N%" followed by ';', ',' or the end of the list. */
function sharesOf(text: string, list: { start: number; end: number }, figures: Figure[]): Figure[] | null {
  const inside = figuresIn(figures, list.start, list.end);
  if (inside.length < 3) return null;
  let prevEnd = list.start;
  for (const f of inside) {
    if (f.role !== 'quantity' || f.unit !== '%' || f.change || f.pair) return null;
    if (!hasLetter(text, prevEnd, f.start)) return null; // a label before each share
    const q = skipSpaces(text, f.end);
    const c = text.charCodeAt(q);
    if (!(q >= list.end || c === 59 || c === 44)) return null;
    prevEnd = f.end;
  }
  return inside;
}

function findStructures(text: string): number[] {
  const out: number[] = [];
  let i = text.indexOf('ơ cấu');
  while (i >= 0) {
    const a = i - 1;
    const c = text[a];
    if ((c === 'c' || c === 'C') && !isLetterCode(text.charCodeAt(a - 1)) && !isLetterCode(text.charCodeAt(i + 5))) out.push(a);
    i = text.indexOf('ơ cấu', i + 5);
  }
  return out;
}

const rule: Rule = {
  id: 'arithmetic/shares-total',
  defaultSeverity: 'warning',
  description: {
    vi: 'Các tỷ trọng của một cơ cấu không cộng lại được 100%',
    en: 'The shares of a structure cannot add up to 100%',
  },
  check(ctx, report) {
    const text = ctx.view.text;
    for (const at of findStructures(text)) {
      const list = structureList(text, at);
      if (!list) continue;
      const shares = sharesOf(text, list, ctx.figures);
      if (!shares) continue;
      let lo = 0;
      let hi = 0;
      let nomLo = 0;
      let nomHi = 0;
      let decimals = 0;
      let bounded = true;
      for (const f of shares) {
        const iv = figureInterval(f);
        if (!iv) {
          bounded = false;
          break;
        }
        lo += iv.lo;
        hi += iv.hi;
        nomLo += f.lo;
        nomHi += f.hi;
        decimals = Math.max(decimals, f.decimals);
      }
      if (!bounded || (lo <= 100 && hi >= 100)) continue;
      const style = shares[0].style;
      const fmt = (x: number) => formatVnNumber(x, { decimals, style });
      const sum = nomLo === nomHi ? fmt(nomLo) : `${fmt(nomLo)}-${fmt(nomHi)}`;
      const first = shares[0];
      const last = shares[shares.length - 1];
      report({
        start: first.start,
        end: last.end,
        message: msg(
          'Các tỷ trọng trong cơ cấu cộng lại {sum}%, không thể bằng 100%.',
          'The shares of the structure add up to {sum}%, which cannot be 100%.',
          { sum },
        ),
        data: { shares: shares.map((f) => f.text), sum },
        related: shares.map((f) => ({ start: f.start, end: f.end, message: msg('Tỷ trọng “{s}”', 'Share “{s}”', { s: f.text }) })),
      });
    }
  },
};

export default rule;
