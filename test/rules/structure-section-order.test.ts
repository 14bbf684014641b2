import { ruleTester } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/structure-section-order';
import { mini } from './structure-template-fixture';

const template = mini;

ruleTester(rule, {
  valid: [
    { text: 'I- KẾT QUẢ\nII- HẠN CHẾ\nIII- BÀI HỌC\n', options: { template } },
    { text: 'I- KẾT QUẢ\nIII- BÀI HỌC\n', options: { template }, name: 'a missing section is not an order problem' },
    { text: 'I- KẾT QUẢ\nII- BÀI HỌC\nIII- HẠN CHẾ\n', name: 'no template' },
  ],
  invalid: [
    {
      text: 'I- KẾT QUẢ\nIII- BÀI HỌC\nII- HẠN CHẾ\n',
      options: { template },
      errors: [{ line: 2, column: 1, message: 'II- «HẠN CHẾ»' }],
    },
    {
      name: 'sections swapped and renumbered: matched by title',
      text: 'I- BÀI HỌC\nII- KẾT QUẢ\nIII- HẠN CHẾ\n',
      options: { template },
      errors: [{ line: 1, message: 'after III- «HẠN CHẾ»' }],
    },
  ],
});
