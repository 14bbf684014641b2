/** Hover: on a cited figure (indicator, period, canonical value and bound, source, verdict) or an indicator name. */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { Language } from '../../core/index';
import type { Analysis } from '../linter';
import { t } from '../i18n';
import { toRange } from '../convert';
import { escapeMd, indicatorMarkdown } from './completion';
import { hitAt } from './lookup';
import { baseName } from '../paths';

export function hover(a: Analysis, offset: number): Hover | null {
  if (!a.result) return null;
  const lang: Language = a.env?.language ?? 'vi';
  const hit = hitAt(a.result, a.env, offset, a.doc);
  if (!hit) return null;
  const range = toRange(a.doc, hit.start, hit.end);
  if (hit.kind === 'name') {
    const ind = hit.indicator;
    const lines = [indicatorMarkdown(ind, lang)];
    if (ind.uri) lines.push('', `${t('dataFile', lang)}: ${escapeMd(baseName(ind.uri))}:${ind.line + 1}`);
    else lines.push('', `_${t('builtin', lang)}_`);
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
  }
  const fr = hit.report;
  const lines: string[] = [];
  if (fr.indicator) {
    lines.push(`**${escapeMd(fr.indicator.name)}**${fr.period ? ` (${escapeMd(fr.period)})` : ''}`, '');
  } else {
    lines.push(`**${escapeMd(fr.text)}**`, '');
  }
  lines.push(`- ${t('cited', lang)}: ${escapeMd(fr.cited)}`);
  if (fr.canonical) lines.push(`- ${t('canonical', lang)}: **${escapeMd(fr.canonical)}**`);
  if (hit.indicator && fr.period) {
    const v = hit.indicator.values.find((x) => x.periodText === fr.period);
    if (v) lines.push(`- ${t('kind', lang)}: ${t(`kind.${v.kind}`, lang)}; ${t(`bound.${v.bound}`, lang)}`);
  }
  if (fr.source) lines.push(`- ${t('source', lang)}: ${escapeMd(fr.source)}`);
  const mark = fr.status === 'ok' ? '✓' : fr.status === 'mismatch' ? '✗' : fr.status === 'rounded' ? '≈' : '·';
  lines.push(`- ${t('verdict', lang)}: ${mark} ${t(`status.${fr.status}`, lang)}`);
  if (fr.dataUri) lines.push('', `${t('dataFile', lang)}: ${escapeMd(baseName(fr.dataUri))}:${(fr.dataLine ?? 0) + 1}`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}
