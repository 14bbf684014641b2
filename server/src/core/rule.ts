/**
 * The rule interface. One rule per file in `rules/`, registered in `rules/index.ts`.
 * Rules see a `RuleContext` (everything parsed once per document) and report in NFC offsets;
 * the linter maps reports to the original text, applies severities and suppressions.
 */
import type { TextView } from './text';
import type { Figure, Msg, OutlineNode, PeriodMention, Severity } from './types';
import type { IndicatorSet } from './data/indicators';
import type { Citation } from './match';
import type { AppliedTemplate } from './template/apply';

export interface Report {
  /** NFC offsets */
  start: number;
  end: number;
  message: Msg;
  /** override the rule's default severity for this report (e.g. a rounding is a warning, a wrong value an error) */
  severity?: Severity;
  data?: Record<string, unknown>;
  /** NFC offsets (same document) or original offsets in another document (`uri` set) */
  related?: { start: number; end: number; message: Msg; uri?: string }[];
  /** edits in NFC offsets */
  fixes?: { title: Msg; edits: { start: number; end: number; newText: string }[]; preferred?: boolean }[];
}

/** Project options a rule may read (from draftlint.json). */
export interface RuleOptions {
  /** terms/variant: preferred forms, e.g. { "tỉ": "tỷ" } */
  terms?: Record<string, string>;
  /** citation/: known documents */
  documents?: { number: string; date?: string; title?: string }[];
  [k: string]: unknown;
}

export interface RuleContext {
  view: TextView;
  uri: string;
  /** top-level outline nodes (a tree) and all nodes in document order */
  outline: OutlineNode[];
  headings: OutlineNode[];
  figures: Figure[];
  periods: PeriodMention[];
  /** figures attached to an indicator (only those the matcher is sure of) */
  citations: Citation[];
  data: IndicatorSet;
  template: AppliedTemplate | null;
  options: RuleOptions;
}

export interface Rule {
  /** `<family>/<kebab-name>` */
  id: string;
  defaultSeverity: Severity;
  description: Msg;
  /** rules that only read the text line by line are cheap and still run on very large files */
  cheap?: boolean;
  check(ctx: RuleContext, report: (r: Report) => void): void;
}
