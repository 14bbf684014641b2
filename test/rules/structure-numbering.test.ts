import { ruleTester } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/structure-numbering';
import type { TemplateDef } from '../../server/src/core/template/schema';

const continuous: TemplateDef = {
  name: 'targets',
  sections: [
    {
      id: 'm',
      kind: 'decimal',
      number: '2',
      title: 'Chỉ tiêu',
      continuous: true,
      children: [
        { id: 'm/1', kind: 'decimal', number: '2.1', title: 'Về A' },
        { id: 'm/2', kind: 'decimal', number: '2.2', title: 'Về B' },
      ],
    },
  ],
};

ruleTester(rule, {
  valid: [
    '1. Một\n2. Hai\n3. Ba\n',
    'I- A\n1. x\n2. y\nII- B\n1. z\n',
    'Phần thứ nhất\nA\nI- A\nII- B\nPhần thứ hai\nB\nI- C\n',
    '2. Chỉ tiêu\n2.1. Về A\n(1) a\n(2) b\n2.2. Về B\n(3) c\n',
    '2.1. Về A\n(1) a\n2.2. Về B\n(1) c\n',
    '1. Nguyên nhân: (1) mưa nhiều; (2) bão lớn.\n(3) Dịch bệnh kéo dài.\n',
    '(1) Một việc: (2) hai việc nữa.\n(3) Ba.\n',
    'a) x\nb) y\nc) z\nd) t\nđ) u\ne) v\n',
    'a) x\nb) y\nc) z\nd) t\ne) u\nf) v\n',
    '1. Hai nhóm\nNhóm một:\n(1) a\n(2) b\nNhóm hai:\n(1) c\n',
    '1. Có 2 cấp\n2 cấp chính quyền\n2. Tiếp\n',
    '1. Một\n1.1. Một một\n1.2. Một hai\n2. Hai\n2.1. Hai một\n',
    '# Tiêu đề\n## Mục khác\n1. Một\n',
    '## Danh sách\n1. Một\n1. Hai\n1. Ba\n',
    '1. Một\n   1. con\n   1. con nữa\n2. Hai\n',
    { text: '2. Chỉ tiêu\n2.1. Về A\n(1) a\n(2) b\n2.2. Về B\n(3) c\n', options: { template: continuous }, name: 'continuous list with its template' },
  ],
  invalid: [
    { text: '1. Một\n2. Hai\n4. Bốn\n', errors: [{ line: 3, column: 1, message: 'nhảy cóc', fix: '1. Một\n2. Hai\n3. Bốn\n' }] },
    { text: '1. Một\n2. Hai\n2. Ba\n', errors: [{ line: 3, message: 'trùng', fix: '1. Một\n2. Hai\n3. Ba\n' }] },
    { text: '1. Một\n3. Ba\n2. Hai\n', errors: [{ line: 2, message: 'gap' }, { line: 3, message: 'out of sequence' }] },
    { text: 'I- A\n2. x\n3. y\n', errors: [{ line: 2, message: 'bắt đầu từ 1', fix: 'I- A\n1. x\n3. y\n' }] },
    { text: 'I- A\nIII- B\n', errors: [{ line: 2, message: 'II', fix: 'I- A\nII- B\n' }] },
    { text: 'I - A\nIII - B\n', errors: [{ line: 2, fix: 'I - A\nII - B\n' }] },
    { text: '2. Hai\n2.1. a\n3.2. b\n', errors: [{ line: 3, message: 'mục cha', fix: '2. Hai\n2.1. a\n2.2. b\n' }] },
    { text: '1. A\n1.1.1. B\n', errors: [{ line: 2, message: 'thiếu cấp' }] },
    { text: '1. A\n(1) a\n(2) b\n(4) d\n', errors: [{ line: 4, fix: '1. A\n(1) a\n(2) b\n(3) d\n' }] },
    { text: 'a) x\nb) y\nd) z\n', errors: [{ line: 3, message: 'c)', fix: 'a) x\nb) y\nc) z\n' }] },
    { text: 'Phần thứ nhất\nA\nPhần thứ ba\nB\n', errors: [{ line: 3, fix: 'Phần thứ nhất\nA\nPhần thứ hai\nB\n' }] },
    {
      name: 'a continuous list that restarts',
      text: '2. Chỉ tiêu\n2.1. Về A\n(1) a\n(2) b\n2.2. Về B\n(1) c\n',
      options: { template: continuous },
      errors: [{ line: 6, message: 'liên tục', fix: '2. Chỉ tiêu\n2.1. Về A\n(1) a\n(2) b\n2.2. Về B\n(3) c\n' }],
    },
    {
      name: 'a list continuing with a gap from the previous group',
      text: '2.1. Về A\n(1) a\n(2) b\n2.2. Về B\n(4) c\n',
      errors: [{ line: 5, message: '(3)' }],
    },
  ],
});
