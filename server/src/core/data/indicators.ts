/**
 * The indicator index: every canonical indicator by id, its names found in prose (`findMentions`) and found
 * from a few typed letters (`complete`).
 *
 * Mentions: names and aliases are split into words (letters, marks, digits, `_`) and stored in a trie keyed by
 * each word's `toneKey` (lower case, tone-placement insensitive, same length as the word) plus the "hard"
 * punctuation between words (commas, slashes…; spaces, brackets, quotes and dashes are soft and match any soft
 * run). One native search over the document's lower case finds the words a name can start with (in any tone
 * placement), the trie is walked from each of them by the keys of the words that follow, and the longest alias
 * wins on overlap. Only the words the walk reaches are keyed: the document as a whole never is.
 *
 * Pure: no fs, no process.
 */
import { atWordBoundary, foldKeepLength, isWordCode, lowerKeepLength, toneKey, toneKeyOfLower, toneKeyPattern, toneKeySpellings } from '../text';
import type { Indicator, IndicatorValue } from '../types';

/** A name or alias of an indicator found in prose. NFC offsets. */
export interface Mention {
  start: number;
  end: number;
  indicator: Indicator;
  /** the name or alias (as written in the data) that matched */
  alias: string;
}

export interface CompletionHit {
  indicator: Indicator;
  /** the name or alias that matched (the name when the id matched) */
  label: string;
  /** higher is better; hits come sorted by it */
  score: number;
}

// ---------------------------------------------------------------------------------------------------------
// words

/** Characters that may separate the words of a name without changing it: spaces, brackets, quotes, dashes. */
function isSoftSep(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0xa0 ||
    c === 40 /* ( */ ||
    c === 41 /* ) */ ||
    c === 91 ||
    c === 93 ||
    c === 34 ||
    c === 39 ||
    c === 45 /* - */ ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0xab ||
    c === 0xbb
  );
}

/** The longest separator between two words of a name. */
const MAX_SEP = 12;

/**
 * The signature of a separator: its hard punctuation in order ('' when only soft characters), or null when the
 * separator breaks a name (a blank line, or a run too long to be part of one).
 */
function sepSignature(s: string, from: number, to: number): string | null {
  if (to - from === 1 && s.charCodeAt(from) === 32) return '';
  if (to - from > MAX_SEP) return null;
  let sig = '';
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) {
      if (++newlines > 1) return null;
      continue;
    }
    if (!isSoftSep(c)) sig += s[i];
  }
  return sig;
}

const foldTable = new Uint16Array(65536); // 0 unknown, else the folded code unit (lower-case base letter)

function foldCode(c: number): number {
  let f = foldTable[c];
  if (f === 0) {
    f = foldKeepLength(String.fromCharCode(c)).charCodeAt(0) || c;
    foldTable[c] = f;
  }
  return f;
}

interface Words {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/**
 * Code units whose class text.ts knows up front (ASCII, Latin-1 and Latin Extended-A/B, combining diacritics,
 * Latin Extended Additional: every Vietnamese letter), plus the soft separators beyond them. In a text made of
 * these only, WORD_UNITS below is exactly `isWordCode`, so one native split finds the words.
 */
const KNOWN_UNITS = /^[\0-\u024f\u0300-\u036f\u1e00-\u1eff\u2013\u2014\u2018\u2019\u201c\u201d]*$/;
const WORD_UNITS = '0-9A-Z_a-z\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0300-\u036f\u1e00-\u1eff';
/** the runs between words, captured: split gives words at even indices, the runs between them at odd ones */
const NON_WORD_RUN = new RegExp(`([^${WORD_UNITS}]+)`);

/** Maximal runs of word characters (letters, marks, digits, `_`), as `isWordChar` in text.ts. */
function splitWords(s: string): Words {
  if (!KNOWN_UNITS.test(s)) return splitWordsByUnit(s);
  const parts = s.split(NON_WORD_RUN);
  const cap = (parts.length >> 1) + 1;
  const starts = new Int32Array(cap);
  const ends = new Int32Array(cap);
  let count = 0;
  let at = 0;
  for (let p = 0; p < parts.length; p++) {
    const len = parts[p].length;
    // only the first and the last word can be empty (the text starts or ends with a non-word unit)
    if ((p & 1) === 0 && len > 0) {
      starts[count] = at;
      ends[count++] = at + len;
    }
    at += len;
  }
  return { starts, ends, count };
}

/** splitWords one code unit at a time, for a text with units whose class only a Unicode lookup tells. */
function splitWordsByUnit(s: string): Words {
  const n = s.length;
  const cap = (n >> 1) + 1;
  const starts = new Int32Array(cap);
  const ends = new Int32Array(cap);
  let count = 0;
  let inWord = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isWordCode(c)) {
      if (!inWord) {
        starts[count] = i;
        inWord = true;
      }
    } else if (inWord) {
      ends[count++] = i;
      inWord = false;
    }
  }
  if (inWord) ends[count++] = n;
  return { starts, ends, count };
}

