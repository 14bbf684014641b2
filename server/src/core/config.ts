/**
 * draftlint.json: the project configuration (see CONTRACTS.md), validated with zod.
 *
 * `parseConfig(text, uri)` never throws on user input. Invalid JSON → one error at the syntax error; unknown
 * keys → warnings; wrong types → errors naming the field and its line. When the file is a JSON object the
 * config is still returned, the bad fields replaced by their defaults, so an editor keeps working; callers that
 * must be strict (the CLI exits 2) look at the issues' severities.
 *
 * Paths in the config are relative to the config file; resolving them is the caller's job.
 *
 * Pure: no fs, no process.
 */
import type * as Z from 'zod';
import { zod } from './zod';
import { computeLineStarts } from './text';
import type { DataIssue, Msg } from './types';
import { jsonPathOffset, jsonValue, lineColAt, parseJsonTree, type JsonNode } from './data/parse';
import { fieldProblems } from './data/schema';

export const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const;
export const RULE_FAMILIES = ['structure', 'figures', 'arithmetic', 'count', 'citation', 'terms', 'units', 'format'] as const;
export const DEFAULT_INCLUDE = ['**/*.md', '**/*.txt'];
export const BUILTIN_TEMPLATE = 'vn-provincial-political-report';

/** The zod schema of draftlint.json (the type DraftlintConfig is its output), built on first use (see zod.ts). */
function buildConfigSchema() {
  const z = zod();
  /** A list of non-empty strings; a single string is read as a one-item list. */
  const stringList = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.string().min(1)));
  return z.object({
    /** JSON schema reference, allowed and ignored */
    $schema: z.string().optional(),
    /** canonical indicator data files (CSV, JSON, YAML), relative to the config file */
    indicators: stringList.default([]),
    /** a built-in template name, a template file (.json/.yaml), or { reference: a document whose outline is the template } */
    template: z.union([z.string().min(1), z.object({ reference: z.string().min(1) })]).optional(),
    include: stringList.default(DEFAULT_INCLUDE),
    exclude: stringList.default([]),
    rules: z.record(z.string(), z.enum(SEVERITY_SETTINGS)).default({}),
    language: z.enum(['vi', 'en']).default('vi'),
    /** terms/variant: preferred forms, { "variant": "preferred" } */
    terms: z.record(z.string(), z.string().min(1)).default({}),
    /** citation registry: a file (relative to the config file) or the known documents inline */
    documents: z
      .union([
        z.string().min(1),
        z.array(z.object({ number: z.string().min(1), date: z.string().optional(), title: z.string().optional() })),
      ])
      .optional(),
    /** options passed to the rules as they are (RuleOptions) */
    options: z.record(z.string(), z.unknown()).optional(),
    /** bytes; larger documents get only the cheap rules */
    maxFileSize: z.number().int().positive().optional(),
  });
}

let configSchema: ReturnType<typeof buildConfigSchema> | undefined;

export function draftlintConfigSchema(): ReturnType<typeof buildConfigSchema> {
  return (configSchema ??= buildConfigSchema());
}

export type DraftlintConfig = Z.output<ReturnType<typeof buildConfigSchema>>;

const EXPECTED: Record<string, Msg> = {
  indicators: { vi: 'một danh sách đường dẫn tệp dữ liệu', en: 'a list of data file paths' },
  template: {
    vi: 'tên mẫu, đường dẫn tệp mẫu, hoặc { "reference": "tệp" }',
    en: 'a template name, a template file path, or { "reference": "file" }',
  },
  'template.reference': { vi: 'đường dẫn văn bản mẫu', en: 'the path of the reference document' },
  include: { vi: 'một danh sách mẫu glob', en: 'a list of glob patterns' },
  exclude: { vi: 'một danh sách mẫu glob', en: 'a list of glob patterns' },
  rules: { vi: 'một đối tượng { "nhóm/quy-tắc": "off|info|warning|error" }', en: 'an object { "family/rule": "off|info|warning|error" }' },
  language: { vi: '"vi" hoặc "en"', en: '"vi" or "en"' },
  terms: { vi: 'một đối tượng { "biến thể": "dạng ưu tiên" }', en: 'an object { "variant": "preferred form" }' },
  documents: {
    vi: 'đường dẫn tệp danh mục văn bản, hoặc danh sách { "number", "date", "title" }',
    en: 'the path of a document registry file, or a list of { "number", "date", "title" }',
  },
  options: { vi: 'một đối tượng', en: 'an object' },
  maxFileSize: { vi: 'số byte (số nguyên dương)', en: 'a positive whole number of bytes' },
  $schema: { vi: 'một chuỗi', en: 'a string' },
};

