/**
 * Neovim as a real LSP client (headless, scripts/nvim-lsp.lua): it starts `node dist/server.js --stdio`,
 * receives the published diagnostics, asks for a hover and a completion, and writes them as JSON.
 * Skipped when `nvim` is not installed (Debian: apt-get install -y neovim).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureServerBuilt, repoRoot, serverJs } from './lsp-client';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;

const CSV = [
  'id,name,aliases,unit,period,kind,value,bound,source',
  'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,Báo cáo chính trị',
  '',
].join('\n');
const DRAFT = ['# Bản thử', '', 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 9,5%/năm.', 'Ghi chú: tang truong', ''].join('\n');

interface NvimDiag {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  message: string;
  source: string;
  code?: string;
}
interface NvimOut {
  diagnostics: NvimDiag[];
  hover?: string;
  completion?: string[];
  errors: string[];
}

function runNvim(file: string, env: Record<string, string>, timeoutMs = 60000): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('nvim', ['--headless', '--clean', '-u', path.join(repoRoot, 'scripts', 'nvim-lsp.lua'), file], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', () => undefined);
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, stderr });
    });
  });
}

describe('Neovim (headless) as an LSP client', { skip: hasNvim ? false : 'nvim is not installed' }, () => {
  let tmp: string;
  let out: NvimOut;
  let run: { code: number | null; stderr: string };

  before(async () => {
    ensureServerBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-nvim-'));
    const ws = path.join(tmp, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, 'draftlint.json'), JSON.stringify({ indicators: ['indicators.csv'] }));
    fs.writeFileSync(path.join(ws, 'indicators.csv'), CSV);
    const file = path.join(ws, 'draft.md');
    fs.writeFileSync(file, DRAFT);
    const lines = DRAFT.split('\n');
    const figLine = 2;
    const xdg = path.join(tmp, 'xdg');
    run = await runNvim(file, {
      XDG_CONFIG_HOME: path.join(xdg, 'config'),
      XDG_DATA_HOME: path.join(xdg, 'data'),
      XDG_STATE_HOME: path.join(xdg, 'state'),
      XDG_CACHE_HOME: path.join(xdg, 'cache'),
      DRAFTLINT_SERVER: serverJs,
      DRAFTLINT_NODE: process.execPath,
      DRAFTLINT_ROOT: ws,
      DRAFTLINT_OUT: path.join(tmp, 'out.json'),
      DRAFTLINT_HOVER: `${figLine}:${lines[figLine].indexOf('9,5') + 1}`,
      DRAFTLINT_COMPLETE: `3:${lines[3].length}`,
    });
    out = JSON.parse(fs.readFileSync(path.join(tmp, 'out.json'), 'utf8')) as NvimOut;
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('nvim exits cleanly with no client errors', () => {
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(out.errors, []);
  });

  test('the figures/ diagnostic arrives at the right place (Neovim counts bytes; the server sent UTF-16)', () => {
    const line = DRAFT.split('\n')[2];
    const start = line.indexOf('9,5%/năm');
    const end = start + '9,5%/năm'.length;
    const d = out.diagnostics.find((x) => x.code === 'figures/canonical-mismatch');
    assert.ok(d, JSON.stringify(out.diagnostics));
    assert.equal(d.source, 'draftlint');
    assert.equal(d.severity, 1);
    assert.deepEqual(
      [d.lnum, d.col, d.end_lnum, d.end_col],
      [2, Buffer.byteLength(line.slice(0, start)), 2, Buffer.byteLength(line.slice(0, end))],
    );
    assert.match(d.message, /10,4%\/năm/);
  });

  test('hover and completion work from Neovim', () => {
    assert.match(out.hover ?? '', /10,4%\/năm/);
    assert.ok(out.completion?.includes('Tốc độ tăng trưởng GRDP'), JSON.stringify(out.completion));
  });
});
