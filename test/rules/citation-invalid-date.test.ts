import rule from '../../server/src/core/rules/citation-invalid-date';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'Nghị quyết số 21-NQ/TU ngày 29/02/2024 của Tỉnh ủy.',
    'Quy định số 144-QĐ/TW ngày 09/5/2024 của Bộ Chính trị.',
    'Nghị định số 15/2023/NĐ-CP ngày 03/4/2023 của Chính phủ.',
    'Nghị quyết số 21-NQ/TU ngày 30 tháng 10 năm 2023.',
    // a date that belongs to no citation is not this rule's business
    'Hội nghị ngày 31/02/2024 đã kết thúc.',
  ],
  invalid: [
    { text: 'Nghị quyết số 21-NQ/TU ngày 31/02/2024 của Tỉnh ủy.', errors: [{ line: 1, column: 29, endColumn: 39, message: 'has no day 31', severity: 'error' }] },
    { text: 'Nghị quyết số 21-NQ/TU ngày 29/02/2023.', errors: [{ message: 'has no day 29' }] },
    { text: 'Chỉ thị số 05-CT/TU, ngày 12/13/2022 về phòng chống thiên tai.', errors: [{ column: 27, message: 'no month 13' }] },
    { text: 'Kết luận số 48-KL/TU ngày 12/3/2999.', errors: [{ message: 'năm 2999 chưa tới' }] },
    { text: 'Quyết định số 12-QĐ/TU ngày 12/3/1899.', errors: [{ message: 'too early' }] },
    { text: 'Nghị quyết số 21-NQ/TU ngày 31 tháng 4 năm 2023.', errors: [{ message: 'has no day 31' }] },
    { text: 'Nghị định số 15/2023/NĐ-CP ngày 03/4/2022 của Chính phủ.', errors: [{ message: 'carries the year 2023' }] },
    {
      name: 'the year limit is an option',
      text: 'Nghị quyết số 21-NQ/TU ngày 12/3/2027.',
      options: { options: { citationMaxYear: 2026 } },
      errors: [{ message: 'in the future' }],
    },
  ],
});
