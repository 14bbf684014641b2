/**
 * Finding the nearest draftlint.json from a folder upward — shared by the CLI and the language server (both run
 * on Node; the core never touches the file system).
 */
import fs = require('node:fs');
import path = require('node:path');

export const CONFIG_FILE_NAME = 'draftlint.json';

/**
 * The nearest `name` file from `dir` up to the filesystem root, or null. `cache` maps folders to their answer and
 * is filled for every folder visited on the way up, so a tree is walked once.
 */
export function nearestConfig(dir: string, cache: Map<string, string | null>, name = CONFIG_FILE_NAME): string | null {
  const visited: string[] = [];
  let d = dir;
  let found: string | null = null;
  for (;;) {
    const cached = cache.get(d);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    visited.push(d);
    const candidate = path.join(d, name);
    let isFile = false;
    try {
      isFile = fs.statSync(candidate).isFile();
    } catch {
      isFile = false;
    }
    if (isFile) {
      found = candidate;
      break;
    }
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  for (const v of visited) cache.set(v, found);
  return found;
}
