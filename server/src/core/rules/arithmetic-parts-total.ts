/**
 * arithmetic/parts-total: parts against the total they break down.
 *
 *   "68,2 giường bệnh/1 vạn dân (gồm 65 giường … và 3,2 giường …)"
 *      — "(gồm|bao gồm … và …)": the parts must add up to the total within the precision written;
 *   "1.914 ha, trong đó 1.561 ha … và 420 ha …"
 *      — ", trong đó … và …" names parts that need not cover the whole, so only parts that exceed the total are
 *        reported (and never for percentages, whose parts may overlap or have other bases).
 *
 * Every figure between the parentheses (or in the clause after "trong đó") must convert to the total's unit,
 * there must be two parts or more with "và" before the last, and none may be approximate ("khoảng").
 */
import type { Rule } from '../rule';
import type { Figure } from '../types';
import { msg } from '../messages';
import { unitsCompatible } from '../units';
import { formatVnNumber, minimalDecimals } from '../numformat';
import { clauseEndOf, figureInterval, figuresIn, skipSpaces, wordAt, type Interval } from '../crosscheck/scan';

interface Breakdown {
  kind: 'gom' | 'trong-do';
  start: number;
  end: number;
}

/** "(gồm …)" / "(bao gồm …)" or ", trong đó …" right after the total. */
function breakdownAfter(text: string, f: Figure): Breakdown | null {
  const p = skipSpaces(text, f.end);
  const c = text.charCodeAt(p);
  if (c === 40 /* ( */) {
    let q = skipSpaces(text, p + 1);
    let w = wordAt(text, q);
    if (w && w.lower === 'bao') {
      q = skipSpaces(text, w.end);
      w = wordAt(text, q);
    }
    if (!w || w.lower !== 'gồm') return null;
    let a = skipSpaces(text, w.end);
    if (text.charCodeAt(a) === 58) a = skipSpaces(text, a + 1);
    let e = a;
    const stop = Math.min(text.length, a + 400);
    while (e < stop) {
      const d = text.charCodeAt(e);
      if (d === 41 || d === 40 || d === 10 || d === 13) break;
      e++;
    }
    if (text.charCodeAt(e) !== 41) return null;
    return { kind: 'gom', start: a, end: e };
  }
  if (c === 44 /* , */) {
    const q = skipSpaces(text, p + 1);
    const w1 = wordAt(text, q);
    if (!w1 || w1.lower !== 'trong') return null;
    const w2 = wordAt(text, skipSpaces(text, w1.end));
    if (!w2 || w2.lower !== 'đó') return null;
    let a = skipSpaces(text, w2.end);
    if (text.charCodeAt(a) === 58 || text.charCodeAt(a) === 44) a = skipSpaces(text, a + 1);
    let e = clauseEndOf(text, a, 600);
    // a parenthesis closing before the clause end ends the breakdown too
    for (let k = a; k < e; k++) {
      if (text.charCodeAt(k) === 41) {
        e = k;
        break;
      }
    }
    return { kind: 'trong-do', start: a, end: e };
  }
  return null;
}

function hasAnd(text: string, a: number, b: number): boolean {
  const s = text.slice(a, b).toLowerCase();
  return s.includes(' và ');
}

function num(text: string, f: Figure): string {
  return text.slice(f.numStart, f.numEnd);
}

const rule: Rule = {
  id: 'arithmetic/parts-total',
  defaultSeverity: 'warning',
  description: {
    vi: 'Các thành phần không cộng lại bằng tổng đã nêu',
    en: 'The parts do not add up to the stated total',
  },
  check(ctx, report) {
    const text = ctx.view.text;
    const figures = ctx.figures;
    for (const total of figures) {
      if (total.role !== 'quantity' || total.bound === 'approx' || !total.unit) continue;
      const b = breakdownAfter(text, total);
      if (!b) continue;
      const inside = figuresIn(figures, b.start, b.end);
      const parts = inside.filter((f) => f.role === 'quantity');
      if (parts.length < 2 || parts.length !== inside.filter((f) => f.role !== 'plain').length) continue;
      const factors = parts.map((p) => unitsCompatible(p.unit, total.unit));
      if (factors.some((x) => x === null)) continue;
      if (parts.some((p) => p.bound === 'approx' || p.change)) continue;
      const last = parts[parts.length - 1];
      if (!hasAnd(text, parts[parts.length - 2].end, last.start)) continue;
      const percent = total.unit === '%' || total.unit === '%/năm';
      if (b.kind === 'trong-do' && percent) continue;

      const t = figureInterval(total);
      if (!t) continue;
      let sum: Interval = { lo: 0, hi: 0 };
      let nominal = 0;
      let decimals = total.decimals;
      let ok = true;
      parts.forEach((p, i) => {
        const iv = figureInterval(p, factors[i] as number);
        if (!iv) {
          ok = false;
          return;
        }
        sum = { lo: sum.lo + iv.lo, hi: sum.hi + iv.hi };
        nominal += p.lo * (factors[i] as number);
        decimals = Math.max(decimals, p.decimals);
      });
      if (!ok) continue;
      const contradicts = b.kind === 'gom' ? sum.hi < t.lo || sum.lo > t.hi : sum.lo > t.hi;
      if (!contradicts) continue;
      // written in the total's unit as the draft writes it ("nghìn tỷ đồng"), parts with their own units when
      // they are written in another one
      const sameUnit = parts.every((p) => p.unit === total.unit && (p.factor ?? 1) === (total.factor ?? 1));
      const sumWritten = nominal / (total.factor ?? 1);
      const sumText = formatVnNumber(sumWritten, { decimals: sameUnit ? decimals : Math.min(3, minimalDecimals(sumWritten)), style: total.style });
      const args = {
        parts: sameUnit ? parts.map((p) => num(text, p)).join(' + ') : parts.map((p) => p.text).join(' + '),
        sum: sameUnit ? sumText : `${sumText} ${total.unitText}`,
        total: sameUnit ? num(text, total) : total.text,
      };
      report({
        start: total.start,
        end: b.end,
        message:
          b.kind === 'gom'
            ? msg('Các thành phần {parts} = {sum}, không bằng tổng {total}.', 'The parts {parts} = {sum}, not the total {total}.', args)
            : msg(
                'Các phần {parts} = {sum}, lớn hơn tổng {total}.',
                'The parts {parts} = {sum}, more than the total {total}.',
                args,
              ),
        data: { total: total.text, parts: parts.map((p) => p.text), sum: sumText, kind: b.kind },
        related: parts.map((p) => ({ start: p.start, end: p.end, message: msg('Thành phần “{p}”', 'Part “{p}”', { p: p.text }) })),
      });
    }
  },
};

export default rule;
