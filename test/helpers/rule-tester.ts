/**
 * A valid/invalid table runner for one rule (in the spirit of textlint-tester):
 *
 *   ruleTester(rule, {
 *     valid: ['text that must give no finding', { text, options }],
 *     invalid: [{ text, options?, errors: [{ line?, column?, message?, severity?, fix? }] }],
 *   });
 *
 * `line`/`column` are 1-based on the original text (UTF-16), `message` a substring of the Vietnamese or English
 * message, `fix` the whole text after applying the finding's first fix.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type LintOptions } from '../../server/src/core/lint';
import type { Rule } from '../../server/src/core/rule';
import type { Finding } from '../../server/src/core/types';

export interface ExpectedError {
  line?: number;
  column?: number;
  endColumn?: number;
  message?: string;
  severity?: 'error' | 'warning' | 'info';
  /** the text after applying this finding's first fix */
  fix?: string;
}

export interface Case {
  text: string;
  options?: Omit<LintOptions, 'ruleSet'>;
  name?: string;
}

export interface InvalidCase extends Case {
  errors: ExpectedError[];
}

export function runRule(rule: Rule, text: string, options: Omit<LintOptions, 'ruleSet'> = {}): { findings: Finding[]; lines: (o: number) => { line: number; column: number } } {
  const res = lint(text, { template: null, ...options, ruleSet: [rule] });
  const findings = res.findings.filter((f) => f.rule === rule.id);
  return {
    findings,
    lines: (o) => {
      const p = res.view.positionAt(o);
      return { line: p.line + 1, column: p.character + 1 };
    },
  };
}

export function applyFix(text: string, f: Finding): string {
  const fix = f.fixes?.[0];
  assert.ok(fix, `finding ${f.rule} at ${f.start} has no fix`);
  const edits = [...fix.edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function label(c: Case): string {
  return c.name ?? JSON.stringify(c.text.length > 70 ? c.text.slice(0, 67) + '…' : c.text);
}

export function ruleTester(rule: Rule, cases: { valid: (string | Case)[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    describe('valid', () => {
      for (const v of cases.valid) {
        const c = typeof v === 'string' ? { text: v } : v;
        test(label(c), () => {
          const { findings } = runRule(rule, c.text, c.options);
          assert.deepEqual(
            findings.map((f) => f.message.en),
            [],
            `expected no ${rule.id} findings`,
          );
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        test(label(c), () => {
          const { findings, lines } = runRule(rule, c.text, c.options);
          assert.equal(
            findings.length,
            c.errors.length,
            `expected ${c.errors.length} finding(s), got ${findings.length}: ${findings.map((f) => f.message.en).join(' | ')}`,
          );
          c.errors.forEach((e, i) => {
            const f = findings[i];
            const s = lines(f.start);
            const en = lines(f.end);
            if (e.line !== undefined) assert.equal(s.line, e.line, `line of finding ${i}`);
            if (e.column !== undefined) assert.equal(s.column, e.column, `column of finding ${i}`);
            if (e.endColumn !== undefined) assert.equal(en.column, e.endColumn, `end column of finding ${i}`);
            if (e.severity !== undefined) assert.equal(f.severity, e.severity, `severity of finding ${i}`);
            if (e.message !== undefined) {
              assert.ok(
                f.message.vi.includes(e.message) || f.message.en.includes(e.message),
                `message of finding ${i} should contain ${JSON.stringify(e.message)}: ${f.message.vi} / ${f.message.en}`,
              );
            }
            if (e.fix !== undefined) assert.equal(applyFix(c.text, f), e.fix, `fix of finding ${i}`);
          });
        });
      }
    });
  });
}
