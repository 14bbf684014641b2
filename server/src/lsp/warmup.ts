/**
 * The synthetic draft the lint worker lints while it is idle (worker.ts), so that the first real document is
 * not linted by cold code. Our own wording, shaped like a provincial political report and built to reach the
 * code paths a real draft reaches: long paragraphs with several figures per sentence, headings with their body
 * on the same line, every outline marker, lower-case headings among upper-case ones, "4.1 " among "4.x.",
 * decomposed (NFD) lines, Word leftovers, quotes (one left open), parentheses, spelling variants, resolution
 * citations (one with an impossible date, one with two dates), counts and ordinals, fractions, actual/target
 * pairs, ranges, bounds, scale words and units, shares and parts of a total, growth multipliers, the same
 * indicator cited twice with different values. Optimised code compiled from feedback that never saw such input
 * is thrown away ("deoptimised") by the first real draft, which then runs cold; so coverage matters more than
 * size here.
 */

/** A small deterministic generator (the same text on every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * Sentences with figures. `v(usual, other)` writes the usual value, or another one where a sentence is said a
 * third time (see `said` below); most values agree with the example's indicator data, as in a real draft.
 */
type Say = (v: (usual: string, other: string) => string) => string;
const FIGURE_SENTENCES: Say[] = [
  (v) => `Tốc độ tăng trưởng kinh tế (GRDP) bình quân giai đoạn 2021 - 2025 ước đạt ${v('10,4', '10,2')}%/năm, cao hơn bình quân chung`,
  (v) => `quy mô kinh tế năm 2025 ước đạt khoảng ${v('395.000', '390.000')} tỷ đồng, gấp 1,${v('7', '8')} lần năm 2020`,
  (v) => `GRDP bình quân đầu người năm 2025 đạt trên ${v('11.000', '10.500')} USD, tăng ${v('3,5', '3')} nghìn USD so với đầu nhiệm kỳ`,
  (v) => `tổng thu ngân sách nhà nước trên địa bàn 5 năm ước đạt ${v('274.000', '275.500')} tỷ đồng; trong đó thu nội địa chiếm ${v('68,5', '70')}%`,
  (v) => `tăng trưởng tín dụng bình quân đạt 10,7%/năm, tỷ lệ nợ xấu được kiểm soát dưới ${v('1,5', '2')}% (mục tiêu dưới 3%)`,
  (v) => `tổng vốn thu hút FDI đạt ${v('9,77', '9,7')} tỷ USD, trong đó công nghiệp chế biến chế tạo (chiếm trên 68,5%)`,
  (v) => `tổng vốn đầu tư toàn xã hội đạt trên ${v('490', '500')} nghìn tỷ đồng, tốc độ tăng bình quân ${v('7,4', '7')}%/năm`,
  (v) => `tỷ trọng khu vực công nghiệp, xây dựng và khu vực dịch vụ tăng từ 93,4% năm 2020 lên ${v('95,9', '96')}% năm 2025`,
  (v) => `năng suất lao động xã hội năm 2025 ước đạt ${v('580', '585')} triệu đồng/người, tốc độ tăng năng suất lao động ${v('13,4', '13')}%/năm`,
  (v) => `chỉ số hiệu quả sử dụng vốn đầu tư (ICOR) giảm từ 6,09 năm 2020 xuống còn ${v('5,28', '5,3')} năm 2024`,
  (v) => `đóng góp của nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế ước đạt ${v('50', '52')}%`,
  (v) => `sản lượng than sạch 5 năm ước đạt ${v('219', '220')} triệu tấn, sản lượng điện sản xuất ${v('176', '170')} tỷ KWh`,
  (v) => `đón trên ${v('19', '20')} triệu lượt khách, doanh thu du lịch tăng bình quân 15%/năm, tỷ trọng du lịch trong GRDP năm 2024 là ${v('9,64', '9,6')}%`,
  (v) => `tổng trị giá hàng hóa xuất khẩu đạt trên ${v('16', '15')} tỷ USD, tăng ${v('11,2', '11')}%/năm`,
  (v) => `khối lượng vận chuyển hàng hóa tăng ${v('20,5', '20')}%/năm; doanh thu dịch vụ cảng biển năm 2025 đạt trên ${v('25.800', '25.000')} tỷ đồng`,
  (v) => `sản lượng hàng hóa thông qua cảng đạt ${v('627,7', '620')} triệu tấn; lưu lượng hành khách vận tải biển trên ${v('293.000', '290.000')} lượt khách`,
  (v) => `tốc độ tăng trưởng ngành nông, lâm, thủy sản đạt ${v('3,62', '3,6')}%/năm; tổng sản lượng nuôi trồng thủy sản ${v('450', '445')} nghìn tấn`,
  (v) => `diện tích trồng rừng cây gỗ lớn khoảng ${v('5.000', '5.200')} ha (lim, giổi, lát), tỷ lệ che phủ rừng duy trì ${v('45', '46')}%`,
  (v) => `tỷ lệ lấp đầy các khu công nghiệp đạt ${v('76,28', '76')}% (trong đó đất dành cho công nghiệp 1.561 ha)`,
  (v) => `tỷ lệ đô thị hóa đạt ${v('75', '74')}%, tỷ lệ hộ gia đình nông thôn sử dụng nguồn nước hợp vệ sinh đạt ${v('99,9', '99')}%`,
  (v) => `tỷ lệ hộ nghèo giảm còn ${v('0,5', '1')}%, giảm ${v('1,2', '2')} điểm phần trăm; tỷ lệ lao động qua đào tạo tăng 3% so với năm 2020`,
  (v) => `thu hút ${v('19', '18')} triệu lượt khách, đạt ${v('40', '38')} giường bệnh/1 vạn dân và ${v('229', '230')} sinh viên/vạn dân`,
  (v) => `tốc độ tăng thu ngân sách nhà nước ước đạt ${v('3,1', '3')}%/năm; chi đầu tư phát triển chiếm trên ${v('52', '50')}% tổng chi`,
  (v) => `thực hiện ${v('45.799', '45.800')}/36.875 tỷ đồng kế hoạch vốn, đạt 124%; có ${v('5', '6')}/7 huyện và 03/19 xã hoàn thành`,
  (v) => `cơ cấu kinh tế gồm công nghiệp - xây dựng chiếm ${v('50', '52')}%, dịch vụ chiếm 40%, nông nghiệp chiếm 5% và thuế sản phẩm chiếm 5%`,
  () => `tăng trưởng bình quân đạt 3-3,5%/năm, tỷ lệ bao phủ bảo hiểm y tế 47-48%, tỷ lệ tham gia bảo hiểm xã hội 40 - 45% lực lượng lao động`,
  (v) => `vượt ${v('3', '4')} chỉ tiêu, tối thiểu 30%, không quá 5%, xấp xỉ 1.200 ha, gần 2.000 hộ, ít nhất 10 dự án, tối đa 5 năm`,
  (v) => `hằng năm giải quyết việc làm cho ${v('15.000', '16.000')} lao động; đến năm 2030 đạt ${v('20.000', '22.000')} USD/người; giai đoạn 2026-2030 tăng 12%/năm trở lên`,
  (v) => `ước cả năm 2025 đạt ${v('1.250.000', '1.300.000')} triệu đồng, tương đương 1,25 nghìn tỷ đồng, gấp 2,24 lần giai đoạn trước (gấp 1,5 lần giai đoạn 2016 - 2020)`,
  (v) => `tỷ lệ trường chuẩn quốc gia tính đến hết 2024 đạt ${v('91,91', '92')}%, tăng từ 60,5% năm 2020 lên ước 95,9% năm 2025; tính đến hết năm 2025 ước đạt trên 2.000 tỷ đồng, tăng trưởng ước 2,61%/năm`,
  (v) => `năm 2025 quy mô kinh tế đạt 395 nghìn tỷ đồng, gấp ${v('1,6', '1,9')} lần năm 2020, tăng 10,4%/năm; trong giai đoạn 2021 - 2025, tốc độ tăng trưởng kinh tế đạt 10,4%`,
  (v) => `tổng vốn ${v('110', '120')} tỷ đồng (bao gồm vốn ngân sách 70 tỷ đồng và vốn xã hội 40 tỷ đồng); cơ cấu kinh tế năm 2030: công nghiệp ${v('50', '55')}%; dịch vụ 40%; nông nghiệp 5%`,
  (v) => `tổng vốn đầu tư FDI cả giai đoạn ước đạt 9,77 tỷ USD. Khu kinh tế ven biển phát triển nhanh; tổng vốn đầu tư FDI vào khu kinh tế ven biển đạt 4,75 tỷ USD, chiếm ${v('45,9', '48,6')}% tổng vốn đầu tư của tỉnh`,
  (v) => `khoảng ${v('10', '11')}%/năm cho tăng trưởng kinh tế và 18 trong số 22 chỉ tiêu đạt và vượt (đạt chỉ tiêu Nghị quyết Đại hội đề ra)`,
];

