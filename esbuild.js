// One esbuild script, one entry per bundle (the vscode-eslint layout).
const esbuild = require('esbuild');
const path = require('path');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions[]} */
const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/lsp/worker.ts'], outfile: 'dist/lint-worker.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/cli/app.ts'], outfile: 'dist/cli-app.js' },
];

const fs = require('fs');
async function main() {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
  };
  const present = bundles.filter((b) => fs.existsSync(path.join(__dirname, b.entryPoints[0])));
  if (watch) {
    for (const b of present) (await esbuild.context({ ...common, ...b })).watch();
    return;
  }
  await Promise.all(present.map((b) => esbuild.build({ ...common, ...b })));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
