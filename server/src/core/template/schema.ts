/**
 * Structure templates: what sections a kind of document has, in which order, with which numbering.
 *
 * A template file (JSON or YAML) holds one TemplateDef:
 *   name: my-report
 *   title: ["báo cáo chính trị", "đại hội"]     # phrases (all of them) that select it from the first lines
 *   sections:
 *     - { kind: part, number: "1", title: "Kết quả", period: "2021-2025", children: [ … ] }
 * Section ids are optional in files (derived from the numbers or titles). Titles are matched leniently.
 *
 * Pure: no fs, no process, no vscode.
 */
import type * as Z from 'zod';
import { zod } from '../zod';
import { yaml } from '../yaml';
import type { DataIssue, MarkerKind, Msg } from '../types';
import { parseSectionNumber } from '../outline';

export const MARKER_KINDS = ['part', 'roman', 'decimal', 'paren', 'letter', 'markdown'] as const;

export interface SectionDef {
  id: string;
  kind: MarkerKind;
  /** "1" (parts), "I", "2.1", "(1)", "a" */
  number?: string;
  /** matched leniently (folded, word overlap) */
  title?: string;
  /** default true */
  required?: boolean;
  /** default period for figures in this section ("2021-2025") */
  period?: string;
  /** children's (n) items are numbered continuously across this section's child groups */
  continuous?: boolean;
  /**
   * sections not listed among the children are fine here (default: true when none of the children is
   * required, i.e. the listed children are only guidance)
   */
  extra?: boolean;
  children?: SectionDef[];
}

export interface TemplateDef {
  name: string;
  /** phrases that select the template when all of them appear in the document's first lines (folded) */
  title?: string[];
  sections: SectionDef[];
  /** a reference document whose outline is the template (resolved by the config loader) */
  reference?: string;
  /** top-level sections not in the template are fine (default: as for SectionDef.extra) */
  extra?: boolean;
}

interface SectionInput {
  id?: string;
  kind: MarkerKind;
  number?: string | number;
  title?: string;
  required?: boolean;
  period?: string | number;
  continuous?: boolean;
  extra?: boolean;
  children?: SectionInput[];
}

/** The zod schema of a template definition (sections nest), built on first use (see zod.ts). */
function buildTemplateSchema() {
  const z = zod();
  const SectionDefSchema: Z.ZodType<SectionInput> = z.lazy(() =>
    z.object({
      id: z.string().min(1).optional(),
      kind: z.enum(MARKER_KINDS),
      number: z.union([z.string(), z.number()]).optional(),
      title: z.string().optional(),
      required: z.boolean().optional(),
      period: z.union([z.string(), z.number()]).optional(),
      continuous: z.boolean().optional(),
      extra: z.boolean().optional(),
      children: z.array(SectionDefSchema).optional(),
    }),
  );
  return z.object({
    name: z.string().min(1),
    title: z.union([z.string(), z.array(z.string())]).optional(),
    sections: z.array(SectionDefSchema).optional(),
    reference: z.string().min(1).optional(),
    extra: z.boolean().optional(),
  });
}

let templateSchema: ReturnType<typeof buildTemplateSchema> | undefined;

export function templateDefSchema(): ReturnType<typeof buildTemplateSchema> {
  return (templateSchema ??= buildTemplateSchema());
}

const SECTION_KEYS = new Set(['id', 'kind', 'number', 'title', 'required', 'period', 'continuous', 'extra', 'children']);
const TEMPLATE_KEYS = new Set(['name', 'title', 'sections', 'reference', 'extra', '$schema', 'description']);

/** "2021-2025", "2021 - 2025", "2025" → { from, to }; null when malformed. */
export function parsePeriodText(s: string): { from: number; to: number } | null {
  const t = s.trim();
  let i = 0;
  const year = () => {
    const a = i;
    while (i < t.length && t[i] >= '0' && t[i] <= '9') i++;
    return i - a === 4 ? Number(t.slice(a, i)) : null;
  };
  const from = year();
  if (from === null) return null;
  if (i === t.length) return { from, to: from };
  while (t[i] === ' ') i++;
  if (t[i] !== '-' && t[i] !== '–') return null;
  i++;
  while (t[i] === ' ') i++;
  const to = year();
  if (to === null || i !== t.length || to < from) return null;
  return { from, to };
}

