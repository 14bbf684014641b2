/**
 * units/percentage-points: a change in a rate or share given in "%" where percentage points are meant.
 *
 *   "tỷ lệ … đạt 95,8%, tăng 5,8% so với …"  → "tăng 5,8 điểm phần trăm"
 *   "tỷ lệ hộ nghèo giảm 1,2%"                                            → "giảm 1,2 điểm phần trăm"
 *
 * Only when the subject is a rate or share (tỷ lệ, tỷ trọng) and the change ("tăng/giảm N%") follows it directly:
 * right after its level ("đạt 95,8%, tăng 5,8%") or with only the rate's name between ("tỷ lệ X giảm 1,2%").
 * "%/năm" changes and changes of levels ("doanh thu tăng 13,1%") are left alone. The fix writes the points.
 */
import type { Rule } from '../rule';
import type { Figure } from '../types';
import { msg } from '../messages';
import { clauseStartOf, figuresIn, findLastPhrase, lowerOf, wordsBefore } from '../crosscheck/scan';

const RATE_WORDS = ['tỷ lệ', 'tỉ lệ', 'tỷ trọng', 'tỉ trọng'];
/** how far before the change (or its level) the rate's name may stand */
const MAX_SUBJECT_GAP = 140;

function isChange(text: string, f: Figure): boolean {
  if (f.role !== 'quantity' || f.unit !== '%' || !f.change || f.pair) return false;
  // "tăng 5,8%" / "giảm 1,2%" / "tăng thêm 2%": the word before is the verb (no "lên", "còn", "xuống")
  const w = wordsBefore(text, f.start, 2).map((x) => x.lower);
  return w[0] === 'tăng' || w[0] === 'giảm' || (w[0] === 'thêm' && w[1] === 'tăng');
}

function lastRateWord(lower: string, from: number, to: number): number {
  let best = -1;
  for (const w of RATE_WORDS) best = Math.max(best, findLastPhrase(lower, w, from, to));
  return best;
}

/** Only letters, digits and spaces between a and b (no punctuation, no other figure's sign). */
function plainWords(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 44 || c === 59 || c === 58 || c === 46 || c === 40 || c === 41 || c === 37 || c === 10 || c === 13) return false;
  }
  return true;
}

const rule: Rule = {
  id: 'units/percentage-points',
  defaultSeverity: 'warning',
  description: {
    vi: 'Mức thay đổi của một tỷ lệ nên tính bằng điểm phần trăm, không phải %',
    en: 'A change in a rate should be given in percentage points, not %',
  },
  check(ctx, report) {
    const text = ctx.view.text;
    let lower: string | undefined;
    const figures = ctx.figures;
    for (let i = 0; i < figures.length; i++) {
      const f = figures[i];
      if (!isChange(text, f)) continue;
      lower ??= lowerOf(text);
      const cs = clauseStartOf(text, f.start);
      const verb = wordsBefore(text, f.start, 1)[0];
      const verbStart = verb.lower === 'thêm' ? wordsBefore(text, f.start, 2)[1].start : verb.start;
      const prev = figuresIn(figures, cs, f.start);
      const level = prev[prev.length - 1];
      let subjectAt = -1;
      if (level) {
        // "… đạt 95,8%, tăng 5,8%": the level right before, separated by a comma only
        const between = text.slice(level.end, verbStart);
        if (level.role !== 'quantity' || level.unit !== '%' || level.change || !/^\s*,\s*$/.test(between)) continue;
        subjectAt = lastRateWord(lower, Math.max(cs, level.start - MAX_SUBJECT_GAP), level.start);
        if (subjectAt < 0 || figuresIn(figures, subjectAt, level.start).length) continue;
      } else {
        // "tỷ lệ hộ nghèo giảm 1,2%": the rate's name and the verb in one run of words
        subjectAt = lastRateWord(lower, Math.max(cs, verbStart - MAX_SUBJECT_GAP), verbStart);
        if (subjectAt < 0 || !plainWords(text, subjectAt, verbStart)) continue;
      }
      const unitStart = f.end - f.unitText.length;
      if (text.slice(unitStart, f.end) !== '%' && !text.slice(unitStart, f.end).startsWith('%')) continue;
      const number = text.slice(f.numStart, f.numEnd);
      const fixed = text.slice(f.start, unitStart).trimEnd() + ' điểm phần trăm';
      report({
        start: f.start,
        end: f.end,
        message: msg(
          'Mức tăng/giảm của {subject} nên ghi “{number} điểm phần trăm”, không phải “{cited}”.',
          'A change in {subject} should read “{number} percentage points”, not “{cited}”.',
          { subject: RATE_WORDS.find((w) => lower!.startsWith(w, subjectAt)) ?? 'tỷ lệ', number, cited: f.text },
        ),
        data: { cited: f.text, level: level?.text },
        related: level ? [{ start: level.start, end: level.end, message: msg('Mức của tỷ lệ', 'The rate’s level') }] : undefined,
        fixes: [
          {
            title: msg('Sửa thành “{fixed}”', 'Change to “{fixed}”', { fixed }),
            edits: [{ start: f.start, end: f.end, newText: fixed }],
            preferred: true,
          },
        ],
      });
    }
  },
};

export default rule;
