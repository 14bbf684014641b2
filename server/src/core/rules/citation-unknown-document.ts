/**
 * citation/unknown-document: only when a citation registry is configured (options.documents, from the file
 * draftlint.json names): a cited number the registry does not list (info), or a date that differs from the
 * registry's (warning, with a quick fix to the registry's date).
 */
import type { Rule } from '../rule';
import { msg } from '../messages';
import { formatDateLike, parseCitations, parseDateText, sameDate } from '../crosscheck/citation';
import { registryIndex, type RegistryEntryLike } from '../crosscheck/registry';

let indexCache: { docs: RegistryEntryLike[]; map: Map<string, RegistryEntryLike> } | undefined;

function indexOf(docs: RegistryEntryLike[]): Map<string, RegistryEntryLike> {
  if (indexCache && indexCache.docs === docs) return indexCache.map;
  const map = registryIndex(docs);
  indexCache = { docs, map };
  return map;
}

const rule: Rule = {
  id: 'citation/unknown-document',
  defaultSeverity: 'warning',
  cheap: true,
  description: {
    vi: 'Văn bản được trích dẫn không có trong danh mục hoặc sai ngày so với danh mục',
    en: 'A cited document is not in the registry, or its date differs from the registry',
  },
  check(ctx, report) {
    const docs = ctx.options.documents;
    if (!Array.isArray(docs) || docs.length === 0) return;
    const index = indexOf(docs);
    for (const c of parseCitations(ctx.view.text)) {
      if (c.kind === 'unknown' && !c.type) continue;
      const entry = index.get(c.key);
      if (!entry) {
        report({
          start: c.numberStart,
          end: c.numberEnd,
          severity: 'info',
          message: msg('Văn bản {number} không có trong danh mục văn bản của dự án.', 'Document {number} is not in the project’s document registry.', {
            number: c.number,
          }),
          data: { number: c.number, key: c.key, reason: 'unknown' },
        });
        continue;
      }
      if (!c.date || !entry.date) continue;
      const reg = parseDateText(entry.date);
      if (!reg || sameDate(reg, c.date)) continue;
      const fixed = formatDateLike(reg, c.date);
      report({
        start: c.date.start,
        end: c.date.end,
        message: msg(
          'Văn bản {number} ban hành ngày {registry} theo danh mục, không phải {date}{title}.',
          'Document {number} was issued on {registry} according to the registry, not {date}{title}.',
          { number: c.number, registry: entry.date, date: c.date.text, title: entry.title ? ` (${entry.title})` : '' },
        ),
        data: { number: c.number, key: c.key, reason: 'date', date: c.date.text, registryDate: entry.date, title: entry.title },
        fixes: [
          {
            title: msg('Sửa ngày thành {date}', 'Change the date to {date}', { date: fixed }),
            edits: [{ start: c.date.start, end: c.date.end, newText: fixed }],
            preferred: true,
          },
        ],
      });
    }
  },
};

export default rule;
