/**
 * Numbers as Vietnamese drafts write them: decimal comma ("10,4"), dot thousands ("11.000", "1.234,5").
 *
 * Ambiguity rule (Vietnamese drafts): a dot followed by exactly three digits is a thousands separator
 * ("1.914 ha" = 1914), a single comma is a decimal comma ("1,234" = 1.234). English forms are read when they
 * cannot be Vietnamese ("1,234.5", "1,234,567", "10.4").
 *
 * Pure: no Node built-ins.
 */
import type { Bound, NumberStyle } from './types';

export interface ParsedNumber {
  value: number;
  /** digits written after the decimal separator */
  decimals: number;
  style: NumberStyle;
}

export const VN_STYLE: NumberStyle = { decimal: ',', thousands: '.' };

function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** "1", "12", "123" not starting with 0: a valid leading thousands group ("0.125" is a decimal) */
function leadGroup(s: string): boolean {
  return isDigits(s) && s.length <= 3 && s[0] !== '0';
}

function groupsOfThree(parts: string[]): boolean {
  if (!leadGroup(parts[0])) return false;
  for (let i = 1; i < parts.length; i++) if (parts[i].length !== 3 || !isDigits(parts[i])) return false;
  return true;
}

function build(sign: number, intDigits: string, frac: string, style: NumberStyle): ParsedNumber {
  const value = sign * Number(frac ? `${intDigits}.${frac}` : intDigits);
  return { value: value === 0 ? 0 : value, decimals: frac.length, style };
}

/** the shapes most figures have, read without the general path's splits and loops (see parseVnNumber) */
const PLAIN_DIGITS = /^[0-9]+$/;
const DECIMAL_COMMA = /^[0-9]+,[0-9]+$/;
const DOT_THOUSANDS = /^[1-9][0-9]{0,2}(?:\.[0-9]{3})+$/;

/**
 * Parses a number written the Vietnamese way (or an unambiguous English way). Returns null for anything else
 * ("1.2.3", "12a", "").
 */
export function parseVnNumber(input: string): ParsedNumber | null {
  // fast paths: each returns what the general path below returns for its shape ("2025", "10,4", "11.000")
  if (PLAIN_DIGITS.test(input)) {
    return build(1, input, '', { decimal: ',', thousands: input.length >= 4 ? '' : '.' });
  }
  if (DECIMAL_COMMA.test(input)) {
    const c = input.indexOf(',');
    return build(1, input.slice(0, c), input.slice(c + 1), { decimal: ',', thousands: c >= 4 ? '' : '.' });
  }
  if (DOT_THOUSANDS.test(input)) return build(1, input.replaceAll('.', ''), '', { decimal: ',', thousands: '.' });
  return parseGeneral(input);
}

function parseGeneral(input: string): ParsedNumber | null {
  let s = input.trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('\u2212')) {
    sign = -1;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (!s) return null;
  // space thousands ("11 000", "1 234,5")
  if (/[ \u00a0\u202f]/.test(s)) {
    const [intPart, ...rest] = s.split(',');
    if (rest.length > 1) return null;
    const groups = intPart.split(/[ \u00a0\u202f]/);
    if (!groupsOfThree(groups)) return null;
    const frac = rest[0] ?? '';
    if (rest.length === 1 && !isDigits(frac)) return null;
    return build(sign, groups.join(''), frac, { decimal: ',', thousands: ' ' });
  }
  const dots = s.split('.');
  const commas = s.split(',');
  const nDots = dots.length - 1;
  const nCommas = commas.length - 1;
  if (nDots === 0 && nCommas === 0) {
    if (!isDigits(s)) return null;
    return build(sign, s, '', { decimal: ',', thousands: s.length >= 4 ? '' : '.' });
  }
  if (nDots === 0) {
    if (nCommas === 1) {
      // decimal comma ("10,4", "1,234")
      if (!isDigits(commas[0]) || !isDigits(commas[1])) return null;
      const intStyle = commas[0].length >= 4 ? '' : '.';
      return build(sign, commas[0], commas[1], { decimal: ',', thousands: intStyle });
    }
    // "1,234,567": English thousands
    if (!groupsOfThree(commas)) return null;
    return build(sign, commas.join(''), '', { decimal: '.', thousands: ',' });
  }
  if (nCommas === 0) {
    if (groupsOfThree(dots)) return build(sign, dots.join(''), '', { decimal: ',', thousands: '.' });
    if (nDots === 1 && isDigits(dots[0]) && isDigits(dots[1])) {
      // "10.4", "0.125": a decimal point
      return build(sign, dots[0], dots[1], { decimal: '.', thousands: dots[0].length >= 4 ? '' : ',' });
    }
    return null;
  }
  // both separators: the last one is the decimal separator
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastComma > lastDot) {
    if (nCommas !== 1) return null;
    const [intPart, frac] = s.split(',');
    const groups = intPart.split('.');
    if (!groupsOfThree(groups) || !isDigits(frac)) return null;
    return build(sign, groups.join(''), frac, { decimal: ',', thousands: '.' });
  }
  if (nDots !== 1) return null;
  const [intPart, frac] = s.split('.');
  const groups = intPart.split(',');
  if (!groupsOfThree(groups) || !isDigits(frac)) return null;
  return build(sign, groups.join(''), frac, { decimal: '.', thousands: ',' });
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

