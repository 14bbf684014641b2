/**
 * Shared pieces of the property tests: a runner with a time budget that prints how to replay a failure, and
 * generators of realistic draft text (Vietnamese words in NFC and NFD, numbers written the Vietnamese way,
 * units, outline markers, line breaks of every kind, surrogate pairs, stray marks).
 *
 * Runs are deterministic by default (a fixed seed per property, so CI never flakes); explore with
 *   FUZZ_SEED=random FUZZ_SCALE=20 node scripts/run-tests.mjs fuzz
 * and replay a reported failure with FUZZ_SEED=<seed> FUZZ_PATH=<path>. Every failure found this way is kept
 * as a regression case in test/fuzz/regressions/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';

/** Multiplies run counts and time budgets (FUZZ_SCALE=10 for a deeper local run). */
export const SCALE = Number(process.env.FUZZ_SCALE) > 0 ? Number(process.env.FUZZ_SCALE) : 1;

function seedFor(name: string): number {
  const env = process.env.FUZZ_SEED;
  if (env === 'random') return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  if (env && Number.isFinite(Number(env))) return Number(env) | 0;
  // a fixed seed per property name
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h | 0;
}

export interface FuzzOptions {
  numRuns?: number;
  /** time budget in ms (the run stops early, successfully, when it is spent) */
  timeMs?: number;
}

/**
 * A property test: `check` must not throw for any generated value. On failure the seed, the path and the
 * shrunk counterexample are printed (and the test fails with them).
 */
export function fuzz<T>(name: string, arb: fc.Arbitrary<T>, check: (v: T) => void, opts: FuzzOptions = {}): void {
  test(name, () => {
    const seed = seedFor(name);
    const numRuns = Math.max(1, Math.round((opts.numRuns ?? 200) * SCALE));
    const out = fc.check(
      fc.property(arb, (v) => {
        check(v);
      }),
      {
        seed,
        numRuns,
        interruptAfterTimeLimit: Math.round((opts.timeMs ?? 3000) * SCALE),
        path: process.env.FUZZ_SEED && process.env.FUZZ_PATH ? process.env.FUZZ_PATH : undefined,
      },
    );
    if (out.failed) {
      const err = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
      const msg =
        `property "${name}" failed after ${out.numRuns} run(s)\n` +
        `replay: FUZZ_SEED=${out.seed} FUZZ_PATH=${out.counterexamplePath ?? ''} node scripts/run-tests.mjs fuzz\n` +
        `counterexample: ${JSON.stringify(out.counterexample)}\n${err}`;
      console.error(msg);
      assert.fail(msg);
    }
    assert.ok(out.numRuns > 0, `property "${name}" ran no case`);
  });
}

// ---------------------------------------------------------------------------------------------------------
// building blocks

export const oneOf = <T>(...xs: T[]) => fc.constantFrom(...xs);

/** Vietnamese words of drafts (NFC). */
export const WORDS = [
  'tăng', 'trưởng', 'kinh', 'tế', 'tốc', 'độ', 'bình', 'quân', 'đầu', 'người', 'tỉnh', 'huyện', 'xã', 'thành', 'phố',
  'năm', 'giai', 'đoạn', 'nhiệm', 'kỳ', 'ước', 'đạt', 'trên', 'dưới', 'khoảng', 'gần', 'hơn', 'so', 'với', 'chiếm',
  'tổng', 'vốn', 'thu', 'ngân', 'sách', 'trong', 'đó', 'gấp', 'lần', 'mục', 'tiêu', 'chỉ', 'phấn', 'đấu', 'hoà', 'hòa',
  'thuỷ', 'thủy', 'tỉ', 'tỷ', 'lệ', 'hộ', 'nghèo', 'đô', 'thị', 'hoá', 'hóa', 'Nghị', 'quyết', 'số', 'ngày', 'khâu',
  'đột', 'phá', 'Một', 'là', 'Hai', 'Ba', 'các', 'và', 'của', 'được', 'GRDP', 'FDI', 'USD', 'COVID', 'Khu', 'cả',
  'trở', 'lên', 'dự', 'kiến', 'tối', 'thiểu', 'không', 'quá', 'học', 'cùng', 'toàn', 'doanh', 'nghiệp', 'Quảng', 'Ninh',
];

/** Numbers as drafts write them. */
export const NUMBERS = [
  '0', '1', '3', '5', '03', '10', '12', '45', '100', '2020', '2025', '2030', '10,4', '3,5', '0,5', '11.000', '1.000.000',
  '395.000', '45.799', '36.875', '1,7', '4.0', '2.1', '1.234,5', '99,99', '00', '007', '1.1.1', '19', '57', '2021',
];

