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
}

export class UsageError extends Error {}

type OptKind = 'flag' | 'value';
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
};

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
