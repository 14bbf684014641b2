import { ruleTester } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/structure-missing-section';
import { mini } from './structure-template-fixture';

const template = mini;

ruleTester(rule, {
  valid: [
    { text: 'I- KẾT QUẢ\nII- HẠN CHẾ\nIII- BÀI HỌC\n', options: { template } },
    { text: 'I- KẾT QUẢ\nIII- BÀI HỌC\n', name: 'no template, no report' },
    { text: 'BÁO CÁO TỔNG KẾT\nI- KẾT QUẢ\n', name: 'automatic selection picks nothing', options: { template: undefined } },
    {
      name: 'optional sections may be left out',
      text: 'I- KẾT QUẢ\nII- HẠN CHẾ\n',
      options: { template: { ...mini, sections: [...mini.sections.slice(0, 2), { ...mini.sections[2], required: false }] } },
    },
  ],
  invalid: [
    {
      text: 'I- KẾT QUẢ\nNội dung.\nIII- BÀI HỌC\n',
      options: { template },
      errors: [{ line: 3, column: 1, message: 'II «Hạn chế»', fix: 'I- KẾT QUẢ\nNội dung.\nII- HẠN CHẾ\nIII- BÀI HỌC\n' }],
    },
    {
      name: 'at the end of a text without a final line break',
      text: 'I. Kết quả\nII. Hạn chế',
      options: { template },
      errors: [{ line: 2, message: 'Bài học', fix: 'I. Kết quả\nII. Hạn chế\nIII. Bài học' }],
    },
    {
      name: 'Markdown headings get a Markdown skeleton',
      text: '## I. Kết quả\n## III. Bài học\n',
      options: { template },
      errors: [{ line: 2, fix: '## I. Kết quả\n## II. Hạn chế\n## III. Bài học\n' }],
    },
    {
      name: 'the built-in template: a missing part',
      text: 'Phần thứ nhất\nKẾT QUẢ\nI- KẾT QUẢ ĐẠT ĐƯỢC\nII- HẠN CHẾ, YẾU KÉM\nIII- ĐÁNH GIÁ CHUNG\n',
      options: { template: 'vn-provincial-political-report' },
      errors: [
        {
          line: 1,
          message: 'Phần thứ hai',
          fix: 'Phần thứ nhất\nKẾT QUẢ\nI- KẾT QUẢ ĐẠT ĐƯỢC\nII- HẠN CHẾ, YẾU KÉM\nIII- ĐÁNH GIÁ CHUNG\nPhần thứ hai\nQUAN ĐIỂM, MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP\n',
        },
      ],
    },
    {
      name: 'the built-in template: missing roman sections of part two',
      text: 'Phần thứ nhất\nKẾT QUẢ\nI- KẾT QUẢ ĐẠT ĐƯỢC\nII- HẠN CHẾ, YẾU KÉM\nIII- ĐÁNH GIÁ CHUNG\nPhần thứ hai\nMỤC TIÊU\nI- BỐI CẢNH\nII- QUAN ĐIỂM PHÁT TRIỂN\nIII- MỤC TIÊU\nIV- NHIỆM VỤ TRỌNG TÂM\nV- CÁC KHÂU ĐỘT PHÁ\n',
      options: { template: 'vn-provincial-political-report' },
      errors: [{ message: 'VI «Các giải pháp chủ yếu»' }],
    },
  ],
});
