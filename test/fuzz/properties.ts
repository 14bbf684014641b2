/**
 * The invariants the property tests check, one function per target; shared with the regression replays
 * (test/fuzz/regressions/), which run them on every input a fuzz run once failed on.
 */
import assert from 'node:assert/strict';
import { TextView, computeLineStarts, fold, isWordChar, toneKey } from '../../server/src/core/text';
import type { DataIssue, Indicator } from '../../server/src/core/types';
import { draftlintConfigSchema, parseConfig } from '../../server/src/core/config';
import { parseTemplate, type SectionDef } from '../../server/src/core/template/schema';
import { parseDocumentRegistry } from '../../server/src/core/crosscheck/registry';
import { parseSuppressions } from '../../server/src/core/suppress';
import { extractFigures } from '../../server/src/core/figures';
import { MAX_YEAR, MIN_YEAR, extractPeriods, formatPeriod, parsePeriod } from '../../server/src/core/periods';
import { flattenOutline, parseOutline } from '../../server/src/core/outline';
import { lint } from '../../server/src/core/lint';
import { IndicatorSet } from '../../server/src/core/data/indicators';
import { parseIndicatorFile } from '../../server/src/core/data/parse';
import { cutsCharacter } from './fuzz-util';

function isMark(s: string, i: number): boolean {
  return /\p{M}/u.test(s[i] ?? '');
}

/** NFC offsets where no base+marks cluster or surrogate pair is cut. */
function boundaries(t: string): number[] {
  const out: number[] = [0];
  for (let a = 1; a < t.length; a++) {
    const c = t.charCodeAt(a);
    const p = t.charCodeAt(a - 1);
    if (isMark(t, a)) continue;
    if (c >= 0xdc00 && c <= 0xdfff && p >= 0xd800 && p <= 0xdbff) continue;
    // an astral mark (e.g. U+1D165) is a surrogate pair whose first half is no mark on its own
    if (c >= 0xd800 && c <= 0xdbff && /\p{M}/u.test(t.slice(a, a + 2))) continue;
    out.push(a);
  }
  if (t.length > 0) out.push(t.length);
  return out;
}

export function checkTextView(original: string): void {
  const v = new TextView(original);
  const t = v.text;
  assert.equal(t, original.normalize('NFC'), 'the view is the NFC text');
  assert.equal(v.toOriginal(0), 0);
  assert.equal(v.toOriginal(t.length), original.length);
  let prev = 0;
  for (let a = 0; a <= t.length; a++) {
    const o = v.toOriginal(a);
    assert.ok(Number.isInteger(o) && o >= 0 && o <= original.length, `toOriginal(${a}) = ${o} outside [0, ${original.length}]`);
    assert.ok(o >= prev, `toOriginal is not monotonic at ${a}: ${o} < ${prev}`);
    prev = o;
  }
  const bs = boundaries(t);
  for (const a of bs) {
    assert.equal(v.toNfc(v.toOriginal(a)), a, `toNfc(toOriginal(${a})) round trip`);
  }
  // every pair of boundaries (all of them for short texts, a sample for long ones)
  const step = Math.max(1, Math.floor(bs.length / 25));
  for (let i = 0; i < bs.length; i += step) {
    for (let j = i; j < bs.length; j += step) {
      const a = bs[i];
      const b = bs[j];
      const back = original.slice(v.toOriginal(a), v.toOriginal(b)).normalize('NFC');
      assert.equal(back, t.slice(a, b), `slice [${a}, ${b}) does not map back`);
    }
  }
  // lines: the same count in both texts; positions round-trip outside CRLF pairs
  assert.equal(v.lineCount, computeLineStarts(original).length);
  for (let o = 0; o <= original.length; o++) {
    if (o > 0 && original.charCodeAt(o - 1) === 13 && original.charCodeAt(o) === 10) continue;
    const pos = v.positionAt(o);
    assert.equal(v.offsetAt(pos), o, `offsetAt(positionAt(${o}))`);
  }
  for (let i = 0; i < v.lineCount; i++) {
    const { start, text } = v.nfcLine(i);
    assert.ok(!/[\r\n]/.test(text), 'nfcLine has no line break');
    assert.equal(v.nfcLineOf(start), i);
  }
}



