/**
 * citation/malformed-number: a party document number written in a shape no party document has: the slash
 * missing ("17-NQTU"), the state shape used for a party body ("17/NQ-TU", "17/NQ/TU"), a dash for the slash
 * ("17-NQ-TU"), a doubled separator ("17--NQ/TU"). State numbers ("15/2023/NĐ-CP", "1234/QĐ-UBND") are not
 * touched. The quick fix writes the well-formed party number.
 */
import type { Rule } from '../rule';
import { msg } from '../messages';
import { parseCitations } from '../crosscheck/citation';

const rule: Rule = {
  id: 'citation/malformed-number',
  defaultSeverity: 'warning',
  cheap: true,
  description: {
    vi: 'Số hiệu văn bản của Đảng viết sai dạng (đúng: 17-NQ/TU)',
    en: 'A party document number is malformed (the form is 17-NQ/TU)',
  },
  check(ctx, report) {
    for (const c of parseCitations(ctx.view.text)) {
      const m = c.malformed;
      if (!m) continue;
      const args = { number: c.number, suggestion: m.suggestion ?? '' };
      report({
        start: c.numberStart,
        end: c.numberEnd,
        message: m.suggestion
          ? msg('Số hiệu “{number}” viết sai dạng; đúng là “{suggestion}”.', 'The number “{number}” is malformed; it should read “{suggestion}”.', args)
          : msg('Số hiệu “{number}” viết sai dạng.', 'The number “{number}” is malformed.', args),
        data: { number: c.number, reason: m.reason, suggestion: m.suggestion },
        fixes: m.suggestion
          ? [
              {
                title: msg('Sửa thành {suggestion}', 'Change to {suggestion}', args),
                edits: [{ start: c.numberStart, end: c.numberEnd, newText: m.suggestion }],
                preferred: true,
              },
            ]
          : undefined,
      });
    }
  },
};

export default rule;
