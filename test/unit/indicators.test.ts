// IndicatorSet: lookup, merge, mentions in prose (longest alias, word boundaries, tone placement) and completion.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { IndicatorSet, type Mention } from '../../server/src/core/data/indicators';
import { parseIndicatorFile } from '../../server/src/core/data/parse';
import type { Indicator, IndicatorValue } from '../../server/src/core/types';
import { isWordCode, toneKey } from '../../server/src/core/text';

function val(periodText: string, lo: number, kind: IndicatorValue['kind'] = 'actual'): IndicatorValue {
  const [from, to] = periodText.split('-').map(Number);
  return { period: { from, to: to ?? from }, periodText, kind, lo, hi: lo, bound: 'exact', source: '', uri: 'mem', line: 0 };
}

function ind(id: string, name: string, aliases: string[] = [], unit = '%', values: IndicatorValue[] = []): Indicator {
  return { id, name, aliases, unit, values, uri: 'mem', line: 0 };
}

const SET = IndicatorSet.from([
  ind('grdp_growth', 'Tốc độ tăng trưởng GRDP', ['tốc độ tăng trưởng kinh tế', 'tăng trưởng kinh tế', 'tăng trưởng GRDP'], '%/năm'),
  ind('grdp_per_capita', 'GRDP bình quân đầu người', ['GRDP/người'], 'USD'),
  ind('labour_productivity', 'Năng suất lao động xã hội', ['năng suất lao động'], 'triệu đồng/người'),
  ind('labour_productivity_growth', 'Tốc độ tăng năng suất lao động xã hội', ['tăng năng suất lao động'], '%/năm'),
  ind('urbanisation', 'Tỷ lệ đô thị hoá'),
  ind('forest_cover', 'Tỷ lệ che phủ rừng'),
  ind('agri_share', 'Tỷ trọng nông, lâm nghiệp, thủy sản', ['nông, lâm nghiệp, thủy sản']),
  ind('industry_share', 'Tỷ trọng công nghiệp - xây dựng', ['công nghiệp - xây dựng']),
  ind('icor', 'Chỉ số ICOR', ['hệ số sử dụng vốn (ICOR)']),
  ind('cashless', 'Tỷ lệ thanh toán không dùng tiền mặt', ['tỉ lệ thanh toán không dùng tiền mặt']),
]);

function found(text: string, set = SET): [string, string][] {
  return set.findMentions(text).map((m: Mention) => [m.indicator.id, text.slice(m.start, m.end)]);
}

describe('IndicatorSet basics', () => {
  test('from, size, all, get, empty', () => {
    assert.equal(SET.size, 10);
    assert.equal(SET.all().length, 10);
    assert.equal(SET.get('forest_cover')?.name, 'Tỷ lệ che phủ rừng');
    assert.equal(SET.get('nope'), undefined);
    assert.equal(IndicatorSet.empty().size, 0);
    assert.deepEqual(IndicatorSet.empty().findMentions('Tỷ lệ che phủ rừng đạt 50%'), []);
    assert.deepEqual(IndicatorSet.empty().complete('ty le'), []);
  });

  test('lookup by exact name or alias, tone placement and case insensitive', () => {
    assert.equal(SET.lookup('tỷ lệ đô thị hóa')?.id, 'urbanisation');
    assert.equal(SET.lookup('TĂNG TRƯỞNG KINH TẾ')?.id, 'grdp_growth');
    assert.equal(SET.lookup('tăng trưởng'), undefined);
  });

  test('merge: later files win on the same id; values of other periods survive; aliases united', () => {
    const a = IndicatorSet.from([
      ind('x', 'Chỉ tiêu X', ['tên cũ'], '%', [val('2021-2025', 10, 'estimate'), val('2030', 50, 'target')]),
      ind('y', 'Chỉ tiêu Y'),
    ]);
    const b = IndicatorSet.from([ind('x', 'Chỉ tiêu X mới', ['tên mới'], '%', [val('2030', 55, 'target')])]);
    const m = IndicatorSet.merge(a, b);
    assert.equal(m.size, 2);
    const x = m.get('x')!;
    assert.equal(x.name, 'Chỉ tiêu X mới');
    assert.deepEqual(x.aliases, ['tên mới', 'Chỉ tiêu X', 'tên cũ']);
    assert.deepEqual(
      x.values.map((v) => [v.periodText, v.kind, v.lo]),
      [
        ['2021-2025', 'estimate', 10],
        ['2030', 'target', 55],
      ],
    );
    // a different unit: the later definition replaces the earlier one entirely
    const c = IndicatorSet.from([ind('x', 'Chỉ tiêu X', [], 'USD', [val('2030', 1)])]);
    const m2 = IndicatorSet.merge(a, c);
    assert.equal(m2.get('x')!.unit, 'USD');
    assert.deepEqual(
      m2.get('x')!.values.map((v) => v.lo),
      [1],
    );
  });
});

