/**
 * format/artifact: leftovers of converting a Word file to text — `[bookmark: _Hlk…]`, field codes
 * (`{PAGE}`, `{ PAGE \* MERGEFORMAT }`, a stray `\* MERGEFORMAT`), and control characters other than tab and
 * line breaks (vertical tab = Word's manual line break, form feed, NUL, zero-width no-break space inside the
 * text, U+FFFD from a broken encoding).
 * Fix: delete it (with a following space when deleting would leave a double space or a leading space);
 * a vertical tab between two words becomes a space. U+FFFD has no fix (the lost character is unknown).
 */
import type { Rule } from '../rule';
import { FenceTracker } from '../outline';

const FIELD_CODES = new Set([
  'PAGE', 'NUMPAGES', 'SECTIONPAGES', 'MERGEFORMAT', 'HYPERLINK', 'TOC', 'REF', 'PAGEREF', 'NOTEREF', 'SEQ',
  'DATE', 'TIME', 'FORMTEXT', 'FORMCHECKBOX', 'INCLUDEPICTURE', 'SYMBOL', 'EMBED', 'SHAPE', 'AUTHOR', 'FILENAME',
]);

interface Hit {
  start: number;
  end: number;
  what: 'bookmark' | 'field' | 'control' | 'replacement';
  text: string;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\u00a0';
}

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 9 && code !== 10 && code !== 13) || code === 0x7f || code === 0xfeff;
}

/**
 * Every code unit an artifact can start with: `[`, `{`, `M`, the control characters of `isControl`, U+FFFD.
 * The scanner jumps from one to the next at native speed (the others never start anything).
 */
const TRIGGER = /[\[{M\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffd]/g;

function nextTrigger(line: string, from: number): number {
  TRIGGER.lastIndex = from;
  const m = TRIGGER.exec(line);
  return m ? m.index : line.length;
}

/** Scan one line (NFC text, absolute offset `base`) for artifacts. */
export function findArtifacts(line: string, base: number, lineIndex: number): Hit[] {
  const hits: Hit[] = [];
  for (let i = nextTrigger(line, 0); i < line.length; i = nextTrigger(line, i + 1)) {
    const c = line.charCodeAt(i);
    if (c === 91 /* [ */ && line.slice(i + 1, i + 10).toLowerCase() === 'bookmark:') {
      const close = line.indexOf(']', i);
      if (close > 0 && close - i < 300) {
        hits.push({ start: base + i, end: base + close + 1, what: 'bookmark', text: line.slice(i, close + 1) });
        i = close;
        continue;
      }
    }
    if (c === 123 /* { */) {
      let j = i + 1;
      while (line[j] === ' ') j++;
      let k = j;
      while (k < line.length && line[k] >= 'A' && line[k] <= 'Z') k++;
      const close = line.indexOf('}', k);
      const open = line.indexOf('{', k);
      if (FIELD_CODES.has(line.slice(j, k)) && close > 0 && close - i < 300 && (open < 0 || open > close)) {
        hits.push({ start: base + i, end: base + close + 1, what: 'field', text: line.slice(i, close + 1) });
        i = close;
        continue;
      }
    }
    if (c === 77 /* M */ && line.startsWith('MERGEFORMAT', i) && !/[A-Za-z]/.test(line[i + 11] ?? '') && !/[A-Za-z]/.test(line[i - 1] ?? '')) {
      let s = i;
      if (line.slice(Math.max(0, i - 3), i) === '\\* ') s = i - 3;
      hits.push({ start: base + s, end: base + i + 11, what: 'field', text: line.slice(s, i + 11) });
      i += 10;
      continue;
    }
    if (isControl(c) && !(c === 0xfeff && base + i === 0 && lineIndex === 0)) {
      let j = i + 1;
      while (j < line.length && isControl(line.charCodeAt(j))) j++;
      hits.push({ start: base + i, end: base + j, what: 'control', text: line.slice(i, j) });
      i = j - 1;
      continue;
    }
    if (c === 0xfffd) {
      let j = i + 1;
      while (line.charCodeAt(j) === 0xfffd) j++;
      hits.push({ start: base + i, end: base + j, what: 'replacement', text: line.slice(i, j) });
      i = j - 1;
    }
  }
  return hits;
}

function codePoints(s: string): string {
  return [...s].map((ch) => 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ');
}

const rule: Rule = {
  id: 'format/artifact',
  defaultSeverity: 'warning',
  cheap: true,
  description: {
    vi: 'Dấu vết chuyển đổi từ Word: [bookmark: …], mã trường, ký tự điều khiển',
    en: 'Conversion leftovers: [bookmark: …], field codes, control characters',
  },
  check(ctx, report) {
    const { view } = ctx;
    const text = view.text;
    const fences = new FenceTracker();
    for (let li = 0; li < view.lineCount; li++) {
      const { start, text: line } = view.nfcLine(li);
      if (fences.inFence(line)) continue;
      for (const h of findArtifacts(line, start, li)) {
        const before = text[h.start - 1];
        const lineStart = h.start === start;
        let end = h.end;
        let newText = '';
        if (h.what === 'control' && h.text === '\u000b' && before && !isSpace(before) && text[end] && !isSpace(text[end])) {
          newText = ' ';
        } else if ((isSpace(before) || lineStart) && isSpace(text[end])) {
          end++;
          if (lineStart) while (isSpace(text[end])) end++;
        }
        const shownText = h.what === 'control' || h.what === 'replacement' ? codePoints(h.text) : h.text;
        const message =
          h.what === 'bookmark'
            ? { vi: `Dấu vết đánh dấu của Word: ${shownText}.`, en: `Word bookmark leftover: ${shownText}.` }
            : h.what === 'field'
              ? { vi: `Mã trường của Word còn sót: ${shownText}.`, en: `Word field code leftover: ${shownText}.` }
              : h.what === 'control'
                ? { vi: `Ký tự điều khiển lạ (${shownText}).`, en: `Stray control character (${shownText}).` }
                : {
                    vi: `Ký tự thay thế ${shownText}: một ký tự bị mất khi chuyển mã.`,
                    en: `Replacement character ${shownText}: a character was lost in conversion.`,
                  };
        report({
          start: h.start,
          end: h.end,
          message,
          data: { kind: h.what, text: h.text },
          fixes:
            h.what === 'replacement'
              ? undefined
              : [
                  {
                    title: newText ? { vi: 'Thay bằng dấu cách', en: 'Replace with a space' } : { vi: 'Xóa', en: 'Delete it' },
                    edits: [{ start: h.start, end, newText }],
                    preferred: true,
                  },
                ],
        });
      }
    }
  },
};

export default rule;
