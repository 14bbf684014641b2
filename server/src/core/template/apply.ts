/**
 * Applying a structure template to a parsed outline: which headings are which template sections, which
 * required sections are missing (and where a skeleton heading would go), which headings the template does not
 * expect, which are out of order, and the default period of each part of the text.
 *
 * Matching, level by level (the children of a matched section against the children of its heading):
 *   1. same kind and number, titles not contradicting (word overlap ≥ 0.3, or a title absent);
 *   2. title similarity ≥ 0.6 (folded words of the template title found in the heading's title), any number;
 *   3. same kind and number when the heading's title does not clearly belong to another section.
 * Markdown headings without a marker that match nothing are transparent: their children are matched instead.
 *
 * Pure: no fs, no process, no vscode.
 */
import { fold, unitClass, UNIT_LETTER, UNIT_NUMBER, type TextView } from '../text';
import type { OutlineNode, Period } from '../types';
import { nodeNumber, parseSectionNumber } from '../outline';
import { parsePeriodText, type SectionDef, type TemplateDef } from './schema';

export interface MissingSection {
  section: SectionDef;
  /** the heading the section belongs under (null: top level) */
  parent: OutlineNode | null;
  parentSection: SectionDef | null;
  /** NFC offset where a skeleton heading would go (a line start, or the end of the text) */
  insertAt: number;
}

export interface AppliedTemplate {
  name: string;
  def: TemplateDef;
  matched: Map<OutlineNode, SectionDef>;
  /** the reverse of `matched` */
  nodeOf: Map<SectionDef, OutlineNode>;
  missing: MissingSection[];
  unexpected: OutlineNode[];
  outOfOrder: OutlineNode[];
  /** for each out-of-order heading: a correctly placed sibling it should come before (or after) */
  orderHint: Map<OutlineNode, { before?: OutlineNode; after?: OutlineNode }>;
  /** the parent of each template section (null at the top) */
  parentOf: Map<SectionDef, SectionDef | null>;
  /** the default period of the innermost matched section around an NFC offset (inherited from outer sections) */
  periodAt(nfcOffset: number): Period | null;
  /** the innermost matched section around an NFC offset */
  sectionAt(nfcOffset: number): { node: OutlineNode; section: SectionDef } | null;
}

// ---------------------------------------------------------------------------------------------------------
// Title similarity

const STOPWORDS = new Set([
  'va', 'cua', 'cac', 'nhung', 'trong', 'voi', 'duoc', 'cho', 'theo', 'de', 'la', 'co', 'mot', 'so', 've',
  'tai', 'den', 'hon', 'ngay', 'cang', 'nhat', 'thu',
]);

/** the runs of letters and numbers of s */
export function lettersAndNumbers(s: string): string[] {
  const out: string[] = [];
  let from = -1;
  for (let i = 0; i <= s.length; i++) {
    const word = i < s.length && (unitClass(s.charCodeAt(i)) & (UNIT_LETTER | UNIT_NUMBER)) !== 0;
    if (word && from < 0) from = i;
    else if (!word && from >= 0) {
      out.push(s.slice(from, i));
      from = -1;
    }
  }
  return out;
}

/**
 * Titles written in ASCII, Vietnamese (and other Latin-1/Extended-A) letters and common punctuation: for these,
 * NFD, marks dropped, lower case, đ → d gives what `fold` gives, and every folded unit is either a letter or
 * number of text.ts's fixed classes (inside NOT_WORD's complement) or a separator (outside). The property test
 * in test/unit/template.test.ts checks this unit by unit against `lettersAndNumbers(fold(s))`.
 */
const SIMPLE_TITLE =
  /^[\t\x20-\x7e\u00a0\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f\u01a0\u01a1\u01af\u01b0\u0300-\u036f\u1ea0-\u1ef9\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;
const MARKS = /[\u0300-\u036f]+/g;
const NOT_WORD = /[^0-9a-z\u00c0-\u024f\u1e00-\u1eff]+/;

/** fold's units (before spaces are collapsed) of a SIMPLE_TITLE string, by native calls */
function simpleUnits(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/đ/g, 'd');
}

