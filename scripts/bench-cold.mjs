// The lint of one draft in a fresh process, phase by phase: what `draftlint check` pays once per run, when the
// code is compiled (from a V8 code cache, as the CLI loads it) but not yet optimised. No budgets: a tool to find
// and compare the cold cost of the core's phases. The CLI's whole-process budget is in bench.mjs.
//
//   npm run bench cold                       # through bench.mjs: medians over 9 fresh processes
//   node scripts/bench-cold.mjs [--runs N] [--file F] [--against DIR]
//
// --against DIR runs the same phases from another checkout (e.g. a git worktree of main) alternately with this
// one, so that a change of the machine's speed meanwhile affects both alike.
import { existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** the probe: each phase of core/lint.ts timed on its own, then each rule */
function probeSource(root) {
  const core = (p) => JSON.stringify(join(root, 'server', 'src', 'core', p));
  return `
import { readFileSync } from 'node:fs';
import { TextView } from ${core('text')};
import { parseOutline } from ${core('outline')};
import { extractFigures } from ${core('figures')};
import { extractPeriods } from ${core('periods')};
import { matchFigures } from ${core('match')};
import { builtinTemplates, selectTemplate } from ${core('template/builtin')};
import { applyTemplate } from ${core('template/apply')};
import { allRules } from ${core('rules/index')};
import { parseSuppressions } from ${core('suppress')};
import { IndicatorSet } from ${core('data/indicators')};
import { parseIndicatorFile } from ${core('data/parse')};
const [file, csv] = process.argv.slice(2);
const T = {};
const tm = (k, f) => { const t = performance.now(); const r = f(); T[k] = (T[k] || 0) + performance.now() - t; return r; };
const data = csv ? IndicatorSet.from(parseIndicatorFile(readFileSync(csv, 'utf8'), csv).indicators) : IndicatorSet.empty();
const text = readFileSync(file, 'utf8');
const t0 = performance.now();
const view = tm('text view', () => new TextView(text));
const parsed = tm('outline', () => parseOutline(view));
const name = tm('template select', () => selectTemplate(view, parsed.roots, builtinTemplates));
const applied = name ? tm('template apply', () => applyTemplate(builtinTemplates[name], parsed.roots, view)) : null;
const figures = tm('figures', () => extractFigures(view.text));
const periods = tm('periods', () => extractPeriods(view.text));
const citations = tm('match', () => matchFigures({ view, figures, periods, data, applied, headings: parsed.headings }));
const ctx = { view, uri: '', outline: parsed.roots, headings: parsed.headings, figures, periods, citations, data, template: applied, options: {} };
tm('suppressions', () => parseSuppressions(view.text));
for (const r of allRules) tm('rule ' + r.id, () => r.check(ctx, () => {}));
T['= total'] = performance.now() - t0;
process.stdout.write(JSON.stringify(T));
`;
}

/** a loader that runs a bundle through a V8 code cache (written by its first run), like dist/cli.js does */
const LOADER = `
const fs = require('fs'), vm = require('vm'), M = require('module');
const app = process.argv[2], cf = app + '.v8';
let cached; try { cached = fs.readFileSync(cf); } catch {}
const s = new vm.Script(M.wrap(fs.readFileSync(app, 'utf8')), { filename: app, cachedData: cached });
const fn = s.runInThisContext();
const mod = { exports: {} };
process.argv.splice(2, 1);
fn.call(mod.exports, mod.exports, require, mod, app, __dirname);
if (!cached || s.cachedDataRejected) fs.writeFileSync(cf, s.createCachedData());
`;

function build(root, tmp, tag) {
  const require = createRequire(join(here, 'package.json'));
  const esbuild = require('esbuild');
  const entry = join(tmp, `probe-${tag}.mjs`);
  writeFileSync(entry, probeSource(root));
  const out = join(tmp, `probe-${tag}.cjs`);
  esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error', nodePaths: [join(root, 'node_modules')] });
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** medians per phase over `runs` fresh processes for each root (alternating); returns one table per root */
export function coldPhases({ roots, file, csv, runs = 9 }) {
  const tmp = mkdtempSync(join(tmpdir(), 'draftlint-cold-'));
  try {
    const loader = join(tmp, 'loader.cjs');
    writeFileSync(loader, LOADER);
    const probes = roots.map((r, i) => build(r, tmp, String(i)));
    const runOnce = (p) => {
      const r = spawnSync(process.execPath, [loader, p, file, ...(csv ? [csv] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout);
    };
    for (const p of probes) runOnce(p); // writes the code cache
    const samples = probes.map(() => ({}));
    for (let i = 0; i < runs; i++) {
      probes.forEach((p, k) => {
        for (const [phase, ms] of Object.entries(runOnce(p))) (samples[k][phase] ??= []).push(ms);
      });
    }
    return samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, xs]) => [k, median(xs)])));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function print(tables, labels) {
  const phases = Object.keys(tables[0]).sort((a, b) => tables[0][b] - tables[0][a]);
  console.log(['phase (median ms)'.padEnd(40), ...labels.map((l) => l.padStart(10))].join(''));
  for (const p of phases) {
    if (tables.every((t) => (t[p] ?? 0) < 0.2)) continue;
    console.log([p.padEnd(40), ...tables.map((t) => (t[p] === undefined ? '-' : t[p].toFixed(1)).padStart(10))].join(''));
  }
}

/** npm run bench cold */
export async function bench({ root, corpus, exampleDir }) {
  console.log(`\n# cold lint by phase (fresh process, code cache, no JIT yet; no budget)`);
  const tables = coldPhases({ roots: [root], file: corpus, csv: join(exampleDir, 'indicators.csv'), runs: 9 });
  print(tables, ['ms']);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const corpusDir = resolve(here, '..', 'shared', 'corpus');
  const file = resolve(
    opt('--file') ??
      (existsSync(corpusDir)
        ? join(corpusDir, readdirSync(corpusDir).find((f) => f.endsWith('.txt')))
        : join(here, 'examples', 'quang-ninh', 'du-thao-bao-cao-chinh-tri.md')),
  );
  const csv = join(here, 'examples', 'quang-ninh', 'indicators.csv');
  const against = opt('--against');
  const roots = against ? [resolve(against), here] : [here];
  const tables = coldPhases({ roots, file, csv, runs: Number(opt('--runs') ?? 9) });
  console.log(`cold lint of ${file.split('/').slice(-2).join('/')} (${readFileSync(file, 'utf8').length} UTF-16 units)`);
  print(tables, against ? ['against', 'this'] : ['ms']);
}
