// The language server under load (imported by scripts/bench.mjs: `npm run bench lsp`).
// Spawns `node dist/server.js --stdio` and speaks JSON-RPC to it with the small client below, then records:
// didOpen → diagnostics (a cold server; right after a first document; and, with the budget, once the server has
// been up 1.5 s after a first document, median of 5 fresh servers), edit → updated diagnostics (leading-edge lints),
// completion with 5,000 indicators, and the server's resident memory with a 100-document workspace.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6;
const uriOf = (p) => pathToFileURL(p).href;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A minimal LSP client over a child's stdio (Content-Length framing). */
export class Client {
  constructor(child, settings) {
    this.child = child;
    this.settings = settings;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Set();
    this.buf = Buffer.alloc(0);
    this.stderr = '';
    /** lint times (ms) the server reported (DRAFTLINT_TRACE) */
    this.lintTimes = [];
    child.stdout.on('data', (b) => this.onData(b));
    child.stderr.on('data', (b) => (this.stderr += b));
  }

  static async start(root, { settings = {}, serverJs, env = {} }) {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const c = new Client(child, settings);
    await c.request('initialize', {
      processId: process.pid,
      rootUri: root ? uriOf(root) : null,
      workspaceFolders: root ? [{ uri: uriOf(root), name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { documentationFormat: ['markdown'] } },
        },
      },
    });
    c.notify('initialized', {});
    return c;
  }

  onData(chunk) {
    this.buf = Buffer.concat([this.buf, chunk]);
    for (;;) {
      const head = this.buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const m = /Content-Length: *(\d+)/i.exec(this.buf.subarray(0, head).toString('ascii'));
      if (!m) throw new Error('bad header from the server');
      const len = Number(m[1]);
      if (this.buf.length < head + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(head + 4, head + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(head + 4 + len);
      this.onMessage(msg);
    }
  }

  onMessage(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(new Error(`${msg.error.message}`));
      else p.resolve(msg.result);
      return;
    }
    if (msg.id !== undefined) {
      // a request from the server
      const result = msg.method === 'workspace/configuration' ? msg.params.items.map(() => this.settings) : null;
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    if (msg.method === 'window/logMessage') {
      const m = /\(lint ([\d.]+) ms\)/.exec(msg.params.message);
      if (m) this.lintTimes.push(Number(m[1]));
      if (process.env.BENCH_TRACE) console.log(`  [server] ${msg.params.message}`);
    }
    for (const l of [...this.listeners]) l(msg, now());
  }

  send(msg) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the time a notification matching `pred` arrived. */
  waitFor(pred, ms = 60000, what = 'a notification') {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(l);
        reject(new Error(`timed out waiting for ${what}\n${this.stderr}`));
      }, ms);
      const l = (msg, t) => {
        if (!pred(msg)) return;
        clearTimeout(timer);
        this.listeners.delete(l);
        resolve({ msg, t });
      };
      this.listeners.add(l);
    });
  }

  diagnosticsOf(uri, version) {
    return this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version),
      60000,
      `diagnostics of ${uri}${version === undefined ? '' : ` v${version}`}`,
    );
  }

  /** didOpen, then the time until its diagnostics arrive (ms). */
  async openAndWait(uri, text, languageId = 'plaintext') {
    const got = this.diagnosticsOf(uri, 1);
    const t0 = now();
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const { msg, t } = await got;
    return { ms: t - t0, diagnostics: msg.params.diagnostics };
  }

  rssMB() {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (name) => Number((new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status) || [])[1]);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  }

  async stop() {
    try {
      await Promise.race([this.request('shutdown'), sleep(2000)]);
      this.notify('exit');
    } catch {
      /* gone */
    }
    await new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 3000);
      this.child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}

