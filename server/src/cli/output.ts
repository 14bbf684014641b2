/** Terminal helpers: colours (ANSI, only when asked), display width, padding. */

export interface Style {
  bold(s: string): string;
  underline(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

const COLORS: Style = {
  bold: wrap(1, 22),
  underline: wrap(4, 24),
  dim: wrap(2, 22),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  blue: wrap(34, 39),
  green: wrap(32, 39),
};

const id = (s: string) => s;
const PLAIN: Style = { bold: id, underline: id, dim: id, red: id, yellow: id, blue: id, green: id };

export function style(color: boolean): Style {
  return color ? COLORS : PLAIN;
}

/**
 * Whether to colour: `--color`/`--no-color` win; then NO_COLOR / FORCE_COLOR; then whether stdout is a terminal.
 */
export function useColor(flag: boolean | undefined, isTTY: boolean | (() => boolean), env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return env.TERM !== 'dumb' && (typeof isTTY === 'function' ? isTTY() : isTTY);
}

/** Columns a string takes in a terminal: code points, combining marks and zero-width characters excluded. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x300) {
      if (c >= 0x20 && c !== 0x7f) w++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its high half
    if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c === 0xfeff) continue;
    if (c >= 0x1ab0 && c <= 0x1aff) continue;
    if (c >= 0x1dc0 && c <= 0x1dff) continue;
    if (c >= 0x20d0 && c <= 0x20ff) continue;
    if (c >= 0xfe20 && c <= 0xfe2f) continue;
    w++;
  }
  return w;
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function padStart(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}

/** One line of text: line breaks and tabs become spaces. */
export function oneLine(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13 || c === 9) {
      out += s.slice(last, i) + ' ';
      last = i + 1;
      if (c === 13 && s.charCodeAt(i + 1) === 10) {
        i++;
        last = i + 1;
      }
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** The largest `f(x)` (at least `init`), without spreading: a spread of 500,000 rows overflows the stack. */
export function maxOf<T>(items: readonly T[], f: (x: T) => number, init = 0): number {
  let m = init;
  for (const x of items) {
    const v = f(x);
    if (v > m) m = v;
  }
  return m;
}

/** `dst.push(...src)` for arrays of any length. */
export function append<T>(dst: T[], src: readonly T[]): void {
  for (const x of src) dst.push(x);
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
