// The TextMate injection grammar (syntaxes/draftlint.tmLanguage.json), tokenized with the same engine as
// VS Code (vscode-textmate + vscode-oniguruma) on short synthetic lines.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const require = createRequire(__filename);
const root = path.resolve(__dirname, '..', '..');
const INJECTION = 'text.draftlint.injection';
const grammarJson = JSON.parse(readFileSync(path.join(root, 'syntaxes', 'draftlint.tmLanguage.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const file =
        scopeName === INJECTION ? 'draftlint.tmLanguage.json' : scopeName === 'text.plain' ? 'plaintext.tmLanguage.json' : null;
      if (!file) return null;
      const p = path.join(root, 'syntaxes', file);
      return vsctm.parseRawGrammar(readFileSync(p, 'utf8'), p);
    },
    getInjections: (scopeName: string) => (scopeName === 'text.plain' ? [INJECTION] : undefined),
  });
  const g = await registry.loadGrammar('text.plain');
  assert.ok(g, 'text.plain grammar loads');
  grammar = g;
});

interface Tok {
  text: string;
  scopes: string[];
}

function tokenize(line: string): Tok[] {
  const r = grammar.tokenizeLine(line, vsctm.INITIAL);
  return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

/** the concatenated text of the tokens carrying `scope` (runs separated by |) */
function textWith(line: string, scope: string): string {
  const runs: string[] = [];
  let cur = '';
  for (const t of tokenize(line)) {
    if (t.scopes.some((s) => s === scope)) cur += t.text;
    else if (cur) {
      runs.push(cur);
      cur = '';
    }
  }
  if (cur) runs.push(cur);
  return runs.join('|');
}

const FIG = 'constant.numeric.figure.draftlint';
const BOUND = 'keyword.other.bound.draftlint';
const UNIT = 'keyword.other.unit.draftlint';
const META = 'meta.figure.draftlint';
const SECTION_PREFIX = 'entity.name.section.';
const CITE = 'string.other.citation.draftlint';

function sectionText(line: string): string {
  return tokenize(line)
    .filter((t) => t.scopes.some((s) => s.startsWith(SECTION_PREFIX) && s.endsWith('.draftlint')))
    .map((t) => t.text)
    .join('');
}

describe('grammar: contribution', () => {
  test('package.json injects the grammar into Markdown and plain text', () => {
    const g = pkg.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === INJECTION);
    assert.ok(g, 'grammar contributed');
    assert.deepEqual([...g.injectTo].sort(), ['text.html.markdown', 'text.plain']);
    assert.match(grammarJson.injectionSelector, /L:text\.html\.markdown/);
    assert.match(grammarJson.injectionSelector, /L:text\.plain/);
    const plain = pkg.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === 'text.plain');
    assert.equal(plain.language, 'plaintext');
  });
});

describe('grammar: figures', () => {
  const cases: [string, { figure: string; bound?: string; unit: string }][] = [
    ['GRDP bình quân đạt trên 11.000 USD vào cuối kỳ', { figure: '11.000', bound: 'trên', unit: 'USD' }],
    ['tăng bình quân 10,4%/năm trong giai đoạn', { figure: '10,4', unit: '%/năm' }],
    ['năng suất tăng 3-3,5% mỗi năm', { figure: '3|3,5', unit: '%' }],
    ['tổng vốn khoảng 490 nghìn tỷ đồng cho cả kỳ', { figure: '490', bound: 'khoảng', unit: 'nghìn tỷ đồng' }],
    ['thu ngân sách ước đạt 395.000 tỷ đồng', { figure: '395.000', unit: 'tỷ đồng' }],
    ['quy mô gấp 1,7 lần đầu kỳ', { figure: '1,7', unit: 'lần' }],
    ['tỷ lệ đạt 8 - 8,5 %/năm', { figure: '8|8,5', unit: '%/năm' }],
  ];
  for (const [line, want] of cases) {
    test(`figure in "${line}"`, () => {
      assert.equal(textWith(line, FIG), want.figure);
      assert.equal(textWith(line, UNIT), want.unit);
      assert.equal(textWith(line, BOUND), want.bound ?? '');
    });
  }

  test('the whole figure, bound to unit, is one meta.figure run', () => {
    assert.equal(textWith('mức trên 11.000 USD.', META), 'trên 11.000 USD');
    assert.equal(textWith('tăng 3-3,5% mỗi năm', META), '3-3,5%');
  });

  const none = [
    'nhiệm kỳ 2020 - 2025 và tầm nhìn đến năm 2045', // years, no unit
    'có 13 địa phương tham gia', // count of things, no unit
    'mã số 12USD không phải số liệu', // unit glued to a word
    'phiên bản 2.1.1 của tài liệu', // section-like numbers in prose
    'tỷ lệ hashtag đạt', // no number
  ];
  for (const line of none) {
    test(`no figure in "${line}"`, () => {
      assert.equal(textWith(line, FIG), '');
      assert.equal(textWith(line, BOUND), '');
    });
  }

  test('a bound word alone is not marked', () => {
    assert.equal(textWith('tăng trên mức bình quân', BOUND), '');
  });
});

