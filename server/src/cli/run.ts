/**
 * The CLI's top level: parse argv, load configs and data, collect files, lint them (`lintAll`: results from the
 * cache when asked, the rest in this thread or on a worker pool, always in file order), add the cross-file
 * findings, apply or write the baseline, format, and return the exit code.
 *
 * Exit codes: 0 no errors (warnings within --max-warnings), 1 lint errors or too many warnings,
 * 2 usage, config or data-file errors.
 */
import fs = require('node:fs');
import path = require('node:path');
import { version as pkgVersion } from '../../../package.json';
import type { Language } from '../core/index';
import { DEFAULT_BASELINE, parseArgs, UsageError, type CliArgs } from './args';
import { collectFiles, PathError } from './files';
import { helpText } from './help';
import { runInit } from './init';
import { addCrossDocumentFindings } from './crossdoc';
import { contentHash, lintFile, type FileResult, type LintContext } from './lintFile';
import { plural, style, useColor } from './output';
import { displayPath } from './paths';
import { formatIssue, ProjectLoader, type LoaderOptions, type Project } from './project';
import { applyBaseline, BaselineError, buildBaseline, loadBaseline, parseBaseline, type Baseline } from './baseline';
import { cacheFilePath, ResultCache, settingsKey } from './cache';
import { lintOnPool, poolSize, workerScript } from './pool';
import { countFindings, formatStylish } from './format/stylish';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatFiguresJson, formatFiguresSarif, formatFiguresStylish } from './format/figures';
import { formatFiguresCsv } from './format/csv';
import { formatFiguresMd } from './format/md';
import { formatFiguresHtml } from './format/html';
import { formatOutlineJson, formatOutlineStylish } from './format/outline';

export const VERSION: string = pkgVersion;

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  stdout(s: string): void;
  stderr(s: string): void;
}

