/**
 * The CLI program (bundled to dist/cli-app.js; dist/cli.js loads it through a V8 code cache, see main.ts).
 * The same bundle runs the worker threads of the lint pool (pool.ts), recognised by their workerData.
 */
import fs = require('node:fs');
import { run } from './run';
import { isPoolWorker, runWorker } from './pool';

/**
 * Write all of `s` to a standard stream's file descriptor, synchronously (as process.stdout does for files,
 * pipes and terminals on Linux and macOS). Not process.stdout itself: creating it loads Node's stream and net
 * modules, which cost a one-shot run several milliseconds. A reader that stopped early (`draftlint check |
 * head`) gets nothing more and the run ends quietly with its own exit code; a full non-blocking pipe is waited for.
 */
const closed = new Set<number>();
function writeAll(fd: number, s: string): void {
  if (closed.has(fd)) return;
  const bytes = Buffer.from(s, 'utf8');
  for (let off = 0; off < bytes.length; ) {
    try {
      off += fs.writeSync(fd, bytes, off, bytes.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        closed.add(fd);
        return;
      }
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
  }
}

/** Whether stdout is a terminal, asked only when colour depends on it (stylish output). */
function stdoutIsTTY(): boolean {
  try {
    // a terminal is a character device: files and pipes are told apart without loading node:tty (and net)
    return fs.fstatSync(1).isCharacterDevice() && (require('node:tty') as typeof import('node:tty')).isatty(1);
  } catch {
    return false;
  }
}

/**
 * The run, then an immediate exit with its code: everything is written by then (synchronously), and a natural
 * exit would first wait for V8's background compile jobs to finish and tear the heap down, for nothing (the
 * 'exit' listeners, such as the code cache's writer in main.ts, still run).
 */
function main(): void {
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    get isTTY() {
      return stdoutIsTTY();
    },
    stdout: (s) => writeAll(1, s),
    stderr: (s) => writeAll(2, s),
  }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      writeAll(2, `draftlint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(2);
    },
  );
}

if (isPoolWorker()) runWorker();
else main();