export const UNITS = [
  '%', '%/năm', ' %', ' USD', ' tỷ USD', ' tỷ đồng', ' nghìn tỷ đồng', ' ngàn tỷ', ' triệu đồng/người', ' lần', ' ha', 'Km',
  ' km', ' triệu tấn', ' người', ' huyện', ' xã', ' chương trình', ' khâu đột phá', ' năm', ' giường bệnh/1 vạn dân', '',
];

export const PUNCT = [' ', ' ', ' ', ', ', '. ', '; ', ': ', ' - ', '-', '–', '/', '(', ')', '“', '”', '"', '…', '!', '?', ' (', ') '];

export const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n'];

/** Odd characters: surrogate pairs, lone surrogates, controls, marks on their own, zero-width, NBSP, BOM. */
export const ODD = [
  '😀', '𝐀', '\ud83d', '\ude00', '\u0000', '\u0007', '\u001b', '\u0301', '\u0323', '\u0300\u0301', '\u200b', '\u00a0',
  '\ufeff', '\u2028', '\t', '\u0308', '\u20dd', 'ǅ', 'İ', 'ß', 'ﬁ', 'Å', '\u212b', '\u1100\u1161', '\uf900', '\u0344',
];

export const MARKERS = [
  'Phần thứ nhất', 'Phần thứ hai', 'PHẦN THỨ BA', 'Phần I', 'I-', 'II-', 'III.', 'IV -', 'V.', 'I.', '1.', '2.', '1.1.',
  '1.2.', '2.1.', '2.1.1.', '2.1.2.', '4.1', '(1)', '(2)', '(3)', '(10)', 'a)', 'b)', 'đ)', '#', '##', '###', '**1.',
  '[bookmark: _Hlk1]1.', '[bookmark: _Hlk2] I-', '1.1.1.1.1.1.', '12.', '(01)', 'X-', 'L.', 'VI-',
];

export const TITLES = [
  'KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT', 'Kinh tế', 'kinh tế tăng trưởng nhanh', 'Công tác xây dựng Đảng', 'PHƯƠNG HƯỚNG',
  'Mục tiêu', 'Các chỉ tiêu chủ yếu', 'Hạn chế, yếu kém', 'Tăng trưởng kinh tế đạt 10,4%/năm. Nội dung tiếp',
  'Phát triển đô thị: đạt chuẩn', 'Văn hoá', 'Văn hóa', 'TP. Hạ Long phát triển', 'V. I. Lê-nin', '',
];

/** A Vietnamese word, sometimes decomposed (NFD) or capitalised. */
export const word = fc
  .tuple(fc.constantFrom(...WORDS), fc.integer({ min: 0, max: 9 }))
  .map(([w, k]) => (k === 0 ? w.normalize('NFD') : k === 1 ? w.toUpperCase() : k === 2 ? w[0].toUpperCase() + w.slice(1) : w));

/** A figure as drafts write it: bound, number (maybe a range or a pair), unit. */
export const figure = fc
  .tuple(
    fc.constantFrom('', '', 'trên ', 'khoảng ', 'ước đạt ', 'tăng ', 'giảm ', 'gấp ', 'không quá ', 'từ ', 'đạt '),
    fc.constantFrom(...NUMBERS),
    fc.constantFrom('', '', '', '-', ' - ', '/', '–'),
    fc.constantFrom(...NUMBERS),
    fc.constantFrom(...UNITS),
    fc.constantFrom('', '', ' trở lên', ' năm 2025', ' so với năm 2020'),
  )
  .map(([b, n, sep, n2, u, tail]) => `${b}${n}${sep ? sep + n2 : ''}${u}${tail}`);

export const period = fc.constantFrom(
  'năm 2025', '2021 - 2025', '2021-2025', 'giai đoạn 2026-2030', 'nhiệm kỳ 2020 - 2025', '(2017 - 2023)', 'đến năm 2030',
  'đến hết 2024', '5 năm', 'cả giai đoạn', 'năm học 2021 - 2022', 'từ năm 2020 đến năm 2025', 'hằng năm', '2030 - 2021',
);