/** Sentences without figures, with citations, quotes, variants, counts and ordinals. */
const PLAIN_SENTENCES: Say[] = [
  (v) => `Thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị và Kết luận số ${v('121', '123')}-KL/TU của Tỉnh ủy`,
  () => `Nghị quyết số 21/NQ-TU và Chỉ thị 05/CT/TW được quán triệt; Nghị quyết số 57-NQ/TW ngày 22/12/2024 và Nghị quyết số 57-NQ/TW ngày 12/02/2024 được quán triệt; Chỉ thị số 05-CT/TW ngày 31/02/2023 được sơ kết`,
  () => `công tác hoà giải, thuỷ lợi, chăm sóc sức khoẻ và quí trọng người có công được quan tâm; công tác hòa giải, thủy lợi và sức khỏe được chú trọng, tỉ lệ và tỷ lệ cùng được dùng`,
  () => `triển khai phương châm “5 rõ” (rõ việc, rõ người, rõ thời hạn, rõ trách nhiệm, rõ kết quả) và phong trào “chi bộ bốn tốt”`,
  () => `giữ vững truyền thống “Kỷ luật và Đồng tâm”, ngăn chặn biểu hiện “tự diễn biến”, “tự chuyển hóa” ở cơ sở`,
  () => `thực hiện hiệu quả 09 cặp kết nghĩa, 12 chương trình hành động và 03 khâu đột phá: Một là, hoàn thiện thể chế; Hai là, phát triển hạ tầng đồng bộ; Ba là, phát triển nguồn nhân lực; Bốn là, đổi mới sáng tạo`,
  () => `có 2 nhiệm vụ trọng tâm: thứ nhất, tinh gọn bộ máy; thứ hai, nâng cao hiệu lực quản lý; thứ ba, chuyển đổi số`,
  () => `qua các nhiệm kỳ khóa XI, XII, XIII và Đại hội lần thứ XVI, các chỉ số PCI, PAR Index, SIPAS, PAPI, ICT Index và chỉ số PGI, PSDI (2017 - 2023) luôn ở nhóm dẫn đầu (2020, 2022, 2024)`,
  () => `sau cơn bão số 3 (Yagi), công tác khắc phục hậu quả được triển khai nhanh (trước cơn bão đạt 55%, vượt mục tiêu), với sự vào cuộc của cả hệ thống chính trị`,
  () => `các công trình văn hóa (nhà văn hóa, sân vận động, thư viện...) được đưa vào sử dụng; các tuyến cao tốc, cảng biển, sân bay hoàn thành đúng tiến độ`,
  () => `dẫn đầu cả nước 04 năm liên tiếp, về đích trước 02 năm so với kế hoạch; 03 Chương trình mục tiêu quốc gia và dịch Covid-19, tuyến cao tốc Hạ Long - Vân Đồn, quốc lộ 18A được hoàn thành…`,
  () => `tập trung vào 3 trụ cột: “kinh tế xanh”, “kinh tế số” và “kinh tế di sản”; gồm 3 nhóm ngành: công nghiệp, dịch vụ và nông nghiệp hoặc các ngành khác`,
  () => `chất lượng tăng trưởng chưa thật bền vững, một số chỉ tiêu chưa đạt; năng lực của một bộ phận cán bộ còn hạn chế, chưa đáp ứng yêu cầu nhiệm vụ trong giai đoạn mới`,
  () => `tăng cường giám sát, phản biện của Mặt trận và các đoàn thể chính trị - xã hội; củng cố quốc phòng, an ninh, giữ vững chủ quyền biển, đảo`,
];

