/**
 * `--format sarif`: SARIF 2.1.0, one run. `tool.driver.rules[]` lists every rule of the core (id and short
 * description; any other rule id a finding uses is appended); each result has ruleId, ruleIndex, level
 * (error | warning | note), message.text and one physical location whose region is 1-based and counted in UTF-16
 * code units of the original file (SARIF's default columnKind); related locations when the finding has them.
 */
import { allRules, localize, type Language } from '../../core/index';
import type { FileResult, OutFinding, Range1 } from '../lintFile';
import path = require('node:path');
import { sarifUri } from '../paths';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  cwd: string;
  version: string;
  language: Language;
}

type Level = 'error' | 'warning' | 'note';
export const sarifLevel = (sev: string): Level => (sev === 'error' ? 'error' : sev === 'warning' ? 'warning' : 'note');

export function region(r: Range1) {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

interface RuleDesc {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration?: { level: Level };
}

/** The driver's rule list and an index by id; unknown ids are appended when first used. */
export class RuleTable {
  readonly rules: RuleDesc[] = [];
  private readonly index = new Map<string, number>();
  constructor(language: Language) {
    for (const r of allRules) {
      this.index.set(r.id, this.rules.length);
      this.rules.push({
        id: r.id,
        shortDescription: { text: localize(r.description, language) },
        defaultConfiguration: { level: sarifLevel(r.defaultSeverity) },
      });
    }
  }
  indexOf(id: string, description?: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.rules.length;
      this.index.set(id, i);
      this.rules.push({ id, shortDescription: { text: description ?? id } });
    }
    return i;
  }
}

export function sarifDocument(driverRules: RuleDesc[], results: unknown[], version: string) {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'draftlint',
            version,
            rules: driverRules,
          },
        },
        results,
      },
    ],
  };
}

/** A related document's uri: kept when it is a uri already, else a path (relative to cwd) made into one. */
function otherUri(u: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(u)) return u;
  return sarifUri(path.resolve(cwd, u), cwd);
}

function result(f: FileResult, x: OutFinding, table: RuleTable, cwd: string) {
  const uri = sarifUri(f.path, cwd);
  const r: Record<string, unknown> = {
    ruleId: x.rule,
    ruleIndex: table.indexOf(x.rule),
    level: sarifLevel(x.severity),
    message: { text: x.message },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: region(x) } }],
  };
  if (x.related?.length) {
    r.relatedLocations = x.related.map((rel, i) => ({
      id: i,
      message: { text: rel.message },
      physicalLocation: { artifactLocation: { uri: rel.uri ? otherUri(rel.uri, cwd) : uri }, region: region(rel) },
    }));
  }
  return r;
}

export function formatSarif(files: readonly FileResult[], o: SarifOptions): string {
  const table = new RuleTable(o.language);
  const results: unknown[] = [];
  for (const f of files) for (const x of f.findings) results.push(result(f, x, table, o.cwd));
  return JSON.stringify(sarifDocument(table.rules, results, o.version), null, 2) + '\n';
}
