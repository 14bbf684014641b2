/**
 * The cross-check rules (arithmetic/, count/, citation/, terms/, units/) on the real draft in ../shared/corpus:
 * the exact findings, each verified by reading the text, and — by changing one figure of the draft in memory —
 * proof that the rules read the correct passages and stay silent on them as a verdict, not by missing them.
 * Skips when the corpus is absent.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../server/src/core/lint';
import type { Rule } from '../../server/src/core/rule';
import type { Finding } from '../../server/src/core/types';
import arithmeticPartsTotal from '../../server/src/core/rules/arithmetic-parts-total';
import arithmeticSharesTotal from '../../server/src/core/rules/arithmetic-shares-total';
import arithmeticShareOfTotal from '../../server/src/core/rules/arithmetic-share-of-total';
import arithmeticGrowthMultiplier from '../../server/src/core/rules/arithmetic-growth-multiplier';
import countEnumeration from '../../server/src/core/rules/count-enumeration';
import citationConflictingDate from '../../server/src/core/rules/citation-conflicting-date';
import citationInvalidDate from '../../server/src/core/rules/citation-invalid-date';
import citationMalformedNumber from '../../server/src/core/rules/citation-malformed-number';
import citationUnknownDocument from '../../server/src/core/rules/citation-unknown-document';
import termsVariant from '../../server/src/core/rules/terms-variant';
import unitsPercentagePoints from '../../server/src/core/rules/units-percentage-points';
import unitsRateUnitChanged from '../../server/src/core/rules/units-rate-unit-changed';
import { parseCitations } from '../../server/src/core/crosscheck/citation';
import { applyFix } from '../helpers/rule-tester';

const corpusPath = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'du-thao-bao-cao-chinh-tri-quang-ninh-2025.txt');
const exists = existsSync(corpusPath);
const corpus = exists ? readFileSync(corpusPath, 'utf8') : '';

const RULES: Rule[] = [
  arithmeticPartsTotal,
  arithmeticSharesTotal,
  arithmeticShareOfTotal,
  arithmeticGrowthMultiplier,
  countEnumeration,
  citationConflictingDate,
  citationInvalidDate,
  citationMalformedNumber,
  citationUnknownDocument,
  termsVariant,
  unitsPercentagePoints,
  unitsRateUnitChanged,
];

interface Seen {
  rule: string;
  line: number;
  text: string;
  finding: Finding;
}

function run(text: string, rules: Rule[] = RULES, options = {}): Seen[] {
  const res = lint(text, { ruleSet: rules, options });
  return res.findings.map((f) => ({
    rule: f.rule,
    line: res.view.positionAt(f.start).line + 1,
    text: text.slice(f.start, f.end).normalize('NFC'),
    finding: f,
  }));
}

/** The corpus with one unique fragment replaced (the fragment must occur exactly once). */
function mutate(from: string, to: string): string {
  const nfc = corpus.normalize('NFC');
  const i = nfc.indexOf(from);
  assert.ok(i >= 0 && nfc.indexOf(from, i + 1) < 0, `fragment ${JSON.stringify(from)} must occur once`);
  return nfc.slice(0, i) + to + nfc.slice(i + from.length);
}