describe('findMentions', () => {
  test('names and aliases, case-insensitive, offsets into the NFC text', () => {
    const text = 'Năm nay TỐC ĐỘ TĂNG TRƯỞNG GRDP đạt 8%; GRDP bình quân đầu người đạt 5.000 USD.';
    assert.deepEqual(found(text), [
      ['grdp_growth', 'TỐC ĐỘ TĂNG TRƯỞNG GRDP'],
      ['grdp_per_capita', 'GRDP bình quân đầu người'],
    ]);
  });

  test('the longest alias wins on overlap', () => {
    assert.deepEqual(found('Giữ tốc độ tăng trưởng kinh tế ở mức cao'), [['grdp_growth', 'tốc độ tăng trưởng kinh tế']]);
    assert.deepEqual(found('tốc độ tăng năng suất lao động xã hội đạt 7%'), [
      ['labour_productivity_growth', 'tốc độ tăng năng suất lao động xã hội'],
    ]);
    assert.deepEqual(found('năng suất lao động xã hội đạt 200 triệu đồng'), [['labour_productivity', 'năng suất lao động xã hội']]);
    // reported as written in the data, not as in the text
    const m = SET.findMentions('TĂNG TRƯỞNG KINH TẾ khá')[0];
    assert.equal(m.alias, 'tăng trưởng kinh tế');
  });

  test('tone placement does not matter (hoà = hòa), tones and vowels do', () => {
    assert.deepEqual(found('Tỷ lệ đô thị hóa đạt 70%'), [['urbanisation', 'Tỷ lệ đô thị hóa']]);
    assert.deepEqual(found('Tỷ lệ đô thị hoá đạt 70%'), [['urbanisation', 'Tỷ lệ đô thị hoá']]);
    assert.deepEqual(found('Tỷ lệ đô thi hóa đạt 70%'), []);
    assert.deepEqual(found('tầng trưởng kinh tế'), []);
  });

  test('any placement of a tone, in the names or in the text, finds the same mentions (the search reads the lower case)', () => {
    // every spelling of each word of a text (the tone moved within its vowel run) that keeps the word's key
    const VOWEL = /[aăâeêioôơuưy]/;
    const spellings = (word: string): string[] => {
      const out = new Set([word]);
      const nfd = word.normalize('NFD');
      const mark = [...nfd].find((c) => /[\u0300\u0301\u0303\u0309\u0323]/.test(c));
      if (!mark) return [...out];
      const bare = nfd.replace(mark, '');
      for (let i = 0; i < bare.length; i++) {
        if (!VOWEL.test(bare[i].toLowerCase())) continue;
        const w = (bare.slice(0, i + 1) + mark + bare.slice(i + 1)).normalize('NFC');
        if (toneKey(w) === toneKey(word)) out.add(w);
      }
      return [...out];
    };
    const names = ['Tỷ lệ đô thị hoá', 'tốc độ tăng trưởng kinh tế', 'Tỷ trọng nông, lâm nghiệp, thủy sản', 'người lao động qua đào tạo', 'khoẻ mạnh'];
    const set = IndicatorSet.from(names.map((n, i) => ind(`i${i}`, n)));
    const text = `Năm nay ${names.join(' đạt 5%; còn ')} đạt 7%.`;
    const base = set.findMentions(text).map((m) => [m.start, m.end, m.indicator.id]);
    assert.equal(base.length, names.length);
    const words = text.split(' ');
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: words.length, maxLength: words.length }), (picks) => {
        const respelled = words.map((w, i) => { const all = spellings(w); return all[picks[i] % all.length]; }).join(' ');
        assert.deepEqual(set.findMentions(respelled).map((m) => [m.start, m.end, m.indicator.id]), base, respelled);
      }),
      { numRuns: 300 },
    );
    // and the same with the names written in other placements
    const other = IndicatorSet.from(names.map((n, i) => ind(`i${i}`, n.split(' ').map((w) => spellings(w).at(-1)).join(' '))));
    assert.deepEqual(other.findMentions(text).map((m) => [m.start, m.end, m.indicator.id]), base);
  });

  test('a first word that begins another ("tổ" of "tổng") never hides it; a name with an odd run of two tone marks changes nothing', () => {
    const inds = [ind('a', 'tổng thu ngân sách'), ind('b', 'tổ chức đảng'), ind('c', 'tổ'), ind('d', 'tổng'), ind('e', 'người lao động'), ind('f', 'ngư dân')];
    const text = 'Tổng thu ngân sách tăng; tổ chức đảng; tổ; tổng; TỔNG THU NGÂN SÁCH; ngươì lao động và ngư dân.';
    const want = [
      ['a', 'Tổng thu ngân sách'],
      ['b', 'tổ chức đảng'],
      ['c', 'tổ'],
      ['d', 'tổng'],
      ['a', 'TỔNG THU NGÂN SÁCH'],
      ['e', 'ngươì lao động'],
      ['f', 'ngư dân'],
    ];
    assert.deepEqual(found(text, IndicatorSet.from(inds)), want);
    // a first word whose spellings cannot be listed (two marks in one vowel run) switches the search to a plain
    // alternation of the words: the same mentions
    assert.deepEqual(found(text, IndicatorSet.from([...inds, ind('z', 'aóà xyz')])), want);
    // and it finds such a word in another placement of its marks that has the same key
    assert.equal(toneKey('áoà'), toneKey('áòa'));
    assert.deepEqual(found('một áoà xyz, một áòa xyz và một aóà xyz', IndicatorSet.from([...inds, ind('z', 'áòa xyz')])), [
      ['z', 'áoà xyz'],
      ['z', 'áòa xyz'],
    ]);
  });

  test('tỉ and tỷ are different spellings: each matches only where the data has it', () => {
    assert.deepEqual(found('tỉ lệ thanh toán không dùng tiền mặt đạt 100%'), [['cashless', 'tỉ lệ thanh toán không dùng tiền mặt']]);
    assert.deepEqual(found('Tỷ lệ thanh toán không dùng tiền mặt đạt 100%'), [['cashless', 'Tỷ lệ thanh toán không dùng tiền mặt']]);
    assert.deepEqual(found('Tỷ lệ che phu rừng'), []);
  });

  test('word boundaries: never inside a longer word (no ASCII \\b)', () => {
    const set = IndicatorSet.from([ind('gdp', 'GDP'), ind('tang', 'tăng trưởng tín dụng')]);
    assert.deepEqual(found('GRDP và GDP và GDPs và xGDP', set), [['gdp', 'GDP']]);
    assert.deepEqual(found('tăng trưởng tín dụngx; tăng trưởng tín dụng.', set), [['tang', 'tăng trưởng tín dụng']]);
    assert.deepEqual(found('đảmtăng trưởng tín dụng', set), []);
  });

  test('punctuation between words: commas must match, spaces, brackets and dashes are interchangeable', () => {
    assert.deepEqual(found('Nông, lâm nghiệp, thủy sản 3-4%'), [['agri_share', 'Nông, lâm nghiệp, thủy sản']]);
    assert.deepEqual(found('nông lâm nghiệp thủy sản'), []);
    assert.deepEqual(found('Công nghiệp - xây dựng 47%'), [['industry_share', 'Công nghiệp - xây dựng']]);
    assert.deepEqual(found('công nghiệp–xây dựng 47%'), [['industry_share', 'công nghiệp–xây dựng']]);
    assert.deepEqual(found('công nghiệp xây dựng 47%'), [['industry_share', 'công nghiệp xây dựng']]);
    assert.deepEqual(found('khu vực công nghiệp, xây dựng và dịch vụ'), []);
  });

  test('a closing bracket opened inside the mention is part of it', () => {
    assert.deepEqual(found('hệ số sử dụng vốn (ICOR) là 5,3'), [['icor', 'hệ số sử dụng vốn (ICOR)']]);
    assert.deepEqual(found('(GRDP/người)'), [['grdp_per_capita', 'GRDP/người']]);
  });

  test('a single line break may split a name, a blank line may not', () => {
    assert.deepEqual(found('tỷ lệ che phủ\nrừng'), [['forest_cover', 'tỷ lệ che phủ\nrừng']]);
    assert.deepEqual(found('tỷ lệ che phủ\n\nrừng'), []);
  });

  test('a name shared by two indicators is never reported, and still hides shorter names inside it', () => {
    const set = IndicatorSet.from([
      ind('a', 'Tỷ lệ hộ nghèo'),
      ind('b', 'Tỷ lệ hộ nghèo đa chiều'),
      ind('c', 'Chỉ tiêu C', ['tỷ lệ hộ nghèo đa chiều']),
    ]);
    assert.deepEqual(found('tỷ lệ hộ nghèo đa chiều giảm', set), []);
    assert.deepEqual(found('tỷ lệ hộ nghèo giảm', set), [['a', 'tỷ lệ hộ nghèo']]);
  });

  test('the next word of a name matches whole words only, with few or many next words after a node', () => {
    // few next words: each is tried at the document's next word; many: the word's end is found and looked up
    const few = IndicatorSet.from([ind('a', 'tỷ lệ che phủ rừng'), ind('a2', 'tỷ lệ che phủ rừng ngập mặn'), ind('c', 'tỷ lệ hộ')]);
    const many = IndicatorSet.from([
      ...Array.from({ length: 12 }, (_, i) => ind(`n${i}`, `chỉ tiêu số${'x'.repeat(i)}`)),
      ind('a', 'chỉ tiêu rừng'),
      ind('a2', 'chỉ tiêu rừng ngập mặn'),
    ]);
    for (const [set, name] of [[few, 'tỷ lệ che phủ'], [many, 'chỉ tiêu']] as const) {
      assert.deepEqual(found(`${name} rừng đạt 43%`, set), [['a', `${name} rừng`]]);
      assert.deepEqual(found(`${name} rừngx đạt 43%`, set), []);
      assert.deepEqual(found(`${name} rừng_2 đạt 43%`, set), []);
      assert.deepEqual(found(`${name} rừ đạt 43%`, set), []);
      assert.deepEqual(found(`${name} rừng ngập đạt 43%`, set), [['a', `${name} rừng`]]);
      assert.deepEqual(found(`${name} Rừng Ngập Mặn.`, set), [['a2', `${name} Rừng Ngập Mặn`]]);
      assert.deepEqual(found(`${name} rừng`, set), [['a', `${name} rừng`]]);
    }
    assert.deepEqual(found('chỉ tiêu sốxxxxx và chỉ tiêu số', many), [['n5', 'chỉ tiêu sốxxxxx'], ['n0', 'chỉ tiêu số']]);
    assert.deepEqual(found('tỷ lệ hộ nghèo', few), [['c', 'tỷ lệ hộ']]);
  });

  test('a name is found after any non-word code unit between its words, and up to 12 characters of them', () => {
    // the search skips a first word unless one of its next words follows it after a short separator: every BMP
    // unit that is not a word character must count as a possible separator
    const seps: string[] = [];
    for (let c = 0; c < 65536; c++) if (!isWordCode(c)) seps.push(String.fromCharCode(c).normalize('NFC'));
    const set = IndicatorSet.from([ind('a', 'chỉ tiêu', seps.map((c) => `chỉ${c}tiêu`))]);
    const lines = seps.map((c) => `số chỉ${c}tiêu đạt 5%`);
    const text = lines.join('\n\n');
    const ms = set.findMentions(text);
    const missed: string[] = [];
    let k = 0;
    let at = 0;
    for (const line of lines) {
      while (k < ms.length && ms[k].start < at) k++;
      if (!(k < ms.length && ms[k].start === at + 3 && ms[k].end === at + line.indexOf(' đạt'))) missed.push(line);
      at += line.length + 2;
    }
    assert.deepEqual(missed.slice(0, 5), []);
    // and between the second and the third word of a longer name (the search looks two words ahead)
    const set3 = IndicatorSet.from([ind('a', 'chỉ tiêu chính', seps.map((c) => `chỉ tiêu${c}chính`))]);
    const lines3 = seps.map((c) => `số chỉ tiêu${c}chính đạt 5%`);
    const ms3 = set3.findMentions(lines3.join('\n\n'));
    const missed3: string[] = [];
    k = 0;
    at = 0;
    for (const line of lines3) {
      while (k < ms3.length && ms3[k].start < at) k++;
      if (!(k < ms3.length && ms3[k].start === at + 3 && ms3[k].end === at + line.indexOf(' đạt'))) missed3.push(line);
      at += line.length + 2;
    }
    assert.deepEqual(missed3.slice(0, 5), []);
    assert.deepEqual(found(`chỉ${' '.repeat(12)}tiêu`, set), [['a', `chỉ${' '.repeat(12)}tiêu`]]);
    assert.deepEqual(found(`chỉ${' '.repeat(13)}tiêu`, set), []);
    assert.deepEqual(found('chỉ tiêux chỉ tiêu', set), [['a', 'chỉ tiêu']]);
  });

  test('names split into words as the text does, with only the units of Vietnamese text or with any others', () => {
    // names made only of these units are split by one native search, others one unit at a time
    const units: string[] = [];
    const ranges = [[0, 0x24f], [0x300, 0x36f], [0x1e00, 0x1eff], [0x2013, 0x2014], [0x2018, 0x2019], [0x201c, 0x201d]];
    for (const [a, b] of ranges) for (let c = a; c <= b; c++) units.push(String.fromCharCode(c).normalize('NFC'));
    const names = units.map((c) => `chỉ${c}tiêu`);
    for (const set of [IndicatorSet.from([ind('a', 'chỉ tiêu', names)]), IndicatorSet.from([ind('a', 'chỉ tiêu', [...names, 'µ²'])])]) {
      const missed: string[] = [];
      for (const c of units) {
        // a word unit is inside the name's one word; any other separates its two words, with a space or not
        const texts = isWordCode(c.charCodeAt(0)) ? [`chỉ${c}tiêu`] : [`chỉ${c}tiêu`, `chỉ${c} tiêu`];
        for (const t of texts.map((x) => x.normalize('NFC'))) {
          const hits = found(`số ${t} đạt`, set);
          if (hits.length !== 1 || hits[0][1] !== t) missed.push(t);
        }
      }
      assert.deepEqual(missed.slice(0, 5), []);
    }
    const exotic = IndicatorSet.from([ind('a', 'mật độ µ²'), ind('b', 'chỉ số αβ'), ind('c', 'chỉ số 𝛼')]);
    assert.deepEqual(found('mật độ µ² đạt; chỉ số αβ và chỉ số 𝛼', exotic), [['a', 'mật độ µ²'], ['b', 'chỉ số αβ'], ['c', 'chỉ số']]);
  });

  test('the tone key keeps every BMP code unit a word character or not (the search relies on it)', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 65536; c++) {
      const k = toneKey(String.fromCharCode(c));
      if ((k.length !== 1 || isWordCode(k.charCodeAt(0)) !== isWordCode(c)) && wrong.length < 5) wrong.push(c.toString(16));
    }
    assert.deepEqual(wrong, []);
  });

  test('mentions come sorted and do not overlap; slices equal the matched text', () => {
    const text = 'tăng trưởng kinh tế, tăng trưởng GRDP và tỷ lệ che phủ rừng; tăng năng suất lao động';
    const ms = SET.findMentions(text);
    assert.equal(ms.length, 4);
    for (let i = 1; i < ms.length; i++) assert.ok(ms[i].start >= ms[i - 1].end);
    assert.deepEqual(
      ms.map((m) => m.indicator.id),
      ['grdp_growth', 'grdp_growth', 'forest_cover', 'labour_productivity_growth'],
    );
  });

  // scale, not speed: a pathology (a search that is not linear) runs into the timeout; the time itself is a
  // budget of npm run bench, never asserted here
  test('scale: 5,000 indicators over a 150 KB text', { timeout: 30_000 }, () => {
    const syll = ['tăng', 'trưởng', 'tỷ', 'lệ', 'vốn', 'đầu', 'tư', 'năng', 'suất', 'lao', 'động', 'thu', 'chi', 'ngân', 'sách', 'xã', 'hội', 'nông', 'thôn', 'mới', 'đô', 'thị', 'rừng', 'biển', 'cảng'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const phrase = (k: number) => Array.from({ length: k }, () => syll[rnd(syll.length)]).join(' ');
    const inds: Indicator[] = [];
    for (let i = 0; i < 5000; i++) inds.push(ind(`i${i}`, `${phrase(3 + rnd(4))} ${i}`, [phrase(4 + rnd(3))]));
    const set = IndicatorSet.from(inds);
    const parts: string[] = [];
    let len = 0;
    while (len < 150_000) {
      const s = `${phrase(6 + rnd(10))} đạt ${rnd(100)},${rnd(10)}%. `;
      parts.push(s);
      len += s.length;
    }
    const text = parts.join('');
    const ms = set.findMentions(text);
    assert.ok(ms.length > 0);
    for (const m of ms.slice(0, 50)) {
      assert.ok(m.end > m.start);
      // a mention is a whole name or alias of its indicator, as written in the text
      const key = (s: string) => toneKey(s.normalize('NFC')).replace(/\s+/g, ' ');
      assert.ok([m.indicator.name, ...m.indicator.aliases].some((n) => key(n) === key(text.slice(m.start, m.end))), text.slice(m.start, m.end));
    }
  });
});

