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
  // ascii: dist/cli.js reads this bundle as Latin-1 when it is ASCII, which saves decoding it on every run;
  // libsApart: the parsing libraries are left to dist/cli-libs.js
  { entryPoints: ['server/src/cli/app.ts'], outfile: 'dist/cli-app.js', ascii: true, libsApart: true },
  { entryPoints: ['server/src/cli/libs.ts'], outfile: 'dist/cli-libs.js' },
];

/**
 * The CLI program's zod, csv-parse and yaml come from dist/cli-libs.js (server/src/cli/libs.ts), required at
 * run time on first use: the lazy requires of core/zod.ts, core/csv.ts and core/yaml.ts resolve to a module that
 * forwards to it. So the program's bundle, and its V8 code cache, hold none of them.
 */
const LIBS = { './zodlib': 'zodlib', 'csv-parse/sync': 'csv', yaml: 'yaml' };
const libsApart = {
  name: 'libs-apart',
  setup(build) {
    build.onResolve({ filter: /^(\.\/zodlib|csv-parse\/sync|yaml)$/ }, (a) =>
      a.path !== './zodlib' || a.importer.endsWith(path.join('core', 'zod.ts')) ? { path: a.path, namespace: 'libs-apart' } : undefined,
    );
    build.onResolve({ filter: /^\.\/cli-libs\.js$/ }, (a) => ({ path: a.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'libs-apart' }, (a) => ({
      contents: `module.exports = require('./cli-libs.js').${LIBS[a.path]}();`,
      loader: 'js',
      resolveDir: __dirname,
    }));
  },
};

/**
 * Escape the code units esbuild leaves outside ASCII (in comments and regular expression literals) as \uXXXX,
 * which means the same there. A non-ASCII character right after a backslash would change meaning: refuse.
 * (Columns after an escaped character on the same line shift a little in the source map.)
 */
function escapeNonAscii(file) {
  const text = fs.readFileSync(file, 'utf8');
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    let slashes = 0;
    for (let k = i - 1; k >= 0 && text.charCodeAt(k) === 92; k--) slashes++;
    if (slashes % 2 === 1) throw new Error(`${file}: a non-ASCII character after a backslash at offset ${i}`);
    out += text.slice(last, i) + '\\u' + c.toString(16).padStart(4, '0');
    last = i + 1;
  }
  if (last > 0) fs.writeFileSync(file, out + text.slice(last));
}

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
  const options = ({ ascii, libsApart: apart, ...b }) => ({
    ...common,
    ...b,
    plugins: [
      ...(apart ? [libsApart] : []),
      ...(ascii ? [{ name: 'ascii', setup: (build) => build.onEnd((r) => r.errors.length || escapeNonAscii(path.join(__dirname, b.outfile))) }] : []),
    ],
  });
  if (watch) {
    for (const b of present) (await esbuild.context(options(b))).watch();
    return;
  }
  await Promise.all(present.map((b) => esbuild.build(options(b))));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
