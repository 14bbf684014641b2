/** Message helpers: every user-facing message is a `Msg` ({ vi, en }); the edges pick the language. */
import type { Language, Msg } from './types';

export function localize(msg: Msg, lang: Language = 'vi'): string {
  return lang === 'en' ? msg.en : msg.vi;
}

/** Build a Msg from a template pair with {name} placeholders. */
export function msg(vi: string, en: string, args: Record<string, string | number> = {}): Msg {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
  return { vi: fill(vi), en: fill(en) };
}