describe('complete', () => {
  test('"tang truong" finds GRDP growth by a folded word prefix', () => {
    const hits = SET.complete('tang truong');
    assert.ok(hits.length > 0);
    assert.equal(hits[0].indicator.id, 'grdp_growth');
    assert.equal(hits[0].label, 'tăng trưởng GRDP'); // an alias starting with the query, shortest first
  });

  test('"grdp" finds every GRDP indicator; a name starting with it ranks first', () => {
    const hits = SET.complete('grdp');
    assert.deepEqual(hits.map((h) => h.indicator.id).sort(), ['grdp_growth', 'grdp_per_capita']);
    assert.equal(hits[0].indicator.id, 'grdp_per_capita');
    assert.equal(hits[0].label, 'GRDP bình quân đầu người');
  });

  test('"nang suat" finds both productivity indicators; the name prefix ranks first', () => {
    const hits = SET.complete('nang suat');
    assert.deepEqual(
      hits.map((h) => h.indicator.id),
      ['labour_productivity', 'labour_productivity_growth'],
    );
  });

  test('ranking: name prefix > word prefix > substring > fuzzy; ties by shorter label', () => {
    const set = IndicatorSet.from([
      ind('p', 'Rừng phòng hộ'),
      ind('w', 'Tỷ lệ che phủ rừng'),
      ind('s', 'Khu trừngphạt'),
      ind('f', 'Rất ủng nước gặp'),
      ind('p2', 'Rừng'),
    ]);
    const hits = set.complete('rung');
    assert.deepEqual(
      hits.map((h) => h.indicator.id),
      ['p2', 'p', 'w', 's', 'f'], // f: the letters r-u-n-g in order (fuzzy)
    );
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score > hits[i].score);
    assert.deepEqual(
      set.complete('xyz').map((h) => h.indicator.id),
      [],
    );
  });

  test('query words in another order, initials, the id, one hit per indicator, limit', () => {
    assert.equal(SET.complete('rung che phu')[0].indicator.id, 'forest_cover');
    assert.equal(SET.complete('tdtt')[0].indicator.id, 'grdp_growth');
    assert.equal(SET.complete('per_capita')[0].indicator.id, 'grdp_per_capita');
    const all = SET.complete('t');
    assert.equal(new Set(all.map((h) => h.indicator.id)).size, all.length);
    assert.equal(SET.complete('t', 2).length, 2);
  });

  test('an empty query lists indicators by name', () => {
    const hits = SET.complete('', 3);
    assert.equal(hits.length, 3);
    assert.deepEqual(
      hits.map((h) => h.label),
      SET.all()
        .map((i) => i.name)
        .sort((a, b) => a.localeCompare(b, 'vi'))
        .slice(0, 3),
    );
  });

  test('scale: 5,000 indicators', { timeout: 30_000 }, () => {
    const words = ['tăng', 'trưởng', 'tỷ', 'lệ', 'vốn', 'đầu', 'tư', 'năng', 'suất', 'lao', 'động', 'ngân', 'sách', 'rừng', 'biển'];
    let seed = 11;
    const w = () => words[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % words.length];
    const inds: Indicator[] = [];
    for (let i = 0; i < 5000; i++) inds.push(ind(`x${i}`, `${w()} ${w()} ${w()} ${w()} ${i}`, [`${w()} ${w()} ${w()}`]));
    const set = IndicatorSet.from(inds);
    for (const q of ['nang', 'ty le von', 'xyz', 'rbn']) assert.ok(set.complete(q).length <= 50);
    const hits = set.complete('tang truong');
    assert.equal(hits.length, 50);
    assert.ok(hits[0].label.startsWith('tăng trưởng'), hits[0].label);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].score >= hits[i].score);
  });
});

