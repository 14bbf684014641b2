/**
 * Broken indicator data files: every problem a user makes in CSV, JSON or YAML gives an issue on the right
 * 0-based line, with the field named when there is one, and the good rows are still read. Files nested absurdly
 * deep are issues too, never a stack overflow.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIndicatorFile } from '../../server/src/core/data/parse';
import type { DataIssue } from '../../server/src/core/types';
import { parseTemplate } from '../../server/src/core/template/schema';
import { parseDocumentRegistry } from '../../server/src/core/crosscheck/registry';
import { parseConfig } from '../../server/src/core/config';

const H = 'id,name,aliases,unit,period,kind,value,bound,source';
/** a good row (a growth rate) with some fields replaced */
function row(o: { id?: string; value?: string; kind?: string; bound?: string; period?: string; name?: string } = {}): string {
  return [o.id ?? 'grdp_growth', o.name ?? 'Tốc độ tăng trưởng GRDP', '', '%/năm', o.period ?? '2021-2025', o.kind ?? 'estimate', o.value ?? '10.4', o.bound ?? '', 'nguồn'].join(',');
}
const other = 'fdi,Vốn FDI,,tỷ USD,2025,actual,4.75,,nguồn';

interface Case {
  name: string;
  uri: string;
  text: string;
  /** the issue expected: 0-based line, field (null: none), severity, and a word of its message */
  line: number;
  field: string | null;
  severity?: 'error' | 'warning';
  says: RegExp;
  /** ids still read (with their number of values) */
  kept: Record<string, number>;
}

