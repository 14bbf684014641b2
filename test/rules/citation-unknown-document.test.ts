import rule from '../../server/src/core/rules/citation-unknown-document';
import { ruleTester } from '../helpers/rule-tester';

const documents = [
  { number: '21-NQ/TU', date: '12/03/2022', title: 'Về phát triển văn hóa' },
  { number: '15/2023/NĐ-CP', date: '03/04/2023' },
  { number: '144-QĐ/TW' },
];
const opts = { options: { documents } };

ruleTester(rule, {
  valid: [
    // no registry configured: silent
    'Thực hiện Nghị quyết số 99-NQ/TU ngày 01/01/2020.',
    { text: 'Thực hiện Nghị quyết số 21-NQ/TU ngày 12/3/2022 và Nghị định 15/2023/NĐ-CP ngày 3/4/2023.', options: opts },
    // the registry has no date for this one
    { text: 'Quy định số 144-QĐ/TW ngày 09/5/2024.', options: opts },
    { text: 'Không trích dẫn văn bản nào: QCVN 01-1:2008/BYT, 5/7 huyện.', options: opts },
  ],
  invalid: [
    {
      text: 'Thực hiện Nghị quyết số 22-NQ/TU ngày 12/3/2022.',
      options: opts,
      errors: [{ column: 25, endColumn: 33, severity: 'info', message: 'not in the project’s document registry' }],
    },
    {
      text: 'Thực hiện Nghị quyết số 21-NQ/TU ngày 21/3/2022.',
      options: opts,
      errors: [{ column: 39, severity: 'warning', message: 'Về phát triển văn hóa', fix: 'Thực hiện Nghị quyết số 21-NQ/TU ngày 12/3/2022.' }],
    },
  ],
});