export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_USAGE = 2;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`draftlint: ${e.message}\nRun "draftlint --help" for usage.\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  if (args.help) {
    io.stdout(helpText(VERSION));
    return EXIT_OK;
  }
  if (args.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (!args.command) {
    io.stderr(helpText(VERSION));
    return EXIT_USAGE;
  }
  if (args.command === 'init') {
    const r = runInit(io.cwd, args.force, args.language ?? 'vi');
    for (const m of r.messages) (r.code === 0 ? io.stdout : io.stderr)(`${r.code === 0 ? '' : 'draftlint: '}${m}\n`);
    return r.code;
  }
  return lintCommand(args, io);
}

async function lintCommand(args: CliArgs, io: Io): Promise<number> {
  const cwd = io.cwd;
  const loaderOptions: LoaderOptions = {
    cwd,
    config: args.config,
    noConfig: args.noConfig,
    indicators: args.indicators,
    template: args.template,
    maxFileSize: args.maxFileSize,
  };
  const loader = new ProjectLoader(loaderOptions);
  const explicit = args.config !== undefined ? loader.project(path.resolve(cwd, args.config)) : undefined;
  if (args.noConfig) loader.project(null); // loads --indicators/--template even when no file is found

  const inputs = args.paths.length ? args.paths : ['.'];
  if (args.command === 'outline' && isDirectory(path.resolve(cwd, inputs[0]))) {
    io.stderr(`draftlint: outline takes a file, not a folder\n`);
    return EXIT_USAGE;
  }
  let collected;
  try {
    collected = collectFiles(inputs, cwd, loader);
  } catch (e) {
    if (e instanceof PathError) {
      printIssues(loader, io, args.language ?? 'vi');
      io.stderr(`draftlint: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  const projects = loader.all();
  const language: Language =
    args.language ?? explicit?.language ?? projects.find((p) => p.language)?.language ?? 'vi';
  printIssues(loader, io, language);
  if (loader.hasErrors()) return EXIT_USAGE;

  for (const x of collected.excluded) io.stderr(`${displayPath(x, cwd)}: skipped (excluded by the config, or one of its data files)\n`);
  if (collected.files.length === 0 && collected.excluded.length === 0) {
    io.stderr(`draftlint: no files to check in ${inputs.join(' ')} (folders are searched for the config's include globs, by default *.md and *.txt)\n`);
  }
  if (args.command === 'outline' && collected.files.length !== 1) {
    io.stderr(`draftlint: outline takes one file\n`);
    return EXIT_USAGE;
  }

  const check = args.command === 'check';
  let baseline: Baseline | undefined;
  if (check && args.baseline !== undefined && args.writeBaseline === undefined) {
    try {
      baseline = loadBaseline(path.resolve(cwd, args.baseline), args.baseline);
    } catch (e) {
      if (!(e instanceof BaselineError)) throw e;
      io.stderr(`${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}\n`);
      return EXIT_USAGE;
    }
  }

  const useCache = check && (args.cache || args.cacheLocation !== undefined);
  const want: LintContext['want'] = {
    figures: args.command === 'figures',
    outline: args.command === 'outline',
    // with a cache, always: an entry then serves a lone file and a whole folder alike
    citations: check && (collected.files.length > 1 || useCache),
    hash: useCache,
    fingerprints: check && (args.baseline !== undefined || args.writeBaseline !== undefined),
  };
  const linted = await lintAll(
    collected.files.map((f) => f.path),
    { cwd, loader, language, want, jobs: args.jobs, useCache, cacheLocation: args.cacheLocation, loaderOptions },
    io,
    args.debug,
  );
  const results: FileResult[] = [];
  let incomplete = false; // a file could not be read or checked: exit 2
  for (const r of linted.results) {
    if (r.skipped === 'binary') {
      io.stderr(`${r.display}: skipped (binary)\n`);
      continue;
    }
    if (r.skipped === 'too-large') {
      io.stderr(`${r.display}: skipped (${mb(r.size ?? 0)} MB, over the ${mb(loader.forFile(r.path).skipAbove)} MB limit for reading a file)\n`);
      continue;
    }
    if (r.skipped === 'unreadable') {
      io.stderr(`${r.display}: skipped (cannot read: ${r.error})\n`);
      incomplete = true;
      continue;
    }
    if (r.skipped === 'failed') {
      io.stderr(`${r.display}: not checked: draftlint failed on this file (${r.error}); please report it\n`);
      if (args.debug && r.stack) io.stderr(`${r.stack}\n`);
      incomplete = true;
      continue;
    }
    results.push(r);
  }

  if (check) {
    addCrossDocumentFindings(
      results,
      (r) => loader.forFile(r.path).configPath ?? '',
      (r) => loader.forFile(r.path).lint.rules?.['figures/inconsistent'],
      language,
      want.fingerprints,
    );
  }

  // tells the compile-cache loader (main.ts) that the lint code ran in this thread, so a cache written now is complete
  if (linted.inThread > 0) (globalThis as { __draftlintLinted?: boolean }).__draftlintLinted = true;

  // colour only for stylish output: asking whether stdout is a terminal has a cost (see app.ts)
  const s = style(args.format === 'stylish' && useColor(args.color, () => io.isTTY, io.env));
  const sarifOpts = { cwd, version: VERSION, language };

  if (args.command === 'outline') {
    if (results.length === 0) return EXIT_USAGE;
    io.stdout(args.format === 'json' ? formatOutlineJson(results[0]) : formatOutlineStylish(results[0], s, language));
    return incomplete ? EXIT_USAGE : EXIT_OK;
  }

  if (args.command === 'figures') {
    const shown = args.quiet
      ? results.map((r) => ({ ...r, figures: (r.figures ?? []).filter((g) => g.status === 'mismatch') }))
      : results;
    let out: string;
    switch (args.format) {
      case 'json':
        out = formatFiguresJson(shown);
        break;
      case 'sarif':
        out = formatFiguresSarif(shown, sarifOpts);
        break;
      case 'csv':
        out = formatFiguresCsv(shown);
        break;
      case 'md':
        out = formatFiguresMd(shown);
        break;
      case 'html':
        out = formatFiguresHtml(shown, language);
        break;
      default:
        out = formatFiguresStylish(shown, s);
    }
    io.stdout(out);
    return incomplete ? EXIT_USAGE : EXIT_OK;
  }

  // check
  let kept = results;
  if (args.writeBaseline !== undefined) {
    const rel = args.writeBaseline || args.baseline || DEFAULT_BASELINE;
    const abs = path.resolve(cwd, rel);
    const text = buildBaseline(results, path.dirname(abs), VERSION);
    try {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
    } catch (e) {
      io.stderr(`draftlint: ${rel}: cannot write the baseline (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return EXIT_USAGE;
    }
    const n = countFindings(results);
    io.stderr(`draftlint: wrote ${plural(n.errors + n.warnings + n.infos, 'finding', 'findings')} to the baseline ${rel}\n`);
    baseline = parseBaseline(text, rel);
    args = { ...args, baseline: rel };
  }
  if (baseline && args.baseline !== undefined) {
    const applied = applyBaseline(results, baseline, path.dirname(path.resolve(cwd, args.baseline)));
    kept = applied.results;
    io.stderr(`${plural(applied.hidden, 'finding', 'findings')} hidden by the baseline (${args.baseline})\n`);
  }
  const totals = countFindings(kept);
  const shown = args.quiet ? kept.map((r) => ({ ...r, findings: r.findings.filter((x) => x.severity === 'error') })) : kept;
  let out: string;
  switch (args.format) {
    case 'json':
      out = formatJson(shown);
      break;
    case 'sarif':
      out = formatSarif(shown, sarifOpts);
      break;
    default:
      out = formatStylish(shown, s);
  }
  io.stdout(out);
  if (incomplete) return EXIT_USAGE;
  if (totals.errors > 0) return EXIT_LINT;
  if (args.maxWarnings >= 0 && totals.warnings > args.maxWarnings) {
    io.stderr(`draftlint found too many warnings (${totals.warnings}; maximum: ${args.maxWarnings}).\n`);
    return EXIT_LINT;
  }
  return EXIT_OK;
}

function printIssues(loader: ProjectLoader, io: Io, language: Language): void {
  for (const i of loader.issues) io.stderr(formatIssue(i, language) + '\n');
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const mb = (bytes: number) => (bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0);

interface LintAllOptions {
  cwd: string;
  loader: ProjectLoader;
  loaderOptions: LoaderOptions;
  language: Language;
  want: LintContext['want'];
  jobs?: number;
  useCache: boolean;
  cacheLocation?: string;
}

/** What identifies this build of draftlint: the version and a hash of the running bundle. */
function codeIdentity(): string {
  try {
    if (__filename.endsWith('.js')) return `${VERSION}+${contentHash(fs.readFileSync(__filename))}`;
  } catch {
    // fall through
  }
  return `${VERSION}+source`;
}

/**
 * Lint the files: results of unchanged files from the cache, the others in this thread or on a worker pool.
 * Returns the results in file order, and how many were linted in this thread.
 */
async function lintAll(files: string[], o: LintAllOptions, io: Io, debug: boolean): Promise<{ results: FileResult[]; inThread: number }> {
  const results: (FileResult | undefined)[] = new Array(files.length);
  const sizes: number[] = new Array(files.length).fill(0);
  let cache: ResultCache | undefined;
  let settingsOf: (p: Project) => string = () => '';
  if (o.useCache) {
    cache = new ResultCache(cacheFilePath(o.cwd, o.cacheLocation));
    if (cache.discarded && debug) io.stderr(`draftlint: debug: cache ${cache.file} ignored (${cache.discarded}); it is rewritten\n`);
    const code = codeIdentity();
    const fileHashes = new Map<string, string>();
    const hashOf = (p: string) => {
      let h = fileHashes.get(p);
      if (h === undefined) {
        try {
          h = contentHash(fs.readFileSync(p));
        } catch {
          h = 'unreadable';
        }
        fileHashes.set(p, h);
      }
      return h;
    };
    const settings = new Map<Project, string>();
    settingsOf = (p: Project) => {
      let k = settings.get(p);
      if (k === undefined) {
        const { hash: _hash, ...want } = o.want;
        k = settingsKey([
          code,
          o.cwd,
          o.language,
          JSON.stringify(want),
          p.configPath ?? '',
          String(p.maxFileSize),
          String(p.skipAbove),
          JSON.stringify(o.loaderOptions),
          ...p.deps.flatMap((d) => [d, hashOf(d)]),
        ]);
        settings.set(p, k);
      }
      return k;
    };
    files.forEach((file, i) => {
      const project = o.loader.forFile(file);
      let buf: Buffer;
      try {
        const size = fs.statSync(file).size;
        sizes[i] = size;
        if (size > project.skipAbove) return;
        buf = fs.readFileSync(file);
      } catch {
        return; // linting reports it
      }
      const hit = cache!.get(file, displayPath(file, o.cwd), contentHash(buf), settingsOf(project));
      if (hit) results[i] = hit;
    });
  } else {
    files.forEach((file, i) => {
      try {
        sizes[i] = fs.statSync(file).size;
      } catch {
        sizes[i] = 0;
      }
    });
  }

  const todo: number[] = [];
  for (let i = 0; i < files.length; i++) if (!results[i]) todo.push(i);
  let bytes = 0;
  for (const i of todo) bytes += sizes[i];
  // the worker script is looked for only when a pool would be used (never for one file)
  const wanted = poolSize({ files: todo.length, bytes, jobs: o.jobs });
  const script = wanted > 0 ? workerScript() : undefined;
  const workers = script ? wanted : 0;
  let inThread = 0;
  if (workers > 0 && script) {
    await lintOnPool(
      todo.map((i) => files[i]),
      workers,
      { loader: o.loaderOptions, cwd: o.cwd, language: o.language, want: o.want },
      script,
      (k, r) => {
        results[todo[k]] = r;
      },
    );
  } else {
    for (const i of todo) {
      results[i] = lintFile(files[i], { cwd: o.cwd, project: o.loader.forFile(files[i]), language: o.language, want: o.want });
      inThread++;
    }
  }

  const out = results as FileResult[];
  if (cache) {
    for (const i of todo) {
      const r = out[i];
      cache.set(r, settingsOf(o.loader.forFile(r.path)));
      delete r.hash;
    }
    const err = cache.save();
    if (err) io.stderr(`draftlint: cannot write the cache ${displayPath(cache.file, o.cwd)} (${err}); continuing without it\n`);
  }
  if (debug) {
    const where = workers > 0 ? `on ${plural(workers, 'worker', 'workers')}` : 'in the main thread';
    const c = cache ? `; cache: ${cache.hits} hits, ${cache.misses} misses` : '';
    io.stderr(`draftlint: debug: ${plural(files.length, 'file', 'files')}, linted ${todo.length} ${where}${c}\n`);
  }
  return { results: out, inThread };
}
