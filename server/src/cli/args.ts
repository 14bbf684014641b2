/**
 * Command-line arguments: a small hand-written parser (no dependency) for
 *   draftlint <command> [options] [PATH...]
 * Long options take their value as `--opt value` or `--opt=value`; `--` ends the options.
 */
import type { Language } from '../core/index';

export type Command = 'check' | 'figures' | 'outline' | 'init';
export const COMMANDS: readonly Command[] = ['check', 'figures', 'outline', 'init'];

export type Format = 'stylish' | 'json' | 'sarif' | 'csv' | 'md' | 'html';

/** Formats each command accepts (the first is the default). */
export const FORMATS: Record<Command, readonly Format[]> = {
  check: ['stylish', 'json', 'sarif'],
  figures: ['stylish', 'json', 'sarif', 'csv', 'md', 'html'],
  outline: ['stylish', 'json'],
  init: [],
};

export interface CliArgs {
  command?: Command;
  help: boolean;
  version: boolean;
  paths: string[];
  format: Format;
  config?: string;
  noConfig: boolean;
  indicators: string[];
  template?: string;
  /** -1 = no limit */
  maxWarnings: number;
  quiet: boolean;
  language?: Language;
  /** undefined = decide from the terminal */
  color?: boolean;
  force: boolean;
  /** check: reuse results of unchanged files (--cache), stored at --cache-location (a folder or a file) */
  cache: boolean;
  cacheLocation?: string;
  /** check: hide the findings recorded in this baseline file */
  baseline?: string;
  /** check: record the current findings ('' = the default file, draftlint-baseline.json) */
  writeBaseline?: string;
  /** bytes: larger files get only the cheap rules (overrides the config's maxFileSize) */
  maxFileSize?: number;
  /** worker threads (1 = none); undefined = decide from the number and size of the files */
  jobs?: number;
  /** statistics on stderr (files linted, cache hits, workers) */
  debug: boolean;
}

export class UsageError extends Error {}

/** 'optional': a value only as `--opt=value`, or as the next argument when that ends with `.json` */
type OptKind = 'flag' | 'value' | 'optional';
interface OptSpec {
  kind: OptKind;
  /** commands that accept it (undefined = all) */
  commands?: readonly Command[];
}

const LINT: readonly Command[] = ['check', 'figures', 'outline'];

const OPTIONS: Record<string, OptSpec> = {
  '--help': { kind: 'flag' },
  '--version': { kind: 'flag' },
  '--format': { kind: 'value', commands: LINT },
  '--config': { kind: 'value', commands: LINT },
  '--no-config': { kind: 'flag', commands: LINT },
  '--indicators': { kind: 'value', commands: LINT },
  '--template': { kind: 'value', commands: LINT },
  '--max-warnings': { kind: 'value', commands: ['check', 'figures'] },
  '--quiet': { kind: 'flag', commands: ['check', 'figures'] },
  '--language': { kind: 'value' },
  '--color': { kind: 'flag' },
  '--no-color': { kind: 'flag' },
  '--force': { kind: 'flag', commands: ['init'] },
  '--cache': { kind: 'flag', commands: ['check'] },
  '--cache-location': { kind: 'value', commands: ['check'] },
  '--baseline': { kind: 'value', commands: ['check'] },
  '--write-baseline': { kind: 'optional', commands: ['check'] },
  '--max-file-size': { kind: 'value', commands: LINT },
  '--jobs': { kind: 'value', commands: ['check', 'figures'] },
  '--debug': { kind: 'flag', commands: LINT },
};

/** The default file of --write-baseline (in the cwd). */
export const DEFAULT_BASELINE = 'draftlint-baseline.json';

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** A size in bytes: `5242880`, `512k`, `5MB`, `1.5mb` (k/m/g are binary multiples); NaN when malformed. */
export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?) ?([a-z]{0,2})$/i.exec(s.trim());
  if (!m) return NaN;
  const unit = SIZE_UNITS[m[2].toLowerCase()];
  if (unit === undefined) return NaN;
  return Math.round(Number(m[1]) * unit);
}

const SHORT: Record<string, string> = {
  '-h': '--help',
  '-v': '--version',
  '-f': '--format',
  '-c': '--config',
  '-q': '--quiet',
};

