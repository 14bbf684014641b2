/**
 * Protocol tests of the language server: `node dist/server.js --stdio` driven by a plain JSON-RPC client over
 * the child's pipes, on a temporary workspace (draftlint.json + a small CSV + drafts written for the tests).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fork } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { LspClient, ensureServerBuilt, fileUri, serverJs, type Diag } from './lsp-client';

const CSV_HEADER = 'id,name,aliases,unit,period,kind,value,bound,source';
const GROWTH_2125 = 'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,Báo cáo chính trị';
const CSV = [
  CSV_HEADER,
  GROWTH_2125,
  'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2026-2030,target,12,,Chỉ tiêu (4)',
  'grdp_size,Quy mô kinh tế,quy mô nền kinh tế,tỷ đồng,2025,estimate,395000,,Báo cáo chính trị',
  '',
].join('\n');

const DRAFT = [
  '# Báo cáo thử nghiệm',
  '',
  'I- KẾT QUẢ',
  '1. Kinh tế',
  'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 9,5%/năm.',
  '1.1. Quy mô',
  'Quy mô kinh tế năm 2025 đạt 395.000 tỷ đồng.',
  '2. Xã hội',
  'Đời sống người dân được cải thiện.',
  'II- MỤC TIÊU',
  'Phấn đấu phát triển nhanh.',
  '',
].join('\n');

let tmp: string;
let ws: string;
let csvPath: string;

function writeWorkspace(dir: string): void {
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'draftlint.json'), JSON.stringify({ indicators: ['data/indicators.csv'] }, null, 2));
  fs.writeFileSync(path.join(dir, 'data', 'indicators.csv'), CSV);
}

/** 0-based line/character of the first occurrence of `needle` in `text`. */
function posOf(text: string, needle: string, from = 0): { line: number; character: number } {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `fixture lacks ${needle}`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function rangeOf(text: string, needle: string) {
  const start = posOf(text, needle);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

const byCode = (code: string) => (ds: Diag[]) => ds.some((d) => d.code === code);

before(() => {
  ensureServerBuilt();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-lsp-'));
  ws = path.join(tmp, 'ws');
  writeWorkspace(ws);
  csvPath = path.join(ws, 'data', 'indicators.csv');
});

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('push diagnostics (client without textDocument.diagnostic)', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ root: ws });
  });
  after(async () => {
    await c.stop();
  });

  test('advertises no diagnosticProvider and publishes findings with exact ranges', async () => {
    assert.equal(c.initializeResult.capabilities.diagnosticProvider, undefined);
    const uri = fileUri(path.join(ws, 'draft.md'));
    await c.open(uri, DRAFT);
    const ds = await c.waitForDiagnostics(uri, byCode('figures/canonical-mismatch'));
    const d = ds.find((x) => x.code === 'figures/canonical-mismatch') as Diag;
    assert.deepEqual(d.range, rangeOf(DRAFT, '9,5%/năm'));
    assert.equal(d.source, 'draftlint');
    assert.equal(d.severity, 1);
    assert.match(d.message, /10,4%\/năm/);
    // 'vi' by default
    assert.match(d.message, /chuẩn|đúng|là/);
    const data = d.data as { fixes?: { title: string; edits: { newText: string }[] }[]; finding?: Record<string, unknown> };
    assert.equal(data.fixes?.[0].edits[0].newText, '10,4%/năm');
    assert.equal(data.finding?.indicator, 'grdp_growth');
    // the correct figure is not reported
    const okRange = rangeOf(DRAFT, '395.000 tỷ đồng');
    assert.ok(!ds.some((x) => x.code?.toString().startsWith('figures/') && x.range.start.line === okRange.start.line));
  });

  test('edits are debounced: of a burst of versions, at most the first (leading edge) and the last are published', async () => {
    const uri = fileUri(path.join(ws, 'burst.md'));
    await c.open(uri, DRAFT);
    await c.waitForDiagnostics(uri, byCode('figures/canonical-mismatch'));
    const start = c.notifications.length;
    const r = rangeOf(DRAFT, '9,5');
    const sent: number[] = [];
    for (const digit of ['6', '7', '8', '9']) {
      sent.push(await c.change(uri, { start: { line: r.start.line, character: r.start.character + 2 }, end: { line: r.start.line, character: r.start.character + 3 } }, digit));
    }
    const last = sent[sent.length - 1];
    await c.waitFor(() => c.notifications.slice(start).some((n) => (n.params as { uri: string; version?: number }).uri === uri && (n.params as { version?: number }).version === last), 5000, 'last version');
    const versions = c.notifications
      .slice(start)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri)
      .map((n) => (n.params as { version: number }).version);
    assert.equal(versions[versions.length - 1], last);
    assert.ok(versions.every((x) => x === sent[0] || x === last), JSON.stringify(versions));
    const ds = c.diagnostics.get(uri) ?? [];
    const d = ds.find((x) => x.code === 'figures/canonical-mismatch');
    assert.ok(d, 'still reported');
    assert.match(d.message, /9,9%\/năm/);
  });

  test('language setting "en" localizes messages', async () => {
    c.settings = { language: 'en' };
    await c.notify('workspace/didChangeConfiguration', { settings: { draftlint: { language: 'en' } } });
    const uri = fileUri(path.join(ws, 'draft.md'));
    const ds = await c.waitForDiagnostics(uri, (x) => x.some((d) => d.code === 'figures/canonical-mismatch' && /canonical value/.test(d.message)));
    assert.ok(ds.length > 0);
    c.settings = {};
    await c.notify('workspace/didChangeConfiguration', { settings: { draftlint: {} } });
    await c.waitForDiagnostics(uri, (x) => x.some((d) => d.code === 'figures/canonical-mismatch' && !/canonical value/.test(d.message)));
  });

  test('completion of "tang truong" offers the indicator, with and without its value', async () => {
    const uri = fileUri(path.join(ws, 'completion.md'));
    const text = 'Năm 2025, tang truong';
    await c.open(uri, text);
    const list = await c.request<{ isIncomplete: boolean; items: { label: string; detail?: string; filterText?: string; textEdit?: { range: Diag['range']; newText: string }; documentation?: { value: string } }[] }>(
      'textDocument/completion',
      { textDocument: { uri }, position: { line: 0, character: text.length } },
    );
    const plain = list.items.find((i) => i.label === 'Tốc độ tăng trưởng GRDP');
    assert.ok(plain, `items: ${list.items.map((i) => i.label).join(', ')}`);
    assert.equal(plain.detail, '%/năm');
    assert.deepEqual(plain.textEdit?.range, { start: { line: 0, character: text.indexOf('tang') }, end: { line: 0, character: text.length } });
    assert.equal(plain.textEdit?.newText, 'Tốc độ tăng trưởng GRDP');
    assert.ok(plain.filterText?.includes('tang truong'), plain.filterText);
    assert.match(plain.documentation?.value ?? '', /2021-2025/);
    assert.match(plain.documentation?.value ?? '', /10,4%\/năm/);
    const withValue = list.items.find((i) => i.label === 'Tốc độ tăng trưởng GRDP — 10,4%/năm (2021-2025)');
    assert.ok(withValue);
    assert.equal(withValue.textEdit?.newText, 'Tốc độ tăng trưởng GRDP 10,4%/năm');
    assert.equal(list.isIncomplete, false);
  });

  test('hover on a figure names the canonical value; on a name lists its values', async () => {
    const uri = fileUri(path.join(ws, 'draft.md'));
    const p = posOf(DRAFT, '9,5%/năm');
    const h = await c.request<{ contents: { value: string }; range: Diag['range'] }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: p.line, character: p.character + 1 },
    });
    assert.match(h.contents.value, /10,4%\/năm/);
    assert.match(h.contents.value, /Tốc độ tăng trưởng GRDP/);
    assert.match(h.contents.value, /Báo cáo chính trị/);
    assert.deepEqual(h.range, rangeOf(DRAFT, '9,5%/năm'));
    const n = posOf(DRAFT, 'tốc độ tăng trưởng kinh tế');
    const h2 = await c.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: n.line, character: n.character + 3 },
    });
    assert.match(h2.contents.value, /2026-2030/);
    assert.match(h2.contents.value, /12%\/năm/);
  });

  test('documentSymbol gives the nested outline; folding ranges per section', async () => {
    const uri = fileUri(path.join(ws, 'draft.md'));
    type Sym = { name: string; range: Diag['range']; selectionRange: Diag['range']; children?: Sym[] };
    const syms = await c.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(syms.length, 1);
    const part = syms[0].children?.find((s) => s.name.startsWith('I- '));
    assert.ok(part, JSON.stringify(syms.map((s) => s.name)));
    assert.equal(part.name, 'I- KẾT QUẢ');
    const one = part.children?.find((s) => s.name === '1. Kinh tế');
    assert.ok(one);
    assert.deepEqual(one.children?.map((s) => s.name), ['1.1. Quy mô']);
    assert.equal(one.selectionRange.start.line, posOf(DRAFT, '1. Kinh tế').line);
    assert.equal(one.range.end.line, posOf(DRAFT, 'Quy mô kinh tế năm').line);
    assert.ok(part.children?.some((s) => s.name === '2. Xã hội'));
    const folds = await c.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === posOf(DRAFT, 'I- KẾT QUẢ').line && f.endLine === posOf(DRAFT, 'Đời sống').line));
  });

  test('definition from a figure and from a name goes to the CSV row', async () => {
    const uri = fileUri(path.join(ws, 'draft.md'));
    const p = posOf(DRAFT, '9,5%/năm');
    const locs = await c.request<{ uri: string; range: Diag['range'] }[]>('textDocument/definition', {
      textDocument: { uri },
      position: p,
    });
    assert.equal(locs.length, 1);
    assert.equal(locs[0].uri, fileUri(csvPath));
    const row = CSV.split('\n').indexOf(GROWTH_2125);
    assert.equal(locs[0].range.start.line, row);
    assert.equal(locs[0].range.end.character, GROWTH_2125.length);
    const n = posOf(DRAFT, 'Quy mô kinh tế năm');
    const locs2 = await c.request<{ uri: string; range: Diag['range'] }[]>('textDocument/definition', {
      textDocument: { uri },
      position: { line: n.line, character: n.character + 2 },
    });
    assert.equal(locs2[0].uri, fileUri(csvPath));
    assert.equal(locs2[0].range.start.line, CSV.split('\n').findIndex((l) => l.startsWith('grdp_size,')));
  });

  test('code actions: the preferred replacement and "disable for this line"', async () => {
    const uri = fileUri(path.join(ws, 'draft.md'));
    const ds = c.diagnostics.get(uri) ?? [];
    const d = ds.find((x) => x.code === 'figures/canonical-mismatch') as Diag;
    type Action = { title: string; isPreferred?: boolean; edit: { changes: Record<string, { range: Diag['range']; newText: string }[]> } };
    const actions = await c.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(fix.edit.changes[uri], [{ range: rangeOf(DRAFT, '9,5%/năm'), newText: '10,4%/năm' }]);
    const disable = actions.find((a) => a.title.includes('figures/canonical-mismatch') && !a.isPreferred);
    assert.ok(disable);
    const edit = disable.edit.changes[uri][0];
    assert.deepEqual(edit.range.start, { line: d.range.start.line, character: 0 });
    assert.equal(edit.newText, '<!-- draftlint-disable-next-line figures/canonical-mismatch -- lý do -->\n');
  });

  test('the disable comment really silences the finding (indentation kept)', async () => {
    const uri = fileUri(path.join(ws, 'indented.md'));
    const text = ['# Thử', '', '  Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 9,1%/năm.', ''].join('\n');
    await c.open(uri, text);
    const ds = await c.waitForDiagnostics(uri, byCode('figures/canonical-mismatch'));
    const d = ds.find((x) => x.code === 'figures/canonical-mismatch') as Diag;
    type Action = { title: string; isPreferred?: boolean; edit: { changes: Record<string, { range: Diag['range']; newText: string }[]> } };
    const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const disable = actions.find((a) => a.title.includes('figures/canonical-mismatch') && !a.isPreferred) as Action;
    const edit = disable.edit.changes[uri][0];
    assert.ok(edit.newText.startsWith('  <!-- draftlint-disable-next-line'));
    await c.change(uri, edit.range, edit.newText);
    await c.waitForDiagnostics(uri, (x) => !x.some((y) => y.code === 'figures/canonical-mismatch'));
  });

  test('unknown documents and out-of-range positions give empty results', async () => {
    const uri = fileUri(path.join(ws, 'nope.md'));
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await c.request('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 0 } }), []);
    assert.deepEqual(await c.request('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 0 }, context: { includeDeclaration: true } }), []);
    const comp = await c.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(comp.items, []);
    const known = fileUri(path.join(ws, 'draft.md'));
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: known }, position: { line: 999, character: 0 } }), null);
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: known }, position: { line: 0, character: 999 } }), null);
    // garbage params: answered, the server survives
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: known } }), null);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri: known } }), []);
    assert.ok(await c.request('draftlint/status', {}));
  });

  test('binary documents are not linted', async () => {
    const uri = fileUri(path.join(ws, 'binary.txt'));
    await c.open(uri, 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 9,5%/năm.\u0000\u0001', 'plaintext');
    const ds = await c.waitForDiagnostics(uri);
    assert.deepEqual(ds, []);
  });

  test('a huge document gets the cheap rules only; one above maxFileSize is not linted', async () => {
    const uri = fileUri(path.join(ws, 'huge.md'));
    const body = DRAFT.repeat(Math.ceil(450_000 / DRAFT.length));
    await c.open(uri, body);
    const ds = await c.waitForDiagnostics(uri, (x) => x.length > 0, 15000);
    assert.ok(ds.some((d) => d.code === 'format/large-file'), JSON.stringify(ds.slice(0, 3)));
    assert.ok(!ds.some((d) => d.code === 'figures/canonical-mismatch'));
    await c.close(uri);
    c.settings = { maxFileSize: 200 };
    await c.notify('workspace/didChangeConfiguration', { settings: { draftlint: { maxFileSize: 200 } } });
    const big = fileUri(path.join(ws, 'draft.md'));
    await c.waitForDiagnostics(big, (x) => x.length === 0);
    c.settings = {};
    await c.notify('workspace/didChangeConfiguration', { settings: { draftlint: {} } });
    await c.waitForDiagnostics(big, byCode('figures/canonical-mismatch'));
  });

  test('custom requests: figures, status, indicators', async () => {
    const uri = fileUri(path.join(ws, 'draft.md'));
    const figs = await c.request<{ files: { uri: string; figures: { text: string; status: string; canonical?: string; indicatorId?: string; line: number; character: number }[] }[] }>(
      'draftlint/figures',
      { uri },
    );
    assert.equal(figs.files.length, 1);
    const wrong = figs.files[0].figures.find((f) => f.text === '9,5%/năm');
    assert.ok(wrong);
    assert.equal(wrong.status, 'mismatch');
    assert.equal(wrong.canonical, '10,4%/năm');
    assert.equal(wrong.indicatorId, 'grdp_growth');
    assert.deepEqual({ line: wrong.line, character: wrong.character }, posOf(DRAFT, '9,5%/năm'));
    const status = await c.request<{ indicators: number; dataFiles: string[]; issues: number }>('draftlint/status', { uri });
    assert.equal(status.indicators, 2);
    assert.deepEqual(status.dataFiles, [fileUri(csvPath)]);
    assert.ok(status.issues >= 1);
    const inds = await c.request<{ indicators: { id: string; values: { period: string; display: string }[] }[] }>('draftlint/indicators', { uri });
    const g = inds.indicators.find((i) => i.id === 'grdp_growth');
    assert.deepEqual(g?.values.map((v) => [v.period, v.display]), [
      ['2021-2025', '10,4%/năm'],
      ['2026-2030', '12%/năm'],
    ]);
    const dataStatus = c.notifications.filter((n) => n.method === 'draftlint/dataStatus');
    assert.ok(dataStatus.length >= 1);
    assert.deepEqual(dataStatus[dataStatus.length - 1].params, { indicators: 2, errors: 0 });
  });

  test('workspace/symbol lists indicators at their CSV row', async () => {
    const syms = await c.request<{ name: string; location: { uri: string; range: Diag['range'] } }[]>('workspace/symbol', { query: 'quy mo' });
    const s = syms.find((x) => x.name === 'Quy mô kinh tế');
    assert.ok(s);
    assert.equal(s.location.uri, fileUri(csvPath));
    assert.equal(s.location.range.start.line, CSV.split('\n').findIndex((l) => l.startsWith('grdp_size,')));
  });
});

