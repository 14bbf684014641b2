/**
 * The draftlint language server: wires LSP messages to the linter, the workspace index and the features.
 * Handlers stay thin (find the document, call the core or a feature module, convert); every handler is
 * wrapped so that an exception is logged and answered with an empty result instead of taking the server down.
 */
import path = require('node:path');
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import fs = require('node:fs');
import { crossDocumentInconsistencies, type DataIssue, type Language } from '../core/index';
import {
  CheckWorkspaceRequest,
  DataStatusNotification,
  FiguresRequest,
  IndicatorsRequest,
  ReloadNotification,
  StatusRequest,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
  type DataStatusParams,
  type FiguresParams,
  type FiguresResult,
  type IndicatorsParams,
  type IndicatorsResult,
  type StatusParams,
  type StatusResult,
} from '../../../client/src/protocol';
import { Projects, SettingsStore, type Env, type Settings } from './config';
import { dataIssueToDiagnostic, findingToDiagnostic, splitLines } from './convert';
import { DocLinter, CHANGE_DELAY_MS, allDiagnostics, type Analysis, type Prepared } from './linter';
import { LintPool, PRIORITY_INDEX, PRIORITY_OPEN } from './pool';
import { WorkspaceIndex, type IndexedFile } from './workspace';
import { CONFIG_FILE, DATA_EXTENSIONS, isDraftPath, pathToUri, uriKey, uriToPath } from './paths';
import { completeIndicators } from './features/completion';
import { hover } from './features/hover';
import { codeActions } from './features/codeActions';
import { workspaceSymbols } from './features/symbols';
import { definition, references } from './features/navigation';
import { allFigures, figuresOf, indicatorInfos } from './features/custom';

/** client → server: lint this document even without a draftlint.json above it ({ uri }). */
export const OptInNotification = 'draftlint/optIn';
/** client → server: stop linting a document opted in before ({ uri }). */
export const OptOutNotification = 'draftlint/optOut';
/** workspace/executeCommand: the same as draftlint/optIn (arguments: [uri]) for clients without the extension. */
export const CHECK_THIS_FILE_COMMAND = 'draftlint.checkThisFile';

const DRAFT_LANGUAGES = new Set(['markdown', 'plaintext', 'text', 'txt']);

export interface ServerOptions {
  /** the debounce of bursts of edits (the first edit after a pause is linted at once) */
  changeDelay?: number;
  /** the lint worker script (dist/lint-worker.js beside dist/server.js); null: lint on the main thread */
  workerFile?: string | null;
}

