import rule from '../../server/src/core/rules/terms-variant';
import { ruleTester } from '../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    // one spelling throughout
    'Giữ vững hòa bình, hữu nghị. Xây dựng biên giới hòa bình.',
    // a capital at a sentence start is not a variant
    'Hòa bình là xu thế lớn. Giữ vững môi trường hòa bình.',
    // "sĩ" in two different terms is not one term written two ways
    'Tuyên dương các chiến sỹ biên phòng; chăm lo thân nhân liệt sĩ.',
    // i/y in different terms
    'Tỷ lệ hộ nghèo giảm; nâng cao chất lượng kỹ thuật; bảo đảm tỉnh lộ thông suốt.',
    // quoted phrases: the first letter may change with the sentence
    'Phát huy “Kỷ luật và Đồng tâm”. Tinh thần “kỷ luật và Đồng tâm” được lan tỏa.',
    // different phrases
    'Thực hiện “3 trước”, “4 tại chỗ”; phương châm “3 trước, 4 tại chỗ”.',
    // glossary whose variant does not occur
    { text: 'Tỷ lệ đô thị hóa đạt 75%.', options: { options: { terms: { 'tỉ lệ': 'tỷ lệ' } } } },
  ],
  invalid: [
    {
      name: 'tone placement: the minority form is reported',
      text: 'Giữ vững hòa bình. Xây dựng quan hệ hòa hợp. Môi trường hoà bình.',
      errors: [{ line: 1, column: 57, endColumn: 60, message: '“hoà” được viết là “hòa” ở chỗ khác (2 lần)', fix: 'Giữ vững hòa bình. Xây dựng quan hệ hòa hợp. Môi trường hòa bình.' }],
    },
    {
      name: 'tone placement: capital kept in the fix',
      text: 'Phát triển thủy sản, thủy lợi.\nThuỷ sản tăng trưởng khá.',
      errors: [{ line: 2, column: 1, fix: 'Phát triển thủy sản, thủy lợi.\nThủy sản tăng trưởng khá.' }],
    },
    {
      name: 'several minority occurrences, each reported',
      text: 'Chăm sóc sức khỏe, khám sức khỏe, bảo vệ sức khỏe; sức khoẻ ban đầu và sức khoẻ sinh sản.',
      errors: [{ column: 56 }, { column: 76 }],
    },
    {
      name: 'i/y within one term',
      text: 'Tỷ lệ hộ nghèo giảm, tỷ lệ che phủ rừng tăng, tỉ lệ đô thị hóa đạt 75%.',
      errors: [{ column: 47, message: '“tỷ”', fix: 'Tỷ lệ hộ nghèo giảm, tỷ lệ che phủ rừng tăng, tỷ lệ đô thị hóa đạt 75%.' }],
    },
    {
      name: 'capitalisation of a quoted fixed phrase',
      text: 'Phát huy truyền thống “Kỷ luật và Đồng tâm”. Giữ gìn “Kỷ luật và Đồng tâm”. Khơi dậy “Kỷ luật và đồng tâm”.',
      errors: [{ column: 87, message: 'capitalised differently', fix: 'Phát huy truyền thống “Kỷ luật và Đồng tâm”. Giữ gìn “Kỷ luật và Đồng tâm”. Khơi dậy “Kỷ luật và Đồng tâm”.' }],
    },
    {
      name: 'the glossary names the preferred form even when it is the minority',
      text: 'Xã hội hoá giáo dục, xã hội hoá y tế, xã hội hóa văn hóa.',
      options: { options: { terms: { 'hoá': 'hóa' } } },
      errors: [{ column: 8, message: 'glossary' }, { column: 29, message: 'glossary' }],
    },
    {
      name: 'glossary: a configured variant is reported even when it is the only form',
      text: 'Bảo đảm an ninh; đảm bảo trật tự. Đảm bảo an toàn.',
      options: { options: { terms: { 'đảm bảo': 'bảo đảm' } } },
      errors: [
        { column: 18, fix: 'Bảo đảm an ninh; bảo đảm trật tự. Đảm bảo an toàn.' },
        { column: 35, fix: 'Bảo đảm an ninh; đảm bảo trật tự. Bảo đảm an toàn.' },
      ],
    },
    {
      name: 'glossary: a case-only entry matches case-sensitively',
      text: 'Truyền thống “Kỷ luật và đồng tâm” của vùng mỏ.',
      options: { options: { terms: { 'Kỷ luật và đồng tâm': 'Kỷ luật và Đồng tâm' } } },
      errors: [{ column: 15, fix: 'Truyền thống “Kỷ luật và Đồng tâm” của vùng mỏ.' }],
    },
  ],
});
