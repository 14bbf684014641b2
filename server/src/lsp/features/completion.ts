/**
 * Completion of indicator names from the canonical data: the words before the cursor (up to 4, letters,
 * digits and spaces) are the query; the longest suffix that yields good hits wins. Two items per indicator:
 * the name, and the name followed by its canonical value written the Vietnamese way.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  fold,
  formatValue,
  type CompletionHit,
  type Indicator,
  type IndicatorSet,
  type IndicatorValue,
  type Language,
} from '../../core/index';
import { t } from '../i18n';

export const COMPLETION_LIMIT = 50;
const MAX_WORDS = 4;
const MAX_QUERY = 80;
/** hits at or above this score are prefix/word/token/substring hits, below it fuzzy ones */
const GOOD_SCORE = 2000;

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(c));
}

/**
 * Start offsets (in `line`, before `end`) of the last 1…MAX_WORDS words ending at `end`: [1 word, 2 words, …].
 * Only letters, digits and single spaces between words take part; anything else stops the scan.
 */
export function suffixStarts(line: string, end: number): number[] {
  const out: number[] = [];
  let i = end;
  // the cursor may follow a space ("tăng trưởng |"): the words before it still count
  while (i > 0 && line.charCodeAt(i - 1) === 32 && end - i < 2) i--;
  while (out.length < MAX_WORDS && i > 0 && end - i < MAX_QUERY) {
    let j = i;
    while (j > 0 && isWordCode(line.charCodeAt(j - 1))) j--;
    // surrogate halves and combining marks are "word" via the regex on their own code unit
    if (j === i) break;
    out.push(j);
    if (j === 0 || line.charCodeAt(j - 1) !== 32) break;
    let k = j - 1;
    while (k > 0 && line.charCodeAt(k - 1) === 32) k--;
    if (k === 0 || !isWordCode(line.charCodeAt(k - 1))) break;
    i = k;
  }
  return out;
}

/** The value shown and inserted by the second item: the latest non-target value, else the first. */
export function headlineValue(ind: Indicator): IndicatorValue | undefined {
  let best: IndicatorValue | undefined;
  for (const v of ind.values) {
    if (v.kind === 'target') continue;
    if (!best || v.period.to > best.period.to) best = v;
  }
  return best ?? ind.values[0];
}

export function valueText(ind: Indicator, v: IndicatorValue): string {
  return formatValue({ lo: v.lo, hi: v.hi, unit: ind.unit, bound: v.bound });
}

/** Markdown: the indicator's canonical values by period, with unit and source. */
export function indicatorMarkdown(ind: Indicator, lang: Language): string {
  const lines: string[] = [`**${escapeMd(ind.name)}** — ${t('unit', lang)}: ${escapeMd(ind.unit || '—')}`];
  if (ind.aliases.length) lines.push('', `${t('aliases', lang)}: ${ind.aliases.map(escapeMd).join('; ')}`);
  if (!ind.values.length) {
    lines.push('', t('noValues', lang));
    return lines.join('\n');
  }
  lines.push('', `| ${t('period', lang)} | ${t('kind', lang)} | ${t('value', lang)} | ${t('source', lang)} |`, '|---|---|---|---|');
  const values = ind.values.slice().sort((a, b) => a.period.from - b.period.from || a.period.to - b.period.to);
  for (const v of values) {
    const kind = t(`kind.${v.kind}` as const, lang);
    lines.push(`| ${escapeMd(v.periodText)} | ${kind} | ${escapeMd(valueText(ind, v))} | ${escapeMd(v.source || '—')} |`);
  }
  return lines.join('\n');
}

export function escapeMd(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|#])/g, '\\$1');
}

// ---------------------------------------------------------------------------------------------------------
// per-data caches (an IndicatorSet is immutable: rebuilt data is a new set)

interface SetCache {
  /** every folded word of every name and alias, sorted, unique */
  words: string[];
  markdown: Map<string, string>;
  folded: Map<string, string>;
}

const caches = new WeakMap<IndicatorSet, SetCache>();

function cacheFor(data: IndicatorSet): SetCache {
  let c = caches.get(data);
  if (!c) {
    const words = new Set<string>();
    for (const ind of data.all()) {
      for (const label of [ind.name, ...ind.aliases, ind.id]) {
        for (const w of fold(label).split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w);
      }
    }
    c = { words: [...words].sort(), markdown: new Map(), folded: new Map() };
    caches.set(data, c);
  }
  return c;
}

