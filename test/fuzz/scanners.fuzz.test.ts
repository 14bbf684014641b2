/**
 * The scanners of the core on random drafts and on noise: extractFigures, extractPeriods, parseOutline never
 * throw and return ranges inside the text that are what they say they are.
 */
import { describe } from 'node:test';
import fc from 'fast-check';
import { draft, fuzz, noisy, prose } from './fuzz-util';
import { SUPPRESS_RULES, checkFigures, checkOutline, checkPeriods, checkSuppressions } from './properties';

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
