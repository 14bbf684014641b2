/**
 * Zod schemas of one canonical indicator record (a CSV row, or an object of a JSON/YAML data file) and the
 * conversion of zod issues into field names and bilingual messages.
 *
 * The schemas validate AND normalise: a valid record comes out with its period parsed, its value as lo/hi, its
 * aliases as a list and its strings in NFC. Field-specific problems carry their own {vi, en} message in the
 * issue's `params`; the rest get a generic message naming the field and what it expects.
 *
 * Pure: no fs, no process.
 */
import type * as Z from 'zod';
import { zod } from '../zod';
import type { Bound, IndicatorKind, Msg, Period } from '../types';

/** The columns (or keys) of a record, in the contract's order. */
export const INDICATOR_FIELDS = ['id', 'name', 'aliases', 'unit', 'period', 'kind', 'value', 'bound', 'source'] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** Columns a CSV header must have (the others may be absent). */
export const REQUIRED_FIELDS: readonly IndicatorField[] = ['id', 'name', 'unit', 'period', 'value'];

export const KINDS: readonly IndicatorKind[] = ['actual', 'estimate', 'target'];
export const BOUNDS: readonly Bound[] = ['exact', 'above', 'below', 'approx'];

/** What each field expects, for generic messages. */
const EXPECTED: Record<string, Msg> = {
  id: { vi: 'một mã không có dấu cách (vd. grdp_growth)', en: 'a key without spaces (e.g. grdp_growth)' },
  name: { vi: 'tên chỉ tiêu', en: 'the indicator name' },
  aliases: { vi: 'các tên khác, cách nhau bởi "|" (hoặc một danh sách)', en: 'other names separated by "|" (or a list)' },
  unit: { vi: 'đơn vị như trong văn bản (%, %/năm, tỷ đồng, USD…)', en: 'the unit as drafts write it (%, %/năm, tỷ đồng, USD…)' },
  period: { vi: 'một năm (2025) hoặc một giai đoạn (2021-2025)', en: 'a year (2025) or a span (2021-2025)' },
  kind: { vi: 'actual, estimate hoặc target', en: 'actual, estimate or target' },
  value: { vi: 'một số (10.4) hoặc một khoảng (8..8.5)', en: 'a number (10.4) or a range (8..8.5)' },
  bound: { vi: 'exact, above, below hoặc approx', en: 'exact, above, below or approx' },
  source: { vi: 'nguồn (văn bản tự do)', en: 'a source (free text)' },
};

// ---------------------------------------------------------------------------------------------------------
// helpers

type Ctx = Z.RefinementCtx;

/** Add a custom issue carrying a bilingual message. */
function fail(ctx: Ctx, message: Msg): void {
  ctx.addIssue({ code: 'custom', message: message.en, params: { vi: message.vi, en: message.en } });
}

/** A string-ish field: strings and numbers accepted, trimmed, NFC, inner whitespace collapsed. */
function cleanText(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).normalize('NFC').replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------------
// fields

