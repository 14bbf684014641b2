import rule from '../../server/src/core/rules/units-percentage-points';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'Tổng mức bán lẻ hàng hóa tăng 13,1%.',
    'Sản lượng than đạt 219 triệu tấn, tăng 12,7% so với giai đoạn trước.',
    'Tỷ lệ hộ nghèo giảm bình quân 1,2%/năm.',
    'Tỷ lệ đô thị hóa tăng lên 75%.',
    'Tỷ lệ che phủ rừng đạt 45%, doanh thu tăng 10%.',
    'Tỷ lệ trường đạt chuẩn đạt 91%, tăng 3 điểm phần trăm.',
    'Tỷ trọng vốn nhà nước giảm từ 32,8% xuống còn 21,2%.',
  ],
  invalid: [
    {
      text: 'Tỷ lệ trường học kiên cố hóa đạt 92,4%, tăng 4,1% so với năm 2020.',
      errors: [{ line: 1, column: 46, endColumn: 50, message: '4,1 điểm phần trăm', fix: 'Tỷ lệ trường học kiên cố hóa đạt 92,4%, tăng 4,1 điểm phần trăm so với năm 2020.' }],
    },
    {
      text: 'Tỷ lệ hộ nghèo giảm 1,2% so với năm trước.',
      errors: [{ column: 21, fix: 'Tỷ lệ hộ nghèo giảm 1,2 điểm phần trăm so với năm trước.' }],
    },
    {
      text: 'Tỷ trọng công nghiệp trong GRDP tăng thêm khoảng 2%.',
      errors: [{ fix: 'Tỷ trọng công nghiệp trong GRDP tăng thêm khoảng 2 điểm phần trăm.' }],
    },
  ],
});