// ---------------------------------------------------------------------------------------------------------
// figures and periods

export function checkFigures(s: string): void {
  const figs = extractFigures(s);
  let prevStart = -1;
  let prevEnd = 0;
  for (const f of figs) {
    const where = `figure ${JSON.stringify(f.text)} [${f.start}, ${f.end})`;
    assert.ok(f.start >= 0 && f.end <= s.length, `${where} outside the text`);
    assert.ok(f.start <= f.numStart && f.numStart < f.numEnd && f.numEnd <= f.end, `${where}: number [${f.numStart}, ${f.numEnd}) not inside`);
    assert.equal(f.text, s.slice(f.start, f.end), `${where}: text is not the slice`);
    assert.ok(/^[0-9]/.test(s.slice(f.numStart, f.numEnd)), `${where}: number part does not start with a digit`);
    assert.ok(f.start >= prevStart, `${where}: not sorted by start`);
    assert.ok(f.numStart >= prevEnd, `${where}: overlaps the figure before`);
    assert.ok(Number.isFinite(f.lo) && Number.isFinite(f.hi) && f.lo <= f.hi, `${where}: lo ${f.lo} hi ${f.hi}`);
    assert.ok(Number.isInteger(f.decimals) && f.decimals >= 0, `${where}: decimals ${f.decimals}`);
    if (f.pair) assert.ok(Number.isFinite(f.pair.lo) && Number.isFinite(f.pair.hi), `${where}: pair`);
    prevStart = f.start;
    prevEnd = f.end;
  }
}

export function checkPeriods(s: string): void {
  const ps = extractPeriods(s);
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    const where = `period ${JSON.stringify(p.text)} [${p.start}, ${p.end})`;
    assert.ok(p.start >= 0 && p.start < p.end && p.end <= s.length, `${where} outside the text`);
    assert.equal(p.text, s.slice(p.start, p.end), `${where}: text is not the slice`);
    if (i > 0) assert.ok(ps[i - 1].start <= p.start, `${where}: not sorted`);
    if (p.period) {
      assert.ok(p.period.from >= MIN_YEAR && p.period.to <= MAX_YEAR && p.period.from <= p.period.to, `${where}: ${JSON.stringify(p.period)}`);
    } else {
      assert.ok(p.relative === 'term' || p.relative === 'annual', `${where}: neither a period nor relative`);
    }
  }
  // parsePeriod and formatPeriod agree on what they accept
  for (const p of ps) {
    if (!p.period) continue;
    assert.deepEqual(parsePeriod(formatPeriod(p.period)), p.period);
  }
}

// ---------------------------------------------------------------------------------------------------------
// outline

export function checkOutline(original: string): void {
  const view = new TextView(original);
  const text = view.text;
  const { roots, headings } = parseOutline(view);
  assert.deepEqual(
    flattenOutline(roots).map((h) => h.lineStart),
    headings.map((h) => h.lineStart),
    'headings are the tree in document order',
  );
  assert.equal(flattenOutline(roots).length, headings.length);
  let prevLine = -1;
  for (const h of headings) {
    const where = `heading ${JSON.stringify(h.marker)} ${JSON.stringify(h.title)} on line ${h.line}`;
    assert.ok(h.line > prevLine, `${where}: lines not increasing`);
    prevLine = h.line;
    assert.equal(view.nfcLineOf(h.lineStart), h.line, `${where}: line number`);
    assert.equal(view.nfcLine(h.line).start, h.lineStart, `${where}: lineStart`);
    assert.ok(h.lineStart <= h.markerStart && h.markerStart <= h.markerEnd, `${where}: marker [${h.markerStart}, ${h.markerEnd})`);
    assert.ok(h.markerEnd <= h.titleStart || h.kind === 'markdown', `${where}: title starts inside the marker`);
    assert.ok(h.titleStart <= h.titleEnd && h.titleEnd <= text.length, `${where}: title [${h.titleStart}, ${h.titleEnd})`);
    assert.ok(h.lineEnd <= text.length && h.lineStart <= h.lineEnd, `${where}: line [${h.lineStart}, ${h.lineEnd})`);
    assert.ok(h.sectionEnd >= h.lineStart && h.sectionEnd <= text.length, `${where}: sectionEnd ${h.sectionEnd}`);
    const sameLine = !/[\r\n]/.test(text.slice(h.lineStart, h.titleEnd));
    if (sameLine) assert.equal(h.title, text.slice(h.titleStart, h.titleEnd), `${where}: title is not the slice`);
    assert.ok(!/[\r\n]/.test(h.title), `${where}: title has a line break`);
    for (const c of h.children) {
      assert.equal(c.depth, h.depth + 1, `${where}: child depth`);
      assert.ok(c.lineStart > h.lineStart && c.sectionEnd <= h.sectionEnd, `${where}: child outside the section`);
    }
  }
  for (const r of roots) assert.equal(r.depth, 0);
}


