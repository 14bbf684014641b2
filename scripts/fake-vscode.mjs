#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() launches (no VS Code desktop
// can be downloaded offline). Accepts the same arguments:
//   --extensionDevelopmentPath=P  --extensionTestsPath=P  --user-data-dir=D  --extensions-dir=D  [FOLDER]
// (others, such as --no-sandbox or --disable-extensions, are ignored), starts code-server on a free port in
// its own process group, opens the workbench with the extension and the test suite in headless Chromium,
// and exits with the suite's exit code (reported by the page through `codeAutomationExit`).
// Env: DRAFTLINT_E2E_TIMEOUT (seconds, default 300), DRAFTLINT_E2E_KEEP=1 keeps the scratch folder.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, log, repoRoot, scratchDir, startCodeServer, workbenchUrl } from './e2e-lib.mjs';

const opts = { folder: undefined, dev: [], tests: undefined, userDataDir: undefined, extensionsDir: undefined };
for (const a of process.argv.slice(2)) {
  const m = /^--([^=]+)=(.*)$/.exec(a);
  if (m) {
    if (m[1] === 'extensionDevelopmentPath') opts.dev.push(resolve(m[2]));
    else if (m[1] === 'extensionTestsPath') opts.tests = resolve(m[2]);
    else if (m[1] === 'user-data-dir') opts.userDataDir = resolve(m[2]);
    else if (m[1] === 'extensions-dir') opts.extensionsDir = resolve(m[2]);
  } else if (!a.startsWith('-')) opts.folder = resolve(a);
}
if (opts.dev.length > 1) log('only the first --extensionDevelopmentPath is loaded');

const timeoutS = Number(process.env.DRAFTLINT_E2E_TIMEOUT || 300);
const scratch = scratchDir('vsc-');
const resultsDir = join(repoRoot, 'test-results');
const suiteLog = join(scratch, 'suite.log');
let server;
let browser;
let exitCode = 1;
let cleaning = false;

async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  try {
    await browser?.close();
  } catch {}
  await server?.stop();
  if (process.env.DRAFTLINT_E2E_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
  else log('scratch kept:', scratch);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`got ${sig}, stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

/** stream the suite's log file (written by test/e2e/suite via DRAFTLINT_E2E_LOG) to our stdout */
let printed = 0;
function pumpSuiteLog() {
  try {
    if (!existsSync(suiteLog) || statSync(suiteLog).size <= printed) return;
    const buf = readFileSync(suiteLog);
    process.stdout.write(buf.subarray(printed));
    printed = buf.length;
  } catch {}
}

async function main() {
  server = await startCodeServer({
    scratch,
    userDataDir: opts.userDataDir,
    extensionsDir: opts.extensionsDir,
    folder: opts.folder,
    env: { DRAFTLINT_E2E_LOG: suiteLog },
  });
  log(`code-server on ${server.base} (log: ${server.logFile})`);
  browser = await launchChromium(scratch);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));
  page.on('pageerror', (e) => log('page error:', e.message));
  if (process.env.DRAFTLINT_E2E_VERBOSE) page.on('console', (m) => log(`console.${m.type()}:`, m.text()));
  const url = workbenchUrl(server.base, {
    folder: opts.folder,
    extensionDevelopmentPath: opts.dev[0],
    extensionTestsPath: opts.tests,
  });
  await page.goto(url);
  const pump = setInterval(pumpSuiteLog, 300);
  const timer = new Promise((r) => setTimeout(r, timeoutS * 1000, 'timeout'));
  const result = await Promise.race([exited, timer]);
  clearInterval(pump);
  pumpSuiteLog();
  if (result === 'timeout') {
    log(`the test suite did not finish in ${timeoutS} s`);
    mkdirSync(resultsDir, { recursive: true });
    const shot = join(resultsDir, 'fake-vscode-timeout.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    log('screenshot:', shot);
    exitCode = 1;
  } else {
    exitCode = result;
  }
}

main()
  .catch((err) => {
    log(err?.stack || String(err));
    exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    process.exit(exitCode);
  });
