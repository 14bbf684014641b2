import { ruleTester } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/structure-unexpected-section';
import { mini } from './structure-template-fixture';

const template = mini;

ruleTester(rule, {
  valid: [
    { text: 'I- KẾT QUẢ\nII- HẠN CHẾ\nIII- BÀI HỌC\n', options: { template } },
    { text: 'I- KẾT QUẢ\nII- HẠN CHẾ\nIII- BÀI HỌC\n1. Một\n2. Hai\n(1) Ba\n', options: { template }, name: 'levels the template does not describe' },
    { text: 'I- KẾT QUẢ\nIV- PHỤ LỤC\n', name: 'no template' },
    { text: 'I- KẾT QUẢ\nII- HẠN CHẾ\nIII- BÀI HỌC\nIV- PHỤ LỤC\n', options: { template: { ...mini, extra: true } }, name: 'extra allowed' },
  ],
  invalid: [
    {
      text: 'I- KẾT QUẢ\nII- HẠN CHẾ\nIII- BÀI HỌC\nIV- PHỤ LỤC\n',
      options: { template },
      errors: [{ line: 4, column: 1, endColumn: 12, message: 'không có trong mẫu', severity: 'info' }],
    },
  ],
});
