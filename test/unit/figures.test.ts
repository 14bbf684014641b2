import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractFigures, WordsBefore } from '../../server/src/core/figures';
import { prevWords } from '../../server/src/core/periods';
import type { Figure } from '../../server/src/core/types';

/** compact view: "role|text|lo[..hi]|unit[|flags]" */
function show(f: Figure): string {
  const v = f.lo === f.hi ? `${f.lo}` : `${f.lo}..${f.hi}`;
  const flags = [
    f.bound !== 'exact' ? f.bound : '',
    f.estimate ? 'est' : '',
    f.change ?? '',
    f.pair ? `pair=${f.pair.lo}` : '',
  ].filter(Boolean);
  return [f.role, f.text, v, f.unit, ...flags].join('|');
}
const figs = (s: string) => extractFigures(s).map(show);

describe('extractFigures: units', () => {
  const cases: [string, string[]][] = [
    ['Tỷ lệ che phủ đạt 45%.', ['quantity|45%|45|%']],
    ['Tỷ lệ che phủ đạt 45 %.', ['quantity|45 %|45|%']],
    ['Bình quân đạt 10,4%/năm.', ['quantity|10,4%/năm|10.4|%/năm']],
    ['Thu nhập đạt 8.500 USD mỗi người.', ['quantity|8.500 USD|8500|USD']],
    ['Thu nhập đạt 10.370USD mỗi người.', ['quantity|10.370USD|10370|USD']],
    ['Vốn ngoại đạt 2,5 tỷ USD.', ['quantity|2,5 tỷ USD|2.5|tỷ USD']],
    ['Vốn ngoại đạt 350 triệu USD.', ['quantity|350 triệu USD|0.35|tỷ USD']],
    ['Thu ngân sách 12.345 tỷ đồng.', ['quantity|12.345 tỷ đồng|12345|tỷ đồng']],
    ['Tổng vốn 120 nghìn tỷ đồng.', ['quantity|120 nghìn tỷ đồng|120000|tỷ đồng']],
    ['Tổng vốn 565 ngàn tỷ, vượt kế hoạch.', ['quantity|565 ngàn tỷ|565000|tỷ đồng']],
    ['Hỗ trợ 500 triệu đồng cho xã.', ['quantity|500 triệu đồng|0.5|tỷ đồng']],
    ['Năng suất đạt 150 triệu đồng/người.', ['quantity|150 triệu đồng/người|150|triệu đồng/người']],
    ['Sản lượng than 40 triệu tấn.', ['quantity|40 triệu tấn|40|triệu tấn']],
    ['Công suất cảng 12,5 triệu tấn/năm.', ['quantity|12,5 triệu tấn/năm|12.5|triệu tấn/năm']],
    ['Thủy sản đạt 120 nghìn tấn.', ['quantity|120 nghìn tấn|120000|tấn']],
    ['Trồng mới 2.500 ha rừng.', ['quantity|2.500 ha|2500|ha']],
    ['Làm mới 120Km đường bộ.', ['quantity|120Km|120|km']],
    ['Làm mới 12,5 km đê.', ['quantity|12,5 km|12.5|km']],
    ['Sản lượng điện 35 tỷ KWh.', ['quantity|35 tỷ KWh|35|tỷ kWh']],
    ['Đón 1.200 lượt khách quốc tế.', ['quantity|1.200 lượt khách|1200|lượt khách']],
    ['Đón 15 triệu lượt khách.', ['quantity|15 triệu lượt khách|15000000|lượt khách']],
    ['Có 30 giường bệnh/1 vạn dân.', ['quantity|30 giường bệnh/1 vạn dân|30|giường bệnh/vạn dân']],
    ['Có 12,5 bác sỹ/1 vạn dân.', ['quantity|12,5 bác sỹ/1 vạn dân|12.5|bác sĩ/vạn dân']],
    ['Thành lập 1.500 doanh nghiệp/năm.', ['quantity|1.500 doanh nghiệp/năm|1500|doanh nghiệp/năm']],
    ['Tuổi thọ đạt 75 tuổi.', ['quantity|75 tuổi|75|tuổi']],
    ['Chiếm 45,9% tổng vốn.', ['quantity|45,9%|45.9|%']],
    ['Giảm 1,5 điểm phần trăm.', ['quantity|1,5 điểm phần trăm|1.5|điểm phần trăm|decrease']],
    ['Dân số 1,4 triệu người.', ['quantity|1,4 triệu người|1400000|người']],
  ];
  for (const [s, want] of cases) test(s, () => assert.deepEqual(figs(s), want));
});

