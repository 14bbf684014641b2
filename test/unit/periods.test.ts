import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPeriods, formatPeriod, parsePeriod, samePeriod } from '../../server/src/core/periods';
import type { PeriodMention } from '../../server/src/core/types';

/** a compact view of a mention: "text|from-to|flags" */
function show(m: PeriodMention): string {
  const p = m.period ? formatPeriod(m.period) : 'null';
  const flags = [m.relative, m.until ? 'until' : '', m.schoolYear ? 'school' : ''].filter(Boolean).join(',');
  return `${m.text}|${p}${flags ? '|' + flags : ''}`;
}
const periods = (s: string) => extractPeriods(s).map(show);

describe('extractPeriods', () => {
  const cases: [string, string[]][] = [
    ['Sản lượng năm 2025 tăng mạnh.', ['năm 2025|2025']],
    ['Kết quả 2021 - 2025 khả quan.', ['2021 - 2025|2021-2025']],
    ['Kết quả 2021-2025 khả quan.', ['2021-2025|2021-2025']],
    ['Kết quả 2021–2025 khả quan.', ['2021–2025|2021-2025']],
    ['Mục tiêu giai đoạn 2026-2030 là rõ.', ['giai đoạn 2026-2030|2026-2030']],
    ['Trong nhiệm kỳ 2020 - 2025 đã làm.', ['nhiệm kỳ 2020 - 2025|2020-2025']],
    ['ĐẠI HỘI NHIỆM KỲ 2025 - 2030', ['NHIỆM KỲ 2025 - 2030|2025-2030']],
    ['quy hoạch thời kỳ 2021 - 2030 đã duyệt', ['thời kỳ 2021 - 2030|2021-2030']],
    ['Dẫn đầu bảy năm (2017 - 2023), rất tốt.', ['2017 - 2023|2017-2023']],
    ['Phấn đấu đến năm 2030 đạt mục tiêu.', ['đến năm 2030|2030|until']],
    ['Phấn đấu đến hết năm 2030 đạt mục tiêu.', ['đến hết năm 2030|2030|until']],
    ['Tỷ lệ đến hết 2024 là cao.', ['đến hết 2024|2024|until']],
    ['Phấn đấu đến 2030, tỉnh mạnh.', ['đến 2030|2030|until']],
    ['tầm nhìn đến năm 2045 rõ ràng', ['đến năm 2045|2045|until']],
    ['Tăng trưởng 5 năm đạt cao.', ['5 năm|null|term']],
    ['Xuất khẩu 05 năm ước đạt nhiều.', ['05 năm|null|term']],
    ['Sản lượng cả giai đoạn ước đạt nhiều.', ['cả giai đoạn|null|term']],
    ['Tỷ trọng cả nhiệm kỳ tăng.', ['cả nhiệm kỳ|null|term']],
    ['miễn học phí từ năm học 2021 - 2022 đến nay', ['năm học 2021 - 2022|2021-2022|school']],
    ['từ năm 2020 đến năm 2025 tăng đều', ['từ năm 2020 đến năm 2025|2020-2025']],
    ['chỉ số PAPI (2020, 2022, 2024) cao', ['2020|2020', '2022|2022', '2024|2024']],
    ['giai đoạn 2017 - 2020 và 2022 - 2023 tốt', ['giai đoạn 2017 - 2020|2017-2020', '2022 - 2023|2022-2023']],
    ['gấp 1,9 lần so với năm 2020; tăng', ['năm 2020|2020']],
  ];
  for (const [s, want] of cases) test(s, () => assert.deepEqual(periods(s), want));

  const none: string[] = [
    'Tăng trưởng hằng năm cao.',
    'Thu nhập hàng năm tăng, mỗi năm một khá.',
    'Tăng 10%/năm đều đặn.',
    'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.',
    'Quy chuẩn QCVN 01-1:2008/BYT áp dụng.',
    'Thành lập 2.000 doanh nghiệp.',
    'Diện tích 1950 ha đất rừng.',
    'Lịch sử 2000 năm văn hiến.',
    'Bookmark _Hlk2025 còn sót.',
    'Dẫn đầu 05 năm liên tiếp.',
    'Tỷ lệ năm 1800 thấp.',
    'Năm 2200 còn xa.',
  ];
  for (const s of none) test(`none in: ${s}`, () => assert.deepEqual(periods(s), []));

  // only whole runs of four digits (years) and "5" / "05" (terms) start a mention; a mention's end is a run's end
  const runs: [string, string[]][] = [
    ['năm 12025 và năm 20255 chưa tới', []],
    ['trong 15 năm, 55 năm, 005 năm, 50 năm', []],
    ['5 năm qua tăng', ['5 năm|null|term']],
    ['2025 là năm bản lề', ['2025|2025']],
    ['giai đoạn 2021 - 2025 - 2030 dài', ['giai đoạn 2021 - 2025|2021-2025', '2030|2030']],
    ['từ năm 2020 đến năm 2025, 5 năm 2021-2025', ['từ năm 2020 đến năm 2025|2020-2025', 'năm 2021-2025|2021-2025']],
    ['mã 2025x và 2025 và x2025', ['2025|2025']],
    ['đến năm 2030', ['đến năm 2030|2030|until']],
  ];
  for (const [s, want] of runs) test(`digit runs: ${s}`, () => assert.deepEqual(periods(s), want));

  test('"5 năm" directly followed by explicit years yields only the explicit period', () => {
    assert.deepEqual(periods('tăng trưởng 5 năm 2021 - 2025 ước đạt'), ['năm 2021 - 2025|2021-2025']);
  });

  test('offsets are NFC offsets and text matches the slice', () => {
    const s = 'Về kinh tế: giai đoạn 2026 - 2030 đạt; đến năm 2030 xong; cả giai đoạn tốt.';
    const ms = extractPeriods(s);
    assert.equal(ms.length, 3);
    for (const m of ms) assert.equal(s.slice(m.start, m.end), m.text);
    for (let i = 1; i < ms.length; i++) assert.ok(ms[i - 1].start <= ms[i].start);
  });
});

describe('parsePeriod / formatPeriod / samePeriod', () => {
  const cases: [string, { from: number; to: number } | null][] = [
    ['2021-2025', { from: 2021, to: 2025 }],
    ['2021 - 2025', { from: 2021, to: 2025 }],
    ['2021–2025', { from: 2021, to: 2025 }],
    ['2025', { from: 2025, to: 2025 }],
    [' 2030 ', { from: 2030, to: 2030 }],
    ['2025-2021', null],
    ['1899', null],
    ['2101', null],
    ['202', null],
    ['2021-2025x', null],
    ['năm 2025', null],
    ['', null],
  ];
  for (const [s, want] of cases) test(`parsePeriod(${JSON.stringify(s)})`, () => assert.deepEqual(parsePeriod(s), want));

  test('formatPeriod', () => {
    assert.equal(formatPeriod({ from: 2021, to: 2025 }), '2021-2025');
    assert.equal(formatPeriod({ from: 2025, to: 2025 }), '2025');
  });
  test('round trip', () => {
    for (const s of ['2021-2025', '2025', '1995-2000']) assert.equal(formatPeriod(parsePeriod(s)!), s);
  });
  test('samePeriod', () => {
    assert.equal(samePeriod({ from: 2021, to: 2025 }, parsePeriod('2021 - 2025')), true);
    assert.equal(samePeriod({ from: 2021, to: 2025 }, { from: 2021, to: 2026 }), false);
    assert.equal(samePeriod(null, { from: 2021, to: 2025 }), false);
  });
});