function foldCached(c: SetCache, s: string): string {
  let f = c.folded.get(s);
  if (f === undefined) {
    f = fold(s);
    if (c.folded.size < 50_000) c.folded.set(s, f);
  }
  return f;
}

/** Is `w` (folded) the prefix of some word of the data's names? */
function startsSomeWord(words: string[], w: string): boolean {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid] < w) lo = mid + 1;
    else hi = mid;
  }
  return lo < words.length && words[lo].startsWith(w);
}

/** Can a query of several words name an indicator at all (each word starts a word of some name)? */
function plausible(c: SetCache, query: string): boolean {
  const ws = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (ws.length <= 1) return true;
  return ws.every((w) => startsSomeWord(c.words, w));
}

export interface CompletionInput {
  doc: TextDocument;
  position: Position;
  data: IndicatorSet;
  lang: Language;
}

export function completeIndicators({ doc, position, data, lang }: CompletionInput): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  if (data.size === 0) return empty;
  const lineCount = doc.lineCount;
  if (position.line < 0 || position.line >= lineCount || position.character < 0) return empty;
  const lineStart = doc.offsetAt({ line: position.line, character: 0 });
  const cursor = doc.offsetAt(position);
  if (cursor < lineStart) return empty;
  const line = doc.getText({ start: { line: position.line, character: 0 }, end: position });
  const end = line.length;
  const starts = suffixStarts(line, end);
  const cache = cacheFor(data);
  let chosen: { start: number; hits: CompletionHit[]; query: string } | undefined;
  let fallback: typeof chosen;
  // longest suffix first; a fuzzy-only answer is kept only when nothing better comes
  for (let k = starts.length - 1; k >= 0; k--) {
    const query = line.slice(starts[k], end).trim();
    if (!query || !plausible(cache, query)) continue;
    const hits = data.complete(query, COMPLETION_LIMIT + 1);
    if (!hits.length) continue;
    if (hits[0].score >= GOOD_SCORE) {
      chosen = { start: starts[k], hits, query };
      break;
    }
    fallback ??= { start: starts[k], hits, query };
  }
  if (!chosen && starts.length) {
    // keep a fuzzy answer only for the shortest suffix (the word being typed)
    const s = starts[0];
    if (fallback && fallback.start === s) chosen = fallback;
  }
  if (!chosen) return { isIncomplete: true, items: [] };
  const truncated = chosen.hits.length > COMPLETION_LIMIT;
  const hits = chosen.hits.slice(0, COMPLETION_LIMIT);
  const range = {
    start: { line: position.line, character: chosen.start },
    end: position,
  };
  const typed = line.slice(chosen.start, end);
  const typedFolded = fold(typed);
  const items: CompletionItem[] = [];
  hits.forEach((h, i) => {
    const ind = h.indicator;
    const mdKey = `${lang}\u0000${ind.id}`;
    let md = cache.markdown.get(mdKey);
    if (md === undefined) {
      md = indicatorMarkdown(ind, lang);
      cache.markdown.set(mdKey, md);
    }
    const doc = { kind: MarkupKind.Markdown, value: md };
    // the client filters items against the typed words: give it the folded label and the real one, and the
    // typed text itself for fuzzy hits it would not find on its own
    const foldedLabel = foldCached(cache, h.label);
    const foldedName = foldCached(cache, ind.name);
    const parts = [foldedLabel];
    if (foldedName !== foldedLabel) parts.push(foldedName);
    parts.push(h.label);
    if (!foldedLabel.startsWith(typedFolded) && !foldedName.startsWith(typedFolded)) parts.unshift(typed);
    const filterText = parts.join(' ');
    const sort = String(i).padStart(4, '0');
    items.push({
      label: ind.name,
      kind: CompletionItemKind.Value,
      detail: ind.unit,
      documentation: doc,
      filterText,
      sortText: `${sort}a`,
      textEdit: { range, newText: ind.name },
      insertTextFormat: InsertTextFormat.PlainText,
      data: { indicator: ind.id },
    });
    const v = headlineValue(ind);
    if (v) {
      const value = valueText(ind, v);
      items.push({
        label: `${ind.name} — ${value} (${v.periodText})`,
        kind: CompletionItemKind.Snippet,
        detail: ind.unit,
        documentation: doc,
        filterText,
        sortText: `${sort}b`,
        textEdit: { range, newText: `${ind.name} ${value}` },
        insertTextFormat: InsertTextFormat.PlainText,
        data: { indicator: ind.id, period: v.periodText },
      });
    }
  });
  return { isIncomplete: truncated, items };
}
