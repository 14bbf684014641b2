/**
 * extractPeriods finds its candidates with native searches that start with a fixed-width pattern or a literal
 * (four digits; "5 năm"; "ả " and "Ả " for "cả giai đoạn"). Its contract, checked here against the scan it
 * replaced: one search for whole runs of four digits or "5"/"05" (a lookbehind first), each run read with
 * yearMention or termYears, and one case-insensitive search for the whole-term phrase.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractPeriods, termYears, yearAt, yearMention } from '../../server/src/core/periods';
import { isLetterCode, isSpaceCode } from '../../server/src/core/units';
import type { PeriodMention } from '../../server/src/core/types';

function digitRunEnd(s: string, i: number): number {
  let j = i;
  while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
  return j;
}

function oracle(s: string): PeriodMention[] {
  const out: PeriodMention[] = [];
  const runs = /(?<![0-9])(?:[0-9]{4}|0?5)(?![0-9])/g;
  for (let m = runs.exec(s); m !== null; m = runs.exec(s)) {
    const i = m.index;
    const b = i + m[0].length;
    const y = yearAt(s, i, b);
    if (y) {
      const hit = yearMention(s, i, b, y);
      if (hit) {
        out.push(hit.mention);
        runs.lastIndex = hit.end;
      }
    } else {
      const t = termYears(s, i, b);
      if (t) out.push(t);
    }
  }
  const re = /cả (?:giai đoạn|nhiệm kỳ)/giu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const a = m.index;
    const b = a + m[0].length;
    if (a > 0 && isLetterCode(s.charCodeAt(a - 1))) continue;
    if (b < s.length && isLetterCode(s.charCodeAt(b))) continue;
    if (isSpaceCode(s.charCodeAt(b))) {
      const e = digitRunEnd(s, b + 1);
      if (yearAt(s, b + 1, e)) continue;
    }
    out.push({ start: a, end: b, period: null, relative: 'term', text: m[0] });
  }
  out.sort((x, y2) => x.start - y2.start || x.end - y2.end);
  return out;
}

describe('extractPeriods scan', () => {
  test('table', () => {
    const cases = [
      'giai đoạn 2021 - 2025, năm 2025, đến năm 2030, 5 năm, 05 năm tới, cả giai đoạn, Cả nhiệm kỳ 2020-2025',
      '15 năm, 005 năm, 105 năm, 5 Năm, 5 NĂM, 5\u00a0năm, 5\tnăm 2021 - 2025, x5 năm, 1.5 năm, 12025, 20251, 202512',
      'từ năm 2020 đến năm 2025; CẢ GIAI ĐOẠN; cẢ giai đoạn; cả Giai Đoạn 2021-2025; xcả giai đoạn; cả nhiệm Kỳ',
      '5 năm', '05 năm', 'cả giai đoạn', 'ả ', 'Ả ', '2025', '1900 2100 2101 1899',
    ];
    for (const text of cases) assert.deepEqual(extractPeriods(text), oracle(text), text);
    assert.equal(extractPeriods(cases[0]).length, 6);
  });

  test('matches the oracle on generated text', () => {
    const piece = fc.constantFrom(
      '0', '5', '05', '1', '2', '12', '2020', '2021', '2025', '2030', '1899', '2100', '123', '12345', ' ', '\u00a0', '\t',
      '\u202f', '\n', '.', ',', '-', '–', '/', ':', '(', ')', 'x', 'A', 'năm', 'Năm', 'NĂM', 'nămx', 'học', 'đến', 'hết',
      'từ', 'giai đoạn', 'Giai Đoạn', 'nhiệm kỳ', 'thời kỳ', 'cả', 'Cả', 'CẢ', 'cả giai đoạn', 'cả nhiệm kỳ', 'CẢ GIAI ĐOẠN',
      'quả ', 'ả', 'Ả', 'tới', 'liên', 'trước', 'số', 'ha', '%', 'lần',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        assert.deepEqual(extractPeriods(text), oracle(text));
      }),
      { numRuns: 3000 },
    );
  });
});
