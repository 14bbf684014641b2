import { ruleTester } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/structure-numbering-style';

ruleTester(rule, {
  valid: [
    '4. A\n4.1. B\n4.2. C\n',
    'I- A\nII- B\nIII- C\n',
    '1.1 A\n1.2. B\n',
    '1. A\n1.1 B\n1.2 C\n2. D\n2.1 E\n',
    '(1) a\n(2) b\n',
    '1. Có 4.1 triệu lượt khách\n2. Hai\n',
  ],
  invalid: [
    {
      text: '4. A\n4.1 B\n4.2. C\n4.3. D\n',
      errors: [{ line: 2, column: 1, endColumn: 4, message: '4.2.', fix: '4. A\n4.1. B\n4.2. C\n4.3. D\n' }],
    },
    { text: 'I- A\nII. B\nIII- C\n', errors: [{ line: 2, message: 'II-', fix: 'I- A\nII- B\nIII- C\n' }] },
    {
      name: 'majority taken over the whole document',
      text: '1. A\n1.1. B\n1.2. C\n2. D\n2.1 E\n',
      errors: [{ line: 5, fix: '1. A\n1.1. B\n1.2. C\n2. D\n2.1. E\n' }],
    },
    { text: '1.1.Công tác\n', errors: [{ line: 1, message: 'dấu cách', fix: '1.1. Công tác\n' }] },
  ],
});
