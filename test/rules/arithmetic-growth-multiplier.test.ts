import rule from '../../server/src/core/rules/arithmetic-growth-multiplier';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    // 1,1^5 = 1,61
    'Thu nhập bình quân năm 2025 đạt 90 triệu đồng/người, gấp 1,61 lần năm 2020, tăng 10%/năm.',
    // 1,134^5 = 1,873
    'Giá trị sản xuất năm 2025 đạt 200 tỷ đồng, gấp 1,87 lần so với năm 2020, tăng bình quân 13,4%/năm.',
    // the rate before the multiplier; 1,07^5 = 1,40
    'Giai đoạn 2021 - 2025 tăng 7%/năm, năm 2025 gấp 1,4 lần năm 2020.',
    // a base period compares sums of years: not checked
    'Tổng thu giai đoạn 2021 - 2025 đạt 274.000 tỷ đồng, gấp 1,9 lần giai đoạn 2016 - 2020, tăng 3,1%/năm.',
    // no end year
    'Doanh thu gấp 1,9 lần năm 2020, tăng 3,1%/năm.',
    // a parenthesis between them
    'Năm 2025 đạt 450 nghìn tấn (gấp 1,9 lần năm 2020), tăng 3,1%/năm.',
    // two rates in the clause: which one is meant is unclear
    'Năm 2025 đạt 90 triệu đồng, gấp 1,9 lần năm 2020, tăng 3,1%/năm, xuất khẩu tăng 5%/năm.',
  ],
  invalid: [
    {
      text: 'Thu nhập bình quân năm 2025 đạt 90 triệu đồng/người, gấp 1,87 lần năm 2020, tăng 10%/năm.',
      errors: [{ line: 1, column: 58, endColumn: 66, message: 'gives ×1,61, not 1,87 lần; 1,87 lần means 13,3%/năm' }],
    },
    {
      // 1,104^5 = 1,64
      text: 'Năm 2025 quy mô đạt 395 nghìn tỷ đồng, gấp 1,7 lần năm 2020, tăng 10,4%/năm.',
      errors: [{ message: '5 năm (2020–2025)' }],
    },
    {
      text: 'Đến năm 2030 đạt 30.000 USD, gấp 2,0 lần năm 2025, tăng 12%/năm.',
      errors: [{ message: '×1,76' }],
    },
  ],
});
