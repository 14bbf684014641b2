// draftlint.json: validation with line-accurate issues, defaults, unknown keys, the starter files.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultConfig,
  parseConfig,
  starterConfig,
  starterConfigText,
  starterIndicatorsCsv,
  templateRef,
} from '../../server/src/core/config';
import { parseIndicatorFile } from '../../server/src/core/data/parse';

const CONTRACT = `{
  "indicators": ["data/indicators.csv"],
  "template": "vn-provincial-political-report",
  "include": ["**/*.md", "**/*.txt"],
  "exclude": [],
  "rules": { "terms/variant": "off", "figures/canonical-mismatch": "error" },
  "language": "vi"
}`;

describe('valid configs', () => {
  test('the contract example: no issues, every field read', () => {
    const r = parseConfig(CONTRACT, 'draftlint.json');
    assert.deepEqual(r.issues, []);
    assert.ok(r.config);
    assert.deepEqual(r.config.indicators, ['data/indicators.csv']);
    assert.equal(r.config.template, 'vn-provincial-political-report');
    assert.deepEqual(r.config.include, ['**/*.md', '**/*.txt']);
    assert.deepEqual(r.config.exclude, []);
    assert.deepEqual(r.config.rules, { 'terms/variant': 'off', 'figures/canonical-mismatch': 'error' });
    assert.equal(r.config.language, 'vi');
  });

  test('an empty object gets the defaults', () => {
    const r = parseConfig('{}', 'draftlint.json');
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.config, defaultConfig());
    assert.deepEqual(defaultConfig().include, ['**/*.md', '**/*.txt']);
    assert.equal(defaultConfig().language, 'vi');
    assert.deepEqual(defaultConfig().indicators, []);
    assert.equal(defaultConfig().template, undefined);
  });

  test('extensions: terms, documents, maxFileSize, $schema; a single string for a list', () => {
    const r = parseConfig(
      JSON.stringify({
        $schema: './schema.json',
        indicators: 'a.csv',
        terms: { tỉ: 'tỷ', 'hoà bình': 'hòa bình' },
        documents: 'data/documents.csv',
        maxFileSize: 500000,
        language: 'en',
      }),
      'draftlint.json',
    );
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.config?.indicators, ['a.csv']);
    assert.deepEqual(r.config?.terms, { tỉ: 'tỷ', 'hoà bình': 'hòa bình' });
    assert.equal(r.config?.documents, 'data/documents.csv');
    assert.equal(r.config?.maxFileSize, 500000);
    assert.equal(r.config?.language, 'en');
  });

  test('documents inline and rule options are accepted', () => {
    const r = parseConfig(
      JSON.stringify({
        documents: [{ number: '17-NQ/TU', date: '30/10/2023', title: 'Nghị quyết về văn hóa' }, { number: '01-NQ/TU' }],
        options: { strict: true },
      }),
      'draftlint.json',
    );
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.config?.documents, [{ number: '17-NQ/TU', date: '30/10/2023', title: 'Nghị quyết về văn hóa' }, { number: '01-NQ/TU' }]);
    assert.deepEqual(r.config?.options, { strict: true });
    const bad = parseConfig('{\n  "documents": [{ "date": "1/1/2024" }]\n}', 'draftlint.json');
    assert.deepEqual(
      bad.issues.map((i) => [i.severity, i.field, i.line]),
      [['error', 'documents', 1]],
    );
  });

  test('comments and a BOM are accepted (JSON with comments, as VS Code writes it)', () => {
    const r = parseConfig('\uFEFF{\n  // dữ liệu\n  "indicators": ["a.csv"] /* một tệp */\n}', 'draftlint.json');
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.config?.indicators, ['a.csv']);
  });

  test('template: a built-in name, a file, or a reference document', () => {
    const cases: [unknown, ReturnType<typeof templateRef>][] = [
      ['vn-provincial-political-report', { kind: 'builtin', name: 'vn-provincial-political-report' }],
      ['templates/report.yaml', { kind: 'file', path: 'templates/report.yaml' }],
      ['report.json', { kind: 'file', path: 'report.json' }],
      [{ reference: 'drafts/2020.md' }, { kind: 'reference', path: 'drafts/2020.md' }],
    ];
    for (const [template, expected] of cases) {
      const r = parseConfig(JSON.stringify({ template }), 'draftlint.json');
      assert.deepEqual(r.issues, []);
      assert.deepEqual(templateRef(r.config!), expected);
    }
    assert.equal(templateRef(defaultConfig()), null);
  });
});

