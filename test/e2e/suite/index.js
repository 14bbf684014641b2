// Extension-host test suite (plain JS, no build step). Loaded by VS Code through --extensionTestsPath:
// VS Code calls run(); a rejected promise = failure. Run by test/e2e/run-extension-tests.mjs.
// Output goes to the console and to $DRAFTLINT_E2E_LOG (scripts/fake-vscode.mjs prints that file).
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'draftlint.draftlint';
const TEST_TIMEOUT_MS = 90_000;
const tests = [];
const test = (name, fn) => tests.push({ name, fn });

function out(line) {
  console.log(line);
  if (process.env.DRAFTLINT_E2E_LOG) fs.appendFileSync(process.env.DRAFTLINT_E2E_LOG, line + '\n');
}

/** resolves when `check()` returns a truthy value, re-checking on each `event`; rejects after `ms` */
function waitFor(what, event, check, ms = 60_000) {
  return new Promise((resolve, reject) => {
    let done = false;
    let sub;
    const finish = (fn, v) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub?.dispose();
      fn(v);
    };
    const timer = setTimeout(() => finish(reject, new Error(`timed out waiting for ${what}`)), ms);
    const probe = () => {
      Promise.resolve()
        .then(check)
        .then((v) => v && finish(resolve, v), (e) => finish(reject, e));
    };
    sub = event(probe);
    probe();
  });
}

const fold = (s) =>
  String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
const squash = (s) => String(s).normalize('NFC').replace(/\s+/g, '');
const draftlintDiagnostics = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'draftlint');
const hoverText = (hovers) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');

let api;
let draft;
let editor;

async function revert() {
  await vscode.window.showTextDocument(draft);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

test('the extension activates and its language server starts', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  api = await ext.activate();
  await api.ready;
  assert.equal(typeof api.isLinted, 'function');
});

test('opening the example draft publishes draftlint diagnostics', async () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  const files = (await vscode.workspace.findFiles('**/*.{md,txt}', '**/node_modules/**'))
    .filter((u) => !/readme/i.test(path.basename(u.fsPath)))
    .sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  assert.ok(files.length > 0, 'the example has a draft');
  draft = await vscode.workspace.openTextDocument(files[0]);
  editor = await vscode.window.showTextDocument(draft);
  const diags = await waitFor('draftlint diagnostics', vscode.languages.onDidChangeDiagnostics, () => {
    const d = draftlintDiagnostics(draft.uri);
    return d.length ? d : undefined;
  });
  assert.ok(api.isLinted(draft.uri));
  for (const d of diags) {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    assert.match(String(code), /^[a-z]+\/[a-z0-9-]+$/, `rule id as code: ${code}`);
  }
  out(`  (${diags.length} diagnostics, rules: ${[...new Set(diags.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)))].join(', ')})`);
});

test('the status bar shows the loaded indicators and the findings of the file', async () => {
  const text = await waitFor('status bar text', vscode.languages.onDidChangeDiagnostics, () => {
    const s = api.statusText();
    return /\d+/.test(s) && !/sync~spin/.test(s) ? s : undefined;
  });
  const findings = draftlintDiagnostics(draft.uri).length;
  assert.match(text, /draftlint/);
  assert.ok(text.includes(String(findings)), `"${text}" shows ${findings} findings`);
});

test('completion after "tang truong" offers the growth indicator', async () => {
  const end = draft.lineAt(draft.lineCount - 1).range.end;
  await editor.edit((b) => b.insert(end, '\n\nTốc độ tang truong'));
  const pos = draft.lineAt(draft.lineCount - 1).range.end;
  try {
    const list = await waitFor(
      'completion items',
      vscode.workspace.onDidChangeTextDocument,
      async () => {
        const l = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', draft.uri, pos);
        return l && l.items.some((i) => /tang truong/.test(fold(typeof i.label === 'string' ? i.label : i.label.label)))
          ? l
          : undefined;
      },
      20_000,
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    out(`  (completion: ${labels.slice(0, 5).join(' | ')})`);
    assert.ok(labels.some((l) => /tang truong/.test(fold(l))));
  } finally {
    await revert();
  }
});

test('hover on a figure mentions its canonical value', async () => {
  const res = await api.client.sendRequest('draftlint/figures', { uri: draft.uri.toString() });
  const figures = (res?.files ?? []).flatMap((f) => f.figures);
  const fig = figures.find((f) => f.canonical && f.indicator);
  assert.ok(fig, `a figure matched to an indicator with a canonical value (of ${figures.length})`);
  const pos = new vscode.Position(fig.line, fig.character + Math.max(0, Math.floor((fig.endCharacter - fig.character) / 2)));
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', draft.uri, pos);
  const text = hoverText(hovers ?? []);
  out(`  (hover on "${fig.text}": ${text.replace(/\s+/g, ' ').slice(0, 120)})`);
  assert.ok(squash(text).includes(squash(fig.canonical)), `hover "${text}" mentions ${fig.canonical}`);
});

test('a quick fix changes the text', async () => {
  const before = draft.getText();
  let applied;
  for (const d of draftlintDiagnostics(draft.uri)) {
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      draft.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = (actions ?? []).find((a) => a.edit && a.edit.size > 0);
    if (fix) {
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'edit applied');
      applied = fix.title;
      break;
    }
  }
  try {
    assert.ok(applied, 'some diagnostic has a quick fix with an edit');
    out(`  (applied: ${applied})`);
    assert.notEqual(draft.getText(), before);
  } finally {
    await revert();
  }
  assert.equal(draft.getText(), before, 'reverted');
});

