/**
 * Finding fingerprints for baselines: a short hash of what a finding is, not where it is — the rule, the message
 * (English, with "line N" references blanked, so a finding pointing at another line keeps its identity), the
 * text of the finding's range and a little of the same line around it. Line numbers play no part, so edits
 * elsewhere in the file do not change it; editing the flagged text or its immediate surroundings does.
 *
 * Bounded work per finding (the text and the context are capped), so a 1 MB line with many findings stays linear.
 */
import { createHash } from './hash';
import type { Msg } from '../core/index';

/** Characters of the same line taken on each side of the finding. */
export const CONTEXT_CHARS = 40;
/** At most this much of the finding's own text. */
const TEXT_CHARS = 200;

/** Whitespace runs → one space, trimmed, NFC (so re-saving a file as NFC or with other line ends changes nothing). */
function canon(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The message as fingerprinted: English, "line 12" / "lines 3-4" references blanked. */
export function fingerprintMessage(m: Msg): string {
  return canon(m.en).replace(/\blines? \d+(?:[-–]\d+)?/g, 'line #');
}

export interface FingerprintInput {
  rule: string;
  message: Msg;
  /** the finding's text */
  text: string;
  /** a few characters before and after it on the same line */
  before: string;
  after: string;
}

export function fingerprint(x: FingerprintInput): string {
  const key = [x.rule, fingerprintMessage(x.message), canon(x.text), canon(x.before), canon(x.after)].join('\0');
  return createHash('sha1').update(key).digest('hex').slice(0, 20);
}

/** The text and context of an original-offset range in a text whose line starts are known. */
export function fingerprintOf(
  original: string,
  lineStarts: readonly number[],
  start: number,
  end: number,
  rule: string,
  message: Msg,
): string {
  const line = lineIndex(lineStarts, start);
  const lineStart = lineStarts[line];
  let lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : original.length;
  // the line break itself is not context
  while (lineEnd > lineStart && (original.charCodeAt(lineEnd - 1) === 10 || original.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
  const textEnd = Math.min(end, start + TEXT_CHARS);
  const afterStart = Math.max(end, start);
  // the context is counted in NFC characters, so a decomposed (NFD) copy of the line has the same context: take a
  // wider window of the original (a Vietnamese letter is at most 3 units in NFD), normalise, then cut
  const before = original.slice(Math.max(lineStart, start - 4 * CONTEXT_CHARS), start).normalize('NFC');
  const after = afterStart < lineEnd ? original.slice(afterStart, Math.min(lineEnd, afterStart + 4 * CONTEXT_CHARS)).normalize('NFC') : '';
  return fingerprint({
    rule,
    message,
    text: original.slice(start, textEnd),
    before: before.slice(Math.max(0, before.length - CONTEXT_CHARS)),
    after: after.slice(0, CONTEXT_CHARS),
  });
}

function lineIndex(starts: readonly number[], off: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= off) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
