/**
 * Regex audit: every regular expression of the analysis core (server/src/core/**) is free of super-linear
 * backtracking, as judged by recheck (`checkSync(source, flags).status === 'safe'`).
 *
 * - Regex literals and `new RegExp('literal')` / `RegExp('literal')` calls are read from the sources with the
 *   TypeScript parser.
 * - `new RegExp(expression)` built at run time (e.g. from tone-keyed words) is recorded by a hook on the
 *   RegExp constructor while the core is loaded and exercised; each such call site must have been seen, and
 *   every pattern it built is checked.
 * - ALLOW lists patterns proven harmless otherwise (e.g. only ever run on a short, bounded input): each entry
 *   says why and gives the longest input the code feeds it; the test then runs the pattern on recheck's own
 *   attack string cut to that length and asserts it stays fast.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';
import type * as Core from '../../server/src/core/index';

const root = path.resolve(__dirname, '..', '..');
const coreDir = path.join(root, 'server', 'src', 'core');

interface Found {
  file: string; // relative to the core folder
  line: number; // 1-based
  source: string;
  flags: string;
  how: 'literal' | 'constructor' | 'dynamic';
}

interface AllowEntry {
  /** why the pattern cannot blow up where it is used */
  reason: string;
  /** the longest input the code ever runs it on */
  maxInput: number;
}

/** Patterns recheck does not call safe but that are harmless where they are used. Keyed by `source/flags`. */
const ALLOW: Record<string, AllowEntry> = {};

function coreFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) out.push(...coreFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function isStringLit(n: ts.Node | undefined): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return n !== undefined && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n));
}

