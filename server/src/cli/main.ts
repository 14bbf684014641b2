/**
 * The CLI entry (bundled to dist/cli.js, required by bin/draftlint.js): a tiny loader for the real program,
 * dist/cli-app.js, compiled through a V8 code cache so that a run does not pay for compiling ~0.5 MB of
 * JavaScript (the core and the CLI) every time. Node 20 has no module.enableCompileCache, so this does the
 * same by hand with vm.Script `cachedData`. (The parsing libraries, dist/cli-libs.js, are required plainly, on
 * a run that parses a file the parse cache does not hold: see cli/libs.ts.)
 *
 * The cache lives in `<package>/node_modules/.cache/draftlint/` (only when that node_modules exists) and is
 * keyed by the bundle's size and mtime; V8 itself rejects a stale or foreign cache. It is written once after a
 * run that linted something (so it holds the lazily compiled lint functions too). Any problem → plain require.
 * DRAFTLINT_NO_COMPILE_CACHE=1 turns it off (and the parsed-data cache of datacache.ts with it).
 */
import fs = require('node:fs');
import path = require('node:path');
import vm = require('node:vm');
import buffer = require('node:buffer');

declare const __dirname: string;

const app = path.join(__dirname, 'cli-app.js');

interface CjsModule {
  exports: unknown;
  filename: string;
  paths: string[];
  require(id: string): unknown;
}
interface ModuleStatics {
  wrap(src: string): string;
  _nodeModulePaths(dir: string): string[];
  new (id: string, parent?: unknown): CjsModule;
}

/**
 * Compile the program (with the cache when there is one) and return a function that runs it; null when the
 * cache cannot be used (then the program is simply required).
 * Cache file: a marker byte before the V8 data: 1 = written after a lint run (complete), 0 = after another command.
 */
function prepare(): (() => void) | null {
  if (process.env.DRAFTLINT_NO_COMPILE_CACHE) return null;
  // the CommonJS Module class, as the module object's constructor: `require('node:module')` would also load
  // the ES module loader, for nothing
  const M = module.constructor as unknown as ModuleStatics;
  if (typeof M.wrap !== 'function' || typeof M._nodeModulePaths !== 'function') return null;
  const root = path.dirname(__dirname);
  const nm = path.join(root, 'node_modules');
  let st: fs.Stats;
  try {
    st = fs.statSync(app);
    if (!fs.statSync(nm).isDirectory()) return null;
  } catch {
    return null;
  }
  const dir = path.join(nm, '.cache', 'draftlint');
  const build = `${st.size}-${Math.floor(st.mtimeMs)}`;
  const cacheFile = path.join(dir, `cli-${build}.v8`);
  let cached: Buffer | undefined;
  let complete = false;
  try {
    const buf = fs.readFileSync(cacheFile);
    if (buf.length > 1) {
      complete = buf[0] === 1;
      cached = buf.subarray(1);
    }
  } catch {
    cached = undefined;
  }
  const script = new vm.Script(M.wrap(readSource(app)), { filename: app, cachedData: cached });
  const fn = script.runInThisContext() as (e: unknown, r: unknown, m: unknown, f: string, d: string) => void;
  const mod = new M(app, module);
  mod.filename = app;
  // the program may keep parsed data files next to the code cache (datacache.ts), keyed by this build
  (globalThis as { __draftlintCache?: { dir: string; build: string } }).__draftlintCache = { dir, build };
  mod.paths = M._nodeModulePaths(path.dirname(app));
  const needWrite = !cached || script.cachedDataRejected === true || !complete;
  if (needWrite) {
    process.once('exit', () => {
      // worker threads of the lint pool (pool.ts) read the cache but leave writing it to the main thread
      // (node:worker_threads is loaded only here: it costs a run ~3 ms)
      if (!(require('node:worker_threads') as typeof import('node:worker_threads')).isMainThread) return;
      const linted = (globalThis as { __draftlintLinted?: boolean }).__draftlintLinted === true;
      if (cached && !script.cachedDataRejected && !linted) return; // nothing better to write
      try {
        const data = script.createCachedData();
        fs.mkdirSync(dir, { recursive: true });
        // drop caches of older builds
        for (const f of fs.readdirSync(dir)) {
          const old = (f.startsWith('cli-') && f.endsWith('.v8') && path.join(dir, f) !== cacheFile) || (f.startsWith('data-') && !f.startsWith(`data-${build}-`));
          if (old) fs.rmSync(path.join(dir, f), { force: true });
        }
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, Buffer.concat([Buffer.from([linted ? 1 : 0]), data]));
        fs.renameSync(tmp, cacheFile);
      } catch {
        // a read-only install: run without a cache
      }
    });
  }
  return () => fn.call(mod.exports, mod.exports, (id: string) => mod.require(id), mod, app, path.dirname(app));
}

/**
 * The program's source. The build writes it in ASCII (esbuild.js), and an ASCII file read as Latin-1 becomes a
 * one-byte string without decoding: UTF-8 decoding of the bundle cost every run a few milliseconds.
 */
function readSource(file: string): string {
  const bytes = fs.readFileSync(file);
  return buffer.isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

let start: (() => void) | null = null;
try {
  start = prepare();
} catch {
  start = null;
}
if (start) start();
else require(app);
