/**
 * node:crypto on demand: loading it costs a one-file `draftlint check` ~4 ms, and only the opt-in features
 * (--cache, baselines, the build id of a cache) hash anything.
 */
import type { Hash } from 'node:crypto';

let crypto: typeof import('node:crypto') | undefined;

export function createHash(algorithm: 'sha1' | 'sha256'): Hash {
  crypto ??= require('node:crypto') as typeof import('node:crypto');
  return crypto.createHash(algorithm);
}