describe('pull diagnostics (client with textDocument.diagnostic)', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({ root: ws, pull: true });
  });
  after(async () => {
    await c.stop();
  });

  test('answers textDocument/diagnostic, unchanged for the same resultId, nothing pushed', async () => {
    const caps = c.initializeResult.capabilities.diagnosticProvider as { interFileDependencies: boolean; workspaceDiagnostics: boolean };
    assert.ok(caps);
    assert.equal(caps.workspaceDiagnostics, true);
    const uri = fileUri(path.join(ws, 'draft.md'));
    await c.open(uri, DRAFT);
    const r = await c.request<{ kind: string; resultId: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(r.kind, 'full');
    const d = r.items.find((x) => x.code === 'figures/canonical-mismatch');
    assert.ok(d);
    assert.deepEqual(d.range, rangeOf(DRAFT, '9,5%/năm'));
    const again = await c.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: r.resultId });
    assert.equal(again.kind, 'unchanged');
    assert.equal(again.resultId, r.resultId);
    // an edit: the next pull waits for the new version's lint
    const line = posOf(DRAFT, '9,5%/năm');
    await c.change(uri, { start: line, end: { line: line.line, character: line.character + 3 } }, '10,4');
    const after = await c.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: r.resultId });
    assert.equal(after.kind, 'full');
    assert.ok(!after.items.some((x) => x.code === 'figures/canonical-mismatch'));
    assert.ok(!c.notifications.some((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uri));
    const unknown = await c.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri: fileUri(path.join(ws, 'x.md')) } });
    assert.deepEqual(unknown.items, []);
  });

  test('workspace/diagnostic reports the drafts of the folder that are not open', async () => {
    const other = path.join(ws, 'notes', 'other.md');
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.writeFileSync(other, 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 8,8%/năm.\n');
    await c.request('draftlint/checkWorkspace', {});
    const r = await c.request<{ items: { uri: string; kind: string; resultId?: string; items?: Diag[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    const item = r.items.find((i) => i.uri === fileUri(other));
    assert.ok(item, JSON.stringify(r.items.map((i) => i.uri)));
    assert.equal(item.kind, 'full');
    const d = item.items?.find((x) => x.code === 'figures/canonical-mismatch');
    assert.ok(d);
    assert.deepEqual(d.range.start, { line: 0, character: 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt '.length });
    // open documents are left to document pulls
    assert.ok(!r.items.some((i) => i.uri === fileUri(path.join(ws, 'draft.md'))));
    const again = await c.request<{ items: { uri: string; kind: string }[] }>('workspace/diagnostic', {
      previousResultIds: [{ uri: item.uri, value: item.resultId }],
    });
    assert.equal(again.items.find((i) => i.uri === item.uri)?.kind, 'unchanged');
    fs.rmSync(path.dirname(other), { recursive: true, force: true });
  });
});

describe('data files', () => {
  let c: LspClient;
  let dir: string;
  before(async () => {
    dir = path.join(tmp, 'data-ws');
    writeWorkspace(dir);
    c = await LspClient.start({ root: dir, watchedFiles: true });
  });
  after(async () => {
    await c.stop();
  });

  test('registers file watchers dynamically', async () => {
    await c.waitFor(() => c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 3000, 'registration');
  });

  test('a malformed CSV gets a diagnostic at its row and field; the last good data keeps working', async () => {
    const uri = fileUri(path.join(dir, 'draft.md'));
    const csv = path.join(dir, 'data', 'indicators.csv');
    await c.open(uri, DRAFT);
    await c.waitForDiagnostics(uri, byCode('figures/canonical-mismatch'));
    // break the 2021-2025 value
    const broken = CSV.replace(GROWTH_2125, GROWTH_2125.replace(',10.4,', ',mười,'));
    fs.writeFileSync(csv, broken);
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(csv), type: 2 }] });
    const ds = await c.waitForDiagnostics(fileUri(csv), (x) => x.length > 0);
    const row = broken.split('\n').findIndex((l) => l.includes(',mười,'));
    const d = ds[0];
    assert.equal(d.range.start.line, row);
    const col = broken.split('\n')[row].indexOf('mười');
    assert.deepEqual(d.range, { start: { line: row, character: col }, end: { line: row, character: col + 'mười'.length } });
    assert.equal(d.severity, 1);
    const st = await c.waitFor(
      () => c.notifications.filter((n) => n.method === 'draftlint/dataStatus').map((n) => n.params as { errors: number }).find((p) => p.errors > 0),
      3000,
      'dataStatus with errors',
    );
    assert.ok(st.errors >= 1);
    // an edit of the draft: still checked against the last good 10,4
    const p = posOf(DRAFT, '9,5%/năm');
    await c.change(uri, { start: p, end: { line: p.line, character: p.character + 3 } }, '9,7');
    const after = await c.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'figures/canonical-mismatch' && /9,7%\/năm/.test(y.message)));
    assert.match(after.find((y) => y.code === 'figures/canonical-mismatch')?.message ?? '', /10,4%\/năm/);
    // repaired with a new value: the CSV diagnostics clear and the new value is used
    fs.writeFileSync(csv, CSV.replace(',10.4,', ',9.7,'));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(csv), type: 2 }] });
    await c.waitForDiagnostics(fileUri(csv), (x) => x.length === 0);
    await c.waitForDiagnostics(uri, (x) => !x.some((y) => y.code === 'figures/canonical-mismatch'));
  });

  test('draftlint/reload re-reads the data', async () => {
    const uri = fileUri(path.join(dir, 'draft.md'));
    const csv = path.join(dir, 'data', 'indicators.csv');
    const text = DRAFT.replace('9,5%/năm', '9,1%/năm');
    await c.change(uri, undefined, text);
    await c.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'figures/canonical-mismatch' && /9,1%\/năm/.test(y.message)));
    fs.writeFileSync(csv, CSV.replace(',10.4,', ',9.1,'));
    await c.notify('draftlint/reload');
    await c.waitForDiagnostics(uri, (x) => !x.some((y) => y.code === 'figures/canonical-mismatch'));
    fs.writeFileSync(csv, CSV);
    await c.notify('draftlint/reload');
    await c.waitForDiagnostics(uri, byCode('figures/canonical-mismatch'));
  });

  test('a malformed draftlint.json is reported in it and the last good config stays in use', async () => {
    const uri = fileUri(path.join(dir, 'draft.md'));
    const cfg = path.join(dir, 'draftlint.json');
    const good = fs.readFileSync(cfg, 'utf8');
    fs.writeFileSync(cfg, '{\n  "indicators": ["data/indicators.csv"],\n  "rules": {\n}');
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(cfg), type: 2 }] });
    const ds = await c.waitForDiagnostics(fileUri(cfg), (x) => x.length > 0);
    assert.equal(ds[0].severity, 1);
    // still linted with the data
    const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: posOf(DRAFT, 'Quy mô kinh tế năm'),
    });
    assert.match(hover?.contents.value ?? '', /395\.000 tỷ đồng/);
    fs.writeFileSync(cfg, good);
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(cfg), type: 2 }] });
    await c.waitForDiagnostics(fileUri(cfg), (x) => x.length === 0);
  });

  test('a data file that names a missing CSV is reported in draftlint.json', async () => {
    const cfg = path.join(dir, 'draftlint.json');
    const good = fs.readFileSync(cfg, 'utf8');
    fs.writeFileSync(cfg, JSON.stringify({ indicators: ['data/indicators.csv', 'data/missing.csv'] }, null, 2));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(cfg), type: 2 }] });
    const ds = await c.waitForDiagnostics(fileUri(cfg), (x) => x.some((d) => d.message.includes('missing.csv')));
    const d = ds.find((x) => x.message.includes('missing.csv')) as Diag;
    assert.equal(d.range.start.line, 3);
    fs.writeFileSync(cfg, good);
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(cfg), type: 2 }] });
    await c.waitForDiagnostics(fileUri(cfg), (x) => x.length === 0);
  });
});