// ---------------------------------------------------------------------------------------------------------
// lint, end to end

export interface LintCase {
  text: string;
  /** indicator data as CSV (absent: no data) */
  csv?: string;
  /** the built-in template forced on (true), off (false) or automatic (absent) */
  template?: boolean;
  /** a template file (YAML) to apply instead, when it parses */
  templateYaml?: string;
  terms?: Record<string, string>;
  cheapOnlyAbove?: number;
}

const dataCache = new Map<string, IndicatorSet>();
function dataOf(csv: string | undefined): IndicatorSet | undefined {
  if (csv === undefined) return undefined;
  let d = dataCache.get(csv);
  if (!d) {
    d = IndicatorSet.from(parseIndicatorFile(csv, 'mem://data.csv').indicators);
    if (dataCache.size > 50) dataCache.clear();
    dataCache.set(csv, d);
  }
  return d;
}

function checkRange(s: string, start: number, end: number, where: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${where}: offsets ${start}, ${end} are not integers`);
  assert.ok(start >= 0 && start <= end && end <= s.length, `${where}: [${start}, ${end}) outside [0, ${s.length}]`);
}

export function checkLint(c: LintCase): void {
  const s = c.text;
  const result = lint(s, {
    uri: 'mem://draft.md',
    data: dataOf(c.csv),
    template:
      (c.templateYaml !== undefined ? parseTemplate(c.templateYaml, 'mem://t.yaml', 'yaml').template : undefined) ??
      (c.template === undefined ? undefined : c.template ? 'vn-provincial-political-report' : null),
    options: c.terms ? { terms: c.terms } : {},
    cheapOnlyAbove: c.cheapOnlyAbove,
  });
  let prev: { start: number; end: number; rule: string } | undefined;
  for (const f of result.findings) {
    const where = `${f.rule} [${f.start}, ${f.end}) ${JSON.stringify(s.slice(f.start, f.end).slice(0, 40))}`;
    assert.ok(!/failed internally/.test(f.message.en), `${where}: ${f.message.en}`);
    checkRange(s, f.start, f.end, where);
    for (const at of [f.start, f.end]) {
      const bad = cutsCharacter(s, at);
      // a zero-width finding at a lone surrogate or a control character may sit anywhere; ranges may not cut pairs
      assert.equal(bad, null, `${where}: ${bad} at ${at}`);
    }
    assert.ok(f.message.vi.length > 0 && f.message.en.length > 0, `${where}: empty message`);
    assert.ok(['error', 'warning', 'info'].includes(f.severity), `${where}: severity ${f.severity}`);
    if (prev) {
      assert.ok(prev.start < f.start || (prev.start === f.start && prev.end <= f.end), `${where}: findings not sorted`);
    }
    prev = f;
    for (const r of f.related ?? []) {
      if (!r.uri) checkRange(s, r.start, r.end, `${where} related`);
    }
    for (const fx of f.fixes ?? []) {
      const edits = [...fx.edits].sort((a, b) => a.start - b.start);
      for (let k = 0; k < edits.length; k++) {
        const e = edits[k];
        checkRange(s, e.start, e.end, `${where} fix "${fx.title.en}"`);
        assert.equal(cutsCharacter(s, e.start), null, `${where} fix edit start cuts a pair`);
        assert.equal(cutsCharacter(s, e.end), null, `${where} fix edit end cuts a pair`);
        if (k > 0) assert.ok(edits[k - 1].end <= e.start, `${where} fix "${fx.title.en}": edits overlap`);
      }
    }
  }
  for (const r of result.figures) {
    checkRange(s, r.start, r.end, `figure ${JSON.stringify(r.text)}`);
    // the range holds the figure as written (compared in NFC: the report's text is NFC), plus at most the stray
    // marks glued to its last letter
    const held = s.slice(r.start, r.end).normalize('NFC');
    assert.ok(held.startsWith(r.text) && /^\p{M}*$/u.test(held.slice(r.text.length)), `figure ${JSON.stringify(r.text)}: range holds ${JSON.stringify(held)}`);
    assert.equal(cutsCharacter(s, r.start), null, `figure ${JSON.stringify(r.text)} start`);
    assert.equal(cutsCharacter(s, r.end), null, `figure ${JSON.stringify(r.text)} end`);
  }
  for (const h of result.headings) {
    const o = result.view.toOriginal(h.markerStart);
    checkRange(s, o, result.view.toOriginal(h.titleEnd), `heading ${h.marker}`);
  }
}


// ---------------------------------------------------------------------------------------------------------
// indicators: mentions and completion

export interface IndicatorCase {
  /** names and aliases of each indicator (first = name) */
  indicators: string[][];
  text: string;
  query: string;
}

export function indicatorsOf(lists: string[][]): Indicator[] {
  return lists
    .filter((l) => l.length > 0 && l[0].trim() !== '')
    .map((names, i) => ({ id: `ind_${i}`, name: names[0], aliases: names.slice(1), unit: '%', values: [], uri: 'mem://x.csv', line: i + 1 }));
}

export function checkIndicators(c: IndicatorCase): void {
  const inds = indicatorsOf(c.indicators);
  const set = IndicatorSet.from(inds);
  const text = c.text.normalize('NFC');
  const ms = set.findMentions(text);
  let prevEnd = 0;
  for (const m of ms) {
    const where = `mention ${JSON.stringify(text.slice(m.start, m.end))} [${m.start}, ${m.end}) of ${m.indicator.id}`;
    assert.ok(m.start >= prevEnd, `${where}: overlaps or is out of order`);
    assert.ok(m.start < m.end && m.end <= text.length, `${where}: outside the text`);
    assert.ok(!isWordChar(text[m.start - 1]), `${where}: glued to a word before`);
    assert.ok(!isWordChar(text[m.end]), `${where}: glued to a word after`);
    assert.ok([m.indicator.name, ...m.indicator.aliases].includes(m.alias), `${where}: alias ${m.alias} is not one of its names`);
    prevEnd = m.end;
  }
  // a name written alone is found, unless another indicator has the same words
  for (const ind of inds) {
    for (const name of [ind.name, ...ind.aliases]) {
      // names are compared by their words (punctuation between words aside): the same words are ambiguous
      const words = (a: string) => toneKey(a.normalize('NFC')).split(/[^\p{L}\p{M}\p{N}_]+/u).filter(Boolean).join(' ');
      const key = words(name);
      if (!key) continue;
      const owners = inds.filter((o) => [o.name, ...o.aliases].some((a) => words(a) === key));
      if (owners.length !== 1) continue;
      const alone = `; ${name.normalize('NFC').trim()} .`;
      const found = set.findMentions(alone);
      assert.ok(found.length >= 1, `${JSON.stringify(name)} written alone is not found`);
    }
  }
  // completion: a bounded, sorted list, one hit per indicator, and a name finds its own indicator
  const hits = set.complete(c.query, 5);
  assert.ok(hits.length <= 5);
  const seen = new Set<string>();
  for (let i = 0; i < hits.length; i++) {
    assert.ok(!seen.has(hits[i].indicator.id), 'one hit per indicator');
    seen.add(hits[i].indicator.id);
    if (i > 0) assert.ok(hits[i - 1].score >= hits[i].score, 'hits sorted by score');
    assert.ok(Number.isFinite(hits[i].score));
  }
  for (const ind of inds) {
    const all = set.complete(ind.name, 1000);
    if (fold(ind.name).replace(/[^\p{L}\p{N}]/gu, '') === '') continue;
    assert.ok(all.some((h) => h.indicator.id === ind.id || h.label === ind.name), `complete(${JSON.stringify(ind.name)}) misses its indicator`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// data, config and template files

export interface FileCase {
  text: string;
  format: 'csv' | 'json' | 'yaml';
}

function lineCount(text: string): number {
  return computeLineStarts(text).length;
}

function checkIssues(issues: DataIssue[], text: string, uri: string): void {
  const lines = lineCount(text);
  for (const i of issues) {
    const where = `issue "${i.message.en}" at line ${i.line}`;
    assert.equal(i.uri, uri, `${where}: uri`);
    assert.ok(Number.isInteger(i.line) && i.line >= 0 && i.line < lines, `${where}: line outside the file (${lines} lines)`);
    if (i.column !== undefined) assert.ok(Number.isInteger(i.column) && i.column >= 0, `${where}: column ${i.column}`);
    assert.ok(i.severity === 'error' || i.severity === 'warning');
    assert.ok(i.message.vi && i.message.en, `${where}: message`);
  }
}

export function checkIndicatorFile(c: FileCase): void {
  const uri = `mem://data.${c.format}`;
  const { indicators, issues } = parseIndicatorFile(c.text, uri);
  checkIssues(issues, c.text, uri);
  const lines = lineCount(c.text);
  for (const ind of indicators) {
    assert.ok(ind.id && !/\s/.test(ind.id), `id ${JSON.stringify(ind.id)}`);
    assert.ok(ind.name.length > 0, `${ind.id}: empty name`);
    assert.ok(ind.line >= 0 && ind.line < lines, `${ind.id}: line ${ind.line}`);
    for (const v of ind.values) {
      assert.ok(Number.isFinite(v.lo) && Number.isFinite(v.hi) && v.lo <= v.hi, `${ind.id}: value ${v.lo}..${v.hi}`);
      assert.ok(v.period.from <= v.period.to, `${ind.id}: period`);
      assert.ok(v.line >= 0 && v.line < lines, `${ind.id}: value line ${v.line}`);
    }
  }
  // the same file through the format sniffer (no extension) does not throw either
  checkIssues(parseIndicatorFile(c.text, 'mem://data').issues, c.text, 'mem://data');
}

