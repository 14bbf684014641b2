/**
 * The workspace index: every draft (*.md, *.txt per the config's include/exclude) under a folder governed by a
 * draftlint.json, linted in the background one file per event-loop turn, with what other features need of
 * it: citation summaries (figures/inconsistent across the drafts of one project), citation locations
 * (references), the figures report and the file's own diagnostics (workspace diagnostics, checkWorkspace).
 * Open documents are indexed from their live analysis instead of the disk.
 */
import fs = require('node:fs');
import path = require('node:path');
import picomatch from 'picomatch';
import type { Diagnostic, Position, Range } from 'vscode-languageserver/node';
import { crossDocumentInconsistencies, type CitationSummary, type Language } from '../core/index';
import type { FigureInfo } from '../../../client/src/protocol';
import type { Env, Projects, Settings } from './config';
import { findingToDiagnostic, type Positioner } from './convert';
import { isBinary, jobFor, nextResultId, tooLarge, yieldToEventLoop, type Analysis } from './linter';
import { figureInfo, type LintData, type LintJob } from './lintjob';
import { CONFIG_FILE, isDraftPath, pathToUri } from './paths';

export interface CitationRef {
  indicatorId: string;
  range: Range;
}

export interface IndexedFile {
  path: string;
  uri: string;
  /** the project (folder of the governing draftlint.json) */
  root: string;
  /** mtime:size on disk, or `open` */
  stamp: string;
  open: boolean;
  language: Language;
  summaries: CitationSummary[];
  refs: CitationRef[];
  figures: FigureInfo[];
  /** the file's own findings */
  base: Diagnostic[];
  resultId: string;
  cross: Diagnostic[];
  /** the project stamp `cross` was computed at */
  crossStamp: number;
}

export interface IndexHost {
  projects: Projects;
  settingsFor(uri: string): Promise<Settings>;
  /** workspace folder (path) containing a path */
  folderOf(p: string): string | null;
  isOpen(p: string): boolean;
  log(message: string): void;
  /** index entries of these projects changed (after a batch) */
  updated(roots: Set<string>): void;
  /** run a lint in the background (pool.ts); null when superseded */
  lint(job: LintJob, env: Env, key: string): Promise<LintData | null>;
}

export const INDEX_LIMITS = { maxFiles: 5000, maxDepth: 24, batch: 20 };
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** Citation locations of a lint (for references). */
export function citationRefs(data: LintData): CitationRef[] {
  return data.citations.map((c) => ({ indicatorId: c.indicatorId, range: c.range }));
}

/** Positions of a document known only through its citation summaries. */
function summaryPositioner(summaries: CitationSummary[]): Positioner {
  const at = new Map<number, Position>();
  for (const s of summaries) {
    at.set(s.start, { line: s.line, character: s.character });
    at.set(s.end, { line: s.endLine, character: s.endCharacter });
  }
  return { positionAt: (o: number) => at.get(o) ?? { line: 0, character: 0 } };
}

export class WorkspaceIndex {
  private readonly folders = new Set<string>();
  readonly files = new Map<string, IndexedFile>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private draining: Promise<void> | null = null;
  private scanning: Promise<void> | null = null;
  private readonly projectStamps = new Map<string, number>();
  private readonly changedRoots = new Set<string>();
  /** uris removed from the index since the last workspace diagnostic report */
  readonly removed = new Set<string>();
  private readonly matchers = new Map<string, { include: (s: string) => boolean; exclude: (s: string) => boolean }>();
  /** files linted from disk (for tests and logs) */
  lintCount = 0;

  constructor(private readonly host: IndexHost) {}

  setFolders(paths: string[]): void {
    this.folders.clear();
    for (const p of paths) this.folders.add(p);
  }

  addFolder(p: string): void {
    this.folders.add(p);
  }

  removeFolder(p: string): void {
    this.folders.delete(p);
    for (const f of [...this.files.keys()]) if (f === p || f.startsWith(p + path.sep)) this.remove(f);
  }

  folderList(): string[] {
    return [...this.folders];
  }

  projectStamp(root: string): number {
    return this.projectStamps.get(root) ?? 0;
  }

  private touch(root: string): void {
    this.projectStamps.set(root, this.projectStamp(root) + 1);
    this.changedRoots.add(root);
  }

