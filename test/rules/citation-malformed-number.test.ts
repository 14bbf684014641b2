import rule from '../../server/src/core/rules/citation-malformed-number';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'Nghị quyết số 21-NQ/TU ngày 12/3/2022 của Tỉnh ủy.',
    'Quy định số 144-QĐ/TW ngày 09/5/2024; Quy định 08-QĐi/TW.',
    // state documents legitimately use the other shape
    'Nghị định số 15/2023/NĐ-CP; Quyết định số 1234/QĐ-UBND; Chỉ thị 20/CT-TTg; Luật số 61/2020/QH14.',
    'Nghị quyết số 35/NQ-HĐND ngày 12/7/2023 của Hội đồng nhân dân tỉnh.',
    // codes that are not document numbers
    'Nước sạch đạt QCVN 01-1:2008/BYT; đại dịch COVID-19; Đề án 06; Quốc lộ 4B; 5/7 huyện; 03/19 chỉ tiêu.',
  ],
  invalid: [
    { text: 'Thực hiện Nghị quyết số 21-NQTU của Tỉnh ủy.', errors: [{ line: 1, column: 25, endColumn: 32, message: '“21-NQ/TU”', fix: 'Thực hiện Nghị quyết số 21-NQ/TU của Tỉnh ủy.' }] },
    { text: 'Thực hiện Nghị quyết số 21/NQ-TU của Tỉnh ủy.', errors: [{ fix: 'Thực hiện Nghị quyết số 21-NQ/TU của Tỉnh ủy.' }] },
    { text: 'Theo Chỉ thị 05/CT/TW của Bộ Chính trị.', errors: [{ fix: 'Theo Chỉ thị 05-CT/TW của Bộ Chính trị.' }] },
    { text: 'Theo Kết luận 48-KL-TW của Bộ Chính trị.', errors: [{ fix: 'Theo Kết luận 48-KL/TW của Bộ Chính trị.' }] },
    { text: 'Theo Nghị quyết số 21--NQ/TU.', errors: [{ message: 'malformed', fix: 'Theo Nghị quyết số 21-NQ/TU.' }] },
  ],
});
