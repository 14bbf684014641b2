/**
 * What is at a position of an analysed document: a cited figure (with its report) or an indicator name
 * (a citation's subject, or any name/alias of the data found on that line). Shared by hover, definition and
 * references. Works on the plain lint data (original offsets) and the document's text.
 */
import { TextView, type FigureReport, type Indicator } from '../../core/index';
import type { Env } from '../config';
import type { LintData } from '../lintjob';

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

/** The text of a document (a TextDocument). */
export interface TextSource {
  getText(): string;
}

/** The line around an original offset: its start offset and text without the line break. */
function lineAround(text: string, offset: number): { start: number; text: string } {
  let s = Math.max(0, Math.min(offset, text.length));
  while (s > 0 && text.charCodeAt(s - 1) !== 10 && text.charCodeAt(s - 1) !== 13) s--;
  let e = Math.max(s, Math.min(offset, text.length));
  while (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  return { start: s, text: text.slice(s, e) };
}

/** The figure or indicator name at an original offset, if any. */
export function hitAt(result: LintData, env: Env | null, offset: number, doc: TextSource): Hit | undefined {
  const indicatorOf = (id: string): Indicator | undefined => env?.data.get(id) ?? result.indicators[id];
  for (const fr of result.figures) {
    if (fr.start <= offset && offset <= fr.end && fr.end > fr.start) {
      const indicator = fr.indicator ? indicatorOf(fr.indicator.id) : undefined;
      return { kind: 'figure', report: fr, indicator, start: fr.start, end: fr.end };
    }
  }
  // a citation's subject (covers the built-in vocabulary too)
  for (const c of result.citations) {
    const s = c.mentionStart;
    const e = c.mentionEnd;
    if (s <= offset && offset <= e && e > s) {
      const indicator = indicatorOf(c.indicatorId);
      if (indicator) return { kind: 'name', indicator, start: s, end: e };
    }
  }
  // any name of the data on this line (found on its NFC form, mapped back to the original text)
  if (env && env.data.size) {
    const line = lineAround(doc.getText(), offset);
    const view = new TextView(line.text);
    for (const m of env.data.findMentions(view.text)) {
      const s = line.start + view.toOriginal(m.start);
      const e = line.start + view.toOriginal(m.end);
      if (s <= offset && offset <= e) return { kind: 'name', indicator: m.indicator, start: s, end: e };
    }
  }
  return undefined;
}
