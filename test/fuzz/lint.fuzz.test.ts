/**
 * lint() end to end on random drafts assembled from realistic fragments (headings, figures, periods, the names
 * of the example data's indicators, citations, quotes, bookmarks, suppressions), in NFC, NFD and mixed, with
 * CRLF: no exception (and no rule failing internally), every finding, related location, fix edit and figure
 * range inside the text without cutting a surrogate pair or a CRLF, findings sorted.
 */
import { describe } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { draft, figure, fuzz, keyword, mutated, period, prose, structuredDraft, word } from './fuzz-util';
import { checkLint } from './properties';
import { parseIndicatorFile } from '../../server/src/core/data/parse';

const exampleCsv = fs.readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'quang-ninh', 'indicators.csv'), 'utf8');
const names = [...new Set(parseIndicatorFile(exampleCsv, 'x.csv').indicators.flatMap((i) => [i.name, ...i.aliases]))];

/** "<indicator name> ước đạt 10,4%/năm năm 2025" and its variants */
const citation = fc
  .tuple(
    fc.constantFrom(...names),
    fc.constantFrom(' ', ' đạt ', ' ước đạt ', ' tăng ', ' bình quân ', ', chiếm ', ' (', ' trong đó ', ' là '),
    figure,
    fc.constantFrom('', ' ', ', ', '; ', '. ', ')'),
    fc.option(period, { nil: '' }),
    fc.integer({ min: 0, max: 5 }),
  )
  .map(([n, v, f, p, per, form]) => {
    const s = `${n}${v}${f}${p}${per}`;
    return form === 0 ? s.normalize('NFD') : form === 1 ? s.toUpperCase() : s;
  });

const paragraph = fc
  .array(fc.oneof({ weight: 3, arbitrary: citation }, { weight: 2, arbitrary: prose }), { maxLength: 8, size: 'medium' })
  .map((xs) => xs.join(' '));

/** a structured draft with citation paragraphs spliced in after some lines */
const richDraft = fc
  .tuple(structuredDraft, fc.array(paragraph, { maxLength: 12 }), fc.integer({ min: 0, max: 1000 }))
  .map(([d, paras, seed]) => {
    const eol = d.includes('\r\n') ? '\r\n' : '\n';
    const lines = d.split(eol);
    paras.forEach((p, k) => lines.splice((seed * (k + 7)) % (lines.length + 1), 0, p));
    return lines.join(eol);
  });

const otherCsv = fc
  .array(
    fc.tuple(fc.constantFrom(...names), fc.constantFrom('%', '%/năm', 'USD', 'tỷ đồng', 'nghìn tỷ đồng', 'ha', ''), fc.constantFrom('2025', '2021-2025', '2026-2030', '2020'), fc.constantFrom('actual', 'estimate', 'target', ''), fc.constantFrom('10.4', '11000', '8..8.5', '0', '-3', '395000', '1e3'), fc.constantFrom('', 'above', 'below', 'approx')),
    { maxLength: 12 },
  )
  .map((rows) => ['id,name,aliases,unit,period,kind,value,bound,source', ...rows.map((r, i) => `ind_${i % 5},${r[0]},,${r[1]},${r[2]},${r[3]},${r[4]},${r[5]},fuzz`)].join('\n'));

/** one short clause of rule keywords and figures (clause starts at offset 0 are edge cases of their own) */
const shortText = fc
  .tuple(fc.array(fc.oneof(keyword, figure, word, period), { minLength: 1, maxLength: 8 }), fc.constantFrom(' ', '', ', '))
  .map(([xs, sep]) => xs.join(sep));

/** a user template (parts, roman sections, continuous (n) lists, periods), mutated now and then */
const TEMPLATE_YAML = [
  'name: mau-thu',
  'title: [báo cáo chính trị]',
  'sections:',
  '  - kind: part',
  '    number: "1"',
  '    title: Kết quả',
  '    period: 2021-2025',
  '    children:',
  '      - { kind: roman, number: I, title: Kinh tế }',
  '      - { kind: roman, number: II, title: Hạn chế, required: false }',
  '  - kind: part',
  '    number: "2"',
  '    period: 2026-2030',
  '    continuous: true',
  '    children:',
  '      - { kind: decimal, number: "2.1", children: [{ kind: paren, number: "(1)" }] }',
  '      - { kind: decimal, number: "2.2" }',
  '',
].join('\n');

const lintCase = fc.record(
  {
    text: fc.oneof({ weight: 3, arbitrary: richDraft }, { weight: 1, arbitrary: draft }),
    csv: fc.oneof(fc.constant(exampleCsv), otherCsv),
    template: fc.boolean(),
    terms: fc.constantFrom<Record<string, string>>({ tỉ: 'tỷ' }, { hoà: 'hòa', thuỷ: 'thủy' }),
    templateYaml: mutated(fc.constant(TEMPLATE_YAML)),
    cheapOnlyAbove: fc.constantFrom(0, 200),
  },
  { requiredKeys: ['text'] },
);

describe('fuzz: lint end to end', () => {
  fuzz('lint: no exception, ranges inside the text, sorted', lintCase, checkLint, { numRuns: 100, timeMs: 3000 });
  fuzz('lint on short clauses of rule keywords', fc.record({ text: shortText, csv: fc.constant(exampleCsv) }), checkLint, { numRuns: 1000, timeMs: 1000 });
});
