/**
 * Configuration of a document: the client's `draftlint.*` settings (per resource) merged with the nearest
 * draftlint.json above the document, and what that names: canonical data files, a template, rule severities,
 * options. Files are read from disk (or from the editor's buffer when open), parsed with the core's parsers
 * and cached by path + modification stamp. A file that turns malformed keeps its LAST GOOD content in use while
 * its problems are shown in the file itself.
 */
import fs = require('node:fs');
import path = require('node:path');
import {
  IndicatorSet,
  TextView,
  builtinTemplates,
  parseConfig,
  parseIndicatorFile,
  parseOutline,
  parseTemplate,
  templateFromOutline,
  type DataIssue,
  type DraftlintConfig,
  type Indicator,
  type Language,
  type RuleOptions,
  type SeveritySetting,
  type TemplateDef,
} from '../core/index';
import { tBoth } from './i18n';
import { CONFIG_FILE, pathToUri } from './paths';
import { nearestConfig } from '../node/nearest-config';

// ---------------------------------------------------------------------------------------------------------
// settings

export type EnableSetting = 'auto' | 'always' | 'never';

export interface Settings {
  enable: EnableSetting;
  /** undefined: not set by the client (draftlint.json's language, then 'vi') */
  language?: Language;
  indicators: string[];
  template: string;
  rules: Record<string, SeveritySetting>;
  /** bytes; larger documents are not linted */
  maxFileSize: number;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export function defaultSettings(): Settings {
  return { enable: 'auto', indicators: [], template: '', rules: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** Settings from whatever the client sent (a `draftlint` section, possibly partial, possibly null). */
export function normalizeSettings(raw: unknown, base: Settings = defaultSettings()): Settings {
  const out: Settings = { ...base, rules: { ...base.rules }, indicators: [...base.indicators] };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (r.enable === 'auto' || r.enable === 'always' || r.enable === 'never') out.enable = r.enable;
  else if (r.enable === true) out.enable = 'always';
  else if (r.enable === false) out.enable = 'never';
  if (r.language === 'vi' || r.language === 'en') out.language = r.language;
  if (Array.isArray(r.indicators)) out.indicators = r.indicators.filter((x): x is string => typeof x === 'string' && x !== '');
  else if (typeof r.indicators === 'string' && r.indicators) out.indicators = [r.indicators];
  if (typeof r.template === 'string') out.template = r.template;
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    const rules: Record<string, SeveritySetting> = {};
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      const s = typeof v === 'string' ? (v === 'warn' ? 'warning' : v.toLowerCase()) : '';
      if (SEVERITIES.has(s)) rules[k] = s as SeveritySetting;
    }
    out.rules = rules;
  }
  if (typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) && r.maxFileSize >= 0) out.maxFileSize = r.maxFileSize;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// environments

/** Everything a lint of one document needs, resolved. */
export interface Env {
  key: string;
  /** absolute path of the governing draftlint.json, or null */
  configPath: string | null;
  /** the config's folder: the project the document belongs to (cross-document checks stay inside it) */
  root: string | null;
  config: DraftlintConfig | null;
  data: IndicatorSet;
  /** uris of the data files in use */
  dataFiles: string[];
  template: string | TemplateDef | null | undefined;
  templates: Record<string, TemplateDef>;
  rules: Record<string, SeveritySetting>;
  options: RuleOptions;
  language: Language;
  include: string[];
  exclude: string[];
  /** documents longer than this (UTF-16 units) get the cheap rules only */
  cheapOnlyAbove: number;
  settings: Settings;
  /** files read to build it, with the stamp they had */
  deps: Map<string, string>;
  /** bumps whenever an env is rebuilt */
  generation: number;
  /** the parsed indicator lists it was built from (to tell a real change from a touch) */
  sources: Indicator[][];
  /**
   * The texts `data` was parsed from, in order (a broken file contributes its last good text): what a lint
   * worker parses once per generation to hold its own copy of the data.
   */
  dataSources: DataSource[];
}

/** A data file's text as parsed into the indicators in use. */
export interface DataSource {
  uri: string;
  text: string;
}

export interface FileHost {
  /** the editor's text of an open file (it wins over the disk) */
  openText(p: string): { text: string; version: number } | undefined;
  /** show the problems of a data/config/template file in that file (an empty list clears them) */
  publishFileIssues(p: string, issues: DataIssue[], text: string): void;
  log(message: string): void;
}

/** Above this many UTF-16 units only the cheap rules run: a full lint is synchronous (~1.5 ms per KB) and must not hold the server for long. */
export const DEFAULT_CHEAP_ONLY_ABOVE = 400_000;

interface ReadResult {
  text?: string;
  error?: string;
  stamp: string;
}

interface DataState {
  stamp: string;
  indicators: Indicator[];
  /** the text `indicators` were parsed from (undefined when they are empty for want of any) */
  text?: string;
  /** the indicators of the last parse without errors, and their text */
  lastGood?: Indicator[];
  lastGoodText?: string;
  issues: DataIssue[];
}

interface ConfigState {
  stamp: string;
  text: string;
  /** the config in use: the newly parsed one, or the last good one when the file is broken */
  config: DraftlintConfig | null;
  lastGood?: DraftlintConfig;
  issues: DataIssue[];
}

interface TemplateState {
  stamp: string;
  def: TemplateDef | null;
  lastGood?: TemplateDef;
  issues: DataIssue[];
}

const TEMPLATE_DOC = /\.(md|markdown|txt)$/i;
const TEMPLATE_FILE = /\.(json|ya?ml)$/i;

function lineOfLiteral(text: string, value: string): number {
  const at = text.indexOf(JSON.stringify(value));
  if (at < 0) return 0;
  let line = 0;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export class Projects {
  private readonly dirConfig = new Map<string, string | null>();
  private readonly configs = new Map<string, ConfigState>();
  private readonly data = new Map<string, DataState>();
  private readonly templates = new Map<string, TemplateState>();
  private readonly envs = new Map<string, Env>();
  /** problems per file path (data, config, template files), as last published */
  private readonly fileIssues = new Map<string, DataIssue[]>();
  private generation = 0;
  private readonly listeners: ((env: Env, replaced: boolean) => void)[] = [];

  constructor(private readonly host: FileHost) {}

  /** Called after an environment was built (replaced = an older one with different content existed). */
  onDidRebuild(fn: (env: Env, replaced: boolean) => void): void {
    this.listeners.push(fn);
  }

  /** The nearest draftlint.json from a folder upward (cached per folder). */
  configFor(dir: string): string | null {
    return nearestConfig(dir, this.dirConfig, CONFIG_FILE);
  }

  /** Every file some environment was built from (config, data, template files). */
  dependencies(): Set<string> {
    const out = new Set<string>();
    for (const env of this.envs.values()) for (const p of env.deps.keys()) out.add(p);
    return out;
  }

  /** Is this path a canonical data file some environment reads? */
  isDataFile(p: string): boolean {
    return this.data.has(p);
  }

  /** Environments built so far. */
  allEnvs(): Env[] {
    return [...this.envs.values()];
  }

  /** Number of problems (errors and warnings) in data, config and template files. */
  issueCount(): number {
    let n = 0;
    for (const list of this.fileIssues.values()) n += list.length;
    return n;
  }

  /** Uris of data files in use by any environment. */
  dataFileUris(): string[] {
    const s = new Set<string>();
    for (const env of this.envs.values()) for (const u of env.dataFiles) s.add(u);
    return [...s];
  }

  /**
   * A file changed, was created or deleted. Config lookups are forgotten when a draftlint.json comes or goes;
   * parsed files are re-read lazily (their stamp changed). Returns true when the file matters to us.
   */
  fileChanged(p: string): boolean {
    let relevant = false;
    if (path.basename(p) === CONFIG_FILE) {
      this.dirConfig.clear();
      relevant = true;
    }
    if (this.configs.has(p) || this.data.has(p) || this.templates.has(p)) relevant = true;
    if (!relevant) for (const env of this.envs.values()) if (env.deps.has(p)) relevant = true;
    return relevant;
  }

  /** Forget everything (the reload command): files are re-read, environments rebuilt. */
  reset(): void {
    this.dirConfig.clear();
    for (const s of this.data.values()) s.stamp = '';
    for (const s of this.configs.values()) s.stamp = '';
    for (const s of this.templates.values()) s.stamp = '';
    this.envs.clear();
  }

  /**
   * The environment of a document. `docPath` null (untitled documents): no config; `folder` is the workspace
   * folder the settings' relative paths start from.
   */
  envFor(docPath: string | null, settings: Settings, folder: string | null): Env {
    const configPath = docPath ? this.configFor(path.dirname(docPath)) : null;
    const key = [
      configPath ?? '',
      folder ?? '',
      JSON.stringify([settings.indicators, settings.template, settings.rules, settings.language ?? '']),
    ].join('\u0000');
    const cached = this.envs.get(key);
    if (cached && this.fresh(cached)) return cached;
    const env = this.build(key, configPath, settings, folder);
    const changed = !cached || !sameEnvContent(cached, env);
    if (!changed && cached) {
      // same content (e.g. a data file turned malformed: its last good rows stay in use): keep the old object,
      // adopt the new stamps; listeners still hear of it (the files' problems may have changed)
      cached.deps = env.deps;
      for (const fn of this.listeners) fn(cached, false);
      return cached;
    }
    this.envs.set(key, env);
    for (const fn of this.listeners) fn(env, Boolean(cached));
    return env;
  }

  private fresh(env: Env): boolean {
    for (const [p, stamp] of env.deps) if (this.stamp(p) !== stamp) return false;
    return true;
  }

  private stamp(p: string): string {
    const open = this.host.openText(p);
    if (open) return `v${open.version}`;
    try {
      const st = fs.statSync(p);
      return st.isFile() ? `${st.mtimeMs}:${st.size}` : 'not-a-file';
    } catch {
      return 'missing';
    }
  }

  private read(p: string): ReadResult {
    const open = this.host.openText(p);
    if (open) return { text: open.text.replace(/^\uFEFF/, ''), stamp: `v${open.version}` };
    try {
      const st = fs.statSync(p);
      if (!st.isFile()) return { error: 'not a file', stamp: 'not-a-file' };
      let text = fs.readFileSync(p, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      return { text, stamp: `${st.mtimeMs}:${st.size}` };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { error: code === 'ENOENT' ? 'not found' : (code ?? (e as Error).message), stamp: 'missing' };
    }
  }

  private publish(p: string, issues: DataIssue[], text: string): void {
    const prev = this.fileIssues.get(p);
    if (!prev?.length && !issues.length) return;
    if (issues.length) this.fileIssues.set(p, issues);
    else this.fileIssues.delete(p);
    this.host.publishFileIssues(p, issues, text);
  }

  private loadConfig(p: string, deps: Map<string, string>): ConfigState {
    const r = this.read(p);
    deps.set(p, r.stamp);
    const prev = this.configs.get(p);
    if (prev && prev.stamp === r.stamp) return prev;
    const uri = pathToUri(p);
    let state: ConfigState;
    if (r.text === undefined) {
      state = {
        stamp: r.stamp,
        text: '',
        config: prev?.lastGood ?? null,
        lastGood: prev?.lastGood,
        issues: [{ uri, line: 0, severity: 'error', message: tBoth('configUnreadable', { error: r.error ?? '' }) }],
      };
    } else {
      const parsed = parseConfig(r.text, uri);
      const broken = !parsed.config || parsed.issues.some((i) => i.severity === 'error');
      const lastGood = !broken && parsed.config ? parsed.config : prev?.lastGood;
      state = {
        stamp: r.stamp,
        text: r.text,
        // a broken file keeps the last good config in use; without one, whatever could be read
        config: broken ? (prev?.lastGood ?? parsed.config ?? null) : (parsed.config ?? null),
        lastGood,
        issues: parsed.issues,
      };
    }
    this.configs.set(p, state);
    return state;
  }

  private loadData(p: string, deps: Map<string, string>): { state: DataState; error?: string } {
    const r = this.read(p);
    deps.set(p, r.stamp);
    const prev = this.data.get(p);
    if (prev && prev.stamp === r.stamp) return { state: prev };
    let state: DataState;
    let error: string | undefined;
    if (r.text === undefined) {
      error = r.error;
      state = {
        stamp: r.stamp,
        indicators: prev?.lastGood ?? [],
        text: prev?.lastGoodText,
        lastGood: prev?.lastGood,
        lastGoodText: prev?.lastGoodText,
        issues: [],
      };
      this.publish(p, [], '');
    } else {
      let parsed: { indicators: Indicator[]; issues: DataIssue[] };
      let threw = false;
      try {
        parsed = parseIndicatorFile(r.text, pathToUri(p));
      } catch (e) {
        this.host.log(`parseIndicatorFile failed on ${p}: ${(e as Error).stack ?? e}`);
        parsed = { indicators: [], issues: [{ uri: pathToUri(p), line: 0, severity: 'error', message: { vi: String(e), en: String(e) } }] };
        threw = true;
      }
      const broken = parsed.issues.some((i) => i.severity === 'error');
      if (broken) {
        state = {
          stamp: r.stamp,
          indicators: prev?.lastGood ?? parsed.indicators,
          text: prev?.lastGood ? prev.lastGoodText : threw ? undefined : r.text,
          lastGood: prev?.lastGood,
          lastGoodText: prev?.lastGoodText,
          issues: parsed.issues,
        };
      } else {
        state = {
          stamp: r.stamp,
          indicators: parsed.indicators,
          text: r.text,
          lastGood: parsed.indicators,
          lastGoodText: r.text,
          issues: parsed.issues,
        };
      }
      this.publish(p, parsed.issues, r.text);
    }
    this.data.set(p, state);
    return { state, error };
  }

  private loadTemplate(p: string, deps: Map<string, string>, depth = 0): { def: TemplateDef | null; error?: string } {
    const r = this.read(p);
    deps.set(p, r.stamp);
    const prev = this.templates.get(p);
    if (prev && prev.stamp === r.stamp && !TEMPLATE_FILE.test(p)) return { def: prev.def };
    if (r.text === undefined) {
      const def = prev?.lastGood ?? null;
      this.templates.set(p, { stamp: r.stamp, def, lastGood: prev?.lastGood, issues: [] });
      return { def, error: r.error };
    }
    let def: TemplateDef | null = null;
    let issues: DataIssue[] = [];
    const name = path.basename(p).replace(/\.[^.]+$/, '');
    if (TEMPLATE_DOC.test(p)) {
      def = templateFromOutline(parseOutline(new TextView(r.text)).roots, name);
    } else {
      const parsed = parseTemplate(r.text, pathToUri(p), /\.json$/i.test(p) ? 'json' : 'yaml');
      issues = parsed.issues;
      def = parsed.template ?? null;
      if (def?.reference && depth < 2) {
        const ref = this.loadTemplate(path.resolve(path.dirname(p), def.reference), deps, depth + 1);
        if (ref.def) def = { ...ref.def, name: def.name, ...(def.title ? { title: def.title } : {}) };
        else {
          issues = [
            ...issues,
            {
              uri: pathToUri(p),
              line: lineOfLiteral(r.text, def.reference),
              severity: 'error',
              field: 'reference',
              message: tBoth('templateFileMissing', { file: def.reference, error: ref.error ?? '' }),
            },
          ];
          def = null;
        }
      }
      this.publish(p, issues, r.text);
    }
    const broken = !def || issues.some((i) => i.severity === 'error');
    const state: TemplateState = {
      stamp: r.stamp,
      def: broken ? (prev?.lastGood ?? def) : def,
      lastGood: broken ? prev?.lastGood : (def ?? undefined),
      issues,
    };
    this.templates.set(p, state);
    return { def: state.def };
  }

  /** A template setting: built-in name, 'auto'/'' (undefined), 'none' (null), a file, or { reference }. */
  private resolveTemplate(
    value: unknown,
    base: string | null,
    deps: Map<string, string>,
    problem: (message: { vi: string; en: string }) => void,
  ): string | TemplateDef | null | undefined {
    if (value === null || value === 'none') return null;
    if (value === undefined || value === '' || value === 'auto') return undefined;
    if (typeof value === 'string') {
      if (Object.prototype.hasOwnProperty.call(builtinTemplates, value)) return value;
      if (TEMPLATE_FILE.test(value) || TEMPLATE_DOC.test(value) || value.includes('/') || value.includes('\\')) {
        const abs = path.isAbsolute(value) ? value : base ? path.resolve(base, value) : null;
        if (!abs) return undefined;
        const r = this.loadTemplate(abs, deps);
        if (!r.def) problem(tBoth('templateFileMissing', { file: value, error: r.error ?? '' }));
        return r.def ?? undefined;
      }
      problem(tBoth('templateUnknown', { name: value }));
      return undefined;
    }
    if (typeof value === 'object') {
      const ref = (value as { reference?: unknown }).reference;
      if (typeof ref === 'string' && base) {
        const abs = path.resolve(base, ref);
        const r = this.loadTemplate(abs, deps);
        if (!r.def) problem(tBoth('templateFileMissing', { file: ref, error: r.error ?? '' }));
        return r.def ?? undefined;
      }
    }
    return undefined;
  }

  private build(key: string, configPath: string | null, settings: Settings, folder: string | null): Env {
    const deps = new Map<string, string>();
    let config: DraftlintConfig | null = null;
    let configState: ConfigState | undefined;
    const configIssues: DataIssue[] = [];
    if (configPath) {
      configState = this.loadConfig(configPath, deps);
      config = configState.config;
      configIssues.push(...configState.issues);
    }
    const root = configPath ? path.dirname(configPath) : null;
    const configUri = configPath ? pathToUri(configPath) : '';
    const configText = configState?.text ?? '';

    // data: the config's files (relative to it), then the settings' (relative to the workspace folder)
    const files: { abs: string; fromConfig: string | null }[] = [];
    for (const rel of config?.indicators ?? []) {
      if (root) files.push({ abs: path.resolve(root, rel), fromConfig: rel });
    }
    for (const rel of settings.indicators) {
      const base = folder ?? root;
      if (path.isAbsolute(rel)) files.push({ abs: rel, fromConfig: null });
      else if (base) files.push({ abs: path.resolve(base, rel), fromConfig: null });
    }
    const indicators: Indicator[] = [];
    const sources: Indicator[][] = [];
    const dataFiles: string[] = [];
    const dataSources: DataSource[] = [];
    const seen = new Set<string>();
    for (const f of files) {
      if (seen.has(f.abs)) continue;
      seen.add(f.abs);
      const { state, error } = this.loadData(f.abs, deps);
      if (error) {
        if (f.fromConfig !== null && configPath) {
          configIssues.push({
            uri: configUri,
            line: lineOfLiteral(configText, f.fromConfig),
            field: 'indicators',
            severity: 'error',
            message: tBoth('dataFileMissing', { file: f.fromConfig, error }),
          });
        } else {
          this.host.log(`draftlint: cannot read the data file ${f.abs}: ${error}`);
        }
      }
      if (state.indicators.length) dataFiles.push(pathToUri(f.abs));
      if (state.indicators.length && state.text !== undefined) dataSources.push({ uri: pathToUri(f.abs), text: state.text });
      indicators.push(...state.indicators);
      sources.push(state.indicators);
    }

    // template: the setting wins over the config
    const templateProblem = (fromConfig: boolean, literal: string) => (message: { vi: string; en: string }) => {
      if (fromConfig && configPath) {
        configIssues.push({ uri: configUri, line: lineOfLiteral(configText, literal), field: 'template', severity: 'error', message });
      } else this.host.log(`draftlint: ${message.en}`);
    };
    let template: string | TemplateDef | null | undefined;
    if (settings.template) {
      template = this.resolveTemplate(settings.template, folder ?? root, deps, templateProblem(false, settings.template));
    } else if (config?.template !== undefined) {
      const literal = typeof config.template === 'string' ? config.template : config.template.reference;
      template = this.resolveTemplate(config.template, root, deps, templateProblem(true, literal));
    }
    const templates: Record<string, TemplateDef> = {};
    if (template && typeof template === 'object') templates[template.name] = template;

    if (configPath) this.publish(configPath, configIssues, configText);

    const options: RuleOptions = {};
    if (config?.terms && Object.keys(config.terms).length) options.terms = config.terms;
    const documents = (config as { documents?: unknown } | null)?.documents;
    if (Array.isArray(documents)) options.documents = documents as RuleOptions['documents'];

    return {
      key,
      configPath,
      root,
      config,
      data: indicators.length ? IndicatorSet.from(indicators) : IndicatorSet.empty(),
      dataFiles,
      template,
      templates,
      rules: { ...(config?.rules ?? {}), ...settings.rules },
      options,
      language: settings.language ?? config?.language ?? 'vi',
      include: config?.include ?? ['**/*.md', '**/*.txt'],
      exclude: config?.exclude ?? [],
      cheapOnlyAbove: config?.maxFileSize ?? DEFAULT_CHEAP_ONLY_ABOVE,
      settings,
      deps,
      generation: ++this.generation,
      sources,
      dataSources,
    };
  }
}

function sameEnvContent(a: Env, b: Env): boolean {
  if (a.config !== b.config) return false;
  if (a.template !== b.template) return false;
  if (a.dataFiles.join('\n') !== b.dataFiles.join('\n')) return false;
  if (a.sources.length !== b.sources.length) return false;
  for (let i = 0; i < a.sources.length; i++) if (a.sources[i] !== b.sources[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// settings store

/**
 * `draftlint.*` settings per resource: pulled with workspace/configuration (scopeUri) when the client can,
 * falling back to what didChangeConfiguration pushed, then to the defaults. Cached until the next change.
 */
export class SettingsStore {
  private global: Settings = defaultSettings();
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(
    private readonly pull: ((scopeUri: string) => Promise<unknown>) | null,
    private readonly log: (m: string) => void,
  ) {}

  /** didChangeConfiguration: `{ draftlint: {...} }` (or the section itself); clears the cache. */
  setPushed(settings: unknown): void {
    if (settings && typeof settings === 'object') {
      const s = settings as Record<string, unknown>;
      const section = 'draftlint' in s ? s.draftlint : s;
      if (section && typeof section === 'object') this.global = normalizeSettings(section);
    }
    this.cache.clear();
  }

  clear(): void {
    this.cache.clear();
  }

  /** The latest pushed settings (no scope). */
  pushed(): Settings {
    return this.global;
  }

  get(scopeUri: string): Promise<Settings> {
    let p = this.cache.get(scopeUri);
    if (!p) {
      p = this.fetch(scopeUri);
      this.cache.set(scopeUri, p);
      if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value as string);
    }
    return p;
  }

  private async fetch(scopeUri: string): Promise<Settings> {
    if (!this.pull) return this.global;
    try {
      const raw = await this.pull(scopeUri);
      if (raw && typeof raw === 'object') return normalizeSettings(raw, this.global);
    } catch (e) {
      this.log(`workspace/configuration failed: ${(e as Error).message}`);
    }
    return this.global;
  }
}