describe('cross-check rules on the corpus draft', () => {
  test('exactly the verified findings', { skip: !exists }, () => {
    const got = run(corpus).map((s) => `${s.line} ${s.rule} ${s.text}`);
    assert.deepEqual(got, [
      // "thuỷ sản" once, "thủy" elsewhere
      '36 terms/variant thuỷ',
      // 4,75 / 9,77 tỷ USD (line 34) = 48,6%, the draft says 45,9%
      '37 arithmetic/share-of-total 4,75 tỷ USD, chiếm 45,9%',
      // "hàng hoá" once, "hóa" elsewhere
      '37 terms/variant hoá',
      // a rate (tỷ lệ phòng học kiên cố) rising by 5,8 points, written "5,8%"
      '42 units/percentage-points 5,8%',
      // "tỉ lệ", "tỷ lệ" elsewhere
      '44 terms/variant tỉ',
      // “Kỷ luật và đồng tâm” once, “Kỷ luật và Đồng tâm” six times
      '54 terms/variant Kỷ luật và đồng tâm',
      '86 terms/variant hoà',
      '188 terms/variant tỉ',
      '197 terms/variant khoẻ',
      '197 terms/variant hoá',
    ]);
  });

  test('the findings carry the expected fixes', { skip: !exists }, () => {
    const seen = run(corpus);
    const pp = seen.find((s) => s.rule === 'units/percentage-points')!;
    assert.equal(applyFix(corpus, pp.finding).slice(pp.finding.start, pp.finding.start + 18), '5,8 điểm phần trăm');
    const phrase = seen.find((s) => s.text === 'Kỷ luật và đồng tâm')!;
    assert.equal(phrase.finding.fixes?.[0].edits[0].newText, 'Kỷ luật và Đồng tâm');
    assert.equal(phrase.finding.related?.length, 3);
    const ti = seen.find((s) => s.text === 'tỉ')!;
    assert.equal(ti.finding.fixes?.[0].edits[0].newText, 'tỷ');
    const share = seen.find((s) => s.rule === 'arithmetic/share-of-total')!;
    assert.match(share.finding.message.en, /= 48,6%, not 45,9%/);
  });

  test('every citation of the draft is read, and none is faulty', { skip: !exists }, () => {
    const cits = parseCitations(corpus.normalize('NFC'));
    assert.equal(cits.length, 15);
    assert.ok(cits.every((c) => c.kind === 'party' && c.date && !c.malformed));
    // the same resolution, cited with and without "số" and the comma: one key, one date
    const r17 = cits.filter((c) => c.key === '17-NQ/TU');
    assert.equal(r17.length, 2);
    assert.equal(r17[0].date?.text, r17[1].date?.text);
  });

  describe('silence on correct passages is a verdict: one changed figure makes the rule speak', () => {
    const cases: { name: string; rule: Rule; from: string; to: string; line: number }[] = [
      { name: 'parts: 68,2 = 65 + 3,2', rule: arithmeticPartsTotal, from: '3,2 giường tư nhân', to: '4,2 giường tư nhân', line: 123 },
      { name: 'shares of the 2030 structure', rule: arithmeticSharesTotal, from: 'thủy sản 3-4%', to: 'thủy sản 0-1%', line: 116 },
      { name: 'growth 13,4%/năm over 2020–2025 gives ×1,87', rule: arithmeticGrowthMultiplier, from: 'gấp 1,87 lần năm 2020', to: 'gấp 2,1 lần năm 2020', line: 33 },
      { name: 'the 3 breakthroughs are three', rule: countEnumeration, from: '3 khâu đột phá', to: '4 khâu đột phá', line: 140 },
      { name: '“5 rõ” lists five', rule: countEnumeration, from: 'rõ kết quả, rõ trách nhiệm)', to: 'rõ trách nhiệm)', line: 19 },
      { name: 'the 4 slogans are four', rule: countEnumeration, from: '4 phương châm', to: '5 phương châm', line: 151 },
      { name: '03/19 targets missed are three', rule: countEnumeration, from: '03/19 chỉ tiêu', to: '04/19 chỉ tiêu', line: 75 },
      { name: 'six years of PAR Index', rule: countEnumeration, from: '06 năm dẫn đầu', to: '07 năm dẫn đầu', line: 44 },
      { name: 'resolution 17 keeps its date', rule: citationConflictingDate, from: '17-NQ/TU ngày 30/10/2023', to: '17-NQ/TU ngày 31/10/2023', line: 195 },
      { name: 'a party number stays well-formed', rule: citationMalformedNumber, from: '57-NQ/TW', to: '57-NQTW', line: 49 },
    ];
    for (const c of cases) {
      test(c.name, { skip: !exists }, () => {
        assert.deepEqual(run(corpus, [c.rule]).map((s) => s.line), [], 'silent on the draft as written');
        assert.deepEqual(
          run(mutate(c.from, c.to), [c.rule]).map((s) => s.line),
          [c.line],
          'speaks once the figure is changed',
        );
      });
    }
    test('the share of the total holds with the right percentage', { skip: !exists }, () => {
      assert.deepEqual(run(mutate('chiếm 45,9%', 'chiếm 48,6%'), [arithmeticShareOfTotal]), []);
    });
  });

  test('a registry with the draft’s documents: unknown numbers and wrong dates', { skip: !exists }, () => {
    const documents = [
      { number: '17-NQ/TU', date: '30/10/2023', title: 'Văn hóa và con người' },
      { number: '57-NQ/TW', date: '22/12/2024' },
      { number: '66-NQ/TW', date: '29/4/2025' },
    ];
    const seen = run(corpus, [citationUnknownDocument], { documents });
    const byLine = seen.map((s) => `${s.line} ${s.finding.severity} ${s.text}`);
    // 15 citations: 3 known (17-NQ/TU twice), 11 unknown, one date that differs from the registry
    assert.equal(seen.filter((s) => s.finding.severity === 'info').length, 11);
    assert.ok(byLine.includes('155 warning 30/4/2025'), byLine.join('\n'));
  });
});
