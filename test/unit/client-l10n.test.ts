// Every runtime string of the VS Code client has a Vietnamese translation, every %key% of package.json has an
// English and a Vietnamese text, and the translations keep the {n} placeholders.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
const json = (p: string) => JSON.parse(read(p)) as Record<string, unknown>;

/** string literals passed to t(...) / l10n.t(...) in client/src */
function runtimeStrings(): Set<string> {
  const out = new Set<string>();
  const dir = path.join(root, 'client', 'src');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const src = readFileSync(path.join(dir, f), 'utf8');
    const re = /\bt\(\s*'((?:[^'\\\n]|\\.)*)'/g;
    for (let m = re.exec(src); m; m = re.exec(src)) out.add(m[1].replace(/\\(.)/g, '$1'));
  }
  return out;
}

const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');

describe('client l10n', () => {
  test('every runtime string has a Vietnamese translation with the same placeholders', () => {
    const vi = json('l10n/bundle.l10n.vi.json');
    const strings = runtimeStrings();
    assert.ok(strings.size > 20, `found ${strings.size} strings`);
    const missing = [...strings].filter((s) => typeof vi[s] !== 'string');
    assert.deepEqual(missing, []);
    for (const s of strings) assert.equal(placeholders(vi[s] as string), placeholders(s), s);
    const stale = Object.keys(vi).filter((k) => !strings.has(k));
    assert.deepEqual(stale, [], 'translations of strings no longer used');
  });

  test('package.json %keys% exist in package.nls.json and package.nls.vi.json', () => {
    const used = new Set([...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    const en = json('package.nls.json');
    const vi = json('package.nls.vi.json');
    assert.ok(used.size > 10);
    for (const k of used) {
      assert.equal(typeof en[k], 'string', `en ${k}`);
      assert.equal(typeof vi[k], 'string', `vi ${k}`);
    }
    assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort());
  });

  test('package.json declares the l10n folder and every command has a category and a localized title', () => {
    const pkg = json('package.json') as any;
    assert.equal(pkg.l10n, './l10n');
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'draftlint');
      assert.match(c.title, /^%draftlint\.command\.[A-Za-z]+%$/);
    }
    for (const [key, p] of Object.entries<any>(pkg.contributes.configuration.properties)) {
      assert.ok(key.startsWith('draftlint.'), key);
      assert.equal(p.scope, 'resource', key);
      assert.ok(p.markdownDescription || p.description, key);
    }
  });
});
