import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSuppressions } from '../../server/src/core/suppress';

describe('inline suppressions', () => {
  test('disable-next-line with a reason applies to the next line only', () => {
    const t = 'a\n<!-- draftlint-disable-next-line format/artifact -- để lại có chủ ý -->\nb [bookmark: x]\nc';
    const s = parseSuppressions(t);
    const b = t.indexOf('[bookmark');
    assert.equal(s.isSuppressed('format/artifact', b), true);
    assert.equal(s.isSuppressed('format/quotes', b), false);
    assert.equal(s.isSuppressed('format/artifact', t.indexOf('c', b)), false);
  });
  test('disable … enable spans, family wildcard and all rules', () => {
    const t = 'x <!-- draftlint-disable figures/* --> y <!-- draftlint-enable --> z <!-- draftlint-disable --> w';
    const s = parseSuppressions(t);
    assert.equal(s.isSuppressed('figures/inconsistent', t.indexOf('y')), true);
    assert.equal(s.isSuppressed('structure/numbering', t.indexOf('y')), false);
    assert.equal(s.isSuppressed('figures/inconsistent', t.indexOf('z')), false);
    assert.equal(s.isSuppressed('structure/numbering', t.indexOf('w')), true);
  });
  test('several rules separated by commas', () => {
    const t = '<!-- draftlint-disable-next-line format/quotes, format/artifact -->\nq';
    const s = parseSuppressions(t);
    assert.equal(s.isSuppressed('format/quotes', t.length - 1), true);
    assert.equal(s.isSuppressed('format/artifact', t.length - 1), true);
  });
  test('an unterminated comment is ignored', () => {
    assert.equal(parseSuppressions('<!-- draftlint-disable').spans.length, 0);
  });
});