/** exactly `fold(s)`: a few native calls for usual titles and lines instead of loops over their units */
export function quickFold(s: string): string {
  return SIMPLE_TITLE.test(s) ? simpleUnits(s).replace(/\s+/g, ' ').trim() : fold(s);
}

/** the folded words of a title: a few native calls for the usual title instead of three loops over its units */
export function titleWords(s: string): string[] {
  if (!SIMPLE_TITLE.test(s)) return lettersAndNumbers(fold(s));
  const words = simpleUnits(s).split(NOT_WORD);
  // split leaves an empty word where the title starts or ends with a separator
  if (words.length && words[words.length - 1] === '') words.pop();
  if (words.length && words[0] === '') words.shift();
  return words;
}

// Similarity is asked for every pair of a level's sections and headings: each title is prepared once (and
// remembered across lints), and a pair costs one Set lookup per template word.
const keysCache = new Map<string, string[]>();
const wordsCache = new Map<string, Set<string> | null>();

/** a template title's words: folded, stop words dropped, each once */
function titleKeys(title: string | undefined): string[] {
  if (!title) return [];
  let keys = keysCache.get(title);
  if (keys) return keys;
  keys = [];
  const words = titleWords(title);
  for (let i = 0; i < words.length; i++) if (!STOPWORDS.has(words[i]) && !keys.includes(words[i])) keys.push(words[i]);
  if (keysCache.size > 5000) keysCache.clear();
  keysCache.set(title, keys);
  return keys;
}

/**
 * a heading title's folded words (stop words kept: no key is one, and the Set is built natively in one call);
 * null when it has no word but stop words
 */
function headingWords(title: string): Set<string> | null {
  let set = wordsCache.get(title);
  if (set !== undefined) return set;
  const words = titleWords(title);
  let some = false;
  for (let i = 0; i < words.length && !some; i++) some = !STOPWORDS.has(words[i]);
  set = some ? new Set(words) : null;
  if (wordsCache.size > 5000) wordsCache.clear();
  wordsCache.set(title, set);
  return set;
}

/** the share of the keys found among the words; null when there are no keys or no words */
function keySimilarity(keys: string[], words: Set<string> | null): number | null {
  if (keys.length === 0 || words === null) return null;
  let hit = 0;
  // an index loop: cold, for-of steps an iterator through calls
  for (let i = 0; i < keys.length; i++) if (words.has(keys[i])) hit++;
  return hit / keys.length;
}

/** a unit of a word of `titleWords`' SIMPLE_TITLE path: outside NOT_WORD */
function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);
}

/** true when `key` (a run of word units) is a whole word of `folded` (simpleUnits of a SIMPLE_TITLE string) */
function hasWord(folded: string, key: string): boolean {
  for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
    const after = at + key.length;
    if ((at === 0 || !isWordUnit(folded.charCodeAt(at - 1))) && (after === folded.length || !isWordUnit(folded.charCodeAt(after)))) {
      return true;
    }
  }
  return false;
}

/**
 * keySimilarity(keys, headingWords(title)) for one pair, without splitting the heading title into a Set of its
 * words: headings often carry a long title (a whole paragraph when the body is on the heading's line) and most
 * are matched by their number, so only that one pair is asked; the few keys are searched in the folded title.
 * Without a hit the title's words are needed after all (0 when it has a word other than a stop word, else null).
 */
function pairSimilarity(keys: string[], title: string): number | null {
  if (keys.length === 0) return null;
  const known = wordsCache.get(title);
  if (known !== undefined || !SIMPLE_TITLE.test(title)) return keySimilarity(keys, headingWords(title));
  const folded = simpleUnits(title);
  let hit = 0;
  for (let i = 0; i < keys.length; i++) if (hasWord(folded, keys[i])) hit++;
  return hit > 0 ? hit / keys.length : keySimilarity(keys, headingWords(title));
}

/** pairSimilarity for a template title (tests compare it with titleSimilarity) */
export function quickTitleSimilarity(templateTitle: string | undefined, headingTitle: string): number | null {
  return pairSimilarity(titleKeys(templateTitle), headingTitle);
}

