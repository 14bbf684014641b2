/**
 * The citation registry: the documents a project knows (number, date of issue, title), for
 * citation/unknown-document and the hover on a citation.
 *
 *   CSV   number,date,title            (header required; ';' accepted as in Excel's Vietnamese locale)
 *         17-NQ/TU,30/10/2023,Về xây dựng và phát huy giá trị văn hóa …
 *   JSON  [ { "number": "17-NQ/TU", "date": "30/10/2023", "title": "…" } ]   or { "documents": [ … ] }
 *   YAML  - number: 17-NQ/TU
 *           date: 30/10/2023
 *
 * `parseDocumentRegistry` never throws on user input: each problem is a DataIssue (0-based line, field,
 * bilingual message); bad rows are skipped. Pure: no fs, no process.
 */
import type { Node as YamlNode } from 'yaml';
import { yaml } from '../yaml';
import { computeLineStarts } from '../text';
import type { DataIssue, Msg } from '../types';
import { csvRows, lineColAt, parseJsonTree, jsonValue, jsonMember, type JsonNode } from '../data/parse';
import { dateProblem, documentKey, formatDate, parseDateText } from './citation';

export interface RegistryDocument {
  /** as written in the registry ("17-NQ/TU") */
  number: string;
  /** normalised "dd/mm/yyyy" when given */
  date?: string;
  title?: string;
  /** where the row is (0-based line) */
  uri?: string;
  line?: number;
}

export interface ParsedRegistry {
  documents: RegistryDocument[];
  issues: DataIssue[];
}

export type RegistryFormat = 'csv' | 'json' | 'yaml';

interface RawRecord {
  data: Record<string, unknown>;
  line: number;
  fieldLines: Record<string, number>;
}