test('"Check workspace" checks the example folder', async () => {
  const result = await vscode.commands.executeCommand('draftlint.checkWorkspace');
  assert.ok(result && result.files >= 1, `checked ${JSON.stringify(result)}`);
  assert.ok(result.findings >= 1, 'the example has findings');
});

test('"Insert indicator" inserts a name from the loaded data', async () => {
  await vscode.window.showTextDocument(draft);
  const before = draft.getText();
  const names = (await api.client.sendRequest('draftlint/indicators', { uri: draft.uri.toString() })).indicators.map(
    (i) => i.name,
  );
  assert.ok(names.length > 0, 'indicators loaded');
  const running = vscode.commands.executeCommand('draftlint.insertIndicator');
  try {
    // accept the first item of each quick pick (indicator, then "name only" or "name + value")
    let poke;
    const changed = waitFor('the inserted text', (fire) => {
      poke = setInterval(() => void vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'), 250);
      return vscode.workspace.onDidChangeTextDocument(fire);
    }, () => draft.getText() !== before, 20_000);
    await changed.finally(() => clearInterval(poke));
    await running;
    const inserted = draft.getText().length - before.length;
    assert.ok(inserted > 0);
    assert.ok(names.some((n) => draft.getText().includes(n)), 'an indicator name was inserted');
  } finally {
    await revert();
  }
});

test('the figures report opens as a webview', async () => {
  await vscode.commands.executeCommand('draftlint.showFiguresReport');
  const tab = await waitFor('figures report tab', vscode.window.tabGroups.onDidChangeTabs, () =>
    vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('draftlint.figures')),
  );
  assert.ok(tab);
  await vscode.window.tabGroups.close(tab);
});

test('draftlint.enable = "never" stops linting the draft, and "auto" brings it back', async () => {
  const config = () => vscode.workspace.getConfiguration('draftlint', draft.uri);
  await config().update('enable', 'never', vscode.ConfigurationTarget.Workspace);
  try {
    await waitFor('diagnostics cleared', vscode.languages.onDidChangeDiagnostics, () =>
      !api.isLinted(draft.uri) && draftlintDiagnostics(draft.uri).length === 0,
    );
  } finally {
    await config().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
  }
  await waitFor('diagnostics back', vscode.languages.onDidChangeDiagnostics, () =>
    api.isLinted(draft.uri) && draftlintDiagnostics(draft.uri).length > 0,
  );
});

test('an untitled document is checked only after "Check this file"', async () => {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# Nháp\n\nMột đoạn ngắn.\n' });
  await vscode.window.showTextDocument(doc);
  assert.equal(api.isLinted(doc.uri), false, 'not linted under enable=auto');
  await vscode.commands.executeCommand('draftlint.checkThisFile');
  assert.equal(api.isLinted(doc.uri), true, 'linted after opting in');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

exports.run = async function run() {
  let passed = 0;
  let failed = 0;
  out('draftlint extension-host tests');
  for (const t of tests) {
    const t0 = Date.now();
    try {
      let timer;
      await Promise.race([
        Promise.resolve().then(t.fn),
        new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`timeout after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS))),
      ]).finally(() => clearTimeout(timer));
      passed++;
      out(`✔ ${t.name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed++;
      out(`✖ ${t.name} (${Date.now() - t0} ms)\n    ${String(err?.stack || err).split('\n').slice(0, 6).join('\n    ')}`);
    }
  }
  out(`${passed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} of ${tests.length} extension-host tests failed`);
};