/** The lint worker bundled beside this file, when it is there. */
export function defaultWorkerFile(): string | null {
  const p = path.join(__dirname, 'lint-worker.js');
  return fs.existsSync(p) ? p : null;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const changeDelay = options.changeDelay ?? CHANGE_DELAY_MS;
  const log = (m: string) => connection.console.error(m);
  const info = (m: string) => connection.console.log(m);
  const pool = new LintPool({ workerFile: options.workerFile === undefined ? defaultWorkerFile() : options.workerFile, log });
  pool.start();

  let caps: ClientCapabilities = {};
  let pullMode = false;
  let clientGates = false;
  let initialized = false;
  let language: Language = 'vi';
  const optedIn = new Set<string>();
  /** index files whose diagnostics were pushed (push mode, after checkWorkspace) */
  const publishedIndex = new Set<string>();
  let workspaceFolders: string[] = [];

  let settingsStore = new SettingsStore(null, log);

  const folderOf = (p: string): string | null => {
    let best: string | null = null;
    for (const f of workspaceFolders) {
      if ((p === f || p.startsWith(f.endsWith(path.sep) ? f : f + path.sep)) && (!best || f.length > best.length)) best = f;
    }
    return best;
  };

  const openByPath = (p: string): TextDocument | undefined => {
    for (const d of documents.all()) if (uriToPath(d.uri) === p) return d;
    return undefined;
  };

  // ---------------------------------------------------------------------------------------------------
  // projects (config, data, templates)

  const projects = new Projects({
    openText: (p) => {
      const d = openByPath(p);
      return d ? { text: d.getText(), version: d.version } : undefined;
    },
    publishFileIssues: (p: string, issues: DataIssue[], text: string) => {
      const lines = splitLines(text);
      const csv = /\.(csv|tsv|txt)$/i.test(p);
      const diagnostics = issues.map((i) => dataIssueToDiagnostic(i, lines, language, csv));
      void connection.sendDiagnostics({ uri: pathToUri(p), diagnostics });
    },
    log,
  });

  let dataStatusTimer: NodeJS.Timeout | undefined;
  const sendDataStatus = () => {
    if (dataStatusTimer) return;
    dataStatusTimer = setTimeout(() => {
      dataStatusTimer = undefined;
      const ids = new Set<string>();
      for (const env of projects.allEnvs()) for (const ind of env.data.all()) ids.add(ind.id);
      const params: DataStatusParams = { indicators: ids.size, errors: projects.issueCount() };
      void connection.sendNotification(DataStatusNotification, params);
    }, 30);
  };

  let reloadTimer: NodeJS.Timeout | undefined;
  /** data or config changed: re-lint open documents and re-index the workspace */
  const dataChanged = (delay = 20) => {
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      reloadTimer = undefined;
      linter.invalidateAll(0);
      void index.scanAll(true);
      refreshPulls();
    }, delay);
  };

  projects.onDidRebuild((env, replaced) => {
    language = env.language;
    sendDataStatus();
    if (replaced) dataChanged();
  });

  // ---------------------------------------------------------------------------------------------------
  // linting open documents

  const isDraftDoc = (doc: TextDocument, p: string | null): boolean => {
    if (p) {
      const base = path.basename(p);
      if (base === CONFIG_FILE) return false;
      const ext = path.extname(p).toLowerCase();
      if (DATA_EXTENSIONS.includes(ext)) return false;
      if (isDraftPath(p)) return true;
    }
    return DRAFT_LANGUAGES.has(doc.languageId);
  };

  const envForUri = async (uri: string): Promise<{ env: Env; settings: Settings }> => {
    const s = await settingsStore.get(uri);
    const p = uriToPath(uri);
    return { env: projects.envFor(p, s, p ? folderOf(p) : null), settings: s };
  };

  const prepare = async (doc: TextDocument): Promise<Prepared> => {
    const p = uriToPath(doc.uri);
    const s = await settingsStore.get(doc.uri);
    if (!isDraftDoc(doc, p)) return { enabled: false, reason: 'not-a-draft', env: null, settings: s };
    if (p && projects.isDataFile(p)) {
      return { enabled: false, reason: 'not-a-draft', env: null, settings: s };
    }
    let allowed: boolean;
    if (s.enable === 'never') allowed = false;
    else if (s.enable === 'always' || clientGates || optedIn.has(uriKey(doc.uri))) allowed = true;
    else allowed = p !== null && projects.configFor(path.dirname(p)) !== null;
    if (!allowed) return { enabled: false, reason: 'disabled', env: null, settings: s };
    const env = projects.envFor(p, s, p ? folderOf(p) : null);
    return { enabled: true, env, settings: s };
  };

  const publish = (a: Analysis) => {
    if (pullMode) return;
    void connection.sendDiagnostics({ uri: a.uri, version: a.version, diagnostics: allDiagnostics(a) });
  };

  const crossOf = (a: Analysis): Diagnostic[] => {
    const p = uriToPath(a.uri);
    if (!a.enabled || !a.env?.root || !p || !a.summaries.length) return [];
    const others = index.othersInProject(a.env.root, p);
    if (!others.length) return [];
    const findings = crossDocumentInconsistencies(a.summaries, others);
    return findings.map((f) => findingToDiagnostic(a.doc, a.uri, f, a.env?.language ?? 'vi', a.version, true));
  };

  let refreshTimer: NodeJS.Timeout | undefined;
  const refreshPulls = () => {
    if (!pullMode || !caps.workspace?.diagnostics?.refreshSupport || refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      Promise.resolve(connection.languages.diagnostics.refresh()).catch(() => undefined);
    }, 50);
  };

  const linter = new DocLinter(
    {
      documents,
      prepare,
      linted: (a) => {
        const p = uriToPath(a.uri);
        if (a.env) language = a.env.language;
        linter.setCross(a, crossOf(a));
        publish(a);
        if (p) index.setOpen(p, a);
      },
      lint: (job, env, key) => pool.lint(job, env, PRIORITY_OPEN, `open:${key}`),
      cancel: (key) => pool.cancel(`open:${key}`),
      log,
    },
    changeDelay,
  );

  // ---------------------------------------------------------------------------------------------------
  // workspace index

  const index: WorkspaceIndex = new WorkspaceIndex({
    projects,
    settingsFor: (uri) => settingsStore.get(uri),
    folderOf,
    isOpen: (p) => openByPath(p) !== undefined,
    lint: (job, env, key) => pool.lint(job, env, PRIORITY_INDEX, key),
    log,
    updated: (roots) => {
      let changed = false;
      for (const a of linter.all()) {
        if (!a.env?.root || !roots.has(a.env.root)) continue;
        if (linter.setCross(a, crossOf(a))) {
          changed = true;
          publish(a);
        }
      }
      if (!pullMode) {
        for (const f of index.files.values()) {
          if (!f.open && publishedIndex.has(f.uri) && roots.has(f.root)) publishIndexed(f);
        }
        for (const uri of index.removed) {
          if (publishedIndex.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        }
        index.removed.clear();
      }
      if (changed) refreshPulls();
    },
  });

  const publishIndexed = (f: IndexedFile) => {
    publishedIndex.add(f.uri);
    void connection.sendDiagnostics({ uri: f.uri, diagnostics: [...f.base, ...index.crossFor(f)] });
  };

  // ---------------------------------------------------------------------------------------------------
  // helpers for handlers

  function safe<P, R>(name: string, fallback: () => R, fn: (p: P, token: CancellationToken) => R | Promise<R>) {
    return async (p: P, token: CancellationToken): Promise<R> => {
      // someone waits for this answer: the lint workers' warm-up steps aside for a moment
      pool.userWaiting();
      try {
        return await fn(p, token);
      } catch (e) {
        log(`draftlint: ${name} failed: ${(e as Error).stack ?? e}`);
        return fallback();
      }
    };
  }

  function safeNotify<P>(name: string, fn: (p: P) => void | Promise<void>) {
    return (p: P) => {
      try {
        const r = fn(p);
        if (r && typeof (r as Promise<void>).catch === 'function') {
          (r as Promise<void>).catch((e: unknown) => log(`draftlint: ${name} failed: ${(e as Error).stack ?? e}`));
        }
      } catch (e) {
        log(`draftlint: ${name} failed: ${(e as Error).stack ?? e}`);
      }
    };
  }

  /** Offset of a position, or null when it lies outside the document. */
  const offsetOf = (doc: TextDocument, pos: Position): number | null => {
    if (!pos || pos.line < 0 || pos.character < 0 || pos.line >= doc.lineCount) return null;
    const lineStart = doc.offsetAt({ line: pos.line, character: 0 });
    const next = pos.line + 1 < doc.lineCount ? doc.offsetAt({ line: pos.line + 1, character: 0 }) : doc.getText().length;
    if (lineStart + pos.character > next) return null;
    return doc.offsetAt(pos);
  };

  const analysisAt = async (uri: string, token: CancellationToken): Promise<Analysis | undefined> => {
    const a = await linter.current(uri, token);
    return a?.result ? a : undefined;
  };

  const lineLength = (uri: string, line: number): number => {
    const p = uriToPath(uri);
    const open = documents.get(uri) ?? (p ? openByPath(p) : undefined);
    let text: string | undefined = open?.getText();
    if (text === undefined && p) {
      try {
        text = fs.readFileSync(p, 'utf8');
      } catch {
        return 0;
      }
    }
    const l = text === undefined ? undefined : splitLines(text)[line];
    return l ? l.length : 0;
  };

  const samePath = (uri: string) => uriKey(uri);

  // ---------------------------------------------------------------------------------------------------
  // lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = params.capabilities ?? {};
    pullMode = Boolean(caps.textDocument?.diagnostic);
    const opts = (params.initializationOptions ?? {}) as { client?: unknown; gate?: unknown; debounce?: unknown };
    clientGates = opts.client === 'vscode' || opts.gate === 'client';
    // the debounce of bursts of edits, in ms (the first edit after a pause is linted at once anyway)
    if (typeof opts.debounce === 'number' && Number.isFinite(opts.debounce) && opts.debounce >= 0) {
      linter.setChangeDelay(Math.min(opts.debounce, 10_000));
    }
    if (caps.workspace?.configuration) {
      const pushed = settingsStore.pushed();
      settingsStore = new SettingsStore(async (scopeUri) => {
        const r: unknown = await connection.workspace.getConfiguration({ scopeUri, section: 'draftlint' });
        return r;
      }, log);
      settingsStore.setPushed({ draftlint: pushed });
    }
    const folders = params.workspaceFolders?.length
      ? params.workspaceFolders.map((f) => uriToPath(f.uri)).filter((p): p is string => Boolean(p))
      : params.rootUri
        ? [uriToPath(params.rootUri)].filter((p): p is string => Boolean(p))
        : params.rootPath
          ? [params.rootPath]
          : [];
    workspaceFolders = folders;
    index.setFolders(folders);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'draftlint' },
    };
    if (pullMode) {
      result.capabilities.diagnosticProvider = {
        identifier: 'draftlint',
        interFileDependencies: true,
        workspaceDiagnostics: true,
      };
    }
    // the VS Code extension has its own command of this name; other clients get it from the server
    if (!clientGates) result.capabilities.executeCommandProvider = { commands: [CHECK_THIS_FILE_COMMAND] };
    return result;
  });

  connection.onShutdown(() => {
    pool.dispose();
  });

  connection.onInitialized(
    safeNotify('initialized', async () => {
      initialized = true;
      info(pool.mode === 'workers' ? 'draftlint: linting in worker threads' : 'draftlint: linting on the main thread');
      if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [
            { globPattern: `**/${CONFIG_FILE}` },
            { globPattern: '**/*.{csv,tsv,json,yaml,yml}' },
            { globPattern: '**/*.{md,txt}' },
          ],
        });
      }
      if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'draftlint' });
      }
      if (caps.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          safeNotify('didChangeWorkspaceFolders', (e) => {
            for (const f of e.removed) {
              const p = uriToPath(f.uri);
              if (p) {
                index.removeFolder(p);
                workspaceFolders = workspaceFolders.filter((x) => x !== p);
              }
            }
            for (const f of e.added) {
              const p = uriToPath(f.uri);
              if (p && !workspaceFolders.includes(p)) {
                workspaceFolders.push(p);
                index.addFolder(p);
              }
            }
            void index.scanAll();
          }),
        );
      }
      // index the workspace in the background, after the first open documents had their turn
      setTimeout(() => void index.scanAll(), 200);
    }),
  );

  // ---------------------------------------------------------------------------------------------------
  // documents

  documents.onDidOpen(
    safeNotify('didOpen', (e) => {
      linter.opened(e.document.uri, e.document.version);
      const p = uriToPath(e.document.uri);
      if (p && projects.dependencies().has(p)) dataChanged();
    }),
  );
  documents.onDidChangeContent(
    safeNotify('didChange', (e) => {
      const uri = e.document.uri;
      linter.changed(uri, e.document.version);
      const p = uriToPath(uri);
      if (p && projects.dependencies().has(p)) dataChanged(changeDelay);
    }),
  );
  documents.onDidClose(
    safeNotify('didClose', (e) => {
      const uri = e.document.uri;
      linter.close(uri);
      const p = uriToPath(uri);
      if (!pullMode) void connection.sendDiagnostics({ uri, diagnostics: [] });
      if (p) {
        index.closed(p);
        // an open data file falls back to its disk content
        if (projects.fileChanged(p)) dataChanged();
      }
    }),
  );

  connection.onDidChangeConfiguration(
    safeNotify('didChangeConfiguration', (change) => {
      settingsStore.setPushed(change?.settings);
      if (!initialized) return;
      linter.invalidateAll(0);
      void index.scanAll(true);
      refreshPulls();
      sendDataStatus();
    }),
  );

  connection.onDidChangeWatchedFiles(
    safeNotify('didChangeWatchedFiles', (params) => {
      let reload = false;
      for (const ch of params.changes ?? []) {
        const p = uriToPath(ch.uri);
        if (!p) continue;
        if (projects.fileChanged(p)) reload = true;
        if (isDraftPath(p) && !openByPath(p)) {
          if (ch.type === FileChangeType.Deleted) index.remove(p);
          else index.enqueue(p);
        }
      }
      if (reload) dataChanged();
    }),
  );

  // ---------------------------------------------------------------------------------------------------
  // diagnostics (pull)

  const emptyReport = (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] });

  connection.languages.diagnostics.on(
    safe('textDocument/diagnostic', emptyReport, async (params, token) => {
      const uri = params.textDocument.uri;
      if (!documents.get(uri)) return emptyReport();
      const a = await linter.current(uri, token);
      if (!a) return emptyReport();
      if (params.previousResultId && params.previousResultId === a.resultId) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: a.resultId };
      }
      return { kind: DocumentDiagnosticReportKind.Full, resultId: a.resultId, items: allDiagnostics(a) };
    }),
  );

  connection.languages.diagnostics.onWorkspace(
    safe('workspace/diagnostic', () => ({ items: [] }), async (params) => {
      const previous = new Map<string, string>();
      for (const p of params.previousResultIds ?? []) previous.set(uriKey(p.uri), p.value);
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const f of index.files.values()) {
        if (f.open || openByPath(f.path)) continue;
        const cross = index.crossFor(f);
        if (previous.get(uriKey(f.uri)) === f.resultId) {
          items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: f.uri, version: null, resultId: f.resultId });
        } else {
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri: f.uri, version: null, resultId: f.resultId, items: [...f.base, ...cross] });
        }
      }
      for (const uri of index.removed) {
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
      }
      index.removed.clear();
      return { items };
    }),
  );

  // ---------------------------------------------------------------------------------------------------
  // features

  connection.onCompletion(
    safe<CompletionParams, CompletionList>('completion', () => ({ isIncomplete: false, items: [] }), async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || offsetOf(doc, params.position) === null) return { isIncomplete: false, items: [] };
      const a = linter.get(doc.uri);
      if (a && !a.enabled) return { isIncomplete: false, items: [] };
      const prep = a?.env ? { env: a.env } : await prepare(doc);
      if (!prep.env) return { isIncomplete: false, items: [] };
      return completeIndicators({ doc, position: params.position, data: prep.env.data, lang: prep.env.language });
    }),
  );

  connection.onHover(
    safe('hover', () => null, async (params, token) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const offset = offsetOf(doc, params.position);
      if (offset === null) return null;
      const a = await analysisAt(doc.uri, token);
      if (!a || a.doc.version !== doc.version) return null;
      return hover(a, offset);
    }),
  );

  connection.onCodeAction(
    safe('codeAction', () => [], async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const a = linter.get(doc.uri);
      const lang = a?.env?.language ?? language;
      return codeActions(params, doc, a && a.version === doc.version ? a : undefined, lang);
    }),
  );

  connection.onDocumentSymbol(
    safe('documentSymbol', () => [], async (params, token) => {
      const a = await analysisAt(params.textDocument.uri, token);
      return a?.result ? a.result.symbols : [];
    }),
  );

  connection.onFoldingRanges(
    safe('foldingRange', () => [], async (params, token) => {
      const a = await analysisAt(params.textDocument.uri, token);
      return a?.result ? a.result.folding : [];
    }),
  );

  connection.onWorkspaceSymbol(
    safe('workspaceSymbol', () => [], (params) => workspaceSymbols(projects.allEnvs(), params.query ?? '')),
  );

  connection.onDefinition(
    safe('definition', () => [], async (params, token) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const offset = offsetOf(doc, params.position);
      if (offset === null) return [];
      const a = await analysisAt(doc.uri, token);
      if (!a) return [];
      return definition(a, offset, lineLength);
    }),
  );

  connection.onReferences(
    safe('references', () => [], async (params, token) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const offset = offsetOf(doc, params.position);
      if (offset === null) return [];
      const a = await analysisAt(doc.uri, token);
      if (!a) return [];
      const open = linter.all().filter((x) => x.result);
      return references(a, offset, params.context?.includeDeclaration ?? true, open, index, lineLength, samePath);
    }),
  );

  connection.onExecuteCommand(
    safe('executeCommand', () => null, (params) => {
      if (params.command !== CHECK_THIS_FILE_COMMAND) return null;
      const arg = params.arguments?.[0];
      const uri = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'uri' in arg ? String((arg as { uri: unknown }).uri) : undefined;
      if (uri) optIn(uri);
      return null;
    }),
  );

  const optIn = (uri: string) => {
    optedIn.add(uriKey(uri));
    if (documents.get(uri)) linter.schedule(uri, 0);
  };

  connection.onNotification(
    OptInNotification,
    safeNotify(OptInNotification, (p: { uri?: string }) => {
      if (p?.uri) optIn(p.uri);
    }),
  );
  connection.onNotification(
    OptOutNotification,
    safeNotify(OptOutNotification, (p: { uri?: string }) => {
      if (!p?.uri) return;
      optedIn.delete(uriKey(p.uri));
      if (documents.get(p.uri)) linter.schedule(p.uri, 0);
    }),
  );

  // ---------------------------------------------------------------------------------------------------
  // custom protocol (client/src/protocol.ts)

  connection.onNotification(
    ReloadNotification,
    safeNotify(ReloadNotification, () => {
      info('draftlint: reloading configuration and data');
      projects.reset();
      settingsStore.clear();
      linter.invalidateAll(0);
      void index.scanAll(true);
      refreshPulls();
      sendDataStatus();
    }),
  );

  connection.onRequest(
    CheckWorkspaceRequest,
    safe<CheckWorkspaceParams | undefined, CheckWorkspaceResult>('checkWorkspace', () => ({ files: 0, findings: 0 }), async (params) => {
      for (const u of params?.folders ?? []) {
        const p = uriToPath(u);
        if (p && !workspaceFolders.includes(p)) {
          workspaceFolders.push(p);
          index.addFolder(p);
        }
      }
      await index.scanAll(true);
      await index.whenIdle();
      let findings = 0;
      const openPaths = new Set(linter.all().map((a) => uriKey(a.uri)));
      for (const f of index.files.values()) {
        if (f.open || openPaths.has(uriKey(f.uri))) continue;
        const cross = index.crossFor(f);
        findings += f.base.length + cross.length;
        if (!pullMode) publishIndexed(f);
      }
      for (const a of linter.all()) findings += allDiagnostics(a).length;
      refreshPulls();
      return { files: index.files.size, findings };
    }),
  );

  connection.onRequest(
    FiguresRequest,
    safe<FiguresParams | undefined, FiguresResult>('figures', () => ({ files: [] }), async (params, token) => {
      const uri = params?.uri;
      if (uri) {
        if (documents.get(uri)) {
          const a = await linter.current(uri, token);
          return { files: a?.result ? [{ uri, figures: figuresOf(a) }] : [] };
        }
        const p = uriToPath(uri);
        const f = p ? index.files.get(p) : undefined;
        return { files: f ? [{ uri: f.uri, figures: f.figures }] : [] };
      }
      await index.whenIdle();
      const open: Analysis[] = [];
      for (const d of documents.all()) {
        const a = await linter.current(d.uri, token);
        if (a?.result) open.push(a);
      }
      return { files: allFigures(open, index, samePath) };
    }),
  );

  connection.onRequest(
    StatusRequest,
    safe<StatusParams | undefined, StatusResult>('status', () => ({ indicators: 0, dataFiles: [], issues: 0 }), async (params, token) => {
      const uri = params?.uri;
      if (uri) {
        const a = documents.get(uri) ? await linter.current(uri, token) : undefined;
        const env = a?.env ?? (await envForUri(uri)).env;
        let issues = a ? allDiagnostics(a).length : 0;
        if (!a) {
          const p = uriToPath(uri);
          const f = p ? index.files.get(p) : undefined;
          if (f) issues = f.base.length + index.crossFor(f).length;
        }
        return { indicators: env.data.size, dataFiles: env.dataFiles, issues };
      }
      const ids = new Set<string>();
      for (const env of projects.allEnvs()) for (const ind of env.data.all()) ids.add(ind.id);
      let issues = 0;
      const openPaths = new Set<string>();
      for (const a of linter.all()) {
        openPaths.add(uriKey(a.uri));
        issues += allDiagnostics(a).length;
      }
      for (const f of index.files.values()) if (!openPaths.has(uriKey(f.uri))) issues += f.base.length + index.crossFor(f).length;
      return { indicators: ids.size, dataFiles: projects.dataFileUris(), issues };
    }),
  );

  connection.onRequest(
    IndicatorsRequest,
    safe<IndicatorsParams | undefined, IndicatorsResult>('indicators', () => ({ indicators: [] }), async (params) => {
      const uri = params?.uri;
      if (uri) return { indicators: indicatorInfos((await envForUri(uri)).env.data) };
      const envs = projects.allEnvs();
      if (envs.length === 0) return { indicators: [] };
      // no document: the data of every loaded environment (first definition of an id wins)
      const seen = new Set<string>();
      const out: IndicatorsResult['indicators'] = [];
      for (const env of envs) {
        for (const i of indicatorInfos(env.data)) {
          if (seen.has(i.id)) continue;
          seen.add(i.id);
          out.push(i);
        }
      }
      return { indicators: out };
    }),
  );

  documents.listen(connection);
}