function formatOf(uri: string, text: string): RegistryFormat {
  // cut at the first ? or # (`/[?#].*$/` backtracks quadratically on many '#')
  const cut = uri.search(/[?#]/);
  const clean = (cut >= 0 ? uri.slice(0, cut) : uri).toLowerCase();
  if (clean.endsWith('.json')) return 'json';
  if (clean.endsWith('.yaml') || clean.endsWith('.yml')) return 'yaml';
  if (clean.endsWith('.csv') || clean.endsWith('.tsv') || clean.endsWith('.txt')) return 'csv';
  const t = text.trimStart();
  if (t.startsWith('[') || t.startsWith('{')) return 'json';
  if (t.startsWith('-') || t.startsWith('documents:')) return 'yaml';
  return 'csv';
}

const FIELDS = ['number', 'date', 'title'];

function issue(uri: string, line: number, severity: 'error' | 'warning', message: Msg, field?: string, column?: number): DataIssue {
  const i: DataIssue = { uri, line, severity, message };
  if (field) i.field = field;
  if (column !== undefined) i.column = column;
  return i;
}

function readCsv(text: string, uri: string, issues: DataIssue[]): RawRecord[] {
  const src = text.replace(/\r\n?/g, '\n');
  const firstLine = src.split('\n').find((l) => l.trim() !== '') ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows = csvRows(src, delimiter, uri, issues);
  if (!rows.length) return [];
  const header = rows[0];
  const col = new Map<string, number>();
  header.cells.forEach((c, i) => {
    const name = c.replace(/^\uFEFF/, '').trim().toLowerCase();
    if (name && !col.has(name)) col.set(name, i);
  });
  if (!col.has('number')) {
    issues.push(
      issue(uri, header.line, 'error', {
        vi: 'Dòng đầu của danh mục văn bản phải là dòng tiêu đề: number,date,title.',
        en: 'The first line of the document registry must be the header: number,date,title.',
      }, 'number'),
    );
    return [];
  }
  const out: RawRecord[] = [];
  for (const row of rows.slice(1)) {
    const data: Record<string, unknown> = {};
    const fieldLines: Record<string, number> = {};
    for (const f of FIELDS) {
      const i = col.get(f);
      if (i !== undefined && row.cells[i] !== undefined) {
        data[f] = row.cells[i];
        fieldLines[f] = row.line;
      }
    }
    out.push({ data, line: row.line, fieldLines });
  }
  return out;
}

function readJson(text: string, uri: string, issues: DataIssue[]): RawRecord[] {
  const starts = computeLineStarts(text);
  const { root, error } = parseJsonTree(text);
  if (error || !root) {
    const pos = lineColAt(starts, error?.offset ?? 0);
    issues.push(issue(uri, pos.line, 'error', error?.message ?? { vi: 'JSON không hợp lệ.', en: 'Invalid JSON.' }, undefined, pos.column));
    return [];
  }
  let list: JsonNode | undefined = root;
  if (root.type === 'object') list = jsonMember(root, 'documents')?.value;
  if (!list || list.type !== 'array') {
    const pos = lineColAt(starts, (list ?? root).start);
    issues.push(
      issue(uri, pos.line, 'error', {
        vi: 'Danh mục văn bản JSON phải là một danh sách, hoặc { "documents": [...] }.',
        en: 'A JSON document registry must be an array, or { "documents": [...] }.',
      }),
    );
    return [];
  }
  const out: RawRecord[] = [];
  for (const item of list.items) {
    const pos = lineColAt(starts, item.start);
    if (item.type !== 'object') {
      issues.push(issue(uri, pos.line, 'error', notAnObject(), undefined, pos.column));
      continue;
    }
    const fieldLines: Record<string, number> = {};
    for (const e of item.entries) fieldLines[e.key] = lineColAt(starts, e.keyStart).line;
    out.push({ data: jsonValue(item) as Record<string, unknown>, line: pos.line, fieldLines });
  }
  return out;
}

function readYaml(text: string, uri: string, issues: DataIssue[]): RawRecord[] {
  const starts = computeLineStarts(text);
  const doc = yaml().parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const at = (offset: number | undefined) => lineColAt(starts, offset ?? 0);
  for (const e of doc.errors) {
    const pos = at(e.pos[0]);
    issues.push(issue(uri, pos.line, 'error', { vi: `Lỗi cú pháp YAML: ${e.message}`, en: `YAML syntax error: ${e.message}` }, undefined, pos.column));
  }
  if (doc.errors.length) return [];
  let list: unknown = doc.contents;
  if (yaml().isMap(list)) list = list.items.find((p) => yaml().isScalar(p.key) && p.key.value === 'documents')?.value;
  if (!yaml().isSeq(list)) {
    issues.push(
      issue(uri, 0, 'error', {
        vi: 'Danh mục văn bản YAML phải là một danh sách, hoặc có khóa documents: chứa danh sách đó.',
        en: 'A YAML document registry must be a list, or a map whose documents: key holds that list.',
      }),
    );
    return [];
  }
  const out: RawRecord[] = [];
  for (const item of list.items) {
    const node = item as YamlNode | null;
    const pos = at(node?.range?.[0]);
    if (!yaml().isMap(node)) {
      issues.push(issue(uri, pos.line, 'error', notAnObject(), undefined, pos.column));
      continue;
    }
    const data: Record<string, unknown> = {};
    const fieldLines: Record<string, number> = {};
    for (const pair of node.items) {
      if (!yaml().isPair(pair) || !yaml().isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      fieldLines[key] = at(pair.key.range?.[0]).line;
      const v = pair.value;
      // keep scalars as written: a date like 30/10/2023 or a number like 17-NQ/TU must not be re-typed
      data[key] = yaml().isScalar(v) ? (v.source !== undefined ? String(v.source) : String(v.value)) : v;
    }
    out.push({ data, line: pos.line, fieldLines });
  }
  return out;
}

function notAnObject(): Msg {
  return {
    vi: 'Mỗi văn bản phải là một đối tượng với các khóa number, date, title.',
    en: 'Each document must be an object with the keys number, date, title.',
  };
}

/**
 * Parses a citation registry file. `format` defaults to the uri's extension, then to sniffing the text.
 * Dates are returned as "dd/mm/yyyy".
 */
export function parseDocumentRegistry(text: string, uri: string, format?: RegistryFormat): ParsedRegistry {
  const issues: DataIssue[] = [];
  const body = text.replace(/^\uFEFF/, '');
  const fmt = format ?? formatOf(uri, body);
  if (body.trim() === '') {
    issues.push(issue(uri, 0, 'warning', { vi: 'Danh mục văn bản trống.', en: 'The document registry is empty.' }));
    return { documents: [], issues };
  }
  const records = fmt === 'csv' ? readCsv(body, uri, issues) : fmt === 'json' ? readJson(body, uri, issues) : readYaml(body, uri, issues);
  const documents: RegistryDocument[] = [];
  const seen = new Map<string, RegistryDocument>();
  for (const r of records) {
    const rawNumber = r.data.number;
    const number = typeof rawNumber === 'string' ? rawNumber.trim() : typeof rawNumber === 'number' ? String(rawNumber) : '';
    if (!number) {
      issues.push(
        issue(uri, r.fieldLines.number ?? r.line, 'error', { vi: 'Thiếu số hiệu văn bản (number).', en: 'The document number (number) is missing.' }, 'number'),
      );
      continue;
    }
    const doc: RegistryDocument = { number: number.normalize('NFC'), uri, line: r.line };
    const rawDate = r.data.date;
    if (rawDate !== undefined && rawDate !== null && String(rawDate).trim() !== '') {
      const d = parseDateText(String(rawDate));
      const problem = d ? dateProblem(d, 9999) : null;
      if (!d || problem) {
        issues.push(
          issue(
            uri,
            r.fieldLines.date ?? r.line,
            'error',
            {
              vi: `Ngày “${String(rawDate)}” không hợp lệ; dùng dạng dd/mm/yyyy (ví dụ 30/10/2023).`,
              en: `The date “${String(rawDate)}” is not valid; use dd/mm/yyyy (e.g. 30/10/2023).`,
            },
            'date',
          ),
        );
        continue;
      }
      doc.date = formatDate(d);
    }
    const rawTitle = r.data.title;
    if (typeof rawTitle === 'string' && rawTitle.trim()) doc.title = rawTitle.trim().normalize('NFC');
    const key = documentKey(doc.number);
    const prev = seen.get(key);
    if (prev) {
      issues.push(
        issue(
          uri,
          r.line,
          'warning',
          {
            vi: `Số hiệu ${doc.number} đã có ở dòng ${(prev.line ?? 0) + 1}; dùng bản ghi sau.`,
            en: `The number ${doc.number} is already listed on line ${(prev.line ?? 0) + 1}; the later record is used.`,
          },
          'number',
        ),
      );
      documents.splice(documents.indexOf(prev), 1);
    }
    seen.set(key, doc);
    documents.push(doc);
  }
  if (!documents.length && !issues.some((i) => i.severity === 'error')) {
    issues.push(issue(uri, 0, 'warning', { vi: 'Danh mục văn bản không có văn bản nào.', en: 'The document registry lists no documents.' }));
  }
  issues.sort((a, b) => a.line - b.line);
  return { documents, issues };
}

// ---------------------------------------------------------------------------------------------------------
// Lookup (citation/unknown-document, hovers)

/** What a registry entry needs to be looked up (RuleOptions.documents items). */
export interface RegistryEntryLike {
  number: string;
  date?: string;
  title?: string;
}

/** The entries by normalised number ("09-NQ/TU" and "9-NQ/TU" are one key). */
export function registryIndex<T extends RegistryEntryLike>(documents: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const d of documents) if (d && typeof d.number === 'string' && d.number.trim()) map.set(documentKey(d.number), d);
  return map;
}

/** The registry entry of a cited number (for hovers), or undefined. */
export function registryEntry<T extends RegistryEntryLike>(documents: T[] | undefined, number: string): T | undefined {
  if (!documents?.length) return undefined;
  return registryIndex(documents).get(documentKey(number));
}
