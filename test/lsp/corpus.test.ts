/**
 * The language server on the real draft (../shared/corpus, skipped when absent) with the example data
 * (examples/quang-ninh/indicators.csv): diagnostics land on the exact UTF-16 ranges of the original text,
 * including its decomposed (NFD) lines.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, ensureServerBuilt, fileUri, repoRoot, type Diag } from './lsp-client';

const corpusPath = path.resolve(repoRoot, '..', 'shared', 'corpus', 'du-thao-bao-cao-chinh-tri-quang-ninh-2025.txt');
const exampleCsv = path.join(repoRoot, 'examples', 'quang-ninh', 'indicators.csv');
const available = fs.existsSync(corpusPath) && fs.existsSync(exampleCsv);

describe('corpus (real draft, example data)', { skip: !available }, () => {
  let c: LspClient;
  let tmp: string;
  let text: string;
  let uri: string;
  let diags: Diag[];

  before(async () => {
    ensureServerBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-lsp-corpus-'));
    fs.copyFileSync(exampleCsv, path.join(tmp, 'indicators.csv'));
    fs.writeFileSync(path.join(tmp, 'draftlint.json'), JSON.stringify({ indicators: ['indicators.csv'] }));
    text = fs.readFileSync(corpusPath, 'utf8');
    const doc = path.join(tmp, 'draft.txt');
    fs.writeFileSync(doc, text);
    uri = fileUri(doc);
    c = await LspClient.start({ root: tmp });
    await c.open(uri, text, 'plaintext');
    diags = await c.waitForDiagnostics(uri, (d) => d.length > 0, 15000);
  });

  after(async () => {
    await c?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('the growth figure "khoảng 10%/năm" on line 82 gets a figures/ diagnostic with its exact range', () => {
    const lines = text.split(/\r\n|\n|\r/);
    const line = 81;
    const needle = 'khoảng 10%/năm';
    const col = lines[line].indexOf(needle);
    assert.ok(col >= 0, 'the corpus line holds the figure');
    const d = diags.find((x) => String(x.code).startsWith('figures/') && x.range.start.line === line && x.range.start.character === col);
    assert.ok(d, JSON.stringify(diags.filter((x) => x.range.start.line === line)));
    assert.deepEqual(d.range, { start: { line, character: col }, end: { line, character: col + needle.length } });
    assert.match(d.message, /10,4%\/năm/);
  });

  test('every diagnostic range lies inside the document and figures/ ranges cover the cited text', () => {
    const lines = text.split(/\r\n|\n|\r/);
    assert.ok(diags.length > 0);
    let checked = 0;
    for (const d of diags) {
      const { start, end } = d.range;
      assert.ok(start.line < lines.length && end.line < lines.length);
      assert.ok(start.character <= lines[start.line].length && end.character <= lines[end.line].length);
      const data = d.data as { finding?: { cited?: unknown } } | undefined;
      const cited = data?.finding?.cited;
      if (String(d.code).startsWith('figures/') && typeof cited === 'string' && start.line === end.line) {
        const covered = lines[start.line].slice(start.character, end.character).normalize('NFC');
        assert.equal(covered, cited.normalize('NFC'));
        checked++;
      }
    }
    assert.ok(checked > 0);
  });

  test('the outline of the draft comes back as nested symbols', async () => {
    type Sym = { name: string; children?: Sym[] };
    const syms = await c.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const parts = syms.filter((s) => s.name.startsWith('Phần thứ'));
    assert.equal(parts.length, 2);
    assert.ok(parts[0].children?.some((s) => s.name.startsWith('I-')), JSON.stringify(parts[0].children?.map((s) => s.name)));
  });
});
