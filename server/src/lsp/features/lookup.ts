/**
 * What is at a position of an analysed document: a cited figure (with its report) or an indicator name
 * (a citation's subject, or any name/alias of the data found on that line). Shared by hover, definition and
 * references.
 */
import type { FigureReport, Indicator, LintResult } from '../../core/index';
import type { Env } from '../config';

export interface FigureHit {
  kind: 'figure';
  report: FigureReport;
  indicator?: Indicator;
  start: number;
  end: number;
}

export interface NameHit {
  kind: 'name';
  indicator: Indicator;
  /** original offsets */
  start: number;
  end: number;
}

export type Hit = FigureHit | NameHit;

/** The figure or indicator name at an original offset, if any. */
export function hitAt(result: LintResult, env: Env | null, offset: number): Hit | undefined {
  const view = result.view;
  for (const fr of result.figures) {
    if (fr.start <= offset && offset <= fr.end && fr.end > fr.start) {
      let indicator: Indicator | undefined;
      if (fr.indicator) {
        indicator = env?.data.get(fr.indicator.id);
        if (!indicator) {
          const c = result.citations.find((x) => view.toOriginal(x.figure.start) === fr.start);
          indicator = c?.indicator;
        }
      }
      return { kind: 'figure', report: fr, indicator, start: fr.start, end: fr.end };
    }
  }
  // a citation's subject (covers the built-in vocabulary too)
  for (const c of result.citations) {
    const s = view.toOriginal(c.mention.start);
    const e = view.toOriginal(c.mention.end);
    if (s <= offset && offset <= e && e > s) {
      const indicator = env?.data.get(c.indicator.id) ?? c.indicator;
      return { kind: 'name', indicator, start: s, end: e };
    }
  }
  // any name of the data on this line
  if (env && env.data.size) {
    const nfc = view.toNfc(offset);
    const lineNo = view.nfcLineOf(nfc);
    const line = view.nfcLine(lineNo);
    for (const m of env.data.findMentions(line.text)) {
      const s = view.toOriginal(line.start + m.start);
      const e = view.toOriginal(line.start + m.end);
      if (s <= offset && offset <= e) return { kind: 'name', indicator: m.indicator, start: s, end: e };
    }
  }
  return undefined;
}
