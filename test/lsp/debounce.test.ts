/**
 * Debounce without latency: the first edit after a pause is linted at once (leading edge); a burst of edits is
 * linted once more after its last edit (trailing edge), never for the versions in between; a pull right after
 * a burst answers for the current version. The debounce is set long (initializationOptions.debounce) so that
 * "at once" and "after the burst" cannot be confused.
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
const DRAFT = ['# Bản thử', '', LINE, ''].join('\n');
/** the range of the digit after "9," */
const DIGIT = { start: { line: 2, character: LINE.indexOf('9,5') + 2 }, end: { line: 2, character: LINE.indexOf('9,5') + 3 } };

const mismatch = (ds: Diag[]) => ds.find((d) => d.code === 'figures/canonical-mismatch');

let tmp: string;
before(() => {
  ensureServerBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-lsp-debounce-'));
  fs.writeFileSync(path.join(tmp, 'indicators.csv'), CSV);
  fs.writeFileSync(path.join(tmp, 'draftlint.json'), JSON.stringify({ indicators: ['indicators.csv'] }));
});
after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const publishedFor = (c: LspClient, uri: string, from: number) =>
  c.notifications
    .slice(from)
    .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri)
    .map((n) => (n.params as { version?: number }).version);

describe('debounce (push)', () => {
  let c: LspClient;
  const DEBOUNCE = 3000;
  before(async () => {
    c = await LspClient.start({ initializationOptions: { debounce: DEBOUNCE } });
  });
  after(async () => {
    await c.stop();
  });

  test('a single edit after a pause is linted at once, not after the debounce', async () => {
    const uri = fileUri(path.join(tmp, 'single.md'));
    await c.open(uri, DRAFT);
    await c.waitForDiagnostics(uri, (d) => Boolean(mismatch(d)), 15000);
    const v = await c.change(uri, DIGIT, '7');
    // far less than the debounce: the lint did not wait for it
    const ds = await c.waitForDiagnostics(uri, () => c.publishedVersions.get(uri) === v, DEBOUNCE / 2);
    assert.match(mismatch(ds)?.message ?? '', /9,7%\/năm/);
  });

  test('a burst: at most its first and its last version are published', async () => {
    const uri = fileUri(path.join(tmp, 'burst.md'));
    await c.open(uri, DRAFT);
    await c.waitForDiagnostics(uri, (d) => Boolean(mismatch(d)), 15000);
    const from = c.notifications.length;
    const versions: number[] = [];
    for (const digit of ['1', '2', '3', '4', '6']) versions.push(await c.change(uri, DIGIT, digit));
    const last = versions[versions.length - 1];
    const ds = await c.waitForDiagnostics(uri, () => c.publishedVersions.get(uri) === last, DEBOUNCE + 15000);
    assert.match(mismatch(ds)?.message ?? '', /9,6%\/năm/);
    const published = publishedFor(c, uri, from);
    assert.equal(published[published.length - 1], last);
    for (const p of published) assert.ok(p === versions[0] || p === last, `published ${JSON.stringify(published)} of ${JSON.stringify(versions)}`);
  });
});

describe('debounce (pull)', () => {
  test('a pull right after a burst answers for the current version', async () => {
    const c = await LspClient.start({ pull: true, initializationOptions: { debounce: 500 } });
    try {
      const uri = fileUri(path.join(tmp, 'pull.md'));
      await c.open(uri, DRAFT);
      const first = await c.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.match(mismatch(first.items)?.message ?? '', /9,5%\/năm/);
      for (const digit of ['1', '2', '8']) await c.change(uri, DIGIT, digit);
      const r = await c.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(r.kind, 'full');
      assert.match(mismatch(r.items)?.message ?? '', /9,8%\/năm/);
      // and once the figure is right, the finding is gone from the next pull
      await c.change(uri, { start: { line: 2, character: LINE.indexOf('9,5') }, end: DIGIT.end }, '10,4');
      const fixed = await c.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(mismatch(fixed.items), undefined);
    } finally {
      await c.stop();
    }
  });
});
