import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ruleTester } from '../helpers/rule-tester';
import rule, { leadingCase } from '../../server/src/core/rules/structure-heading-case';
import { unitClass, UNIT_LETTER, UNIT_NUMBER } from '../../server/src/core/text';

test('leadingCase compares only the first words', () => {
  assert.equal(leadingCase('KẾT QUẢ ĐẠT ĐƯỢC trong nhiệm kỳ'), 'upper');
  assert.equal(leadingCase('hạn chế, yếu kém'), 'lower');
  assert.equal(leadingCase('Về kinh tế'), 'sentence');
  assert.equal(leadingCase('GRDP bình quân'), 'sentence');
  assert.equal(leadingCase('“đổi mới” và phát triển'), 'lower');
  assert.equal(leadingCase('2030'), null);
  assert.equal(leadingCase('40 năm đổi mới'), null);
  assert.equal(leadingCase(' \u00a0– “HẠN CHẾ”, yếu kém'), 'upper');
  assert.equal(leadingCase('– … ”'), null);
});

/** leadingCase as first written: every word of the title split off, then the first two with a letter */
function leadingCaseBySplit(title: string): string | null {
  const hasLetter = (w: string) => {
    for (let i = 0; i < w.length; i++) if (unitClass(w.charCodeAt(i)) === UNIT_LETTER) return true;
    return false;
  };
  let lead0 = -1;
  for (let i = 0; i < title.length && lead0 < 0; i++) if (unitClass(title.charCodeAt(i)) & (UNIT_LETTER | UNIT_NUMBER)) lead0 = i;
  if (lead0 < 0 || unitClass(title.charCodeAt(lead0)) === UNIT_NUMBER) return null;
  const words = title.split(/\s+/).filter(hasLetter).slice(0, 2);
  if (words.length === 0) return null;
  let first = '';
  let upper = 0;
  let lower = 0;
  for (const ch of words.join(' ')) {
    const up = ch !== ch.toLowerCase();
    const low = ch !== ch.toUpperCase();
    if (!up && !low) continue;
    if (!first) first = ch;
    if (up) upper++;
    else lower++;
  }
  if (!first) return null;
  if (first === first.toLowerCase()) return 'lower';
  return lower === 0 && upper >= 2 ? 'upper' : 'sentence';
}

test('leadingCase reads only the first words, with the answer of reading them all', () => {
  const piece = fc.constantFrom('KẾT', 'QUẢ', 'hạn', 'Chế', 'GRDP', 'đổi', 'Ǆ', 'ǅ', 'ß', '2030', '40', '“', '”', ',', '–', '…', '\u0301', '\ud83d\ude00', '\ud835\udc00', ' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\n');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 16 }), (ps) => {
      const title = ps.join('');
      assert.equal(leadingCase(title), leadingCaseBySplit(title), JSON.stringify(title));
    }),
    { numRuns: 3000, seed: 20250611 },
  );
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
