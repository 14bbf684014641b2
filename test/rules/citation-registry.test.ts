import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocumentRegistry, registryEntry } from '../../server/src/core/crosscheck/registry';
import { citationAt, documentKey, parseCitations } from '../../server/src/core/crosscheck/citation';

describe('parseDocumentRegistry', () => {
  test('CSV with a header, quoted titles, dates normalised', () => {
    const csv = 'number,date,title\n21-NQ/TU,12/3/2022,"Về văn hóa, con người"\n15/2023/NĐ-CP,03/04/2023,\n';
    const { documents, issues } = parseDocumentRegistry(csv, 'docs.csv');
    assert.deepEqual(issues, []);
    assert.deepEqual(
      documents.map((d) => [d.number, d.date, d.title, d.line]),
      [
        ['21-NQ/TU', '12/03/2022', 'Về văn hóa, con người', 1],
        ['15/2023/NĐ-CP', '03/04/2023', undefined, 2],
      ],
    );
  });

  test('CSV problems are issues with their line; good rows are kept', () => {
    const csv = 'number,date,title\n,1/1/2020,no number\n22-NQ/TU,31/02/2024,bad date\n23-NQ/TU,,ok\n23-NQ/TU,1/1/2024,again\n';
    const { documents, issues } = parseDocumentRegistry(csv, 'docs.csv');
    assert.deepEqual(
      issues.map((i) => [i.line, i.severity, i.field]),
      [
        [1, 'error', 'number'],
        [2, 'error', 'date'],
        [4, 'warning', 'number'],
      ],
    );
    assert.deepEqual(documents.map((d) => [d.number, d.date]), [['23-NQ/TU', '01/01/2024']]);
  });

  test('CSV without a number column', () => {
    const { documents, issues } = parseDocumentRegistry('so,ngay\n1,2\n', 'docs.csv');
    assert.equal(documents.length, 0);
    assert.equal(issues[0].severity, 'error');
    assert.match(issues[0].message.en, /header: number,date,title/);
  });

  test('JSON: an array or { documents: [...] }, errors with positions', () => {
    const a = parseDocumentRegistry('[{"number":"57-NQ/TW","date":"22/12/2024"}]', 'docs.json');
    assert.deepEqual(a.documents.map((d) => d.number), ['57-NQ/TW']);
    const b = parseDocumentRegistry('{\n "documents": [\n  {"number": "57-NQ/TW"},\n  42\n ]\n}', 'docs.json');
    assert.deepEqual(b.documents.map((d) => d.number), ['57-NQ/TW']);
    assert.deepEqual(b.issues.map((i) => i.line), [3]);
    const c = parseDocumentRegistry('[{"number": }]', 'docs.json');
    assert.equal(c.issues[0].severity, 'error');
  });

  test('YAML keeps numbers and dates as written', () => {
    const yaml = 'documents:\n  - number: 17-NQ/TU\n    date: 30/10/2023\n    title: Văn hóa\n  - number: 09-NQ/TU\n';
    const { documents, issues } = parseDocumentRegistry(yaml, 'docs.yaml');
    assert.deepEqual(issues, []);
    assert.deepEqual(documents.map((d) => [d.number, d.date, d.line]), [
      ['17-NQ/TU', '30/10/2023', 1],
      ['09-NQ/TU', undefined, 4],
    ]);
  });

  test('format from the argument, else sniffed', () => {
    assert.equal(parseDocumentRegistry('[{"number":"1-NQ/TU"}]', 'registry', undefined).documents.length, 1);
    assert.equal(parseDocumentRegistry('- number: 1-NQ/TU\n', 'registry').documents.length, 1);
    assert.equal(parseDocumentRegistry('number\n1-NQ/TU\n', 'x.txt', 'csv').documents.length, 1);
    assert.equal(parseDocumentRegistry('  \n', 'x.csv').issues[0].severity, 'warning');
  });

  test('registryEntry looks numbers up the way citations are compared', () => {
    const docs = [{ number: '09-NQ/TU', date: '05/02/2022', title: 'Chuyển đổi số' }];
    assert.equal(registryEntry(docs, '9-NQ/TU')?.title, 'Chuyển đổi số');
    assert.equal(registryEntry(docs, '9-nq/tu')?.title, 'Chuyển đổi số');
    assert.equal(registryEntry(docs, '10-NQ/TU'), undefined);
    assert.equal(registryEntry(undefined, '9-NQ/TU'), undefined);
  });
});

