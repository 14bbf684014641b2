/**
 * lintjob.ts converts offsets with the TextView's own line table instead of a TextDocument per lint: its
 * positions must be TextDocument's for every offset, on LF, CRLF, lone CR and decomposed (NFD) text.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextView } from '../../server/src/core/index';
import { textSource } from '../../server/src/lsp/lintjob';

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
