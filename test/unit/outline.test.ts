import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextView } from '../../server/src/core/text';
import {
  parseOutline,
  matchMarker,
  titleEnd,
  romanToInt,
  intToRoman,
  formatMarker,
  parseSectionNumber,
  nodeNumber,
  letterOf,
  nextLetters,
} from '../../server/src/core/outline';
import type { OutlineNode } from '../../server/src/core/types';

function outline(text: string) {
  return parseOutline(new TextView(text));
}

function summary(nodes: OutlineNode[]): string[] {
  return nodes.map((n) => `${'  '.repeat(n.depth)}${n.kind}:${n.marker}${n.punct}|${n.title}`);
}

describe('markers', () => {
  test('roman numerals round-trip and reject malformed ones', () => {
    for (let n = 1; n < 40; n++) assert.equal(romanToInt(intToRoman(n)), n);
    assert.equal(romanToInt('IIII'), null);
    assert.equal(romanToInt('VX'), null);
    assert.equal(romanToInt('IC'), null);
  });

  test('each marker kind with its punctuation', () => {
    const cases: [string, string, string, number[], string][] = [
      ['I- MỤC MỘT', 'roman', 'I', [1], '-'],
      ['IV. Mục bốn', 'roman', 'IV', [4], '.'],
      ['II - Mục hai', 'roman', 'II', [2], '-'],
      ['1. Mục', 'decimal', '1', [1], '.'],
      ['2.1.3. Mục', 'decimal', '2.1.3', [2, 1, 3], '.'],
      ['4.1 Mục', 'decimal', '4.1', [4, 1], ''],
      ['(12) Chỉ tiêu', 'paren', '(12)', [12], ''],
      ['đ) Ý năm', 'letter', 'đ', [5], ')'],
      ['Phần thứ hai', 'part', 'Phần thứ hai', [2], ''],
      ['PHẦN THỨ BA: TIÊU ĐỀ', 'part', 'PHẦN THỨ BA', [3], ':'],
      ['Phần II - Tiêu đề', 'part', 'Phần II', [2], '-'],
    ];
    for (const [line, kind, marker, numbers, punct] of cases) {
      const m = matchMarker(line, 0);
      assert.ok(m, line);
      assert.equal(m.kind, kind, line);
      assert.equal(m.marker, marker, line);
      assert.deepEqual(m.numbers, numbers, line);
      assert.equal(m.punct, punct, line);
    }
  });

  test('numbers that merely start a paragraph are not markers', () => {
    for (const line of [
      '2 cấp chính quyền hoạt động',
      '4.1 triệu lượt khách',
      '1.000 doanh nghiệp mới',
      '2.500 Doanh nghiệp',
      '2025. Năm bản lề',
      '10,4% tăng trưởng',
      'V. I. Lê-nin đã viết',
      'I. 2025 là năm',
      'In nghiêng',
      'Phần thứ hai của báo cáo trình bày',
      'Phần lớn các chỉ tiêu',
      '(1)',
      '1.',
      'a)b',
    ]) {
      assert.equal(matchMarker(line, 0), null, line);
    }
  });

  test('parseSectionNumber: the loops equal the regexes they replaced', () => {
    // the earlier implementation of the part, roman and decimal cases, as an oracle
    const reference = (kind: 'part' | 'roman' | 'decimal', number: string): number[] | null => {
      const s = number.trim();
      if (!s) return null;
      if (kind === 'part') {
        if (/^\d{1,2}$/.test(s)) return [Number(s)];
        const r = romanToInt(s.toUpperCase());
        if (r) return [r];
        // the ordinal-word path is unchanged: reach it with a prefix that neither earlier case accepts
        return parseSectionNumber('part', `x ${s.split(/\s+/).pop()}`);
      }
      if (kind === 'roman') {
        const r = romanToInt(s.replace(/[-.–)]$/, '').toUpperCase());
        return r ? [r] : null;
      }
      const t = s.replace(/\.$/, '');
      if (!/^\d{1,3}(\.\d{1,3}){0,5}$/.test(t)) return null;
      return t.split('.').map(Number);
    };
    const pieces = ['1', '0', '9', '10', '100', '1000', '01', '.', '..', ' ', '-', '–', ')', 'I', 'V', 'x', 'X', 'ii', '٣', '１', 'nhất', 'tư'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), fc.constantFrom('part', 'roman', 'decimal'), (ps, kind) => {
        const s = ps.join('');
        assert.deepEqual(parseSectionNumber(kind as 'part' | 'roman' | 'decimal', s), reference(kind as 'part' | 'roman' | 'decimal', s), `${kind} ${JSON.stringify(s)}`);
      }),
      { numRuns: 5000 },
    );
    assert.deepEqual(parseSectionNumber('decimal', '1.2.3.4.5.6'), [1, 2, 3, 4, 5, 6]);
    assert.equal(parseSectionNumber('decimal', '1.2.3.4.5.6.7'), null);
    assert.equal(parseSectionNumber('decimal', '1.1000'), null);
    assert.deepEqual(parseSectionNumber('part', '07'), [7]);
  });

  test('formatMarker, nodeNumber and parseSectionNumber agree', () => {
    assert.equal(formatMarker('roman', [6]), 'VI');
    assert.equal(formatMarker('decimal', [2, 1, 4]), '2.1.4');
    assert.equal(formatMarker('paren', [7]), '(7)');
    assert.equal(formatMarker('letter', [5]), 'đ');
    assert.equal(formatMarker('part', [2]), 'Phần thứ hai');
    assert.equal(formatMarker('part', [1], 'PHẦN THỨ HAI'), 'PHẦN THỨ NHẤT');
    assert.equal(nodeNumber({ kind: 'part', numbers: [2] }), '2');
    assert.deepEqual(parseSectionNumber('part', 'Phần thứ tư'), [4]);
    assert.deepEqual(parseSectionNumber('part', 'II'), [2]);
    assert.deepEqual(parseSectionNumber('roman', 'III.'), [3]);
    assert.deepEqual(parseSectionNumber('decimal', '2.10.'), [2, 10]);
    assert.deepEqual(parseSectionNumber('paren', '(24)'), [24]);
    assert.deepEqual(parseSectionNumber('letter', 'đ)'), [5]);
    assert.equal(parseSectionNumber('roman', 'IIV'), null);
    assert.equal(parseSectionNumber('decimal', 'x.1'), null);
    assert.equal(letterOf(6), 'e');
    assert.deepEqual(nextLetters('d'), ['đ', 'e']);
  });
});

