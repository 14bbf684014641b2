import { ruleTester } from '../helpers/rule-tester';
import rule from '../../server/src/core/rules/format-artifact';

const nfd = 'Tiếp tục'.normalize('NFD') + ' [bookmark: _Hlk5] đã làm\n';

ruleTester(rule, {
  valid: [
    'Văn bản bình thường.\tCó tab.\n',
    '[liên kết](http://example.com) và [ghi chú]\n',
    '```\n[bookmark: _Hlk1]\n```\n',
    'Tập hợp {a, b} và {PAGES của sổ}\n',
    '\ufeffMở đầu có BOM\n',
    'Dòng Windows\r\nDòng sau\r\n',
  ],
  invalid: [
    { text: '[bookmark: _Hlk123]Nội dung\n', errors: [{ line: 1, column: 1, endColumn: 20, message: 'bookmark', fix: 'Nội dung\n' }] },
    { text: '[bookmark: _Hlk1] Nội dung\n', errors: [{ fix: 'Nội dung\n' }] },
    { text: 'Trước [bookmark: _Hlk2] sau\n', errors: [{ column: 7, fix: 'Trước sau\n' }] },
    {
      text: '[bookmark: _Hlk1][bookmark: _Hlk2]Chữ\n',
      errors: [
        { column: 1, fix: '[bookmark: _Hlk2]Chữ\n' },
        { column: 18, fix: '[bookmark: _Hlk1]Chữ\n' },
      ],
    },
    { text: 'Trang {PAGE} của tài liệu\n', errors: [{ message: 'field code', fix: 'Trang của tài liệu\n' }] },
    { text: 'Trang { PAGE \\* MERGEFORMAT } hết\n', errors: [{ column: 7, fix: 'Trang hết\n' }] },
    { text: 'Số \\* MERGEFORMAT trang\n', errors: [{ column: 4, fix: 'Số trang\n' }] },
    { text: 'Dòng một\u000bdòng hai\n', errors: [{ message: 'U+000B', fix: 'Dòng một dòng hai\n' }] },
    { text: 'Có ký tự\u0007\u0007 lạ\n', errors: [{ column: 9, endColumn: 11, fix: 'Có ký tự lạ\n' }] },
    { text: 'Chữ \ufffd hỏng\n', errors: [{ column: 5, message: 'U+FFFD' }] },
    { text: 'Giữa\ufeffchừng\n', errors: [{ column: 5, fix: 'Giữachừng\n' }] },
    { name: 'a decomposed (NFD) line', text: nfd, errors: [{ line: 1, column: nfd.indexOf('[') + 1, fix: 'Tiếp tục'.normalize('NFD') + ' đã làm\n' }] },
  ],
});