/** Words and phrases the rules look for (counts, parts and totals, rates, citations), sometimes glued to more. */
export const KEYWORDS = [
  'tỷ lệ', 'tỉ lệ', 'tỷ trọng', 'tỉ trọng', 'điểm phần trăm', 'tổng', 'tổng số', 'gồm', 'bao gồm', 'trong đó', 'chiếm',
  'Một là,', 'Hai là,', 'Ba là,', 'Thứ nhất,', 'Thứ hai,', '3 nhiệm vụ:', '05 khâu đột phá:', 'hai chương trình (', 'Quyết định số',
  'Kết luận số', 'Chỉ thị số', 'cùng kỳ', 'bình quân', 'gấp', 'lần', 'so với', 'tăng', 'giảm', 'còn', 'lên', 'xuống',
  'cả nước', 'toàn tỉnh', 'mục tiêu', 'chỉ tiêu', 'phấn đấu', 'kế hoạch', 'ước', 'khoảng', 'và', ';', ':', '“', '”',
];

export const keyword = fc
  .tuple(fc.constantFrom(...KEYWORDS), fc.constantFrom('', '', '', 'x', 'a', '1'))
  .map(([k, glue]) => k + glue);

/** A fragment of draft prose. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: word },
  { weight: 3, arbitrary: keyword },
  { weight: 3, arbitrary: figure },
  { weight: 2, arbitrary: period },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.constantFrom(...BREAKS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.constantFrom('[bookmark: _Hlk123]', '<!-- draftlint-disable-next-line -->', '<!-- draftlint-disable format/quotes -->', '<!-- draftlint-enable -->', '```', 'Nghị quyết số 17-NQ/TU ngày 30/10/2023', 'ngày 31/02/2024', '3 khâu đột phá: Một là, ') },
);

/** A line of prose. */
export const prose = fc
  .array(fc.tuple(fragment, fc.constantFrom(' ', ' ', ' ', '', ', ')), { maxLength: 30, size: 'medium' })
  .map((xs) => xs.map(([f, sep]) => f + sep).join(''));

/** A heading line (marker, title, maybe body on the same line). */
export const heading = fc
  .tuple(fc.constantFrom('', '', '', ' ', '**', '[bookmark: _Hlk9]'), fc.constantFrom(...MARKERS), fc.constantFrom(' ', ' ', '', '  '), fc.constantFrom(...TITLES), prose.map((p) => p.replace(/[\r\n]/g, ' ')))
  .map(([pre, m, sp, t, body]) => `${pre}${m}${sp}${t}${body ? '. ' + body : ''}`);

/** A document: headings and prose lines joined by line breaks of one or several kinds. */
export const draft = fc
  .tuple(
    fc.array(fc.oneof({ weight: 2, arbitrary: heading }, { weight: 3, arbitrary: prose }), { maxLength: 25, size: 'medium' }),
    fc.constantFrom('\n', '\r\n', 'mixed'),
    fc.integer({ min: 0, max: 3 }),
  )
  .chain(([lines, eol, form]) =>
    fc.array(fc.constantFrom(...BREAKS), { minLength: lines.length, maxLength: lines.length }).map((brs) => {
      let s = lines.map((l, i) => l + (eol === 'mixed' ? brs[i] : eol)).join('');
      if (form === 1) s = s.normalize('NFD');
      if (form === 2) s = s.normalize('NFC');
      return s;
    }),
  );

/** Random text over a small alphabet that hits every scanner's edge cases (digits, separators, marks). */
export const noisy = fc
  .array(
    fc.oneof(
      fc.constantFrom('0', '1', '2', '9', '.', ',', '-', '/', ':', '%', ' ', '(', ')', '[', ']', '#', '*', '"', '“', '”', 'a', 'I', 'V', 'X', 'đ', 'Đ'),
      fc.constantFrom(...ODD, ...BREAKS),
      fragment,
      fc.string({ maxLength: 3, unit: 'binary' }),
    ),
    { maxLength: 60, size: 'medium' },
  )
  .map((xs) => xs.join(''));

// ---------------------------------------------------------------------------------------------------------
// invariants shared by the properties and the regression replays

/**
 * Why offset `at` of a UTF-16 string is no place for a range to start or end (inside a surrogate pair, a CRLF,
 * or between a character and its combining marks), or null when it is fine.
 */