describe('workspace index and cross-document checks', () => {
  let c: LspClient;
  let dir: string;
  const A = ['# Bản A', '', 'Giai đoạn 2016 - 2020, tốc độ tăng trưởng kinh tế đạt 7,2%/năm.', ''].join('\n');
  const B = ['# Bản B', '', 'Giai đoạn 2016 - 2020, tốc độ tăng trưởng kinh tế đạt 7,9%/năm.', ''].join('\n');
  before(async () => {
    dir = path.join(tmp, 'cross-ws');
    writeWorkspace(dir);
    fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'readme.md'), B);
    fs.writeFileSync(path.join(dir, 'b.md'), B);
    c = await LspClient.start({ root: dir });
  });
  after(async () => {
    await c.stop();
  });

  test('a figure that differs from another draft of the folder is reported, pointing at it', async () => {
    const uri = fileUri(path.join(dir, 'a.md'));
    await c.open(uri, A);
    const ds = await c.waitForDiagnostics(uri, byCode('figures/inconsistent'), 8000);
    const d = ds.find((x) => x.code === 'figures/inconsistent') as Diag;
    assert.deepEqual(d.range, rangeOf(A, '7,2%/năm'));
    assert.match(d.message, /b\.md/);
    const rel = d.relatedInformation?.[0];
    assert.equal(rel?.location.uri, fileUri(path.join(dir, 'b.md')));
    assert.deepEqual(rel?.location.range, rangeOf(B, '7,9%/năm'));
  });

  test('references list the citations across the workspace; checkWorkspace publishes the other drafts', async () => {
    const uri = fileUri(path.join(dir, 'a.md'));
    const refs = await c.request<{ uri: string; range: Diag['range'] }[]>('textDocument/references', {
      textDocument: { uri },
      position: posOf(A, '7,2%/năm'),
      context: { includeDeclaration: false },
    });
    const uris = refs.map((r) => r.uri).sort();
    assert.deepEqual(uris, [uri, fileUri(path.join(dir, 'b.md'))].sort());
    const withDecl = await c.request<{ uri: string }[]>('textDocument/references', {
      textDocument: { uri },
      position: posOf(A, '7,2%/năm'),
      context: { includeDeclaration: true },
    });
    assert.ok(withDecl.some((r) => r.uri === fileUri(path.join(dir, 'data', 'indicators.csv'))));
    const res = await c.request<{ files: number; findings: number }>('draftlint/checkWorkspace', {});
    assert.equal(res.files, 2, 'a.md and b.md (node_modules skipped)');
    const bd = await c.waitForDiagnostics(fileUri(path.join(dir, 'b.md')), byCode('figures/inconsistent'));
    assert.ok(bd.length >= 1);
    assert.ok(!c.diagnostics.has(fileUri(path.join(dir, 'node_modules', 'pkg', 'readme.md'))));
    const figs = await c.request<{ files: { uri: string }[] }>('draftlint/figures', {});
    assert.deepEqual(figs.files.map((f) => f.uri).sort(), [uri, fileUri(path.join(dir, 'b.md'))].sort());
  });

  test('a draft changed on disk is re-indexed and the open document re-checked against it', async () => {
    const uri = fileUri(path.join(dir, 'a.md'));
    fs.writeFileSync(path.join(dir, 'b.md'), B.replace('7,9%/năm', '7,2%/năm'));
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(dir, 'b.md')), type: 2 }] });
    await c.waitForDiagnostics(uri, (x) => !x.some((d) => d.code === 'figures/inconsistent'));
    await c.waitForDiagnostics(fileUri(path.join(dir, 'b.md')), (x) => !x.some((d) => d.code === 'figures/inconsistent'));
  });
});