/** 5,000 synthetic indicators (names built from common indicator words, one value each). */
function syntheticCsv(n) {
  const heads = ['Tỷ lệ', 'Tốc độ tăng', 'Số lượng', 'Tổng vốn', 'Diện tích', 'Sản lượng', 'Năng suất', 'Thu nhập', 'Giá trị', 'Chỉ số'];
  const objects = ['hộ nghèo', 'lao động', 'doanh nghiệp', 'xuất khẩu', 'rừng trồng', 'điện', 'than', 'du lịch', 'nhà ở', 'trường học'];
  const rows = ['id,name,aliases,unit,period,kind,value,bound,source'];
  rows.push('grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,Tổng hợp');
  for (let i = 1; i < n; i++) {
    const name = `${heads[i % heads.length]} ${objects[Math.floor(i / heads.length) % objects.length]} nhóm ${i}`;
    rows.push(`ind_${i},${name},${objects[i % objects.length]} ${i},%,2021-2025,actual,${(i % 97) / 10},,Nguồn ${i % 13}`);
  }
  return rows.join('\n') + '\n';
}

/** Replace one character of a line: an edit that changes a figure, as a user would. */
function figureEdit(text, k) {
  const lines = text.split('\n');
  // lines holding a decimal comma figure: flip one digit
  const cands = [];
  lines.forEach((l, i) => {
    const m = /\d,\d/.exec(l);
    if (m) cands.push({ line: i, character: m.index + 2 });
  });
  const c = cands[(k * 7) % cands.length];
  return c;
}

