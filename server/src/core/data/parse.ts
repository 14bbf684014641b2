/**
 * Canonical indicator data files: CSV (the contract's format), JSON and YAML.
 *
 * `parseIndicatorFile(text, uri, format?)` never throws on user input: every problem becomes a `DataIssue`
 * (0-based line, field, bilingual message); bad rows are skipped and good rows kept. Rows with the same id are
 * values of one indicator.
 *
 * Also exports a small position-tracking JSON parser (`parseJsonTree`) shared with `config.ts`.
 *
 * Pure: no fs, no process. Callers pass the file's text.
 */
import type { CsvError } from 'csv-parse/sync';
import { csv } from '../csv';
import type { Node as YamlNode } from 'yaml';
import { yaml } from '../yaml';
import { computeLineStarts } from '../text';
import type { DataIssue, Indicator, IndicatorValue, Msg } from '../types';
import {
  INDICATOR_FIELDS,
  indicatorSchemas,
  REQUIRED_FIELDS,
  fieldProblems,
  valueWarning,
  type IndicatorField,
} from './schema';

export type DataFormat = 'csv' | 'json' | 'yaml';

export interface ParseIndicatorResult {
  indicators: Indicator[];
  issues: DataIssue[];
}

/** A record read from a file before validation, with where it and each of its fields are. */
interface LocatedRecord {
  data: Record<string, unknown>;
  line: number;
  fields: Record<string, { line: number; column?: number }>;
}

// ---------------------------------------------------------------------------------------------------------
// positions

/** 0-based line and UTF-16 column of an offset, given the line starts of the text. */
export function lineColAt(lineStarts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, column: offset - lineStarts[lo] };
}

/** Format of a data file from its uri or path ('.csv', '.tsv', '.json', '.yaml', '.yml'), or null. */
export function formatFromUri(uri: string): DataFormat | null {
  // cut at the first ? or # (an indexOf-style search: `/[?#].*$/` backtracks quadratically on many '#')
  const cut = uri.search(/[?#]/);
  const clean = cut >= 0 ? uri.slice(0, cut) : uri;
  const dot = clean.lastIndexOf('.');
  const slash = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
  if (dot <= slash) return null;
  const ext = clean.slice(dot + 1).toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  return null;
}

function sniffFormat(text: string): DataFormat {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('[') || t.startsWith('{')) return 'json';
  const first = t.split('\n', 1)[0] ?? '';
  if (first.startsWith('-') || first.startsWith('indicators:') || /^[A-Za-z_]+:\s/.test(first)) return 'yaml';
  return 'csv';
}

// ---------------------------------------------------------------------------------------------------------
// entry point

/**
 * Parse a canonical indicator data file. `format` defaults to the uri's extension, then to sniffing the text.
 */
export function parseIndicatorFile(text: string, uri: string, format?: DataFormat): ParseIndicatorResult {
  const issues: DataIssue[] = [];
  const fmt = format ?? formatFromUri(uri) ?? sniffFormat(text);
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    issues.push({
      uri,
      line: 0,
      severity: 'warning',
      message: { vi: 'Tệp dữ liệu chỉ tiêu trống.', en: 'The indicator data file is empty.' },
    });
    return { indicators: [], issues };
  }
  let records: LocatedRecord[];
  if (fmt === 'csv') records = readCsv(body, uri, issues);
  else if (fmt === 'json') records = readJson(body, uri, issues);
  else records = readYaml(body, uri, issues);
  const indicators = buildIndicators(records, uri, issues);
  if (indicators.length === 0 && !issues.some((i) => i.severity === 'error')) {
    issues.push({
      uri,
      line: 0,
      severity: 'warning',
      message: { vi: 'Tệp dữ liệu không có chỉ tiêu nào.', en: 'The data file holds no indicators.' },
    });
  }
  issues.sort((a, b) => a.line - b.line);
  return { indicators, issues };
}

// ---------------------------------------------------------------------------------------------------------
// building indicators from records

function fmtValue(lo: number, hi: number): string {
  return lo === hi ? String(lo) : `${lo}..${hi}`;
}

