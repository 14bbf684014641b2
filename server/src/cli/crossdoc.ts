/**
 * figures/inconsistent across files: the same indicator and period cited with different values in two files
 * of one project (files governed by the same draftlint.json). Runs after every file is linted, on the plain
 * citation summaries each FileResult carries, so it works the same with a worker pool.
 */
import { crossDocumentInconsistencies, type CitationSummary, type Language, type SeveritySetting } from '../core/index';
import { outFinding, type FileResult } from './lintFile';

const RULE = 'figures/inconsistent';

/**
 * Add the cross-file findings to each result (sorted back into place). `groupOf` names the project of a file;
 * `severityOf` is the configured severity of figures/inconsistent in that project (undefined = default).
 */
export function addCrossDocumentFindings(
  results: FileResult[],
  groupOf: (r: FileResult) => string,
  severityOf: (r: FileResult) => SeveritySetting | undefined,
  lang: Language,
): void {
  const groups = new Map<string, FileResult[]>();
  for (const r of results) {
    if (!r.citations?.length) continue;
    const k = groupOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  for (const files of groups.values()) {
    if (files.length < 2) continue;
    const all: CitationSummary[] = files.flatMap((f) => f.citations ?? []);
    for (const f of files) {
      const setting = severityOf(f);
      if (setting === 'off') continue;
      const mine = f.citations ?? [];
      const found = crossDocumentInconsistencies(mine, all);
      if (!found.length) continue;
      for (const x of found) {
        // positions of the finding: those of the citation it is about
        const c = mine.find((m) => m.start === x.start && m.end === x.end);
        if (!c) continue;
        const view = {
          positionAt: (o: number) =>
            o === c.start ? { line: c.line, character: c.character } : { line: c.endLine, character: c.endCharacter },
        };
        if (setting) x.severity = setting;
        const out = outFinding(view, { ...x, rule: x.rule || RULE }, lang);
        // same place, same rule: the in-file check already said it
        if (f.findings.some((y) => y.rule === out.rule && y.line === out.line && y.column === out.column)) continue;
        f.findings.push(out);
      }
      f.findings.sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    }
  }
}
