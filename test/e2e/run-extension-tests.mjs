// Runs test/e2e/suite (inside the VS Code extension host) with @vscode/test-electron's runTests, using
// scripts/fake-vscode.mjs as the "VS Code executable" (code-server + headless Chromium; see docs/E2E-TESTS.md).
// The example workspace is copied to a scratch folder first, so the tests never touch the repository.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ensureSetup, log, repoRoot, scratchDir } from '../../scripts/e2e-lib.mjs';

ensureSetup();
const scratch = scratchDir('ext-');
const workspace = join(scratch, 'workspace', 'quang-ninh');
mkdirSync(join(scratch, 'workspace'), { recursive: true });
cpSync(join(repoRoot, 'examples', 'quang-ninh'), workspace, { recursive: true });

let code = 0;
try {
  await runTests({
    vscodeExecutablePath: join(repoRoot, 'scripts', 'fake-vscode.mjs'),
    // DRAFTLINT_E2E_EXTENSION_PATH: test another build of the extension (e.g. an unpacked vsix)
    extensionDevelopmentPath: process.env.DRAFTLINT_E2E_EXTENSION_PATH || repoRoot,
    extensionTestsPath: join(repoRoot, 'test', 'e2e', 'suite', 'index.js'),
    launchArgs: [workspace, `--user-data-dir=${join(scratch, 'user-data')}`, `--extensions-dir=${join(scratch, 'extensions')}`],
  });
} catch (err) {
  log('extension tests failed:', err?.message || err);
  code = 1;
} finally {
  if (process.env.DRAFTLINT_E2E_KEEP !== '1') rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