// ---------------------------------------------------------------------------------------------------------
// trie

interface Terminal {
  indicator: Indicator;
  alias: string;
  /** the same words name two different indicators: it blocks shorter matches but is never reported */
  ambiguous: boolean;
}

/** A word that may come next in a name (its key) and the node it leads to. */
interface Edge {
  key: string;
  node: TrieNode;
}

/** The words that may come next after one node. */
interface Edges {
  /** every next word; while the list is short, the search compares each key */
  list: Edge[];
  /** the same by key, once the list is long (many names sharing a prefix) */
  byKey: Map<string, Edge> | undefined;
}

/** Up to this many next words, comparing each key beats building a Map. */
const SHORT_EDGES = 8;

interface TrieNode {
  /** next word after a soft separator (spaces, brackets, dashes, quotes) */
  soft: Edges | undefined;
  /** next word after hard punctuation, by the punctuation (",", "/", …) */
  hard: Map<string, Edges> | undefined;
  terminal: Terminal | undefined;
}

interface Trie {
  /** the node of each word names start with, by its key */
  root: Map<string, TrieNode>;
  /**
   * The words names start with, as one search over the document's lower case (see firstWordsSource): a native
   * scan (every spelling of each word's key: linear) that stops only where a name can start. Word boundaries are
   * checked on each hit: look-arounds with Unicode classes would make the scan several times slower. A first word
   * that is not a name on its own is wanted only when its next words follow it (see `lookAhead`): most
   * occurrences of "công", "kinh", "số" are then skipped at native speed.
   */
  firstWords: RegExp | null;
}

/**
 * NFC and trimmed, each. One normalize of the joined list when no entry has a line break of its own (a line
 * break is a starter that composes with nothing, so the NFC of the joined list is the join of the NFCs).
 */
function nfcTrimmed(list: string[]): string[] {
  const joined = list.join('\n');
  let out = joined.normalize('NFC').split('\n');
  if (out.length !== list.length) out = list.map((s) => s.normalize('NFC'));
  for (let i = 0; i < out.length; i++) out[i] = out[i].trim();
  return out;
}

/**
 * `toneKey(name.normalize('NFC')).trim()` of each name, as one toneKey of them all joined by line breaks (a word
 * boundary: the key of each is its slice of the whole key).
 */
export function nameKeys(names: string[]): string[] {
  const nfc = nfcTrimmed(names);
  const keys = toneKey(nfc.join('\n'));
  const out: string[] = [];
  for (let i = 0, at = 0; i < nfc.length; at += nfc[i++].length + 1) out.push(keys.slice(at, at + nfc[i].length));
  return out;
}

function newNode(): TrieNode {
  // every node has every field: one object shape for the search that walks them
  return { soft: undefined, hard: undefined, terminal: undefined };
}

function newEdges(): Edges {
  return { list: [], byKey: undefined };
}