function unitKey(u: string): string {
  return u.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function buildIndicators(records: LocatedRecord[], uri: string, issues: DataIssue[]): Indicator[] {
  const byId = new Map<string, Indicator>();
  const seen = new Map<string, IndicatorValue>();
  for (const rec of records) {
    const at = (field: string) => rec.fields[field] ?? { line: rec.line };
    const res = indicatorSchemas().IndicatorRecordSchema.safeParse(rec.data);
    if (!res.success) {
      for (const p of fieldProblems(res.error)) {
        const pos = at(p.path.length ? String(p.path[0]) : '');
        issues.push({ uri, line: pos.line, column: pos.column, field: p.field || undefined, severity: 'error', message: p.message });
      }
      continue;
    }
    const r = res.data;
    const warn = valueWarning(rec.data.value);
    if (warn) {
      const pos = at('value');
      issues.push({ uri, line: pos.line, column: pos.column, field: 'value', severity: 'warning', message: warn });
    }
    let ind = byId.get(r.id);
    if (!ind) {
      if (!r.name) {
        const pos = at('name');
        issues.push({
          uri,
          line: pos.line,
          column: pos.column,
          field: 'name',
          severity: 'error',
          message: {
            vi: `Thiếu tên của chỉ tiêu "${r.id}" (cột name; bắt buộc ở dòng đầu tiên của mỗi chỉ tiêu).`,
            en: `The name of indicator "${r.id}" is empty (name is required on the first row of each indicator).`,
          },
        });
        continue;
      }
      ind = { id: r.id, name: r.name, aliases: [], unit: r.unit, values: [], uri, line: rec.line };
      byId.set(r.id, ind);
    } else if (unitKey(r.unit) !== unitKey(ind.unit)) {
      const pos = at('unit');
      issues.push({
        uri,
        line: pos.line,
        column: pos.column,
        field: 'unit',
        severity: 'warning',
        message: {
          vi: `Đơn vị "${r.unit}" khác đơn vị "${ind.unit}" của chỉ tiêu "${r.id}" (dòng ${ind.line + 1}); dòng này bị bỏ qua.`,
          en: `Unit "${r.unit}" differs from the unit "${ind.unit}" of indicator "${r.id}" (line ${ind.line + 1}); this row is ignored.`,
        },
      });
      continue;
    }
    // aliases: the first row's, plus any new ones later rows add; never the name itself
    const known = new Set([ind.name.toLowerCase(), ...ind.aliases.map((a) => a.toLowerCase())]);
    for (const a of r.aliases) {
      if (!known.has(a.toLowerCase())) {
        known.add(a.toLowerCase());
        ind.aliases.push(a);
      }
    }
    const key = `${r.id}\u0000${r.period.text}\u0000${r.kind}`;
    const prev = seen.get(key);
    if (prev) {
      const same = prev.lo === r.value.lo && prev.hi === r.value.hi && prev.bound === r.bound;
      const pos = at('value');
      issues.push({
        uri,
        line: pos.line,
        column: pos.column,
        field: 'value',
        severity: same ? 'warning' : 'error',
        message: same
          ? {
              vi: `Dòng trùng: "${r.id}" (${r.period.text}, ${r.kind}) đã có ở dòng ${prev.line + 1}; bỏ qua.`,
              en: `Duplicate row: "${r.id}" (${r.period.text}, ${r.kind}) is already on line ${prev.line + 1}; ignored.`,
            }
          : {
              vi: `Giá trị mâu thuẫn cho "${r.id}" (${r.period.text}, ${r.kind}): ${fmtValue(r.value.lo, r.value.hi)} ở đây nhưng ${fmtValue(prev.lo, prev.hi)} ở dòng ${prev.line + 1}; giữ giá trị ở dòng ${prev.line + 1}.`,
              en: `Conflicting values for "${r.id}" (${r.period.text}, ${r.kind}): ${fmtValue(r.value.lo, r.value.hi)} here but ${fmtValue(prev.lo, prev.hi)} on line ${prev.line + 1}; keeping line ${prev.line + 1}.`,
            },
      });
      continue;
    }
    const value: IndicatorValue = {
      period: r.period.period,
      periodText: r.period.text,
      kind: r.kind,
      lo: r.value.lo,
      hi: r.value.hi,
      bound: r.bound,
      source: r.source,
      uri,
      line: rec.line,
    };
    seen.set(key, value);
    ind.values.push(value);
  }
  return [...byId.values()];
}

// ---------------------------------------------------------------------------------------------------------
// CSV

export interface CsvRow {
  cells: string[];
  /** 0-based first and last line of the record (they differ for quoted multi-line fields) */
  line: number;
  endLine: number;
}

const MAX_CSV_RECOVERIES = 50;

function csvErrorMessage(e: CsvError, delimiter: string): Msg {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        vi: 'Dấu ngoặc kép mở ở dòng này không được đóng; dòng bị bỏ qua.',
        en: 'A double quote opened on this line is never closed; the line is skipped.',
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return {
        vi: `Sau dấu ngoặc kép đóng phải là "${delimiter}" hoặc xuống dòng; trong một ô có ngoặc kép, hãy viết "" cho mỗi dấu ngoặc kép. Dòng bị bỏ qua.`,
        en: `A closing double quote must be followed by "${delimiter}" or the end of the line; inside a quoted field write "" for a quote. The line is skipped.`,
      };
    case 'INVALID_OPENING_QUOTE':
      return {
        vi: 'Dấu ngoặc kép nằm giữa một ô không có ngoặc kép; hãy đặt cả ô trong ngoặc kép và viết "" cho mỗi dấu ngoặc kép. Dòng bị bỏ qua.',
        en: 'A double quote inside an unquoted field; quote the whole field and write "" for each quote. The line is skipped.',
      };
    default:
      return { vi: `Lỗi CSV: ${e.message}. Dòng bị bỏ qua.`, en: `CSV error: ${e.message}. The line is skipped.` };
  }
}