// ---------------------------------------------------------------------------------------------------------
// Locating a path in JSON text

/** Offsets of every value in a (valid) JSON text, by path (keys joined with '\u0000'). */
export function jsonPathOffsets(text: string): Map<string, number> {
  const map = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t' || text[i] === '\ufeff')) i++;
  };
  const str = (): string => {
    const a = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(text.slice(a, i)) as string;
    } catch {
      return text.slice(a + 1, i - 1);
    }
  };
  const value = (path: string): void => {
    ws();
    map.set(path, i);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      while (i < text.length) {
        ws();
        const key = str();
        ws();
        i++; // ':'
        value(path ? path + '\u0000' + key : key);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // '}'
        return;
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      let k = 0;
      while (i < text.length) {
        value(path ? path + '\u0000' + k : String(k));
        k++;
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // ']'
        return;
      }
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && !',]} \n\r\t'.includes(text[i])) i++;
    }
  };
  value('');
  return map;
}

/** Offset of the first syntax error of a JSON text (its length when the error is a premature end). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  class Stop {
    constructor(readonly at: number) {}
  }
  const fail = (): never => {
    throw new Stop(i);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const str = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const lit = () => {
    const a = i;
    while (i < text.length && /[-+.0-9a-zA-Z]/.test(text[i])) i++;
    const t = text.slice(a, i);
    if (!(t === 'true' || t === 'false' || t === 'null' || /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/.test(t))) {
      i = a;
      fail();
    }
  };
  const value = (depth: number): void => {
    if (depth > 500) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') str();
    else if (c === undefined) fail();
    else lit();
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail();
  } catch (e) {
    if (e instanceof Stop) return e.at;
    throw e;
  }
  return 0;
}

function lineOfOffset(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let ls = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      ls = k + 1;
    }
  }
  return { line, column: offset - ls };
}

// ---------------------------------------------------------------------------------------------------------
// Parsing

export interface TemplateParseResult {
  template?: TemplateDef;
  issues: DataIssue[];
}

type Path = (string | number)[];

function fieldName(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

function zodIssueMsg(issue: Z.core.$ZodIssue, field: string): Msg {
  const where = field || 'template';
  switch (issue.code) {
    case 'invalid_type':
      return {
        vi: `Trường "${where}": sai kiểu (cần ${issue.expected}).`,
        en: `Field "${where}": wrong type (expected ${issue.expected}).`,
      };
    case 'invalid_value':
      return {
        vi: `Trường "${where}": giá trị không hợp lệ (một trong ${issue.values.map(String).join(', ')}).`,
        en: `Field "${where}": invalid value (one of ${issue.values.map(String).join(', ')}).`,
      };
    case 'too_small':
      return { vi: `Trường "${where}": không được để trống.`, en: `Field "${where}": must not be empty.` };
    default:
      return { vi: `Trường "${where}": ${issue.message}`, en: `Field "${where}": ${issue.message}` };
  }
}

/**
 * Parse and validate a template file. Issues carry 0-based lines of the offending field; the template is
 * returned only when there are no errors (warnings, e.g. unknown keys, are allowed).
 */