  /** Forget a file (deleted, excluded, no longer a draft). */
  remove(p: string): void {
    const f = this.files.get(p);
    if (!f) return;
    this.files.delete(p);
    this.removed.add(f.uri);
    this.touch(f.root);
  }

  /** Files of one project. */
  inProject(root: string): IndexedFile[] {
    const out: IndexedFile[] = [];
    for (const f of this.files.values()) if (f.root === root) out.push(f);
    return out;
  }

  /** Citation summaries of the project's drafts other than `exceptPath`. */
  othersInProject(root: string, exceptPath: string): CitationSummary[] {
    const out: CitationSummary[] = [];
    for (const f of this.files.values()) if (f.root === root && f.path !== exceptPath) out.push(...f.summaries);
    return out;
  }

  /** The cross-document diagnostics of an indexed (not open) file, recomputed when its project changed. */
  crossFor(f: IndexedFile): Diagnostic[] {
    const stamp = this.projectStamp(f.root);
    if (f.crossStamp === stamp) return f.cross;
    const findings = crossDocumentInconsistencies(f.summaries, this.othersInProject(f.root, f.path));
    const pos = summaryPositioner(f.summaries);
    const cross = findings.map((x) => findingToDiagnostic(pos, f.uri, x, f.language, null, true));
    const same = cross.length === f.cross.length && cross.every((d, i) => d.message === f.cross[i].message);
    if (!same) f.resultId = nextResultId();
    f.cross = cross;
    f.crossStamp = stamp;
    return cross;
  }

  /** An open document's analysis replaces its disk entry. */
  setOpen(p: string, a: Analysis): void {
    const prev = this.files.get(p);
    if (!a.enabled || !a.result || !a.env?.root) {
      if (prev) this.remove(p);
      return;
    }
    this.files.set(p, {
      path: p,
      uri: a.uri,
      root: a.env.root,
      stamp: 'open',
      open: true,
      language: a.env.language,
      summaries: a.summaries,
      refs: citationRefs(a.result),
      figures: a.result.figures.map(figureInfo),
      base: a.base,
      resultId: a.resultId,
      cross: [],
      crossStamp: -1,
    });
    this.removed.delete(a.uri);
    this.touch(a.env.root);
    this.flushSoon();
  }

  /** The document was closed: read it from the disk again. */
  closed(p: string): void {
    const f = this.files.get(p);
    if (!f) return;
    f.open = false;
    f.stamp = '';
    this.enqueue(p);
  }

  /** Walk the workspace folders and (re)index every draft; `force` re-lints unchanged files too. */
  scanAll(force = false): Promise<void> {
    if (this.scanning) return this.scanning.then(() => this.scanAll(force));
    this.scanning = (async () => {
      try {
        if (force) for (const f of this.files.values()) if (!f.open) f.stamp = '';
        this.matchers.clear();
        const found = new Set<string>();
        for (const folder of this.folders) {
          const settings = await this.host.settingsFor(pathToUri(folder));
          if (settings.enable === 'never') continue;
          await this.walk(folder, 0, found, settings);
        }
        for (const p of [...this.files.keys()]) if (!found.has(p) && !this.files.get(p)?.open) this.remove(p);
        for (const p of found) this.enqueue(p);
      } catch (e) {
        this.host.log(`workspace scan failed: ${(e as Error).stack ?? e}`);
      } finally {
        this.scanning = null;
      }
      await this.whenIdle();
    })();
    return this.scanning;
  }