/** x rounded half away from zero to d decimals, as a fixed-point string of its absolute value */
function fixedAbs(x: number, d: number): string {
  const a = Math.abs(x);
  const str = String(a);
  if (str.includes('e') || d > 15) return a.toFixed(Math.min(d, 100));
  const r = Number(`${Math.round(Number(`${str}e${d}`))}e-${d}`);
  return r.toFixed(d);
}

/** smallest number of decimals (≤ 10) that shows x without float noise (0.1 + 0.2 → 1) */
export function minimalDecimals(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const tol = 1e-9 * Math.max(1, Math.abs(x));
  for (let d = 0; d <= 10; d++) {
    if (Math.abs(Number(fixedAbs(x, d)) - Math.abs(x)) <= tol) return d;
  }
  return 10;
}

export interface FormatOptions {
  /** fixed number of decimals; default: as few as the value needs */
  decimals?: number;
  /** default Vietnamese: decimal ',' and thousands '.' */
  style?: NumberStyle;
}

/** "10,4", "20.000", "8,5", "1.234,56"; numbers of four digits or more are grouped unless style.thousands is ''. */
export function formatVnNumber(value: number, opts: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return String(value);
  const style = opts.style ?? VN_STYLE;
  const d = opts.decimals ?? minimalDecimals(value);
  const fixed = fixedAbs(value, Math.max(0, Math.floor(d)));
  const [intPart, frac = ''] = fixed.split('.');
  let grouped = intPart;
  if (style.thousands && intPart.length >= 4) {
    const parts: string[] = [];
    for (let i = intPart.length; i > 0; i -= 3) parts.unshift(intPart.slice(Math.max(0, i - 3), i));
    grouped = parts.join(style.thousands);
  }
  const isZero = /^[0.]*$/.test(fixed);
  const sign = value < 0 && !isZero ? '-' : '';
  return sign + grouped + (frac ? style.decimal + frac : '');
}

const BOUND_WORD: Record<Bound, string> = { exact: '', above: 'trên ', below: 'dưới ', approx: 'khoảng ' };

export interface ValueLike {
  lo: number;
  hi: number;
  unit: string;
  bound?: Bound;
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * A value as a draft writes it: "trên 11.000 USD", "8-8,5%/năm", "khoảng 40-45%", "dưới 2%", "10,4%/năm".
 * Ranges are written "lo-hi" with the unit once; '%' units are glued to the number, others follow a space.
 */
export function formatValue(v: ValueLike, style?: NumberStyle, decimals?: number): string {
  const opts: FormatOptions = { style, decimals };
  const num = nearlyEqual(v.lo, v.hi)
    ? formatVnNumber(v.lo, opts)
    : `${formatVnNumber(v.lo, opts)}-${formatVnNumber(v.hi, opts)}`;
  const unit = v.unit ? (v.unit.startsWith('%') ? v.unit : ' ' + v.unit) : '';
  return BOUND_WORD[v.bound ?? 'exact'] + num + unit;
}
