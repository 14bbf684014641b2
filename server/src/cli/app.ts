/**
 * The CLI program (bundled to dist/cli-app.js; dist/cli.js loads it through a V8 code cache, see main.ts).
 * The same bundle runs the worker threads of the lint pool (pool.ts), recognised by their workerData.
 */
import { run } from './run';
import { isPoolWorker, runWorker } from './pool';

function main(): void {
  // `draftlint figures | head`: a closed pipe ends the run quietly
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }

  run(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`draftlint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

if (isPoolWorker()) runWorker();
else main();