/**
 * Where on a line the quoting error is: the column of the offending double quote and the index of the field it
 * is in (fields counted by the delimiters outside quotes before it). Null when no quote explains the error.
 */
export function quoteAt(line: string, delimiter: string, code: string): { column: number; index: number } | null {
  let index = 0;
  let inQuotes = false;
  let fieldStart = true;
  let lastOpen: { column: number; index: number } | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQuotes) {
      if (c !== '"') continue;
      if (line[i + 1] === '"') {
        i++;
        continue;
      }
      inQuotes = false;
      // a closing quote must end the field (spaces may follow it)
      let k = i + 1;
      while (line[k] === ' ' || line[k] === '\t') k++;
      const n = line[k];
      const closing = code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE';
      if (closing && n !== undefined && n !== delimiter && n !== '\n' && n !== '\r') return { column: i, index };
      continue;
    }
    if (c === delimiter) {
      index++;
      fieldStart = true;
      continue;
    }
    if (c === '"') {
      if (fieldStart) {
        inQuotes = true;
        lastOpen = { column: i, index };
      } else if (code === 'INVALID_OPENING_QUOTE') {
        return { column: i, index };
      }
    }
    if (c !== ' ' && c !== '\t') fieldStart = false;
  }
  return code === 'CSV_QUOTE_NOT_CLOSED' && inQuotes ? lastOpen : null;
}

/** CSV quoting issues and the index of the field they are in (named once the header is known). */
const quoteFields = new WeakMap<DataIssue, number>();

/** Records of a CSV text (line breaks already `\n`), recovering from quoting errors line by line. */
/**
 * Records of a CSV text (line breaks normalised to \n) with their lines; quoting errors become issues at their
 * line and reading resumes after them. Shared by the indicator data and the document registry.
 */
