/**
 * arithmetic/growth-multiplier: an average growth rate against a multiplier over the same years.
 *
 *   "… năm 2025 … gấp 1,87 lần năm 2020, tăng 13,4%/năm"  → 5 years: 1,134^5 = 1,873 → "gấp 1,87 lần" holds.
 *
 * Both figures must stand in one clause (no parenthesis between them): "gấp M lần (so với) năm Y0" with a base
 * year, and one "tăng r%/năm". The end year is the last explicit period written before the multiplier in the
 * clause ("năm 2025"), else the section's period. The rate, compounded over the years, must reach the
 * multiplier within the precision both are written with; a multiplier over a base period ("gấp 1,4 lần giai
 * đoạn 2016 - 2020") compares sums of years and is not checked.
 */
import type { Rule } from '../rule';
import type { Figure } from '../types';
import { msg } from '../messages';
import { formatVnNumber } from '../numformat';
import { clauseEndOf, clauseStartOf, figureInterval, figuresIn, periodsIn, wordAt, wordsBefore, skipSpaces } from '../crosscheck/scan';
import { isDigitCode } from '../units';

/** "(so với) năm 2020" right after the multiplier: the base year, or 0. */
function baseYear(text: string, at: number): number {
  let p = skipSpaces(text, at);
  let w = wordAt(text, p);
  if (w && w.lower === 'so') {
    p = skipSpaces(text, w.end);
    w = wordAt(text, p);
    if (w && w.lower === 'với') {
      p = skipSpaces(text, w.end);
      w = wordAt(text, p);
    }
  }
  if (!w || w.lower !== 'năm') return 0;
  p = skipSpaces(text, w.end);
  let e = p;
  while (e < text.length && isDigitCode(text.charCodeAt(e))) e++;
  if (e - p !== 4 || isDigitCode(text.charCodeAt(e))) return 0;
  const next = text.charCodeAt(e);
  if (next === 45 || next === 0x2013 || next === 47) return 0; // a span or a date
  const after = skipSpaces(text, e);
  if (text.charCodeAt(after) === 45 || text.charCodeAt(after) === 0x2013) return 0; // "2016 - 2020"
  const y = Number(text.slice(p, e));
  return y >= 1900 && y <= 2100 ? y : 0;
}

function hasParen(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 40 || c === 41) return true;
  }
  return false;
}

function isRate(text: string, f: Figure): boolean {
  if (f.role !== 'quantity' || f.unit !== '%/năm' || f.bound === 'approx') return false;
  if (f.change === 'decrease') return false;
  if (f.change === 'increase') return true;
  const w = wordsBefore(text, f.start, 2).map((x) => x.lower);
  return w[0] === 'tăng' || (w[0] === 'quân' && w[1] === 'bình');
}

const rule: Rule = {
  id: 'arithmetic/growth-multiplier',
  defaultSeverity: 'warning',
  description: {
    vi: 'Tốc độ tăng bình quân không khớp với số lần tăng trong cùng giai đoạn',
    en: 'An average growth rate does not compound to the stated multiplier over the period',
  },
  check(ctx, report) {
    const text = ctx.view.text;
    for (const m of ctx.figures) {
      if (m.role !== 'multiplier' || m.bound === 'approx') continue;
      const before = wordsBefore(text, m.start, 1)[0];
      if (!before || before.lower !== 'gấp') continue;
      const y0 = baseYear(text, m.end);
      if (!y0) continue;
      const cs = clauseStartOf(text, m.start);
      const ce = clauseEndOf(text, m.end);
      const rates = figuresIn(ctx.figures, cs, ce).filter((f) => isRate(text, f));
      if (rates.length !== 1) continue;
      const r = rates[0];
      if (hasParen(text, Math.min(r.end, m.end), Math.max(r.start, m.start))) continue;
      // end year: the last explicit period before the multiplier in the clause, else the section's
      let y1 = 0;
      for (const p of periodsIn(ctx.periods, cs, m.start)) if (p.period && !p.schoolYear) y1 = p.period.to;
      if (!y1) y1 = ctx.template?.periodAt(m.start)?.to ?? 0;
      const n = y1 - y0;
      if (n < 1 || n > 30) continue;
      const rIv = figureInterval(r);
      const mIv = figureInterval(m);
      if (!rIv || !mIv || rIv.lo <= -100) continue;
      const lo = (1 + rIv.lo / 100) ** n;
      const hi = rIv.hi === Infinity ? Infinity : (1 + rIv.hi / 100) ** n;
      if (hi >= mIv.lo && lo <= mIv.hi) continue;
      const implied = (1 + r.lo / 100) ** n;
      const impliedRate = (m.lo ** (1 / n) - 1) * 100;
      const args = {
        rate: r.text,
        n,
        y0,
        y1,
        implied: formatVnNumber(implied, { decimals: Math.max(2, m.decimals), style: m.style }),
        mult: m.text,
        impliedRate: formatVnNumber(impliedRate, { decimals: Math.max(1, r.decimals), style: r.style }) + '%/năm',
      };
      report({
        start: m.start,
        end: m.end,
        message: msg(
          'Tăng {rate} trong {n} năm ({y0}–{y1}) là gấp {implied} lần, không phải {mult}; gấp {mult} tương ứng {impliedRate}.',
          'Growing {rate} for {n} years ({y0}–{y1}) gives ×{implied}, not {mult}; {mult} means {impliedRate}.',
          args,
        ),
        data: { rate: r.text, multiplier: m.text, years: n, baseYear: y0, endYear: y1, implied: args.implied, impliedRate: args.impliedRate },
        related: [{ start: r.start, end: r.end, message: msg('Tốc độ tăng bình quân', 'The average growth rate') }],
      });
    }
  },
};

export default rule;
