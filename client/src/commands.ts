/** The draftlint commands (contributes.commands). */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';
import { showFiguresReport } from './figuresReport';
import { CONFIG_FILE, type Gate, LANGUAGES } from './gate';
import {
  CheckWorkspaceRequest,
  type CheckWorkspaceResult,
  type IndicatorInfo,
  IndicatorsRequest,
  type IndicatorsResult,
  ReloadNotification,
} from './protocol';
import { STARTER_DATA_PATH, starterConfig, starterIndicators } from './starter';
import type { StatusBar } from './statusBar';

export interface CommandDeps {
  client: LanguageClient;
  gate: Gate;
  isLinted(uri: vscode.Uri): boolean;
  reconcile(): Promise<void>;
  statusBar: StatusBar;
}

const t = vscode.l10n.t;
const PENDING_EXAMPLE_KEY = 'draftlint.pendingExample';

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const reg = (id: string, fn: (...args: any[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg('draftlint.checkWorkspace', () => checkWorkspace(deps));
  reg('draftlint.showFiguresReport', (uri?: vscode.Uri) => showFiguresReport(context, deps, uri));
  reg('draftlint.insertIndicator', () => insertIndicator(deps));
  reg('draftlint.reloadData', () => reloadData(deps));
  reg('draftlint.createConfig', () => createConfig());
  reg('draftlint.checkThisFile', (uri?: vscode.Uri) => checkThisFile(deps, uri));
  reg('draftlint.openExample', () => openExample(context));
  void openPendingExample(context);
}

async function whenRunning(client: LanguageClient): Promise<boolean> {
  if (client.state === State.Running) return true;
  if (client.state === State.Starting) {
    await new Promise<void>((resolve) => {
      const d = client.onDidChangeState((e) => {
        if (e.newState !== State.Starting) {
          d.dispose();
          resolve();
        }
      });
    });
    if ((client.state as State) === State.Running) return true;
  }
  void vscode.window.showErrorMessage(t('draftlint: the language server is not running.'));
  return false;
}

async function checkWorkspace(deps: CommandDeps): Promise<CheckWorkspaceResult | undefined> {
  if (!(await whenRunning(deps.client))) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('draftlint: checking the workspace…') },
    () => deps.client.sendRequest<CheckWorkspaceResult>(CheckWorkspaceRequest, {}),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(
    t('draftlint: {0} files checked, {1} findings.', result?.files ?? 0, result?.findings ?? 0),
  );
  return result;
}

async function reloadData(deps: CommandDeps): Promise<void> {
  if (!(await whenRunning(deps.client))) return;
  deps.gate.invalidate();
  await deps.client.sendNotification(ReloadNotification);
  deps.statusBar.refresh();
  void vscode.window.setStatusBarMessage(t('draftlint: data reloaded.'), 3000);
}

async function checkThisFile(deps: CommandDeps, uri?: vscode.Uri): Promise<void> {
  const doc = uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showWarningMessage(t('draftlint: open a Markdown or text file first.'));
    return;
  }
  if (!LANGUAGES.includes(doc.languageId)) {
    void vscode.window.showWarningMessage(t('draftlint checks Markdown and plain-text files only.'));
    return;
  }
  const enable = vscode.workspace.getConfiguration('draftlint', doc.uri).get<string>('enable', 'auto');
  if (enable === 'never') {
    const open = t('Open Settings');
    const pick = await vscode.window.showWarningMessage(
      t('draftlint is turned off by the setting draftlint.enable ("never").'),
      open,
    );
    if (pick === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'draftlint.enable');
    return;
  }
  await deps.gate.optIn(doc.uri);
  await whenRunning(deps.client);
  await deps.reconcile();
  void vscode.window.setStatusBarMessage(t('draftlint: checking {0}', path.basename(doc.uri.path)), 3000);
}

interface IndicatorPick extends vscode.QuickPickItem {
  indicator: IndicatorInfo;
}
interface TextPick extends vscode.QuickPickItem {
  insert: string;
}