/** Every regex of the core's sources, and the call sites that build one at run time. */
function scanSources(): { found: Found[]; dynamicSites: { file: string; line: number }[] } {
  const found: Found[] = [];
  const dynamicSites: { file: string; line: number }[] = [];
  for (const abs of coreFiles(coreDir)) {
    const file = path.relative(coreDir, abs).split(path.sep).join('/');
    const sf = ts.createSourceFile(abs, fs.readFileSync(abs, 'utf8'), ts.ScriptTarget.Latest, true);
    const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const t = n.getText(sf);
        const slash = t.lastIndexOf('/');
        found.push({ file, line: lineOf(n), source: t.slice(1, slash), flags: t.slice(slash + 1), how: 'literal' });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
        const args = n.arguments ?? [];
        if (isStringLit(args[0]) && (args.length < 2 || isStringLit(args[1]))) {
          const flags = args[1] && isStringLit(args[1]) ? args[1].text : '';
          found.push({ file, line: lineOf(n), source: args[0].text, flags, how: 'constructor' });
        } else {
          dynamicSites.push({ file, line: lineOf(n) });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { found, dynamicSites };
}

/** Regexes the core builds at run time, with where they were built (file relative to the core, 1-based line). */
const built: { source: string; flags: string; sites: { file: string; line: number }[] }[] = [];

function sitesOf(stack: string): { file: string; line: number }[] {
  const out: { file: string; line: number }[] = [];
  const marker = coreDir + path.sep;
  for (const line of stack.split('\n')) {
    const at = line.indexOf(marker);
    if (at < 0) continue;
    const rest = line.slice(at + marker.length);
    // "rel/path.ts:LINE:COL" possibly followed by ")"
    const m = /^([^:()]+\.ts):(\d+):\d+/.exec(rest);
    if (m) out.push({ file: m[1].split(path.sep).join('/'), line: Number(m[2]) });
  }
  return out;
}

function verdict(source: string, flags: string): string {
  const r = checkSync(source, flags, { timeout: 20_000 });
  if (r.status === 'vulnerable') return `vulnerable (${r.complexity.type}), attack: ${r.attack.pattern}`;
  return r.status;
}

describe('regex audit of server/src/core', () => {
  const { found, dynamicSites } = scanSources();

  before(() => {
    // record every RegExp the core constructs while it loads and while it lints a draft
    const Original = RegExp;
    const record = (r: RegExp) => {
      const sites = sitesOf(new Error().stack ?? '');
      if (sites.length) built.push({ source: r.source, flags: r.flags, sites });
      return r;
    };
    const hook = new Proxy(Original, {
      construct: (target, args, newTarget) => record(Reflect.construct(target, args, newTarget) as RegExp),
      apply: (target, thisArg, args) => record(Reflect.apply(target, thisArg, args) as RegExp),
    });
    (globalThis as { RegExp: RegExpConstructor }).RegExp = hook;
    try {
      // loaded here, after the hook, not by a top-level import (which would run before it)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const core = require('../../server/src/core/index') as typeof Core;
      const csv = [
        'id,name,aliases,unit,period,kind,value,bound,source',
        'grdp_growth,Tốc độ tăng trưởng GRDP,tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,x',
        'grdp_per_capita,GRDP bình quân đầu người,,USD,2025,estimate,11000,above,x',
      ].join('\n');
      const data = core.IndicatorSet.from(core.parseIndicatorFile(csv, 'mem://i.csv').indicators);
      const draft = [
        'BÁO CÁO CHÍNH TRỊ',
        'Phần thứ nhất',
        'KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT',
        'I- KINH TẾ',
        '1. Tăng trưởng',
        'Tăng trưởng kinh tế đạt 10,4%/năm so với năm 2020, chiếm 5% tổng toàn tỉnh; GRDP bình quân đầu người trên 11.000 USD.',
        '(1) Tỉ lệ hoà nhập “3 giảm” theo Nghị quyết số 17-NQ/TU ngày 30/10/2023. [bookmark: _Hlk1]',
      ].join('\n');
      core.lint(draft, { uri: 'mem://d.md', data, options: { terms: { tỉ: 'tỷ' } } });
      core.lint(draft.normalize('NFD').replace(/\n/g, '\r\n'), { uri: 'mem://d.txt', data });
      core.parseConfig('{ "rules": { "terms/variant": "warn" } }', 'mem://draftlint.json');
      core.parseTemplate('name: t\nsections:\n  - { kind: roman, number: "I" }\n', 'mem://t.yaml', 'yaml');
    } finally {
      (globalThis as { RegExp: RegExpConstructor }).RegExp = Original;
    }
  });

  test('the scan finds the core regexes and recheck works offline', () => {
    assert.ok(found.length >= 50, `only ${found.length} regexes found: is the scan broken?`);
    assert.ok(found.some((f) => f.file === 'data/schema.ts'), 'data/schema.ts has regexes');
    // the checker is real: a textbook exponential pattern is flagged, a plain one is not
    assert.equal(checkSync('^(a+)+$', '').status, 'vulnerable');
    assert.equal(checkSync('^\\d+(?:\\.\\d+)?$', '').status, 'safe');
  });

  test('every regex literal and RegExp("literal") in the core is safe', () => {
    const bad: string[] = [];
    for (const f of found) {
      if (ALLOW[`${f.source}/${f.flags}`]) continue;
      const v = verdict(f.source, f.flags);
      if (v !== 'safe') bad.push(`${f.file}:${f.line} /${f.source}/${f.flags}: ${v}`);
    }
    assert.deepEqual(bad, []);
  });

  test('every RegExp built at run time was seen and is safe', () => {
    const unseen = dynamicSites.filter((s) => !built.some((b) => b.sites.some((x) => x.file === s.file && x.line === s.line)));
    assert.deepEqual(unseen, [], 'dynamic RegExp call sites never reached by the audit: exercise them in before()');
    assert.ok(dynamicSites.length === 0 || built.length > 0);
    const bad: string[] = [];
    const checked = new Set<string>();
    for (const b of built) {
      const key = `${b.source}/${b.flags}`;
      if (checked.has(key) || ALLOW[key]) continue;
      checked.add(key);
      const v = verdict(b.source, b.flags);
      if (v !== 'safe') bad.push(`${b.sites[0].file}:${b.sites[0].line} /${b.source}/${b.flags}: ${v}`);
    }
    assert.deepEqual(bad, []);
  });

  // catastrophic backtracking on an attack runs into the timeout (no time is asserted)
  test('allow-listed patterns finish on their attack cut to the longest input they get', { timeout: 30_000 }, () => {
    for (const [key, entry] of Object.entries(ALLOW)) {
      assert.ok(entry.reason.length > 20, `${key}: say why it is harmless`);
      const slash = key.lastIndexOf('/');
      const source = key.slice(0, slash);
      const flags = key.slice(slash + 1);
      const r = checkSync(source, flags);
      assert.ok(found.some((f) => `${f.source}/${f.flags}` === key) || built.some((b) => `${b.source}/${b.flags}` === key), `${key} is no longer in the core: drop it`);
      if (r.status !== 'vulnerable') continue;
      const attack = r.attack.string.slice(0, entry.maxInput);
      const re = new RegExp(source, flags.replace(/[gy]/g, ''));
      for (let k = 0; k < 100; k++) assert.equal(typeof re.test(attack), 'boolean');
    }
  });
});
