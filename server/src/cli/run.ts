/**
 * The CLI's top level: parse argv, load configs and data, collect files, lint them (in sequence, through
 * `lintFile`, so a worker pool can replace the loop), format, and return the exit code.
 *
 * Exit codes: 0 no errors (warnings within --max-warnings), 1 lint errors or too many warnings,
 * 2 usage, config or data-file errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { version as pkgVersion } from '../../../package.json';
import type { Language } from '../core/index';
import { parseArgs, UsageError, type CliArgs } from './args';
import { collectFiles, PathError } from './files';
import { helpText } from './help';
import { runInit } from './init';
import { addCrossDocumentFindings } from './crossdoc';
import { lintFile, type FileResult, type LintContext } from './lintFile';
import { style, useColor } from './output';
import { displayPath } from './paths';
import { formatIssue, ProjectLoader } from './project';
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
  const loader = new ProjectLoader({
    cwd,
    config: args.config,
    noConfig: args.noConfig,
    indicators: args.indicators,
    template: args.template,
  });
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

  const want = { figures: args.command === 'figures', outline: args.command === 'outline', citations: args.command === 'check' && collected.files.length > 1 };
  const results: FileResult[] = [];
  let unreadable = false;
  for (const file of collected.files) {
    const ctx: LintContext = { cwd, project: loader.forFile(file.path), language, want };
    const r = lintFile(file.path, ctx);
    if (r.skipped === 'binary') {
      io.stderr(`${r.display}: skipped (binary)\n`);
      continue;
    }
    if (r.skipped === 'unreadable') {
      io.stderr(`${r.display}: skipped (cannot read: ${r.error})\n`);
      unreadable = true;
      continue;
    }
    results.push(r);
  }

  if (args.command === 'check') {
    addCrossDocumentFindings(
      results,
      (r) => loader.forFile(r.path).configPath ?? '',
      (r) => loader.forFile(r.path).lint.rules?.['figures/inconsistent'],
      language,
    );
  }

  // tells the compile-cache loader (main.ts) that the lint code ran, so a cache written now is complete
  if (results.length) (globalThis as { __draftlintLinted?: boolean }).__draftlintLinted = true;

  const color = useColor(args.color, io.isTTY, io.env);
  const s = style(color);
  const sarifOpts = { cwd, version: VERSION, language };

  if (args.command === 'outline') {
    if (results.length === 0) return EXIT_USAGE;
    io.stdout(args.format === 'json' ? formatOutlineJson(results[0]) : formatOutlineStylish(results[0], s, language));
    return unreadable ? EXIT_USAGE : EXIT_OK;
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
    return unreadable ? EXIT_USAGE : EXIT_OK;
  }

  // check
  const totals = countFindings(results);
  const shown = args.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((x) => x.severity === 'error') })) : results;
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
  if (unreadable) return EXIT_USAGE;
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
