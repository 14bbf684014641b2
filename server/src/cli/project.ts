/**
 * Projects: the draftlint.json that governs each document (nearest from its folder upward, cached per folder),
 * with its canonical data, template, rule severities and options loaded once. `--config` makes one config
 * govern every file; `--no-config` ignores them all. Paths in a config are relative to the config file; paths
 * on the command line are relative to the cwd.
 *
 * Every problem in a config, data or template file is collected as a `LoadIssue` (file, 0-based line, field);
 * the caller prints them and exits 2 when one is an error.
 */
import fs = require('node:fs');
import path = require('node:path');
import type Picomatch from 'picomatch';
import {
  IndicatorSet,
  allRules,
  parseDocumentRegistry,
  TextView,
  builtinTemplates,
  localize,
  parseConfig,
  parseIndicatorFile,
  parseOutline,
  parseTemplate,
  templateFromOutline,
  type DataIssue,
  type Indicator,
  type Language,
  type LintOptions,
  type Msg,
  type RuleOptions,
  type SeveritySetting,
  type TemplateDef,
} from '../core/index';
import { decodeDocument } from './files';
import { displayPath } from './paths';
import { append } from './output';
import { nearestConfig } from '../node/nearest-config';
import { cachedConfigParse, cachedIndicatorParse } from './datacache';

export const CONFIG_NAME = 'draftlint.json';
/** Default `maxFileSize` (bytes): larger documents get only the cheap rules. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
/** Documents larger than this (or than maxFileSize, when that is larger) are not read at all. */
export const SKIP_FILE_SIZE = 50 * 1024 * 1024;
const DEFAULT_INCLUDE = ['**/*.md', '**/*.txt'];

/** What the CLI reads from a parsed draftlint.json (read defensively: the schema may grow). */
interface ConfigShape {
  indicators?: unknown;
  template?: unknown;
  include?: unknown;
  exclude?: unknown;
  rules?: unknown;
  language?: unknown;
  terms?: unknown;
  documents?: unknown;
  options?: unknown;
  maxFileSize?: unknown;
}

export interface LoadIssue {
  /** display path of the file with the problem */
  file: string;
  /** 0-based; undefined when the problem is the file as a whole */
  line?: number;
  field?: string;
  severity: 'error' | 'warning';
  message: Msg;
}

export interface Project {
  /** absolute path of the config file, or null (no config) */
  configPath: string | null;
  /** the config's folder (globs and relative paths start here), or null */
  dir: string | null;
  language?: Language;
  /** options for core `lint` (everything but the uri) */
  lint: Omit<LintOptions, 'uri'>;
  include(rel: string): boolean;
  exclude(rel: string): boolean;
  /** absolute paths of the data files it reads (indicators, document registry): never linted as drafts */
  dataFiles: Set<string>;
  /** bytes: above this only the cheap rules run (--max-file-size, else the config's maxFileSize, else the default) */
  maxFileSize: number;
  /** bytes: above this the file is skipped unread */
  skipAbove: number;
  /** absolute paths of every file the project's settings come from (config, data, templates, reference documents) */
  deps: string[];
}

export interface LoaderOptions {
  cwd: string;
  /** --config FILE */
  config?: string;
  /** --no-config */
  noConfig?: boolean;
  /** --indicators FILE… */
  indicators?: readonly string[];
  /** --template NAME|FILE */
  template?: string;
  /** --max-file-size (bytes) */
  maxFileSize?: number;
}

type Matcher = (s: string) => boolean;

function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return undefined;
}

/**
 * A matcher for globs; a path also matches when one of its parent folders does (`exclude: ["old"]`). The globs
 * are compiled on the first path asked (a `check` of named files may never ask; picomatch is loaded then too).
 */
function globMatcher(globs: string[], parents: boolean): Matcher {
  if (globs.length === 0) return () => false;
  let compiled: Matcher | undefined;
  const m = (s: string) => (compiled ??= (require('picomatch') as typeof Picomatch)(globs))(s);
  if (!parents) return (s) => m(s);
  return (s) => {
    if (m(s)) return true;
    for (let i = s.indexOf('/'); i > 0; i = s.indexOf('/', i + 1)) if (m(s.slice(0, i))) return true;
    return false;
  };
}

