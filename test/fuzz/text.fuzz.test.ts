/**
 * TextView: the NFC view and its map back to the original offsets, on random text mixing NFC and NFD
 * Vietnamese, every kind of line break, surrogate pairs, lone surrogates and stray combining marks.
 */
import { describe } from 'node:test';
import fc from 'fast-check';
import { BREAKS, ODD, WORDS, fuzz } from './fuzz-util';
import { checkTextView } from './properties';

/** A piece of text: a word (NFC or NFD), a line break, a surrogate pair, marks, ASCII. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.boolean()).map(([w, nfd]) => (nfd ? w.normalize('NFD') : w)) },
  { weight: 3, arbitrary: fc.constantFrom(' ', ', ', '. ', '10,4%', '11.000', '(1)', '“', '”') },
  { weight: 2, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.constantFrom('\u0301', '\u0302\u0301', '\u0323\u0302', '\u0306\u0303', '\u031b\u0300', '\u0338', 'e\u0302\u0301', 'O\u031b\u0323') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
);
const textArb = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));

describe('fuzz: TextView', () => {
  fuzz('NFC map: monotonic, in range, exact at segment boundaries', textArb, checkTextView, { numRuns: 300, timeMs: 2500 });

  fuzz(
    'NFC map on whole NFD documents with CRLF',
    fc.array(fc.constantFrom(...WORDS, ' ', ', ', '\r\n', '10,4%'), { maxLength: 80 }).map((xs) => xs.join('').normalize('NFD')),
    checkTextView,
    { numRuns: 150, timeMs: 1500 },
  );
});
