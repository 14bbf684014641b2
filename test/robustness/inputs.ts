/**
 * Adversarial inputs for the core: each a function building the text (about 1 MB where the input is long), so
 * the worker that lints it builds it itself. Shapes that broke or slowed a scanner once are kept here too.
 */

export const MB = 1_000_000;
const QUARTER = 256_000;
const EIGHTH = 128_000;

/** `unit` repeated to exactly n UTF-16 units */
export function repeatTo(unit: string, n = MB): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

function staircase(depth: number, lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    for (let d = 1; d <= depth && out.length < lines; d++) out.push(`${Array(d).fill('1').join('.')}. Mục ${i}`);
  }
  return out.join('\n') + '\n';
}

export const ADVERSARIAL: Record<string, () => string> = {
  // one 1 MB line each
  'a 1 MB line of "1.1.1.…"': () => repeatTo('1.'),
  'a 1 MB line of "((("': () => repeatTo('('),
  'a 1 MB line of "1,1,1,…"': () => repeatTo('1,'),
  'a 1 MB line of "1.000.000.…"': () => '1' + repeatTo('.000', MB - 1),
  'a 1 MB line of "[bookmark: " repeated': () => repeatTo('[bookmark: '),
  'a 1 MB line of "“"': () => repeatTo('“'),
  'a line of "1-1-1-…" and "1/1/1/…"': () => repeatTo('1-1/', QUARTER),
  'a word of combining marks': () => 'a' + repeatTo('\u0301', QUARTER),
  // headings
  '200,000 numbered headings "1.\\n"': () => '1.\n'.repeat(200_000),
  '25,000 headings "1. Tiêu đề" (all duplicates)': () => '1. Tiêu đề\n'.repeat(25_000),
  '"1.1.1.1.1.1.1.1.1.1.1.1. x" lines (12 levels)': () => repeatTo('1.1.1.1.1.1.1.1.1.1.1.1. x\n'),
  'headings nested 1 to 12 deep, repeated': () => staircase(12, 24_000),
  'part headings followed by upper-case lines': () => repeatTo('Phần thứ nhất\nKẾT QUẢ\n', QUARTER),
  // Unicode
  'mixed NFC/NFD lines with CRLF': () =>
    repeatTo('Tăng trưởng kinh tế đạt 10,4%/năm, thuỷ lợi hoà bình.\r\n'.normalize('NFD') + 'GRDP bình quân đầu người trên 11.000 USD\r\n', QUARTER * 2),
  'lone surrogates around figures': () => repeatTo('\ud800a\udc00 1,5% \udbff', QUARTER),
  'NUL bytes and control characters': () => repeatTo('\u0000 12% \u0007\u001b', QUARTER),
  'stray marks after units and words': () => repeatTo('5 tỷ\u0300\u0301 đồng, tăng\u0323 3%\u0302 ', QUARTER),
  // dense content for the matcher and the rules (128 KB: each of these was quadratic once, which shows at this size)
  'a line of indicator names': () => repeatTo('tăng trưởng kinh tế ', EIGHTH),
  'indicator names, figures and years on one line': () => repeatTo('tăng trưởng kinh tế 10,4% năm 2025 ', EIGHTH),
  'changes of a rate on one line': () => repeatTo('GRDP tăng 10%; tỷ trọng 30%, tăng 5%; ', EIGHTH),
  'a rate word glued at the start (once a hang)': () => repeatTo('tỷ lệx giảm 1,2% ', EIGHTH),
  'citations with impossible dates': () => repeatTo('Nghị quyết số 17-NQ/TU ngày 31/02/2023, ', EIGHTH),
  'term variants': () => repeatTo('tỉ lệ tỷ lệ hoà hòa thuỷ thủy khoẻ khỏe ', EIGHTH),
  'suppression comments on one line': () => repeatTo('<!-- draftlint-disable-line --> “', EIGHTH),
  'suppression comments opened and closed': () => repeatTo('<!-- draftlint-disable format/quotes -->“<!-- draftlint-enable terms/variant -->\n', EIGHTH),
  'roman sections each with numbered children': () => repeatTo('I. Kết quả\n1. Tiêu đề\n(1) Mục\na) Ý\n', EIGHTH),
  // degenerate files
  'an empty file': () => '',
  'a file of only whitespace and line breaks': () => repeatTo(' \t\r\n\u00a0\u3000\r\n\n\r', QUARTER),
};
