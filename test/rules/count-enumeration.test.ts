import rule from '../../server/src/core/rules/count-enumeration';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    // ordinal markers that match the count
    'Tập trung 3 nhiệm vụ đột phá: Một là, đào tạo nhân lực. Hai là, hoàn thiện hạ tầng. Ba là, cải cách thủ tục.',
    'Hai giải pháp chính: Thứ nhất, tăng thu. Thứ hai, giảm chi.',
    // a parenthesis with the same count; the last item may hold a comma
    'Bảo đảm “4 rõ” (rõ việc, rõ người, rõ thời hạn, rõ kết quả) trong chỉ đạo.',
    // quoted items, one quote missing
    'Theo 3 phương châm “nhìn xa”, nghĩ sâu”, “làm chắc”.',
    // a prose list whose last item holds a comma
    'Còn 02/15 chỉ tiêu chưa đạt là tỷ lệ hộ có nước sạch và tỷ lệ lao động có bằng cấp, chứng chỉ.',
    'Có 3 chỉ tiêu chưa đạt là thu ngân sách, vốn đầu tư và tỷ lệ lao động có bằng cấp, chứng chỉ.',
    // years: ranges counted year by year
    'Dẫn đầu 06 năm (2016 - 2019 và 2022 - 2023); 3 năm liên tiếp (2021, 2022, 2023); 5 năm liền (2019 - 2023).',
    // semicolon clauses
    'Thực hiện hai nhiệm vụ: vừa phát triển kinh tế; vừa bảo đảm quốc phòng.',
    // not lists: a parenthesis with one item, an open list, an explanation, no list at all
    'Thuộc nhóm 10 tỉnh thu hút đầu tư (năm 2024).',
    'Hợp tác với 5 đối tác (Nhật Bản, Hàn Quốc, Séc…).',
    'Có 4 dự án lớn (trong đó 2 dự án FDI, 1 dự án đầu tư công).',
    'Thực hiện ba đột phá chiến lược có trọng tâm, trọng điểm.',
    'Mục tiêu “3 tăng”, “3 giảm”, “3 không” được quán triệt.',
    // a prose list longer than the count may hold a comma inside an item: not reported
    'Còn 2 chỉ tiêu chưa đạt là vốn đầu tư, tỷ lệ che phủ rừng và tỷ lệ lao động.',
    // a predicate, not a list
    'Hai huyện đầu tiên đạt chuẩn là Đầm Hà và Tiên Yên.',
    // commas and semicolons both separate: unclear
    'Thực hiện 3 nhiệm vụ: đào tạo, thu hút nhân lực; cải cách thủ tục hành chính.',
    'Gồm 4 nhóm (nông nghiệp, lâm nghiệp; thủy sản).',
    // a longer list after a colon, items with different first words
    'Làm tốt 2 việc: phát triển kinh tế, văn hóa, xã hội và bảo đảm quốc phòng, an ninh.',
  ],
  invalid: [
    {
      name: 'counts written in words and in digits, reported in document order',
      text: 'Có bốn nhiệm vụ: tăng thu, giảm chi và tiết kiệm. Có 5 khâu: đất, vốn, người và thủ tục. Sáu giải pháp: nhanh, gọn và chắc.',
      errors: [
        { column: 4, message: 'lists 3 items' },
        { column: 54, message: 'lists 4 items' },
        { column: 90, message: 'lists 3 items' },
      ],
    },
    {
      name: 'ordinal markers fewer than the count',
      text: 'Tập trung 3 nhiệm vụ đột phá: Một là, đào tạo nhân lực. Hai là, hoàn thiện hạ tầng.',
      errors: [{ line: 1, column: 11, endColumn: 29, message: 'lists 2 items' }],
    },
    {
      name: 'ordinal markers more than the count, across lines',
      text: 'Tập trung 2 khâu đột phá:\nMột là, đào tạo nhân lực.\nHai là, hoàn thiện hạ tầng.\nBa là, cải cách thủ tục.\n1. Mục tiêu khác',
      errors: [{ line: 1, column: 11, message: 'lists 3 items' }],
    },
    {
      name: 'a quoted count with a parenthesis of four items',
      text: 'Bảo đảm “5 rõ” (rõ việc, rõ người, rõ thời hạn, rõ kết quả) trong chỉ đạo.',
      errors: [{ column: 10, message: 'lists 4 items' }],
    },
    {
      name: 'a strict parenthesis longer than the count',
      text: 'Bảo đảm “3 rõ” (rõ việc, rõ người, rõ thời hạn, rõ kết quả) trong chỉ đạo.',
      errors: [{ message: 'lists 4 items' }],
    },
    {
      name: 'quoted items',
      text: 'Theo 4 phương châm “nhìn xa”, “nghĩ sâu”, “làm chắc”.',
      errors: [{ column: 6, endColumn: 19, message: 'States “4 phương châm” but lists 3 items' }],
    },
    {
      name: 'a prose list shorter than the count',
      text: 'Còn 04/19 chỉ tiêu chưa đạt là thu ngân sách, vốn đầu tư và tỷ lệ lao động có bằng cấp, chứng chỉ.',
      errors: [{ column: 5, message: 'lists 3 items' }],
    },
    {
      name: 'years that do not add up',
      text: 'Dẫn đầu chỉ số PCI 06 năm (2017 - 2020 và 2023).',
      errors: [{ message: 'add up to 5' }],
    },
    {
      name: 'semicolon clauses fewer than the count',
      text: 'Thực hiện ba nhiệm vụ: vừa phát triển kinh tế; vừa bảo đảm quốc phòng.',
      errors: [{ column: 11, message: 'lists 2 items' }],
    },
    {
      name: 'a parenthesis shorter than the count',
      text: 'Triển khai 4 chương trình (giảm nghèo, nông thôn mới và vùng đồng bào dân tộc).',
      errors: [{ message: 'lists 3 items' }],
    },
  ],
});
