import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/rule-tester';
import rule, { crossDocumentInconsistencies, summarizeCitations } from '../../server/src/core/rules/figures-inconsistent';
import { lint, IndicatorSet, parseIndicatorFile } from '../../server/src/core/index';

const A = 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt 10,4%/năm.';

ruleTester(rule, {
  valid: [
    A + '\nNhìn lại giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 10,4%/năm.',
    { name: 'different periods are different figures', text: A + '\nGiai đoạn 2026 - 2030, tốc độ tăng trưởng kinh tế đạt 12%/năm.' },
    { name: 'different indicators', text: A + '\nGiai đoạn 2021 - 2025, tăng trưởng tín dụng đạt 10,7%/năm.' },
    {
      // the bare "tốc độ tăng trưởng" is the economy's only when nothing narrows it (vocabulary GENERIC_ALIASES)
      name: 'a sector\'s growth is not the economy\'s',
      text: 'Năm 2024, tốc độ tăng trưởng đạt 8,1%.\nTrong năm 2024, tốc độ tăng trưởng ngành công nghiệp đạt 12,5%.',
    },
    { name: 'the same figure with a looser bound', text: 'GRDP bình quân đầu người năm 2025 đạt trên 11.000 USD.\nGRDP bình quân đầu người năm 2025 đạt 11.000 USD.' },
    { name: 'a sub-scope sentence is not the province', text: 'Giai đoạn 2021 - 2025, tổng vốn thu hút FDI đạt 9,77 tỷ USD.\nKhu kinh tế ven biển thu hút mạnh; tổng vốn thu hút FDI giai đoạn 2021 - 2025 đạt 4,75 tỷ USD.' },
    {
      name: 'with data for that indicator and period, canonical-mismatch speaks instead',
      text: A + '\nGiai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt khoảng 10%/năm.',
      options: {
        data: IndicatorSet.from(
          parseIndicatorFile('id,name,aliases,unit,period,kind,value,bound,source\ng,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,x\n', 'm.csv').indicators,
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'khoảng 10%/năm vs 10,4%/năm, no data needed',
      text: A + '\nĐánh giá chung: giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt khoảng 10%/năm.',
      errors: [{ line: 2, message: '10,4%/năm' }],
    },
    {
      name: 'the bare generic name followed by a word it allows is still the economy\'s',
      text: 'Năm 2024, tốc độ tăng trưởng đạt 8,1%.\nTrong năm 2024, tốc độ tăng trưởng ở mức 12,5%.',
      errors: [{ line: 2, message: '8,1%' }],
    },
    {
      name: 'three citations, the odd one out is reported',
      text: A + '\n' + A + '\nNăm 2021 - 2025 tốc độ tăng trưởng kinh tế đạt 9,4%/năm.',
      errors: [{ line: 3, message: 'dòng 1' }],
    },
  ],
});

describe('figures/inconsistent across documents', () => {
  test('a figure that disagrees with another draft of the folder', () => {
    const a = lint(A, { uri: 'file:///ws/bao-cao.md' });
    const bText = 'Mở đầu.\nGiai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 9,8%/năm.';
    const b = lint(bText, { uri: 'file:///ws/nghi-quyet.md' });
    const mine = summarizeCitations(b, 'file:///ws/nghi-quyet.md');
    const others = summarizeCitations(a, 'file:///ws/bao-cao.md');
    const found = crossDocumentInconsistencies(mine, [...others, ...mine]);
    assert.equal(found.length, 1);
    assert.equal(bText.slice(found[0].start, found[0].end), '9,8%/năm');
    assert.equal(found[0].related?.[0].uri, 'file:///ws/bao-cao.md');
    const at = A.indexOf('10,4%/năm');
    assert.deepEqual(found[0].related?.[0].range, { line: 0, character: at, endLine: 0, endCharacter: at + '10,4%/năm'.length });
    assert.match(found[0].message.vi, /bao-cao\.md/);
    // and nothing when they agree
    const same = summarizeCitations(lint(A, {}), 'file:///ws/x.md');
    assert.equal(crossDocumentInconsistencies(same, others).length, 0);
  });
});