export function parseArgs(argv: readonly string[]): CliArgs {
  const out: CliArgs = {
    help: false,
    version: false,
    paths: [],
    format: 'stylish',
    noConfig: false,
    indicators: [],
    maxWarnings: -1,
    quiet: false,
    force: false,
    cache: false,
    debug: false,
  };
  let format: string | undefined;
  const seen: { name: string; raw: string }[] = [];
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (rest || arg === '-' || !arg.startsWith('-')) {
      if (out.command === undefined && !rest) {
        if (!(COMMANDS as readonly string[]).includes(arg)) {
          throw new UsageError(`unknown command "${arg}" (expected one of: ${COMMANDS.join(', ')})`);
        }
        out.command = arg as Command;
      } else {
        out.paths.push(arg);
      }
      continue;
    }
    if (arg === '--') {
      rest = true;
      continue;
    }
    let name = arg;
    let inline: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      name = arg.slice(0, eq);
      inline = arg.slice(eq + 1);
    }
    name = SHORT[name] ?? name;
    const spec = OPTIONS[name];
    if (!spec) throw new UsageError(`unknown option "${arg}"`);
    let value: string | undefined;
    if (spec.kind === 'value') {
      if (inline !== undefined) value = inline;
      else {
        if (i + 1 >= argv.length) throw new UsageError(`option ${name} needs a value`);
        value = argv[++i];
      }
    } else if (spec.kind === 'optional') {
      if (inline !== undefined) value = inline;
      else if (i + 1 < argv.length && /\.json$/i.test(argv[i + 1]) && !argv[i + 1].startsWith('-')) value = argv[++i];
      else value = '';
    } else if (inline !== undefined) {
      throw new UsageError(`option ${name} takes no value`);
    }
    seen.push({ name, raw: arg });
    switch (name) {
      case '--help':
        out.help = true;
        break;
      case '--version':
        out.version = true;
        break;
      case '--format':
        format = value;
        break;
      case '--config':
        out.config = value;
        break;
      case '--no-config':
        out.noConfig = true;
        break;
      case '--indicators':
        out.indicators.push(value!);
        break;
      case '--template':
        out.template = value;
        break;
      case '--max-warnings': {
        const v = value!.trim();
        if (!/^-?\d+$/.test(v) || Number(v) < -1) {
          throw new UsageError(`--max-warnings needs a whole number ≥ 0 (or -1 for no limit), got "${value}"`);
        }
        out.maxWarnings = Number(v);
        break;
      }
      case '--quiet':
        out.quiet = true;
        break;
      case '--language':
        if (value !== 'vi' && value !== 'en') throw new UsageError(`--language must be vi or en, got "${value}"`);
        out.language = value;
        break;
      case '--color':
        out.color = true;
        break;
      case '--no-color':
        out.color = false;
        break;
      case '--force':
        out.force = true;
        break;
      case '--cache':
        out.cache = true;
        break;
      case '--cache-location':
        if (!value) throw new UsageError('--cache-location needs a folder or a file');
        out.cacheLocation = value;
        break;
      case '--baseline':
        if (!value) throw new UsageError('--baseline needs a file');
        out.baseline = value;
        break;
      case '--write-baseline':
        out.writeBaseline = value ?? '';
        break;
      case '--max-file-size': {
        const n = parseSize(value!);
        if (!(n > 0)) throw new UsageError(`--max-file-size needs a size in bytes (e.g. 5000000, 512k, 5MB), got "${value}"`);
        out.maxFileSize = n;
        break;
      }
      case '--jobs': {
        const v = value!.trim();
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--jobs needs a whole number ≥ 1, got "${value}"`);
        out.jobs = Number(v);
        break;
      }
      case '--debug':
        out.debug = true;
        break;
    }
  }
  if (out.help || out.version) return out;
  if (!out.command) return out;
  for (const s of seen) {
    const spec = OPTIONS[s.name];
    if (spec.commands && !spec.commands.includes(out.command)) {
      throw new UsageError(`option ${s.name} does not apply to "draftlint ${out.command}"`);
    }
  }
  if (out.config !== undefined && out.noConfig) throw new UsageError('--config and --no-config cannot be used together');
  const allowed = FORMATS[out.command];
  if (format !== undefined) {
    if (!(allowed as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format "${format}" for ${out.command} (expected one of: ${allowed.join(', ')})`);
    }
    out.format = format as Format;
  }
  if (out.command === 'outline' && out.paths.length !== 1) {
    throw new UsageError('draftlint outline takes exactly one file');
  }
  if (out.command === 'init' && out.paths.length > 0) {
    throw new UsageError('draftlint init takes no paths (it writes into the current folder)');
  }
  return out;
}
