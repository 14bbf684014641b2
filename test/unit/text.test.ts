import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextView, TextMemo, fold, foldKeepLength, toneKey, toneKeyPattern, lowerKeepLength, lowerSlice, toneKeyOf, toneKeyOfLower, caseOf, CASE_UPPER, CASE_LOWER, atWordBoundary, computeLineStarts, unitClass, stripMarks, NFC_ATTENTION, SEEDED_LETTERS, SEEDED_MARKS, UNIT_LETTER, UNIT_MARK, UNIT_NUMBER } from '../../server/src/core/text';

const nfd = (s: string) => s.normalize('NFD');

describe('TextView', () => {
  test('identity for NFC text', () => {
    const v = new TextView('Tăng trưởng 10,4%/năm');
    assert.equal(v.text, v.original);
    assert.ok(v.identity);
    assert.equal(v.toOriginal(5), 5);
  });

  test('maps NFC offsets back to decomposed original offsets', () => {
    const nfcLine = 'Kiểm tra đạt 95,8% năm 2025';
    const orig = 'Dòng đầu\n' + nfd(nfcLine) + '\nDòng cuối';
    const v = new TextView(orig);
    assert.equal(v.text, orig.normalize('NFC'));
    const at = v.text.indexOf('95,8%');
    const o = v.toOriginal(at);
    assert.equal(orig.slice(o, v.toOriginal(at + 5)), '95,8%');
    // the word before the figure, with decomposed marks, maps as a whole
    const w = v.text.indexOf('đạt');
    assert.equal(orig.slice(v.toOriginal(w), v.toOriginal(w + 3)).normalize('NFC'), 'đạt');
    // last line is untouched
    const last = v.text.indexOf('cuối');
    assert.equal(orig.slice(v.toOriginal(last), v.toOriginal(last + 4)), 'cuối');
  });

  test('every NFC offset maps monotonically inside the original', () => {
    const orig = nfd('Phần thứ nhất\r\nỞ mức cao, ước tăng 10,4%/năm\r\n') + 'ổn định';
    const v = new TextView(orig);
    let prev = -1;
    for (let i = 0; i <= v.text.length; i++) {
      const o = v.toOriginal(i);
      assert.ok(o >= prev && o <= orig.length, `offset ${i} → ${o}`);
      prev = o;
      assert.ok(Math.abs(v.toNfc(o) - i) <= 3);
    }
  });

  test('line/character on the original text with CRLF', () => {
    const v = new TextView('một\r\nhai\r\nba');
    assert.deepEqual(v.positionAt(5), { line: 1, character: 0 });
    assert.deepEqual(v.positionAt(v.original.length), { line: 2, character: 2 });
    assert.equal(v.offsetAt({ line: 1, character: 99 }), 8);
    assert.deepEqual(computeLineStarts('a\rb\nc\r\nd'), [0, 2, 4, 7]);
  });

  test('the units NFC_ATTENTION skips are no mark, jamo or surrogate, and NFC leaves each alone', () => {
    let skipped = 0;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      NFC_ATTENTION.lastIndex = 0;
      if (NFC_ATTENTION.test(ch)) continue;
      skipped++;
      assert.ok(!/\p{M}/u.test(ch) && !(c >= 0x1100 && c <= 0x11ff) && !(c >= 0xd800 && c <= 0xdfff), `U+${c.toString(16)}`);
      assert.equal(ch.normalize('NFC'), ch, `U+${c.toString(16)}`);
    }
    assert.ok(skipped > 1000);
  });

  test('decomposed letters among surrogate pairs, singletons, other scripts and line breaks map exactly', () => {
    // every piece NFC changes or composes, next to pieces it leaves alone; only '\u0301' alone joins the piece
    // before it
    const pieces = ['ê\u0301', 'A\u030a', '\u212b', '\u2126', '😀\u0301', 'x\u0483', '\u1100\u1161', 'đạt', '“', '\u0301', '\r\n', '\n', 'Ω', 'a'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (ps) => {
        const orig = ps.join('');
        const v = new TextView(orig);
        assert.equal(v.text, orig.normalize('NFC'));
        let prev = 0;
        for (let i = 0; i <= v.text.length; i++) {
          const o = v.toOriginal(i);
          assert.ok(o >= prev && o <= orig.length);
          prev = o;
        }
        // at a boundary before a piece that does not start with a mark, both offsets are exact
        let o = 0;
        for (let k = 0; k <= ps.length; k++) {
          if (k === ps.length || ps[k] !== '\u0301') {
            const n = ps.slice(0, k).join('').normalize('NFC').length;
            assert.equal(v.toOriginal(n), o, `piece ${k} of ${JSON.stringify(ps)}`);
            assert.equal(v.toNfc(o), n, `piece ${k} of ${JSON.stringify(ps)}`);
          }
          o += (ps[k] ?? '').length;
        }
      }),
      { numRuns: 300 },
    );
  });

  test('nfcLine strips line breaks', () => {
    const v = new TextView('a\r\nbc\n');
    assert.deepEqual(v.nfcLine(1), { start: 3, text: 'bc' });
    assert.equal(v.lineCount, 3);
  });
});