function childOf(edges: Edges, key: string): TrieNode {
  const list = edges.list;
  let e = edges.byKey ? edges.byKey.get(key) : list.find((x) => x.key === key);
  if (!e) {
    e = { key, node: newNode() };
    list.push(e);
    if (edges.byKey) edges.byKey.set(key, e);
    else if (list.length > SHORT_EDGES) edges.byKey = new Map(list.map((x) => [x.key, x]));
  }
  return e.node;
}

function buildTrie(indicators: Indicator[]): Trie {
  const root = new Map<string, TrieNode>();
  // every name and alias, NFC and trimmed, one per line: the words of all of them in one split, their keys in one
  // toneKey (a line break is a word boundary, so the key of each word is its slice of the whole key)
  const owners: Indicator[] = [];
  const raws: string[] = [];
  for (const ind of indicators) {
    owners.push(ind);
    raws.push(ind.name);
    for (const a of ind.aliases) {
      owners.push(ind);
      raws.push(a);
    }
  }
  const names = nfcTrimmed(raws);
  const all = names.join('\n');
  const keys = toneKey(all);
  const w = splitWords(all);
  let k = 0;
  for (let i = 0, lineEnd = -1; i < raws.length; i++) {
    // by lengths: a name may have a line break of its own
    lineEnd += 1 + names[i].length;
    if (k >= w.count || w.starts[k] >= lineEnd) continue; // no word
    let node = root.get(keys.slice(w.starts[k], w.ends[k]));
    if (!node) root.set(keys.slice(w.starts[k], w.ends[k]), (node = newNode()));
    for (k++; k < w.count && w.starts[k] < lineEnd; k++) {
      const key = keys.slice(w.starts[k], w.ends[k]);
      const sig = sepSignature(all, w.ends[k - 1], w.starts[k]) ?? '';
      let edges: Edges;
      if (sig === '') edges = node.soft ??= newEdges();
      else {
        const hard: Map<string, Edges> = (node.hard ??= new Map());
        let e = hard.get(sig);
        if (!e) hard.set(sig, (e = newEdges()));
        edges = e;
      }
      node = childOf(edges, key);
    }
    const ind = owners[i];
    const t = node.terminal;
    if (!t) node.terminal = { indicator: ind, alias: raws[i], ambiguous: false };
    else if (t.indicator.id !== ind.id) t.ambiguous = true;
  }
  const firstWords = root.size ? new RegExp(firstWordsSource(root), 'g') : null;
  return { root, firstWords };
}

/**
 * The search for the first words of names: one alternation, and at any place the longest word that matches
 * wins (a shorter one, "tổ" of "tổng", would then fail the boundary check and hide the longer). Normally a
 * character trie of every spelling of every first word ("c(?:h(?:ứng…|ỉ…)|ông…)|d(?:…)"), each ending in its
 * look-ahead: the engine follows one path instead of trying every word at every place, and a longer path is
 * tried before the end of a shorter one. A word with no list of spellings (toneKeySpellings) makes it a plain
 * alternation of the words, longest first.
 */