export function csvRows(src: string, delimiter: string, uri: string, issues: DataIssue[]): CsvRow[] {
  const lineStarts = computeLineStarts(src);
  const rows: CsvRow[] = [];
  let firstLine = 0;
  for (let attempt = 0; firstLine < lineStarts.length; attempt++) {
    if (attempt > MAX_CSV_RECOVERIES) {
      issues.push({
        uri,
        line: firstLine,
        severity: 'error',
        message: {
          vi: 'Quá nhiều lỗi CSV; phần còn lại của tệp bị bỏ qua.',
          en: 'Too many CSV errors; the rest of the file is skipped.',
        },
      });
      break;
    }
    const offset = firstLine;
    const got: CsvRow[] = [];
    try {
      csv().parse(src.slice(lineStarts[firstLine]), {
        delimiter,
        info: true,
        raw: true,
        relax_column_count: true,
        skip_empty_lines: true,
        trim: true,
        on_record: (arg: unknown) => {
          const rec = arg as { record: string[]; raw: string; info: { lines: number } };
          let k = 0;
          while (rec.raw[k] === '\n') k++;
          let newlines = 0;
          const end = rec.raw.endsWith('\n') ? rec.raw.length - 1 : rec.raw.length;
          for (let i = k; i < end; i++) if (rec.raw.charCodeAt(i) === 10) newlines++;
          const endLine = offset + rec.info.lines - 1;
          got.push({ cells: rec.record, line: endLine - newlines, endLine });
          return null;
        },
      });
      rows.push(...got);
      break;
    } catch (e) {
      if (!(e instanceof csv().CsvError)) throw e;
      rows.push(...got);
      // the failing record starts on the first non-blank line after the last good one
      let start = got.length ? got[got.length - 1].endLine + 1 : offset;
      while (start < lineStarts.length - 1 && lineText(src, lineStarts, start).trim() === '') start++;
      const reported = e.code === 'CSV_QUOTE_NOT_CLOSED' ? start : Math.max(start, offset + (Number((e as { lines?: unknown }).lines) || 1) - 1);
      const issue: DataIssue = { uri, line: reported, severity: 'error', message: csvErrorMessage(e, delimiter) };
      const at = quoteAt(lineText(src, lineStarts, reported), delimiter, e.code);
      if (at) {
        issue.column = at.column;
        quoteFields.set(issue, at.index);
      }
      issues.push(issue);
      firstLine = reported + 1;
    }
  }
  return rows;
}

function lineText(src: string, lineStarts: number[], i: number): string {
  const s = lineStarts[i];
  const e = i + 1 < lineStarts.length ? lineStarts[i + 1] : src.length;
  return src.slice(s, e);
}

