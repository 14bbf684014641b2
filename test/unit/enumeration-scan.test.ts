/**
 * scanEnumerations (crosscheck/enumeration.ts) finds its candidate starts with one native search. Its contract,
 * checked here against an oracle that tries every position as the scanner did before: a digit anywhere, or a
 * number word (first letter in either case) followed by a space with no letter before it (ASCII, or from U+00C0
 * up); each position is read with enumerationAt, in document order.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { enumerationAt, scanEnumerations, type Enumeration } from '../../server/src/core/crosscheck/enumeration';

const WORDS = ['hai', 'ba', 'bốn', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
const isSpace = (c: number) => c === 32 || c === 0xa0 || c === 9 || c === 0x202f;
const letterBefore = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;

function oracle(text: string): Enumeration[] {
  const out: Enumeration[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let start = c >= 48 && c <= 57;
    if (!start && !letterBefore(text.charCodeAt(i - 1))) {
      for (const w of WORDS) {
        const first = text[i] === w[0] || text[i] === w[0].toUpperCase();
        if (first && text.startsWith(w.slice(1), i + 1) && isSpace(text.charCodeAt(i + w.length))) start = true;
      }
    }
    if (!start) continue;
    const e = enumerationAt(text, i);
    if (e) out.push(e);
  }
  return out;
}

describe('scanEnumerations', () => {
  test('table', () => {
    const cases = [
      '3 khâu đột phá: Một là, a. Hai là, b. Ba là, c.',
      'Ba nhiệm vụ: vừa phải a; vừa phải b; vừa phải c.',
      '“5 rõ” (rõ người, rõ việc, rõ tiến độ)',
      '03/19 chỉ tiêu chưa đạt là A, B và C. 123 chỉ tiêu là A, B và C. 12/3/2020 là A, B và C.',
      '06 năm dẫn đầu (2017 - 2020 và 2022 - 2023); xhai nhiệm vụ: a; b. “hai nhiệm vụ: a; b. Hai\u00a0nhiệm vụ: a; b.',
      'BA nhiệm vụ: a; b. bốn\tnhiệm vụ (a, b và c). 2\u202fnhiệm vụ (a, b, c)',
    ];
    for (const text of cases) assert.deepEqual(scanEnumerations(text), oracle(text), text);
    assert.equal(scanEnumerations(cases[0])[0].counted, 3);
  });

  test('matches the oracle on generated text', () => {
    const piece = fc.constantFrom(
      '0', '1', '2', '3', '12', '30', '31', '123', '/', '.', ',', ':', ';', ' ', '\u00a0', '\t', '\u202f', '\n', '(', ')',
      '“', '”', '-', 'hai', 'Hai', 'HAI', 'ba', 'Ba', 'bốn', 'Bốn', 'sáu', 'bảy', 'tám', 'chín', 'Chín', 'mười', 'Mười',
      'năm', 'Một là', 'Hai là', 'Thứ nhất', 'thứ hai', 'nhiệm vụ', 'chỉ tiêu', 'là', 'gồm', 'và', 'x', 'đ', 'A', 'B',
      '2017 - 2020', 'vừa phải', 'rõ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(scanEnumerations(text), oracle(text));
      }),
      { numRuns: 3000 },
    );
  });
});
