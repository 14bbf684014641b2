import rule from '../../server/src/core/rules/arithmetic-parts-total';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    // parts add up within the precision written
    'Phấn đấu có 42,5 giường bệnh/1 vạn dân (gồm 40 giường công lập/1 vạn dân và 2,5 giường tư nhân/1 vạn dân).',
    'Tổng vốn 100 tỷ đồng (bao gồm ngân sách 33,4 tỷ đồng và xã hội 66,6 tỷ đồng).',
    // an integer part carries half a unit of rounding
    'Đạt 20,4 bác sĩ/1 vạn dân (gồm 18 bác sĩ/1 vạn dân công lập và 2,2 bác sĩ/1 vạn dân tư nhân).',
    // scales convert
    'Tổng vốn 1,5 nghìn tỷ đồng (gồm ngân sách 900 tỷ đồng và doanh nghiệp 600 tỷ đồng).',
    // ranges
    'Tổng vốn 10-12 tỷ đồng (gồm ngân sách 6 tỷ đồng và xã hội 5 tỷ đồng).',
    // "trong đó" names parts that need not cover the whole
    'Diện tích 1.914 ha, trong đó đất công nghiệp 1.200 ha và đất dịch vụ 300 ha.',
    'Hoàn thành 825 km đường bộ, trong đó có 80,2 km đường cao tốc.',
    // percentages under "trong đó" may overlap: never checked
    'Lao động qua đào tạo đạt 87,5%, trong đó lao động nữ 45% và thanh niên 50%.',
    // an approximate part: nothing to check
    'Tổng vốn 100 tỷ đồng (gồm khoảng 60 tỷ đồng từ ngân sách và 30 tỷ đồng từ xã hội).',
    // parts in another unit, or a count among them
    'Tổng vốn 100 tỷ đồng (gồm 60% từ ngân sách và 40% từ xã hội).',
    // a single part
    'Diện tích 1.914 ha (gồm 1.561 ha đất công nghiệp).',
  ],
  invalid: [
    {
      text: 'Phấn đấu có 42,5 giường bệnh/1 vạn dân (gồm 39 giường công lập/1 vạn dân và 2,5 giường tư nhân/1 vạn dân).',
      errors: [{ line: 1, column: 13, message: 'The parts 39 + 2,5 = 41,5, not the total 42,5' }],
    },
    {
      text: 'Tổng vốn 120 tỷ đồng (bao gồm vốn ngân sách 70 tỷ đồng và vốn xã hội 40 tỷ đồng).',
      errors: [{ column: 10, message: '70 + 40 = 110' }],
    },
    {
      name: 'trong đó: parts larger than the whole',
      text: 'Diện tích 1.914 ha, trong đó đất công nghiệp 1.561 ha và đất dịch vụ 420 ha.',
      errors: [{ column: 11, message: 'more than the total 1.914' }],
    },
  ],
});