function readCsv(text: string, uri: string, issues: DataIssue[]): LocatedRecord[] {
  const src = text.replace(/\r\n?/g, '\n');
  // delimiter from the header line (the first non-blank one)
  const lines = src.split('\n');
  let h = 0;
  while (h < lines.length && lines[h].trim() === '') h++;
  const headerLine = lines[h] ?? '';
  let delimiter = ',';
  if (headerLine.includes(';') && !headerLine.includes(',')) {
    delimiter = ';';
    issues.push({
      uri,
      line: h,
      severity: 'warning',
      message: {
        vi: 'Tệp CSV dùng dấu chấm phẩy (;) làm dấu phân cách (kiểu Excel tiếng Việt); đã đọc theo dấu chấm phẩy. Định dạng chuẩn dùng dấu phẩy.',
        en: 'The CSV file is separated by semicolons (as Excel writes it in some locales); read it with ";". The standard format uses commas.',
      },
    });
  } else if (headerLine.includes('\t') && !headerLine.includes(',') && !headerLine.includes(';')) {
    delimiter = '\t';
  }

  const before = issues.length;
  const rows = csvRows(src, delimiter, uri, issues);
  if (rows.length === 0) return [];
  const header = rows[0];
  // quoting errors name the column they are in
  for (let k = before; k < issues.length; k++) {
    const index = quoteFields.get(issues[k]);
    const name = index === undefined ? undefined : header.cells[index]?.replace(/^\uFEFF/, '').trim().toLowerCase();
    if (name && issues[k].line > header.line) issues[k].field = name;
  }
  const columns = new Map<string, number>();
  header.cells.forEach((cell, i) => {
    const name = cell.replace(/^\uFEFF/, '').trim().toLowerCase().normalize('NFC');
    if (!name) return;
    if (columns.has(name)) {
      if ((INDICATOR_FIELDS as readonly string[]).includes(name)) {
        issues.push({
          uri,
          line: header.line,
          field: name,
          severity: 'warning',
          message: {
            vi: `Cột "${name}" xuất hiện hai lần; dùng cột đầu tiên.`,
            en: `Column "${name}" appears twice; the first one is used.`,
          },
        });
      }
      return;
    }
    columns.set(name, i);
  });
  const missing = REQUIRED_FIELDS.filter((f) => !columns.has(f));
  if (missing.length) {
    const noHeader = !INDICATOR_FIELDS.some((f) => columns.has(f));
    issues.push({
      uri,
      line: header.line,
      field: missing[0],
      severity: 'error',
      message: noHeader
        ? {
            vi: `Dòng đầu phải là dòng tiêu đề: ${INDICATOR_FIELDS.join(',')}.`,
            en: `The first line must be the header: ${INDICATOR_FIELDS.join(',')}.`,
          }
        : {
            vi: `Thiếu cột bắt buộc: ${missing.join(', ')} (tiêu đề chuẩn: ${INDICATOR_FIELDS.join(',')}).`,
            en: `Missing required column(s): ${missing.join(', ')} (standard header: ${INDICATOR_FIELDS.join(',')}).`,
          },
    });
    return [];
  }

  const width = header.cells.length;
  const valueCol = columns.get('value')!;
  const out: LocatedRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.cells.every((c) => c === '')) continue;
    if (row.cells.length !== width) {
      const n = row.cells.length;
      let message: Msg;
      let field: string | undefined;
      const a = row.cells[valueCol];
      const b = row.cells[valueCol + 1];
      if (n === width + 1 && /^\d+$/.test(a ?? '') && /^\d+$/.test(b ?? '')) {
        message = {
          vi: `Dòng có ${n} ô thay vì ${width}: giá trị "${a},${b}" bị dấu phẩy tách làm hai. Hãy viết "${a}.${b}" (dấu chấm thập phân).`,
          en: `The row has ${n} fields instead of ${width}: the value "${a},${b}" was split by its comma. Write "${a}.${b}" (decimal point).`,
        };
        field = 'value';
      } else if (n > width) {
        message = {
          vi: `Dòng có ${n} ô thay vì ${width}; ô có dấu phẩy phải đặt trong ngoặc kép. Dòng bị bỏ qua.`,
          en: `The row has ${n} fields instead of ${width}; a field containing a comma must be in double quotes. The row is skipped.`,
        };
      } else {
        message = {
          vi: `Dòng có ${n} ô thay vì ${width}. Dòng bị bỏ qua.`,
          en: `The row has ${n} fields instead of ${width}. The row is skipped.`,
        };
      }
      issues.push({ uri, line: row.line, field, severity: 'error', message });
      continue;
    }
    const data: Record<string, unknown> = {};
    const fields: LocatedRecord['fields'] = {};
    for (const f of INDICATOR_FIELDS) {
      const i = columns.get(f);
      if (i === undefined) continue;
      data[f] = row.cells[i];
      fields[f] = { line: row.line };
    }
    out.push({ data, line: row.line, fields });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// JSON (position-tracking parser, shared with config.ts)

interface JsonBase {
  start: number;
  end: number;
}
export interface JsonEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}
export type JsonNode =
  | (JsonBase & { type: 'object'; entries: JsonEntry[] })
  | (JsonBase & { type: 'array'; items: JsonNode[] })
  | (JsonBase & { type: 'string'; value: string })
  | (JsonBase & { type: 'number'; value: number })
  | (JsonBase & { type: 'boolean'; value: boolean })
  | (JsonBase & { type: 'null'; value: null });

export interface JsonParseResult {
  root?: JsonNode;
  error?: { offset: number; message: Msg };
}

class JsonFail {
  constructor(
    readonly offset: number,
    readonly message: Msg,
  ) {}
}

const MAX_JSON_DEPTH = 500;

/**
 * Parse JSON keeping the offsets of every value and key. `comments: true` also accepts `//` and `/* *\/`
 * comments (as VS Code's JSON with comments). Never throws: syntax errors come back with their offset.
 */
