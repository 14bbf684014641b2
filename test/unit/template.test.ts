import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextView } from '../../server/src/core/text';
import { parseOutline } from '../../server/src/core/outline';
import { parseTemplate, parsePeriodText, jsonErrorOffset, type TemplateDef } from '../../server/src/core/template/schema';
import { builtinTemplates, selectTemplate } from '../../server/src/core/template/builtin';
import {
  applyTemplate,
  templateFromOutline,
  titleSimilarity,
  quickTitleSimilarity,
  titleWords,
  quickFold,
  lettersAndNumbers,
  continuesAcrossGroups,
} from '../../server/src/core/template/apply';
import { fold } from '../../server/src/core/text';
import fc from 'fast-check';

function apply(def: TemplateDef, text: string) {
  const view = new TextView(text);
  const { roots, headings } = parseOutline(view);
  return { view, roots, headings, applied: applyTemplate(def, roots, view) };
}

describe('parseTemplate', () => {
  test('a valid JSON template; ids derived from numbers', () => {
    const json = JSON.stringify(
      {
        name: 'mini',
        title: 'báo cáo thử',
        sections: [
          { kind: 'roman', number: 'I', title: 'Kết quả', period: '2021-2025', children: [{ kind: 'decimal', number: '1' }] },
          { kind: 'roman', number: 'II', title: 'Mục tiêu', required: false },
        ],
      },
      null,
      2,
    );
    const r = parseTemplate(json, 'mini.json', 'json');
    assert.deepEqual(r.issues, []);
    assert.ok(r.template);
    assert.deepEqual(r.template.title, ['báo cáo thử']);
    assert.equal(r.template.sections[0].id, 'I');
    assert.equal(r.template.sections[0].children![0].id, 'I/1');
    assert.equal(r.template.sections[1].required, false);
  });

  test('JSON: a wrong kind is reported on the line of the field', () => {
    const json = '{\n  "name": "x",\n  "sections": [\n    { "kind": "roman", "number": "I" },\n    {\n      "kind": "chapter"\n    }\n  ]\n}';
    const r = parseTemplate(json, 'x.json', 'json');
    assert.equal(r.template, undefined);
    assert.equal(r.issues.length, 1);
    assert.equal(r.issues[0].line, 5);
    assert.equal(r.issues[0].field, 'sections[1].kind');
    assert.equal(r.issues[0].uri, 'x.json');
    assert.match(r.issues[0].message.en, /kind/);
  });

  test('JSON syntax errors carry the line', () => {
    const r = parseTemplate('{\n  "name": "x",\n  "sections": [,]\n}', 'bad.json', 'json');
    assert.equal(r.template, undefined);
    assert.equal(r.issues[0].line, 2);
    assert.equal(r.issues[0].column, 15);
    assert.equal(r.issues[0].severity, 'error');
    const eof = parseTemplate('{\n  "name": "x",\n', 'eof.json', 'json');
    assert.equal(eof.issues[0].line, 2);
  });

  test('jsonErrorOffset finds the first syntax error', () => {
    assert.equal(jsonErrorOffset('{"a": 1,}'), 8);
    assert.equal(jsonErrorOffset('[1, 2 3]'), 6);
    assert.equal(jsonErrorOffset('{"a": tru}'), 6);
    assert.equal(jsonErrorOffset('"abc'), 4);
  });

  test('YAML: bad period and a number that does not fit its kind, with their lines', () => {
    const yaml = ['name: y', 'sections:', '  - kind: part', '    number: "1"', '    period: 2021/2025', '  - kind: roman', '    number: "2.1"', ''].join('\n');
    const r = parseTemplate(yaml, 'y.yaml', 'yaml');
    assert.equal(r.template, undefined);
    const byField = new Map(r.issues.map((i) => [i.field, i]));
    assert.equal(byField.get('sections[0].period')?.line, 4);
    assert.equal(byField.get('sections[1].number')?.line, 6);
  });

  test('YAML: unknown keys are warnings and the template is still returned', () => {
    const yaml = 'name: y\nsections:\n  - kind: roman\n    number: I\n    titel: Kết quả\n';
    const r = parseTemplate(yaml, 'y.yml', 'yaml');
    assert.ok(r.template);
    assert.equal(r.issues.length, 1);
    assert.equal(r.issues[0].severity, 'warning');
    assert.equal(r.issues[0].line, 4);
  });

  test('YAML: a decimal section number written as a number is accepted with a warning', () => {
    const r = parseTemplate('name: y\nsections:\n  - kind: decimal\n    number: 2.1\n  - kind: decimal\n    number: 3\n', 'y.yaml', 'yaml');
    assert.ok(r.template);
    assert.equal(r.template.sections[0].number, '2.1');
    assert.equal(r.template.sections[1].number, '3');
    assert.equal(r.issues.length, 1);
    assert.equal(r.issues[0].severity, 'warning');
    assert.equal(r.issues[0].line, 3);
  });

  test('YAML syntax errors and missing fields', () => {
    const bad = parseTemplate('name: [x\nsections: 1\n', 'b.yaml', 'yaml');
    assert.equal(bad.template, undefined);
    assert.ok(bad.issues.length > 0);
    const noName = parseTemplate('sections:\n  - kind: roman\n', 'n.yaml', 'yaml');
    assert.equal(noName.template, undefined);
    assert.equal(noName.issues[0].field, 'name');
  });

  test('duplicate ids and templates without sections are errors', () => {
    const dup = parseTemplate(
      JSON.stringify({ name: 'd', sections: [{ kind: 'roman', number: 'I' }, { kind: 'roman', number: 'I' }] }),
      'd.json',
      'json',
    );
    assert.equal(dup.template, undefined);
    assert.match(dup.issues[0].message.en, /Duplicate/);
    const empty = parseTemplate('{"name": "e"}', 'e.json', 'json');
    assert.equal(empty.template, undefined);
    const ref = parseTemplate('{"name": "r", "reference": "nghi-quyet.md"}', 'r.json', 'json');
    assert.equal(ref.template?.reference, 'nghi-quyet.md');
  });

  test('the built-in template passes its own schema', () => {
    const def = builtinTemplates['vn-provincial-political-report'];
    const r = parseTemplate(JSON.stringify(def), 'builtin.json', 'json');
    assert.deepEqual(r.issues, []);
    assert.deepEqual(r.template, def);
  });

  test('parsePeriodText', () => {
    assert.deepEqual(parsePeriodText('2021-2025'), { from: 2021, to: 2025 });
    assert.deepEqual(parsePeriodText('2026 – 2030'), { from: 2026, to: 2030 });
    assert.deepEqual(parsePeriodText('2030'), { from: 2030, to: 2030 });
    assert.equal(parsePeriodText('2025-2021'), null);
    assert.equal(parsePeriodText('21-25'), null);
  });
});

