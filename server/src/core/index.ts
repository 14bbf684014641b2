/**
 * The public face of the analysis core: the only module `lsp/` and `cli/` import from.
 * Pure: no vscode, no fs, no process.
 */
export { TextView, fold, toneKey } from './text';
export type * from './types';
export type { Rule, RuleContext, RuleOptions, Report } from './rule';
export { IndicatorSet } from './data/indicators';
export type { Mention, CompletionHit } from './data/indicators';
export { parseIndicatorFile } from './data/parse';
export type { ParseIndicatorResult } from './data/parse';
export { parseConfig, defaultConfig, starterConfig } from './config';
export { parseDocumentRegistry } from './crosscheck/registry';
export type { RegistryDocument } from './crosscheck/registry';
export type { DraftlintConfig, ParseConfigResult } from './config';
export { lint, severityRank, DEFAULT_CHEAP_ONLY_ABOVE } from './lint';
export type { LintOptions, LintResult, FigureReport } from './lint';
export type { Citation } from './match';
export { allRules, ruleById } from './rules/index';
export { localize, msg } from './messages';
export { builtinTemplates, selectTemplate } from './template/builtin';
export { parseTemplate } from './template/schema';
export type { TemplateDef, SectionDef } from './template/schema';
export { applyTemplate, templateFromOutline } from './template/apply';
export { parseOutline } from './outline';
export { formatVnNumber, formatValue, parseVnNumber } from './numformat';
export { formatPeriod, parsePeriod } from './periods';
export { crossDocumentInconsistencies, summarizeCitations } from './rules/figures-inconsistent';
export type { CitationSummary } from './rules/figures-inconsistent';
export { citationAt, parseCitations, documentKey } from './crosscheck/citation';
export type { DocCitation, CitedDate } from './crosscheck/citation';
export { registryEntry } from './crosscheck/registry';
export type { ParsedRegistry } from './crosscheck/registry';
