/**
 * A small LSP client for the protocol tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC over the
 * child's pipes (vscode-jsonrpc's stream reader/writer, i.e. Content-Length framing). Answers the requests a
 * server sends (workspace/configuration from `settings`, client/registerCapability, diagnostic refresh) and
 * records publishDiagnostics and other notifications.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const serverJs = path.join(repoRoot, 'dist', 'server.js');
export const workerJs = path.join(repoRoot, 'dist', 'lint-worker.js');

/** Build dist/server.js when it is missing or older than the sources under server/src. */
export function ensureServerBuilt(): void {
  const newest = (dir: string): number => {
    let m = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      m = Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return m;
  };
  const stale = () => {
    const built = Math.min(...[serverJs, workerJs].map((p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0)));
    const src = Math.max(newest(path.join(repoRoot, 'server', 'src')), fs.statSync(path.join(repoRoot, 'client', 'src', 'protocol.ts')).mtimeMs);
    return built < src;
  };
  if (!stale()) return;
  // test files run in parallel processes: one builds, the others wait for it
  const lock = path.join(repoRoot, 'dist', '.server-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  for (let waited = 0; ; waited += 100) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`waited too long for ${lock}`);
      try {
        // a lock left by a killed run
        if (Date.now() - fs.statSync(lock).mtimeMs > 60_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      sleep(100);
      if (!fs.existsSync(lock) && !stale()) return;
    }
  }
  try {
    if (!stale()) return;
    const r = spawnSync(process.execPath, ['esbuild.js'], { cwd: repoRoot, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
  data?: unknown;
  relatedInformation?: { location: { uri: string; range: Diag['range'] }; message: string }[];
}

export interface StartOptions {
  /** workspace folder (absolute path) */
  root?: string;
  /** advertise pull diagnostics (textDocument.diagnostic) */
  pull?: boolean;
  /** the `draftlint` section answered to workspace/configuration (null: the client has none) */
  settings?: Record<string, unknown> | null;
  initializationOptions?: unknown;
  /** advertise workspace.didChangeWatchedFiles.dynamicRegistration */
  watchedFiles?: boolean;
  /** environment variables for the server process (added to this process's; undefined removes one) */
  env?: Record<string, string | undefined>;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

export class LspClient {
  readonly diagnostics = new Map<string, Diag[]>();
  /** the document version of the last publishDiagnostics per uri (when the server sent one) */
  readonly publishedVersions = new Map<string, number>();
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly configurationRequests: unknown[] = [];
  refreshRequests = 0;
  stderr = '';
  private readonly listeners: (() => void)[] = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly child: ChildProcess,
    readonly conn: MessageConnection,
    public settings: Record<string, unknown> | null,
  ) {}

  static async start(opts: StartOptions = {}): Promise<LspClient> {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const conn = createMessageConnection(
      new StreamMessageReader(child.stdout as NodeJS.ReadableStream),
      new StreamMessageWriter(child.stdin as NodeJS.WritableStream),
    );
    const c = new LspClient(child, conn, opts.settings === undefined ? {} : opts.settings);
    child.stderr?.on('data', (b: Buffer) => (c.stderr += b.toString()));
    conn.onNotification((method, params) => {
      c.notifications.push({ method, params });
      if (method === 'textDocument/publishDiagnostics') {
        const p = params as { uri: string; version?: number; diagnostics: Diag[] };
        c.diagnostics.set(p.uri, p.diagnostics);
        if (typeof p.version === 'number') c.publishedVersions.set(p.uri, p.version);
      }
      for (const l of c.listeners.slice()) l();
    });
    conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      c.configurationRequests.push(p);
      return p.items.map(() => c.settings);
    });
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      c.registrations.push(...p.registrations);
      setImmediate(() => {
        for (const l of c.listeners.slice()) l();
      });
      return null;
    });
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/diagnostic/refresh', () => {
      c.refreshRequests++;
      for (const l of c.listeners.slice()) l();
      return null;
    });
    conn.listen();
    const root = opts.root;
    const capabilities: Record<string, unknown> = {
      workspace: {
        configuration: opts.settings !== null,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: opts.watchedFiles ?? false },
        diagnostics: opts.pull ? { refreshSupport: true } : undefined,
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        ...(opts.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    const init = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: root ? fileUri(root) : null,
      workspaceFolders: root ? [{ uri: fileUri(root), name: path.basename(root) }] : null,
      capabilities,
      initializationOptions: opts.initializationOptions,
    });
    c.initializeResult = init as { capabilities: Record<string, unknown> };
    await conn.sendNotification('initialized', {});
    return c;
  }

  initializeResult: { capabilities: Record<string, unknown> } = { capabilities: {} };

  request<R = unknown>(method: string, params?: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    this.versions.set(uri, 1);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Incremental change: replace `range` with `text`. */
  async change(uri: string, range: Diag['range'] | undefined, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [range ? { range, text } : { text }],
    });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves when `check` returns a value (checked after every notification), or rejects after `ms`. */
  waitFor<T>(check: () => T | undefined | false, ms = 5000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const first = check();
      if (first) return resolve(first);
      const timer = setTimeout(() => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        reject(new Error(`timed out waiting for ${what}; server stderr:\n${this.stderr}`));
      }, ms);
      const listener = () => {
        let v: T | undefined | false;
        try {
          v = check();
        } catch (e) {
          v = undefined;
        }
        if (v) {
          clearTimeout(timer);
          this.listeners.splice(this.listeners.indexOf(listener), 1);
          resolve(v);
        }
      };
      this.listeners.push(listener);
    });
  }

  /** Wait for published diagnostics of `uri` satisfying `pred`. */
  waitForDiagnostics(uri: string, pred: (d: Diag[]) => boolean = () => true, ms = 5000): Promise<Diag[]> {
    return this.waitFor(() => {
      const d = this.diagnostics.get(uri);
      return d && pred(d) ? d : undefined;
    }, ms, `diagnostics of ${uri}`);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown'), new Promise((r) => setTimeout(r, 1000))]);
      await this.notify('exit');
    } catch {
      /* already gone */
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const t = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 1500);
      this.child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }
}
