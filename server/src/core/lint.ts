/**
 * The linter: parses a document once (text view, outline, template, figures, periods, citations), runs the
 * enabled rules, applies inline suppressions and maps every report back to the original text.
 */
import { TextView } from './text';
import type { Finding, Language, OutlineNode, Severity, SeveritySetting } from './types';
import type { Report, Rule, RuleContext, RuleOptions } from './rule';
import { IndicatorSet } from './data/indicators';
import { parseOutline } from './outline';
import { extractFigures } from './figures';
import { extractPeriods } from './periods';
import { matchFigures, type Citation } from './match';
import { figureReports, type FigureReport } from './report';
import { builtinTemplates, selectTemplate } from './template/builtin';
import { applyTemplate, type AppliedTemplate } from './template/apply';
import type { TemplateDef } from './template/schema';
import { allRules } from './rules/index';
import { parseSuppressions } from './suppress';

export type { FigureReport } from './report';

export interface LintOptions {
  /** the document's uri (used in related locations and reports) */
  uri?: string;
  /** canonical indicator data (empty when absent) */
  data?: IndicatorSet;
  /** a template name (built-in or in `templates`), a definition, null for none, undefined for automatic */
  template?: string | TemplateDef | null;
  /** named templates loaded from files, in addition to the built-in ones */
  templates?: Record<string, TemplateDef>;
  /** severities by rule id; absent rules use their default */
  rules?: Record<string, SeveritySetting>;
  /** options rules read (terms, documents, …) */
  options?: RuleOptions;
  /** above this many UTF-16 units only the cheap rules run (default 2,000,000) */
  cheapOnlyAbove?: number;
  /** rules to run instead of the registry (tests) */
  ruleSet?: Rule[];
}

export interface LintResult {
  view: TextView;
  /** sorted by position; offsets into the original text */
  findings: Finding[];
  /** outline trees and all headings (NFC offsets; map with view.toOriginal) */
  outline: OutlineNode[];
  headings: OutlineNode[];
  /** every figure worth listing, with its indicator and verdict (original offsets); built on first read */
  readonly figures: FigureReport[];
  /** matched figures (NFC offsets) */
  citations: Citation[];
  template: { name: string; auto: boolean } | null;
  applied: AppliedTemplate | null;
  /** true when the document was too large for the full rule set */
  cheapOnly: boolean;
}

export const DEFAULT_CHEAP_ONLY_ABOVE = 2_000_000;
/** findings of one rule in one document beyond this are summarised by one info finding */
export const MAX_FINDINGS_PER_RULE = 5000;

function resolveTemplate(
  view: TextView,
  roots: OutlineNode[],
  opts: LintOptions,
): { def: TemplateDef; auto: boolean } | null {
  const t = opts.template;
  if (t === null) return null;
  if (t && typeof t === 'object') return { def: t, auto: false };
  if (typeof t === 'string' && t) {
    const def = opts.templates?.[t] ?? builtinTemplates[t];
    return def ? { def, auto: false } : null;
  }
  const name = selectTemplate(view, roots, { ...builtinTemplates, ...(opts.templates ?? {}) });
  if (!name) return null;
  const def = opts.templates?.[name] ?? builtinTemplates[name];
  return def ? { def, auto: true } : null;
}

