// Outline, template and structure/format rules on the real draft in ../shared/corpus (skipped when absent).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextView, fold } from '../../server/src/core/text';
import { parseOutline, flattenOutline } from '../../server/src/core/outline';
import { builtinTemplates, selectTemplate } from '../../server/src/core/template/builtin';
import { applyTemplate } from '../../server/src/core/template/apply';
import { lint } from '../../server/src/core/lint';
import { allRules } from '../../server/src/core/rules/index';
import type { OutlineNode } from '../../server/src/core/types';

const corpusFile = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'du-thao-bao-cao-chinh-tri-quang-ninh-2025.txt');
const exists = existsSync(corpusFile);
const skip = !exists;

let cache: { original: string; view: TextView; roots: OutlineNode[]; headings: OutlineNode[] } | undefined;
function load() {
  if (!cache) {
    const original = readFileSync(corpusFile, 'utf8');
    const view = new TextView(original);
    cache = { original, view, ...parseOutline(view) };
  }
  return cache;
}

const markers = (ns: OutlineNode[]) => ns.map((n) => n.marker);

describe('outline of the corpus', () => {
  test('two parts; part one I–III, part two I–VI', { skip }, () => {
    const { roots } = load();
    assert.equal(roots.length, 2);
    assert.deepEqual(roots.map((r) => [r.kind, r.numbers[0]]), [
      ['part', 1],
      ['part', 2],
    ]);
    assert.match(fold(roots[0].title), /^ket qua thuc hien nghi quyet/);
    assert.match(fold(roots[1].title), /^quan diem, muc tieu/);
    assert.deepEqual(markers(roots[0].children), ['I', 'II', 'III']);
    assert.deepEqual(markers(roots[1].children), ['I', 'II', 'III', 'IV', 'V', 'VI']);
    for (const r of roots) for (const c of r.children) assert.equal(c.kind, 'roman');
  });

  test('every heading is a tree node; section ends nest', { skip }, () => {
    const { roots, headings, view } = load();
    assert.deepEqual(flattenOutline(roots), headings);
    for (const h of headings) {
      assert.ok(h.sectionEnd > h.lineStart && h.sectionEnd <= view.text.length);
      for (const c of h.children) assert.ok(c.lineStart > h.lineStart && c.sectionEnd <= h.sectionEnd);
    }
  });

  test('the sloppy "4.1 " marker is found next to "4.2."', { skip }, () => {
    const { headings } = load();
    const sloppy = headings.filter((h) => h.kind === 'decimal' && h.punct === '');
    assert.equal(sloppy.length, 1);
    assert.equal(sloppy[0].marker, '4.1');
    assert.equal(sloppy[0].inlineBody, true);
    assert.match(fold(sloppy[0].title), /^nguyen nhan khach quan$/);
    const siblings = headings.find((h) => h.children.includes(sloppy[0]))!.children;
    assert.deepEqual(markers(siblings), ['4.1', '4.2']);
    assert.equal(siblings[1].punct, '.');
  });

  test('targets (1)…(24) run continuously through the groups 2.1–2.4', { skip }, () => {
    const { roots } = load();
    const goals = roots[1].children[2];
    const targets = goals.children.find((c) => c.marker === '2')!;
    assert.deepEqual(markers(targets.children), ['2.1', '2.2', '2.3', '2.4']);
    const items = targets.children.flatMap((g) => g.children);
    assert.ok(items.every((i) => i.kind === 'paren'));
    assert.deepEqual(
      items.map((i) => i.numbers[0]),
      Array.from({ length: 24 }, (_, k) => k + 1),
    );
    for (const g of targets.children) assert.ok(g.children.length > 0 && g.children[0].numbers[0] > 0);
  });

  test('the heading after a Word bookmark is found', { skip }, () => {
    const { headings, view } = load();
    const bookmarked = headings.filter((h) => view.text.slice(h.lineStart, h.markerStart).includes('[bookmark:'));
    const party = bookmarked.find((h) => h.kind === 'decimal' && h.marker === '2.1' && fold(h.title) === 've xay dung dang');
    assert.ok(party, 'the bookmarked 2.1 heading');
    assert.equal(view.text.slice(party.markerStart, party.markerEnd), '2.1.');
    // the first target right after another bookmark
    assert.ok(bookmarked.some((h) => h.kind === 'paren' && h.numbers[0] === 1));
  });

  test('decomposed (NFD) lines are parsed like the others', { skip }, () => {
    const { original, view, headings } = load();
    const lines = original.split('\n');
    const nfdHeadingLines = lines
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => l !== l.normalize('NFC') && /^(\d+(\.\d+)*\.|\(\d+\)) /.test(l))
      .map(({ i }) => i);
    assert.ok(nfdHeadingLines.length >= 2, 'the corpus has NFD heading lines');
    for (const i of nfdHeadingLines) {
      const h = headings.find((x) => x.line === i);
      assert.ok(h, `heading on NFD line ${i + 1}`);
      assert.equal(h.title, h.title.normalize('NFC'));
      assert.equal(view.text.slice(h.titleStart, h.titleEnd), h.title);
    }
  });

  test('parseOutline takes about a millisecond and is linear', { skip }, () => {
    const { view } = load();
    for (let i = 0; i < 20; i++) parseOutline(view);
    const runs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      parseOutline(view);
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    const median = runs[15];
    assert.ok(median < 10, `median ${median.toFixed(2)} ms`);
    const big = new TextView(view.text.repeat(20));
    parseOutline(big);
    const t0 = performance.now();
    const { headings } = parseOutline(big);
    const bigMs = performance.now() - t0;
    assert.equal(headings.length, load().headings.length * 20);
    assert.ok(bigMs < Math.max(200, median * 20 * 8), `20× text took ${bigMs.toFixed(1)} ms`);
  });
});