describe('enable setting', () => {
  test('"auto" lints nothing outside a draftlint.json folder until opted in; "never" lints nothing', async () => {
    const loose = path.join(tmp, 'loose');
    fs.mkdirSync(loose, { recursive: true });
    const c = await LspClient.start({ root: loose });
    try {
      const uri = fileUri(path.join(loose, 'x.md'));
      const text = '# Thử\n\n[bookmark: _Hlk1234]Một đoạn văn.\n';
      await c.open(uri, text);
      assert.deepEqual(await c.waitForDiagnostics(uri), []);
      assert.deepEqual((c.initializeResult.capabilities.executeCommandProvider as { commands: string[] }).commands, ['draftlint.checkThisFile']);
      await c.request('workspace/executeCommand', { command: 'draftlint.checkThisFile', arguments: [uri] });
      const ds = await c.waitForDiagnostics(uri, (x) => x.length > 0);
      assert.ok(ds.some((d) => String(d.code).startsWith('format/')));
      c.settings = { enable: 'never' };
      await c.notify('workspace/didChangeConfiguration', { settings: { draftlint: { enable: 'never' } } });
      await c.waitForDiagnostics(uri, (x) => x.length === 0);
    } finally {
      await c.stop();
    }
  });

  test('a client that gates documents itself (initializationOptions.client = "vscode") gets every document linted', async () => {
    const loose = path.join(tmp, 'loose2');
    fs.mkdirSync(loose, { recursive: true });
    const c = await LspClient.start({ root: loose, initializationOptions: { client: 'vscode' } });
    try {
      assert.equal(c.initializeResult.capabilities.executeCommandProvider, undefined);
      const uri = fileUri(path.join(loose, 'x.md'));
      await c.open(uri, '# Thử\n\n[bookmark: _Hlk1234]Một đoạn văn.\n');
      await c.waitForDiagnostics(uri, (x) => x.length > 0);
    } finally {
      await c.stop();
    }
  });
});

