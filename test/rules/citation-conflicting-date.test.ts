import rule from '../../server/src/core/rules/citation-conflicting-date';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    // the same date written with and without "số" and the comma
    'Thực hiện Nghị quyết số 21-NQ/TU, ngày 12/3/2022 của Tỉnh ủy. Tiếp tục Nghị quyết 21-NQ/TU ngày 12/3/2022.',
    // leading zero in the number and zero padding in the date are the same
    'Theo Nghị quyết số 09-NQ/TU ngày 05/02/2022; sau đó Nghị quyết số 9-NQ/TU ngày 5/2/2022.',
    // different numbers, different dates
    'Nghị quyết số 21-NQ/TU ngày 12/3/2022 và Nghị quyết số 22-NQ/TU ngày 14/3/2022.',
    // party numbers restart each term: far-apart dates are two documents
    'Nghị quyết số 02-NQ/TU ngày 10/2/2016 và Nghị quyết số 02-NQ/TU ngày 05/5/2021.',
    // a date only once
    'Nghị quyết số 21-NQ/TU ngày 12/3/2022 và Nghị quyết số 21-NQ/TU.',
  ],
  invalid: [
    {
      text: 'Nghị quyết số 21-NQ/TU, ngày 12/3/2022 về văn hóa.\nTiếp tục thực hiện Nghị quyết 21-NQ/TU ngày 21/3/2022.',
      errors: [{ line: 2, column: 31, message: 'ngày 12/3/2022 ở dòng 1', fix: 'Nghị quyết số 21-NQ/TU, ngày 12/3/2022 về văn hóa.\nTiếp tục thực hiện Nghị quyết 21-NQ/TU ngày 12/3/2022.' }],
    },
    {
      name: 'the majority date is the reference',
      text: 'Quyết định 1234/QĐ-UBND ngày 03/4/2023. Quyết định 1234/QĐ-UBND ngày 04/3/2023. Quyết định số 1234/QĐ-UBND ngày 04/3/2023.',
      errors: [{ line: 1, column: 12, message: 'but 04/3/2023 on line 1', fix: 'Quyết định 1234/QĐ-UBND ngày 04/3/2023. Quyết định 1234/QĐ-UBND ngày 04/3/2023. Quyết định số 1234/QĐ-UBND ngày 04/3/2023.' }],
    },
  ],
});
