/**
 * citation/conflicting-date: the same document number cited with different dates in one document
 * ("Nghị quyết số 17-NQ/TU, ngày 30/10/2023" … "Nghị quyết 17-NQ/TU ngày 03/10/2023"). The reference date is
 * the most frequent one (the first on a tie); every citation with another date is reported, pointing at it.
 * Party numbers restart with each term, so two dates more than two years apart are taken to be two documents.
 */
import type { Rule } from '../rule';
import { msg } from '../messages';
import { parseCitations, sameDate, formatDateLike, type DocCitation } from '../crosscheck/citation';

const MAX_YEAR_GAP = 2;

function dateKey(c: DocCitation): string {
  const d = c.date!;
  return `${d.year}-${d.month}-${d.day}`;
}

const rule: Rule = {
  id: 'citation/conflicting-date',
  defaultSeverity: 'warning',
  cheap: true,
  description: {
    vi: 'Cùng một số hiệu văn bản được trích dẫn với ngày ban hành khác nhau',
    en: 'The same document number is cited with different dates',
  },
  check(ctx, report) {
    const groups = new Map<string, DocCitation[]>();
    for (const c of parseCitations(ctx.view.text)) {
      if (!c.date || c.kind === 'unknown') continue;
      const g = groups.get(c.key);
      if (g) g.push(c);
      else groups.set(c.key, [c]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const counts = new Map<string, number>();
      for (const c of group) counts.set(dateKey(c), (counts.get(dateKey(c)) ?? 0) + 1);
      if (counts.size < 2) continue;
      let ref = group[0];
      for (const c of group) if ((counts.get(dateKey(c)) ?? 0) > (counts.get(dateKey(ref)) ?? 0)) ref = c;
      const refDate = ref.date!;
      const refLine = ctx.view.nfcLineOf(ref.start) + 1;
      for (const c of group) {
        const d = c.date!;
        if (sameDate(d, refDate)) continue;
        if (Math.abs(d.year - refDate.year) > MAX_YEAR_GAP) continue;
        const fixed = formatDateLike(refDate, d);
        report({
          start: c.numberStart,
          end: d.end,
          message: msg(
            'Văn bản {number} được ghi ngày {date} ở đây nhưng ngày {other} ở dòng {line}.',
            'Document {number} is dated {date} here but {other} on line {line}.',
            { number: c.number, date: d.text, other: refDate.text, line: refLine },
          ),
          data: { number: c.number, key: c.key, date: d.text, other: refDate.text },
          related: [
            {
              start: ref.numberStart,
              end: refDate.end,
              message: msg('Cùng văn bản, ngày {other}', 'Same document, dated {other}', { other: refDate.text }),
            },
          ],
          fixes: [
            {
              title: msg('Sửa ngày thành {date}', 'Change the date to {date}', { date: fixed }),
              edits: [{ start: d.start, end: d.end, newText: fixed }],
            },
          ],
        });
      }
    }
  },
};

export default rule;
