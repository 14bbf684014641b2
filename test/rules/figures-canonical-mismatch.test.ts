import { ruleTester } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/figures-canonical-mismatch';
import { IndicatorSet, parseIndicatorFile } from '../../server/src/core/index';

const CSV = `id,name,aliases,unit,period,kind,value,bound,source
grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,Báo cáo mẫu
grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2026-2030,target,12,,Chỉ tiêu (4)
grdp_per_capita,GRDP bình quân đầu người,,USD,2025,estimate,11000,above,Báo cáo mẫu
total_investment,Tổng vốn đầu tư toàn xã hội,vốn đầu tư toàn xã hội,tỷ đồng,2021-2025,estimate,490000,above,Báo cáo mẫu
productivity_growth,Tốc độ tăng năng suất lao động,tăng năng suất lao động,%/năm,2026-2030,target,8..8.5,,Chỉ tiêu (12)
credit_growth,Tăng trưởng tín dụng,,%/năm,2021-2025,actual,10.7,,Ngân hàng
bad_debt,Tỷ lệ nợ xấu,,%,2021-2025,target,3,below,Mục tiêu cũ
`;
const data = IndicatorSet.from(parseIndicatorFile(CSV, 'mem://indicators.csv').indicators);
const o = { data };

ruleTester(rule, {
  valid: [
    { text: 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt 10,4%/năm.', options: o },
    { text: 'GRDP bình quân đầu người năm 2025 ước đạt trên 11.000 USD.', options: o },
    { name: 'scaled units: 490 nghìn tỷ đồng = 490000 tỷ đồng', text: 'Giai đoạn 2021 - 2025, tổng vốn đầu tư toàn xã hội ước đạt trên 490 nghìn tỷ đồng.', options: o },
    { name: 'a range equal to the canonical range', text: 'Giai đoạn 2026 - 2030, tốc độ tăng năng suất lao động đạt 8-8,5%/năm.', options: o },
    { name: 'credit growth is not GRDP growth', text: 'Năm 2021 - 2025, tăng trưởng tín dụng đạt 10,7%/năm, cao hơn tốc độ chung.', options: o },
    { name: 'a multiplier is not a per-capita value', text: 'Năm 2025 GRDP bình quân đầu người ước đạt trên 11.000 USD, gấp 2,24 lần cả nước.', options: o },
    { name: 'no period, no template, several values: unsure, so silent', text: 'Tốc độ tăng trưởng kinh tế đạt 9%/năm.', options: o },
    { name: 'a year that has no row: silent', text: 'Năm 2023, tốc độ tăng trưởng kinh tế đạt 9%/năm.', options: o },
    { name: 'an estimated result is never compared with a target row', text: 'Năm 2021 - 2025, tỷ lệ nợ xấu ước chiếm 1,5% tổng dư nợ.', options: o },
    { name: 'a figure in a parenthesis opened after the subject is not the subject’s', text: 'Giai đoạn 2021 - 2025 tốc độ tăng trưởng kinh tế ước đạt 10,4%/năm (cả nước đạt 6%/năm).', options: o },
    { name: 'an indicator in object position', text: 'Năm 2025, đóng góp của TFP vào tăng trưởng kinh tế giai đoạn 2021 - 2025 đạt 50%.', options: o },
    { name: 'a part of the province total ("chiếm … toàn tỉnh")', text: 'Giai đoạn 2021 - 2025, tổng vốn đầu tư toàn xã hội đạt 100 nghìn tỷ đồng, chiếm 20% tổng vốn toàn tỉnh.', options: o },
    { name: 'no data: nothing to compare', text: 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt 9%/năm.' },
    { name: 'suppressed with a reason', text: '<!-- draftlint-disable-next-line figures/canonical-mismatch -- số sơ bộ -->\nGiai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt 9%/năm.', options: o },
  ],
  invalid: [
    {
      name: 'a different value is an error, fixed in the draft’s style',
      text: 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt 10,5%/năm.',
      options: o,
      errors: [{ line: 1, column: 59, severity: 'error', message: '10,4%/năm', fix: 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt 10,4%/năm.' }],
    },
    {
      name: 'rounding the canonical value is a warning and names the source',
      text: 'Trong 5 năm 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt khoảng 10%/năm.',
      options: o,
      errors: [{ severity: 'warning', message: 'Báo cáo mẫu' }],
    },
    {
      name: 'a bound dropped (trên 11.000 → 11.000) is a warning',
      text: 'GRDP bình quân đầu người năm 2025 đạt 11.000 USD.',
      options: o,
      errors: [{ severity: 'warning', message: 'trên 11.000 USD', fix: 'GRDP bình quân đầu người năm 2025 đạt trên 11.000 USD.' }],
    },
    {
      name: 'scaled units compared after scaling; the fix keeps the draft’s unit',
      text: 'Tổng vốn đầu tư toàn xã hội giai đoạn 2021 - 2025 đạt trên 590 nghìn tỷ đồng.',
      options: o,
      errors: [{ severity: 'error', fix: 'Tổng vốn đầu tư toàn xã hội giai đoạn 2021 - 2025 đạt trên 490 nghìn tỷ đồng.' }],
    },
    {
      name: 'the province total as a share of the nation ("chiếm … cả nước") is still the total',
      text: 'Giai đoạn 2021 - 2025, tổng vốn đầu tư toàn xã hội đạt 100 nghìn tỷ đồng, chiếm 2% cả nước.',
      options: o,
      errors: [{ severity: 'error', message: '490.000 tỷ đồng' }],
    },
    {
      name: 'a target outside the canonical range',
      text: 'Giai đoạn 2026 - 2030, tốc độ tăng năng suất lao động đạt 9%/năm.',
      options: o,
      errors: [{ severity: 'error', message: '8-8,5%/năm' }],
    },
    {
      name: 'decomposed diacritics and CRLF: the range is on the original text',
      text: 'Dòng mở đầu.\r\n' + 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt 11,4%/năm.'.normalize('NFD'),
      options: o,
      errors: [{ line: 2, column: 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế ước đạt '.normalize('NFD').length + 1, severity: 'error' }],
    },
  ],
});