/** The document registry (citation/ rules) reads the same three formats. */
export function checkRegistryFile(c: FileCase): void {
  const uri = `mem://documents.${c.format}`;
  const { issues } = parseDocumentRegistry(c.text, uri);
  checkIssues(issues, c.text, uri);
}

export function checkConfigFile(text: string): void {
  const uri = 'mem://draftlint.json';
  const { config, issues } = parseConfig(text, uri);
  checkIssues(issues, text.replace(/^\uFEFF/, ''), uri);
  if (config) assert.ok(draftlintConfigSchema().safeParse(config).success, 'the returned config is valid');
  if (!config) assert.ok(issues.some((i) => i.severity === 'error'), 'no config without an error');
}

export function checkTemplateFile(c: FileCase): void {
  const fmt = c.format === 'csv' ? 'yaml' : c.format;
  const uri = `mem://template.${fmt}`;
  const { template, issues } = parseTemplate(c.text, uri, fmt);
  checkIssues(issues, c.text.replace(/^\uFEFF/, ''), uri);
  if (template) {
    assert.ok(template.name.length > 0);
    assert.ok(!issues.some((i) => i.severity === 'error'), 'a template comes back only without errors');
    const ids = new Set<string>();
    const walk = (ss: SectionDef[]) => {
      for (const sct of ss) {
        assert.ok(sct.id && !ids.has(sct.id), `section id ${sct.id} unique`);
        ids.add(sct.id);
        walk(sct.children ?? []);
      }
    };
    walk(template.sections);
  } else {
    assert.ok(issues.some((i) => i.severity === 'error'), 'no template without an error');
  }
}