export function cutsCharacter(s: string, at: number): string | null {
  if (at <= 0 || at >= s.length) return null;
  const a = s.charCodeAt(at - 1);
  const b = s.charCodeAt(at);
  if (a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff) return 'splits a surrogate pair';
  if (a === 13 && b === 10) return 'splits a CRLF';
  if (a !== 10 && a !== 13 && /\p{M}/u.test(s[at])) return 'separates a character from its combining mark';
  return null;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const PART = ['nhất', 'hai', 'ba', 'tư'];
const LETTERS = 'abcdđeghik';

/**
 * A draft with a real outline: parts, roman sections, decimal sections up to four levels, (n) targets and a)
 * items, numbered in sequence with occasional mistakes (gaps, repeats, skipped levels), prose in between, and a
 * title line that selects the built-in template now and then.
 */
export const structuredDraft = fc
  .tuple(
    fc.array(
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: -1, max: 8 }), fc.constantFrom(...TITLES), prose, fc.boolean()),
      { maxLength: 40, size: 'medium' },
    ),
    fc.boolean(),
    fc.constantFrom('\n', '\r\n'),
    fc.constantFrom('none', 'nfd', 'some-nfd'),
  )
  .map(([items, titled, eol, form]) => {
    const counters = [0, 0, 0, 0, 0, 0, 0];
    const lines: string[] = [];
    if (titled) lines.push('BÁO CÁO CHÍNH TRỊ', 'CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH', 'TẠI ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH, NHIỆM KỲ 2025 - 2030', '');
    for (const [level, jitter, title, body, inline] of items) {
      // jitter 0 mostly continues the sequence; other values make a mistake
      const bump = jitter <= 4 ? 1 : jitter === 5 ? 2 : jitter === 6 ? 0 : jitter === 7 ? -1 : 1;
      counters[level] = Math.max(1, counters[level] + bump);
      for (let k = level + 1; k < counters.length; k++) counters[k] = 0;
      const n = counters[level];
      const dec = (depth: number) => counters.slice(2, 2 + depth).map((x) => Math.max(1, x)).join('.') + '.';
      let marker: string;
      switch (level) {
        case 0:
          marker = `Phần thứ ${PART[(n - 1) % PART.length]}`;
          break;
        case 1:
          marker = `${ROMAN[(n - 1) % ROMAN.length]}-`;
          break;
        case 2:
        case 3:
        case 4:
          marker = jitter === -1 ? dec(level - 1).slice(0, -1) : dec(level - 1);
          break;
        case 5:
          marker = `(${n})`;
          break;
        default:
          marker = `${LETTERS[(n - 1) % LETTERS.length]})`;
      }
      if (level === 0) lines.push(marker, title.toUpperCase() || 'KẾT QUẢ');
      else lines.push(`${marker} ${title}${inline && body ? '. ' + body.replace(/[\r\n]+/g, ' ') : ''}`);
      if (body && !inline) lines.push(body.replace(/[\r\n]+/g, ' '));
    }
    let s = lines.join(eol) + eol;
    if (form === 'nfd') s = s.normalize('NFD');
    if (form === 'some-nfd') s = s.split(eol).map((l, i) => (i % 3 === 1 ? l.normalize('NFD') : l)).join(eol);
    return s;
  });

/**
 * A text with random edits: characters inserted (quotes, separators, line breaks, a BOM, brackets), ranges
 * deleted, lines duplicated or dropped, the end cut off. Valid files turned into the broken files users write.
 */
export function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const op = fc.tuple(
    fc.constantFrom('insert', 'insert', 'delete', 'dupline', 'dropline', 'cut', 'replace'),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', ';', '\t', 'x', '1', '.', '..', '\ufeff', '|', ':', ': ', '- ', '-', '[', ']', '{', '}', '#', "'", '\\', '\u0000', ' ', '  ', '1,5', 'NaN', '1e999', '2030-2021', 'null', 'true', '&a', '*a', '!!str', '---', '...', '%YAML'),
    fc.integer({ min: 1, max: 12 }),
  );
  return fc.tuple(base, fc.array(op, { maxLength: 6 })).map(([s, ops]) => {
    let t = s;
    for (const [kind, at, payload, len] of ops) {
      const p = Math.min(t.length, Math.floor(at * (t.length + 1)));
      if (kind === 'insert') t = t.slice(0, p) + payload + t.slice(p);
      else if (kind === 'replace') t = t.slice(0, p) + payload + t.slice(p + len);
      else if (kind === 'delete') t = t.slice(0, p) + t.slice(p + len);
      else if (kind === 'cut') t = t.slice(0, p);
      else {
        const lines = t.split('\n');
        const i = Math.min(lines.length - 1, Math.floor(at * lines.length));
        if (kind === 'dupline') lines.splice(i, 0, lines[i]);
        else lines.splice(i, 1);
        t = lines.join('\n');
      }
    }
    return t;
  });
}