describe('folding', () => {
  const cases: [string, string][] = [
    ['Tăng Trưởng', 'tang truong'],
    ['ĐẠT', 'dat'],
    [nfd('thủy sản'), 'thuy san'],
    ['  hai   từ ', 'hai tu'],
  ];
  for (const [input, want] of cases) test(`fold ${JSON.stringify(input)}`, () => assert.equal(fold(input), want));
  test('foldKeepLength keeps offsets', () => {
    const s = 'Đảng bộ tỉnh';
    assert.equal(foldKeepLength(s).length, s.length);
    assert.equal(foldKeepLength(s), 'dang bo tinh');
  });
});

describe('tone-placement equivalence', () => {
  const same: [string, string][] = [
    ['hoà', 'hòa'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['Hoá', 'hóa'],
    ['hoà bình', 'Hòa Bình'],
  ];
  for (const [a, b] of same) test(`${a} ≡ ${b}`, () => assert.equal(toneKey(a), toneKey(b)));
  const different: [string, string][] = [
    ['tăng', 'tầng'],
    ['tăng', 'tang'],
    ['dân', 'dần'],
    ['đạt', 'dat'],
  ];
  for (const [a, b] of different) test(`${a} ≠ ${b}`, () => assert.notEqual(toneKey(a), toneKey(b)));
  test('same length as the input', () => {
    const s = 'Tốc độ tăng trưởng kinh tế, thuỷ sản';
    assert.equal(toneKey(s).length, s.length);
  });
  test('the tone goes on the first vowel of its run, after a "qu"', () => {
    assert.equal(toneKey('trưởng'), 'trửơng');
    assert.equal(toneKey('NGƯỜI'), 'ngừơi');
    assert.equal(toneKey('quyển'), 'quỷên');
    assert.equal(toneKey('quả'), 'quả');
    assert.equal(toneKey('giữa'), toneKey('gĩưa'));
  });
  test('a long run of vowels without a tone is left as it is (and searched in linear time)', () => {
    const s = 'a'.repeat(100_000) + '\u0000aà';
    const k = toneKey(s);
    assert.ok(k === 'a'.repeat(100_000) + '\u0000àa', 'the run before the NUL is unchanged, the tone of "aà" moves to its first vowel');
  });
  test('the key of a slice at word boundaries is the slice of the key (the indicator search relies on it)', () => {
    const words = ['Tốc', 'độ', 'tăng', 'trưởng', 'hoà', 'THUỶ', 'khoẻ', 'quyển', 'quả', 'người', 'İstanbul', 'ΟΔΟΣ', 'GRDP', '10,4%', 'đạt'];
    const seps = [' ', ', ', '\n', ' (', ') ', '/', '-'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (parts, x, y) => {
        let s = '';
        const bounds: number[] = [0];
        for (const [w, sep] of parts) {
          s += w;
          bounds.push(s.length);
          s += sep;
          bounds.push(s.length);
        }
        const a = bounds[x % bounds.length];
        const b = bounds[y % bounds.length];
        const [from, to] = a <= b ? [a, b] : [b, a];
        assert.equal(toneKey(s.slice(from, to)), toneKey(s).slice(from, to));
      }),
    );
  });
  test('the lower case of a long document, remembered, is its lower case code unit by code unit (and after edits)', () => {
    const words = ['Tốc', 'độ', 'tăng', 'trưởng', 'hoà', 'THUỶ', 'khoẻ', 'quyển', 'quả', 'người', 'İstanbul', 'GRDP', 'ΟΔΟΣ', 'đạt', 'ở'];
    const seps = [' ', ', ', '\n', '\r\n', ' (', '\n\n', 'q'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...words, ...seps)), { maxLength: 4 }),
        (parts, edits) => {
          // long enough to be remembered
          let s = parts.map(([w, sep]) => w + sep).join('');
          while (s.length < 5_000) s += s + '\n';
          // lower case code unit by code unit (what lowerKeepLength promises)
          const perUnit = (t: string) => t.split('').map((ch) => (ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch)).join('');
          assert.ok(lowerKeepLength(s) === perUnit(s), 'its lower case');
          assert.ok(lowerKeepLength(s) === perUnit(s), 'its lower case, asked again');
          for (const [at, piece] of edits) {
            const p = at % (s.length + 1);
            s = s.slice(0, p) + piece + s.slice(p);
            assert.ok(lowerKeepLength(s) === perUnit(s), 'its lower case after an edit');
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('toneKeyPattern', () => {
  const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const toned = (v: string, m: string) => (v + m).normalize('NFC');
  const whole = (key: string) => new RegExp(`^(?:${toneKeyPattern(key)})$`);

  test('every tone placement of a word matches the pattern of its key, another key does not', () => {
    for (const [a, b] of [
      ['người', 'ngươì'],
      ['hoà', 'hòa'],
      ['thuỷ', 'thủy'],
      ['khoẻ', 'khỏe'],
      ['giữa', 'gĩưa'],
      ['quyển', 'qủyên'],
      ['quả', 'quả'],
    ]) {
      const key = toneKey(a);
      assert.match(a, whole(key), a);
      assert.ok(whole(key).test(b) === (toneKey(b) === key), b);
    }
    assert.doesNotMatch('tầng', whole(toneKey('tăng')));
    assert.doesNotMatch('tang', whole(toneKey('tăng')));
    assert.equal(toneKeyPattern(toneKey('người')), 'ng(?:ừơi|ười|ươì)');
    assert.equal(toneKeyPattern('grdp'), 'grdp');
  });

  test('a word matches the pattern of a key exactly when its key is that key (runs with one mark)', () => {
    const consonants = ['', 'ng', 'q', 'th', 'gi', 'kh', 'tr', 'h'];
    const finals = ['', 'n', 'ng', 'c', 'nh', 't', 'i', 'u', 'y'];
    const word = fc
      .tuple(
        fc.constantFrom(...consonants),
        fc.array(fc.constantFrom(...VOWELS), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.constantFrom(...MARKS),
        fc.constantFrom(...finals),
      )
      .map(([c, vs, at, m, f]) => c + vs.map((v, k) => (k === at % vs.length ? toned(v, m) : v)).join('') + f);
    fc.assert(
      fc.property(word, word, (a, b) => {
        const key = toneKey(a);
        assert.match(a, whole(key));
        assert.equal(whole(key).test(b), toneKey(b) === key, `${a} / ${b}`);
      }),
      { numRuns: 3000 },
    );
  });

  test('a run with two marks (not Vietnamese) is matched loosely: never missed', () => {
    const key = toneKey('aóà');
    assert.match('aóà', whole(key));
    assert.match('áoà', whole(key));
  });
});

describe('caseOf and lowerSlice', () => {
  test('caseOf agrees with the case mappings for every BMP code unit (asked twice: remembered) and for astral letters', () => {
    const wrong: string[] = [];
    for (let round = 0; round < 2; round++) {
      for (let c = 0; c < 65536; c++) {
        const ch = String.fromCharCode(c);
        const want = (ch !== ch.toLowerCase() ? CASE_UPPER : 0) | (ch !== ch.toUpperCase() ? CASE_LOWER : 0);
        if (caseOf(ch) !== want && wrong.length < 5) wrong.push(c.toString(16));
      }
    }
    assert.deepEqual(wrong, []);
    assert.equal(caseOf('Ạ'), CASE_UPPER);
    assert.equal(caseOf('ạ'), CASE_LOWER);
    assert.equal(caseOf('ǅ'), CASE_UPPER | CASE_LOWER);
    assert.equal(caseOf('5'), 0);
    assert.equal(caseOf('\u{10400}'), CASE_UPPER); // 𐐀, a surrogate pair
  });

  test('lowerSlice is lowerKeepLength of the slice, toneKeyOf toneKey of the slice, for short and long texts', () => {
    const words = ['Tốc', 'ĐỘ', 'tăng', 'İstanbul', 'ΟΔΟΣ', 'GRDP', 'đạt', 'Σ', 'người', 'THUỶ', 'quả', 'hoà', 'oà'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), fc.boolean(), fc.nat(), fc.nat(), (ws, long, x, y) => {
        let s = ws.join(' ');
        if (long) while (s.length <= 1000) s += ' ' + s;
        const a = x % (s.length + 1);
        const b = y % (s.length + 1);
        const [from, to] = a <= b ? [a, b] : [b, a];
        assert.equal(lowerSlice(s, from, to), lowerKeepLength(s.slice(from, to)));
        assert.equal(toneKeyOf(s, from, to), toneKey(s.slice(from, to)));
        assert.equal(toneKeyOfLower(lowerKeepLength(s.slice(from, to))), toneKey(s.slice(from, to)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('unit classes', () => {
  test('SEEDED_LETTERS and SEEDED_MARKS are exactly letters and marks (what scanners built on them assume)', () => {
    const letters = new RegExp(`^[${SEEDED_LETTERS}]$`);
    const marks = new RegExp(`^[${SEEDED_MARKS}]$`);
    let n = 0;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (letters.test(ch)) {
        n++;
        assert.equal(unitClass(c), UNIT_LETTER, `U+${c.toString(16)}`);
      }
      if (marks.test(ch)) assert.equal(unitClass(c), UNIT_MARK, `U+${c.toString(16)}`);
    }
    assert.ok(n > 600);
  });

  test('every BMP code unit is classed as the Unicode property escapes class it (the seeded ranges included)', () => {
    const L = /\p{L}/u;
    const M = /\p{M}/u;
    const N = /\p{N}/u;
    const wrong: string[] = [];
    for (let c = 0; c < 65536; c++) {
      const ch = String.fromCharCode(c);
      const want = L.test(ch) ? UNIT_LETTER : M.test(ch) ? UNIT_MARK : N.test(ch) ? UNIT_NUMBER : 0;
      if (unitClass(c) !== want && wrong.length < 5) wrong.push(c.toString(16));
    }
    assert.deepEqual(wrong, []);
    assert.equal(unitClass(Number.NaN), 0);
  });
  test('stripMarks drops combining marks only', () => {
    assert.equal(stripMarks('Vie\u0302\u0323t Nam'), 'Viet Nam');
    assert.equal(stripMarks('đạt'), 'đạt');
  });
});

describe('word boundaries', () => {
  test('Vietnamese letters count as word characters', () => {
    const s = 'đạt 10';
    assert.equal(atWordBoundary(s, 0, 3), true);
    assert.equal(atWordBoundary('xđạt', 1, 4), false);
    assert.equal(atWordBoundary('đạtx', 0, 3), false);
  });
});

describe('TextMemo', () => {
  test('computes once per text, also for an equal text in another string object, and again for another text', () => {
    const memo = new TextMemo<number>();
    let calls = 0;
    const compute = (t: string) => (calls++, t.length);
    const a = 'Tốc độ tăng trưởng '.repeat(100);
    const b = [...a].join(''); // equal, another object
    assert.equal(memo.get(a, compute), a.length);
    assert.equal(memo.get(b, compute), a.length);
    assert.equal(memo.get(a, compute), a.length);
    assert.equal(calls, 1);
    assert.equal(memo.get(a + '.', compute), a.length + 1);
    assert.equal(calls, 2);
    memo.set('x', 42);
    assert.equal(memo.get('x', compute), 42);
    assert.equal(calls, 2);
  });
});