describe('grammar: outline markers', () => {
  const cases: [string, string][] = [
    ['Phần thứ nhất', 'Phần thứ nhất'],
    ['PHẦN THỨ HAI', 'PHẦN THỨ HAI'],
    ['I- KẾT QUẢ ĐẠT ĐƯỢC', 'I-'],
    ['II- hạn chế, yếu kém', 'II-'],
    ['IV. NHIỆM VỤ', 'IV.'],
    ['1. Công tác xây dựng Đảng', '1.'],
    ['1.1. Công tác chính trị', '1.1.'],
    ['2.1.1. Công nghiệp phát triển', '2.1.1.'],
    ['4.1 Bảo đảm quốc phòng', '4.1'],
    ['(1) Tốc độ tăng trưởng', '(1)'],
    ['nguyên nhân: (2) Thể chế chưa đồng bộ', '(2)'],
    ['a) Về kinh tế', 'a)'],
  ];
  for (const [line, marker] of cases) {
    test(`marker "${marker}" in "${line}"`, () => {
      assert.equal(sectionText(line), marker);
    });
  }

  const none = [
    'Phần lớn các chỉ tiêu đạt', // "Phần" not followed by "thứ …"
    '2025 là năm cuối nhiệm kỳ', // a year at line start
    '11.000 USD là mức bình quân', // a number at line start
    'các mục (1) và (2) trên đây', // paren numbers in prose, lower-case after
    'I. ví dụ viết thường', // roman + dot needs an upper-case title
    'trong đó 1. Đây không ở đầu dòng',
  ];
  for (const line of none) {
    test(`no marker in "${line}"`, () => {
      assert.equal(sectionText(line), '');
    });
  }
});

describe('grammar: citations', () => {
  const cases: [string, string, string][] = [
    ['theo Nghị quyết số 17-NQ/TU của Tỉnh ủy', 'Nghị quyết số 17-NQ/TU', '17-NQ/TU'],
    ['thực hiện Quy định số 144-QĐ/TW ngày 09/5/2024 của', 'Quy định số 144-QĐ/TW ngày 09/5/2024', '144-QĐ/TW'],
    ['Nghị quyết 10-NQ/TU về phát triển', 'Nghị quyết 10-NQ/TU', '10-NQ/TU'],
    ['theo Nghị định số 09/2022/NĐ-CP về', 'Nghị định số 09/2022/NĐ-CP', '09/2022/NĐ-CP'],
  ];
  for (const [line, whole, num] of cases) {
    test(`citation in "${line}"`, () => {
      assert.equal(textWith(line, CITE), whole);
      assert.equal(textWith(line, 'constant.other.document-number.draftlint'), num);
    });
  }
  test('the date of a citation is marked', () => {
    assert.equal(
      textWith('Nghị quyết số 06-NQ/TU ngày 17/5/2021 của', 'constant.numeric.date.draftlint'),
      '17/5/2021',
    );
  });
  test('a resolution named without a number is not a citation', () => {
    assert.equal(textWith('Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV', CITE), '');
  });
  test('a figure inside a citation is not marked as a figure', () => {
    assert.equal(textWith('Nghị quyết số 17-NQ/TU', FIG), '');
  });
});

describe('grammar: scale', () => {
  // a pattern that backtracks runs into the timeout (no time is asserted)
  test('a long line of figures tokenizes', { timeout: 30_000 }, () => {
    const line = 'tăng 10,4%/năm, đạt trên 11.000 USD; '.repeat(400) + '1'.repeat(5000);
    const toks = tokenize(line);
    assert.ok(toks.length > 800, `tokens: ${toks.length}`);
  });
});
