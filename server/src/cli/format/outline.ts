/**
 * `draftlint outline PATH`: the parsed outline as an indented tree (`line  marker  title`), the template it
 * matched (auto-selected or configured) and the template's required sections that were not found.
 */
import type { Language } from '../../core/index';
import type { FileResult, OutHeading } from '../lintFile';
import { maxOf, oneLine, padStart, type Style } from '../output';

const T = {
  vi: {
    template: 'Mẫu cấu trúc',
    none: 'không có',
    auto: 'tự nhận',
    configured: 'theo cấu hình',
    missing: 'Thiếu các mục',
    noHeadings: 'Không tìm thấy đề mục nào.',
    under: 'trong',
  },
  en: {
    template: 'Template',
    none: 'none',
    auto: 'auto',
    configured: 'configured',
    missing: 'Missing sections',
    noHeadings: 'No headings found.',
    under: 'under',
  },
};

function flatten(hs: OutHeading[], out: OutHeading[] = []): OutHeading[] {
  for (const h of hs) {
    out.push(h);
    flatten(h.children, out);
  }
  return out;
}

export function formatOutlineStylish(f: FileResult, s: Style, lang: Language): string {
  const L = T[lang];
  const o = f.outline;
  let out = `${s.underline(s.bold(f.display))}\n`;
  if (!o) return out;
  const tpl = o.template ? `${o.template.name} (${o.template.auto ? L.auto : L.configured})` : L.none;
  out += `${L.template}: ${tpl}\n\n`;
  const all = flatten(o.headings);
  if (all.length === 0) out += `${L.noHeadings}\n`;
  const w = maxOf(all, (h) => String(h.line).length, 4);
  for (const h of all) {
    const marker = h.kind === 'markdown' ? h.marker : h.marker + h.punct;
    out += `${s.dim(padStart(String(h.line), w))}  ${'  '.repeat(h.depth)}${s.bold(marker)}  ${oneLine(h.title)}`.trimEnd() + '\n';
  }
  if (o.missing.length) {
    out += `\n${L.missing}:\n`;
    for (const m of o.missing) {
      const label = [m.number, m.title].filter((x) => x !== undefined && x !== '').join('  ') || m.id;
      out += `  ${s.yellow('✖')} ${label}${m.under ? s.dim(`  (${L.under} ${m.under})`) : ''}\n`;
    }
  }
  return out;
}

export function formatOutlineJson(f: FileResult): string {
  const o = f.outline;
  return (
    JSON.stringify(
      {
        path: f.display,
        template: o?.template ?? null,
        outline: o?.headings ?? [],
        missing: o?.missing ?? [],
      },
      null,
      2,
    ) + '\n'
  );
}
