/**
 * Shared types of the analysis core. Offsets named `start`/`end` are into the NFC text of a `TextView` unless
 * a comment says otherwise; findings are converted to the original text by the linter (`lint.ts`).
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Language = 'vi' | 'en';

/** A message in both languages. */
export interface Msg {
  vi: string;
  en: string;
}

export interface TextEdit {
  /** original-text offsets (UTF-16) */
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: Msg;
  edits: TextEdit[];
  /** true when the fix is certain enough to be the preferred quick fix */
  preferred?: boolean;
}

export interface RelatedLocation {
  /** original-text offsets; `uri` absent = same document */
  start: number;
  end: number;
  message: Msg;
  uri?: string;
  /** 0-based range in the other document (set with `uri`, so no text is needed to place it) */
  range?: { line: number; character: number; endLine: number; endCharacter: number };
}

/** A finding as the linter returns it: offsets into the ORIGINAL text. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: Msg;
  start: number;
  end: number;
  data?: Record<string, unknown>;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

// ---------------------------------------------------------------------------------------------------------
// Figures

export type Bound = 'exact' | 'above' | 'below' | 'approx';
export type IndicatorKind = 'actual' | 'estimate' | 'target';

/** A period: one year (from === to) or a span of years. */
export interface Period {
  from: number;
  to: number;
}

/** What a number in prose is. Only `quantity` (and `share`) are compared with indicator values. */
export type FigureRole =
  | 'quantity' // a measured value with a unit: 10,4%/năm, 11.000 USD, 395.000 tỷ đồng
  | 'multiplier' // gấp 1,7 lần
  | 'fraction' // 03/19, 5/7 huyện
  | 'count' // 03 chương trình, 3 khâu đột phá (a small integer counting things)
  | 'plain'; // a number with no unit we know (kept for reports, never compared)

export interface Figure {
  /** NFC offsets of the whole figure as written, bound word and unit included ("trên 11.000 USD") */
  start: number;
  end: number;
  /** NFC offsets of the number part only ("11.000"), for quick fixes */
  numStart: number;
  numEnd: number;
  /** the figure as written (NFC) */
  text: string;
  role: FigureRole;
  /** low and high value after scaling to `unit` (equal unless a range "3-3,5%") */
  lo: number;
  hi: number;
  /** canonical unit after scale folding: '%', '%/năm', 'USD', 'tỷ USD', 'tỷ đồng', 'triệu tấn', 'ha', … ('' none) */
  unit: string;
  /** the unit exactly as written (after the number), for messages */
  unitText: string;
  bound: Bound;
  /** "ước", "ước đạt", "dự kiến": an estimate */
  estimate: boolean;
  /** actual/target pair "45.799/36.875 tỷ đồng": the second value */
  pair?: { lo: number; hi: number };
  /** number of decimals written (10,4 → 1; 3-3,5 → 1): the precision the figure is written with */
  decimals: number;
  /** how the number was written, to write a replacement in the same style */
  style: NumberStyle;
  /** directly preceded by "tăng"/"giảm" (possibly "ước tăng"): the figure may be a change, not a level */
  change?: 'increase' | 'decrease';
  /** factor applied from the written unit to `unit` ("490 nghìn tỷ đồng" → 1000); absent when 1 */
  factor?: number;
}

export interface NumberStyle {
  /** ',' (Vietnamese) or '.' */
  decimal: ',' | '.';
  /** '.', ' ' or '' (none) */
  thousands: '.' | ' ' | '' | ',';
}

/** A period expression found in prose. */
export interface PeriodMention {
  start: number;
  end: number;
  period: Period | null; // null for relative periods that need context ("5 năm", "hằng năm", "nhiệm kỳ")
  /** "5 năm", "hằng năm", "cả giai đoạn", "nhiệm kỳ": relative to the section's period */
  relative?: 'term' | 'annual';
  /** "đến năm 2030", "đến hết 2024": the year ends a span that started earlier */
  until?: boolean;
  /** "năm học 2021 - 2022": a school year, not a reporting period (callers usually ignore it) */
  schoolYear?: true;
  text: string;
}

// ---------------------------------------------------------------------------------------------------------
// Indicator data

export interface IndicatorValue {
  period: Period;
  periodText: string; // as in the data file ("2021-2025")
  kind: IndicatorKind;
  lo: number;
  hi: number;
  bound: Bound;
  source: string;
  /** where the row is: data file uri and 0-based line */
  uri: string;
  line: number;
}

export interface Indicator {
  id: string;
  name: string;
  aliases: string[];
  unit: string;
  values: IndicatorValue[];
  uri: string;
  line: number;
}

/** A problem in a data, config or template file. `line` is 0-based. */
export interface DataIssue {
  uri: string;
  line: number;
  column?: number;
  field?: string;
  severity: 'error' | 'warning';
  message: Msg;
}

// ---------------------------------------------------------------------------------------------------------
// Outline

export type MarkerKind =
  | 'part' // Phần thứ nhất
  | 'roman' // I- / I.
  | 'decimal' // 1.  1.1.  2.1.1.
  | 'paren' // (1)
  | 'letter' // a)
  | 'markdown'; // # heading

export interface OutlineNode {
  kind: MarkerKind;
  /** numbering as written: "Phần thứ nhất", "I", "2.1.1", "(3)", "a", "#" */
  marker: string;
  /** numeric path for decimal markers ([2,1,1]); [n] for roman/paren/letter/part ordinal */
  numbers: number[];
  /** the punctuation after the marker: "-", ".", ")", "" ("4.1 " has "") */
  punct: string;
  /** heading title (NFC), up to the end of line or the end of a same-line heading */
  title: string;
  /** NFC offsets: the marker, the title, and the whole line */
  markerStart: number;
  markerEnd: number;
  titleStart: number;
  titleEnd: number;
  lineStart: number;
  lineEnd: number;
  /** 0-based line */
  line: number;
  /** heading depth in the tree (0 = top) */
  depth: number;
  /** true when the body text follows the heading on the same line */
  inlineBody: boolean;
  /** end of the section (NFC offset), i.e. where the next sibling or ancestor's sibling starts */
  sectionEnd: number;
  children: OutlineNode[];
  /** the template section it matched, when a template is applied */
  templateId?: string;
}