export interface ParsedPeriod {
  period: Period;
  /** normalised text: "2025" or "2021-2025" */
  text: string;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** Parse "2025", "2021-2025", "2021 - 2025" (also en/em dashes). Returns an error message when invalid. */
export function parsePeriodField(raw: string | number): ParsedPeriod | Msg {
  const s = cleanText(raw);
  const bad: Msg = {
    vi: `Giai đoạn "${s}" không hợp lệ: cần một năm (2025) hoặc một giai đoạn (2021-2025).`,
    en: `Invalid period "${s}": expected a year (2025) or a span (2021-2025).`,
  };
  const m = /^(\d{4})(?:\s*[-–—]\s*(\d{2,4}))?$/.exec(s);
  if (!m) return bad;
  const from = Number(m[1]);
  if (m[2] !== undefined && m[2].length !== 4) {
    const guess = `${m[1]}-${m[1].slice(0, 4 - m[2].length)}${m[2]}`;
    return {
      vi: `Giai đoạn "${s}": hãy viết đủ bốn chữ số của năm cuối (${guess}).`,
      en: `Period "${s}": write the end year with four digits (${guess}).`,
    };
  }
  const to = m[2] !== undefined ? Number(m[2]) : from;
  if (from < MIN_YEAR || to > MAX_YEAR) {
    return { vi: `Năm ngoài khoảng hợp lý trong giai đoạn "${s}".`, en: `Year out of range in period "${s}".` };
  }
  if (from > to) {
    return {
      vi: `Giai đoạn "${s}": năm đầu lớn hơn năm cuối.`,
      en: `Period "${s}": the first year is after the last.`,
    };
  }
  return { period: { from, to }, text: from === to ? String(from) : `${from}-${to}` };
}

function isMsg(x: unknown): x is Msg {
  return typeof x === 'object' && x !== null && 'vi' in x && 'en' in x;
}

export interface ParsedValue {
  lo: number;
  hi: number;
}

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Parse one machine-format number ("10.4", "12", "-3"). Returns an error message when invalid. */
export function parseNumberField(raw: string): number | Msg {
  const s = raw.trim();
  if (DECIMAL.test(s)) return Number(s);
  if (/^-?\d+,\d+$/.test(s)) {
    const fixed = s.replace(',', '.');
    return {
      vi: `Giá trị "${s}" dùng dấu phẩy thập phân; trong tệp dữ liệu hãy viết "${fixed}" (dấu chấm thập phân).`,
      en: `The value "${s}" uses a decimal comma; data files use a decimal point: write "${fixed}".`,
    };
  }
  if (/^-?\d{1,3}(?:[.,]\d{3})+(?:,\d+)?$/.test(s)) {
    const fixed = s.replace(/[.,](?=\d{3}(?:\D|$))/g, '').replace(',', '.');
    return {
      vi: `Giá trị "${s}" có dấu phân cách hàng nghìn; hãy viết "${fixed}" (không phân cách hàng nghìn, dấu chấm thập phân).`,
      en: `The value "${s}" has thousands separators; write "${fixed}" (no thousands separators, decimal point).`,
    };
  }
  if (/^-?\d+(?:[.,]\d+)?\s*%/.test(s) || /^-?\d+(?:[.,]\d+)?\s+\p{L}/u.test(s)) {
    return {
      vi: `Giá trị "${s}" có kèm đơn vị; chỉ ghi số ở cột value, đơn vị ghi ở cột unit.`,
      en: `The value "${s}" includes a unit; put only the number in value and the unit in the unit column.`,
    };
  }
  return {
    vi: `Giá trị "${s}" không phải là số; cần một số (10.4) hoặc một khoảng (8..8.5).`,
    en: `The value "${s}" is not a number; expected a number (10.4) or a range (8..8.5).`,
  };
}

/** Parse a value: "10.4", "8..8.5". Returns an error message when invalid. */
export function parseValueField(raw: string): ParsedValue | Msg {
  const s = raw.trim();
  const dots = s.indexOf('..');
  if (dots >= 0) {
    const a = parseNumberField(s.slice(0, dots));
    const b = parseNumberField(s.slice(dots + 2));
    if (isMsg(a)) return a;
    if (isMsg(b)) return b;
    if (a > b) {
      return {
        vi: `Khoảng "${s}": cận dưới lớn hơn cận trên.`,
        en: `Range "${s}": the low end is above the high end.`,
      };
    }
    return { lo: a, hi: b };
  }
  // "8-8.5" is a Vietnamese-style range: point at the machine format
  const dash = /^(\d+(?:[.,]\d+)?)\s*[-–]\s*(\d+(?:[.,]\d+)?)$/.exec(s);
  if (dash) {
    const fixed = `${dash[1].replace(',', '.')}..${dash[2].replace(',', '.')}`;
    return {
      vi: `Khoảng "${s}": trong tệp dữ liệu hãy viết "${fixed}".`,
      en: `Range "${s}": data files write ranges as "${fixed}".`,
    };
  }
  const n = parseNumberField(s);
  if (isMsg(n)) return n;
  return { lo: n, hi: n };
}

/**
 * A warning (not an error) for a value that parses but looks like a Vietnamese thousands separator:
 * "11.000" reads as 11 in machine format, though the author likely meant 11000.
 */
export function valueWarning(raw: unknown): Msg | null {
  if (typeof raw !== 'string') return null;
  for (const part of raw.split('..')) {
    const s = part.trim();
    if (/^-?\d{1,3}\.\d{2}0$/.test(s)) {
      const asThousands = s.replace('.', '');
      return {
        vi: `Giá trị "${s}" được đọc là ${Number(s)} (dấu chấm là dấu thập phân). Nếu ý là ${asThousands}, hãy viết "${asThousands}".`,
        en: `The value "${s}" reads as ${Number(s)} (the dot is a decimal point). If you meant ${asThousands}, write "${asThousands}".`,
      };
    }
  }
  return null;
}

/**
 * The schemas of a record, built on first use (see zod.ts). Each validates one field and normalises it; the
 * record schema puts them together.
 */
function buildSchemas() {
  const z = zod();
  const scalar = z.union([z.string(), z.number(), z.boolean()]);
  const optionalText = scalar.nullish().transform(cleanText);

  const IdSchema = scalar.nullish().transform((v, ctx) => {
    const s = cleanText(v);
    if (!s) {
      fail(ctx, { vi: 'Thiếu mã chỉ tiêu (cột id).', en: 'The indicator id is empty.' });
      return z.NEVER;
    }
    if (/\s/.test(s)) {
      fail(ctx, {
        vi: `Mã chỉ tiêu "${s}" có dấu cách; hãy dùng dấu gạch dưới (vd. ${s.replace(/\s+/g, '_')}).`,
        en: `The id "${s}" contains spaces; use underscores (e.g. ${s.replace(/\s+/g, '_')}).`,
      });
      return z.NEVER;
    }
    return s;
  });

  /** Aliases: a "|"-separated string or a list; empty entries dropped, duplicates removed (case-insensitive). */
  const AliasesSchema = z
    .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
    .nullish()
    .transform((v) => {
      if (v === null || v === undefined) return [] as string[];
      const parts = Array.isArray(v) ? v.map((x) => String(x)) : String(v).split('|');
      const out: string[] = [];
      const seen = new Set<string>();
      for (const p of parts) {
        const s = cleanText(p);
        if (!s) continue;
        const k = s.toLowerCase();
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(s);
      }
      return out;
    });

  const PeriodSchema = z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v, ctx) => {
      if (v === null || v === undefined || cleanText(v) === '') {
        fail(ctx, { vi: 'Thiếu giai đoạn (cột period).', en: 'The period is empty.' });
        return z.NEVER;
      }
      const r = parsePeriodField(v);
      if (isMsg(r)) {
        fail(ctx, r);
        return z.NEVER;
      }
      return r;
    });

  function enumField<T extends string>(values: readonly T[], fallback: T, field: string) {
    return scalar.nullish().transform((v, ctx): T => {
      const s = cleanText(v).toLowerCase();
      if (!s) return fallback;
      if ((values as readonly string[]).includes(s)) return s as T;
      fail(ctx, {
        vi: `Giá trị "${cleanText(v)}" của cột ${field} không hợp lệ; dùng một trong: ${values.join(', ')} (để trống = ${fallback}).`,
        en: `Invalid ${field} "${cleanText(v)}"; use one of: ${values.join(', ')} (empty = ${fallback}).`,
      });
      return z.NEVER;
    });
  }

  const KindSchema = enumField(KINDS, 'actual', 'kind');
  const BoundSchema = enumField(BOUNDS, 'exact', 'bound');

  const ValueSchema = z
    .union([z.number(), z.string(), z.tuple([z.union([z.number(), z.string()]), z.union([z.number(), z.string()])])])
    .nullish()
    .transform((v, ctx): ParsedValue => {
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
        fail(ctx, { vi: 'Thiếu giá trị (cột value).', en: 'The value is empty.' });
        return z.NEVER;
      }
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) {
          fail(ctx, { vi: 'Giá trị không hữu hạn.', en: 'The value is not finite.' });
          return z.NEVER;
        }
        return { lo: v, hi: v };
      }
      if (Array.isArray(v)) {
        const nums: number[] = [];
        for (const x of v) {
          const n = typeof x === 'number' ? x : parseNumberField(x);
          if (isMsg(n)) {
            fail(ctx, n);
            return z.NEVER;
          }
          nums.push(n);
        }
        if (nums[0] > nums[1]) {
          fail(ctx, {
            vi: `Khoảng [${nums[0]}, ${nums[1]}]: cận dưới lớn hơn cận trên.`,
            en: `Range [${nums[0]}, ${nums[1]}]: the low end is above the high end.`,
          });
          return z.NEVER;
        }
        return { lo: nums[0], hi: nums[1] };
      }
      const r = parseValueField(v);
      if (isMsg(r)) {
        fail(ctx, r);
        return z.NEVER;
      }
      return r;
    });

  /** One record as read from a file, validated and normalised. */
  const IndicatorRecordSchema = z.object({
    id: IdSchema,
    name: optionalText,
    aliases: AliasesSchema,
    unit: optionalText,
    period: PeriodSchema,
    kind: KindSchema,
    value: ValueSchema,
    bound: BoundSchema,
    source: optionalText,
  });

  return { IdSchema, AliasesSchema, PeriodSchema, KindSchema, BoundSchema, ValueSchema, IndicatorRecordSchema };
}