export function parseJsonTree(text: string, opts: { comments?: boolean } = {}): JsonParseResult {
  const s = text;
  let i = 0;
  const ws = () => {
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else if (c === 47 /* / */ && opts.comments && s[i + 1] === '/') {
        while (i < s.length && s[i] !== '\n') i++;
      } else if (c === 47 && opts.comments && s[i + 1] === '*') {
        const close = s.indexOf('*/', i + 2);
        if (close < 0) throw new JsonFail(i, { vi: 'Chú thích /* không được đóng.', en: 'Unclosed /* comment.' });
        i = close + 2;
      } else return;
    }
  };
  const unexpected = (what: Msg): never => {
    if (i >= s.length) throw new JsonFail(s.length, { vi: `Tệp kết thúc đột ngột: cần ${what.vi}.`, en: `Unexpected end of file: expected ${what.en}.` });
    const ch = s[i];
    if (ch === "'") {
      throw new JsonFail(i, { vi: 'Chuỗi JSON phải dùng ngoặc kép ("), không dùng nháy đơn.', en: 'JSON strings use double quotes ("), not single quotes.' });
    }
    throw new JsonFail(i, { vi: `Ký tự không mong đợi "${ch}": cần ${what.vi}.`, en: `Unexpected character "${ch}": expected ${what.en}.` });
  };
  const missingComma = (at: number) =>
    new JsonFail(at, { vi: 'Thiếu dấu phẩy "," sau giá trị này.', en: 'Missing comma "," after this value.' });
  const str = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
    for (;;) {
      if (i >= s.length) throw new JsonFail(start, { vi: 'Chuỗi không được đóng.', en: 'Unterminated string.' });
      const c = s.charCodeAt(i);
      if (c === 34) {
        out += s.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) {
        throw new JsonFail(i, { vi: 'Ký tự điều khiển (xuống dòng, tab) trong chuỗi; hãy viết \\n hoặc \\t.', en: 'Control character (line break, tab) inside a string; write \\n or \\t.' });
      }
      if (c === 92) {
        out += s.slice(run, i);
        const e = s[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          throw new JsonFail(i, { vi: 'Chuỗi thoát (\\) không hợp lệ.', en: 'Invalid escape sequence.' });
        }
        run = i;
        continue;
      }
      i++;
    }
  };
  const num = (): number => {
    const start = i;
    if (s[i] === '-') i++;
    const digits = () => {
      const d0 = i;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      return i - d0;
    };
    if (s[i] === '0') i++;
    else if (digits() === 0) throw new JsonFail(start, { vi: 'Số không hợp lệ.', en: 'Invalid number.' });
    if (s[i] === '.') {
      i++;
      if (digits() === 0) throw new JsonFail(start, { vi: 'Số không hợp lệ.', en: 'Invalid number.' });
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      if (digits() === 0) throw new JsonFail(start, { vi: 'Số không hợp lệ.', en: 'Invalid number.' });
    }
    return Number(s.slice(start, i));
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_JSON_DEPTH) throw new JsonFail(i, { vi: 'Lồng quá sâu.', en: 'Nested too deeply.' });
    ws();
    const start = i;
    const c = s[i];
    if (c === '{') {
      i++;
      const entries: JsonEntry[] = [];
      ws();
      if (s[i] === '}') {
        i++;
        return { type: 'object', entries, start, end: i };
      }
      for (;;) {
        ws();
        if (s[i] !== '"') {
          if (s[i] === '}' && entries.length) {
            throw new JsonFail(i, { vi: 'Dấu phẩy thừa trước "}".', en: 'Trailing comma before "}".' });
          }
          const prev = entries[entries.length - 1]?.value;
          if (prev?.type === 'number' && s[i - 1] === ',' && /[0-9]/.test(s[i] ?? '')) {
            const fixed = `${s.slice(prev.start, prev.end)}.${/^[0-9]+/.exec(s.slice(i))![0]}`;
            throw new JsonFail(prev.start, {
              vi: `Số viết với dấu phẩy thập phân; trong JSON hãy viết ${fixed}.`,
              en: `A number written with a decimal comma; JSON writes it ${fixed}.`,
            });
          }
          unexpected({ vi: 'tên khóa trong ngoặc kép', en: 'a key in double quotes' });
        }
        const keyStart = i;
        const key = str();
        const keyEnd = i;
        ws();
        if (s[i] !== ':') unexpected({ vi: '":"', en: '":"' });
        i++;
        const v = value(depth + 1);
        entries.push({ key, keyStart, keyEnd, value: v });
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '}') {
          i++;
          return { type: 'object', entries, start, end: i };
        }
        if (s[i] === '"') throw missingComma(v.end);
        unexpected({ vi: '"," hoặc "}"', en: '"," or "}"' });
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (s[i] === ']') {
        i++;
        return { type: 'array', items, start, end: i };
      }
      for (;;) {
        ws();
        if (s[i] === ']' && items.length) {
          throw new JsonFail(i, { vi: 'Dấu phẩy thừa trước "]".', en: 'Trailing comma before "]".' });
        }
        items.push(value(depth + 1));
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ']') {
          i++;
          return { type: 'array', items, start, end: i };
        }
        if (i < s.length && '"{[-0123456789tfn'.includes(s[i])) throw missingComma(items[items.length - 1].end);
        unexpected({ vi: '"," hoặc "]"', en: '"," or "]"' });
      }
    }
    if (c === '"') {
      const v = str();
      return { type: 'string', value: v, start, end: i };
    }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const v = num();
      return { type: 'number', value: v, start, end: i };
    }
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (s.startsWith(word, i)) {
        i += word.length;
        return v === null
          ? { type: 'null', value: null, start, end: i }
          : { type: 'boolean', value: v, start, end: i };
      }
    }
    return unexpected({ vi: 'một giá trị JSON', en: 'a JSON value' });
  };
  try {
    const root = value(0);
    ws();
    if (i < s.length) unexpected({ vi: 'hết tệp (chỉ một giá trị gốc)', en: 'the end of the file (one root value only)' });
    return { root };
  } catch (e) {
    if (e instanceof JsonFail) return { error: { offset: e.offset, message: e.message } };
    throw e;
  }
}

