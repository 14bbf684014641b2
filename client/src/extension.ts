/**
 * The draftlint VS Code extension: starts the language server (dist/server.js, node IPC) and wires the small
 * UI modules (status bar, commands, figures report). Only documents the `Gate` allows are sent to the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  LanguageClient,
  type LanguageClientOptions,
  type Middleware,
  RevealOutputChannelOn,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { Gate, LANGUAGES } from './gate';
import { DataStatusNotification, type DataStatusParams } from './protocol';
import { StatusBar } from './statusBar';

/** What `activate` returns (used by the end-to-end tests and by other extensions). */
export interface DraftlintApi {
  client: LanguageClient;
  gate: Gate;
  /** true when the document is currently synchronized with the server (i.e. being linted) */
  isLinted(uri: vscode.Uri): boolean;
  /** resolves when the server is running */
  ready: Promise<void>;
  /** the status bar item's current text */
  statusText(): string;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<DraftlintApi> {
  const gate = new Gate(context.workspaceState);
  context.subscriptions.push(gate);
  /** documents we have sent didOpen for (and not didClose) */
  const synced = new Set<string>();
  const isLinted = (uri: vscode.Uri) => synced.has(uri.toString());

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6011'] },
    },
  };

  const middleware: Middleware = {
    didOpen: (doc, next) => {
      if (!gate.allows(doc)) return Promise.resolve();
      synced.add(doc.uri.toString());
      return next(doc);
    },
    didChange: (event, next) => (isLinted(event.document.uri) ? next(event) : Promise.resolve()),
    didClose: (doc, next) => (synced.delete(doc.uri.toString()) ? next(doc) : Promise.resolve()),
    didSave: (doc, next) => (isLinted(doc.uri) ? next(doc) : Promise.resolve()),
    willSave: (event, next) => (isLinted(event.document.uri) ? next(event) : Promise.resolve()),
    willSaveWaitUntil: (event, next) => (isLinted(event.document.uri) ? next(event) : Promise.resolve([])),
    provideCompletionItem: (doc, pos, ctx, token, next) => (isLinted(doc.uri) ? next(doc, pos, ctx, token) : undefined),
    provideHover: (doc, pos, token, next) => (isLinted(doc.uri) ? next(doc, pos, token) : undefined),
    provideCodeActions: (doc, range, ctx, token, next) =>
      isLinted(doc.uri) ? next(doc, range, ctx, token) : undefined,
    provideDocumentSymbols: (doc, token, next) => (isLinted(doc.uri) ? next(doc, token) : undefined),
    provideFoldingRanges: (doc, ctx, token, next) => (isLinted(doc.uri) ? next(doc, ctx, token) : undefined),
    provideDefinition: (doc, pos, token, next) => (isLinted(doc.uri) ? next(doc, pos, token) : undefined),
    provideReferences: (doc, pos, ctx, token, next) => (isLinted(doc.uri) ? next(doc, pos, ctx, token) : undefined),
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) =>
      ['file', 'untitled'].map((scheme) => ({ language, scheme })),
    ),
    synchronize: {
      // pushes { draftlint: {...} } with workspace/didChangeConfiguration; the server may also pull
      // workspace/configuration (section "draftlint", scopeUri = document), which the client answers.
      configurationSection: 'draftlint',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/draftlint.json'),
        vscode.workspace.createFileSystemWatcher('**/*.{csv,json,yaml,yml}'),
      ],
    },
    diagnosticCollectionName: 'draftlint',
    outputChannelName: 'draftlint',
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: { client: 'vscode' },
    middleware,
  };

  client = new LanguageClient('draftlint', 'draftlint', serverOptions, clientOptions);
  const lc = client;
  context.subscriptions.push(
    lc.onDidChangeState((e) => {
      // after a restart the client re-opens documents through the didOpen middleware
      if (e.newState !== State.Running) synced.clear();
    }),
  );

  const statusBar = new StatusBar(lc, isLinted);
  context.subscriptions.push(statusBar);

  /** open/close documents at the server when the gate's answer changes */
  const reconcile = async () => {
    if (lc.state !== State.Running) return;
    for (const doc of vscode.workspace.textDocuments) {
      const uri = doc.uri.toString();
      const want = gate.allows(doc);
      const has = synced.has(uri);
      if (want && !has) {
        synced.add(uri);
        await lc.sendNotification(
          DidOpenTextDocumentNotification.type,
          lc.code2ProtocolConverter.asOpenTextDocumentParams(doc),
        );
      } else if (!want && has) {
        synced.delete(uri);
        await lc.sendNotification(
          DidCloseTextDocumentNotification.type,
          lc.code2ProtocolConverter.asCloseTextDocumentParams(doc),
        );
        lc.diagnostics?.delete(doc.uri);
      }
    }
    statusBar.refresh();
  };
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/draftlint.json', false, true, false);
  context.subscriptions.push(
    configWatcher,
    configWatcher.onDidCreate(() => gate.invalidate()),
    configWatcher.onDidDelete(() => gate.invalidate()),
    gate.onDidChange(() => void reconcile()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('draftlint.enable')) void reconcile();
    }),
  );

  registerCommands(context, { client: lc, gate, isLinted, reconcile, statusBar });

  const ready = (async () => {
    await lc.start();
    context.subscriptions.push(
      lc.onNotification(DataStatusNotification, (p: DataStatusParams) => statusBar.setDataStatus(p)),
    );
    statusBar.refresh();
  })();
  ready.catch((err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    statusBar.setFailed(msg);
    void vscode.window.showErrorMessage(vscode.l10n.t('draftlint: the language server could not start: {0}', msg));
  });

  return { client: lc, gate, isLinted, ready, statusText: () => statusBar.text };
}

export async function deactivate(): Promise<void> {
  if (client && client.state !== State.Stopped) await client.stop();
  client = undefined;
}
