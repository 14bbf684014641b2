/**
 * The scanners of the core on random drafts and on noise: extractFigures, extractPeriods, parseOutline never
 * throw and return ranges inside the text that are what they say they are.
 */
import { describe } from 'node:test';
import fc from 'fast-check';
import { draft, fuzz, noisy, prose } from './fuzz-util';
import { checkFigures, checkOutline, checkPeriods } from './properties';

const nfc = (s: string) => s.normalize('NFC');

describe('fuzz: figures, periods, outline', () => {
  fuzz('extractFigures on prose', prose.map(nfc), checkFigures, { numRuns: 400, timeMs: 1500 });
  fuzz('extractFigures on noise', noisy.map(nfc), checkFigures, { numRuns: 400, timeMs: 1500 });
  fuzz('extractPeriods on prose', prose.map(nfc), checkPeriods, { numRuns: 400, timeMs: 1000 });
  fuzz('extractPeriods on noise', noisy.map(nfc), checkPeriods, { numRuns: 400, timeMs: 1000 });
  fuzz('parseOutline on drafts', draft, checkOutline, { numRuns: 200, timeMs: 2000 });
  fuzz('parseOutline on noise', fc.array(noisy, { maxLength: 8 }).map((ls) => ls.join('\n')), checkOutline, { numRuns: 200, timeMs: 1000 });
});
