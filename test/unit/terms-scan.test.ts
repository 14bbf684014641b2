/**
 * forEachCandidateWord (crosscheck/terms.ts) finds candidate words with one regex that captures the whole word
 * and falls back to a letter-by-letter walk next to a rarer letter or mark. Its contract, checked here against an
 * independent oracle (the pair search plus the walk around each pair, as terms/variant did it before): each
 * maximal run of letters and marks (\p{L}, \p{M}, per UTF-16 code unit) of at most 8 units, with no ASCII digit
 * right before or after it, that holds a candidate pair, is visited once, in document order, as written. A
 * candidate pair: o+a, o+e or u+y with a tone mark on one of the two, or an onset's last letter + a final i/y.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { forEachCandidateWord } from '../../server/src/core/crosscheck/terms';

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** each base vowel with each tone, both cases, NFC */
function family(bases: string): string {
  let out = '';
  for (const v of bases) for (const ch of [v, v.toUpperCase()]) for (const t of TONES) out += (ch + t).normalize('NFC');
  return out;
}
/** each base vowel with a tone mark, both cases, NFC */
const toned = (bases: string) => [...family(bases)].filter((ch) => ch.normalize('NFD').length > 1 && ch.toLowerCase() !== 'đ').join('');
const PAIR = new RegExp(
  `[${toned('o')}][${family('ae')}]|[${family('o')}][${toned('ae')}]|[${toned('u')}][${family('y')}]|[${family('u')}][${toned('y')}]` +
    `|[bcdđghklmnprstvxBCDĐGHKLMNPRSTVX][${family('iy')}](?![A-Za-z\\u00c0-\\u024f\\u0300-\\u036f\\u1e00-\\u1eff])`,
  'y',
);
const WORD_UNIT = /^[\p{L}\p{M}]$/u;
const isWord = (s: string, k: number) => k >= 0 && k < s.length && WORD_UNIT.test(s[k]);
const isDigit = (s: string, k: number) => k >= 0 && k < s.length && s[k] >= '0' && s[k] <= '9';

function oracle(text: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (let p = 0; p < text.length; p++) {
    PAIR.lastIndex = p;
    if (!PAIR.test(text)) continue;
    let a = p;
    while (isWord(text, a - 1)) a--;
    let i = p;
    while (isWord(text, i)) i++;
    if (i - a > 8 || isDigit(text, a - 1) || isDigit(text, i)) continue;
    if (out.length && out[out.length - 1][0] === a) continue;
    out.push([a, i, text.slice(a, i)]);
  }
  return out;
}

function scan(text: string): [number, number, string][] {
  const out: [number, number, string][] = [];
  forEachCandidateWord(text, (a, i, written) => out.push([a, i, written]));
  return out;
}

describe('forEachCandidateWord', () => {
  test('table', () => {
    const cases: [string, string[]][] = [
      ['Giữ vững hòa bình, hoà hợp; sức khoẻ.', ['hòa', 'hoà', 'khoẻ']],
      ['Tỷ lệ, tỉ lệ, kỹ thuật, lý do, liệt sĩ, chiến sỹ.', ['Tỷ', 'tỉ', 'kỹ', 'lý', 'sĩ', 'sỹ']],
      // a word of 9 units, a word glued to a digit: not candidates
      ['khoảngggg hoà2 3hoà hòa', ['hòa']],
      // next to a rarer letter (Greek, Cyrillic) or mark: the whole word counts (found by the fallback walk)
      ['hoàα αhoà hoàд hoà\u20d0 hoà\u0301', ['hoàα', 'αhoà', 'hoàд', 'hoà\u20d0', 'hoà\u0301']],
      // a rarer letter making the word longer than 8: skipped
      ['αααααhoàα', []],
      // two pairs in one word: visited once; × and ÷ are not letters
      ['thuỷoà hoà×hoà÷', ['thuỷoà', 'hoà', 'hoà']],
      // a pair without a tone mark on it is no candidate ("doanh", "quyết"; a decomposed tone is a mark of its own)
      ['doanh nghiệp quyết hoa\u0300 thuy\u0309', []],
      // decomposed marks are word units
      ['hòa\u0323 thủy\u0309', ['hòa\u0323', 'thủy\u0309']],
      ['', []],
    ];
    for (const [text, words] of cases) {
      assert.deepEqual(
        scan(text).map((w) => w[2]),
        words,
        text,
      );
      assert.deepEqual(scan(text), oracle(text), text);
    }
  });

  test('matches the oracle on generated text', () => {
    const unit = fc.constantFrom(
      ...'oòóỏõọaàáảãạeèéẻẽẹuùúủũụyỳýỷỹỵiìíỉĩịOÀUYIÝ',
      ...'bcdđghklmnprstvxBĐTKNQ',
      ...'ăâêôơưĂÔƯ',
      'α', 'д', '中', 'ß', '\u1ab0', '\u20d0', '\u0301', '\u0309', '\ud83d', '\ude00', '×', '÷', 'ʼ',
      ' ', ' ', ' ', ',', '.', '“', '”', '\n', '\u00a0', '-', '/', '0', '1', '9',
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
        const text = units.join('');
        assert.deepEqual(scan(text), oracle(text));
      }),
      { numRuns: 2000, seed: 20250611 },
    );
  });
});