// ---------------------------------------------------------------------------------------------------------
// suppressions: the indexed lookups answer as the plain scan of every span did

/** The original, plainly quadratic algorithm of suppress.ts, kept as the reference. */
function referenceSuppressed(text: string): (ruleId: string, offset: number) => boolean {
  const parseRules = (x: string): string[] | null => {
    const body = x.split(/\s--\s|\s--$/)[0].trim();
    if (!body) return null;
    const rules = body.split(/[\s,]+/).map((r) => r.trim()).filter(Boolean);
    return rules.length ? rules : null;
  };
  const matches = (rules: string[] | null, id: string) => !rules || rules.some((r) => r === id || (r.endsWith('/*') && id.startsWith(r.slice(0, -1))));
  const nextLineBreak = (from: number) => {
    const n = text.indexOf('\n', from);
    return n < 0 ? text.length : n;
  };
  const lineStart = (at: number) => {
    const n = text.lastIndexOf('\n', at - 1);
    return n < 0 ? 0 : n + 1;
  };
  const spans: { rules: string[] | null; start: number; end: number }[] = [];
  const open: { rules: string[] | null; start: number }[] = [];
  let i = text.indexOf('<!--');
  while (i >= 0) {
    const close = text.indexOf('-->', i + 4);
    if (close < 0) break;
    const inner = text.slice(i + 4, close).trim();
    const m = /^draftlint-(disable-next-line|disable-line|disable|enable)\b/.exec(inner);
    if (m) {
      const rules = parseRules(inner.slice(m[0].length));
      if (m[1] === 'disable-line') spans.push({ rules, start: lineStart(i), end: nextLineBreak(close) });
      else if (m[1] === 'disable-next-line') {
        const eol = nextLineBreak(close);
        spans.push({ rules, start: eol, end: nextLineBreak(eol + 1) });
      } else if (m[1] === 'disable') open.push({ rules, start: close + 3 });
      else {
        for (let k = open.length - 1; k >= 0; k--) {
          const o = open[k];
          if (!rules || (o.rules && rules.every((r) => o.rules!.includes(r))) || !o.rules) {
            spans.push({ rules: o.rules, start: o.start, end: i });
            open.splice(k, 1);
          }
        }
      }
    }
    i = text.indexOf('<!--', close + 3);
  }
  for (const o of open) spans.push({ rules: o.rules, start: o.start, end: text.length });
  return (id, offset) => spans.some((s) => offset >= s.start && offset <= s.end && matches(s.rules, id));
}

