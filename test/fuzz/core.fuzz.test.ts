/**
 * Property tests of the core's scanners (fast-check, bounded in time; see fuzz-util.ts):
 * - TextView: the NFC view and its map back to the original, on text mixing NFC and NFD Vietnamese, every kind
 *   of line break, surrogate pairs, lone surrogates and stray combining marks;
 * - extractFigures, extractPeriods, parseOutline on random drafts and noise: no exception, ranges inside the
 *   text that are what they say they are;
 * - suppressions: the indexed lookups answer as a scan of every span;
 * - IndicatorSet: mentions in random prose (NFC, NFD, upper case, other tone placements) in order, without
 *   overlap, at word boundaries; a name written alone is found; completion bounded, sorted, finds a name.
 */
import { describe } from 'node:test';
import fc from 'fast-check';
import { BREAKS, ODD, WORDS, draft, fragment, fuzz, noisy, prose, word } from './fuzz-util';
import {
  SUPPRESS_RULES,
  checkFigures,
  checkIndicators,
  checkOutline,
  checkPeriods,
  checkSuppressions,
  checkTextView,
  type IndicatorCase,
} from './properties';

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

const nfc = (s: string) => s.normalize('NFC');

const comment = fc
  .tuple(
    fc.constantFrom('disable-next-line', 'disable-line', 'disable', 'enable', 'disablex', 'enable-all'),
    fc.array(fc.constantFrom(...SUPPRESS_RULES, 'format/*', 'figures/*', '--', 'lý do'), { maxLength: 3 }),
  )
  .map(([kind, rules]) => `<!-- draftlint-${kind}${rules.length ? ' ' + rules.join(rules.includes('--') ? ' ' : ', ') : ''} -->`);
const suppressed = fc
  .array(fc.oneof(comment, fc.constantFrom('\n', 'x', ' “a” ', '<!--', '-->', '\r\n')), { maxLength: 14 })
  .map((xs) => xs.join(''));

describe('fuzz: figures, periods, outline, suppressions', () => {
  fuzz('suppression lookups equal a scan of every span', suppressed, checkSuppressions, { numRuns: 300, timeMs: 1000 });
  fuzz('extractFigures on prose', prose.map(nfc), checkFigures, { numRuns: 400, timeMs: 1500 });
  fuzz('extractFigures on noise', noisy.map(nfc), checkFigures, { numRuns: 400, timeMs: 1500 });
  fuzz('extractPeriods on prose', prose.map(nfc), checkPeriods, { numRuns: 400, timeMs: 1000 });
  fuzz('extractPeriods on noise', noisy.map(nfc), checkPeriods, { numRuns: 400, timeMs: 1000 });
  fuzz('parseOutline on drafts', draft, checkOutline, { numRuns: 200, timeMs: 2000 });
  fuzz('parseOutline on noise', fc.array(noisy, { maxLength: 8 }).map((ls) => ls.join('\n')), checkOutline, { numRuns: 200, timeMs: 1000 });
});

const name = fc.array(fc.oneof({ weight: 6, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom('(GRDP)', '/', '-', '1', 'FDI', '2.0', ' ', '') }), { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));

const indicatorCase: fc.Arbitrary<IndicatorCase> = fc
  .record({
    indicators: fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
    text: fc.array(fc.oneof(word, fragment, fc.constantFrom(...WORDS)), { maxLength: 40, size: 'medium' }).map((xs) => xs.join(' ')),
    query: fc.oneof(word, fc.string({ maxLength: 6 }), fc.constantFrom('tang truong', 'GRDP', '', ' ', 'tt', 'đ')),
  })
  .chain((c) =>
    // splice some of the names into the text, in another form now and then
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 4 }).map((picks) => {
      let text = c.text;
      for (const [i, j, form] of picks) {
        const list = c.indicators[i % c.indicators.length];
        const n = list[j % list.length];
        const w = form === 0 ? n.normalize('NFD') : form === 1 ? n.toUpperCase() : n;
        const at = text.length ? (i * 7919) % text.length : 0;
        text = `${text.slice(0, at)} ${w} ${text.slice(at)}`;
      }
      return { ...c, text };
    }),
  );

describe('fuzz: IndicatorSet', () => {
  fuzz('findMentions and complete', indicatorCase, checkIndicators, { numRuns: 300, timeMs: 2500 });
});