describe('citations', () => {
  const text = 'Thực hiện Nghị quyết số 21-NQ/TU, ngày 12/3/2022 của Tỉnh ủy và Nghị định 15/2023/NĐ-CP.';

  test('citationAt: the reference under an offset, with its parts', () => {
    const at = citationAt(text, text.indexOf('NQ/TU'));
    assert.ok(at);
    assert.equal(at.type, 'Nghị quyết');
    assert.equal(at.number, '21-NQ/TU');
    assert.equal(at.kind, 'party');
    assert.deepEqual([at.date?.day, at.date?.month, at.date?.year], [12, 3, 2022]);
    assert.equal(text.slice(at.start, at.end), 'Nghị quyết số 21-NQ/TU, ngày 12/3/2022');
    const state = citationAt(text, text.indexOf('NĐ-CP'));
    assert.equal(state?.kind, 'state');
    assert.equal(state?.numberYear, 2023);
    assert.equal(citationAt(text, text.indexOf('Tỉnh ủy')), null);
  });

  test('keys: leading zeros, case, Ð look-alike and TƯ are the same document', () => {
    assert.equal(documentKey('09-NQ/TU'), documentKey('9-NQ/TU'));
    assert.equal(documentKey('144-QĐ/TW'), documentKey('144-Q\u00d0/TW'));
    assert.equal(documentKey('35-CT/TƯ'), documentKey('35-CT/TW'));
    assert.notEqual(documentKey('15/2023/NĐ-CP'), documentKey('15/2022/NĐ-CP'));
  });

  test('codes and dates are not document numbers', () => {
    assert.deepEqual(parseCitations('QCVN 01-1:2008/BYT; COVID-19; ngày 22/12/2024; 5/7 huyện; Quốc lộ 4B; 1-2 khu.'), []);
  });

  test('a number starts at the first digit of a run, not inside a token or a number read before', () => {
    const cases: [string, [string, number, string][]][] = [
      // glued numbers are one token; a digit after a letter, a '.' or inside a code starts nothing
      ['Nghị quyết 17-NQ/TU-18-NQ/TU; A17-NQ/TU; 1.234/NQ-TU; 2020-2025; 01-1:2008/BYT', [['17-NQ/TU-18-NQ/TU', 11, 'party']]],
      // a trailing separator is not part of the number; the next one is read after it
      [
        'Quyết định số 12-ABC; 12-ABC; 17-NQ/TU/ 09-NQ/TU, ngày 30/10/2023',
        [['12-ABC', 14, 'unknown'], ['17-NQ/TU', 30, 'party'], ['09-NQ/TU', 40, 'party']],
      ],
      [
        '17--NQ/TU và 17/NQ/TU, 17-NQTU, 17-NQ-TU; 123456789012-NQ/TU; 15/2023/NĐ-CP ngày 3/4/2023',
        [
          ['17--NQ/TU', 0, 'party'],
          ['17/NQ/TU', 13, 'party'],
          ['17-NQTU', 23, 'party'],
          ['17-NQ-TU', 32, 'party'],
          ['123456789012-NQ/TU', 42, 'party'],
          ['15/2023/NĐ-CP', 62, 'state'],
        ],
      ],
    ];
    for (const [text, want] of cases) {
      assert.deepEqual(
        parseCitations(text).map((c) => [c.number, c.numberStart, c.kind]),
        want,
        text,
      );
    }
  });
});