describe('extractFigures: ranges, bounds, estimates, changes', () => {
  const cases: [string, string[]][] = [
    ['Kết nạp mới 3-3,5% tổng số.', ['quantity|3-3,5%|3..3.5|%']],
    ['Công nghiệp 47-48%.', ['quantity|47-48%|47..48|%']],
    ['Đóng góp 40 - 45% GRDP.', ['quantity|40 - 45%|40..45|%']],
    ['Chiếm 12-14% sản lượng.', ['quantity|12-14%|12..14|%']],
    ['Năng suất bình quân 8-8,5%/năm.', ['quantity|8-8,5%/năm|8..8.5|%/năm']],
    ['Tỷ trọng 3%-5% là hợp lý.', ['quantity|3%-5%|3..5|%']],
    ['Đạt trên 90% kế hoạch.', ['quantity|trên 90%|90|%|above']],
    ['Đạt hơn 90% kế hoạch.', ['quantity|hơn 90%|90|%|above']],
    ['Thu vượt 20% dự toán.', ['quantity|vượt 20%|20|%|above']],
    ['Duy trì tối thiểu 30% diện tích.', ['quantity|tối thiểu 30%|30|%|above']],
    ['Bảo đảm ít nhất 70% hộ.', ['quantity|ít nhất 70%|70|%|above']],
    ['Thất nghiệp dưới 2%.', ['quantity|dưới 2%|2|%|below']],
    ['Nợ xấu không quá 3%.', ['quantity|không quá 3%|3|%|below']],
    ['Lạm phát tối đa 4%.', ['quantity|tối đa 4%|4|%|below']],
    ['Đóng góp khoảng 40% thu.', ['quantity|khoảng 40%|40|%|approx']],
    ['Chiếm gần 30% thiệt hại.', ['quantity|gần 30%|30|%|approx']],
    ['Đạt xấp xỉ 50% mục tiêu.', ['quantity|xấp xỉ 50%|50|%|approx']],
    ['Quy mô ước đạt khoảng 395.000 tỷ đồng.', ['quantity|khoảng 395.000 tỷ đồng|395000|tỷ đồng|approx|est']],
    ['Thu nhập ước đạt trên 11.000 USD.', ['quantity|trên 11.000 USD|11000|USD|above|est']],
    ['Tỷ lệ ước đạt 87,5%.', ['quantity|87,5%|87.5|%|est']],
    ['Tăng trưởng ước 2,61%/năm.', ['quantity|2,61%/năm|2.61|%/năm|est']],
    ['Kinh tế ước tăng 10,4%/năm.', ['quantity|10,4%/năm|10.4|%/năm|est|increase']],
    ['Sản lượng dự kiến đạt 50 triệu tấn.', ['quantity|50 triệu tấn|50|triệu tấn|est']],
    ['Doanh thu tăng 12,7% so với trước.', ['quantity|12,7%|12.7|%|increase']],
    ['Hộ nghèo giảm 1,2%.', ['quantity|1,2%|1.2|%|decrease']],
    ['Vốn tăng trên 10%.', ['quantity|trên 10%|10|%|above|increase']],
    ['Chỉ số giảm xuống 5,28 năm sau.', ['plain|5,28|5.28|']],
    ['Tốc độ tăng năng suất đạt 8%.', ['quantity|8%|8|%']],
    ['Tỷ trọng tăng từ 93,4% lên ước 95,9%.', ['quantity|93,4%|93.4|%', 'quantity|95,9%|95.9|%|est']],
    ['Tỷ lệ từ 10% trở lên.', ['quantity|10% trở lên|10|%|above']],
    ['Cao hơn 5% so với kỳ trước.', ['quantity|5%|5|%']],
    ['Ước đạt 85,2%, đạt mục tiêu (trên 70%).', ['quantity|85,2%|85.2|%|est', 'quantity|trên 70%|70|%|above']],
  ];
  for (const [s, want] of cases) test(s, () => assert.deepEqual(figs(s), want));
});