const cases: Case[] = [
  {
    name: 'CSV: unterminated quote',
    uri: 'd.csv',
    text: [H, row(), 'x,"Tên chưa đóng,,%,2025,,1,,nguồn', other].join('\n'),
    line: 2,
    field: 'name',
    says: /never closed/,
    kept: { grdp_growth: 1, fdi: 1 },
  },
  {
    name: 'CSV: a quote in the middle of a field',
    uri: 'd.csv',
    text: [H, other, 'x,Tên "giữa",,%,2025,,1,,nguồn'].join('\n'),
    line: 2,
    field: 'name',
    says: /inside an unquoted field/,
    kept: { fdi: 1 },
  },
  {
    name: 'CSV: text after a closing quote',
    uri: 'd.csv',
    text: [H, 'x,"Tên" thêm,,%,2025,,1,,nguồn', other].join('\n'),
    line: 1,
    field: 'name',
    says: /closing double quote/,
    kept: { fdi: 1 },
  },
  {
    name: 'CSV: too few columns',
    uri: 'd.csv',
    text: [H, row(), 'a,b,c', other].join('\n'),
    line: 2,
    field: null,
    says: /3 fields instead of 9/,
    kept: { grdp_growth: 1, fdi: 1 },
  },
  {
    name: 'CSV: a decimal comma splits the value',
    uri: 'd.csv',
    text: [H, other, 'x,Tên,,%,2025,,10,4,,nguồn'].join('\n'),
    line: 2,
    field: 'value',
    says: /"10,4" was split/,
    kept: { fdi: 1 },
  },
  {
    name: 'CSV: a value that is no number',
    uri: 'd.csv',
    text: [H, other, row({ value: 'mười' })].join('\n'),
    line: 2,
    field: 'value',
    says: /not a number/,
    kept: { fdi: 1 },
  },
  {
    name: 'CSV: thousands separators in the value',
    uri: 'd.csv',
    text: [H, row({ value: '11.000.000' })].join('\n'),
    line: 1,
    field: 'value',
    says: /thousands separators/,
    kept: {},
  },
  {
    name: 'CSV: unknown kind',
    uri: 'd.csv',
    text: [H, other, row({ kind: 'plan' })].join('\n'),
    line: 2,
    field: 'kind',
    says: /Invalid kind "plan"/,
    kept: { fdi: 1 },
  },
  {
    name: 'CSV: unknown bound',
    uri: 'd.csv',
    text: [H, row({ bound: 'over' }), other].join('\n'),
    line: 1,
    field: 'bound',
    says: /Invalid bound "over"/,
    kept: { fdi: 1 },
  },
  {
    name: 'CSV: a period that is no year',
    uri: 'd.csv',
    text: [H, other, row({ period: '2021-25' })].join('\n'),
    line: 2,
    field: 'period',
    says: /four digits/,
    kept: { fdi: 1 },
  },
  {
    name: 'CSV: the same id and period twice with different values',
    uri: 'd.csv',
    text: [H, row({ value: '10.4' }), other, row({ value: '10.5' })].join('\n'),
    line: 3,
    field: 'value',
    says: /Conflicting values.*line 2/,
    kept: { grdp_growth: 1, fdi: 1 },
  },
  {
    name: 'CSV: the same row twice',
    uri: 'd.csv',
    text: [H, row(), row()].join('\n'),
    line: 2,
    field: 'value',
    severity: 'warning',
    says: /Duplicate row/,
    kept: { grdp_growth: 1 },
  },
  {
    name: 'CSV: a BOM, then a bad value (lines unchanged by the BOM)',
    uri: 'd.csv',
    text: '\uFEFF' + [H, row(), other.replace('4.75', 'x')].join('\n'),
    line: 2,
    field: 'value',
    says: /not a number/,
    kept: { grdp_growth: 1 },
  },
  {
    name: 'CSV: separated by semicolons (read, with a warning on the header)',
    uri: 'd.csv',
    text: [H, row(), other].map((l) => l.replace(/,/g, ';')).join('\n'),
    line: 0,
    field: null,
    severity: 'warning',
    says: /semicolons/,
    kept: { grdp_growth: 1, fdi: 1 },
  },
  {
    name: 'CSV: CRLF line breaks and blank lines',
    uri: 'd.csv',
    text: ['', H, row(), '', row({ kind: 'plan' })].join('\r\n'),
    line: 4,
    field: 'kind',
    says: /Invalid kind/,
    kept: { grdp_growth: 1 },
  },
  {
    name: 'CSV: a quoted field over two lines, then a bad row',
    uri: 'd.csv',
    text: [H, 'x,"Tên\nhai dòng",,%,2025,,1,,nguồn', row({ value: 'y' })].join('\n'),
    line: 3,
    field: 'value',
    says: /not a number/,
    kept: { x: 1 },
  },
  {
    name: 'CSV: a missing required column',
    uri: 'd.csv',
    text: ['id,name,unit,period', 'a,A,%,2025'].join('\n'),
    line: 0,
    field: 'value',
    says: /Missing required column/,
    kept: {},
  },
  {
    name: 'JSON: a missing comma',
    uri: 'd.json',
    text: '[\n  {"id": "a", "name": "A", "unit": "%", "period": "2025", "value": 1},\n  {"id": "b" "name": "B"}\n]',
    line: 2,
    field: null,
    says: /Missing comma/,
    kept: {},
  },
  {
    name: 'JSON: a trailing comma',
    uri: 'd.json',
    text: '[\n  {"id": "a", "name": "A", "unit": "%", "period": "2025", "value": 1},\n]',
    line: 2,
    field: null,
    says: /Trailing comma/,
    kept: {},
  },
  {
    name: 'JSON: a decimal comma in a number',
    uri: 'd.json',
    text: '[\n  {"id": "a", "name": "A", "unit": "%", "period": "2025",\n   "value": 10,4}\n]',
    line: 2,
    field: null,
    says: /decimal comma.*10\.4/,
    kept: {},
  },
  {
    name: 'JSON: an unterminated string',
    uri: 'd.json',
    text: '[\n  {"id": "a", "name": "A\n',
    line: 1,
    field: null,
    says: /line break|Unterminated/,
    kept: {},
  },
  {
    name: 'JSON: a bad field names its key line',
    uri: 'd.json',
    text: '{ "indicators": [\n  {"id": "a", "name": "A", "unit": "%", "period": "2025", "value": 1},\n  {"id": "b", "name": "B", "unit": "%",\n   "period": "2025", "kind": "plan", "value": 1}\n] }',
    line: 3,
    field: 'kind',
    says: /Invalid kind/,
    kept: { a: 1 },
  },
  {
    name: 'YAML: an unclosed bracket (reported on its line, not after the end)',
    uri: 'd.yaml',
    text: '- id: a\n  name: A\n  unit: "%"\n  period: 2025\n  value: 1\n- id: b\n  name: [B\n',
    line: 6,
    field: null,
    says: /YAML syntax error/,
    kept: {},
  },
  {
    name: 'YAML: bad indentation',
    uri: 'd.yaml',
    text: '- id: a\n  name: A\n unit: "%"\n',
    line: 2,
    field: null,
    says: /YAML syntax error/,
    kept: {},
  },
  {
    name: 'YAML: an unknown bound names its key line',
    uri: 'd.yml',
    text: 'indicators:\n  - id: a\n    name: A\n    unit: "%"\n    period: 2025\n    value: 1\n    bound: over\n',
    line: 6,
    field: 'bound',
    says: /Invalid bound/,
    kept: {},
  },
  {
    name: 'YAML: an alias without its anchor',
    uri: 'd.yaml',
    text: '- id: a\n  name: A\n  unit: "%"\n  period: 2025\n  value: *v\n',
    line: 4,
    field: 'value',
    says: /Unresolved alias/,
    kept: {},
  },
];

