import { ruleTester } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/format-quotes';

ruleTester(rule, {
  valid: [
    'Phương châm “bốn không” được nêu.\n',
    'Câu “lồng “trong” nhau” vẫn cân.\n',
    'Dòng bị ngắt “giữa\nchừng” vẫn ổn.\n',
    '«Tên» và «khác».\n',
    '```\nmã “không đóng\n```\n',
    'Dấu "thẳng" không xét.\n',
  ],
  invalid: [
    {
      text: 'Các chữ “một”, hai”, “ba”.\n',
      errors: [{ line: 1, column: 19, message: 'đóng', fix: 'Các chữ “một”, “hai”, “ba”.\n' }],
    },
    { text: 'Mở “không đóng.\nDòng sau.\n', errors: [{ line: 1, column: 4, message: 'no closing' }] },
    { text: 'Đóng thừa” ở đây.\n', errors: [{ column: 10 }] },
    {
      name: 'two closing quotes without partners in a quoted list',
      text: 'Tiêu chí “xanh”, sạch”, đẹp”, “an toàn”.\n',
      errors: [
        { column: 22, fix: 'Tiêu chí “xanh”, “sạch”, đẹp”, “an toàn”.\n' },
        { column: 28, fix: 'Tiêu chí “xanh”, sạch”, “đẹp”, “an toàn”.\n' },
      ],
    },
    { name: 'an open quote does not run into the next paragraph', text: 'Một “câu.\nHai” câu.\n', errors: [{ line: 1 }, { line: 2 }] },
    { text: '«Tên chưa đóng.\n', errors: [{ column: 1, message: '»' }] },
  ],
});
