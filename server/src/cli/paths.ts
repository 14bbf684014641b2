/** Paths as the CLI shows them: relative to the cwd when inside it, absolute otherwise. */
import path = require('node:path');
import { pathToFileURL } from 'node:url';

/** True when `p` (absolute) is `dir` or inside it. */
export function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The path to show for an absolute path: relative to cwd when inside it (native separators), else absolute. */
export function displayPath(abs: string, cwd: string): string {
  if (isInside(cwd, abs)) {
    const rel = path.relative(cwd, abs);
    return rel === '' ? '.' : rel;
  }
  return abs;
}

/**
 * The SARIF artifact uri of a file: a relative uri reference with forward slashes (each segment
 * percent-encoded) when the file is inside cwd, else an absolute `file://` uri.
 */
export function sarifUri(abs: string, cwd: string): string {
  if (isInside(cwd, abs)) {
    return path
      .relative(cwd, abs)
      .split(path.sep)
      .map((s) => encodeURIComponent(s))
      .join('/');
  }
  return pathToFileURL(abs).href;
}

/** Forward-slash form of a relative path (for glob matching). */
export function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}