export interface ParseConfigOptions {
  /** rule ids that exist; unknown ids in `rules` get a warning with the closest known id */
  knownRules?: readonly string[];
}

export interface ParseConfigResult {
  config?: DraftlintConfig;
  issues: DataIssue[];
}

/** The configuration used when there is no draftlint.json. */
export function defaultConfig(): DraftlintConfig {
  // what the schema makes of {} (a test checks it), without loading zod
  return { indicators: [], include: [...DEFAULT_INCLUDE], exclude: [], rules: {}, language: 'vi', terms: {} };
}

/** What `draftlint init` writes to draftlint.json. */
export function starterConfig(): DraftlintConfig {
  return {
    indicators: ['indicators.csv'],
    template: BUILTIN_TEMPLATE,
    include: [...DEFAULT_INCLUDE],
    exclude: ['node_modules/**'],
    rules: {},
    language: 'vi',
    terms: {},
  };
}

/** The starter config as the text of a file (2-space JSON, trailing newline). */
export function starterConfigText(): string {
  const { terms: _terms, ...shown } = starterConfig();
  return JSON.stringify(shown, null, 2) + '\n';
}

/** The example indicators file `draftlint init` writes next to the config. */
export function starterIndicatorsCsv(): string {
  return [
    'id,name,aliases,unit,period,kind,value,bound,source',
    'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,Báo cáo chính trị',
    'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2026-2030,target,12,,Chỉ tiêu (4)',
    'labour_productivity_growth,Tăng năng suất lao động,,%/năm,2026-2030,target,8..8.5,,Chỉ tiêu (12)',
    '',
  ].join('\n');
}

/** What the `template` setting names. */
export type TemplateRef =
  | { kind: 'builtin'; name: string }
  | { kind: 'file'; path: string }
  | { kind: 'reference'; path: string };

/** Classify the `template` setting: a reference document, a template file (has a path separator or a .json/.yaml/.yml extension), or a built-in name. */
export function templateRef(config: Pick<DraftlintConfig, 'template'>): TemplateRef | null {
  const t = config.template;
  if (t === undefined) return null;
  if (typeof t === 'object') return { kind: 'reference', path: t.reference };
  if (/[\\/]/.test(t) || /\.(json|ya?ml)$/i.test(t)) return { kind: 'file', path: t };
  return { kind: 'builtin', name: t };
}

// ---------------------------------------------------------------------------------------------------------

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === word.toLowerCase() ? 0 : levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(1, Math.floor(word.length / 4)) ? best : undefined;
}

function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!node || node.type !== 'object') return undefined;
  for (let k = node.entries.length - 1; k >= 0; k--) if (node.entries[k].key === key) return node.entries[k].value;
  return undefined;
}

/**
 * Parse and validate the text of a draftlint.json. JSON with comments is accepted (as VS Code writes it).
 */
