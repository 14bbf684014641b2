// `npm run test:e2e`: the editor end-to-end tests (docs/E2E-TESTS.md).
//   1. install code-server, Chromium & co. outside the repo when missing (scripts/e2e-setup.sh)
//   2. build the bundles
//   3. extension-host tests: test/e2e/run-extension-tests.mjs (@vscode/test-electron runTests + fake-vscode)
//   4. package the vsix (npm run package) and run the UI test against the installed package (test/e2e/ui.spec.mjs)
// Options: --dev  skip packaging; the UI test loads the repository as the extension under development.
//          --only ext|ui  run one of the two suites.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSetup, log, repoRoot } from './e2e-lib.mjs';

const argv = process.argv.slice(2);
const dev = argv.includes('--dev');
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** run a node script, echo its output, and read its closing "N passed, N failed" line */
function runSuite(script, args = []) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => {
      const m = [...out.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
      const passed = m ? Number(m[1]) : 0;
      const failed = m ? Number(m[2]) : 0;
      resolve({ code, passed, failed: code !== 0 && failed === 0 ? 1 : failed });
    });
  });
}

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    log(`${cmd} ${args.join(' ')} failed`);
    process.exit(r.status || 1);
  }
}

ensureSetup();
sh(process.execPath, ['esbuild.js']);
if (!existsSync(join(repoRoot, 'dist', 'server.js'))) {
  log('dist/server.js is missing: the language server (server/src/lsp/main.ts) did not build');
  process.exit(1);
}

let passed = 0;
let failed = 0;
const add = (r) => {
  passed += r.passed;
  failed += r.failed;
};

if (!only || only === 'ext') {
  console.log('\n== extension-host tests (test/e2e/suite via @vscode/test-electron) ==');
  add(await runSuite(join('test', 'e2e', 'run-extension-tests.mjs')));
}
if (!only || only === 'ui') {
  console.log('\n== UI test (test/e2e/ui.spec.mjs) ==');
  if (dev) {
    add(await runSuite(join('test', 'e2e', 'ui.spec.mjs'), ['--dev']));
  } else {
    sh(npm, ['run', '--silent', 'package']);
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const vsix = join(repoRoot, `draftlint-${version}.vsix`);
    add(await runSuite(join('test', 'e2e', 'ui.spec.mjs'), ['--vsix', vsix]));
  }
}
console.log(`\ne2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
