import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/rule-tester';
import rule, { leadingCase } from '../../server/src/core/rules/structure-heading-case';

test('leadingCase compares only the first words', () => {
  assert.equal(leadingCase('KẾT QUẢ ĐẠT ĐƯỢC trong nhiệm kỳ'), 'upper');
  assert.equal(leadingCase('hạn chế, yếu kém'), 'lower');
  assert.equal(leadingCase('Về kinh tế'), 'sentence');
  assert.equal(leadingCase('GRDP bình quân'), 'sentence');
  assert.equal(leadingCase('“đổi mới” và phát triển'), 'lower');
  assert.equal(leadingCase('2030'), null);
  assert.equal(leadingCase('40 năm đổi mới'), null);
});

ruleTester(rule, {
  valid: [
    'I- KẾT QUẢ\nII- HẠN CHẾ\n',
    '1. Kinh tế\n2. Xã hội\n3. Môi trường\n',
    'I- KẾT QUẢ trong năm\nII- HẠN CHẾ của kỳ\n',
    '1. Kinh tế\n(1) chữ thường\n(2) Chữ hoa\n',
    '1. GRDP tăng\n2. Thu ngân sách\n',
    'I- MỘT\n1. hai\n',
    'I- KẾT QUẢ\nII- Hạn chế\n',
    '1. Kết quả\n2. 40 năm đổi mới\n3. Bài học\n',
  ],
  invalid: [
    {
      text: 'I- KẾT QUẢ\nII- hạn chế, yếu kém\nIII- BÀI HỌC\n',
      errors: [{ line: 2, column: 5, message: 'viết hoa', fix: 'I- KẾT QUẢ\nII- HẠN CHẾ, YẾU KÉM\nIII- BÀI HỌC\n' }],
    },
    { text: 'I- KẾT QUẢ\nII- Hạn chế\nIII- BÀI HỌC\n', errors: [{ line: 2, fix: 'I- KẾT QUẢ\nII- HẠN CHẾ\nIII- BÀI HỌC\n' }] },
    { text: 'I- KẾT QUẢ\nII- hạn chế\n', errors: [{ line: 2, fix: 'I- KẾT QUẢ\nII- HẠN CHẾ\n' }] },
    {
      text: '1. Kinh tế\n2. xã hội\n3. Môi trường\n',
      errors: [{ line: 2, message: 'chữ thường', fix: '1. Kinh tế\n2. Xã hội\n3. Môi trường\n' }],
    },
    {
      name: 'NFD heading',
      text: 'I- KẾT QUẢ\nII- hạn chế\nIII- BÀI HỌC\n'.normalize('NFD'),
      errors: [{ line: 2, column: 5, fix: 'I- KẾT QUẢ\nII- HẠN CHẾ\nIII- BÀI HỌC\n'.normalize('NFD').replace('HẠN CHẾ'.normalize('NFD'), 'HẠN CHẾ') }],
    },
  ],
});