  private async walk(dir: string, depth: number, found: Set<string>, settings: Settings): Promise<void> {
    if (depth > INDEX_LIMITS.maxDepth || found.size >= INDEX_LIMITS.maxFiles) return;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const drafts: string[] = [];
    for (const e of entries) {
      if (e.isDirectory()) continue;
      if (e.isFile() && isDraftPath(e.name)) drafts.push(path.join(dir, e.name));
    }
    if (drafts.length) {
      const configPath = this.host.projects.configFor(dir);
      if (configPath) {
        const env = this.host.projects.envFor(drafts[0], settings, this.host.folderOf(dir));
        const m = this.matcher(env);
        for (const d of drafts) {
          if (found.size >= INDEX_LIMITS.maxFiles) break;
          if (this.host.projects.isDataFile(d)) continue; // a data file with a .txt name
          const rel = path.relative(path.dirname(configPath), d).split(path.sep).join('/');
          if (m.include(rel) && !m.exclude(rel)) found.add(d);
        }
      }
    }
    for (const e of entries) {
      if (!e.isDirectory() || SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
      await this.walk(path.join(dir, e.name), depth + 1, found, settings);
    }
  }

  private matcher(env: Env): { include: (s: string) => boolean; exclude: (s: string) => boolean } {
    let m = this.matchers.get(env.key);
    if (!m) {
      const inc = env.include.length ? picomatch(env.include, { dot: false }) : () => false;
      const exc = env.exclude.length ? picomatch(env.exclude) : () => false;
      m = {
        include: (s) => inc(s),
        exclude: (s) => {
          if (exc(s)) return true;
          for (let i = s.indexOf('/'); i > 0; i = s.indexOf('/', i + 1)) if (exc(s.slice(0, i))) return true;
          return false;
        },
      };
      this.matchers.set(env.key, m);
    }
    return m;
  }

  /** Does a file belong in the index (a draft under a config, included, not excluded)? */
  accepts(p: string, env: Env): boolean {
    if (!env.configPath || !isDraftPath(p)) return false;
    const rel = path.relative(path.dirname(env.configPath), p).split(path.sep).join('/');
    const m = this.matcher(env);
    return m.include(rel) && !m.exclude(rel);
  }

  /** A draft changed on disk (or should be looked at again). */
  enqueue(p: string): void {
    if (this.queued.has(p)) return;
    this.queued.add(p);
    this.queue.push(p);
    this.drain();
  }

  /** Resolves when every queued file is indexed. */
  whenIdle(): Promise<void> {
    return this.draining ?? Promise.resolve();
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = (async () => {
      let n = 0;
      while (this.queue.length) {
        await yieldToEventLoop();
        const p = this.queue.shift() as string;
        this.queued.delete(p);
        try {
          await this.indexFile(p);
        } catch (e) {
          this.host.log(`indexing ${p} failed: ${(e as Error).stack ?? e}`);
        }
        if (++n % INDEX_LIMITS.batch === 0) this.flush();
      }
      this.draining = null;
      this.flush();
    })();
  }

  private flushTimer: NodeJS.Timeout | undefined;
  private flushSoon(): void {
    if (this.flushTimer || this.draining) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flush();
    }, 0);
  }

  private flush(): void {
    if (!this.changedRoots.size) return;
    const roots = new Set(this.changedRoots);
    this.changedRoots.clear();
    try {
      this.host.updated(roots);
    } catch (e) {
      this.host.log(`index update failed: ${(e as Error).stack ?? e}`);
    }
  }

  private async indexFile(p: string): Promise<void> {
    if (this.host.isOpen(p)) return;
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(p);
    } catch {
      this.remove(p);
      return;
    }
    if (!st.isFile() || path.basename(p) === CONFIG_FILE) {
      this.remove(p);
      return;
    }
    const stamp = `${st.mtimeMs}:${st.size}`;
    const prev = this.files.get(p);
    if (prev && !prev.open && prev.stamp === stamp) return;
    const folder = this.host.folderOf(p);
    const settings = await this.host.settingsFor(pathToUri(folder ?? path.dirname(p)));
    if (settings.enable === 'never' || (settings.maxFileSize > 0 && st.size > settings.maxFileSize)) {
      this.remove(p);
      return;
    }
    const env = this.host.projects.envFor(p, settings, folder);
    if (!env.root || !this.accepts(p, env)) {
      this.remove(p);
      return;
    }
    let text = await fs.promises.readFile(p, 'utf8');
    if (this.host.isOpen(p)) return; // opened meanwhile: the linter indexes it
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (isBinary(text) || tooLarge(text, settings.maxFileSize)) {
      this.remove(p);
      return;
    }
    if (this.host.isOpen(p)) return;
    const uri = pathToUri(p);
    const data = await this.host.lint(jobFor(env, uri, null, text, 'index'), env, `index:${p}`);
    // opened meanwhile (the linter indexes it), or changed on disk again (queued anew)
    if (!data || this.host.isOpen(p) || this.queued.has(p)) return;
    this.lintCount++;
    this.files.set(p, {
      path: p,
      uri,
      root: env.root,
      stamp,
      open: false,
      language: env.language,
      summaries: data.summaries,
      refs: citationRefs(data),
      figures: data.figures.map(figureInfo),
      base: data.diagnostics,
      resultId: nextResultId(),
      cross: [],
      crossStamp: -1,
    });
    this.removed.delete(uri);
    this.touch(env.root);
  }
}
