/**
 * format/quotes: unbalanced curly quotes “ ” (and « ») in one paragraph. A paragraph is a line, or lines
 * wrapped mid-sentence (a line that does not end in . ; : ! ? … continues on the next non-blank line).
 * Each quote without a partner is reported where it stands. For a closing quote in a quoted list
 * (“A”, B”, “C”) the fix inserts the missing opening quote before the item.
 */
import type { Rule } from '../rule';
import { FenceTracker } from '../outline';

const PAIRS: Record<string, string> = { '“': '”', '«': '»' };
const CLOSERS: Record<string, string> = { '”': '“', '»': '«' };
/** any quote this rule pairs (a line without one is skipped at native speed) */
const QUOTE_CHARS = /[“”«»]/;
/** the same, global: the next quote of a line is found at native speed too */
const QUOTE_CHARS_G = /[“”«»]/g;

/** Offset of the next quote at or after `from` in `line`, or `line.length` when there is none. */
function nextQuote(line: string, from: number): number {
  QUOTE_CHARS_G.lastIndex = from;
  const m = QUOTE_CHARS_G.exec(line);
  return m ? m.index : line.length;
}

function endsParagraph(line: string): boolean {
  const t = line.trimEnd();
  if (!t) return true;
  const c = t[t.length - 1];
  return '.;:!?…”»)'.includes(c);
}

const rule: Rule = {
  id: 'format/quotes',
  defaultSeverity: 'warning',
  cheap: true,
  description: {
    vi: 'Dấu ngoặc kép không cân đối trong một đoạn',
    en: 'Unbalanced quotation marks in a paragraph',
  },
  check(ctx, report) {
    const { view } = ctx;
    const text = view.text;
    const fences = new FenceTracker();
    let open: { ch: string; at: number }[] = [];

    const unmatchedOpeners = () => {
      for (const o of open) {
        report({
          start: o.at,
          end: o.at + 1,
          message: {
            vi: `Dấu mở ngoặc kép ${o.ch} không có dấu đóng ${PAIRS[o.ch]} trong đoạn.`,
            en: `Opening quote ${o.ch} has no closing ${PAIRS[o.ch]} in its paragraph.`,
          },
          data: { quote: o.ch },
        });
      }
      open = [];
    };

    for (let li = 0; li < view.lineCount; li++) {
      const { start, text: line } = view.nfcLine(li);
      if (fences.inFence(line)) {
        unmatchedOpeners();
        continue;
      }
      const first = line.search(QUOTE_CHARS);
      // only quote characters matter: jump from one to the next
      for (let i = first < 0 ? line.length : first; i < line.length; i = nextQuote(line, i + 1)) {
        const ch = line[i];
        if (PAIRS[ch]) {
          open.push({ ch, at: start + i });
          continue;
        }
        const opener = CLOSERS[ch];
        if (!opener) continue;
        // the innermost open quote of the same family
        let k = open.length - 1;
        while (k >= 0 && open[k].ch !== opener) k--;
        if (k >= 0) {
          open.splice(k, 1);
          continue;
        }
        // a closing quote without an opening one
        const at = start + i;
        let fixAt = -1;
        // quoted list: “A”, B” → insert “ before B
        const comma = line.lastIndexOf(', ', i);
        if (comma > 0 && i - comma <= 40 && line[comma - 1] === ch) {
          const item = line.slice(comma + 2, i);
          if (item.trim() && !item.includes(opener) && !item.includes(ch)) fixAt = start + comma + 2;
        }
        report({
          start: at,
          end: at + 1,
          message: {
            vi: `Dấu đóng ngoặc kép ${ch} không có dấu mở ${opener} tương ứng.`,
            en: `Closing quote ${ch} has no matching opening ${opener}.`,
          },
          data: { quote: ch },
          fixes:
            fixAt >= 0
              ? [
                  {
                    title: { vi: `Thêm dấu mở ${opener} trước «${text.slice(fixAt, at)}»`, en: `Insert ${opener} before «${text.slice(fixAt, at)}»` },
                    edits: [{ start: fixAt, end: fixAt, newText: opener }],
                  },
                ]
              : undefined,
        });
      }
      const next = li + 1 < view.lineCount ? view.nfcLine(li + 1).text : '';
      if (open.length && (endsParagraph(line) || !next.trim())) unmatchedOpeners();
    }
    unmatchedOpeners();
  },
};

export default rule;