let schemas: ReturnType<typeof buildSchemas> | undefined;

/** The zod schemas of one indicator record (IndicatorRecordSchema and its fields), built once. */
export function indicatorSchemas(): ReturnType<typeof buildSchemas> {
  return (schemas ??= buildSchemas());
}

export type IndicatorRecord = Z.output<ReturnType<typeof buildSchemas>['IndicatorRecordSchema']>;

// ---------------------------------------------------------------------------------------------------------
// zod issues → field names and messages

export interface FieldProblem {
  /** dotted path ("value", "rules.terms/variant", "indicators[0]"); '' for the record itself */
  field: string;
  path: (string | number)[];
  message: Msg;
}

/** The path of an issue in the usual dotted/bracketed notation. */
export function pathToField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function typeName(x: string | undefined): Msg {
  switch (x) {
    case 'string':
      return { vi: 'một chuỗi', en: 'a string' };
    case 'number':
      return { vi: 'một số', en: 'a number' };
    case 'boolean':
      return { vi: 'true hoặc false', en: 'true or false' };
    case 'array':
      return { vi: 'một danh sách', en: 'a list' };
    case 'object':
    case 'record':
      return { vi: 'một đối tượng', en: 'an object' };
    default:
      return { vi: x ?? 'giá trị khác', en: x ?? 'another value' };
  }
}