describe('template files', () => {
  test('a YAML template named in draftlint.json drives structure checks; a broken one keeps the last good', async () => {
    const dir = path.join(tmp, 'tpl-ws');
    fs.mkdirSync(dir, { recursive: true });
    const tpl = path.join(dir, 'mau.yaml');
    const good = [
      'name: thu-nghiem',
      'sections:',
      '  - { kind: roman, number: "I", title: "Kết quả" }',
      '  - { kind: roman, number: "II", title: "Mục tiêu" }',
      '  - { kind: roman, number: "III", title: "Giải pháp" }',
      '',
    ].join('\n');
    fs.writeFileSync(tpl, good);
    fs.writeFileSync(path.join(dir, 'draftlint.json'), JSON.stringify({ template: 'mau.yaml' }));
    const text = ['# Bản thử', '', 'I- KẾT QUẢ', 'Nội dung.', 'II- MỤC TIÊU', 'Phấn đấu.', ''].join('\n');
    const c = await LspClient.start({ root: dir, watchedFiles: true });
    try {
      const uri = fileUri(path.join(dir, 'd.md'));
      await c.open(uri, text);
      const ds = await c.waitForDiagnostics(uri, byCode('structure/missing-section'));
      const d = ds.find((x) => x.code === 'structure/missing-section') as Diag;
      assert.match(d.message, /III/);
      type Action = { title: string; edit: { changes: Record<string, { range: Diag['range']; newText: string }[]> } };
      const actions = await c.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const insert = actions.find((a) => a.edit.changes[uri]?.[0].newText.includes('Giải pháp'));
      assert.ok(insert, JSON.stringify(actions.map((a) => a.title)));
      fs.writeFileSync(tpl, good.replace('kind: roman, number: "III"', 'kind: nope, number: "III"'));
      await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(tpl), type: 2 }] });
      const td = await c.waitForDiagnostics(fileUri(tpl), (x) => x.length > 0);
      assert.equal(td[0].range.start.line, 4);
      const v = await c.change(uri, undefined, text + 'Thêm một dòng.\n');
      const after = await c.waitForDiagnostics(uri, () => c.publishedVersions.get(uri) === v);
      assert.ok(after.some((y) => y.code === 'structure/missing-section' && /III/.test(y.message)));
      assert.ok((c.diagnostics.get(fileUri(tpl)) ?? []).length > 0);
    } finally {
      await c.stop();
    }
  });
});

