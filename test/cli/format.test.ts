/**
 * Unit tests of the CLI's pieces that do not need the core: formatters on hand-made results, argv parsing,
 * document decoding, display width.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FileResult, OutFigure, OutFinding } from '../../server/src/cli/lintFile';
import { formatStylish, summaryLine } from '../../server/src/cli/format/stylish';
import { formatJson } from '../../server/src/cli/format/json';
import { formatSarif, sarifLevel } from '../../server/src/cli/format/sarif';
import { csvField, formatFiguresCsv } from '../../server/src/cli/format/csv';
import { formatFiguresMd, mdCell } from '../../server/src/cli/format/md';
import { escapeHtml, formatFiguresHtml } from '../../server/src/cli/format/html';
import { formatFiguresStylish } from '../../server/src/cli/format/figures';
import { parseArgs, UsageError } from '../../server/src/cli/args';
import { decodeDocument, readDocumentText } from '../../server/src/cli/files';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import fc from 'fast-check';
import { displayWidth, style, useColor } from '../../server/src/cli/output';
import { sarifUri } from '../../server/src/cli/paths';
import { formatIssue } from '../../server/src/cli/project';

const plain = style(false);
const cwd = path.resolve('/home/user/project');

function finding(p: Partial<OutFinding>): OutFinding {
  return { rule: 'format/artifact', severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, ...p };
}

function figure(p: Partial<OutFigure>): OutFigure {
  return {
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 5,
    text: '10,4%',
    indicator: null,
    period: null,
    cited: '10,4%',
    canonical: null,
    source: null,
    status: 'unmatched',
    ...p,
  };
}

const files: FileResult[] = [
  {
    path: path.join(cwd, 'a.md'),
    display: 'a.md',
    findings: [
      finding({ rule: 'figures/canonical-mismatch', severity: 'error', message: 'sai số', line: 12, column: 7, endLine: 12, endColumn: 12, data: { indicator: 'x' } }),
      finding({ severity: 'info', message: 'ghi chú\nhai dòng', line: 3, column: 140 }),
    ],
  },
  { path: path.join(cwd, 'b.md'), display: 'b.md', findings: [] },
  { path: path.join(cwd, 'sub dir', 'c.md'), display: path.join('sub dir', 'c.md'), findings: [finding({ rule: 'x/unknown-rule', line: 2 })] },
];

describe('stylish', () => {
  test('aligned rows, files without findings omitted, summary', () => {
    const out = formatStylish(files, plain);
    const lines = out.split('\n');
    assert.equal(lines[0], '');
    assert.equal(lines[1], 'a.md');
    // line numbers right-aligned, columns left-aligned, messages padded to the widest
    assert.equal(lines[2], '  12:7    error  sai số            figures/canonical-mismatch');
    assert.equal(lines[3], '   3:140  info   ghi chú hai dòng  format/artifact');
    assert.ok(!out.includes('b.md'));
    assert.ok(out.includes(`${path.join('sub dir', 'c.md')}\n  2:1  warning  m  x/unknown-rule\n`));
    assert.ok(out.endsWith('\n✖ 3 problems (1 error, 1 warning, 1 info)\n'));
  });

  test('nothing when there is nothing to report', () => {
    assert.equal(formatStylish([files[1]], plain), '');
  });

  test('summary plurals', () => {
    assert.equal(summaryLine({ errors: 0, warnings: 2, infos: 0 }), '✖ 2 problems (0 errors, 2 warnings, 0 infos)');
    assert.equal(summaryLine({ errors: 1, warnings: 0, infos: 0 }), '✖ 1 problem (1 error, 0 warnings, 0 infos)');
  });

  test('colours only when asked', () => {
    assert.ok(formatStylish(files, style(true)).includes('\x1b[31m'));
    assert.ok(!formatStylish(files, plain).includes('\x1b['));
    assert.equal(useColor(undefined, true, {}), true);
    assert.equal(useColor(undefined, false, {}), false);
    assert.equal(useColor(undefined, true, { NO_COLOR: '1' }), false);
    assert.equal(useColor(false, true, {}), false);
    assert.equal(useColor(undefined, false, { FORCE_COLOR: '1' }), true);
  });

  test('display width ignores combining marks', () => {
    assert.equal(displayWidth('tiếng Việt'), 10);
    assert.equal(displayWidth('tiếng Việt'.normalize('NFD')), 10);
  });
});

describe('json', () => {
  test('exact shape, every file listed, data always present', () => {
    const doc = JSON.parse(formatJson(files));
    assert.deepEqual(Object.keys(doc), ['files']);
    assert.deepEqual(
      doc.files.map((f: { path: string }) => f.path),
      ['a.md', 'b.md', path.join('sub dir', 'c.md')],
    );
    const f = doc.files[0].findings[0];
    assert.deepEqual(Object.keys(f), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'data']);
    assert.deepEqual(f.data, { indicator: 'x' });
    assert.deepEqual(doc.files[0].findings[1].data, {});
  });
});

describe('sarif', () => {
  const doc = JSON.parse(formatSarif(files, { cwd, version: '9.9.9', language: 'vi' }));
  const run = doc.runs[0];

  test('header, driver and rules', () => {
    assert.equal(doc.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(doc.version, '2.1.0');
    assert.equal(doc.runs.length, 1);
    assert.equal(run.tool.driver.name, 'draftlint');
    assert.equal(run.tool.driver.version, '9.9.9');
    for (const r of run.tool.driver.rules) {
      assert.match(r.id, /^[a-z]+\/[a-z0-9-]+$/);
      assert.ok(r.shortDescription.text.length > 0);
    }
  });

  test('results: ruleIndex, levels, regions, uris', () => {
    assert.equal(run.results.length, 3);
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    assert.deepEqual(
      run.results.map((r: { level: string }) => r.level),
      ['error', 'note', 'warning'],
    );
    assert.deepEqual(run.results[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'a.md' },
      region: { startLine: 12, startColumn: 7, endLine: 12, endColumn: 12 },
    });
    assert.equal(run.results[2].locations[0].physicalLocation.artifactLocation.uri, 'sub%20dir/c.md');
    assert.equal(sarifLevel('info'), 'note');
  });

  test('files outside cwd get a file: uri', () => {
    assert.match(sarifUri(path.resolve('/elsewhere/x.md'), cwd), /^file:\/\/.*\/elsewhere\/x\.md$/);
  });
});

describe('figures formats', () => {
  const figs: FileResult[] = [
    {
      path: path.join(cwd, 'a.md'),
      display: 'a.md',
      findings: [],
      figures: [
        figure({
          text: '9,7%/năm',
          cited: '9,7%/năm',
          indicator: { id: 'grdp_growth', name: 'Tăng trưởng "GRDP" | <b>', unit: '%/năm' },
          period: '2021-2025',
          canonical: '8,7%/năm',
          source: 'Nguồn, trang 3',
          status: 'mismatch',
        }),
        figure({ line: 4, column: 10 }),
      ],
    },
  ];

  test('csv quotes what RFC 4180 requires', () => {
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "x"'), '"say ""x"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField(null), '');
    const rows = formatFiguresCsv(figs).split('\r\n');
    assert.equal(rows[0], 'file,line,column,text,indicator_id,indicator,period,cited,canonical,status,source');
    assert.equal(rows[1], 'a.md,1,1,"9,7%/năm",grdp_growth,"Tăng trưởng ""GRDP"" | <b>",2021-2025,"9,7%/năm","8,7%/năm",mismatch,"Nguồn, trang 3"');
    assert.equal(rows[2], 'a.md,4,10,"10,4%",,,,"10,4%",,unmatched,');
    assert.equal(rows[3], '');
  });

  test('md escapes pipes and angle brackets', () => {
    assert.equal(mdCell('a|b'), 'a\\|b');
    assert.equal(mdCell('<x>'), '&lt;x>');
    const md = formatFiguresMd(figs);
    assert.ok(md.includes('| 1 | 1 | 9,7%/năm | Tăng trưởng "GRDP" \\| &lt;b> (`grdp_growth`) |'));
  });

  test('html escapes document text', () => {
    assert.equal(escapeHtml(`<script>"&'`), '&lt;script&gt;&quot;&amp;&#39;');
    const html = formatFiguresHtml(figs, 'en');
    assert.ok(html.includes('Tăng trưởng &quot;GRDP&quot; | &lt;b&gt;'));
    assert.ok(!html.includes('<b>'));
    assert.equal(html.match(/<tr class=/g)?.length, 2);
  });

  test('stylish table aligns columns', () => {
    const out = formatFiguresStylish(figs, plain).split('\n');
    assert.equal(out[1], 'a.md');
    const header = out[2];
    const row = out[3];
    assert.equal(header.indexOf('text'), row.indexOf('9,7%/năm'));
    assert.equal(header.indexOf('status'), row.indexOf('mismatch'));
    assert.ok(out.includes('2 figures (1 mismatch, 1 unmatched)'));
  });
});

describe('args', () => {
  test('commands, options and paths', () => {
    const a = parseArgs(['check', 'docs', '--format=json', '--indicators', 'a.csv', '--indicators', 'b.csv', '-q', '--max-warnings', '0', 'more']);
    assert.equal(a.command, 'check');
    assert.deepEqual(a.paths, ['docs', 'more']);
    assert.equal(a.format, 'json');
    assert.deepEqual(a.indicators, ['a.csv', 'b.csv']);
    assert.equal(a.quiet, true);
    assert.equal(a.maxWarnings, 0);
    assert.equal(parseArgs(['figures', '--format', 'html']).format, 'html');
    assert.deepEqual(parseArgs(['check', '--', '--odd-name.md']).paths, ['--odd-name.md']);
    assert.equal(parseArgs(['--no-color', 'check']).color, false);
    assert.equal(parseArgs(['-h']).help, true);
    assert.equal(parseArgs(['init', '--force']).force, true);
  });

  test('usage errors', () => {
    for (const argv of [
      ['check', '--nope'],
      ['nope'],
      ['check', '--format', 'csv'],
      ['check', '--format'],
      ['check', '--max-warnings', '-2'],
      ['check', '--language', 'fr'],
      ['check', '--config', 'x.json', '--no-config'],
      ['check', '--force'],
      ['outline', 'a.md', 'b.md'],
      ['init', 'somewhere'],
      ['check', '--quiet=yes'],
    ]) {
      assert.throws(() => parseArgs(argv), UsageError, argv.join(' '));
    }
  });
});

describe('decodeDocument', () => {
  test('NUL in the first 8 KB → binary', () => {
    assert.equal(decodeDocument(Buffer.from('abc\0def')).kind, 'binary');
    const late = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]);
    assert.equal(decodeDocument(late).kind, 'text');
  });

  test('a few invalid bytes are tolerated, many are not', () => {
    assert.equal(decodeDocument(Buffer.from([0x61, 0xff, 0x62, 0xfe, 0x63])).kind, 'text');
    assert.equal(decodeDocument(Buffer.from('caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la', 'latin1')).kind, 'binary');
  });

  test('real U+FFFD characters are text', () => {
    assert.equal(decodeDocument(Buffer.from('\uFFFD'.repeat(20), 'utf8')).kind, 'text');
  });

  test('BOM is stripped', () => {
    const r = decodeDocument(Buffer.from('\ufeffXin chào', 'utf8'));
    assert.deepEqual(r, { kind: 'text', text: 'Xin chào' });
  });
});

describe('readDocumentText', () => {
  test('the same result as decodeDocument on the bytes, and the byte count, for any file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'draftlint-read-'));
    try {
      const file = path.join(dir, 'f.txt');
      const piece = fc.oneof(
        fc.constantFrom('a', 'ạ', 'đ', '\n', '\0', '\ufeff', '\uFFFD', '😀', ' '),
        fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xe0, 0x80]), Buffer.from([0xc3])),
        fc.integer({ min: 1, max: 9000 }).map((n) => 'x'.repeat(n)),
        fc.integer({ min: 1, max: 3000 }).map((n) => 'ư'.repeat(n)),
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
          const buf = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
          writeFileSync(file, buf);
          const got = readDocumentText(file);
          assert.deepEqual(got.doc, decodeDocument(buf));
          assert.equal(got.bytes, buf.length);
        }),
        { numRuns: 300 },
      );
      // a NUL right before and right after byte 8192, behind two-byte letters
      for (const [n, want] of [
        [4095, 'binary'],
        [4096, 'text'],
      ] as const) {
        const buf = Buffer.concat([Buffer.from('ư'.repeat(n), 'utf8'), Buffer.from([0]), Buffer.from('abc')]);
        writeFileSync(file, buf);
        assert.equal(readDocumentText(file).doc.kind, want);
        assert.equal(decodeDocument(buf).kind, want);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('issues', () => {
  test('file:line: field "x": message', () => {
    const issue = { file: 'data/indicators.csv', line: 6, field: 'value', severity: 'error' as const, message: { vi: 'sai', en: '"10,4" is not a number (write 10.4)' } };
    assert.equal(formatIssue(issue, 'en'), 'data/indicators.csv:7: field "value": "10,4" is not a number (write 10.4)');
    assert.equal(formatIssue({ ...issue, severity: 'warning', field: undefined }, 'vi'), 'data/indicators.csv:7: warning: sai');
  });
});