describe('extractFigures: multipliers, fractions, pairs, counts, plain', () => {
  const cases: [string, string[]][] = [
    ['Cao hơn, gấp 1,7 lần bình quân.', ['multiplier|1,7 lần|1.7|lần']],
    ['Thu bằng 1,3 lần kỳ trước.', ['multiplier|1,3 lần|1.3|lần']],
    ['Vốn cao gấp 5,1 lần trước.', ['multiplier|5,1 lần|5.1|lần']],
    ['Quy mô gấp 7 lần năm cũ.', ['multiplier|7 lần|7|lần']],
    ['Còn 03/19 chỉ tiêu chưa đạt.', ['fraction|03/19 chỉ tiêu|3||pair=19']],
    ['Có 5/7 huyện đạt chuẩn.', ['fraction|5/7 huyện|5||pair=7']],
    ['Thu đạt 45.799/36.875 tỷ đồng.', ['quantity|45.799/36.875 tỷ đồng|45799|tỷ đồng|pair=36875']],
    ['Thực hiện 03 chương trình mục tiêu.', ['count|03 chương trình|3|']],
    ['Tập trung 3 khâu đột phá.', ['count|3 khâu|3|']],
    ['Thuộc nhóm 5 tỉnh dẫn đầu.', ['count|5 tỉnh|5|']],
    ['Xây mới 17 trường học đạt chuẩn.', ['count|17 trường học|17|']],
    ['Duy trì 09 cặp kết nghĩa.', ['count|09 cặp|9|']],
    ['Hình thành 1-2 khu công nghệ.', ['count|1-2 khu|1..2|']],
    ['Quan hệ với trên 70 quốc gia.', ['count|trên 70 quốc gia|70||above']],
    ['Tỷ lệ sinh viên đạt 229, cao.', ['plain|229|229|']],
    ['Hệ số giảm còn 6,09 năm 2020.', ['plain|6,09|6.09|']],
    ['Tăng trưởng 5 năm 2021 - 2025 tốt.', ['count|5 năm|5|']],
    ['Đón khoảng 3 triệu du khách.', ['plain|khoảng 3 triệu|3000000||approx']],
  ];
  for (const [s, want] of cases) test(s, () => assert.deepEqual(figs(s), want));

  test('count keeps the counted noun in unitText', () => {
    const [f] = extractFigures('Tập trung 3 khâu đột phá.');
    assert.equal(f.unitText, 'khâu');
    const [g] = extractFigures('Xây mới 17 trường học đạt chuẩn.');
    assert.equal(g.unitText, 'trường học');
  });
});

describe('extractFigures: not figures', () => {
  const none: string[] = [
    'Theo Nghị quyết số 57-NQ/TW ngày 22/12/2024.',
    'Nghị quyết 17-NQ/TU, ngày 30/10/2023 của Tỉnh ủy.',
    'Quy định số 144-QĐ/TW ngày 09/5/2024.',
    'Triển khai Đề án 06 hiệu quả.',
    'Nước sạch theo QCVN 01-1:2008/BYT đạt chuẩn.',
    'Nghị định 100/2019/NĐ-CP hướng dẫn.',
    'Dịp 30/4/2025 và ngày 17/5/2021.',
    'Kỷ niệm ngày 30/4 trọng thể.',
    'Từ tháng 5/2025 áp dụng.',
    'Kết quả năm 2025 tốt.',
    'Giai đoạn 2021 - 2025 và 2016-2020.',
    'Chỉ số PAPI (2020, 2022, 2024) cao.',
    'Diễn tập (năm 2021) thành công.',
    'Đại hội lần thứ XVI, khóa XV.',
    'Năm nay đứng thứ 4 cả nước.',
    'Khắc phục bão số 3 (Yagi).',
    'Hội nghị Trung ương 4 (khóa XII).',
    'Phòng chống COVID-19 hiệu quả.',
    'Cải tạo Khu 1 và cầu Cửa Lục 2 xong.',
    'Nâng cấp Quốc lộ 4B đoạn qua tỉnh.',
    'Mục tiêu “3 giảm”, “5 rõ” và “chi bộ 35”.',
    'Sót lại [bookmark: _Hlk777888999] trong văn bản.',
    'Mã H5N1 nguy hiểm.',
    'Cách mạng công nghiệp 4.0 đang tới.',
    'Xem mục 2.1.1 ở trên.',
  ];
  for (const s of none) test(s, () => assert.deepEqual(figs(s), []));

  test('outline markers at line start', () => {
    const s = [
      '1. Kinh tế',
      '1.1. Công nghiệp',
      '2.1.1. Dịch vụ',
      '4.1 Nguyên nhân khách quan',
      '(1) Mục tiêu một',
      '[bookmark: _Hlk444555666](2) Mục tiêu hai',
      '[bookmark: _Hlk111222333]2.1. Về kinh tế',
      'Ý kiến: (1) thứ nhất; (2) thứ hai.',
    ].join('\n');
    assert.deepEqual(figs(s), []);
  });

  test('a marker line still yields its body figures', () => {
    assert.deepEqual(figs('(4) Tăng trưởng đạt 12%/năm.\n2.2. Tỷ lệ đạt 30%.'), [
      'quantity|12%/năm|12|%/năm',
      'quantity|30%|30|%',
    ]);
  });
});