export function parseConfig(text: string, uri: string, opts: ParseConfigOptions = {}): ParseConfigResult {
  const issues: DataIssue[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const starts = computeLineStarts(body);
  const pos = (offset: number) => lineColAt(starts, offset);
  if (body.trim() === '') {
    issues.push({
      uri,
      line: 0,
      severity: 'warning',
      message: { vi: 'Tệp draftlint.json trống; dùng cấu hình mặc định.', en: 'draftlint.json is empty; using the defaults.' },
    });
    return { config: defaultConfig(), issues };
  }
  const { root, error } = parseJsonTree(body, { comments: true });
  if (error || !root) {
    const p = pos(error?.offset ?? 0);
    issues.push({
      uri,
      line: p.line,
      column: p.column,
      severity: 'error',
      message: error
        ? { vi: `JSON không hợp lệ: ${error.message.vi}`, en: `Invalid JSON: ${error.message.en}` }
        : { vi: 'JSON không hợp lệ.', en: 'Invalid JSON.' },
    });
    return { issues };
  }
  if (root.type !== 'object') {
    const p = pos(root.start);
    issues.push({
      uri,
      line: p.line,
      column: p.column,
      severity: 'error',
      message: { vi: 'draftlint.json phải là một đối tượng JSON { … }.', en: 'draftlint.json must be a JSON object { … }.' },
    });
    return { issues };
  }
  const at = (path: readonly (string | number)[]) => pos(jsonPathOffset(root, path));
  const raw = jsonValue(root) as Record<string, unknown>;

  // unknown keys: warnings, then ignored
  const knownKeys = Object.keys(draftlintConfigSchema().shape);
  for (const e of root.entries) {
    if (knownKeys.includes(e.key)) continue;
    const p = pos(e.keyStart);
    const guess = closest(e.key, knownKeys.filter((k) => k !== '$schema'));
    issues.push({
      uri,
      line: p.line,
      column: p.column,
      field: e.key,
      severity: 'warning',
      message: {
        vi: `Khóa không xác định "${e.key}" (bỏ qua).${guess ? ` Ý bạn là "${guess}"?` : ''}`,
        en: `Unknown key "${e.key}" (ignored).${guess ? ` Did you mean "${guess}"?` : ''}`,
      },
    });
    delete raw[e.key];
  }
  const tmpl = member(root, 'template');
  if (tmpl?.type === 'object') {
    for (const e of tmpl.entries) {
      if (e.key === 'reference') continue;
      const p = pos(e.keyStart);
      issues.push({
        uri,
        line: p.line,
        column: p.column,
        field: `template.${e.key}`,
        severity: 'warning',
        message: { vi: `Khóa không xác định "template.${e.key}" (bỏ qua).`, en: `Unknown key "template.${e.key}" (ignored).` },
      });
    }
    const t = raw.template as Record<string, unknown>;
    raw.template = 'reference' in t ? { reference: t.reference } : t;
  }

  // rules: severities ("warn" accepted with a warning), rule ids checked
  const rules = raw.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    const r = rules as Record<string, unknown>;
    for (const id of Object.keys(r)) {
      const v = r[id];
      if (typeof v === 'string' && v !== v.toLowerCase() && (SEVERITY_SETTINGS as readonly string[]).includes(v.toLowerCase())) {
        r[id] = v.toLowerCase();
      } else if (v === 'warn') {
        const p = at(['rules', id]);
        issues.push({
          uri,
          line: p.line,
          column: p.column,
          field: `rules.${id}`,
          severity: 'warning',
          message: { vi: 'Dùng "warning" thay cho "warn".', en: 'Write "warning" instead of "warn".' },
        });
        r[id] = 'warning';
      }
      const p = at(['rules', id]);
      const family = id.split('/')[0];
      const wellFormed = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) && (RULE_FAMILIES as readonly string[]).includes(family);
      if (opts.knownRules && !opts.knownRules.includes(id)) {
        const guess = closest(id, opts.knownRules);
        issues.push({
          uri,
          line: p.line,
          column: p.column,
          field: `rules.${id}`,
          severity: 'warning',
          message: {
            vi: `Không có quy tắc "${id}".${guess ? ` Ý bạn là "${guess}"?` : ''}`,
            en: `There is no rule "${id}".${guess ? ` Did you mean "${guess}"?` : ''}`,
          },
        });
      } else if (!opts.knownRules && !wellFormed) {
        issues.push({
          uri,
          line: p.line,
          column: p.column,
          field: `rules.${id}`,
          severity: 'warning',
          message: {
            vi: `Mã quy tắc "${id}" không đúng dạng nhóm/tên (nhóm: ${RULE_FAMILIES.join(', ')}).`,
            en: `Rule id "${id}" is not of the form family/name (families: ${RULE_FAMILIES.join(', ')}).`,
          },
        });
      }
    }
  }

  // validate; drop what is wrong (reported) and validate again so the rest still applies
  for (let round = 0; round < 6; round++) {
    const res = draftlintConfigSchema().safeParse(raw);
    if (res.success) return { config: res.data, issues: sortIssues(issues) };
    for (const p of fieldProblems(res.error, EXPECTED)) {
      const lc = at(p.path);
      issues.push({ uri, line: lc.line, column: lc.column, field: p.field || undefined, severity: 'error', message: p.message });
      dropPath(raw, p.path);
    }
  }
  return { issues: sortIssues(issues) };
}

/** Remove the bad part: an entry of `rules`/`terms`, or the whole top-level field. */
function dropPath(raw: Record<string, unknown>, path: readonly (string | number)[]): void {
  if (path.length === 0) return;
  const top = String(path[0]);
  const parent = raw[top];
  if (path.length >= 2 && (top === 'rules' || top === 'terms') && parent && typeof parent === 'object' && !Array.isArray(parent)) {
    delete (parent as Record<string, unknown>)[String(path[1])];
    return;
  }
  if (path.length >= 2 && Array.isArray(parent) && typeof path[1] === 'number') {
    raw[top] = parent.filter((_, i) => i !== path[1]);
    return;
  }
  delete raw[top];
}

function sortIssues(issues: DataIssue[]): DataIssue[] {
  return issues.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}