describe('selectTemplate', () => {
  test('selects the political report template from the title lines', () => {
    const text = 'DỰ THẢO\nBÁO CÁO CHÍNH TRỊ\nTẠI ĐẠI HỘI ĐẢNG BỘ\n\nPhần thứ nhất\nKẾT QUẢ\n';
    const view = new TextView(text.normalize('NFD'));
    const { roots } = parseOutline(view);
    assert.equal(selectTemplate(view, roots), 'vn-provincial-political-report');
  });

  test('no template when the phrases are missing, late, or the document has no headings', () => {
    const other = new TextView('BÁO CÁO TỔNG KẾT NĂM\nI- KẾT QUẢ\n');
    assert.equal(selectTemplate(other, parseOutline(other).roots), null);
    const late = new TextView('Mở đầu\n'.repeat(20) + 'Báo cáo chính trị tại đại hội\nI- A\n');
    assert.equal(selectTemplate(late, parseOutline(late).roots), null);
    const flat = new TextView('Báo cáo chính trị tại đại hội.\nKhông có đề mục nào.\n');
    assert.equal(selectTemplate(flat, parseOutline(flat).roots), null);
  });
});

describe('applyTemplate', () => {
  const def: TemplateDef = {
    name: 't',
    sections: [
      {
        id: 'p1',
        kind: 'part',
        number: '1',
        title: 'Kết quả nhiệm kỳ',
        period: '2021-2025',
        children: [
          { id: 'p1/I', kind: 'roman', number: 'I', title: 'Kết quả đạt được' },
          { id: 'p1/II', kind: 'roman', number: 'II', title: 'Hạn chế, yếu kém' },
          { id: 'p1/III', kind: 'roman', number: 'III', title: 'Bài học kinh nghiệm' },
        ],
      },
      {
        id: 'p2',
        kind: 'part',
        number: '2',
        title: 'Mục tiêu, nhiệm vụ',
        period: '2026-2030',
        children: [
          { id: 'p2/I', kind: 'roman', number: 'I', title: 'Bối cảnh' },
          {
            id: 'p2/II',
            kind: 'roman',
            number: 'II',
            title: 'Mục tiêu',
            children: [{ id: 'p2/II/1', kind: 'decimal', number: '1', title: 'Mục tiêu tổng quát', required: false, period: '2030' }],
          },
        ],
      },
    ],
  };

  test('a complete document matches every section', () => {
    const text = [
      'Lời mở đầu.',
      'Phần thứ nhất',
      'KẾT QUẢ NHIỆM KỲ VỪA QUA',
      'I- KẾT QUẢ ĐẠT ĐƯỢC',
      'II- HẠN CHẾ, YẾU KÉM',
      'III- BÀI HỌC KINH NGHIỆM',
      'Phần thứ hai',
      'MỤC TIÊU, NHIỆM VỤ',
      'I- BỐI CẢNH',
      'II- MỤC TIÊU',
      '1. Mục tiêu tổng quát',
      'Tăng trưởng 10%.',
    ].join('\n');
    const { applied, headings, view } = apply(def, text);
    assert.equal(applied.matched.size, headings.length);
    assert.deepEqual(applied.missing, []);
    assert.deepEqual(applied.unexpected, []);
    assert.deepEqual(applied.outOfOrder, []);
    assert.equal(headings[1].templateId, 'p1/I');
    assert.equal(headings[0].line, 1);
    const at = (needle: string) => view.text.indexOf(needle);
    assert.deepEqual(applied.periodAt(at('HẠN CHẾ')), { from: 2021, to: 2025 });
    assert.deepEqual(applied.periodAt(at('BỐI CẢNH')), { from: 2026, to: 2030 });
    assert.deepEqual(applied.periodAt(at('Tăng trưởng')), { from: 2030, to: 2030 });
    assert.equal(applied.sectionAt(at('Tăng trưởng'))?.section.id, 'p2/II/1');
    assert.equal(applied.periodAt(0), null);
  });

  test('missing, renumbered, unexpected and out-of-order sections', () => {
    const text = [
      'Phần thứ nhất',
      'KẾT QUẢ NHIỆM KỲ',
      'I- KẾT QUẢ ĐẠT ĐƯỢC',
      'Nội dung.',
      'II- BÀI HỌC KINH NGHIỆM',
      'IV- NỘI DUNG KHÁC',
      'Phần thứ hai',
      'MỤC TIÊU, NHIỆM VỤ',
      'I- MỤC TIÊU',
      'II- BỐI CẢNH',
      '',
    ].join('\n');
    const { applied, headings, view } = apply(def, text);
    const byLine = (l: number) => headings.find((h) => h.line === l)!;
    // II was left out and III renumbered II: matched by its title
    assert.equal(applied.matched.get(byLine(4))?.id, 'p1/III');
    assert.deepEqual(
      applied.missing.map((m) => m.section.id),
      ['p1/II'],
    );
    const miss = applied.missing[0];
    assert.equal(miss.parent, byLine(0));
    assert.equal(miss.insertAt, byLine(4).lineStart);
    assert.equal(view.text.slice(miss.insertAt, miss.insertAt + 3), 'II-');
    assert.deepEqual(applied.unexpected, [byLine(5)]);
    // part two: "Mục tiêu" written before "Bối cảnh"
    assert.equal(applied.outOfOrder.length, 1);
    const hint = applied.orderHint.get(applied.outOfOrder[0])!;
    assert.ok(hint.before || hint.after);
  });

  test('a missing section after the last matched one goes at the end of its parent', () => {
    const text = 'Phần thứ nhất\nKẾT QUẢ\nI- KẾT QUẢ ĐẠT ĐƯỢC\nII- HẠN CHẾ, YẾU KÉM\nvăn bản\nPhần thứ hai\nMỤC TIÊU\nI- BỐI CẢNH\nII- MỤC TIÊU\n';
    const { applied, view } = apply(def, text);
    assert.deepEqual(
      applied.missing.map((m) => m.section.id),
      ['p1/III'],
    );
    assert.equal(applied.missing[0].insertAt, view.text.indexOf('Phần thứ hai'));
  });

  test('missing children of a missing section are not listed; optional ones never', () => {
    const text = 'Phần thứ nhất\nKẾT QUẢ\nI- KẾT QUẢ ĐẠT ĐƯỢC\nII- HẠN CHẾ\nIII- BÀI HỌC\n';
    const { applied } = apply(def, text);
    assert.deepEqual(
      applied.missing.map((m) => m.section.id),
      ['p2'],
    );
    assert.equal(applied.missing[0].parent, null);
  });

  test('Markdown headings without markers match by title and are transparent otherwise', () => {
    const md: TemplateDef = {
      name: 'md',
      sections: [
        { id: 'a', kind: 'markdown', title: 'Kết quả đạt được' },
        { id: 'b', kind: 'markdown', title: 'Hạn chế' },
      ],
    };
    const { applied, headings } = apply(md, '# Báo cáo năm\n## Kết quả đạt được trong năm\n## Hạn chế\n');
    assert.equal(applied.matched.get(headings[1])?.id, 'a');
    assert.equal(applied.matched.get(headings[2])?.id, 'b');
    assert.deepEqual(applied.missing, []);
  });

  test('levels whose children are all optional accept other sections', () => {
    const open: TemplateDef = {
      name: 'o',
      sections: [{ id: 'I', kind: 'roman', number: 'I', title: 'Kết quả', children: [{ id: 'I/1', kind: 'decimal', number: '1', title: 'Kinh tế', required: false }] }],
    };
    const { applied } = apply(open, 'I- KẾT QUẢ\n1. Kinh tế\n2. Xã hội\n3. Môi trường\n');
    assert.deepEqual(applied.unexpected, []);
    const closed: TemplateDef = { ...open, sections: [{ ...open.sections[0], extra: false }] };
    assert.equal(apply(closed, 'I- KẾT QUẢ\n1. Kinh tế\n2. Xã hội\n').applied.unexpected.length, 1);
  });

  test('title similarity is lenient: folding and word overlap', () => {
    assert.equal(titleSimilarity('Hạn chế, yếu kém', 'HẠN CHẾ, YẾU KÉM trong nhiệm kỳ'), 1);
    assert.equal(titleSimilarity('Hạn chế, yếu kém', 'han che'), 0.5);
    assert.equal(titleSimilarity('Kết quả', 'Bối cảnh'), 0);
    assert.equal(titleSimilarity(undefined, 'x'), null);
  });

  // titleWords takes a native shortcut for usual titles; it must give exactly the words of the general path
  const reference = (s: string) => lettersAndNumbers(fold(s));

  test('titleWords and quickFold equal lettersAndNumbers(fold(s)) and fold(s) for every UTF-16 unit', () => {
    const bad: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c);
      for (const s of [u, `Ab${u}cD`, `x ${u}\u0301 y`, `Đ${u}ệ`, `${u}${u}`, ` ${u}\t `]) {
        if (titleWords(s).join('|') !== reference(s).join('|')) bad.push(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
        if (quickFold(s) !== fold(s)) bad.push(`quickFold: U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
    assert.deepEqual(bad.slice(0, 10), []);
  });

  test('titleWords and quickFold equal the general path on random titles (NFC and NFD, any case)', () => {
    const units = [
      ...'aAzZ09 \t-.,;:()/%&\'"'.split(''),
      ...'đĐăĂâÂêÊôÔơƠưƯàÀáạảãẦẤậẩẫỗỘỜớỢởỡứỪựửữỳÝỵỷỹßØøÆæŒœİıŁłĦħſĸŉÿŸ×÷'.split(''),
      ...'\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u0307\u0308\u0340\u0344\u00a0\u2013\u2014\u201c\u201d\u2026'.split(''),
      'µ', 'ª', '²', 'Ω', 'ς', 'Σ', 'ⱥ', 'Ⱥ', '\u2000', '\u3000', '\ufeff',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), fc.constantFrom('NFC', 'NFD', 'none'), (us, form) => {
        const raw = us.join('');
        const s = form === 'none' ? raw : raw.normalize(form as 'NFC' | 'NFD');
        assert.deepEqual(titleWords(s), reference(s));
        assert.equal(quickFold(s), fold(s));
      }),
      { numRuns: 3000 },
    );
  });

  test('titleSimilarity equals the share of the template title words found among the heading title words', () => {
    const stop = new Set(
      'va cua cac nhung trong voi duoc cho theo de la co mot so ve tai den hon ngay cang nhat thu'.split(' '),
    );
    const tokens = (s: string) => new Set(reference(s).filter((w) => !stop.has(w)));
    const expected = (t: string, h: string) => {
      if (!t || !h.trim()) return null;
      const a = tokens(t);
      const b = tokens(h);
      if (a.size === 0 || b.size === 0) return null;
      return [...a].filter((w) => b.has(w)).length / a.size;
    };
    const words = ['Kinh', 'tế', 'kinh tế', 'xã hội', 'và', 'của', 'Đảng', 'ĐẢNG', 'dang', 'tê', '2025', 'a', 'ab', 'b', 'nhất', 'thứ'];
    const seps = [' ', ', ', ' - ', '; ', '', '  '];
    const title = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 8 })
      .map((ps) => ps.map(([w, p]) => w + p).join(''));
    fc.assert(
      fc.property(title, title, (t, h) => {
        assert.equal(titleSimilarity(t, h), expected(t, h));
      }),
      { numRuns: 2000 },
    );
  });

  test('quickTitleSimilarity (keys searched in the folded title) equals titleSimilarity (word sets)', () => {
    // the property breaks if hasWord ignores a word boundary, or if a title without a key gives 0 for null
    const words = [
      'Kinh', 'tế', 'kinh tế', 'kinhte', 'xã hội', 'và', 'của', 'Đảng', 'ĐẢNG', 'dang', 'đangx', 'xdang', 'tê', '2025',
      'a', 'ab', 'b', 'nhất', 'thứ', 'cải', 'cách', 'ß', 'Ø', 'ñ', 'Ω', 'x́', 'ệ', '²',
    ];
    const seps = [' ', ', ', ' - ', '; ', '', '  ', ' ', '–', '“', '”', '.', '/', '_', '́'];
    const title = fc
      .array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 10 })
      .map((ps) => ps.map(([w, p]) => w + p).join(''));
    fc.assert(
      fc.property(title, title, fc.boolean(), (t, h, nfd) => {
        const head = nfd ? h.normalize('NFD') : h;
        assert.equal(quickTitleSimilarity(t, head), titleSimilarity(t, head));
      }),
      { numRuns: 3000 },
    );
    assert.equal(quickTitleSimilarity('Kinh tế', 'Kinh tế biển'), 1);
    assert.equal(quickTitleSimilarity('Kinh tế biển', 'kinh doanh, tế bào'), 2 / 3);
    assert.equal(quickTitleSimilarity('Kinh tế', 'kinhte'), 0);
    assert.equal(quickTitleSimilarity('Kinh tế', 'và của'), null);
    assert.equal(quickTitleSimilarity('và', 'Kinh tế'), null);
  });

  test('titleWords: Vietnamese titles fold to their words', () => {
    assert.deepEqual(titleWords('  KẾT QUẢ ĐẠT ĐƯỢC – nhiệm kỳ 2020 - 2025.'), ['ket', 'qua', 'dat', 'duoc', 'nhiem', 'ky', '2020', '2025']);
    assert.deepEqual(titleWords('Thủy lợi, thuỷ sản'), ['thuy', 'loi', 'thuy', 'san']);
    assert.deepEqual(titleWords(' - '), []);
    assert.deepEqual(titleWords(''), []);
  });
});

describe('templateFromOutline', () => {
  const ref = [
    'Phần thứ nhất',
    'ĐÁNH GIÁ',
    'I- KẾT QUẢ',
    '1. Kinh tế',
    'II- MỤC TIÊU',
    '1. Chỉ tiêu',
    '1.1. Về kinh tế',
    '(1) Tăng trưởng',
    '(2) Thu nhập',
    '1.2. Về xã hội',
    '(3) Việc làm',
    '',
  ].join('\n');

  test('builds sections from the outline; (n) items are content; continuous lists are detected', () => {
    const view = new TextView(ref);
    const { roots } = parseOutline(view);
    const t = templateFromOutline(roots, 'ref');
    assert.equal(t.name, 'ref');
    assert.equal(t.sections.length, 1);
    const part = t.sections[0];
    assert.equal(part.kind, 'part');
    assert.equal(part.number, '1');
    assert.equal(part.required, true);
    assert.deepEqual(
      part.children!.map((c) => [c.number, c.title, c.required]),
      [
        ['I', 'KẾT QUẢ', true],
        ['II', 'MỤC TIÊU', true],
      ],
    );
    const targets = part.children![1].children![0];
    assert.equal(targets.continuous, true);
    assert.equal(targets.required, false);
    assert.deepEqual(
      targets.children!.map((c) => c.number),
      ['1.1', '1.2'],
    );
    assert.equal(targets.children![0].children, undefined);
    // the template it builds matches its own document exactly
    const applied = applyTemplate(t, roots, view);
    assert.deepEqual(applied.missing, []);
    assert.deepEqual(applied.unexpected, []);
  });

  test('continuesAcrossGroups is false for restarting lists', () => {
    const { roots } = parseOutline(new TextView('1. A\n1.1. B\n(1) x\n1.2. C\n(1) y\n'));
    assert.equal(continuesAcrossGroups(roots[0]), false);
  });
});
