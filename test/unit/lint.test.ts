import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, MAX_FINDINGS_PER_RULE } from '../../server/src/core/lint';
import { IndicatorSet } from '../../server/src/core/data/indicators';
import quotes from '../../server/src/core/rules/format-quotes';
import type { Rule } from '../../server/src/core/rule';

describe('lint()', () => {
  test('a rule is capped per document, with one info finding saying so', () => {
    const text = '”'.repeat(MAX_FINDINGS_PER_RULE + 50);
    const r = lint(text, { ruleSet: [quotes], template: null });
    assert.equal(r.findings.length, MAX_FINDINGS_PER_RULE + 1);
    const info = r.findings.filter((f) => f.severity === 'info');
    assert.equal(info.length, 1);
    assert.match(info[0].message.en, /only the first 5000/);
  });

  test('findings at the same place come in rule id order', () => {
    const at = (id: string): Rule => ({ id, defaultSeverity: 'warning', description: { vi: id, en: id }, check: (_ctx, report) => report({ start: 0, end: 3, message: { vi: id, en: id } }) });
    const ids = ['units/rate-unit-changed', 'format/quotes', 'format-x/a', 'arithmetic/parts-total', 'format/artifact'];
    const r = lint('abc def', { ruleSet: ids.map(at), template: null });
    assert.deepEqual(r.findings.map((f) => f.rule), ['arithmetic/parts-total', 'format-x/a', 'format/artifact', 'format/quotes', 'units/rate-unit-changed']);
    assert.deepEqual([...ids].sort((a, b) => a.localeCompare(b, 'en')), r.findings.map((f) => f.rule), 'the order localeCompare gives');
  });

  test('a rule that throws is reported, the others still run', () => {
    const broken: Rule = { id: 'format/broken', defaultSeverity: 'error', description: { vi: 'x', en: 'x' }, check() { throw new Error('boom'); } };
    const r = lint('Một câu có dấu ” lẻ.', { ruleSet: [broken, quotes], template: null });
    assert.deepEqual(r.findings.map((f) => f.rule).sort(), ['format/broken', 'format/quotes']);
    assert.match(r.findings.find((f) => f.rule === 'format/broken')!.message.en, /boom/);
  });

  test('configured severities win, off disables', () => {
    const r = lint('a ” b', { ruleSet: [quotes], template: null, rules: { 'format/quotes': 'error' } });
    assert.equal(r.findings[0].severity, 'error');
    assert.equal(lint('a ” b', { ruleSet: [quotes], template: null, rules: { 'format/quotes': 'off' } }).findings.length, 0);
  });

  test('above the size limit only cheap rules run, with a note', () => {
    const r = lint('x ” y\n'.repeat(10), { cheapOnlyAbove: 10, template: null });
    assert.ok(r.cheapOnly);
    assert.ok(r.findings.some((f) => f.rule === 'format/large-file'));
    assert.ok(r.findings.some((f) => f.rule === 'format/quotes'));
  });
});

describe('indicator names that are names of Object members', () => {
  test('an alias "constructor" or "toString" is just a name', () => {
    const data = IndicatorSet.from([
      { id: 'c', name: 'constructor', aliases: ['toString', '__proto__'], unit: '%', values: [{ period: { from: 2025, to: 2025 }, kind: 'actual', lo: 5, hi: 5, bound: 'exact', source: 'test' }], uri: 'mem', line: 2 },
    ] as never);
    const r = lint('Năm 2025, constructor đạt 7%; toString đạt 5%; __proto__ đạt 5%.', { data, template: null });
    assert.ok(!r.findings.some((f) => /lỗi nội bộ|failed internally/.test(f.message.en + f.message.vi)));
    assert.ok(r.citations.length >= 1);
  });
});