export function parseTemplate(text: string, uri: string, format: 'json' | 'yaml'): TemplateParseResult {
  const issues: DataIssue[] = [];
  let raw: unknown;
  let locate: (path: Path) => { line: number; column?: number };

  if (format === 'json') {
    const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    try {
      raw = JSON.parse(src);
    } catch (e) {
      const m = /position (\d+)/.exec((e as Error).message);
      const pos = lineOfOffset(src, m ? Number(m[1]) : jsonErrorOffset(src));
      issues.push({
        uri,
        line: pos.line,
        column: pos.column,
        severity: 'error',
        message: { vi: `JSON không hợp lệ: ${(e as Error).message}`, en: `Invalid JSON: ${(e as Error).message}` },
      });
      return { issues };
    }
    const deep = jsonTooDeep(src, MAX_TEMPLATE_DEPTH);
    if (deep >= 0) {
      const pos = lineOfOffset(src, deep);
      issues.push({ uri, line: pos.line, column: pos.column, severity: 'error', message: tooDeep() });
      return { issues };
    }
    let offsets: Map<string, number> | undefined;
    locate = (path) => {
      offsets ??= jsonPathOffsets(src);
      for (let n = path.length; n >= 0; n--) {
        const off = offsets.get(path.slice(0, n).map(String).join('\u0000'));
        if (off !== undefined) return lineOfOffset(src, off);
      }
      return { line: 0 };
    };
  } else {
    const lineCounter = new (yaml().LineCounter)();
    const doc = yaml().parseDocument(text, { lineCounter, prettyErrors: false });
    if (doc.errors.length) {
      for (const err of doc.errors) {
        const lp = lineCounter.linePos(err.pos[0]);
        issues.push({
          uri,
          line: lp.line - 1,
          column: lp.col - 1,
          severity: 'error',
          message: { vi: `YAML không hợp lệ: ${err.message}`, en: `Invalid YAML: ${err.message}` },
        });
      }
      return { issues };
    }
    try {
      raw = doc.toJS();
    } catch (e) {
      // an alias without its anchor (*a), or too many aliases (a "billion laughs" file): point at the first alias
      let at: [number, number, number] | undefined;
      yaml().visit(doc, {
        Alias(_, node) {
          at ??= node.range ?? undefined;
          return at ? yaml().visit.BREAK : undefined;
        },
      });
      const lp = lineCounter.linePos(at?.[0] ?? 0);
      const why = (e as Error).message;
      issues.push({
        uri,
        line: lp.line - 1,
        column: lp.col - 1,
        severity: 'error',
        message: { vi: `YAML không hợp lệ: ${why}`, en: `Invalid YAML: ${why}` },
      });
      return { issues };
    }
    locate = (path) => {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
        if (yaml().isNode(node) && node.range) {
          const lp = lineCounter.linePos(node.range[0]);
          return { line: lp.line - 1, column: lp.col - 1 };
        }
      }
      return { line: 0 };
    };
  }

  if (format === 'yaml' && valueDepth(raw) > MAX_TEMPLATE_DEPTH) {
    issues.push({ uri, line: 0, severity: 'error', message: tooDeep() });
    return { issues };
  }

  const push = (path: Path, severity: 'error' | 'warning', message: Msg) => {
    const at = locate(path);
    issues.push({ uri, line: at.line, column: at.column, field: fieldName(path) || undefined, severity, message });
  };

  const parsed = templateDefSchema().safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      push(path, 'error', zodIssueMsg(issue, fieldName(path)));
    }
    return { issues };
  }

  // unknown keys: warnings (typos)
  const rawObj = raw as Record<string, unknown>;
  for (const k of Object.keys(rawObj)) {
    if (!TEMPLATE_KEYS.has(k)) push([k], 'warning', unknownKey(k));
  }

  const ids = new Map<string, string>();
  const convert = (input: SectionInput, rawSec: Record<string, unknown>, path: Path, parentId: string, index: number): SectionDef => {
    for (const k of Object.keys(rawSec)) {
      if (!SECTION_KEYS.has(k)) push([...path, k], 'warning', unknownKey(k));
    }
    const out: SectionDef = { id: '', kind: input.kind };
    if (input.number !== undefined) {
      const num = String(input.number).trim();
      if (typeof input.number === 'number' && !Number.isInteger(input.number)) {
        // YAML/JSON read 1.10 as the number 1.1
        push([...path, 'number'], 'warning', {
          vi: `Số mục ${num} nên viết trong ngoặc kép ("${num}"): số 1.10 sẽ bị đọc thành 1.1.`,
          en: `Write section number ${num} as a string ("${num}"): 1.10 would read as 1.1.`,
        });
      }
      if (!parseSectionNumber(input.kind, num)) {
        push([...path, 'number'], 'error', {
          vi: `Số mục "${num}" không hợp với kiểu "${input.kind}".`,
          en: `Section number "${num}" does not fit kind "${input.kind}".`,
        });
      }
      out.number = num;
    }
    if (input.title !== undefined) out.title = input.title;
    if (input.required !== undefined) out.required = input.required;
    if (input.period !== undefined) {
      const p = String(input.period);
      if (!parsePeriodText(p)) {
        push([...path, 'period'], 'error', {
          vi: `Giai đoạn "${p}" không hợp lệ (ví dụ "2021-2025" hoặc "2025").`,
          en: `Invalid period "${p}" (e.g. "2021-2025" or "2025").`,
        });
      }
      out.period = p;
    }
    if (input.continuous !== undefined) out.continuous = input.continuous;
    if (input.extra !== undefined) out.extra = input.extra;
    const own = input.id ?? (out.number ? out.number.replace(/[()]/g, '') : slug(out.title) || String(index + 1));
    out.id = input.id ?? (parentId ? `${parentId}/${own}` : own);
    const prev = ids.get(out.id);
    if (prev !== undefined) {
      push([...path, input.id ? 'id' : 'number'], 'error', {
        vi: `Mã mục "${out.id}" bị trùng (đã có ở ${prev}).`,
        en: `Duplicate section id "${out.id}" (also at ${prev}).`,
      });
    } else ids.set(out.id, fieldName(path));
    if (input.children) {
      const rawChildren = (rawSec.children as Record<string, unknown>[]) ?? [];
      out.children = input.children.map((c, k) => convert(c, rawChildren[k] ?? {}, [...path, 'children', k], out.id, k));
    }
    return out;
  };

  const v = parsed.data;
  const rawSections = (rawObj.sections as Record<string, unknown>[] | undefined) ?? [];
  const sections = (v.sections ?? []).map((s, k) => convert(s, rawSections[k] ?? {}, ['sections', k], '', k));
  if (sections.length === 0 && !v.reference) {
    push([], 'error', {
      vi: 'Mẫu cấu trúc cần "sections" hoặc "reference".',
      en: 'A structure template needs "sections" or "reference".',
    });
  }
  const template: TemplateDef = { name: v.name, sections };
  if (v.title !== undefined) template.title = typeof v.title === 'string' ? [v.title] : v.title;
  if (v.reference !== undefined) template.reference = v.reference;
  if (v.extra !== undefined) template.extra = v.extra;
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return { template, issues };
}

/**
 * Templates nest sections a few levels deep; a file nested far deeper is refused before validation (the schema
 * and the path lookups recurse, and would overflow the stack).
 */
const MAX_TEMPLATE_DEPTH = 100;

function tooDeep(): Msg {
  return {
    vi: `Mẫu lồng nhau quá sâu (hơn ${MAX_TEMPLATE_DEPTH} cấp).`,
    en: `The template is nested too deeply (more than ${MAX_TEMPLATE_DEPTH} levels).`,
  };
}

/** Offset of the first bracket of a JSON text nested deeper than `max` (strings skipped), or -1. */
function jsonTooDeep(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/** Nesting depth of a plain value (iterative: the value may be deeper than the stack allows). */
function valueDepth(v: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_TEMPLATE_DEPTH) return max;
    if (x && typeof x === 'object') for (const y of Object.values(x as object)) stack.push([y, d + 1]);
  }
  return max;
}

function unknownKey(k: string): Msg {
  return { vi: `Khóa không xác định "${k}" (bị bỏ qua).`, en: `Unknown key "${k}" (ignored).` };
}

function slug(s: string | undefined): string {
  if (!s) return '';
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}
