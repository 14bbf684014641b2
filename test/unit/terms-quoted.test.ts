/**
 * quotedPhrases (crosscheck/terms.ts) finds quoted phrases with one native search. Checked here against the
 * scan it replaced (from each “ up to 100 units ahead, counting words letter by letter), kept as the oracle.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAYBE_RARE_WORD, quotedPhrases } from '../../server/src/core/crosscheck/terms';
import { SEEDED_LETTERS, SEEDED_MARKS, unitClass, UNIT_LETTER, UNIT_MARK } from '../../server/src/core/text';

const isWordChar = (c: number) => (unitClass(c) & (UNIT_LETTER | UNIT_MARK)) !== 0;

function oracle(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let i = text.indexOf('\u201c');
  while (i >= 0) {
    let j = i + 1;
    let words = 0;
    let inWord = false;
    let ok = true;
    while (j < text.length && j - i <= 100) {
      const c = text.charCodeAt(j);
      if (c === 0x201d) break;
      if (c === 10 || c === 13 || c === 0x201c) {
        ok = false;
        break;
      }
      const w = isWordChar(c);
      if (w && !inWord) words++;
      inWord = w;
      j++;
    }
    if (ok && j < text.length && text.charCodeAt(j) === 0x201d && words >= 2) out.push({ start: i + 1, end: j, text: text.slice(i + 1, j) });
    i = text.indexOf('\u201c', Math.max(i + 1, j));
  }
  return out;
}

describe('quotedPhrases', () => {
  test('table', () => {
    const cases = [
      '“Kỷ luật và Đồng tâm” và “Kỷ luật và đồng tâm”',
      '“một” “hai ba” “bốn\nnăm” ““sáu bảy”” “tám, chín”',
      '“' + 'a '.repeat(50) + '” “' + 'a '.repeat(49) + 'ab” “' + 'a '.repeat(50) + 'a”',
      '“αβ γ” “α β” “ª º” “a\u0301 b” “a×b” “a\u2013b” “中 文” “', '',
    ];
    for (const text of cases) assert.deepEqual(quotedPhrases(text), oracle(text), text);
    assert.deepEqual(quotedPhrases(cases[0]).map((q) => q.text), ['Kỷ luật và Đồng tâm', 'Kỷ luật và đồng tâm']);
  });

  test('matches the oracle on generated text', () => {
    const piece = fc.constantFrom(
      '“', '”', '“', '”', ' ', ' ', '\n', '\r', ',', '-', '0', 'a', 'hòa', 'Đồng', 'x', 'α', 'ª', 'µ', 'º', 'ʼ', '中',
      '\u0301', '\u20d0', '×', '\u2013', '\ud83d\ude00', 'abcdefghij'.repeat(3),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(quotedPhrases(text), oracle(text));
      }),
      { numRuns: 3000, seed: 20261127 },
    );
  });

  test('every unit outside MAYBE_RARE_WORD is a seeded letter or mark, or no letter or mark at all', () => {
    const seeded = new RegExp(`[${SEEDED_LETTERS}${SEEDED_MARKS}]`);
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      if (MAYBE_RARE_WORD.test(ch)) continue;
      assert.ok(seeded.test(ch) || !isWordChar(c), c.toString(16));
    }
  });
});