// The example data against the real draft (skipped when ../shared is absent).
const corpusFile = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'du-thao-bao-cao-chinh-tri-quang-ninh-2025.txt');
const exists = existsSync(corpusFile);

describe('example data on the real draft', () => {
  test('the 2030 targets are found by their names, GRDP growth by its long alias', { skip: !exists }, () => {
    const file = path.resolve(__dirname, '..', '..', 'examples', 'quang-ninh', 'indicators.csv');
    const { indicators } = parseIndicatorFile(readFileSync(file, 'utf8'), 'indicators.csv');
    const set = IndicatorSet.from(indicators);
    const text = readFileSync(corpusFile, 'utf8').normalize('NFC');
    const ms = set.findMentions(text);
    const ids = new Set(ms.map((m) => m.indicator.id));
    for (const id of ['grdp_growth', 'grdp_per_capita', 'tfp_contribution', 'total_investment_growth', 'labour_productivity_growth', 'urbanisation', 'trained_labour', 'forest_cover']) {
      assert.ok(ids.has(id), id);
    }
    const g = ms.find((m) => m.alias === 'tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)');
    assert.ok(g, 'target (4) phrase');
    assert.ok(text.slice(g.start, g.end).endsWith('(GRDP)'));
    // TFP's phrase swallows "tăng trưởng kinh tế": no GRDP-growth mention inside it
    for (const m of ms.filter((x) => x.indicator.id === 'tfp_contribution')) {
      assert.ok(!ms.some((o) => o !== m && o.start < m.end && o.end > m.start));
    }
  });
});
