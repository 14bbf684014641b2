/**
 * citation/invalid-date: a document cited with a date that cannot be: a day the month does not have
 * ("31/02/2024", "29/02/2023"), month 0 or 13, a year before 1930 or after next year, or a year other than the
 * one a state-style number carries ("số 15/2023/NĐ-CP ngày 03/4/2022").
 */
import type { Rule } from '../rule';
import { msg } from '../messages';
import { dateProblem, parseCitations } from '../crosscheck/citation';

function maxYear(options: Record<string, unknown>): number {
  const y = options.citationMaxYear;
  return typeof y === 'number' && Number.isFinite(y) ? y : new Date().getFullYear() + 1;
}

const rule: Rule = {
  id: 'citation/invalid-date',
  defaultSeverity: 'error',
  cheap: true,
  description: {
    vi: 'Ngày ban hành của văn bản được trích dẫn không thể có',
    en: 'A cited document carries an impossible date',
  },
  check(ctx, report) {
    const limit = maxYear(ctx.options);
    for (const c of parseCitations(ctx.view.text)) {
      const d = c.date;
      if (!d) continue;
      const problem = dateProblem(d, limit);
      const args = { date: d.text, number: c.number, month: d.month, day: d.day, year: d.year, limit };
      let message;
      if (problem === 'month') message = msg('Ngày {date}: không có tháng {month}.', 'Date {date}: there is no month {month}.', args);
      else if (problem === 'day') message = msg('Ngày {date}: tháng {month}/{year} không có ngày {day}.', 'Date {date}: {month}/{year} has no day {day}.', args);
      else if (problem === 'year-past') message = msg('Ngày {date}: năm {year} quá sớm cho văn bản {number}.', 'Date {date}: the year {year} is too early for document {number}.', args);
      else if (problem === 'year-future') message = msg('Ngày {date}: năm {year} chưa tới.', 'Date {date}: the year {year} is in the future.', args);
      else if (c.numberYear !== undefined && c.numberYear !== d.year) {
        message = msg(
          'Số hiệu {number} mang năm {numberYear} nhưng ngày ban hành ghi năm {year}.',
          'The number {number} carries the year {numberYear} but the date says {year}.',
          { ...args, numberYear: c.numberYear },
        );
      }
      if (!message) continue;
      report({
        start: d.start,
        end: d.end,
        message,
        data: { number: c.number, date: d.text, problem: problem ?? 'number-year' },
      });
    }
  },
};

export default rule;