export const SUPPRESS_RULES = ['format/quotes', 'format/artifact', 'terms/variant', 'figures/canonical-mismatch', 'x'];

export function checkSuppressions(text: string): void {
  const fast = parseSuppressions(text);
  const slow = referenceSuppressed(text);
  for (const id of SUPPRESS_RULES) {
    for (let off = 0; off <= text.length; off++) {
      assert.equal(fast.isSuppressed(id, off), slow(id, off), `isSuppressed(${id}, ${off})`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

/** Invariant checks by target name, for the regression replays (inputs as stored in the JSON files). */
export const CHECKS: Record<string, (input: unknown) => void> = {
  TextView: (input) => checkTextView(input as string),
  extractFigures: (input) => checkFigures(input as string),
  extractPeriods: (input) => checkPeriods(input as string),
  parseOutline: (input) => checkOutline(input as string),
  lint: (input) => checkLint(input as LintCase),
  IndicatorSet: (input) => checkIndicators(input as IndicatorCase),
  parseIndicatorFile: (input) => checkIndicatorFile(input as FileCase),
  parseConfig: (input) => checkConfigFile(input as string),
  parseDocumentRegistry: (input) => checkRegistryFile(input as FileCase),
  parseTemplate: (input) => checkTemplateFile(input as FileCase),
  parseSuppressions: (input) => checkSuppressions(input as string),
};