function show(issues: DataIssue[]): string {
  return issues.map((i) => `line ${i.line} field ${i.field ?? '-'} ${i.severity}: ${i.message.en}`).join('\n');
}

describe('broken indicator data files', () => {
  for (const c of cases) {
    test(c.name, () => {
      const { indicators, issues } = parseIndicatorFile(c.text, c.uri);
      const hit = issues.find((i) => c.says.test(i.message.en));
      assert.ok(hit, `no issue saying ${c.says} among:\n${show(issues)}`);
      assert.equal(hit.line, c.line, `line of "${hit.message.en}"`);
      assert.equal(hit.field ?? null, c.field, `field of "${hit.message.en}"`);
      assert.equal(hit.severity, c.severity ?? 'error');
      assert.equal(hit.uri, c.uri);
      assert.ok(hit.message.vi.length > 0, 'a Vietnamese message too');
      const kept = Object.fromEntries(indicators.map((i) => [i.id, i.values.length]));
      assert.deepEqual(kept, c.kept, 'the good rows are still read');
    });
  }
});

describe('deeply nested config, data and template files', () => {
  const deepJsonSections = (n: number) => {
    let s = '{"kind":"part"}';
    for (let i = 0; i < n; i++) s = `{"kind":"part","children":[${s}]}`;
    return `{"name":"t","sections":[${s}]}`;
  };
  const deepYamlSections = (n: number) =>
    'name: t\nsections:\n' + Array.from({ length: n }, (_, i) => `${' '.repeat(2 + i * 4)}- kind: part\n${' '.repeat(4 + i * 4)}children:\n`).join('');

  test('a template nested 5,000 levels deep (JSON) is an issue, not a stack overflow', () => {
    const { template, issues } = parseTemplate(deepJsonSections(5000), 't.json', 'json');
    assert.equal(template, undefined);
    assert.match(issues[0].message.en, /nested too deeply/);
    assert.equal(issues[0].line, 0);
  });

  test('a template nested 300 levels deep (YAML) is an issue', () => {
    const { template, issues } = parseTemplate(deepYamlSections(300), 't.yaml', 'yaml');
    assert.equal(template, undefined);
    assert.ok(issues.some((i) => i.severity === 'error' && /deep|stack/i.test(i.message.en)), issues.map((i) => i.message.en).join('\n'));
  });

  test('a template 20 levels deep is still fine', () => {
    const { template, issues } = parseTemplate(deepJsonSections(20), 't.json', 'json');
    assert.ok(template, issues.map((i) => i.message.en).join('\n'));
  });

  test('data, registry and config files nested 100,000 deep', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const r of [
      parseIndicatorFile(deep, 'd.json'),
      parseIndicatorFile(`- ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 'd.yaml'),
      parseDocumentRegistry(deep, 'r.json'),
      parseConfig(`{"rules": ${deep}}`, 'draftlint.json'),
    ]) {
      assert.ok(r.issues.some((i) => i.severity === 'error' && i.line === 0), r.issues.map((i) => i.message.en).join('\n'));
    }
  });
});
