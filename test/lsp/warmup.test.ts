/**
 * The lint worker's warm-up draft (warmup.ts) is only useful if it reaches the code paths real drafts reach:
 * every rule must report on it (so every rule's reporting path is compiled before the first real document),
 * with a few declared exceptions, and its pieces must stay small (a real job waits behind one of them).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core/index';
import { allRules } from '../../server/src/core/rules/index';
import { indicatorSetOf } from '../../server/src/lsp/lintjob';
import { warmupChunks, warmupRoundText, warmupText } from '../../server/src/lsp/warmup';

const root = join(__dirname, '..', '..');
const exampleData = () =>
  indicatorSetOf([{ uri: 'file:///example/indicators.csv', text: readFileSync(join(root, 'examples', 'quang-ninh', 'indicators.csv'), 'utf8') }]);

/** rules the warm-up draft cannot make report, and why */
const SILENT: Record<string, string> = {
  'citation/unknown-document': 'needs a registry of the province’s documents in the configuration',
  'arithmetic/share-of-total': 'stays silent when the total is stated more than once, as the warm-up draft does',
};

describe('warm-up draft', () => {
  test('every rule reports on it (but the declared exceptions)', () => {
    const result = lint(warmupText(), { uri: 'untitled:warm-up', data: exampleData() });
    const fired = new Set(result.findings.map((f) => f.rule));
    for (const rule of allRules) {
      if (SILENT[rule.id]) continue;
      assert.ok(fired.has(rule.id), `${rule.id} does not report on the warm-up draft`);
    }
    for (const id of Object.keys(SILENT)) assert.ok(allRules.some((r) => r.id === id), `${id} is not a rule any more`);
  });

  test('has decomposed lines and is the same text on every call', () => {
    const text = warmupText();
    const lines = text.split('\n');
    assert.ok(lines.some((l) => l !== l.normalize('NFC')), 'no NFD line');
    assert.ok(lines.filter((l) => l === l.normalize('NFC')).length > lines.length / 2);
    assert.equal(warmupText(), text);
    assert.ok(warmupText(0.5).length < text.length);
  });

  test('pieces are small, start with the title and together hold the whole body', () => {
    const text = warmupText();
    const chunks = warmupChunks(1, 6000);
    assert.ok(chunks.length >= 4);
    const head = text.split('\n').slice(0, 4).join('\n') + '\n';
    let body = '';
    for (const c of chunks) {
      assert.ok(c.startsWith(head));
      assert.ok(c.length < 6000 + head.length + 4000, `a piece of ${c.length} characters`);
      body += c.slice(head.length);
    }
    assert.ok(head + body === text, 'the pieces do not add up to the draft');
  });

  test('rounds differ from each other, and some end right after a figure or a word', () => {
    const pieces = warmupChunks();
    const texts = Array.from({ length: 8 }, (_, k) => warmupRoundText(pieces, k));
    assert.equal(new Set(texts).size, texts.length);
    assert.ok(texts.some((t) => t.endsWith('\n')));
    assert.ok(texts.some((t) => /\d%\/năm$/.test(t)));
    assert.ok(texts.some((t) => /\p{L}$/u.test(t)));
    texts.forEach((t, k) => assert.ok(t.startsWith(pieces[k % pieces.length])));
  });

  test('every piece lints without error, with and without data', () => {
    const data = exampleData();
    for (const c of warmupChunks()) {
      assert.ok(lint(c, { uri: 'untitled:w', data }).findings.length > 0);
      lint(c, { uri: 'untitled:w' });
    }
  });
});