/** Bilingual message of one zod issue. `expected` overrides what the field expects, by field name. */
export function issueMessage(issue: Z.core.$ZodIssue, expected: Record<string, Msg> = EXPECTED): Msg {
  const field = pathToField(issue.path);
  const params = (issue as { params?: { vi?: unknown; en?: unknown } }).params;
  if (issue.code === 'custom' && params && typeof params.vi === 'string' && typeof params.en === 'string') {
    return { vi: params.vi, en: params.en };
  }
  const last = issue.path[issue.path.length - 1];
  const exp = expected[field] ?? (typeof last === 'string' ? expected[last] : undefined);
  const what: Msg = exp ?? { vi: 'một giá trị hợp lệ', en: 'a valid value' };
  const name = field || 'record';
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) {
        return { vi: `Thiếu trường "${name}" (cần ${what.vi}).`, en: `Missing "${name}" (expected ${what.en}).` };
      }
      const t = exp ?? typeName(issue.expected);
      return { vi: `Trường "${name}" sai kiểu: cần ${t.vi}.`, en: `Wrong type for "${name}": expected ${t.en}.` };
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v)).join(', ');
      return {
        vi: `Giá trị của "${name}" không hợp lệ; dùng một trong: ${values}.`,
        en: `Invalid "${name}"; use one of: ${values}.`,
      };
    }
    case 'invalid_union':
      return { vi: `Trường "${name}" không hợp lệ: cần ${what.vi}.`, en: `Invalid "${name}": expected ${what.en}.` };
    case 'too_small':
    case 'too_big':
      if (exp) return { vi: `Trường "${name}" không hợp lệ: cần ${exp.vi}.`, en: `Invalid "${name}": expected ${exp.en}.` };
      return {
        vi: `Giá trị của "${name}" ngoài khoảng cho phép (${issue.message}).`,
        en: `"${name}" is out of range (${issue.message}).`,
      };
    case 'unrecognized_keys':
      return {
        vi: `Khóa không được hỗ trợ: ${issue.keys.join(', ')}.`,
        en: `Unsupported key(s): ${issue.keys.join(', ')}.`,
      };
    default:
      return { vi: `Trường "${name}" không hợp lệ: ${issue.message}.`, en: `Invalid "${name}": ${issue.message}.` };
  }
}

/** Convert a zod error into field problems: one per field (the first issue of each field). */
export function fieldProblems(error: Z.ZodError, expected?: Record<string, Msg>): FieldProblem[] {
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = pathToField(issue.path);
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))), message: issueMessage(issue, expected) });
  }
  return out;
}
