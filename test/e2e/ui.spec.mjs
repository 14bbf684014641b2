// UI test in a real VS Code (code-server 1.100 in headless Chromium, driven by playwright-core): open the
// example draft, see squiggles, the Problems panel, the status bar item and the figures report webview.
// Usage: node test/e2e/ui.spec.mjs [--vsix FILE | --dev]
//   --vsix FILE  install that package (default: draftlint-<version>.vsix at the repo root, when present)
//   --dev        load the repository itself as the extension under development
// Screenshots of failures go to test-results/. Waits for state, never sleeps.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, log, repoRoot, scratchDir, startCodeServer, workbenchUrl } from '../../scripts/e2e-lib.mjs';

const argv = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
let vsix = argv.includes('--vsix') ? argv[argv.indexOf('--vsix') + 1] : join(repoRoot, `draftlint-${pkg.version}.vsix`);
const dev = argv.includes('--dev') || !existsSync(vsix);
if (dev) vsix = undefined;
// DRAFTLINT_E2E_EXTENSION_PATH: with --dev, load that folder instead of the repository
const devPath = process.env.DRAFTLINT_E2E_EXTENSION_PATH || repoRoot;

const resultsDir = join(repoRoot, 'test-results');
const scratch = scratchDir('ui-');
const workspace = join(scratch, 'workspace', 'quang-ninh');
mkdirSync(join(scratch, 'workspace'), { recursive: true });
cpSync(join(repoRoot, 'examples', 'quang-ninh'), workspace, { recursive: true });
const draftName = (await import('node:fs'))
  .readdirSync(workspace)
  .filter((n) => /\.(md|txt)$/i.test(n) && !/^readme/i.test(n))
  .sort()[0];

const T = 60_000;
let server;
let browser;
let page;
let passed = 0;
let failed = 0;

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`✔ ${name} (${Date.now() - t0} ms)`);
    return true;
  } catch (err) {
    failed++;
    console.log(`✖ ${name} (${Date.now() - t0} ms)\n    ${String(err?.message || err).split('\n').slice(0, 8).join('\n    ')}`);
    if (page) {
      mkdirSync(resultsDir, { recursive: true });
      const file = join(resultsDir, `ui-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      await page.screenshot({ path: file }).catch(() => undefined);
      console.log(`    screenshot: ${file}`);
    }
    return false;
  }
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
}

async function main() {
  console.log(`draftlint UI test (${dev ? `extension under development: ${devPath}` : `vsix ${vsix}`})`);
  server = await startCodeServer({ scratch, installVsix: vsix });
  browser = await launchChromium(scratch);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => log('page error:', e.message));
  const url = workbenchUrl(server.base, { folder: workspace, extensionDevelopmentPath: dev ? devPath : undefined });

  const ok = await step('the workbench loads', async () => {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: T });
    await page.locator('.statusbar').waitFor({ timeout: T });
  });
  if (!ok) return;

  await step('the example draft opens and shows squiggles', async () => {
    if (!draftName) throw new Error('no draft in examples/quang-ninh');
    // the Explorer lists the example folder; a click opens the file
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: draftName }).first().click({ timeout: T });
    await page.locator('.tab.active', { hasText: draftName }).waitFor({ timeout: T });
    await page
      .locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info')
      .first()
      .waitFor({ state: 'attached', timeout: T });
  });

  await step('the status bar shows draftlint with counts', async () => {
    const item = page.locator('.statusbar-item', { hasText: /draftlint: \d+/ }).first();
    await item.waitFor({ timeout: T });
    const text = await item.innerText();
    console.log(`    status bar: ${text.trim()}`);
  });

  await step('the Problems panel lists the findings', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.first().waitFor({ timeout: T });
    const n = await rows.count();
    if (n < 2) throw new Error(`only ${n} rows in the Problems panel`);
    console.log(`    problems rows: ${n}`);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'ui-problems.png') });
  });

  await step('the figures report shows a table of figures', async () => {
    await runCommand('draftlint: Show Figures Report');
    const frame = page.frameLocator('iframe.webview.ready[src*="extensionId=draftlint.draftlint"]').frameLocator('iframe#active-frame');
    const rows = frame.locator('#body tr');
    await rows.first().waitFor({ timeout: T });
    const n = await rows.count();
    console.log(`    report rows: ${n}`);
    // sort by verdict and filter: the table reacts
    await frame.locator('th button.sort').last().click();
    await frame.locator('#filter').fill('zzzz-no-such-figure');
    await frame.locator('#body tr').first().waitFor({ state: 'detached', timeout: T });
    await frame.locator('#filter').fill('');
    await rows.first().waitFor({ timeout: T });
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'ui-figures-report.png') });
  });

  await step('the figures report exports CSV through the save dialog', async () => {
    const frame = page.frameLocator('iframe.webview.ready[src*="extensionId=draftlint.draftlint"]').frameLocator('iframe#active-frame');
    const n = await frame.locator('#body tr').count();
    await frame.locator('#export-csv').click();
    // code-server's save dialog is a quick input prefilled with <folder of the draft>/figures.csv
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: T });
    await page.waitForFunction(() => /figures\.csv$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''), null, { timeout: T });
    await page.keyboard.press('Enter');
    const file = join(workspace, 'figures.csv');
    await page.locator('.notifications-toasts', { hasText: 'figures.csv' }).first().waitFor({ timeout: T });
    const csv = readFileSync(file, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r\n/);
    if (lines.length !== n + 1) throw new Error(`figures.csv has ${lines.length} lines for ${n} rows`);
    console.log(`    ${file}: ${lines.length} lines`);
  });

  // last: this one replaces the window's folder
  await step('"Open the example" (walkthrough) opens the bundled example in its own folder', async () => {
    await page.keyboard.press('Escape');
    await runCommand('draftlint: Open the Example');
    // the window reloads on the copy in the extension's storage; the draft opens by itself
    await page.waitForURL((u) => u.searchParams.get('folder') !== workspace && /quang-ninh/.test(u.searchParams.get('folder') ?? ''), { timeout: T });
    await page.locator('.tab.active', { hasText: draftName }).waitFor({ timeout: T });
    await page
      .locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info')
      .first()
      .waitFor({ state: 'attached', timeout: T });
  });
}

let exitCode = 1;
try {
  await main();
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
} catch (err) {
  console.log(`✖ ${err?.stack || err}`);
  failed++;
} finally {
  console.log(`${passed} passed, ${failed} failed`);
  await browser?.close().catch(() => undefined);
  await server?.stop();
  if (process.env.DRAFTLINT_E2E_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
  else log('scratch kept:', scratch);
}
process.exit(exitCode);