/** The plain value of a JSON node (duplicate keys: the last wins, as JSON.parse). */
export function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const e of node.entries) o[e.key] = jsonValue(e.value);
      return o;
    }
    case 'array':
      return node.items.map(jsonValue);
    default:
      return node.value;
  }
}

/** The member of an object node with this key (the last, as `jsonValue`). */
export function jsonMember(node: JsonNode, key: string): JsonEntry | undefined {
  if (node.type !== 'object') return undefined;
  for (let k = node.entries.length - 1; k >= 0; k--) if (node.entries[k].key === key) return node.entries[k];
  return undefined;
}

/**
 * The offset that best points at a path inside a JSON tree: the key of an object member, the start of an
 * array item, or the deepest existing ancestor.
 */
export function jsonPathOffset(root: JsonNode, path: readonly (string | number)[]): number {
  let node = root;
  let offset = root.start;
  for (const p of path) {
    if (typeof p === 'number' && node.type === 'array' && node.items[p]) {
      node = node.items[p];
      offset = node.start;
    } else if (node.type === 'object') {
      const m = jsonMember(node, String(p));
      if (!m) break;
      offset = m.keyStart;
      node = m.value;
    } else break;
  }
  return offset;
}

function readJson(text: string, uri: string, issues: DataIssue[]): LocatedRecord[] {
  const starts = computeLineStarts(text);
  const { root, error } = parseJsonTree(text);
  if (error || !root) {
    const pos = lineColAt(starts, error?.offset ?? 0);
    issues.push({
      uri,
      line: pos.line,
      column: pos.column,
      severity: 'error',
      message: error?.message ?? { vi: 'JSON không hợp lệ.', en: 'Invalid JSON.' },
    });
    return [];
  }
  let list: JsonNode | undefined = root;
  if (root.type === 'object') list = jsonMember(root, 'indicators')?.value;
  if (!list || list.type !== 'array') {
    const pos = lineColAt(starts, (list ?? root).start);
    issues.push({
      uri,
      line: pos.line,
      column: pos.column,
      field: root.type === 'object' ? 'indicators' : undefined,
      severity: 'error',
      message: {
        vi: 'Tệp JSON phải là một danh sách bản ghi, hoặc { "indicators": [...] }.',
        en: 'A JSON data file must be an array of records, or { "indicators": [...] }.',
      },
    });
    return [];
  }
  const out: LocatedRecord[] = [];
  for (const item of list.items) {
    const pos = lineColAt(starts, item.start);
    if (item.type !== 'object') {
      issues.push({ uri, line: pos.line, column: pos.column, severity: 'error', message: notAnObject() });
      continue;
    }
    const fields: LocatedRecord['fields'] = {};
    for (const e of item.entries) {
      const p = lineColAt(starts, e.keyStart);
      fields[e.key] = { line: p.line, column: p.column };
    }
    out.push({ data: jsonValue(item) as Record<string, unknown>, line: pos.line, fields });
  }
  return out;
}