describe('the built-in template on the corpus', () => {
  test('is selected from the title and fits without complaints', { skip }, () => {
    const { view, roots, headings } = load();
    const name = selectTemplate(view, roots);
    assert.equal(name, 'vn-provincial-political-report');
    const applied = applyTemplate(builtinTemplates[name], roots, view);
    assert.deepEqual(applied.missing, []);
    assert.deepEqual(applied.unexpected, []);
    assert.deepEqual(applied.outOfOrder, []);
    for (const r of roots) for (const c of r.children) assert.ok(applied.matched.has(c), `${c.marker} matched`);
    const at = (marker: string, part: number) => headings.find((h) => h.marker === marker && roots[part].children.includes(h))!;
    assert.deepEqual(applied.periodAt(at('II', 0).titleStart), { from: 2021, to: 2025 });
    const targets = roots[1].children[2].children[1];
    assert.equal(applied.matched.get(targets)?.continuous, true);
    assert.deepEqual(applied.periodAt(targets.children[1].children[0].titleStart), { from: 2026, to: 2030 });
    assert.equal(applied.periodAt(0), null);
  });
});

describe('structure/ and format/ rules on the corpus', () => {
  const mine = allRules.filter((r) => r.id.startsWith('structure/') || r.id.startsWith('format/'));
  let result: ReturnType<typeof lint> | undefined;
  const run = () => (result ??= lint(load().original, { ruleSet: mine }));
  const of = (rule: string) => run().findings.filter((f) => f.rule === rule);
  const lineOf = (offset: number) => run().view.positionAt(offset).line;

  test('the template was chosen automatically', { skip }, () => {
    assert.deepEqual(run().template, { name: 'vn-provincial-political-report', auto: true });
  });

  test('numbering-style: only the "4.1 " among "4.x." siblings', { skip }, () => {
    const found = of('structure/numbering-style');
    assert.equal(found.length, 1);
    const sloppy = load().headings.find((h) => h.kind === 'decimal' && h.punct === '')!;
    assert.equal(lineOf(found[0].start), sloppy.line);
    assert.equal(found[0].fixes?.[0].edits[0].newText, '4.1.');
  });

  test('heading-case: exactly the roman headings written in lower case', { skip }, () => {
    const { headings } = load();
    const lowerRomans = headings
      .filter((h) => h.kind === 'roman' && /^\p{Ll}/u.test(h.title))
      .map((h) => h.line)
      .sort((a, b) => a - b);
    assert.equal(lowerRomans.length, 2);
    assert.deepEqual(
      of('structure/heading-case').map((f) => lineOf(f.start)),
      lowerRomans,
    );
    for (const f of of('structure/heading-case')) {
      const text = f.fixes![0].edits[0].newText;
      assert.equal(text, text.toUpperCase());
    }
  });

  test('no numbering, missing, unexpected or order findings', { skip }, () => {
    for (const id of ['structure/numbering', 'structure/missing-section', 'structure/unexpected-section', 'structure/section-order']) {
      assert.deepEqual(
        of(id).map((f) => f.message.en),
        [],
        id,
      );
    }
  });

  test('format/artifact: one finding per Word bookmark, nothing else', { skip }, () => {
    const { original } = load();
    const bookmarks: number[] = [];
    for (let i = original.indexOf('[bookmark:'); i >= 0; i = original.indexOf('[bookmark:', i + 1)) bookmarks.push(i);
    assert.ok(bookmarks.length > 0);
    assert.deepEqual(
      of('format/artifact').map((f) => f.start),
      bookmarks,
    );
  });

  test('format/quotes: the unmatched closing quotes of the one unbalanced line', { skip }, () => {
    const { original } = load();
    const lines = original.split('\n');
    const unbalanced = lines
      .map((l, i) => ({ i, open: l.split('“').length - 1, close: l.split('”').length - 1 }))
      .filter((x) => x.open !== x.close);
    assert.equal(unbalanced.length, 1);
    const found = of('format/quotes');
    assert.equal(found.length, unbalanced[0].close - unbalanced[0].open);
    for (const f of found) {
      assert.equal(lineOf(f.start), unbalanced[0].i);
      assert.equal(original[f.start], '”');
    }
  });
});
