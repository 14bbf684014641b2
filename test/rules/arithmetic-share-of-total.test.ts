import rule from '../../server/src/core/rules/arithmetic-share-of-total';
import { ruleTester } from '../helpers/rule-tester';
import { IndicatorSet } from '../../server/src/core/data/indicators';
import { parseIndicatorFile } from '../../server/src/core/data/parse';

function data(value: string): IndicatorSet {
  const csv = `id,name,aliases,unit,period,kind,value,bound,source\nfdi_total,Tổng vốn thu hút,,tỷ USD,2021-2025,estimate,${value},,Sở KH&ĐT\n`;
  return IndicatorSet.from(parseIndicatorFile(csv, 'indicators.csv').indicators);
}

ruleTester(rule, {
  valid: [
    'Tổng vốn thu hút giai đoạn 2021 - 2025 đạt 10 tỷ USD. Khu kinh tế A thu hút 4,5 tỷ USD, chiếm 45% tổng vốn thu hút toàn tỉnh.',
    // 4,75 / 10,35 = 45,9%
    'Tổng vốn đầu tư FDI cả giai đoạn ước đạt 10,35 tỷ USD. Khu A phát triển; tổng vốn đầu tư FDI vào khu A đạt 4,75 tỷ USD, chiếm 45,9% tổng vốn đầu tư của tỉnh.',
    // another whole: silent
    'Sản lượng điện đạt 176 tỷ kWh, chiếm 12% tổng sản lượng điện của cả nước. Tổng sản lượng điện đạt 1.000 tỷ kWh.',
    // the whole is not stated
    'Khu A thu hút 4,5 tỷ USD, chiếm 45% tổng vốn thu hút toàn tỉnh.',
    // two totals that disagree: which one is meant is unclear
    'Tổng vốn thu hút năm 2024 đạt 3 tỷ USD. Tổng vốn thu hút năm 2025 đạt 4 tỷ USD. Khu A đạt 1 tỷ USD, chiếm 50% tổng vốn thu hút.',
    // a rate is not a part
    'Tỷ lệ nợ xấu chiếm 1,5% tổng dư nợ. Tổng dư nợ đạt 200 nghìn tỷ đồng.',
    // the total from the data
    { text: 'Khu A đạt 4,5 tỷ USD, chiếm 45% tổng vốn thu hút.', options: { data: data('10') } },
  ],
  invalid: [
    {
      // 4,75 / 9,77 = 48,6%
      text: 'Tổng vốn đầu tư FDI cả giai đoạn ước đạt 9,77 tỷ USD. Khu A phát triển; tổng vốn đầu tư FDI vào khu A đạt 4,75 tỷ USD, chiếm 45,9% tổng vốn đầu tư của tỉnh.',
      errors: [{ line: 1, column: 107, message: '4,75 tỷ USD / 9,77 tỷ USD (line 1) = 48,6%, not 45,9%' }],
    },
    {
      text: 'Tổng vốn thu hút giai đoạn 2021 - 2025 đạt 10 tỷ USD.\nKhu kinh tế A thu hút 4,5 tỷ USD, chiếm 40% tổng vốn thu hút toàn tỉnh.',
      errors: [{ line: 2, message: '= 45,0%, not 40%' }],
    },
    {
      name: 'the total from the data',
      text: 'Khu A đạt 4,5 tỷ USD, chiếm 40% tổng vốn thu hút.',
      options: { data: data('10') },
      errors: [{ message: '(Sở KH&ĐT) = 45,0%' }],
    },
  ],
});
