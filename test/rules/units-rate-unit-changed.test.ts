import rule from '../../server/src/core/rules/units-rate-unit-changed';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'Tốc độ tăng trưởng kinh tế giai đoạn 2021 - 2025 đạt 10,4%/năm. Tốc độ tăng trưởng kinh tế giai đoạn 2021 - 2025 ước 10,4%/năm.',
    // another value in "%": perhaps the cumulative growth (figures/inconsistent speaks if it is wrong)
    'Tốc độ tăng trưởng kinh tế giai đoạn 2021 - 2025 đạt 10,4%/năm. Tốc độ tăng trưởng kinh tế giai đoạn 2021 - 2025 đạt 52%.',
    // other periods
    'Tốc độ tăng trưởng kinh tế giai đoạn 2021 - 2025 đạt 10,4%/năm. Tốc độ tăng trưởng kinh tế năm 2024 đạt 10,4%.',
  ],
  invalid: [
    {
      text: 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 10,4%/năm.\nTrong giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 10,4%.',
      errors: [
        {
          line: 2,
          column: 61,
          message: '“10,4%/năm” on line 1',
          fix: 'Giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 10,4%/năm.\nTrong giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 10,4%/năm.',
        },
      ],
    },
  ],
});