export function lint(text: string, opts: LintOptions = {}): LintResult {
  const view = new TextView(text);
  const uri = opts.uri ?? '';
  const data = opts.data ?? IndicatorSet.empty();
  const cheapOnly = text.length > (opts.cheapOnlyAbove ?? DEFAULT_CHEAP_ONLY_ABOVE);
  const rules = (opts.ruleSet ?? allRules).filter((r) => !cheapOnly || r.cheap);

  let outline: OutlineNode[] = [];
  let headings: OutlineNode[] = [];
  let applied: AppliedTemplate | null = null;
  let template: LintResult['template'] = null;
  let figures: ReturnType<typeof extractFigures> = [];
  let periods: ReturnType<typeof extractPeriods> = [];
  let citations: Citation[] = [];
  if (!cheapOnly) {
    const parsed = parseOutline(view);
    outline = parsed.roots;
    headings = parsed.headings;
    const t = resolveTemplate(view, outline, opts);
    if (t) {
      applied = applyTemplate(t.def, outline, view);
      template = { name: t.def.name, auto: t.auto };
    }
    figures = extractFigures(view.text);
    periods = extractPeriods(view.text);
    citations = matchFigures({ view, figures, periods, data, applied, headings });
  }

  const ctx: RuleContext = {
    view,
    uri,
    outline,
    headings,
    figures,
    periods,
    citations,
    data,
    template: applied,
    options: opts.options ?? {},
  };

  const suppress = parseSuppressions(view.text);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = opts.rules?.[rule.id];
    if (setting === 'off') continue;
    const configured: Severity | undefined = setting || undefined;
    let count = 0;
    const push = (r: Report) => {
      if (suppress.isSuppressed(rule.id, r.start)) return;
      // a pathological file (a megabyte of quotes) must not drown the reader: cap each rule, and say so once
      if (++count > MAX_FINDINGS_PER_RULE) {
        if (count === MAX_FINDINGS_PER_RULE + 1) {
          findings.push({
            rule: rule.id,
            severity: 'info',
            message: {
              vi: `Quá nhiều phát hiện của ${rule.id}: chỉ hiển thị ${MAX_FINDINGS_PER_RULE} phát hiện đầu tiên.`,
              en: `Too many ${rule.id} findings: only the first ${MAX_FINDINGS_PER_RULE} are shown.`,
            },
            start: view.toOriginal(r.start),
            end: view.toOriginal(r.start),
          });
        }
        return;
      }
      findings.push(toFinding(view, rule, r, configured));
    };
    try {
      rule.check(ctx, push);
    } catch (e) {
      // a broken rule must not take the others down; report it once at the top of the document
      findings.push({
        rule: rule.id,
        severity: 'info',
        message: {
          vi: `Quy tắc ${rule.id} gặp lỗi nội bộ: ${(e as Error).message}`,
          en: `Rule ${rule.id} failed internally: ${(e as Error).message}`,
        },
        start: 0,
        end: 0,
      });
    }
  }
  if (cheapOnly) {
    findings.push({
      rule: 'format/large-file',
      severity: 'info',
      message: {
        vi: `Tệp lớn (${Math.round(text.length / 1000)} nghìn ký tự): chỉ chạy các quy tắc nhanh.`,
        en: `Large file (${Math.round(text.length / 1000)}k characters): only the cheap rules ran.`,
      },
      start: 0,
      end: 0,
    });
  }
  // ties by rule id in code-unit order (ids are ASCII: the same order as localeCompare, which would first set up
  // the locale's collation, several milliseconds of a cold run, and vary with the locale)
  findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  // the figures report is built on first use: `draftlint check` never asks for it
  let reports: FigureReport[] | undefined;
  return {
    view,
    findings,
    outline,
    headings,
    get figures() {
      return (reports ??= figureReports(view, figures, citations));
    },
    citations,
    template,
    applied,
    cheapOnly,
  };
}

function toFinding(view: TextView, rule: Rule, r: Report, configured: Severity | undefined): Finding {
  // ranges never cut a character of the original (an NFD letter, a surrogate pair, a CRLF)
  const { start, end } = view.rangeToOriginal(r.start, r.end);
  const f: Finding = {
    rule: rule.id,
    // a configured severity wins; otherwise the report's own (e.g. rounding = warning) or the rule default
    severity: configured ?? r.severity ?? rule.defaultSeverity,
    message: r.message,
    start,
    end,
  };
  if (r.data) f.data = r.data;
  if (r.related?.length) {
    f.related = r.related.map((x) =>
      x.uri ? { ...x } : { ...view.rangeToOriginal(x.start, x.end), message: x.message },
    );
  }
  // a fix whose edit would cut a character cannot be applied cleanly: drop it rather than corrupt the text
  const fixes = r.fixes?.filter((fx) => fx.edits.every((e) => !view.cutsCharacter(e.start) && !view.cutsCharacter(e.end)));
  if (fixes?.length) {
    f.fixes = fixes.map((fx) => ({
      title: fx.title,
      preferred: fx.preferred,
      edits: fx.edits.map((e) => ({ start: view.toOriginal(e.start), end: view.toOriginal(e.end), newText: e.newText })),
    }));
  }
  return f;
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 2 : s === 'warning' ? 1 : 0;
}

export type { Language };
