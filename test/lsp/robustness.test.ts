/**
 * The server does not fall over: exceptions in handlers (forced with malformed params) are logged and answered
 * with empty results; malformed notifications are survived; unknown documents and positions outside a document
 * give empty results; binary files are neither linted nor indexed; a data file broken in the editor (unsaved)
 * is reported in place while the last good data stays in use.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, ensureServerBuilt, fileUri, type Diag } from './lsp-client';

const CSV = [
  'id,name,aliases,unit,period,kind,value,bound,source',
  'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,Tổng hợp',
  '',
].join('\n');
const LINE = 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 9,5%/năm.';
const DRAFT = ['# Bản thử', '', 'I- KẾT QUẢ', LINE, ''].join('\n');
const FIGURE = { line: 3, character: LINE.indexOf('9,5') + 1 };

const mismatch = (ds: Diag[]) => ds.find((d) => d.code === 'figures/canonical-mismatch');
const logged = (c: LspClient, re: RegExp) =>
  c.notifications.some((n) => n.method === 'window/logMessage' && re.test((n.params as { message: string }).message));

let tmp: string;
let ws: string;
before(() => {
  ensureServerBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-lsp-robust-'));
  ws = path.join(tmp, 'ws');
  fs.mkdirSync(ws, { recursive: true });
  fs.writeFileSync(path.join(ws, 'indicators.csv'), CSV);
  fs.writeFileSync(path.join(ws, 'draftlint.json'), JSON.stringify({ indicators: ['indicators.csv'] }));
  fs.writeFileSync(path.join(ws, 'on-disk.md'), DRAFT);
  // a "draft" that is binary: never linted, never indexed
  fs.writeFileSync(path.join(ws, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x39, 0x2c, 0x35, 0x25]));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('robustness (push client)', () => {
  let c: LspClient;
  const uri = () => fileUri(path.join(ws, 'open.md'));
  before(async () => {
    c = await LspClient.start({ root: ws });
    await c.open(uri(), DRAFT);
    await c.waitForDiagnostics(uri(), (d) => Boolean(mismatch(d)), 15000);
  });
  after(async () => {
    await c.stop();
  });

  const stillServes = async () => {
    const h = await c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uri() }, position: FIGURE });
    assert.match(h?.contents.value ?? '', /10,4%\/năm/);
  };

  test('an exception in a request handler is logged and answered with an empty result', async () => {
    // no context: codeActions() reads params.context.only and throws
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri: uri() }, range: { start: FIGURE, end: FIGURE } }), []);
    await c.waitFor(() => logged(c, /codeAction failed: TypeError/), 3000, 'the logged exception');
    // a query that is not a string
    assert.deepEqual(await c.request('workspace/symbol', { query: 5 }), []);
    await c.waitFor(() => logged(c, /workspaceSymbol failed/), 3000, 'the logged exception');
    assert.deepEqual(await c.request('textDocument/documentSymbol', {}), []);
    await stillServes();
  });

  test('malformed notifications are survived', async () => {
    await c.notify('textDocument/didOpen', {});
    await c.notify('textDocument/didChange', { textDocument: { uri: fileUri(path.join(ws, 'never-opened.md')), version: 2 }, contentChanges: [{ text: 'x' }] });
    await c.notify('textDocument/didClose', { textDocument: { uri: fileUri(path.join(ws, 'never-opened.md')) } });
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'not a uri', type: 2 }] });
    await c.notify('draftlint/optIn', null);
    await c.notify('workspace/didChangeConfiguration', null);
    await stillServes();
    // and still lints
    const other = fileUri(path.join(ws, 'after.md'));
    await c.open(other, DRAFT.replace('9,5', '9,1'));
    const ds = await c.waitForDiagnostics(other, (d) => Boolean(mismatch(d)), 15000);
    assert.match(mismatch(ds)?.message ?? '', /9,1%\/năm/);
    assert.equal(c.child.exitCode, null);
  });

  test('unknown documents and positions outside a document give empty results', async () => {
    const nope = fileUri(path.join(ws, 'nope.md'));
    assert.deepEqual(await c.request('textDocument/foldingRange', { textDocument: { uri: nope } }), []);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri: nope }, range: { start: FIGURE, end: FIGURE }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await c.request('draftlint/figures', { uri: nope }), { files: [] });
    const status = await c.request<{ issues: number }>('draftlint/status', { uri: nope });
    assert.equal(status.issues, 0);
    for (const position of [{ line: -1, character: 0 }, { line: 0, character: -5 }, { line: 99, character: 0 }, { line: 3, character: 500 }]) {
      assert.equal(await c.request('textDocument/hover', { textDocument: { uri: uri() }, position }), null, JSON.stringify(position));
      assert.deepEqual(await c.request('textDocument/definition', { textDocument: { uri: uri() }, position }), []);
      const comp = await c.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri: uri() }, position });
      assert.deepEqual(comp.items, []);
    }
  });

  test('a quick fix asked with a diagnostic of an older version edits the current text', async () => {
    const u = fileUri(path.join(ws, 'fixes.md'));
    await c.open(u, DRAFT);
    const old = mismatch(await c.waitForDiagnostics(u, (d) => Boolean(mismatch(d)))) as Diag;
    // two characters inserted before the figure, on its line: the old range is off by two now
    const v = await c.change(u, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, '- ');
    await c.waitForDiagnostics(u, () => c.publishedVersions.get(u) === v);
    type Action = { title: string; isPreferred?: boolean; edit: { changes: Record<string, { range: Diag['range']; newText: string }[]> } };
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri: u }, range: old.range, context: { diagnostics: [old] } });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const at = LINE.indexOf('9,5%/năm') + 2;
    assert.deepEqual(fix.edit.changes[u], [{ range: { start: { line: 3, character: at }, end: { line: 3, character: at + '9,5%/năm'.length } }, newText: '10,4%/năm' }]);
    await c.close(u);
  });

  test('a binary file in the workspace is not indexed, and not linted when opened', async () => {
    const res = await c.request<{ files: number }>('draftlint/checkWorkspace', {});
    const image = fileUri(path.join(ws, 'image.md'));
    // on-disk.md, open.md and after.md, not image.md
    assert.equal(res.files, 3);
    await c.waitForDiagnostics(fileUri(path.join(ws, 'on-disk.md')), (d) => Boolean(mismatch(d)));
    assert.ok(!c.diagnostics.has(image));
    const figs = await c.request<{ files: { uri: string }[] }>('draftlint/figures', {});
    assert.ok(!figs.files.some((f) => f.uri === image));
    await c.open(image, fs.readFileSync(path.join(ws, 'image.md'), 'latin1'));
    assert.deepEqual(await c.waitForDiagnostics(image), []);
    assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument: { uri: image } }), []);
    await c.close(image);
  });

  test('a data file broken in the editor (unsaved) is reported there; the last good data stays in use; closing it restores the disk', async () => {
    const csvUri = fileUri(path.join(ws, 'indicators.csv'));
    await c.open(csvUri, CSV, 'csv');
    const broken = CSV.replace(',10.4,', ',mười,');
    await c.change(csvUri, undefined, broken);
    const ds = await c.waitForDiagnostics(csvUri, (d) => d.length > 0);
    assert.equal(ds[0].range.start.line, 1);
    assert.equal(ds[0].severity, 1);
    // the draft is checked again (the data changed) and still against 10,4
    const v = await c.change(uri(), undefined, DRAFT.replace('9,5', '9,3'));
    const after = await c.waitForDiagnostics(uri(), () => c.publishedVersions.get(uri()) === v);
    assert.match(mismatch(after)?.message ?? '', /10,4%\/năm/);
    // a value fixed in the buffer is used at once
    await c.change(csvUri, undefined, CSV.replace(',10.4,', ',9.3,'));
    await c.waitForDiagnostics(csvUri, (d) => d.length === 0);
    await c.waitForDiagnostics(uri(), (d) => !mismatch(d));
    // closed without saving: the disk's 10.4 again
    await c.close(csvUri);
    await c.waitForDiagnostics(uri(), (d) => Boolean(mismatch(d)));
  });
});

describe('robustness (pull client)', () => {
  test('a malformed pull is logged and answered with an empty report; binary documents have none', async () => {
    const c = await LspClient.start({ root: ws, pull: true });
    try {
      const r = await c.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', {});
      assert.deepEqual(r, { kind: 'full', items: [] });
      await c.waitFor(() => logged(c, /textDocument\/diagnostic failed/), 3000, 'the logged exception');
      const bin = fileUri(path.join(ws, 'pulled-binary.txt'));
      await c.open(bin, 'Tốc độ tăng trưởng kinh tế đạt 9,5%/năm.\u0000\u0000', 'plaintext');
      const b = await c.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri: bin } });
      assert.deepEqual(b.items, []);
      const good = fileUri(path.join(ws, 'pulled.md'));
      await c.open(good, DRAFT);
      const g = await c.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri: good } });
      assert.ok(mismatch(g.items));
    } finally {
      await c.stop();
    }
  });
});
