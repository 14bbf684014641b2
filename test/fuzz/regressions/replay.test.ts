/**
 * Regression cases of the property tests: every input a fuzz run failed on, replayed through the same
 * invariant (test/fuzz/properties.ts). Each JSON file here names its target and lists the inputs with what
 * went wrong and what fixed it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CHECKS } from '../properties';

interface RegressionFile {
  target: string;
  note: string;
  cases: { input: unknown; found: string; fix: string }[];
}

const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('fuzz regressions', () => {
  test('there are regression files and each names a known target', () => {
    assert.ok(files.length > 0);
    for (const f of files) {
      const r = JSON.parse(fs.readFileSync(path.join(__dirname, f), 'utf8')) as RegressionFile;
      assert.ok(r.target in CHECKS, `${f}: unknown target ${r.target} (known: ${Object.keys(CHECKS).join(', ')})`);
      assert.ok(r.cases.length > 0, `${f}: no cases`);
    }
  });
  for (const f of files) {
    const r = JSON.parse(fs.readFileSync(path.join(__dirname, f), 'utf8')) as RegressionFile;
    const check = CHECKS[r.target];
    if (!check) continue;
    r.cases.forEach((c, i) => {
      test(`${f} #${i + 1}: ${c.found.slice(0, 80)}`, () => check(c.input));
    });
  }
});
