/**
 * Finding and reading the documents to lint: paths may be files or folders; folders are walked for the
 * config's `include` globs (default *.md, *.txt), skipping node_modules, .git and the config's `exclude`.
 * Reading rejects binary files and strips a UTF-8 BOM.
 */
import fs = require('node:fs');
import path = require('node:path');
import type { Project, ProjectLoader } from './project';
import { toPosix } from './paths';

const SKIP_DIRS = new Set(['node_modules', '.git']);

export class PathError extends Error {}

export interface CollectedFile {
  /** absolute path */
  path: string;
  /** named on the command line (not found by walking) */
  explicit: boolean;
}

export interface CollectResult {
  files: CollectedFile[];
  /** explicit files skipped because the config excludes them (or reads them as data) */
  excluded: string[];
}

/**
 * The path globs are matched against (forward slashes): relative to the project's folder, or, with no config
 * or for a file outside it (--config elsewhere), relative to the folder being walked.
 */
function globPath(project: Project, abs: string, root: string): string {
  const inside = (base: string) => {
    const rel = path.relative(base, abs);
    return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel;
  };
  const rel = (project.dir ? inside(project.dir) : null) ?? inside(root) ?? path.basename(abs);
  return toPosix(rel);
}

/**
 * Expand the command-line paths into a sorted, de-duplicated list of files. The project (config) of each file
 * decides include/exclude, so configs are discovered while walking.
 */
export function collectFiles(inputs: readonly string[], cwd: string, loader: ProjectLoader): CollectResult {
  const found = new Map<string, CollectedFile>();
  const excluded: string[] = [];
  const visitDir = (dir: string, root: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = fs.statSync(p);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
        if (isDir) continue; // do not follow symlinked folders (cycles)
      }
      if (isDir) {
        if (SKIP_DIRS.has(e.name)) continue;
        visitDir(p, root);
      } else if (isFile) {
        const project = loader.forFile(p);
        const g = globPath(project, p, root);
        if (!project.include(g) || project.exclude(g) || project.dataFiles.has(p)) continue;
        if (!found.has(p)) found.set(p, { path: p, explicit: false });
      }
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new PathError(`${input}: no such file or folder`);
    }
    if (st.isDirectory()) visitDir(abs, abs);
    else if (st.isFile()) {
      const project = loader.forFile(abs);
      if (project.exclude(globPath(project, abs, path.dirname(abs))) || project.dataFiles.has(abs)) {
        excluded.push(abs);
        continue;
      }
      found.set(abs, { path: abs, explicit: true });
    } else throw new PathError(`${input}: not a file or folder`);
  }
  const files = [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, excluded };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export type ReadResult = { kind: 'text'; text: string } | { kind: 'binary' } | { kind: 'error'; message: string };

/** How many undecodable byte sequences a text file may have before it counts as binary. */
export const MAX_BAD_SEQUENCES = 4;

/** Count of U+FFFD in `s`. */
function countReplacement(s: string): number {
  let n = 0;
  let i = s.indexOf('\uFFFD');
  while (i >= 0) {
    n++;
    i = s.indexOf('\uFFFD', i + 1);
  }
  return n;
}

/** Count of encoded U+FFFD (EF BF BD) in the bytes: replacement characters that were really in the file. */
function countEncodedReplacement(buf: Buffer): number {
  let n = 0;
  let i = buf.indexOf(0xef);
  while (i >= 0 && i + 2 < buf.length) {
    if (buf[i + 1] === 0xbf && buf[i + 2] === 0xbd) n++;
    i = buf.indexOf(0xef, i + 1);
  }
  return n;
}

/** Decode a document: binary when it has a NUL byte in its first 8 KB or too many invalid UTF-8 sequences. */
export function decodeDocument(buf: Buffer): ReadResult {
  const head = buf.length > 8192 ? buf.subarray(0, 8192) : buf;
  if (head.indexOf(0) >= 0) return { kind: 'binary' };
  let text = buf.toString('utf8');
  const rep = countReplacement(text);
  if (rep > 0 && rep - countEncodedReplacement(buf) > MAX_BAD_SEQUENCES) return { kind: 'binary' };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { kind: 'text', text };
}

/**
 * A document read straight into a string (Node's UTF-8 read, the fastest): decodeDocument's result and the
 * file's size in bytes, without a Buffer. Exact for valid UTF-8 (no U+FFFD in the text: then the text's UTF-8
 * is the file's bytes); a text with a U+FFFD is read again as bytes and decoded by decodeDocument.
 */
export function readDocumentText(file: string): { doc: ReadResult; bytes: number } {
  const text = fs.readFileSync(file, 'utf8');
  if (text.indexOf('\uFFFD') >= 0) {
    const buf = fs.readFileSync(file);
    return { doc: decodeDocument(buf), bytes: buf.length };
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  // a NUL byte in the first 8 KB (decodeDocument's rule): a NUL character at byte offset < 8192
  const nul = text.indexOf('\0');
  if (nul >= 0 && nul < 8192 && Buffer.byteLength(text.slice(0, nul), 'utf8') < 8192) return { doc: { kind: 'binary' }, bytes };
  return { doc: { kind: 'text', text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text }, bytes };
}

export function readDocument(file: string): ReadResult {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { kind: 'error', message: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  return decodeDocument(buf);
}