describe('workspace folders', () => {
  test('a folder added later is indexed', async () => {
    const loose = path.join(tmp, 'loose3');
    fs.mkdirSync(loose, { recursive: true });
    const added = path.join(tmp, 'added-ws');
    writeWorkspace(added);
    fs.writeFileSync(path.join(added, 'one.md'), DRAFT);
    const c = await LspClient.start({ root: loose });
    try {
      const before = await c.request<{ files: number }>('draftlint/checkWorkspace', {});
      assert.equal(before.files, 0);
      await c.notify('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: fileUri(added), name: 'added' }], removed: [] },
      });
      const res = await c.request<{ files: number; findings: number }>('draftlint/checkWorkspace', {});
      assert.equal(res.files, 1);
      assert.ok(res.findings >= 1);
      const ds = await c.waitForDiagnostics(fileUri(path.join(added, 'one.md')), byCode('figures/canonical-mismatch'));
      assert.deepEqual(ds.find((d) => d.code === 'figures/canonical-mismatch')?.range, rangeOf(DRAFT, '9,5%/năm'));
    } finally {
      await c.stop();
    }
  });
});

describe('transports', () => {
  test('--node-ipc answers initialize', async () => {
    const child = fork(serverJs, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.listen();
    try {
      const r = await conn.sendRequest<{ capabilities: { hoverProvider?: boolean; completionProvider?: unknown } }>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      });
      assert.equal(r.capabilities.hoverProvider, true);
      assert.ok(r.capabilities.completionProvider);
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
    } finally {
      conn.dispose();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const t = setTimeout(() => {
          child.kill();
          resolve();
        }, 2000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  });
});
