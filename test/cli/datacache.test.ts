/**
 * The parsed-data cache of the CLI (server/src/cli/datacache.ts): a second parse of the same text under the same
 * build and name is read back (issues included); a changed text, another name or another build parses again;
 * without a cache directory (tests, workers, installs without node_modules) it always parses.
 */
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachedConfigParse, cachedIndicatorParse } from '../../server/src/cli/datacache';
import { parseConfig, parseIndicatorFile } from '../../server/src/core/index';

const g = globalThis as { __draftlintCache?: { dir: string; build: string } };
const HEAD = 'id,name,aliases,unit,period,kind,value,bound,source\n';
const GOOD = `${HEAD}grdp,Tốc độ tăng trưởng GRDP,tăng trưởng kinh tế,%/năm,2021-2025,actual,10.4,,Cục Thống kê\n`;
const BAD = `${HEAD}grdp,Tốc độ tăng trưởng GRDP,,%/năm,2021-2025,actual,abc,,Cục Thống kê\n`;

function counting(text: string, shown: string): { parse: () => ReturnType<typeof parseIndicatorFile>; calls: () => number } {
  let n = 0;
  return {
    parse: () => {
      n++;
      return parseIndicatorFile(text, shown);
    },
    calls: () => n,
  };
}

describe('cli data cache', () => {
  afterEach(() => {
    delete g.__draftlintCache;
  });

  test('the same text is parsed once, then read back equal (issues too)', () => {
    g.__draftlintCache = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-dc-')), build: 'b1' };
    for (const text of [GOOD, BAD]) {
      const a = counting(text, 'data/ind.csv');
      const first = cachedIndicatorParse(text, 'data/ind.csv', a.parse);
      const second = cachedIndicatorParse(text, 'data/ind.csv', a.parse);
      assert.equal(a.calls(), 1);
      // equal as data: an entry is JSON, so a property whose value is undefined comes back absent
      assert.deepEqual(second, JSON.parse(JSON.stringify(first)));
    }
    const bad = cachedIndicatorParse(BAD, 'data/ind.csv', () => assert.fail('should come from the cache'));
    assert.equal(bad.issues.length > 0 && bad.issues[0].field, 'value');
  });

  test('another text, name or build parses again', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-dc-'));
    g.__draftlintCache = { dir, build: 'b1' };
    cachedIndicatorParse(GOOD, 'a.csv', () => parseIndicatorFile(GOOD, 'a.csv'));
    for (const [text, shown, build] of [
      [GOOD.replace('10.4', '10.5'), 'a.csv', 'b1'],
      [GOOD, 'b.csv', 'b1'],
      [GOOD, 'a.csv', 'b2'],
    ]) {
      g.__draftlintCache = { dir, build };
      const c = counting(text, shown);
      const r = cachedIndicatorParse(text, shown, c.parse);
      assert.equal(c.calls(), 1, `${shown} ${build}`);
      assert.equal(r.indicators[0].uri, shown);
    }
  });

  test('a corrupt entry is parsed again and replaced', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-dc-'));
    g.__draftlintCache = { dir, build: 'b1' };
    cachedIndicatorParse(GOOD, 'a.csv', () => parseIndicatorFile(GOOD, 'a.csv'));
    for (const f of fs.readdirSync(dir)) fs.writeFileSync(path.join(dir, f), 'not a JSON entry');
    const c = counting(GOOD, 'a.csv');
    assert.equal(cachedIndicatorParse(GOOD, 'a.csv', c.parse).indicators.length, 1);
    assert.equal(c.calls(), 1);
    const again = counting(GOOD, 'a.csv');
    cachedIndicatorParse(GOOD, 'a.csv', again.parse);
    assert.equal(again.calls(), 0);
  });

  test('without a cache directory every call parses', () => {
    const c = counting(GOOD, 'a.csv');
    cachedIndicatorParse(GOOD, 'a.csv', c.parse);
    cachedIndicatorParse(GOOD, 'a.csv', c.parse);
    assert.equal(c.calls(), 2);
  });

  test('draftlint.json: read back while its text is the same, parsed again when it changes (issues too)', () => {
    g.__draftlintCache = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'draftlint-dc-')), build: 'b1' };
    let calls = 0;
    const parse = (text: string) => () => {
      calls++;
      return parseConfig(text, 'draftlint.json');
    };
    const a = '{ "indicators": ["a.csv"], "language": "en" }';
    const first = cachedConfigParse(a, 'draftlint.json', parse(a));
    assert.deepEqual(cachedConfigParse(a, 'draftlint.json', parse(a)), first);
    assert.equal(calls, 1);
    assert.deepEqual(first.config?.indicators, ['a.csv']);
    // same length, another text
    const b = a.replace('"en"', '"vi"');
    assert.equal(cachedConfigParse(b, 'draftlint.json', parse(b)).config?.language, 'vi');
    const bad = '{ "language": 3 }';
    const r = cachedConfigParse(bad, 'draftlint.json', parse(bad));
    assert.equal(calls, 3);
    assert.deepEqual(cachedConfigParse(bad, 'draftlint.json', parse(bad)), r);
    assert.equal(calls, 3);
    assert.equal(r.issues[0]?.field, 'language');
  });
});