async function insertIndicator(deps: CommandDeps): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(t('draftlint: open a Markdown or text file first.'));
    return;
  }
  if (!(await whenRunning(deps.client))) return;
  const uri = editor.document.uri;
  let result: IndicatorsResult | undefined;
  try {
    result = await deps.client.sendRequest<IndicatorsResult>(IndicatorsRequest, {
      uri: deps.isLinted(uri) ? uri.toString() : undefined,
    });
  } catch (err) {
    void vscode.window.showErrorMessage(t('draftlint: could not get the indicators: {0}', String(err)));
    return;
  }
  const indicators = result?.indicators ?? [];
  if (!indicators.length) {
    void vscode.window.showInformationMessage(
      t('draftlint: no indicator data is loaded. Add a data file to draftlint.json.'),
    );
    return;
  }
  const picked = await vscode.window.showQuickPick<IndicatorPick>(
    indicators.map((ind) => ({
      label: ind.name,
      description: [ind.unit, ind.aliases.join(' · ')].filter(Boolean).join(' — '),
      detail: ind.values.map((v) => `${v.period}: ${v.display}`).join('   '),
      indicator: ind,
    })),
    { placeHolder: t('Indicator to insert'), matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const ind = picked.indicator;
  let text = ind.name;
  if (ind.values.length) {
    const choice = await vscode.window.showQuickPick<TextPick>(
      [
        { label: ind.name, description: t('name only'), insert: ind.name },
        ...ind.values.map((v) => ({
          label: `${ind.name} ${v.display}`,
          description: `${v.period} · ${kindLabel(v.kind)}`,
          detail: v.source,
          insert: `${ind.name} ${v.display}`,
        })),
      ],
      { placeHolder: t('Insert the name, or the name with a value') },
    );
    if (!choice) return;
    text = choice.insert;
  }
  await editor.edit((b) => {
    for (const sel of editor.selections) b.replace(sel, text);
  });
}

function kindLabel(kind: string): string {
  if (kind === 'target') return t('target');
  if (kind === 'estimate') return t('estimate');
  return t('actual');
}

async function createConfig(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showWarningMessage(t('draftlint: open a folder first.'));
    return;
  }
  const folder =
    folders.length === 1
      ? folders[0]
      : await vscode.window.showWorkspaceFolderPick({ placeHolder: t('Folder for draftlint.json') });
  if (!folder) return;
  const configUri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  const dataUri = vscode.Uri.joinPath(folder.uri, ...STARTER_DATA_PATH.split('/'));
  if (await exists(configUri)) {
    void vscode.window.showInformationMessage(t('draftlint: {0} already exists.', CONFIG_FILE));
    await vscode.window.showTextDocument(configUri);
    return;
  }
  const language = vscode.workspace.getConfiguration('draftlint', folder.uri).get<'vi' | 'en'>('language', 'vi');
  const enc = new TextEncoder();
  await vscode.workspace.fs.writeFile(configUri, enc.encode(starterConfig(language)));
  if (!(await exists(dataUri))) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(dataUri, '..'));
    await vscode.workspace.fs.writeFile(dataUri, enc.encode(starterIndicators()));
  }
  await vscode.window.showTextDocument(configUri);
  void vscode.window.showInformationMessage(
    t('draftlint: created {0} and {1}. Replace the example rows with your data.', CONFIG_FILE, STARTER_DATA_PATH),
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** draft files (*.md, *.txt but README) of a folder, two levels deep, sorted */
export function findDrafts(dir: string, depth = 2): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && depth > 0 && e.name !== 'node_modules' && !e.name.startsWith('.')) {
      out.push(...findDrafts(p, depth - 1));
    } else if (e.isFile() && /\.(md|txt)$/i.test(e.name) && !/^readme/i.test(e.name)) {
      out.push(p);
    }
  }
  return out;
}

/**
 * Walkthrough: copy the bundled example (examples/quang-ninh) to the extension's storage and open it as a
 * folder; the draft opens once the new window's extension host starts (see openPendingExample).
 */
async function openExample(context: vscode.ExtensionContext): Promise<void> {
  const src = vscode.Uri.joinPath(context.extensionUri, 'examples', 'quang-ninh');
  if (!(await exists(src))) {
    void vscode.window.showErrorMessage(t('draftlint: the bundled example is missing.'));
    return;
  }
  const dest = vscode.Uri.joinPath(context.globalStorageUri, 'quang-ninh');
  await vscode.workspace.fs.createDirectory(context.globalStorageUri);
  await vscode.workspace.fs.copy(src, dest, { overwrite: true });
  await context.globalState.update(PENDING_EXAMPLE_KEY, dest.fsPath);
  const current = vscode.workspace.workspaceFolders?.some((f) => f.uri.fsPath === dest.fsPath);
  if (current) {
    await openPendingExample(context);
    return;
  }
  await vscode.commands.executeCommand('vscode.openFolder', dest, { forceNewWindow: false });
}

async function openPendingExample(context: vscode.ExtensionContext): Promise<void> {
  const pending = context.globalState.get<string>(PENDING_EXAMPLE_KEY);
  if (!pending) return;
  if (!vscode.workspace.workspaceFolders?.some((f) => f.uri.fsPath === pending)) return;
  await context.globalState.update(PENDING_EXAMPLE_KEY, undefined);
  const draft = findDrafts(pending)[0];
  if (draft) await vscode.window.showTextDocument(vscode.Uri.file(draft));
}
