/** The invariants of ARCHITECTURE.md, checked on the sources. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of text.matchAll(/\brequire\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|worker_threads$|url$|util$|crypto$|process$|module$|v8$|readline$|stream$|events$)/;

describe('architecture invariants', () => {
  test('the core is pure: no vscode, no Node built-ins, no globals for fs or process', () => {
    for (const f of sources(join(root, 'server/src/core'))) {
      const rel = relative(root, f);
      for (const i of imports(f)) {
        assert.ok(!i.startsWith('vscode'), `${rel} imports ${i}`);
        assert.ok(!NODE_BUILTINS.test(i), `${rel} imports ${i}`);
        assert.ok(i.startsWith('.') || ['zod', 'zod/mini', 'yaml', 'csv-parse/sync'].includes(i), `${rel} imports ${i}`);
      }
      const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
      assert.ok(!/\bprocess\.(env|argv|exit|cwd|stdout|stderr)\b/.test(text), `${rel} uses process`);
    }
  });

  test('only lsp/ knows LSP, only client/ knows the VS Code API', () => {
    for (const f of [...sources(join(root, 'server/src/cli')), ...sources(join(root, 'server/src/core'))]) {
      for (const i of imports(f)) assert.ok(!/^vscode/.test(i), `${relative(root, f)} imports ${i}`);
    }
    for (const f of sources(join(root, 'server/src/lsp'))) {
      for (const i of imports(f)) assert.ok(i !== 'vscode' && !i.startsWith('vscode-languageclient'), `${relative(root, f)} imports ${i}`);
    }
  });

  test('lsp/ and cli/ reach the core only through core/index.ts', () => {
    for (const f of [...sources(join(root, 'server/src/cli')), ...sources(join(root, 'server/src/lsp'))]) {
      // cli/libs.ts is the entry of the CLI's library bundle: it holds core/zodlib.ts (zod's parts), no core code
      const own = relative(root, f).replace(/\\/g, '/') === 'server/src/cli/libs.ts' ? ['../core/zodlib'] : [];
      for (const i of imports(f)) {
        if (!i.includes('/core/') || own.includes(i)) continue;
        assert.match(i, /\/core\/index$|\/core$/, `${relative(root, f)} imports ${i}`);
      }
    }
  });

  test('the server imports Node built-ins with import = require', () => {
    // a namespace or default import (`import * as fs from 'node:fs'`) makes the bundle copy every property of the
    // module into a new object, once per importing file: milliseconds of every CLI start
    for (const f of sources(join(root, 'server/src'))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*import\s+(?!type\b)([^'"=]*?)\s+from\s+['"]([^'"]+)['"]/g)) {
        if (!NODE_BUILTINS.test(m[2])) continue;
        assert.ok(m[1].startsWith('{'), `${relative(root, f)}: import ${m[1]} from '${m[2]}' (use import x = require('${m[2]}'))`);
      }
    }
  });

  test('zod, yaml and csv-parse are loaded on first use, through core/zod.ts, core/yaml.ts and core/csv.ts', () => {
    // (and cli/libs.ts, the CLI's bundle of them, which esbuild.js points those three at)
    const allowed: Record<string, string> = {
      'server/src/core/zod.ts': './zodlib',
      'server/src/core/yaml.ts': 'yaml',
      'server/src/core/csv.ts': 'csv-parse/sync',
    };
    const libs = 'zod|yaml|csv-parse(?:/sync)?|\\./zodlib|\\.\\./core/zodlib';
    for (const f of sources(join(root, 'server/src'))) {
      const rel = relative(root, f).replace(/\\/g, '/');
      const text = readFileSync(f, 'utf8');
      const valueImports = [...text.matchAll(new RegExp(`(?:^|\\n)\\s*(?:import|export)\\s+(?!type\\b)[^'"]*?from\\s+['"](${libs})['"]`, 'g'))].map((m) => m[1]);
      const requires = [...text.matchAll(new RegExp(`\\brequire\\(\\s*['"](${libs})['"]\\s*\\)`, 'g'))].map((m) => m[1]);
      for (const i of valueImports) assert.ok(rel === 'server/src/core/zodlib.ts' && i === 'zod', `${rel} imports ${i} as a value`);
      for (const i of requires) {
        assert.ok(allowed[rel] === i || rel === 'server/src/cli/libs.ts', `${rel} requires ${i}`);
      }
    }
  });

  test('the client does not import the server or the core', () => {
    for (const f of sources(join(root, 'client/src'))) {
      for (const i of imports(f)) assert.ok(!i.includes('server/src'), `${relative(root, f)} imports ${i}`);
    }
  });

  test('one rule per file, each registered once with a family id', () => {
    const { allRules } = require(join(root, 'server/src/core/rules/index.ts'));
    const ids = allRules.map((r: { id: string }) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    const families = ['structure', 'figures', 'arithmetic', 'count', 'citation', 'terms', 'units', 'format'];
    for (const id of ids) assert.ok(families.includes(id.split('/')[0]) && /^[a-z]+\/[a-z]+(-[a-z]+)*$/.test(id), id);
  });
});
