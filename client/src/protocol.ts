/**
 * The custom LSP messages between the draftlint VS Code client and the draftlint language server, beyond
 * standard LSP. Imported by both sides: keep this file free of imports (no `vscode`, no Node built-ins).
 *
 * Standard LSP the server provides: publishDiagnostics (source "draftlint", code = rule id), completion,
 * hover, code actions (quick fixes), document symbols, folding ranges, definition, references,
 * workspace/didChangeWatchedFiles (the client watches draftlint.json and *.{csv,json,yaml,yml}; the server
 * filters), workspace/didChangeConfiguration + workspace/configuration (section "draftlint", see
 * `DraftlintSettings`).
 *
 * All positions are LSP positions: 0-based lines, UTF-16 `character` offsets into the original document text.
 */

// ---------------------------------------------------------------------------------------------------------
// client → server requests

/** Every cited figure with its match against the canonical data. `uri` absent = every file the server knows
 *  (open documents and the files of the checked workspace). */
export const FiguresRequest = 'draftlint/figures';
export interface FiguresParams {
  uri?: string;
}
export type FigureStatus = 'ok' | 'mismatch' | 'rounded' | 'unmatched' | 'no-value';
export interface FigureInfo {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  /** the figure as written ("trên 11.000 USD") */
  text: string;
  /** indicator display name, when matched */
  indicator?: string;
  indicatorId?: string;
  /** period as written in data files ("2021-2025"), when known */
  period?: string;
  /** the cited value, formatted for display ("10,4%/năm") */
  cited: string;
  /** the canonical value, formatted for display, when the indicator has one for the period */
  canonical?: string;
  /** where the canonical value comes from (data file `source` column) */
  source?: string;
  status: FigureStatus;
}
export interface FiguresResult {
  files: { uri: string; figures: FigureInfo[] }[];
}

/** Loaded data and findings. `uri` given: `issues` counts that document's findings; absent: all findings. */
export const StatusRequest = 'draftlint/status';
export interface StatusParams {
  uri?: string;
}
export interface StatusResult {
  /** number of indicators loaded (for `uri`'s config when given) */
  indicators: number;
  /** data files loaded (uris) */
  dataFiles: string[];
  issues: number;
}

/** The indicators available for a document (its config's data), for the "Insert indicator" command. */
export const IndicatorsRequest = 'draftlint/indicators';
export interface IndicatorsParams {
  uri?: string;
}
export interface IndicatorValueInfo {
  /** "2021-2025" or "2025" */
  period: string;
  kind: 'actual' | 'estimate' | 'target';
  /** the value written as a draft would write it, unit and bound included ("trên 11.000 USD", "8-8,5%/năm") */
  display: string;
  source?: string;
}
export interface IndicatorInfo {
  id: string;
  name: string;
  aliases: string[];
  unit: string;
  values: IndicatorValueInfo[];
}
export interface IndicatorsResult {
  indicators: IndicatorInfo[];
}

/** Lint every draft (*.md, *.txt per the configs' include/exclude) in the workspace folders and publish
 *  diagnostics for them. Resolves when done. */
export const CheckWorkspaceRequest = 'draftlint/checkWorkspace';
export interface CheckWorkspaceParams {
  /** folder uris; absent = all workspace folders */
  folders?: string[];
}
export interface CheckWorkspaceResult {
  files: number;
  findings: number;
}

// ---------------------------------------------------------------------------------------------------------
// notifications

/** client → server: reload configs, templates and data files, then re-lint open documents. No params. */
export const ReloadNotification = 'draftlint/reload';

/** server → client: sent after (re)loading data. `errors` = problems found in data/config files. */
export const DataStatusNotification = 'draftlint/dataStatus';
export interface DataStatusParams {
  indicators: number;
  errors: number;
}

// ---------------------------------------------------------------------------------------------------------
// settings (VS Code `draftlint.*`, pulled by the server with workspace/configuration, section "draftlint",
// scopeUri = the document; also pushed with didChangeConfiguration as `{ draftlint: DraftlintSettings }`)

export type EnableSetting = 'auto' | 'always' | 'never';
export interface DraftlintSettings {
  /** client-side gate: which documents are sent to the server at all */
  enable: EnableSetting;
  /** language of messages */
  language: 'vi' | 'en';
  /** extra indicator data files (paths relative to the workspace folder, or absolute) */
  indicators: string[];
  /** structure template: a built-in name or a file path; "" = from draftlint.json / auto */
  template: string;
  /** rule severities that override draftlint.json: { "terms/variant": "off" } */
  rules: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** documents larger than this many bytes are not linted */
  maxFileSize: number;
}