/**
 * How much of a template title a heading title contains: the share of the template title's words (folded,
 * stop words dropped) found in the heading title. null when either title is empty.
 */
export function titleSimilarity(templateTitle: string | undefined, headingTitle: string): number | null {
  return keySimilarity(titleKeys(templateTitle), headingWords(headingTitle));
}

// ---------------------------------------------------------------------------------------------------------

const STRONG = 0.6;
const AGREE = 0.3;

const NONE: number[] = [];

function kindsCompatible(node: OutlineNode, s: SectionDef, sNum: number[] | null): boolean {
  if (node.kind === 'markdown' || s.kind === 'markdown') return true;
  if (node.kind !== s.kind) return false;
  if (s.kind === 'decimal' && sNum && sNum.length !== node.numbers.length) return false;
  return true;
}

/** Indices (into seq) of a longest strictly increasing subsequence. */
function lisIndices(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out = new Set<number>();
  let k = tails.length ? tails[tails.length - 1] : -1;
  while (k >= 0) {
    out.add(k);
    k = prev[k];
  }
  return out;
}

export function applyTemplate(def: TemplateDef, roots: OutlineNode[], view: TextView): AppliedTemplate {
  const matched = new Map<OutlineNode, SectionDef>();
  const nodeOf = new Map<SectionDef, OutlineNode>();
  const missing: MissingSection[] = [];
  const unexpected: OutlineNode[] = [];
  const outOfOrder: OutlineNode[] = [];
  const orderHint = new Map<OutlineNode, { before?: OutlineNode; after?: OutlineNode }>();
  const parentOf = new Map<SectionDef, SectionDef | null>();
  const periodOf = new Map<SectionDef, Period | null>();
  const textEnd = view.text.length;

  const registerSections = (sections: SectionDef[], parent: SectionDef | null) => {
    for (const s of sections) {
      parentOf.set(s, parent);
      const own = s.period ? parsePeriodText(s.period) : null;
      periodOf.set(s, own ?? (parent ? periodOf.get(parent) ?? null : null));
      if (s.children) registerSections(s.children, s);
    }
  };
  registerSections(def.sections, null);

  const level = (
    sections: SectionDef[],
    nodes: OutlineNode[],
    parentNode: OutlineNode | null,
    parentSection: SectionDef | null,
    extra: boolean | undefined,
  ) => {
    if (sections.length === 0) return;
    const nums = sections.map((s) => (s.number ? parseSectionNumber(s.kind, s.number) : null));
    const keys = sections.map((s) => titleKeys(s.title));
    // markdown headings that match no section are transparent
    const candidates: OutlineNode[] = [];
    const expand = (ns: OutlineNode[]) => {
      for (const n of ns) {
        const transparent = n.kind === 'markdown' && n.children.length > 0;
        const words = transparent ? headingWords(n.title) : null;
        if (transparent && !keys.some((k) => (keySimilarity(k, words) ?? 0) >= STRONG)) expand(n.children);
        else candidates.push(n);
      }
    };
    expand(nodes);

    const nodeTaken = new Set<OutlineNode>();
    const secTaken = new Set<number>();
    // a candidate's similarities to every section, computed when first needed (steps 2 and 3: a candidate the
    // numbers did not match); step 1 asks only for the numbered pair's
    const sims: ((number | null)[] | null)[] = [];
    for (let ni = 0; ni < candidates.length; ni++) sims.push(null);
    const simRow = (ni: number): (number | null)[] => {
      let row = sims[ni];
      if (row === null) {
        const words = headingWords(candidates[ni].title);
        row = [];
        for (let si = 0; si < keys.length; si++) row.push(keySimilarity(keys[si], words));
        sims[ni] = row;
      }
      return row;
    };
    const take = (pairs: { n: number; s: number; score: number }[]) => {
      pairs.sort((a, b) => b.score - a.score || a.n - b.n || a.s - b.s);
      for (const p of pairs) {
        const node = candidates[p.n];
        if (nodeTaken.has(node) || secTaken.has(p.s)) continue;
        nodeTaken.add(node);
        secTaken.add(p.s);
        matched.set(node, sections[p.s]);
        nodeOf.set(sections[p.s], node);
      }
    };
    // the sections of each kind and number, in order: a heading's numbered sections are looked up, not searched
    // (a long list, the 2030 targets (1)…(24), would otherwise cost every pair)
    const byNumber = new Map<string, number[]>();
    for (let si = 0; si < sections.length; si++) {
      const ns = nums[si];
      if (!ns) continue;
      const k = `${sections[si].kind}:${ns.join('.')}`;
      const list = byNumber.get(k);
      if (list) list.push(si);
      else byNumber.set(k, [si]);
    }
    const numbered = (ni: number): number[] => byNumber.get(`${candidates[ni].kind}:${candidates[ni].numbers.join('.')}`) ?? NONE;
    // 1. number + agreeing title
    let pairs: { n: number; s: number; score: number }[] = [];
    for (let ni = 0; ni < candidates.length; ni++) {
      for (const si of numbered(ni)) {
        const row = sims[ni];
        const sim = row !== null ? row[si] : pairSimilarity(keys[si], candidates[ni].title);
        if (sim === null || sim >= AGREE) pairs.push({ n: ni, s: si, score: 2 + (sim ?? 0.5) });
      }
    }
    take(pairs);
    // 2. title alone
    pairs = [];
    for (let ni = 0; ni < candidates.length; ni++) {
      if (nodeTaken.has(candidates[ni])) continue;
      for (let si = 0; si < sections.length; si++) {
        if (secTaken.has(si)) continue;
        const sim = simRow(ni)[si];
        if (sim !== null && sim >= STRONG && kindsCompatible(candidates[ni], sections[si], nums[si])) {
          pairs.push({ n: ni, s: si, score: sim });
        }
      }
    }
    take(pairs);
    // 3. number alone, unless the title clearly belongs to another section
    pairs = [];
    for (let ni = 0; ni < candidates.length; ni++) {
      if (nodeTaken.has(candidates[ni])) continue;
      for (const si of numbered(ni)) {
        if (secTaken.has(si)) continue;
        const elsewhere = simRow(ni).some((x, k) => k !== si && x !== null && x >= STRONG);
        if (!elsewhere) pairs.push({ n: ni, s: si, score: 1 });
      }
    }
    take(pairs);

    // order: matched headings in document order should follow the template order
    const seqNodes: OutlineNode[] = [];
    const seq: number[] = [];
    for (const n of candidates) {
      const s = matched.get(n);
      if (s && nodeTaken.has(n)) {
        seqNodes.push(n);
        seq.push(sections.indexOf(s));
      }
    }
    const keep = lisIndices(seq);
    for (let k = 0; k < seq.length; k++) {
      if (keep.has(k)) continue;
      const n = seqNodes[k];
      outOfOrder.push(n);
      let before: OutlineNode | undefined;
      let after: OutlineNode | undefined;
      for (let j = 0; j < seq.length; j++) {
        if (!keep.has(j)) continue;
        if (seq[j] > seq[k] && (!before || seq[j] < sections.indexOf(matched.get(before)!))) before = seqNodes[j];
        if (seq[j] < seq[k] && (!after || seq[j] > sections.indexOf(matched.get(after)!))) after = seqNodes[j];
      }
      orderHint.set(n, before ? { before } : { after });
    }

    // unexpected headings: only where the template is prescriptive
    const closed = extra === false || (extra === undefined && sections.some((s) => s.required !== false));
    if (closed) {
      for (const n of candidates) {
        if (nodeTaken.has(n) || n.kind === 'markdown') continue;
        const fits = sections.some(
          (s, si) => s.kind === n.kind && (s.kind !== 'decimal' || !nums[si] || nums[si]!.length === n.numbers.length),
        );
        if (fits) unexpected.push(n);
      }
    }

    // missing sections and their insertion points
    for (let si = 0; si < sections.length; si++) {
      const s = sections[si];
      if (secTaken.has(si) || s.required === false) continue;
      let insertAt = -1;
      for (let j = si - 1; j >= 0 && insertAt < 0; j--) {
        const n = nodeOf.get(sections[j]);
        if (n && nodeTaken.has(n)) insertAt = n.sectionEnd;
      }
      for (let j = si + 1; j < sections.length && insertAt < 0; j++) {
        const n = nodeOf.get(sections[j]);
        if (n && nodeTaken.has(n)) insertAt = n.lineStart;
      }
      if (insertAt < 0) insertAt = parentNode ? parentNode.sectionEnd : textEnd;
      missing.push({ section: s, parent: parentNode, parentSection, insertAt });
    }

    // recurse into matched sections
    for (const n of candidates) {
      if (!nodeTaken.has(n)) continue;
      const s = matched.get(n)!;
      n.templateId = s.id;
      if (s.children?.length) level(s.children, n.children, n, s, s.extra);
    }
  };
  level(def.sections, roots, null, null, def.extra);

  // interval index for periodAt / sectionAt
  const entries = [...matched.keys()].sort((a, b) => a.lineStart - b.lineStart || a.depth - b.depth);
  const parentIdx: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    while (stack.length && entries[stack[stack.length - 1]].sectionEnd <= entries[i].lineStart) stack.pop();
    parentIdx.push(stack.length ? stack[stack.length - 1] : -1);
    stack.push(i);
  }
  const innermost = (off: number): number => {
    let lo = 0;
    let hi = entries.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (entries[mid].lineStart <= off) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    while (idx >= 0 && entries[idx].sectionEnd <= off) idx = parentIdx[idx];
    return idx;
  };

  return {
    name: def.name,
    def,
    matched,
    nodeOf,
    missing,
    unexpected,
    outOfOrder,
    orderHint,
    parentOf,
    periodAt(off: number): Period | null {
      const i = innermost(off);
      if (i < 0) return null;
      const p = periodOf.get(matched.get(entries[i])!);
      return p ? { ...p } : null;
    },
    sectionAt(off: number) {
      const i = innermost(off);
      return i < 0 ? null : { node: entries[i], section: matched.get(entries[i])! };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Templates from a reference document

function shortTitle(title: string): string {
  // the key words of a long heading are enough for lenient matching
  const words = title.split(/\s+/).filter(Boolean);
  return words.length > 14 ? words.slice(0, 14).join(' ') : title.trim();
}

/** True when the (n) items under a heading's child groups run on across the groups ((1)–(3), (4)–(6), …). */
export function continuesAcrossGroups(node: OutlineNode): boolean {
  let last = 0;
  let groups = 0;
  let continued = false;
  for (const c of node.children) {
    const items = c.children.filter((x) => x.kind === 'paren');
    if (items.length === 0) continue;
    const first = items[0].numbers[0];
    if (groups > 0) {
      if (first === last + 1 && first !== 1) continued = true;
      else return false;
    }
    last = items[items.length - 1].numbers[0];
    groups++;
  }
  return continued;
}

/**
 * A template built from a reference document's outline (e.g. a resolution or last term's report): its parts,
 * roman and decimal sections (and Markdown headings) with their titles; (n) and a) items are content, not
 * structure. The top two levels are required.
 */
export function templateFromOutline(roots: OutlineNode[], name: string): TemplateDef {
  const used = new Set<string>();
  const conv = (n: OutlineNode, parentId: string, depth: number): SectionDef | null => {
    if (n.kind === 'paren' || n.kind === 'letter') return null;
    const number = nodeNumber(n) || undefined;
    const own = number ?? (fold(n.title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30) || 'section');
    let id = parentId ? `${parentId}/${own}` : own;
    for (let k = 2; used.has(id); k++) id = `${parentId ? parentId + '/' : ''}${own}-${k}`;
    used.add(id);
    const s: SectionDef = { id, kind: n.kind, required: depth <= 1 };
    if (number) s.number = number;
    if (n.title.trim()) s.title = shortTitle(n.title);
    const children = n.children.map((c) => conv(c, id, depth + 1)).filter((c): c is SectionDef => c !== null);
    if (children.length) s.children = children;
    if (continuesAcrossGroups(n)) s.continuous = true;
    return s;
  };
  const sections = roots.map((r) => conv(r, '', 0)).filter((c): c is SectionDef => c !== null);
  return { name, sections };
}
