/**
 * The parsers of user files on broken input: parseIndicatorFile (CSV, JSON, YAML), parseConfig (draftlint.json)
 * and parseTemplate (JSON, YAML) never throw, report every issue on a line of the file, and return only valid
 * results. Inputs: valid files with random edits, and noise.
 */
import { describe } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { fuzz, mutated, noisy } from './fuzz-util';
import { checkConfigFile, checkIndicatorFile, checkRegistryFile, checkTemplateFile, type FileCase } from './properties';
import { parseIndicatorFile } from '../../server/src/core/data/parse';

const root = path.resolve(__dirname, '..', '..');
const exampleCsv = fs.readFileSync(path.join(root, 'examples', 'quang-ninh', 'indicators.csv'), 'utf8');
const csvLines = exampleCsv.split('\n').filter(Boolean);
const records = parseIndicatorFile(exampleCsv, 'x.csv').indicators.flatMap((i) =>
  i.values.map((v) => ({ id: i.id, name: i.name, aliases: i.aliases.join('|'), unit: i.unit, period: v.periodText, kind: v.kind, value: v.lo === v.hi ? v.lo : `${v.lo}..${v.hi}`, bound: v.bound, source: v.source })),
);

/** a few rows of the example data, as CSV, JSON or YAML */
const dataFile: fc.Arbitrary<FileCase> = fc
  .tuple(fc.constantFrom<'csv' | 'json' | 'yaml'>('csv', 'json', 'yaml'), fc.integer({ min: 0, max: records.length - 1 }), fc.integer({ min: 0, max: 6 }), fc.boolean())
  .map(([format, from, n, wrap]) => {
    const rs = records.slice(from, from + n);
    if (format === 'csv') return { format, text: [csvLines[0], ...csvLines.slice(1 + from, 1 + from + n)].join('\n') + '\n' };
    if (format === 'json') return { format, text: JSON.stringify(wrap ? { indicators: rs } : rs, null, 2) };
    const yaml = rs
      .map((r) => Object.entries(r).map(([k, v], i) => `${i === 0 ? '- ' : '  '}${k}: ${JSON.stringify(v)}`).join('\n'))
      .join('\n');
    return { format, text: wrap ? `indicators:\n${yaml.replace(/^/gm, '  ')}\n` : `${yaml}\n` };
  });

const brokenDataFile: fc.Arbitrary<FileCase> = fc.oneof(
  { weight: 4, arbitrary: dataFile.chain((f) => mutated(fc.constant(f.text)).map((text) => ({ format: f.format, text }))) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom<'csv' | 'json' | 'yaml'>('csv', 'json', 'yaml'), noisy).map(([format, text]) => ({ format, text })) },
);

const registryRows = [
  { number: '17-NQ/TU', date: '30/10/2023', title: 'Nghị quyết về phát triển' },
  { number: '57-NQ/TW', date: '22/12/2024', title: 'Nghị quyết về khoa học' },
  { number: '06-NQ/TU', date: '2021-05-17' },
];
const registryFile: fc.Arbitrary<FileCase> = fc.oneof(
  mutated(fc.constant(['number,date,title', ...registryRows.map((r) => `${r.number},${r.date},"${r.title ?? ''}"`)].join('\n'))).map((text) => ({ format: 'csv' as const, text })),
  mutated(fc.constant(JSON.stringify({ documents: registryRows }, null, 2))).map((text) => ({ format: 'json' as const, text })),
  mutated(fc.constant(registryRows.map((r) => `- number: ${r.number}\n  date: ${r.date}\n  title: ${r.title ?? ''}`).join('\n'))).map((text) => ({ format: 'yaml' as const, text })),
  fc.tuple(fc.constantFrom<'csv' | 'json' | 'yaml'>('csv', 'json', 'yaml'), noisy).map(([format, text]) => ({ format, text })),
);

const configText = fc.oneof(
  {
    weight: 4,
    arbitrary: mutated(
      fc
        .record(
          {
            indicators: fc.constantFrom<unknown>(['data/a.csv'], 'a.csv', [], [1], null),
            template: fc.constantFrom<unknown>('vn-provincial-political-report', { reference: 'ref.md' }, { reference: '' }, 't.yaml', 3),
            include: fc.constantFrom<unknown>(['**/*.md'], '*.txt', [''], {}),
            rules: fc.constantFrom<unknown>({ 'terms/variant': 'off' }, { 'figures/canonical-mismatch': 'warn' }, { x: 'error' }, { 'format/quotes': 'ERROR' }, []),
            language: fc.constantFrom<unknown>('vi', 'en', 'fr'),
            terms: fc.constantFrom<unknown>({ tỉ: 'tỷ' }, { a: '' }, 'x'),
            maxFileSize: fc.constantFrom<unknown>(1000, -1, 1.5, '2MB'),
            extra: fc.constantFrom<unknown>(1, 'x'),
          },
          { requiredKeys: [] },
        )
        .map((o) => JSON.stringify(o, null, 2)),
    ),
  },
  { weight: 1, arbitrary: noisy },
  { weight: 1, arbitrary: mutated(fc.constant('// comment\n{ /* c */ "rules": { "format/*": "off" }, }\n')) },
);

const templateJson = {
  name: 'mau',
  title: ['báo cáo'],
  sections: [
    { kind: 'part', number: '1', title: 'Kết quả', period: '2021-2025', children: [{ kind: 'roman', number: 'I', title: 'Kinh tế' }, { kind: 'roman', number: 'II' }] },
    { kind: 'part', number: '2', continuous: true, children: [{ kind: 'decimal', number: '2.1', children: [{ kind: 'paren', number: '(1)' }] }] },
  ],
};
const templateYaml = [
  'name: mau',
  'title: [báo cáo]',
  'sections:',
  '  - kind: part',
  '    number: "1"',
  '    period: 2021-2025',
  '    children:',
  '      - { kind: roman, number: I, title: Kinh tế }',
  '      - { kind: roman, number: II }',
  '  - kind: part',
  '    number: 2',
  '    extra: true',
  '',
].join('\n');
const templateFile: fc.Arbitrary<FileCase> = fc.oneof(
  mutated(fc.constant(JSON.stringify(templateJson, null, 2))).map((text) => ({ format: 'json' as const, text })),
  mutated(fc.constant(templateYaml)).map((text) => ({ format: 'yaml' as const, text })),
  fc.tuple(fc.constantFrom<'json' | 'yaml'>('json', 'yaml'), noisy).map(([format, text]) => ({ format, text })),
);

describe('fuzz: data, config and template files', () => {
  fuzz('parseIndicatorFile on broken CSV, JSON and YAML', brokenDataFile, checkIndicatorFile, { numRuns: 250, timeMs: 2000 });
  fuzz('parseDocumentRegistry on broken CSV, JSON and YAML', registryFile, checkRegistryFile, { numRuns: 200, timeMs: 1500 });
  fuzz('parseConfig on broken draftlint.json', configText, checkConfigFile, { numRuns: 300, timeMs: 1500 });
  fuzz('parseTemplate on broken JSON and YAML', templateFile, checkTemplateFile, { numRuns: 300, timeMs: 1500 });
});
