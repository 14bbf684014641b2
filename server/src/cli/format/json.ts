/**
 * `--format json` of `draftlint check`: exactly
 * `{ "files": [ { "path", "findings": [ { rule, severity, message, line, column, endLine, endColumn, data } ] } ] }`
 * (1-based lines and columns, UTF-16 columns, end exclusive). Every linted file is listed, findings or not.
 */
import type { FileResult } from '../lintFile';

export function formatJson(files: readonly FileResult[]): string {
  const doc = {
    files: files.map((f) => ({
      path: f.display,
      findings: f.findings.map((x) => ({
        rule: x.rule,
        severity: x.severity,
        message: x.message,
        line: x.line,
        column: x.column,
        endLine: x.endLine,
        endColumn: x.endColumn,
        data: x.data ?? {},
      })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
