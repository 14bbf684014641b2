/**
 * IndicatorSet: mentions in random prose (NFC, NFD, upper case, other tone placements) and completion of random
 * queries: no exception, mentions in order, non-overlapping, at word boundaries; a name written alone is found;
 * completion is bounded, sorted and finds an indicator by its own name.
 */
import { describe } from 'node:test';
import fc from 'fast-check';
import { WORDS, fragment, fuzz, word } from './fuzz-util';
import { checkIndicators, type IndicatorCase } from './properties';

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
