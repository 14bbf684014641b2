/**
 * The server stays responsive while a big document is linted: the lint runs in a worker thread, so requests
 * on other documents are answered meanwhile, and a newer version of the big document supersedes the one being
 * linted (its result is dropped, never published). Ordering assertions, not timings.
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
  'grdp_size,Quy mô kinh tế,quy mô nền kinh tế,tỷ đồng,2025,estimate,395000,,Tổng hợp',
  '',
].join('\n');

const SMALL = [
  '# Bản nhỏ',
  '',
  'I- KẾT QUẢ',
  '1. Kinh tế',
  'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 9,5%/năm.',
  'Ghi chú: tang truong',
  '',
].join('\n');

/** A synthetic section (own wording) with headings, figures, periods and a leftover, repeated to `bytes`. */
function bigDraft(bytes: number): string {
  const section = (i: number) =>
    [
      `${i}. Nội dung số ${i}`,
      `Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt ${(i % 9) + 1},${i % 10}%/năm; quy mô kinh tế năm 2025 đạt 395.000 tỷ đồng.`,
      `Thu ngân sách tăng bình quân ${(i % 7) + 2},5%/năm, gấp 1,${i % 9} lần so với năm 2020; có 3 nhiệm vụ: Một là, làm tốt; Hai là, làm nhanh; Ba là, làm bền.`,
      `Tỷ lệ hộ nghèo còn dưới ${(i % 3) + 1}%, diện tích rừng trồng mới khoảng ${1000 + i} ha.[bookmark: _Hlk${100000 + i}]`,
      '',
    ].join('\n');
  const parts: string[] = ['# Bản lớn', '', 'I- KẾT QUẢ', ''];
  let size = Buffer.byteLength(parts.join('\n'));
  for (let i = 1; size < bytes; i++) {
    const s = section(i);
    parts.push(s);
    size += Buffer.byteLength(s) + 1;
  }
  return parts.join('\n');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('responsiveness while a big document is linted', () => {
  let tmp: string;
  let c: LspClient;
  let big: string;

  before(async () => {
    ensureServerBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-lsp-responsive-'));
    fs.writeFileSync(path.join(tmp, 'indicators.csv'), CSV);
    fs.writeFileSync(path.join(tmp, 'draftlint.json'), JSON.stringify({ indicators: ['indicators.csv'] }));
    big = bigDraft(5 * 1024 * 1024);
    // no size limit from the settings; workers as they come by default
    c = await LspClient.start({ settings: { maxFileSize: 0 }, env: { DRAFTLINT_WORKERS: undefined } });
  });

  after(async () => {
    await c?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('hover, completion and documentSymbol on a small document are answered before the big document’s diagnostics', async () => {
    assert.ok(Buffer.byteLength(big) >= 5 * 1024 * 1024);
    const smallUri = fileUri(path.join(tmp, 'small.md'));
    await c.open(smallUri, SMALL);
    await c.waitForDiagnostics(smallUri, (d) => d.some((x) => x.code === 'figures/canonical-mismatch'), 15000);
    assert.ok(
      c.notifications.some((n) => n.method === 'window/logMessage' && /linting in worker threads/.test((n.params as { message: string }).message)),
      'the server lints in worker threads',
    );

    const bigUri = fileUri(path.join(tmp, 'big.md'));
    const events: string[] = [];
    const bigDone = c.waitForDiagnostics(bigUri, () => true, 180_000).then((d) => {
      events.push('big diagnostics');
      return d;
    });
    await c.open(bigUri, big);

    const line = SMALL.split('\n').findIndex((l) => l.includes('9,5%/năm'));
    const figureAt = { line, character: SMALL.split('\n')[line].indexOf('9,5') + 1 };
    const last = SMALL.split('\n').findIndex((l) => l.startsWith('Ghi chú'));
    // several rounds spread over the first moments of the big lint (a lint on the main thread would hold the
    // later ones until it is done, and its diagnostics would come first)
    for (let round = 0; round < 4; round++) {
      if (round) await sleep(40);
      const [h, comp, syms] = await Promise.all([
        c.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: smallUri }, position: figureAt }),
        c.request<{ items: { label: string }[] }>('textDocument/completion', {
          textDocument: { uri: smallUri },
          position: { line: last, character: SMALL.split('\n')[last].length },
        }),
        c.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri: smallUri } }),
      ]);
      events.push(`round ${round}`);
      assert.match(h?.contents.value ?? '', /10,4%\/năm/);
      assert.ok(comp.items.some((i) => i.label === 'Tốc độ tăng trưởng GRDP'));
      assert.ok(syms.length > 0);
    }
    const ds = await bigDone;
    assert.deepEqual(events, ['round 0', 'round 1', 'round 2', 'round 3', 'big diagnostics']);
    // the big document was really linted (the cheap rules, as for any document this large)
    assert.ok(ds.some((d) => d.code === 'format/large-file'));
    assert.ok(ds.filter((d) => d.code === 'format/artifact').length > 1000);
  });

  test('an edit while the big document is linted supersedes that lint: only the newer version is published', async () => {
    const uri = fileUri(path.join(tmp, 'big2.md'));
    const start = c.notifications.length;
    await c.open(uri, big);
    // the lint of version 1 is running (it takes far longer than this); change the document now
    await sleep(20);
    const edited = big.replace('# Bản lớn', '# Bản lớn đã sửa');
    const v2 = await c.change(uri, undefined, edited);
    await c.waitFor(() => c.publishedVersions.get(uri) === v2, 180_000, 'diagnostics of version 2');
    const published = c.notifications
      .slice(start)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri)
      .map((n) => (n.params as { version?: number; diagnostics: Diag[] }).version);
    assert.deepEqual(published, [v2]);
    await c.close(uri);
  });
});
