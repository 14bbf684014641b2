/**
 * Snapshot tests of the CLI's reports on test/cli/fixtures/project (run from the repo root).
 * The rules evolve, so these change: regenerate with `UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs cli`
 * and review the diff.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FIX, matchSnapshot, runCli } from './cli-helper';

const project = `${FIX}/project`;

describe('draftlint check snapshots', () => {
  test('stylish', () => {
    const r = runCli(['check', project]);
    assert.equal(r.code, 1, r.stderr);
    matchSnapshot('check.stylish.txt', r.stdout);
  });

  test('json', () => {
    const r = runCli(['check', project, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    JSON.parse(r.stdout);
    matchSnapshot('check.json', r.stdout);
  });

  test('sarif', () => {
    const r = runCli(['check', project, '--format', 'sarif']);
    assert.equal(r.code, 1, r.stderr);
    JSON.parse(r.stdout);
    matchSnapshot('check.sarif.json', r.stdout);
  });

  test('stylish in English', () => {
    const r = runCli(['check', project, '--language', 'en']);
    assert.equal(r.code, 1, r.stderr);
    matchSnapshot('check.en.stylish.txt', r.stdout);
  });
});

describe('draftlint figures snapshots', () => {
  for (const [format, file] of [
    ['stylish', 'figures.stylish.txt'],
    ['json', 'figures.json'],
    ['csv', 'figures.csv'],
    ['md', 'figures.md'],
  ] as const) {
    test(format, () => {
      const r = runCli(['figures', project, '--format', format]);
      assert.equal(r.code, 0, r.stderr);
      matchSnapshot(file, r.stdout);
    });
  }
});

describe('draftlint outline snapshots', () => {
  test('stylish', () => {
    const r = runCli(['outline', `${project}/bao-cao.md`]);
    assert.equal(r.code, 0, r.stderr);
    matchSnapshot('outline.stylish.txt', r.stdout);
  });
  test('json', () => {
    const r = runCli(['outline', `${project}/bao-cao.md`, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    matchSnapshot('outline.json', r.stdout);
  });
});