/** 0-based line of the first occurrence of a JSON string literal in a text (for "field" errors), else 0. */
function lineOfLiteral(text: string, value: string): number {
  const at = text.indexOf(JSON.stringify(value));
  if (at < 0) return 0;
  let line = 0;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Why a file could not be read, in both languages. */
function readError(e: unknown): Msg {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { vi: 'không tìm thấy', en: 'not found' };
  if (code === 'EISDIR') return { vi: 'là một thư mục', en: 'is a folder' };
  if (code === 'EACCES' || code === 'EPERM') return { vi: 'không có quyền đọc', en: 'permission denied' };
  const m = code ?? (e as Error).message;
  return { vi: m, en: m };
}

function readText(file: string): { text?: string; error?: Msg } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { error: readError(e) };
  }
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

const TEMPLATE_EXT = /\.(json|ya?ml|md|markdown|txt)$/i;

export class ProjectLoader {
  readonly cwd: string;
  readonly issues: LoadIssue[] = [];
  private readonly opts: LoaderOptions;
  /** folder → config path (or null) */
  private readonly dirConfig = new Map<string, string | null>();
  private readonly projects = new Map<string, Project>();
  private readonly dataCache = new Map<string, Indicator[]>();
  private readonly templateCache = new Map<string, TemplateDef | null>();
  private readonly templateDeps = new Map<string, string[]>();
  private readonly registryCache = new Map<string, NonNullable<RuleOptions['documents']>>();
  private readonly explicitConfig: string | null;
  private extraIndicators: Indicator[] | undefined;
  private cliTemplate: { value: string | TemplateDef | null | undefined; deps: string[] } | undefined;
  /** files read while loading the current project (see Project.deps) */
  private deps: Set<string> | null = null;

  constructor(opts: LoaderOptions) {
    this.opts = opts;
    this.cwd = opts.cwd;
    this.explicitConfig = opts.config !== undefined ? path.resolve(opts.cwd, opts.config) : null;
  }

  private show(abs: string): string {
    return displayPath(abs, this.cwd);
  }

  private pushDataIssues(issues: DataIssue[], fileAbs: string): void {
    for (const i of issues) {
      this.issues.push({ file: this.show(fileAbs), line: i.line, field: i.field, severity: i.severity, message: i.message });
    }
  }

  /** The nearest draftlint.json for a folder (cached for every folder visited on the way up). */
  configFor(dir: string): string | null {
    return nearestConfig(dir, this.dirConfig, CONFIG_NAME);
  }

  /** The project governing a file (absolute path). */
  forFile(file: string): Project {
    let configPath: string | null;
    if (this.opts.noConfig) configPath = null;
    else if (this.explicitConfig) configPath = this.explicitConfig;
    else configPath = this.configFor(path.dirname(file));
    return this.project(configPath);
  }

  /** The project of a config file (null = no config). */
  project(configPath: string | null): Project {
    const key = configPath ?? '';
    let p = this.projects.get(key);
    if (!p) {
      p = this.load(configPath);
      this.projects.set(key, p);
    }
    return p;
  }

  /** Every project loaded so far. */
  all(): Project[] {
    return [...this.projects.values()];
  }

  hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }

  // -------------------------------------------------------------------------------------------------------

  /** Note that the project being loaded depends on a file. */
  private track(abs: string): void {
    this.deps?.add(abs);
  }

  private load(configPath: string | null): Project {
    const outer = this.deps;
    const deps = new Set<string>();
    this.deps = deps;
    try {
      const p = this.loadProject(configPath);
      if (configPath) deps.add(configPath);
      p.deps = [...deps].sort();
      return p;
    } finally {
      this.deps = outer;
    }
  }

  private loadProject(configPath: string | null): Project {
    let config: ConfigShape = {};
    let configText = '';
    const dir = configPath ? path.dirname(configPath) : null;
    if (configPath) {
      const r = readText(configPath);
      if (r.text === undefined) {
        this.issues.push({
          file: this.show(configPath),
          severity: 'error',
          message: { vi: `không đọc được tệp cấu hình (${r.error?.vi})`, en: `cannot read the config file (${r.error?.en})` },
        });
      } else {
        configText = r.text;
        const shown = this.show(configPath);
        const text = r.text;
        const parsed = cachedConfigParse(text, shown, () => parseConfig(text, shown, { knownRules: allRules.map((x) => x.id) }));
        this.pushDataIssues(parsed.issues, configPath);
        if (parsed.config) config = parsed.config as unknown as ConfigShape;
      }
    }
    const base = dir ?? this.cwd;
    const configDisplay = configPath ? this.show(configPath) : '';

    // canonical data: the config's files, then --indicators
    const indicators: Indicator[] = [];
    const dataPaths = new Set<string>((this.opts.indicators ?? []).map((f) => path.resolve(this.cwd, f)));
    const dataFiles = stringList(config.indicators) ?? [];
    dataFiles.forEach((rel, k) => {
      const abs = path.resolve(base, rel);
      dataPaths.add(abs);
      const loaded = this.loadData(abs, () => ({
        file: configDisplay,
        line: lineOfLiteral(configText, rel),
        field: `indicators[${k}]`,
      }));
      if (loaded) append(indicators, loaded);
    });
    append(indicators, this.cliIndicators());

    // template: --template wins over the config
    let template: string | TemplateDef | null | undefined;
    const cli = this.cliTemplateValue();
    if (cli !== undefined) template = cli.value;
    else if (config.template !== undefined) {
      template = this.resolveTemplate(config.template, base, () => ({
        file: configDisplay,
        line: lineOfLiteral(configText, typeof config.template === 'string' ? config.template : 'template'),
        field: 'template',
      }));
    }

    const options: RuleOptions = {};
    if (config.options && typeof config.options === 'object') Object.assign(options, config.options);
    if (config.terms && typeof config.terms === 'object') options.terms = config.terms as Record<string, string>;
    if (Array.isArray(config.documents)) options.documents = config.documents as RuleOptions['documents'];
    else if (typeof config.documents === 'string') {
      const rel = config.documents;
      dataPaths.add(path.resolve(base, rel));
      const docs = this.loadRegistry(path.resolve(base, rel), () => ({
        file: configDisplay,
        line: lineOfLiteral(configText, rel),
        field: 'documents',
      }));
      if (docs) options.documents = docs;
    }

    const lintOptions: Omit<LintOptions, 'uri'> = {
      data: indicators.length ? IndicatorSet.from(indicators) : IndicatorSet.empty(),
      template,
      rules: config.rules && typeof config.rules === 'object' ? (config.rules as Record<string, SeveritySetting>) : undefined,
      options,
    };
    const maxFileSize =
      this.opts.maxFileSize ?? (typeof config.maxFileSize === 'number' && config.maxFileSize > 0 ? config.maxFileSize : DEFAULT_MAX_FILE_SIZE);
    const include = stringList(config.include) ?? DEFAULT_INCLUDE;
    const exclude = stringList(config.exclude) ?? [];
    const language = config.language === 'en' || config.language === 'vi' ? config.language : undefined;
    return {
      configPath,
      dir,
      language,
      lint: lintOptions,
      include: globMatcher(include, false),
      exclude: globMatcher(exclude, true),
      dataFiles: dataPaths,
      maxFileSize,
      skipAbove: Math.max(SKIP_FILE_SIZE, maxFileSize),
      deps: [],
    };
  }

  /** Indicators of a data file (parsed once per file); null when it cannot be read. */
  private loadData(abs: string, where: () => Omit<LoadIssue, 'severity' | 'message'>): Indicator[] | null {
    this.track(abs);
    const cached = this.dataCache.get(abs);
    if (cached) return cached;
    const r = readText(abs);
    if (r.text === undefined) {
      this.issues.push({
        ...where(),
        severity: 'error',
        message: {
          vi: `không đọc được tệp dữ liệu ${this.show(abs)} (${r.error?.vi})`,
          en: `cannot read the data file ${this.show(abs)} (${r.error?.en})`,
        },
      });
      return null;
    }
    const shown = this.show(abs);
    const text = r.text;
    const parsed = cachedIndicatorParse(text, shown, () => parseIndicatorFile(text, shown));
    this.pushDataIssues(parsed.issues, abs);
    this.dataCache.set(abs, parsed.indicators);
    return parsed.indicators;
  }

  /** The known documents of a citation registry file (parsed once per file); null when it cannot be read. */
  private loadRegistry(abs: string, where: () => Omit<LoadIssue, 'severity' | 'message'>): NonNullable<RuleOptions['documents']> | null {
    this.track(abs);
    const cached = this.registryCache.get(abs);
    if (cached) return cached;
    const r = readText(abs);
    if (r.text === undefined) {
      this.issues.push({
        ...where(),
        severity: 'error',
        message: {
          vi: `không đọc được danh mục văn bản ${this.show(abs)} (${r.error?.vi})`,
          en: `cannot read the document registry ${this.show(abs)} (${r.error?.en})`,
        },
      });
      return null;
    }
    const parsed = parseDocumentRegistry(r.text, this.show(abs));
    this.pushDataIssues(parsed.issues, abs);
    const docs: NonNullable<RuleOptions['documents']> = parsed.documents;
    this.registryCache.set(abs, docs);
    return docs;
  }

  private cliIndicators(): Indicator[] {
    for (const f of this.opts.indicators ?? []) this.track(path.resolve(this.cwd, f));
    if (this.extraIndicators) return this.extraIndicators;
    const out: Indicator[] = [];
    for (const f of this.opts.indicators ?? []) {
      const abs = path.resolve(this.cwd, f);
      const loaded = this.loadData(abs, () => ({ file: this.show(abs) }));
      if (loaded) append(out, loaded);
    }
    this.extraIndicators = out;
    return out;
  }

  private cliTemplateValue(): { value: string | TemplateDef | null | undefined } | undefined {
    if (this.opts.template === undefined) return undefined;
    if (!this.cliTemplate) {
      const t = this.opts.template;
      const outer = this.deps;
      const deps = new Set<string>();
      this.deps = deps;
      try {
        this.cliTemplate = { value: this.resolveTemplate(t, this.cwd, () => ({ file: '--template' })), deps: [] };
      } finally {
        this.deps = outer;
      }
      this.cliTemplate.deps = [...deps];
    }
    for (const d of this.cliTemplate.deps) this.track(d);
    return this.cliTemplate;
  }

  /**
   * A template setting: a built-in name, "auto" (undefined), "none" (null), a file (.json/.yaml, or a reference
   * document .md/.txt), or an inline object (a definition or `{ "reference": "file.md" }`).
   */
  private resolveTemplate(
    value: unknown,
    base: string,
    where: () => Omit<LoadIssue, 'severity' | 'message'>,
  ): string | TemplateDef | null | undefined {
    if (value === null || value === 'none') return null;
    if (value === undefined || value === 'auto' || value === '') return undefined;
    if (typeof value === 'string') {
      if (Object.prototype.hasOwnProperty.call(builtinTemplates, value)) return value;
      if (TEMPLATE_EXT.test(value) || value.includes('/') || value.includes('\\')) {
        return this.loadTemplateFile(path.resolve(base, value), where) ?? undefined;
      }
      this.issues.push({
        ...where(),
        severity: 'error',
        message: {
          vi: `không có mẫu cấu trúc "${value}" (mẫu có sẵn: ${Object.keys(builtinTemplates).join(', ')}; hoặc chỉ đến một tệp .json/.yaml)`,
          en: `unknown template "${value}" (built-in: ${Object.keys(builtinTemplates).join(', ')}; or name a .json/.yaml file)`,
        },
      });
      return undefined;
    }
    if (typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      if (typeof obj.reference === 'string' && !Array.isArray(obj.sections)) {
        const name = typeof obj.name === 'string' ? obj.name : undefined;
        return this.templateFromReference(path.resolve(base, obj.reference), name, where) ?? undefined;
      }
      const parsed = parseTemplate(JSON.stringify(obj), where().file, 'json');
      for (const i of parsed.issues) this.issues.push({ ...where(), severity: i.severity, message: i.message, field: i.field ? `template.${i.field}` : 'template' });
      if (parsed.template?.reference) return this.templateFromReference(path.resolve(base, parsed.template.reference), parsed.template.name, where) ?? undefined;
      return parsed.template;
    }
    this.issues.push({
      ...where(),
      severity: 'error',
      message: { vi: 'mẫu cấu trúc phải là tên hoặc đường dẫn tệp', en: 'the template must be a name or a file path' },
    });
    return undefined;
  }

  private loadTemplateFile(abs: string, where: () => Omit<LoadIssue, 'severity' | 'message'>): TemplateDef | null {
    this.track(abs);
    if (this.templateCache.has(abs)) {
      for (const d of this.templateDeps.get(abs) ?? []) this.track(d);
      return this.templateCache.get(abs) ?? null;
    }
    // a template file naming a reference document depends on that document too
    const outer = this.deps;
    const deps = new Set<string>();
    this.deps = deps;
    try {
      return this.readTemplateFile(abs, where);
    } finally {
      this.deps = outer;
      this.templateDeps.set(abs, [...deps]);
      for (const d of deps) this.track(d);
    }
  }

  private readTemplateFile(abs: string, where: () => Omit<LoadIssue, 'severity' | 'message'>): TemplateDef | null {
    let def: TemplateDef | null = null;
    if (/\.(md|markdown|txt)$/i.test(abs)) {
      def = this.templateFromReference(abs, undefined, where);
    } else {
      const r = readText(abs);
      if (r.text === undefined) {
        this.issues.push({
          ...where(),
          severity: 'error',
          message: {
            vi: `không đọc được tệp mẫu cấu trúc ${this.show(abs)} (${r.error?.vi})`,
            en: `cannot read the template file ${this.show(abs)} (${r.error?.en})`,
          },
        });
      } else {
        const parsed = parseTemplate(r.text, this.show(abs), /\.json$/i.test(abs) ? 'json' : 'yaml');
        this.pushDataIssues(parsed.issues, abs);
        if (parsed.template?.reference) {
          def = this.templateFromReference(path.resolve(path.dirname(abs), parsed.template.reference), parsed.template.name, () => ({
            file: this.show(abs),
            line: lineOfLiteral(r.text!, parsed.template!.reference!),
            field: 'reference',
          }));
          if (def && parsed.template.title) def = { ...def, title: parsed.template.title };
        } else def = parsed.template ?? null;
      }
    }
    this.templateCache.set(abs, def);
    return def;
  }

  /** A template made from the outline of a reference document. */
  private templateFromReference(
    abs: string,
    name: string | undefined,
    where: () => Omit<LoadIssue, 'severity' | 'message'>,
  ): TemplateDef | null {
    this.track(abs);
    let buf: Buffer;
    try {
      buf = fs.readFileSync(abs);
    } catch (e) {
      const why = readError(e);
      this.issues.push({
        ...where(),
        severity: 'error',
        message: {
          vi: `không đọc được văn bản mẫu ${this.show(abs)} (${why.vi})`,
          en: `cannot read the reference document ${this.show(abs)} (${why.en})`,
        },
      });
      return null;
    }
    const doc = decodeDocument(buf);
    if (doc.kind !== 'text') {
      this.issues.push({
        ...where(),
        severity: 'error',
        message: { vi: `văn bản mẫu ${this.show(abs)} không phải tệp văn bản`, en: `the reference document ${this.show(abs)} is not a text file` },
      });
      return null;
    }
    const view = new TextView(doc.text);
    const { roots } = parseOutline(view);
    return templateFromOutline(roots, name ?? path.basename(abs).replace(/\.[^.]+$/, ''));
  }
}

/** `file:line: field "x": message` (the line 1-based), as printed on stderr. */
export function formatIssue(i: LoadIssue, lang: Language): string {
  let s = i.file;
  if (i.line !== undefined && !i.file.startsWith('--')) s += `:${i.line + 1}`;
  s += ':';
  if (i.severity === 'warning') s += ' warning:';
  if (i.field) s += ` field "${i.field}":`;
  return `${s} ${localize(i.message, lang)}`;
}
