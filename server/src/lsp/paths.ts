/** File uris and paths. Only `file:` uris map to paths; everything else (untitled:, …) has none. */
import path = require('node:path');
import { fileURLToPath, pathToFileURL } from 'url';

export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return null;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** A key that is the same for every spelling of one file's uri (encoding differences between clients). */
export function uriKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

/** The last path segment of a uri or path. */
export function baseName(uriOrPath: string): string {
  const clean = uriOrPath.replace(/[?#].*$/, '');
  const i = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
  let name = clean.slice(i + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep as is */
  }
  return name;
}

export const CONFIG_FILE = 'draftlint.json';
export const DRAFT_EXTENSIONS = ['.md', '.txt'];
export const DATA_EXTENSIONS = ['.csv', '.tsv', '.json', '.yaml', '.yml'];

export function isDraftPath(p: string): boolean {
  const ext = path.extname(p).toLowerCase();
  return DRAFT_EXTENSIONS.includes(ext);
}