function notAnObject(): Msg {
  return {
    vi: `Mỗi bản ghi phải là một đối tượng với các khóa ${INDICATOR_FIELDS.join(', ')}.`,
    en: `Each record must be an object with the keys ${INDICATOR_FIELDS.join(', ')}.`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// YAML

function readYaml(text: string, uri: string, issues: DataIssue[]): LocatedRecord[] {
  const starts = computeLineStarts(text);
  const doc = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const at = (offset: number | undefined) => lineColAt(starts, offset ?? 0);
  // an error found only at the end of the file (an unclosed bracket or quote) is put on the last line with text
  const lastContent = text.trimEnd().length;
  for (const e of doc.errors) {
    const pos = at(e.pos[0] >= lastContent && lastContent > 0 ? lastContent - 1 : e.pos[0]);
    issues.push({
      uri,
      line: pos.line,
      column: pos.column,
      severity: 'error',
      message: { vi: `Lỗi cú pháp YAML: ${e.message}`, en: `YAML syntax error: ${e.message}` },
    });
  }
  if (doc.errors.length) return [];
  let list: unknown = doc.contents;
  if (yaml().isMap(list)) {
    const pair = list.items.find((p) => yaml().isScalar(p.key) && p.key.value === 'indicators');
    list = pair?.value;
  }
  if (!yaml().isSeq(list)) {
    const node = (list ?? doc.contents) as YamlNode | null;
    const pos = at(node?.range?.[0]);
    issues.push({
      uri,
      line: pos.line,
      column: pos.column,
      severity: 'error',
      message: {
        vi: 'Tệp YAML phải là một danh sách bản ghi, hoặc có khóa indicators: chứa danh sách đó.',
        en: 'A YAML data file must be a list of records, or a map whose indicators: key holds that list.',
      },
    });
    return [];
  }
  const out: LocatedRecord[] = [];
  for (const item of list.items) {
    const node = item as YamlNode | null;
    const pos = at(node?.range?.[0]);
    if (!yaml().isMap(node)) {
      issues.push({ uri, line: pos.line, column: pos.column, severity: 'error', message: notAnObject() });
      continue;
    }
    const fields: LocatedRecord['fields'] = {};
    const data: Record<string, unknown> = {};
    let readable = true;
    for (const pair of node.items) {
      if (!yaml().isPair(pair) || !yaml().isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const p = at(pair.key.range?.[0]);
      fields[key] = { line: p.line, column: p.column };
      const v = pair.value;
      try {
        data[key] = v === null || v === undefined ? null : (v as YamlNode).toJS(doc);
      } catch (e) {
        // an alias without its anchor (*a), or so many aliases that expanding them is an attack: skip the record
        const vp = at((v as YamlNode).range?.[0]);
        const why = (e as Error).message;
        issues.push({
          uri,
          line: vp.line,
          column: vp.column,
          field: key,
          severity: 'error',
          message: { vi: `Không đọc được giá trị YAML của "${key}": ${why}`, en: `Cannot read the YAML value of "${key}": ${why}` },
        });
        readable = false;
      }
    }
    if (readable) out.push({ data, line: pos.line, fields });
  }
  return out;
}

/** The fields of a record, for callers that list them (completion, `draftlint init`). */
export const indicatorFields: readonly IndicatorField[] = INDICATOR_FIELDS;
