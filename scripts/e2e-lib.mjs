// Shared helpers of the editor end-to-end tests: code-server (VS Code 1.100 in the browser) and headless
// Chromium driven by playwright-core. Everything they install or write lives outside the repository, in
// $DRAFTLINT_E2E_CACHE (default ~/.cache/draftlint-e2e). See docs/E2E-TESTS.md.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = process.env.DRAFTLINT_E2E_CACHE || join(homedir(), '.cache', 'draftlint-e2e');
export const codeServerBin = join(cacheDir, 'code-server', 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.DRAFTLINT_E2E_CHROMIUM || '/usr/bin/chromium';

export function log(...args) {
  console.error('[e2e]', ...args);
}

/** install code-server and the Debian packages when missing (scripts/e2e-setup.sh is idempotent) */
export function ensureSetup() {
  if (existsSync(codeServerBin) && existsSync(chromiumPath)) return;
  log('running scripts/e2e-setup.sh (first run: about 2 minutes)');
  const r = spawnSync('bash', [join(repoRoot, 'scripts', 'e2e-setup.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('scripts/e2e-setup.sh failed');
}

/**
 * A fresh scratch folder for one run. Kept short and in the system temp folder: Chromium and VS Code put
 * UNIX sockets in there, whose paths must stay under 108 bytes.
 */
export function scratchDir(prefix = 'run-') {
  return mkdtempSync(join(tmpdir(), `dle2e-${prefix}`));
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** environment with XDG dirs and TMPDIR inside `scratch`, so nothing is written to the user's home */
export function scratchEnv(scratch, extra = {}) {
  const env = { ...process.env, ...extra };
  for (const [k, sub] of [
    ['XDG_CONFIG_HOME', 'xdg-config'],
    ['XDG_CACHE_HOME', 'xdg-cache'],
    ['XDG_DATA_HOME', 'xdg-data'],
    ['XDG_STATE_HOME', 'xdg-state'],
    ['TMPDIR', 'tmp'],
  ]) {
    env[k] = join(scratch, sub);
    mkdirSync(env[k], { recursive: true });
  }
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/** kill a whole process group (the child was spawned detached, so its pid is the group id) */
export async function killGroup(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    try {
      if (child?.pid) process.kill(-child.pid, 'SIGKILL'); // leftovers of the group
    } catch {}
    return;
  }
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
  const timer = new Promise((r) => setTimeout(r, graceMs, 'timeout'));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
    await Promise.race([exited, new Promise((r) => setTimeout(r, 1000))]);
  }
  try {
    process.kill(-child.pid, 'SIGKILL'); // file watchers and helpers that outlived the parent
  } catch {}
}

/**
 * Start code-server in its own process group. Returns { port, base, child, logFile, stop }.
 * `folder` is opened by default; `installVsix` installs an extension first (into extensionsDir).
 */
export async function startCodeServer({ scratch, userDataDir, extensionsDir, folder, env: extraEnv = {}, installVsix }) {
  ensureSetup();
  userDataDir ??= join(scratch, 'user-data');
  extensionsDir ??= join(scratch, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) {
    // a quiet workbench: no welcome page or tips competing for focus
    const settings = {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'security.workspace.trust.enabled': false,
      'update.mode': 'none',
    };
    writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  }
  const env = scratchEnv(scratch, extraEnv);
  const logFile = join(scratch, 'code-server.log');
  if (installVsix) {
    const r = spawnSync(
      codeServerBin,
      ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', installVsix, '--force'],
      { env, encoding: 'utf8', timeout: 120_000 },
    );
    if (r.status !== 0) throw new Error(`installing ${installVsix} failed:\n${r.stdout}\n${r.stderr}`);
  }
  const port = await freePort();
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--cert', 'false',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (folder) args.push(folder);
  const fd = openSync(logFile, 'a');
  const child = spawn(codeServerBin, args, { env, detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const base = `http://127.0.0.1:${port}`;
  const stop = () => killGroup(child);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); see ${logFile}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz in 90 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port, base, child, logFile, userDataDir, extensionsDir, stop };
}

/** launch headless Chromium (Debian's) with playwright-core */
export async function launchChromium(scratch) {
  const { chromium } = await import('playwright-core');
  const env = scratchEnv(join(scratch, 'chromium'));
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    env,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** URL that opens `folder`, optionally with an extension under development and a test suite */
export function workbenchUrl(base, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = new URL(base).host;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', `vscode-remote://${authority}${extensionDevelopmentPath}`]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${extensionTestsPath}`]);
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${base}/?${q}`;
}