export async function bench({ root, corpus, corpusText, tmp, record, exampleDir }) {
  console.log('\n# language server (node dist/server.js --stdio)');
  const serverJs = join(root, 'dist', 'server.js');
  if (!existsSync(serverJs) || !existsSync(join(root, 'dist', 'lint-worker.js'))) {
    const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) return false;
  }
  const exampleDraft = join(exampleDir, 'du-thao-bao-cao-chinh-tri.md');
  const exampleText = readFileSync(exampleDraft, 'utf8');


  // a project with the example's data; the real draft and the example draft in it
  const ws = join(tmp, 'lsp-open');
  mkdirSync(ws, { recursive: true });
  copyFileSync(join(exampleDir, 'indicators.csv'), join(ws, 'indicators.csv'));
  writeFileSync(join(ws, 'draftlint.json'), JSON.stringify({ indicators: ['indicators.csv'] }));
  const draftPath = join(ws, 'draft.txt');
  writeFileSync(draftPath, corpusText);
  writeFileSync(join(ws, 'warm.md'), exampleText);
  const draftUri = uriOf(draftPath);
  console.log(`  draft: ${corpus.split('/').slice(-1)[0]} (${Math.round(Buffer.byteLength(corpusText) / 1024)} KB)`);

  // 1. cold: the first document a fresh server sees (no workspace folder: nothing is indexed meanwhile)
  {
    const c = await Client.start(null, { serverJs });
    try {
      const r = await c.openAndWait(draftUri, corpusText);
      record('didOpen → diagnostics, cold server (real draft)', r.ms, 'ms');
    } finally {
      await c.stop();
    }
  }

  // 2. warm: a user opens the draft while the server is running: after one other document (the example), once
  // the server has settled (its lint worker warms up in the first second, while the user finds the file). One
  // sample per fresh server, median of several; and, without a budget, the same open right after the first
  // document, while the server is still starting.
  const SETTLE_MS = 1500;
  const SAMPLES = 5;
  const openAfterWarmUp = async (settle) => {
    const c = await Client.start(null, { serverJs, env: { DRAFTLINT_TRACE: '1' } });
    await c.openAndWait(uriOf(join(ws, 'warm.md')), exampleText, 'markdown');
    if (settle) await sleep(settle);
    c.lintTimes.length = 0;
    const r = await c.openAndWait(draftUri, corpusText);
    await sleep(50); // the lint time is logged after the diagnostics
    return { c, ms: r.ms, lint: c.lintTimes[0] };
  };
  {
    const early = [];
    for (let k = 0; k < 3; k++) {
      const { c, ms } = await openAfterWarmUp(0);
      early.push(ms);
      await c.stop();
    }
    record('didOpen → diagnostics right after a first document, server still starting (median of 3)', median(early), 'ms');
  }
  {
    const opens = [];
    const lints = [];
    let c;
    for (let k = 0; k < SAMPLES; k++) {
      if (c) await c.stop();
      const r = await openAfterWarmUp(SETTLE_MS);
      c = r.c;
      opens.push(r.ms);
      if (r.lint !== undefined) lints.push(r.lint);
    }
    try {
      record(`didOpen → diagnostics, server up ${SETTLE_MS / 1000} s after a first document (median of ${SAMPLES} servers)`, median(opens), 'ms', 60);
      record('  of which the core lint() in the worker (median)', median(lints), 'ms');
      record('  fastest and slowest', `${Math.min(...opens).toFixed(1)} / ${Math.max(...opens).toFixed(1)}`, 'ms');
      // 20 single edits spaced out (each a leading-edge lint) on the last server
      c.lintTimes.length = 0;
      const xs = [];
      let version = 1;
      let text = corpusText;
      for (let k = 0; k < 20; k++) {
        await sleep(400);
        const pos = figureEdit(text, k);
        const lines = text.split('\n');
        const old = lines[pos.line][pos.character];
        const digit = old === '9' ? '1' : String(Number(old) + 1);
        lines[pos.line] = lines[pos.line].slice(0, pos.character) + digit + lines[pos.line].slice(pos.character + 1);
        text = lines.join('\n');
        version++;
        const got = c.diagnosticsOf(draftUri, version);
        const t0 = now();
        c.notify('textDocument/didChange', {
          textDocument: { uri: draftUri, version },
          contentChanges: [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: digit }],
        });
        const { t } = await got;
        xs.push(t - t0);
      }
      record('edit → updated diagnostics (median of 20 single edits)', median(xs), 'ms', 40);
      record('  core lint() in the worker (median of the same 20)', median(c.lintTimes), 'ms');
      record('  the rest: transport, queue, worker round trip, conversions (median of differences)', median(xs.map((x, i) => x - (c.lintTimes[i] ?? 0))), 'ms');
      record('edit → updated diagnostics, fastest and slowest of 20', `${Math.min(...xs).toFixed(1)} / ${Math.max(...xs).toFixed(1)}`, 'ms');
    } finally {
      await c.stop();
    }
  }

  // 3. completion with 5,000 indicators
  {
    const dir = join(tmp, 'lsp-completion');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'big.csv'), syntheticCsv(5000));
    writeFileSync(join(dir, 'draftlint.json'), JSON.stringify({ indicators: ['big.csv'] }));
    const queries = ['tang truong', 'ty le ho ngh', 'san luong than', 'toc do tang', 'nang suat lao', 'gia tri xuat khau', 'chi so', 'tong von doanh', 'dien tich rung', 'thu nhap'];
    const lines = queries.map((q) => `Trong giai đoạn này ${q}`);
    const text = lines.join('\n') + '\n';
    const uri = uriOf(join(dir, 'notes.md'));
    const c = await Client.start(null, { serverJs });
    try {
      await c.openAndWait(uri, text, 'markdown');
      const xs = [];
      let items = 0;
      for (let k = 0; k < 55; k++) {
        const line = k % lines.length;
        const t0 = now();
        const r = await c.request('textDocument/completion', { textDocument: { uri }, position: { line, character: lines[line].length } });
        if (k >= 5) xs.push(now() - t0); // the first ones build the completion index
        items += r.items.length;
      }
      if (!items) console.log('  (completion returned no items!)');
      record('completion with 5,000 indicators (median of 50)', median(xs), 'ms', 10);
    } finally {
      await c.stop();
    }
  }

  // 4. memory: a 100-document workspace, indexed, 10 documents open
  {
    const dir = join(tmp, 'lsp-workspace');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(exampleDir, 'indicators.csv'), join(dir, 'indicators.csv'));
    copyFileSync(join(exampleDir, 'draftlint.json'), join(dir, 'draftlint.json'));
    const names = Array.from({ length: 100 }, (_, i) => `du-thao-${String(i + 1).padStart(3, '0')}.md`);
    for (const n of names) writeFileSync(join(dir, n), exampleText);
    const c = await Client.start(dir, { serverJs });
    try {
      const t0 = now();
      const r = await c.request('draftlint/checkWorkspace', {});
      record(`index a 100-document workspace (${r.files} files)`, now() - t0, 'ms');
      for (const n of names.slice(0, 10)) await c.openAndWait(uriOf(join(dir, n)), exampleText, 'markdown');
      await sleep(500);
      const m = c.rssMB();
      record('server RSS, 100 documents indexed + 10 open', m.rss, 'MB', 150);
      record('server peak RSS (VmHWM) meanwhile', m.hwm, 'MB');
    } finally {
      await c.stop();
    }
  }
  return true;
}