describe('problems', () => {
  test('invalid JSON: one error at the line and column of the syntax error, no config', () => {
    const cases: [string, number, number, RegExp][] = [
      ['{\n  "indicators": ["a.csv"],\n}', 2, 0, /Trailing comma/],
      ['{\n  "indicators": ["a.csv"]\n  "language": "vi"\n}', 1, 25, /Missing comma/],
      ['{\n  "language": vi\n}', 1, 14, /Unexpected character "v"/],
      ['{\n  "rules": {', 1, 12, /end of file/],
    ];
    for (const [text, line, column, re] of cases) {
      const r = parseConfig(text, 'proj/draftlint.json');
      assert.equal(r.config, undefined, text);
      assert.equal(r.issues.length, 1, text);
      const [e] = r.issues;
      assert.equal(e.severity, 'error');
      assert.equal(e.uri, 'proj/draftlint.json');
      assert.deepEqual([e.line, e.column], [line, column], text);
      assert.match(e.message.en, re);
      assert.match(e.message.vi, /JSON không hợp lệ/);
    }
  });

  test('a root that is not an object is an error', () => {
    const r = parseConfig('["a.csv"]', 'draftlint.json');
    assert.equal(r.config, undefined);
    assert.equal(r.issues.length, 1);
    assert.match(r.issues[0].message.en, /object/);
  });

  test('an empty file is a warning and the defaults apply', () => {
    const r = parseConfig('  \n', 'draftlint.json');
    assert.deepEqual(r.config, defaultConfig());
    assert.deepEqual(
      r.issues.map((i) => i.severity),
      ['warning'],
    );
  });

  test('unknown keys are warnings at their line, with the likely key; the rest still applies', () => {
    const r = parseConfig('{\n  "indicator": ["a.csv"],\n  "language": "en",\n  "colour": "red"\n}', 'draftlint.json');
    assert.deepEqual(
      r.issues.map((i) => [i.line, i.column, i.field, i.severity]),
      [
        [1, 2, 'indicator', 'warning'],
        [3, 2, 'colour', 'warning'],
      ],
    );
    assert.match(r.issues[0].message.en, /Did you mean "indicators"/);
    assert.doesNotMatch(r.issues[1].message.en, /Did you mean/);
    assert.equal(r.config?.language, 'en');
    assert.deepEqual(r.config?.indicators, []);
  });

  test('wrong types are errors naming the field and its line; other fields are kept', () => {
    const text = [
      '{',
      '  "indicators": [1, "b.csv"],',
      '  "template": 5,',
      '  "language": "fr",',
      '  "rules": { "figures/canonical-mismatch": "loud", "terms/variant": "off" },',
      '  "terms": { "tỉ": "" },',
      '  "maxFileSize": -1,',
      '  "exclude": ["drafts/old/**"]',
      '}',
    ].join('\n');
    const r = parseConfig(text, 'draftlint.json');
    const errs = r.issues.filter((i) => i.severity === 'error');
    assert.deepEqual(
      errs.map((i) => [i.field, i.line]),
      [
        ['indicators[0]', 1],
        ['template', 2],
        ['language', 3],
        ['rules.figures/canonical-mismatch', 4],
        ['terms.tỉ', 5],
        ['maxFileSize', 6],
      ],
    );
    assert.match(errs[2].message.en, /vi, en/);
    assert.match(errs[3].message.en, /off, info, warning, error/);
    assert.match(errs[5].message.en, /positive whole number/);
    for (const e of errs) assert.ok(e.message.vi && e.message.en);
    // the config is still usable: bad entries dropped, good ones kept
    assert.ok(r.config);
    assert.deepEqual(r.config.indicators, ['b.csv']);
    assert.equal(r.config.template, undefined);
    assert.equal(r.config.language, 'vi');
    assert.deepEqual(r.config.rules, { 'terms/variant': 'off' });
    assert.deepEqual(r.config.terms, {});
    assert.equal(r.config.maxFileSize, undefined);
    assert.deepEqual(r.config.exclude, ['drafts/old/**']);
  });

  test('"warn" is read as "warning" with a warning; upper case severities are accepted', () => {
    const r = parseConfig('{ "rules": { "terms/variant": "warn", "format/bookmark": "ERROR" } }', 'draftlint.json');
    assert.deepEqual(r.config?.rules, { 'terms/variant': 'warning', 'format/bookmark': 'error' });
    assert.deepEqual(
      r.issues.map((i) => [i.severity, i.field]),
      [['warning', 'rules.terms/variant']],
    );
  });

  test('rule ids: malformed ones get a warning; with the known rules, unknown ones and a suggestion', () => {
    const text = '{ "rules": { "bookmark": "off", "figure/x": "off", "figures/canonical-mismatch": "off" } }';
    const r = parseConfig(text, 'draftlint.json');
    assert.deepEqual(
      r.issues.map((i) => i.field),
      ['rules.bookmark', 'rules.figure/x'],
    );
    const known = ['figures/canonical-mismatch', 'format/bookmark'];
    const r2 = parseConfig('{ "rules": { "figures/canonical-mismatc": "off", "format/bookmark": "off" } }', 'draftlint.json', {
      knownRules: known,
    });
    assert.equal(r2.issues.length, 1);
    assert.match(r2.issues[0].message.en, /no rule "figures\/canonical-mismatc".*Did you mean "figures\/canonical-mismatch"/);
    assert.equal(r2.issues[0].severity, 'warning');
  });

  test('unknown keys inside template objects are warned about', () => {
    const r = parseConfig('{ "template": { "reference": "a.md", "strict": true } }', 'draftlint.json');
    assert.deepEqual(
      r.issues.map((i) => [i.field, i.severity]),
      [['template.strict', 'warning']],
    );
    assert.deepEqual(r.config?.template, { reference: 'a.md' });
  });
});

describe('draftlint init files', () => {
  test('the starter config text parses back to the starter config with no issues', () => {
    const r = parseConfig(starterConfigText(), 'draftlint.json');
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.config, starterConfig());
    assert.equal(starterConfig().template, 'vn-provincial-political-report');
    assert.ok(starterConfigText().endsWith('\n'));
  });

  test('the starter indicators file parses with no issues', () => {
    const r = parseIndicatorFile(starterIndicatorsCsv(), 'indicators.csv');
    assert.deepEqual(r.issues, []);
    assert.deepEqual(
      r.indicators.map((i) => i.id),
      ['grdp_growth', 'labour_productivity_growth'],
    );
    assert.ok(starterConfig().indicators.includes('indicators.csv'));
  });
});