describe('titles', () => {
  test('a heading with its body on the same line ends at the first sentence end', () => {
    const s = '1.1. Công tác cán bộ được chú trọng. Nhiều việc đã làm xong.';
    const m = matchMarker(s, 0)!;
    const t = titleEnd(s, m.titleStart);
    assert.equal(s.slice(m.titleStart, t.end), 'Công tác cán bộ được chú trọng');
    assert.equal(t.inline, true);
  });

  test('a colon followed by a sentence ends the title; a lone final dot is trimmed', () => {
    const s = '4.1 Nguyên nhân khách quan: (1) thiên tai kéo dài';
    const m = matchMarker(s, 0)!;
    assert.equal(s.slice(m.titleStart, titleEnd(s, m.titleStart).end), 'Nguyên nhân khách quan');
    const s2 = '2. Bài học rút ra.';
    const m2 = matchMarker(s2, 0)!;
    const t2 = titleEnd(s2, m2.titleStart);
    assert.equal(s2.slice(m2.titleStart, t2.end), 'Bài học rút ra');
    assert.equal(t2.inline, false);
  });

  test('abbreviations, initials and lower-case continuations do not end the title', () => {
    const s = '3. Phát triển TP. Hạ Long và vùng ven biển';
    const m = matchMarker(s, 0)!;
    assert.equal(titleEnd(s, m.titleStart).inline, false);
    const s2 = '3. Đầu tư các dự án v.v. và nhiều việc khác';
    assert.equal(titleEnd(s2, matchMarker(s2, 0)!.titleStart).inline, false);
  });

  test('titleEnd, which visits only dots and colons, agrees with a scan of every unit', () => {
    // the straightforward scan titleEnd replaced, kept as the definition
    const space = (c: string | undefined) =>
      c === ' ' || c === '\t' || c === '\u00a0' || c === '\u3000' || (c !== undefined && c >= '\u2000' && c <= '\u200a');
    const skip = (s: string, p: number) => {
      while (p < s.length && space(s[p])) p++;
      return p;
    };
    const upper = (c: string | undefined) => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
    const lower = (c: string | undefined) => c !== undefined && c !== c.toUpperCase() && c === c.toLowerCase();
    const starts = (c: string | undefined) => upper(c) || (c !== undefined && c >= '0' && c <= '9') || '(“"[«'.includes(c ?? 'x');
    const abbr = new Set(['tp', 'tx', 'tt', 'ts', 'ths', 'gs', 'pgs', 'bs', 'ks', 'cn', 'st', 'vd', 'v.v', 'tr', 'q', 'p']);
    const trim = (s: string, from: number, end: number) => {
      while (end > from) {
        const c = s[end - 1];
        if (space(c) || c === '*' || c === '_' || c === '#' || c === '\r') end--;
        else if ((c === '.' || c === ':') && s[end - 2] !== '.') end--;
        else break;
      }
      return end;
    };
    const reference = (s: string, from: number) => {
      for (let i = from; i < s.length; i++) {
        const c = s[i];
        if (c !== '.' && c !== ':') continue;
        let j = i + 1;
        while (s[j] === '*' || s[j] === '_') j++;
        if (j < s.length && !space(s[j])) continue;
        const k = skip(s, j);
        if (k >= s.length) break;
        if (c === '.') {
          if (!starts(s[k])) continue;
          if (s[i - 1] === '.') continue;
          let w = i;
          while (w > from && !space(s[w - 1]) && s[w - 1] !== '(' && s[w - 1] !== ',') w--;
          const word = s.slice(w, i).toLowerCase();
          if (word.length === 1 && (upper(word) || lower(word))) continue;
          if (abbr.has(word)) continue;
        }
        if (i - from < 2) continue;
        return { end: trim(s, from, i), inline: true };
      }
      return { end: trim(s, from, s.length), inline: false };
    };
    const pieces = ['.', ':', '. ', ': ', '.. ', '**', '_', ' ', '\u00a0', 'TP', 'v.v', 'a', 'Hạ', 'Long', '1.000', '(', ',', '“', '#', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), fc.nat(6), (ps, from) => {
        const s = ps.join('');
        assert.deepEqual(titleEnd(s, from), reference(s, from));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('parseOutline', () => {
  const doc = [
    'BÁO CÁO THỬ NGHIỆM',
    '',
    'Phần thứ nhất',
    'TIÊU ĐỀ PHẦN MỘT',
    'DÒNG HAI CỦA TIÊU ĐỀ',
    'Lời mở đầu của phần một.',
    'I- KẾT QUẢ',
    '1. Kinh tế tăng trưởng',
    '1.1. Công nghiệp phát triển. Sản lượng tăng khá.',
    '1.2. Dịch vụ',
    '2. Xã hội',
    '(1) Giảm nghèo bền vững.',
    '(2) Việc làm ổn định.',
    'a) Nông thôn',
    'II- HẠN CHẾ',
    'Phần thứ hai',
    'MỤC TIÊU',
    'I- BỐI CẢNH',
    '',
  ].join('\n');

  test('nesting: part > roman > decimal by depth > paren > letter', () => {
    const { roots, headings } = outline(doc);
    assert.deepEqual(summary(headings), [
      'part:Phần thứ nhất|TIÊU ĐỀ PHẦN MỘT DÒNG HAI CỦA TIÊU ĐỀ',
      '  roman:I-|KẾT QUẢ',
      '    decimal:1.|Kinh tế tăng trưởng',
      '      decimal:1.1.|Công nghiệp phát triển',
      '      decimal:1.2.|Dịch vụ',
      '    decimal:2.|Xã hội',
      '      paren:(1)|Giảm nghèo bền vững',
      '      paren:(2)|Việc làm ổn định',
      '        letter:a)|Nông thôn',
      '  roman:II-|HẠN CHẾ',
      'part:Phần thứ hai|MỤC TIÊU',
      '  roman:I-|BỐI CẢNH',
    ]);
    assert.equal(roots.length, 2);
    assert.equal(roots[0].children.length, 2);
    assert.equal(headings[3].inlineBody, true);
    assert.equal(headings[2].inlineBody, false);
  });

  test('offsets: marker, title, line and section end', () => {
    const view = new TextView(doc);
    const { headings } = parseOutline(view);
    for (const h of headings) {
      assert.equal(view.text.slice(h.markerStart, h.markerEnd), h.kind === 'part' ? h.marker : h.marker.replace(/^\((\d+)\)$/, '($1)') + (h.kind === 'paren' ? '' : h.punct));
      if (h.kind !== 'part') assert.equal(view.text.slice(h.titleStart, h.titleEnd), h.title);
      assert.equal(view.nfcLineOf(h.lineStart), h.line);
    }
    const part1 = headings[0];
    const part2 = headings.find((h) => h.marker === 'Phần thứ hai')!;
    assert.equal(part1.sectionEnd, part2.lineStart);
    assert.equal(part2.sectionEnd, view.text.length);
    const one = headings[2];
    const two = headings.find((h) => h.marker === '2')!;
    assert.equal(one.sectionEnd, two.lineStart);
    // the part's title lines belong to its heading
    assert.equal(view.text.slice(part1.titleStart, part1.titleEnd), 'TIÊU ĐỀ PHẦN MỘT\nDÒNG HAI CỦA TIÊU ĐỀ');
    assert.equal(part1.lineEnd, part1.titleEnd);
  });

  test('numbering restarts under each parent', () => {
    const { roots } = outline('I- A\n1. Một\n2. Hai\nII- B\n1. Một\n');
    assert.deepEqual(
      roots.map((r) => r.children.map((c) => c.marker)),
      [
        ['1', '2'],
        ['1'],
      ],
    );
  });

  test('the sloppy "4.1 " marker is a sibling of "4.2."', () => {
    const { headings } = outline('4. Nguyên nhân\n4.1 Khách quan: thời tiết xấu\n4.2. Chủ quan: năng lực hạn chế\n');
    assert.deepEqual(summary(headings), ['decimal:4.|Nguyên nhân', '  decimal:4.1|Khách quan', '  decimal:4.2.|Chủ quan']);
    assert.equal(headings[1].punct, '');
  });

  test('Word bookmark leftovers before a marker do not hide the heading', () => {
    const view = new TextView('[bookmark: _Hlk1][bookmark: _Hlk2] 2.1. Về đảng viên\n[bookmark: _Hlk3](1) Chỉ tiêu một\n');
    const { headings } = parseOutline(view);
    assert.deepEqual(summary(headings), ['decimal:2.1.|Về đảng viên', '  paren:(1)|Chỉ tiêu một']);
    assert.equal(view.text.slice(headings[0].markerStart, headings[0].markerEnd), '2.1.');
  });

  test('(n) in the middle of a paragraph is not a heading', () => {
    const { headings } = outline('1. Nguyên nhân: (1) thứ nhất; (2) thứ hai\nCó ba việc: (1) một, (2) hai.\n');
    assert.deepEqual(summary(headings), ['decimal:1.|Nguyên nhân']);
  });

  test('Markdown headings nest by their #s; code fences are ignored', () => {
    const md = [
      '# Báo cáo',
      '## I. Kết quả',
      '### 1. Kinh tế',
      '1.1. Chi tiết',
      '```',
      '## 2. Trong khối mã',
      '2. Cũng trong khối mã',
      '```',
      '## II. Hạn chế ##',
      '',
    ].join('\n');
    const { roots, headings } = outline(md);
    assert.deepEqual(summary(headings), [
      'markdown:#|Báo cáo',
      '  roman:I.|Kết quả',
      '    decimal:1.|Kinh tế',
      '      decimal:1.1.|Chi tiết',
      '  roman:II.|Hạn chế',
    ]);
    assert.equal(roots.length, 1);
  });

  test('indented numbered lines are nested list items, not headings', () => {
    const { headings } = outline('1. Mục một\n   1. mục con của danh sách\n\t(1) cũng vậy\n I- MỘT DẤU CÁCH VẪN LÀ ĐỀ MỤC\n');
    assert.deepEqual(summary(headings), ['decimal:1.|Mục một', 'roman:I-|MỘT DẤU CÁCH VẪN LÀ ĐỀ MỤC']);
  });

  test('tilde fences and inline code spans', () => {
    const { headings } = outline('~~~\n1. Không\n~~~\n```js``` là mã\n1. Có\n');
    assert.deepEqual(summary(headings), ['decimal:1.|Có']);
  });

  test('NFD lines: titles and offsets are NFC', () => {
    const nfd = 'I- KẾT QUẢ\n1.1. Công tác kiểm tra được nâng cao. Nội dung.\n'.normalize('NFD');
    const view = new TextView(nfd);
    const { headings } = parseOutline(view);
    assert.equal(headings.length, 2);
    assert.equal(headings[1].title, 'Công tác kiểm tra được nâng cao'.normalize('NFC'));
    assert.equal(view.text.slice(headings[1].titleStart, headings[1].titleEnd), headings[1].title);
    assert.equal(headings[0].title, 'KẾT QUẢ');
  });

  test('a part whose title is on the same line', () => {
    const { headings } = outline('Phần thứ nhất: KẾT QUẢ NHIỆM KỲ\nI- MỘT\n');
    assert.deepEqual(summary(headings), ['part:Phần thứ nhất:|KẾT QUẢ NHIỆM KỲ', '  roman:I-|MỘT']);
  });

  test('a part whose next line is prose gets no title', () => {
    const { headings } = outline('Phần thứ hai\nNội dung phần này được trình bày ngắn gọn.\n');
    assert.equal(headings.length, 1);
    assert.equal(headings[0].title, '');
  });

  test('CRLF line ends', () => {
    const view = new TextView('I- MỘT\r\n1. Hai\r\n2. Ba\r\n');
    const { headings } = parseOutline(view);
    assert.deepEqual(summary(headings), ['roman:I-|MỘT', '  decimal:1.|Hai', '  decimal:2.|Ba']);
    assert.equal(view.text.slice(headings[1].lineStart, headings[1].lineEnd), '1. Hai');
  });

  test('property: offsets are ordered, in bounds and nested, whatever the input', () => {
    const piece = fc.constantFrom(
      'Phần thứ hai', 'I- ', 'II. ', '1. ', '1.1. ', '4.1 ', '(3) ', 'a) ', '# ', '## ', '[bookmark: _Hlk1]', '```',
      'KẾT QUẢ', 'kết quả', '. ', ': ', ' ', '\n', '\r\n', 'Công tác', '“', '2 cấp', 'ệ'.normalize('NFD'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const view = new TextView(parts.join(''));
        const { roots, headings } = parseOutline(view);
        const len = view.text.length;
        let prevStart = -1;
        for (const h of headings) {
          assert.ok(h.lineStart > prevStart);
          prevStart = h.lineStart;
          assert.ok(h.lineStart <= h.markerStart && h.markerStart <= h.markerEnd);
          assert.ok(h.markerEnd <= h.titleStart || h.title === '');
          assert.ok(h.titleStart <= h.titleEnd && h.titleEnd <= h.lineEnd && h.lineEnd <= len);
          assert.ok(h.sectionEnd >= h.lineEnd && h.sectionEnd <= len);
          for (const c of h.children) {
            assert.equal(c.depth, h.depth + 1);
            assert.ok(c.lineStart > h.lineStart && c.sectionEnd <= h.sectionEnd);
          }
        }
        assert.equal(roots.reduce((n, r) => n + 1 + count(r), 0), headings.length);
      }),
      { numRuns: 300 },
    );
    function count(n: OutlineNode): number {
      return n.children.reduce((k, c) => k + 1 + count(c), 0);
    }
  });

  // a super-linear parse runs into the timeout; the time itself is a budget of npm run bench (adversarial)
  test('long and pathological input', { timeout: 30_000 }, () => {
    const lines: string[] = [];
    for (let i = 1; i <= 20000; i++) lines.push(`${i % 50}.${i % 9}. Mục số ${i}: nội dung ${'chữ '.repeat(20)}`);
    lines.push('1.'.repeat(50000));
    lines.push('('.repeat(50000));
    lines.push('[bookmark: '.repeat(20000));
    lines.push('1.1. ' + 'a. '.repeat(50000));
    const text = lines.join('\n');
    const { headings } = outline(text);
    assert.ok(headings.length >= 20000);
  });
});
