/** The reviewer's figures report: every figure worth listing, with its indicator, period and verdict. */
import type { TextView } from './text';
import type { Bound, Figure, Indicator, IndicatorValue } from './types';
import type { Citation } from './match';
import { compareValues, type Verdict } from './compare';
import { formatValue } from './numformat';

export type FigureStatus = 'ok' | 'mismatch' | 'rounded' | 'unmatched' | 'no-value';

export interface FigureReport {
  /** original offsets */
  start: number;
  end: number;
  text: string;
  indicator?: { id: string; name: string; unit: string };
  period?: string;
  cited: string;
  canonical?: string;
  source?: string;
  status: FigureStatus;
  dataUri?: string;
  dataLine?: number;
}

/** The verdict of a citation against its canonical row (undefined when there is none). */
export function citationVerdict(c: Citation): Verdict | undefined {
  if (!c.value) return undefined;
  // compare in the unit the draft writes, so the written decimals are the precision ("490 nghìn tỷ")
  const scale = c.figure.factor ?? 1; // "490 nghìn tỷ đồng": lo is 490000, written 490
  return compareValues(
    { lo: c.figure.lo / scale, hi: c.figure.hi / scale, bound: c.figure.bound, decimals: c.figure.decimals },
    { lo: c.value.lo / c.factor / scale, hi: c.value.hi / c.factor / scale, bound: c.value.bound },
  );
}

/** The canonical value as the data states it, in the indicator's unit ("10,4%/năm", "trên 11.000 USD"). */
export function canonicalText(ind: Indicator, v: IndicatorValue): string {
  return formatValue({ lo: v.lo, hi: v.hi, unit: ind.unit, bound: v.bound as Bound });
}

/** The canonical value written the way the draft writes this figure (its unit, scale and number style). */
export function canonicalInDraftStyle(c: Citation): { number: string; full: string } | undefined {
  if (!c.value) return undefined;
  const scale = c.figure.factor ?? 1;
  const lo = c.value.lo / c.factor / scale;
  const hi = c.value.hi / c.factor / scale;
  const full = formatValue({ lo, hi, unit: c.figure.unitText, bound: c.value.bound }, c.figure.style);
  const number = formatValue({ lo, hi, unit: '', bound: 'exact' }, c.figure.style).trim();
  return { number, full };
}

export function figureReports(view: TextView, figures: Figure[], citations: Citation[]): FigureReport[] {
  const byFigure = new Map<Figure, Citation>();
  for (const c of citations) byFigure.set(c.figure, c);
  const out: FigureReport[] = [];
  for (const f of figures) {
    if (f.role !== 'quantity' && f.role !== 'multiplier' && f.role !== 'fraction') continue;
    // fields written out: an object spread followed by more fields is slow to build in V8
    const range = view.rangeToOriginal(f.start, f.end);
    const r: FigureReport = {
      start: range.start,
      end: range.end,
      text: f.text,
      cited: f.text,
      status: 'unmatched',
    };
    const c = byFigure.get(f);
    if (c) {
      r.indicator = { id: c.indicator.id, name: c.indicator.name, unit: c.indicator.unit };
      if (c.periodText) r.period = c.periodText;
      if (c.value) {
        r.canonical = canonicalText(c.indicator, c.value);
        r.source = c.value.source;
        r.dataUri = c.value.uri;
        r.dataLine = c.value.line;
        r.status = citationVerdict(c) ?? 'no-value';
      } else {
        r.status = 'no-value';
        if (c.indicator.uri) {
          r.dataUri = c.indicator.uri;
          r.dataLine = c.indicator.line;
        }
      }
    }
    out.push(r);
  }
  return out;
}
