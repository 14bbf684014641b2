// Repository-scale benchmark of the CLI, run by scripts/bench.mjs (`npm run bench repo`): a temp project of
// 1,000 copies of the example draft (with the example's draftlint.json and indicators.csv), then
//   - `draftlint check` over it (worker pool when the machine has ≥ 2 cores): wall time and peak RSS
//   - the same with --jobs 1 (one thread), for comparison, and its output must be identical
//   - a rerun with --cache after a run that filled the cache: nothing to lint
// Budgets: 1,000 drafts ≤ 20 s, cached rerun ≤ 3 s, peak RSS ≤ 500 MB.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const COPIES = 1000;

/** Run the CLI; wall time (s), peak RSS (MB, when /usr/bin/time exists), exit code, stdout, stderr. */
function runCli(cli, args, cwd) {
  const haveTime = existsSync('/usr/bin/time');
  const cmd = haveTime ? '/usr/bin/time' : process.execPath;
  const argv = haveTime ? ['-f', '%M', process.execPath, cli, ...args] : [cli, ...args];
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  let stderr = r.stderr ?? '';
  let rss;
  if (haveTime) {
    const lines = stderr.trimEnd().split('\n');
    const kb = Number(lines.pop());
    if (kb) rss = kb / 1024;
    stderr = lines.join('\n');
  }
  return { s, rss, code: r.status, stdout: r.stdout ?? '', stderr };
}

export async function bench({ root, tmp, record, exampleDir }) {
  console.log(`\n# draftlint check on a repository of ${COPIES.toLocaleString('en')} drafts`);
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.log('  dist/cli.js missing: run npm run build');
    return false;
  }
  const repo = join(tmp, 'repo');
  mkdirSync(join(repo, 'drafts'), { recursive: true });
  copyFileSync(join(exampleDir, 'draftlint.json'), join(repo, 'draftlint.json'));
  copyFileSync(join(exampleDir, 'indicators.csv'), join(repo, 'indicators.csv'));
  const draft = readFileSync(join(exampleDir, 'du-thao-bao-cao-chinh-tri.md'));
  for (let i = 0; i < COPIES; i++) writeFileSync(join(repo, 'drafts', `du-thao-${String(i).padStart(4, '0')}.md`), draft);

  let ok = true;
  const good = (r, what) => {
    if (r.code === 0 || r.code === 1) return true;
    console.log(`  ${what}: exit ${r.code}\n${r.stderr.slice(0, 2000)}`);
    ok = false;
    return false;
  };

  const pool = runCli(cli, ['check', '.', '--format', 'json', '--debug'], repo);
  if (good(pool, 'check')) {
    const how = (pool.stderr.match(/linted \d+ (in the main thread|on \d+ workers?)/) ?? [])[1] ?? '?';
    record(`check ${COPIES} drafts (${how})`, pool.s, 's', 20);
    if (pool.rss) record(`peak RSS of check ${COPIES} drafts`, pool.rss, 'MB', 500);
  }

  const seq = runCli(cli, ['check', '.', '--format', 'json', '--jobs', '1'], repo);
  if (good(seq, 'check --jobs 1')) {
    record(`check ${COPIES} drafts in one thread (--jobs 1)`, seq.s, 's');
    if (seq.rss) record(`peak RSS in one thread`, seq.rss, 'MB');
    if (pool.code !== seq.code || pool.stdout !== seq.stdout) {
      console.log('  ✗ the pool and one thread disagree');
      ok = false;
    }
  }

  const fill = runCli(cli, ['check', '.', '--format', 'json', '--cache'], repo);
  const cached = runCli(cli, ['check', '.', '--format', 'json', '--cache', '--debug'], repo);
  if (good(fill, 'check --cache') && good(cached, 'check --cache (rerun)')) {
    record('cached rerun, nothing changed', cached.s, 's', 3);
    const hits = (cached.stderr.match(/cache: (\d+) hits/) ?? [])[1];
    if (Number(hits) !== COPIES) {
      console.log(`  ✗ cached rerun: ${hits ?? 'no'} cache hits of ${COPIES}`);
      ok = false;
    }
    if (cached.stdout !== seq.stdout) {
      console.log('  ✗ the cached rerun prints something else');
      ok = false;
    }
  }
  return ok;
}