/** Section headings of part one (roman), their items, and the targets of part two. */
const RESULT_AREAS = [
  'Kinh tế tăng trưởng nhanh và bền vững',
  'Kết cấu hạ tầng được đầu tư đồng bộ',
  'Cải cách hành chính và chuyển đổi số có bước tiến rõ',
  'Văn hóa, xã hội và con người được chăm lo',
  'Quốc phòng, an ninh được giữ vững',
];
const TARGET_GROUPS = ['Về kinh tế', 'Về xã hội', 'Về môi trường', 'Về xây dựng Đảng'];

/**
 * The warm-up draft. `density` scales the sentences per paragraph (1 ≈ 40 KB): the outline and every kind of
 * sentence are there at any density; larger is closer to a real draft, slower to lint.
 */
export function warmupText(density = 1): string {
  const rand = rng(20251127);
  const n = (k: number) => Math.floor(rand() * (k + 1));
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  // The sentences in turn (not at random), so that every one of them is linted. A sentence repeats its figures
  // (as a draft repeats a figure in its summary and its section), except the third time (as a draft sometimes
  // does): real drafts have a few disagreements, not one per repetition.
  let figureTurn = 0;
  let plainTurn = 0;
  const said = (list: Say[], turn: number) => {
    const other = Math.floor(turn / list.length) === 2;
    return list[turn % list.length]((usual, changed) => (other ? changed : usual));
  };
  const paragraph = (sentences: number, withFigures = 0.7) => {
    const out: string[] = [];
    for (let s = 0; s < sentences; s++) {
      out.push(rand() < withFigures ? said(FIGURE_SENTENCES, figureTurn++) : said(PLAIN_SENTENCES, plainTurn++));
    }
    const text = out.join('; ') + '.';
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  // every fifth paragraph decomposed (NFD), as some lines of real drafts are
  let count = 0;
  const body = (sentences: number, withFigures?: number) => {
    const p = paragraph(Math.max(1, Math.round(sentences * density)), withFigures);
    return ++count % 5 === 0 ? p.normalize('NFD') : p;
  };

  const out: string[] = ['ĐẢNG BỘ TỈNH', '*', 'DỰ THẢO BÁO CÁO CHÍNH TRỊ', 'CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XV TẠI ĐẠI HỘI ĐẠI BIỂU LẦN THỨ XVI, NHIỆM KỲ 2025 - 2030', ''];
  out.push(body(6, 0.3));
  {
    out.push('Phần thứ nhất', 'KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 - 2025', '', 'I- KẾT QUẢ ĐẠT ĐƯỢC');
    RESULT_AREAS.forEach((area, i) => {
      const k = i + 1;
      out.push(`${k}. ${area}. ${body(4)}`);
      for (let j = 1; j <= 3; j++) {
        // one "4.1 " among "4.x." siblings, one Word leftover before a marker
        const marker = k === 4 && j === 1 ? `${k}.${j} ` : `${k}.${j}. `;
        const lead = k === 2 && j === 2 ? `[bookmark: _Hlk${190000 + j}]` : '';
        out.push(`${lead}${marker}${pick(RESULT_AREAS)} trong lĩnh vực thứ ${j}: ${body(6 + n(6))}`);
        if (k === 2 && j === 1) {
          for (let m = 1; m <= 3; m++) out.push(`${k}.${j}.${m}. Ngành thứ ${m}. ${body(5 + n(5))}`);
        }
        if (j === 3) {
          out.push(`- ${body(3)}`, `+ ${body(2)}`, `a) Về cơ chế. ${body(3)}`, `b) Về nguồn lực. ${body(2)}`);
        }
      }
      out.push(`(${k}) ${body(3)}`);
    });
    out.push('', 'II- hạn chế, yếu kém và nguyên nhân', `1. Hạn chế, yếu kém. ${body(5, 0.4)}`, `2. Nguyên nhân. ${body(4, 0.2)}`);
    out.push(`3. Phong trào “Dân vận khéo.” ${body(2, 0.5)}`, `4. Công tác “chuyển đổi số”… tiếp tục ${body(1, 0.5)}`);
    out.push('III- BÀI HỌC KINH NGHIỆM', `${body(4, 0.1)} “Lấy dân làm gốc, dựa vào dân.`);
    out.push('', 'Phần thứ hai', 'PHƯƠNG HƯỚNG, MỤC TIÊU, NHIỆM VỤ NHIỆM KỲ 2025 - 2030', '', 'I- BỐI CẢNH', body(4, 0.2));
    out.push('II- QUAN ĐIỂM CHỈ ĐẠO', body(4, 0.1), 'III- MỤC TIÊU, CHỈ TIÊU', '1. Mục tiêu tổng quát', body(3, 0.2), '2. Các chỉ tiêu chủ yếu đến năm 2030');
    let target = 0;
    TARGET_GROUPS.forEach((g, i) => {
      out.push(`2.${i + 1}. ${g}`);
      for (let t = 0; t < 5; t++) out.push(`(${++target}) ${body(1, 0.95)}`);
    });
    out.push('IV- NHIỆM VỤ, GIẢI PHÁP', `1. Phát triển kinh tế. ${body(8)}`, `2. Phát triển xã hội. ${body(6)}`, '[bookmark: _Hlk1]', '', 'Phần thứ ba', 'TỔ CHỨC THỰC HIỆN', body(3, 0.1));
  }
  return out.join('\n') + '\n';
}

/**
 * The warm-up draft cut into documents of about `size` characters (at line breaks, each starting with the
 * title lines), so that one warm-up round is short even while the code is cold: a real job waits behind at
 * most one of them.
 */
export function warmupChunks(density = 1, size = 6000): string[] {
  const lines = warmupText(density).split('\n');
  lines.pop(); // the text ends with a line break
  const head = lines.slice(0, 4).join('\n') + '\n';
  const out: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const line of lines.slice(4)) {
    cur.push(line);
    len += line.length + 1;
    if (len >= size) {
      out.push(head + cur.join('\n') + '\n');
      cur = [];
      len = 0;
    }
  }
  if (cur.length) out.push(head + cur.join('\n') + '\n');
  return out;
}

/**
 * The text of warm-up round `turn`: a piece with a different ending each time, as edits make it (one-entry
 * memos of the core, such as the document's lower case, must miss in warm-up as they do in real use) and so that the
 * scanners also meet a text that ends right after a figure, a count or a word, not only after a line break.
 */
export function warmupRoundText(pieces: string[], turn: number): string {
  const piece = pieces[turn % pieces.length];
  switch (turn % 4) {
    case 0:
      return `${piece}Vòng ${turn}.\n`;
    case 1:
      return `${piece}Vòng ${turn}: tăng 3,${turn % 10}%/năm`;
    case 2:
      return `${piece}Vòng ${turn} có 0${(turn % 9) + 1} dự án`;
    default:
      return `${piece}Vòng ${turn} đạt ${turn}`;
  }
}