function firstWordsSource(root: Map<string, TrieNode>): string {
  interface CharNode {
    next: Map<string, CharNode>;
    /** the look-ahead of the word that ends here ('' for none); undefined when no word ends here */
    end: string | undefined;
  }
  const top: CharNode = { next: new Map(), end: undefined };
  for (const [word, node] of root) {
    const spellings = toneKeySpellings(word);
    if (spellings === null) {
      const words = [...root.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
      return words.map((w) => firstWordPattern(w, root.get(w)!)).join('|');
    }
    const ahead = lookAhead(node);
    for (const sp of spellings) {
      let n = top;
      for (let i = 0; i < sp.length; i++) {
        let c = n.next.get(sp[i]);
        if (!c) n.next.set(sp[i], (c = { next: new Map(), end: undefined }));
        n = c;
      }
      n.end ??= ahead;
    }
  }
  const emit = (n: CharNode): string => {
    const alts: string[] = [];
    for (const [ch, c] of n.next) alts.push(ch + emit(c));
    if (n.end !== undefined) alts.push(n.end); // the word that ends here, after every longer one
    return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
  };
  const alts: string[] = [];
  for (const [ch, c] of top.next) alts.push(ch + emit(c));
  return alts.join('|');
}

/** Past this many next words, a first word is searched alone (a long alternation per hit costs more). */
const MAX_LOOKAHEAD_WORDS = 32;

/**
 * The search pattern of a first word (for the plain alternation of firstWordsSource): every spelling of its key
 * (`toneKeyPattern`: "hoà" and "hòa", since the search runs over the lower-cased document), then its look-ahead.
 */
function firstWordPattern(word: string, node: TrieNode): string {
  return toneKeyPattern(word) + lookAhead(node);
}

/**
 * The look-ahead of a first word: '' for a word that is a name on its own. It asks for the next words up to
 * LOOKAHEAD_DEPTH deep, each after at most MAX_SEP characters other than ASCII letters, digits and `_` (`\W`:
 * every non-word character is one, so no hit the walk could use is skipped; a hit skipped inside a word is one
 * the boundary check drops), and stops at a word a name may end with: most places where only a name's first
 * two words stand ("kinh tế", "tỷ lệ") are skipped at native speed too, not walked. Keys are word characters
 * (never special in a pattern); the repetitions are bounded and run only after the word matched: the scan stays
 * linear. Past LOOKAHEAD_CHARS of pattern, only the next word is asked for.
 */
function lookAhead(node: TrieNode): string {
  let c = continuation(node, LOOKAHEAD_DEPTH);
  if (c.length > LOOKAHEAD_CHARS) c = continuation(node, 1);
  return c ? `(?=${c})` : '';
}

/** How many words deep a first word's look-ahead goes, and its longest pattern. */
const LOOKAHEAD_DEPTH = 2;
const LOOKAHEAD_CHARS = 4000;

/**
 * What must follow a node for a name to go on: a separator and one of its next words (every spelling), each
 * followed in turn by its own continuation `depth - 1` deep; '' when nothing need follow (a name may end at the
 * node, the depth is spent, or the next words are too many to list).
 */
function continuation(node: TrieNode, depth: number): string {
  if (node.terminal || depth === 0) return '';
  const next = new Map<string, TrieNode[]>();
  const add = (e: Edge) => {
    const list = next.get(e.key);
    if (list) list.push(e.node);
    else next.set(e.key, [e.node]);
  };
  for (const e of node.soft?.list ?? []) add(e);
  for (const edges of node.hard?.values() ?? []) for (const e of edges.list) add(e);
  if (next.size === 0 || next.size > MAX_LOOKAHEAD_WORDS) return '';
  const alts: string[] = [];
  for (const [key, nodes] of next) {
    const after = nodes.map((n) => continuation(n, depth - 1));
    const rest = after.includes('') ? '' : after.length === 1 ? after[0] : `(?:${after.join('|')})`;
    alts.push(toneKeyPattern(key) + rest);
  }
  return `\\W{1,${MAX_SEP}}(?:${alts.join('|')})`;
}

/** a run of the word units WORD_UNITS lists (sticky) */
const KNOWN_WORD_RUN = new RegExp(`[${WORD_UNITS}]*`, 'y');

/**
 * The end of the word that starts at ws: one native step over the units WORD_UNITS lists (every Vietnamese
 * letter), then a look at the unit it stopped at, which may be a word unit of another script.
 */
function wordEndAt(text: string, ws: number): number {
  let we = ws;
  do {
    KNOWN_WORD_RUN.lastIndex = we + 1;
    KNOWN_WORD_RUN.test(text);
    we = KNOWN_WORD_RUN.lastIndex;
  } while (we < text.length && isWordCode(text.charCodeAt(we)));
  return we;
}

/** toneKey of single lower-case words, remembered: a document repeats its words (bounded) */
const wordKeys = new Map<string, string>();

function wordKey(lowerWord: string): string {
  let k = wordKeys.get(lowerWord);
  if (k === undefined) {
    k = toneKeyOfLower(lowerWord);
    if (wordKeys.size >= 20_000) wordKeys.clear();
    wordKeys.set(lowerWord, k);
  }
  return k;
}

/**
 * The edge whose key is the key of the whole word of the document starting at ws, if any (`text` the document,
 * `lower` its lower case: the same words at the same places).
 */
function edgeAt(edges: Edges, text: string, lower: string, ws: number): Edge | undefined {
  const k = wordKey(lower.slice(ws, wordEndAt(text, ws)));
  if (edges.byKey) return edges.byKey.get(k);
  const list = edges.list;
  for (let i = 0; i < list.length; i++) if (list[i].key === k) return list[i];
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// completion keys

interface CompletionKey {
  indicator: Indicator;
  label: string;
  /** folded, punctuation as spaces, single spaces */
  key: string;
  words: string[];
  isName: boolean;
}

/** Folded search form: no diacritics, lower case, punctuation and `_` as single spaces (same as `fold` + that). */
function searchKey(s: string): string {
  const t = s.normalize('NFC');
  let out = '';
  let space = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) continue; // a stray combining mark
    const f = foldCode(c);
    const alnum = (f >= 48 && f <= 57) || (f >= 97 && f <= 122) || (f >= 128 && isWordCode(f));
    if (alnum) {
      out += String.fromCharCode(f);
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  return space && out.length ? out.slice(0, -1) : out;
}

const TIER_NAME_PREFIX = 6;
const TIER_PREFIX = 5;
const TIER_WORD_PREFIX = 4;
const TIER_TOKENS = 3;
const TIER_SUBSTRING = 2;
const TIER_FUZZY = 1;

function lengthBonus(len: number): number {
  return 999 - Math.min(len, 999);
}

/** Score of a folded key against a folded query (0 = no match). */
function scoreKey(ck: CompletionKey, q: string, qTokens: string[], qCompact: string): number {
  const { key, words, isName } = ck;
  const labelLen = ck.label.length;
  if (key.startsWith(q)) return (isName ? TIER_NAME_PREFIX : TIER_PREFIX) * 1000 + lengthBonus(labelLen);
  const at = key.indexOf(q);
  if (at > 0 && key.charCodeAt(at - 1) === 32) return TIER_WORD_PREFIX * 1000 + lengthBonus(labelLen);
  if (qTokens.length > 1) {
    const used = new Set<number>();
    let all = true;
    for (const t of qTokens) {
      let found = -1;
      for (let w = 0; w < words.length; w++) {
        if (!used.has(w) && words[w].startsWith(t)) {
          found = w;
          break;
        }
      }
      if (found < 0) {
        all = false;
        break;
      }
      used.add(found);
    }
    if (all) return TIER_TOKENS * 1000 + lengthBonus(labelLen);
  }
  if (at >= 0) return TIER_SUBSTRING * 1000 + lengthBonus(labelLen);
  // fuzzy: the query's letters in order, the first at a word start
  if (qCompact.length < 3) return 0;
  let first = -1;
  for (let p = key.indexOf(qCompact[0]); p >= 0; p = key.indexOf(qCompact[0], p + 1)) {
    if (p === 0 || key.charCodeAt(p - 1) === 32) {
      first = p;
      break;
    }
  }
  if (first < 0) return 0;
  let pos = first + 1;
  let wordStarts = 1;
  for (let k = 1; k < qCompact.length; k++) {
    const next = key.indexOf(qCompact[k], pos);
    if (next < 0) return 0;
    if (key.charCodeAt(next - 1) === 32) wordStarts++;
    pos = next + 1;
  }
  const span = pos - first;
  const bonus = Math.max(0, Math.min(999, 600 + wordStarts * 40 - span * 4 - Math.min(labelLen, 200)));
  return TIER_FUZZY * 1000 + bonus;
}

// ---------------------------------------------------------------------------------------------------------
// the set

function unitKey(u: string): string {
  return u.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Combine two definitions of one id: the later one wins; values of other (period, kind) pairs are kept. */
function mergeIndicator(a: Indicator, b: Indicator): Indicator {
  if (unitKey(a.unit) !== unitKey(b.unit)) return b;
  const keyOf = (v: IndicatorValue) => `${v.periodText}\u0000${v.kind}`;
  const later = new Set(b.values.map(keyOf));
  const values = [...a.values.filter((v) => !later.has(keyOf(v))), ...b.values];
  const names = new Set([b.name.toLowerCase()]);
  const aliases: string[] = [];
  for (const x of [...b.aliases, a.name, ...a.aliases]) {
    const k = x.toLowerCase();
    if (names.has(k)) continue;
    names.add(k);
    aliases.push(x);
  }
  return { ...b, aliases, values };
}

export class IndicatorSet {
  private readonly byId: Map<string, Indicator>;
  private readonly list: Indicator[];
  private trie: Trie | undefined;
  private completionKeys: CompletionKey[] | undefined;
  private labelIndex: Map<string, Indicator | null> | undefined;

  private constructor(list: Indicator[]) {
    this.byId = new Map();
    for (const ind of list) {
      const prev = this.byId.get(ind.id);
      this.byId.set(ind.id, prev ? mergeIndicator(prev, ind) : ind);
    }
    this.list = [...this.byId.values()];
  }

  /** A set of indicators; the same id twice: the later definition wins (values of other periods kept). */
  static from(indicators: Indicator[]): IndicatorSet {
    return new IndicatorSet(indicators);
  }

  static empty(): IndicatorSet {
    return new IndicatorSet([]);
  }

  /** Sets from several files, in order: later files win on the same id. */
  static merge(...sets: IndicatorSet[]): IndicatorSet {
    return new IndicatorSet(sets.flatMap((s) => s.list));
  }

  get size(): number {
    return this.list.length;
  }

  all(): Indicator[] {
    return this.list;
  }

  get(id: string): Indicator | undefined {
    return this.byId.get(id);
  }

  /** The indicator whose name or alias is exactly this label (tone-placement and case insensitive), if one. */
  lookup(label: string): Indicator | undefined {
    if (!this.labelIndex) {
      const idx = new Map<string, Indicator | null>();
      for (const ind of this.list) {
        for (const a of [ind.name, ...ind.aliases]) {
          const k = labelKey(a);
          const prev = idx.get(k);
          idx.set(k, prev === undefined || prev?.id === ind.id ? ind : null);
        }
      }
      this.labelIndex = idx;
    }
    return this.labelIndex.get(labelKey(label)) ?? undefined;
  }

  /**
   * Names and aliases of indicators in an NFC text, sorted by start. On overlap the longest wins; a name shared
   * by two indicators is never reported (and still blocks shorter names inside it).
   */
  findMentions(nfcText: string): Mention[] {
    if (this.list.length === 0 || nfcText.length === 0) return [];
    const { root, firstWords } = (this.trie ??= buildTrie(this.list));
    if (!firstWords) return [];
    const text = nfcText;
    const n = text.length;
    // the search runs over the lower case (shared with the rules that search it): a word's key is asked only
    // where a name may start, not computed for the whole document
    const lower = lowerKeepLength(text);

    interface Cand {
      start: number;
      end: number;
      term: Terminal;
    }
    const cands: Cand[] = [];
    firstWords.lastIndex = 0;
    for (let m = firstWords.exec(lower); m !== null; m = firstWords.exec(lower)) {
      const start = m.index;
      if (start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
      if (isWordCode(text.charCodeAt(start + m[0].length))) continue;
      let node: TrieNode | undefined = root.get(wordKey(m[0]));
      if (!node) continue;
      let pos = start + m[0].length;
      let best: Cand | undefined = node.terminal ? { start, end: pos, term: node.terminal } : undefined;
      while (node.soft || node.hard) {
        // the next word, at most a short separator away (most often one space away)
        let ws = pos + 1;
        let sig: string | null = '';
        if (text.charCodeAt(pos) !== 32 || !isWordCode(text.charCodeAt(ws))) {
          ws = pos;
          while (ws < n && ws - pos <= MAX_SEP && !isWordCode(text.charCodeAt(ws))) ws++;
          if (ws >= n || ws - pos > MAX_SEP) break;
          sig = sepSignature(text, pos, ws);
          if (sig === null) break;
        }
        const edges: Edges | undefined = sig === '' ? node.soft : node.hard?.get(sig);
        const next: Edge | undefined = edges && edgeAt(edges, text, lower, ws);
        if (!next) break;
        node = next.node;
        pos = ws + next.key.length;
        if (node.terminal) best = { start, end: pos, term: node.terminal };
      }
      if (best) cands.push(best);
    }
    if (cands.length === 0) return [];

    // longest first (in characters), then leftmost; keep those that overlap nothing kept
    const order = cands.slice().sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const taken = new Uint8Array(n);
    const kept: Cand[] = [];
    for (const c of order) {
      let free = true;
      for (let k = c.start; k < c.end; k++) {
        if (taken[k]) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      taken.fill(1, c.start, c.end);
      kept.push(c);
    }
    const out: Mention[] = [];
    for (const c of kept) {
      if (c.term.ambiguous) continue;
      const start = c.start;
      let end = c.end;
      if (!atWordBoundary(text, start, end)) continue;
      // "… (GRDP)": take the closing bracket of a bracket opened inside the mention
      if (text.charCodeAt(end) === 41 /* ) */ && openBrackets(text, start, end) > 0) end++;
      out.push({ start, end, indicator: c.term.indicator, alias: c.term.alias });
    }
    out.sort((a, b) => a.start - b.start);
    return out;
  }

  /**
   * Indicators for a typed query: folded (no diacritics, any case), so "tang truong" finds "Tốc độ tăng
   * trưởng GRDP". Ranking: prefix of the name > prefix of an alias or the id > a word of the label starts
   * with the query > every query word starts a label word > substring > letters in order (fuzzy); ties go to
   * the shorter label. One hit per indicator (its best label). An empty query lists indicators by name.
   */
  complete(query: string, limit = 50): CompletionHit[] {
    const keys = (this.completionKeys ??= this.buildCompletionKeys());
    const q = searchKey(query);
    if (limit <= 0) return [];
    if (!q) {
      return this.list
        .slice()
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .slice(0, limit)
        .map((indicator) => ({ indicator, label: indicator.name, score: 0 }));
    }
    const qTokens = q.split(' ');
    const qCompact = q.replace(/ /g, '');
    const best = new Map<Indicator, CompletionHit>();
    for (const k of keys) {
      const score = scoreKey(k, q, qTokens, qCompact);
      if (score === 0) continue;
      const prev = best.get(k.indicator);
      if (!prev || score > prev.score) best.set(k.indicator, { indicator: k.indicator, label: k.label, score });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.label.length - b.label.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
      .slice(0, limit);
  }

  private buildCompletionKeys(): CompletionKey[] {
    const out: CompletionKey[] = [];
    const add = (indicator: Indicator, label: string, of: string, isName: boolean) => {
      const key = searchKey(of);
      if (key) out.push({ indicator, label, key, words: key.split(' '), isName });
    };
    for (const ind of this.list) {
      add(ind, ind.name, ind.name, true);
      for (const a of ind.aliases) add(ind, a, a, false);
      add(ind, ind.name, ind.id, false);
    }
    return out;
  }
}

function openBrackets(s: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
  }
  return depth;
}

function labelKey(s: string): string {
  return toneKey(s.normalize('NFC')).replace(/\s+/g, ' ').trim();
}
