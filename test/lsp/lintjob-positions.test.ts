/**
 * lintjob.ts converts offsets with the TextView's own line table instead of a TextDocument per lint: its
 * positions must be TextDocument's for every offset, on LF, CRLF, lone CR and decomposed (NFD) text. Its
 * figures are the figures report with positions (fields copied one by one, so none may be forgotten).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextView, lint } from '../../server/src/core/index';
import { indicatorSetOf, runLintJob, textSource } from '../../server/src/lsp/lintjob';

describe('lint job positions', () => {
  test('equal to TextDocument.positionAt for every offset (and one past the ends)', () => {
    const pieces = ['Tốc độ', ' ', '10,4%', '\n', '\r\n', '\r', 'Vie\u0302\u0323t', '\r\n\r\n', '\n\r', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const doc = TextDocument.create('file:///t.md', 'markdown', 1, text);
        const src = textSource(new TextView(text));
        assert.equal(src.getText(), text);
        for (let o = -1; o <= text.length + 1; o++) assert.deepEqual(src.positionAt(o), doc.positionAt(o), `offset ${o} of ${JSON.stringify(text)}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lint job figures', () => {
  test('carry every field of the figures report, and its positions', () => {
    const root = join(__dirname, '..', '..');
    const text = readFileSync(join(root, 'examples', 'quang-ninh', 'du-thao-bao-cao-chinh-tri.md'), 'utf8');
    const data = indicatorSetOf([{ uri: 'file:///example/indicators.csv', text: readFileSync(join(root, 'examples', 'quang-ninh', 'indicators.csv'), 'utf8') }]);
    const job = { uri: 'file:///example/draft.md', version: 1, text, gen: 0, template: undefined, templates: {}, rules: {}, options: {}, cheapOnlyAbove: Infinity, language: 'vi' as const, mode: 'open' as const };
    const reports = lint(text, { uri: job.uri, data }).figures;
    const figures = runLintJob(job, data).figures;
    assert.equal(figures.length, reports.length);
    assert.ok(reports.some((r) => r.canonical !== undefined && r.dataUri !== undefined && r.period !== undefined), 'the example has matched figures');
    const doc = TextDocument.create(job.uri, 'markdown', 1, text);
    figures.forEach((f, i) => {
      const { line, character, endLine, endCharacter, ...rest } = f;
      assert.deepEqual(rest, reports[i]);
      assert.deepEqual({ line, character }, doc.positionAt(f.start));
      assert.deepEqual({ line: endLine, character: endCharacter }, doc.positionAt(f.end));
    });
  });
});
