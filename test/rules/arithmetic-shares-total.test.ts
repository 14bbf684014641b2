import rule from '../../server/src/core/rules/arithmetic-shares-total';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    // ranges that can reach 100
    'Cơ cấu kinh tế đến năm 2030: công nghiệp 45-46%; dịch vụ 48-50%; nông nghiệp 4-5%.',
    'Cơ cấu lao động năm 2025: công nghiệp 33,4%; dịch vụ 40,1%; nông nghiệp 26,5%.',
    // rounding of whole numbers
    'Cơ cấu vốn: ngân sách 33%, doanh nghiệp 33%, dân cư 33%.',
    // two shares only
    'Cơ cấu vốn: ngân sách 60%; xã hội 30%.',
    // "cơ cấu lại" is not a structure
    'Cơ cấu lại ngành nông nghiệp: trồng trọt 50%; chăn nuôi 40%; thủy sản 5%.',
    // no colon: not a stated structure
    'Cơ cấu kinh tế chuyển dịch, dịch vụ 50%, công nghiệp 40%, nông nghiệp 5%.',
    // approximate shares
    'Cơ cấu vốn: ngân sách khoảng 50%; tư nhân khoảng 40%; FDI khoảng 5%.',
    // bounds can reach 100
    'Cơ cấu kinh tế: dịch vụ trên 50%; công nghiệp 40%; nông nghiệp 5%.',
    // other numbers in the list: not a plain list of shares
    'Cơ cấu lao động: công nghiệp 40% với 300 nghìn người; dịch vụ 40%; nông nghiệp 5%.',
  ],
  invalid: [
    {
      text: 'Cơ cấu kinh tế năm 2030: công nghiệp 50%; dịch vụ 40%; nông nghiệp 5%.',
      errors: [{ line: 1, column: 38, message: 'add up to 95%' }],
    },
    {
      text: 'Cơ cấu đầu tư: nhà nước 35-36%; tư nhân 50-55%; FDI 20-22%.',
      errors: [{ message: 'cộng lại 105-113%' }],
    },
  ],
});