describe('extractFigures: offsets, decimals, style', () => {
  test('start/end cover bound + number + unit, numStart/numEnd the number', () => {
    const s = 'Thu nhập ước đạt trên 11.000 USD, tốt.';
    const [f] = extractFigures(s);
    assert.equal(s.slice(f.start, f.end), 'trên 11.000 USD');
    assert.equal(s.slice(f.numStart, f.numEnd), '11.000');
    assert.equal(f.unitText, 'USD');
    assert.deepEqual(f.style, { decimal: ',', thousands: '.' });
    assert.equal(f.decimals, 0);
  });
  test('a range: numStart/numEnd cover both numbers, decimals is the max', () => {
    const s = 'Kết nạp 3-3,5% tổng số.';
    const [f] = extractFigures(s);
    assert.equal(s.slice(f.numStart, f.numEnd), '3-3,5');
    assert.equal(f.decimals, 1);
    assert.deepEqual(f.style.decimal, ',');
  });
  test('scale factor is reported', () => {
    const [f] = extractFigures('Tổng vốn trên 490 nghìn tỷ đồng.');
    assert.equal(f.lo, 490000);
    assert.equal(f.factor, 1000);
    assert.equal(f.unitText, 'nghìn tỷ đồng');
    const [g] = extractFigures('Thu 274.000 tỷ đồng.');
    assert.equal(g.factor, undefined);
  });
  test('decimals and style follow the writing', () => {
    const [a, b, c] = extractFigures('Đạt 96,16%, 1.234,5 ha và 10.4%.');
    assert.equal(a.decimals, 2);
    assert.deepEqual([b.lo, b.decimals, b.style.thousands], [1234.5, 1, '.']);
    assert.deepEqual([c.lo, c.style.decimal], [10.4, '.']);
  });
  test('sorted by start, inside the text', () => {
    const s = 'Năm 2025 ước đạt 395.000 tỷ đồng, gấp 1,9 lần; khoảng 40 - 45% và 5/7 huyện.';
    const fs = extractFigures(s);
    assert.equal(fs.length, 4);
    for (let i = 0; i < fs.length; i++) {
      assert.ok(fs[i].start >= 0 && fs[i].end <= s.length && fs[i].start < fs[i].end);
      assert.equal(fs[i].text, s.slice(fs[i].start, fs[i].end));
      if (i > 0) assert.ok(fs[i - 1].start <= fs[i].start);
    }
  });
  // a super-linear scan runs into the timeout (no time is asserted; npm run bench has the budgets)
  test('long input', { timeout: 30_000 }, () => {
    const unit = 'Ước đạt trên 11.000 USD, tăng 10,4%/năm; Nghị quyết số 57-NQ/TW ngày 22/12/2024. ';
    const big = unit.repeat(20000); // ~1.7 MB
    const fs = extractFigures(big);
    assert.equal(fs.length, 40000);
  });
});

describe('WordsBefore', () => {
  // the pieces of the text before a number: words, the spaces prevWords crosses (up to three), what stops it
  const pieces = ['tăng', 'Đạt', 'khoảng', 'ước', 'km2', 'x', ' ', ' ', '  ', '   ', '\u00a0', '\t', '\n', ',', '(', '5', '-'];
  test('reads the words prevWords reads, in any order of asking, up to six', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 24 }),
        fc.array(fc.nat(7), { minLength: 1, maxLength: 8 }),
        (parts, asks) => {
          const s = parts.join('') + '12';
          const pos = s.length - 2;
          const want = prevWords(s, pos, 6);
          const words = new WordsBefore(s, pos);
          for (const i of asks) assert.deepEqual(words.at(i), want[i], `${JSON.stringify(s)} word ${i}`);
        },
      ),
      { numRuns: 3000 },
    );
  });
  test('examples', () => {
    const s = 'dự kiến ước đạt trên 11.000 USD';
    const words = new WordsBefore(s, s.indexOf('11'));
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((i) => words.at(i)?.lower), ['trên', 'đạt', 'ước', 'kiến', 'dự', undefined]);
    assert.equal(new WordsBefore('(12', 1).at(0), undefined);
    const seven = 'một hai ba bốn năm sáu bảy 12';
    assert.equal(new WordsBefore(seven, seven.length - 2).at(5)?.lower, 'hai');
    assert.equal(new WordsBefore(seven, seven.length - 2).at(6), undefined, 'six words at most, as prevWords(…, 6)');
  });
});
