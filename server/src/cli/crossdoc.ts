/**
 * figures/inconsistent across files: the same indicator and period cited with different values in two files
 * of one project (files governed by the same draftlint.json). Runs after every file is linted, on the plain
 * citation summaries each FileResult carries, so it works the same with a worker pool.
 */
import { crossDocumentInconsistencies, type CitationSummary, type Language, type SeveritySetting } from '../core/index';
import { outFinding, type FileResult } from './lintFile';
import { fingerprint } from './fingerprint';

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
  /** give the findings fingerprints (for baselines) */
  fingerprints = false,
): void {
  const groups = new Map<string, FileResult[]>();
  for (const r of results) {
    if (!r.citations?.length) continue;
    const k = groupOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const keyOf = (c: CitationSummary) => `${c.indicatorId}@${c.period}`;
  for (const files of groups.values()) {
    if (files.length < 2) continue;
    // The core compares a file's citations with every other file's, skipping those the data has a canonical
    // value for (canonical-mismatch speaks for them). Handing it only the citations of the same indicators and
    // periods, in the same order, gives the same findings without a pass over the whole project per file.
    const byKey = new Map<string, CitationSummary[]>();
    for (const f of files) {
      for (const c of f.citations ?? []) {
        if (c.hasCanonical) continue;
        const g = byKey.get(keyOf(c));
        if (g) g.push(c);
        else byKey.set(keyOf(c), [c]);
      }
    }
    for (const f of files) {
      const setting = severityOf(f);
      if (setting === 'off') continue;
      const mine = f.citations ?? [];
      const keys = new Set<string>();
      for (const c of mine) if (!c.hasCanonical) keys.add(keyOf(c));
      if (keys.size === 0) continue;
      const others: CitationSummary[] = [];
      for (const k of keys) for (const c of byKey.get(k) ?? []) others.push(c);
      const found = crossDocumentInconsistencies(mine, others);
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
        // no text around it at hand here: the figure's own text stands for the context
        if (fingerprints) out.fingerprint = fingerprint({ rule: out.rule, message: x.message, text: c.text, before: '', after: '' });
        // same place, same rule: the in-file check already said it
        if (f.findings.some((y) => y.rule === out.rule && y.line === out.line && y.column === out.column)) continue;
        f.findings.push(out);
      }
      f.findings.sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    }
  }
}
