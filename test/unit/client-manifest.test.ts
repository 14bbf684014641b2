// The extension manifest (package.json contributes) is consistent: files it names exist, commands used by
// menus and the walkthrough are contributed and registered, activation and workspace-trust are as designed.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const c = pkg.contributes;
const commandIds = new Set<string>(c.commands.map((x: { command: string }) => x.command));
const clientSource = ['extension.ts', 'commands.ts', 'statusBar.ts']
  .map((f) => readFileSync(path.join(root, 'client', 'src', f), 'utf8'))
  .join('\n');

describe('extension manifest', () => {
  test('the commands of the brief are contributed and registered', () => {
    for (const id of [
      'draftlint.checkWorkspace',
      'draftlint.showFiguresReport',
      'draftlint.insertIndicator',
      'draftlint.reloadData',
      'draftlint.createConfig',
      'draftlint.checkThisFile',
    ]) {
      assert.ok(commandIds.has(id), id);
    }
    for (const id of commandIds) assert.ok(clientSource.includes(`'${id}'`), `${id} registered in client/src`);
  });

  test('menus and walkthrough steps refer to contributed commands and existing media', () => {
    for (const items of Object.values<{ command: string }[]>(c.menus)) {
      for (const m of items) assert.ok(commandIds.has(m.command), m.command);
    }
    const steps = c.walkthroughs[0].steps;
    assert.ok(steps.length >= 2);
    for (const s of steps) {
      assert.ok(existsSync(path.join(root, s.media.markdown)), s.media.markdown);
      for (const e of s.completionEvents) assert.ok(commandIds.has(e.replace(/^onCommand:/, '')), e);
    }
    assert.deepEqual(steps.slice(0, 2).map((s: { completionEvents: string[] }) => s.completionEvents[0]), [
      'onCommand:draftlint.openExample',
      'onCommand:draftlint.checkWorkspace',
    ]);
  });

  test('activation, entry point, icon, grammars and workspace trust', () => {
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/draftlint.json'));
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.equal(pkg.main, './dist/extension.js');
    assert.ok(existsSync(path.join(root, pkg.icon)), pkg.icon);
    for (const g of c.grammars) assert.ok(existsSync(path.join(root, g.path)), g.path);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(pkg.capabilities.virtualWorkspaces, false);
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.match(pkg.devDependencies['@types/vscode'], /1\.100\./);
  });

  test('settings: the brief names, defaults and enums', () => {
    const p = c.configuration.properties;
    assert.deepEqual(p['draftlint.enable'].enum, ['auto', 'always', 'never']);
    assert.equal(p['draftlint.enable'].default, 'auto');
    assert.deepEqual(p['draftlint.language'].enum, ['vi', 'en']);
    assert.equal(p['draftlint.language'].default, 'vi');
    assert.equal(p['draftlint.indicators'].type, 'array');
    assert.equal(p['draftlint.template'].type, 'string');
    assert.equal(p['draftlint.rules'].type, 'object');
    assert.deepEqual(p['draftlint.rules'].additionalProperties.enum, ['off', 'info', 'warning', 'error']);
    assert.equal(p['draftlint.maxFileSize'].type, 'number');
    assert.deepEqual(p['draftlint.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  test('.vscodeignore ships bundles, manifest, media and examples, and no sources or node_modules', () => {
    const lines = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    assert.equal(lines[0], '**', 'everything excluded first');
    const kept = lines.filter((l) => l.startsWith('!'));
    for (const want of ['!dist/*.js', '!package.json', '!l10n/**', '!syntaxes/**', '!examples/**', '!README.md', '!LICENSE']) {
      assert.ok(kept.includes(want), want);
    }
    assert.ok(!kept.some((l) => /src|node_modules|\.map/.test(l)), kept.join(' '));
    assert.ok(existsSync(path.join(root, 'LICENSE')));
  });
});
