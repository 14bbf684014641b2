/**
 * terms/variant: one term written several ways in one document — tone placement ("hoà"/"hòa"), i/y within one
 * term ("tỉ lệ"/"tỷ lệ"), the capitalisation of a quoted fixed phrase (“Kỷ luật và Đồng tâm”), and the forms the
 * project glossary (`terms` in draftlint.json) names as variants. The quick fix writes the preferred form (the
 * glossary's, else the document's majority form). See crosscheck/terms.ts for the scanning.
 */
import type { Rule } from '../rule';
import { msg } from '../messages';
import { findVariants } from '../crosscheck/terms';

const rule: Rule = {
  id: 'terms/variant',
  defaultSeverity: 'warning',
  cheap: true,
  description: {
    vi: 'Một thuật ngữ được viết theo nhiều cách trong cùng văn bản',
    en: 'One term is spelled several ways in one document',
  },
  check(ctx, report) {
    const terms = ctx.options.terms;
    for (const h of findVariants(ctx.view.text, { terms: terms && typeof terms === 'object' ? terms : undefined })) {
      const args = { text: h.text, preferred: h.preferred, replacement: h.replacement, count: h.preferredCount };
      const message =
        h.kind === 'glossary'
          ? msg(
              '“{text}”: theo bảng thuật ngữ của dự án, viết là “{replacement}”.',
              '“{text}”: the project glossary prefers “{replacement}”.',
              args,
            )
          : h.kind === 'case'
            ? msg(
                '“{text}” được viết hoa khác với “{preferred}” ({count} lần) trong văn bản; nên viết thống nhất.',
                '“{text}” is capitalised differently from “{preferred}” ({count}×) in this document; write it one way.',
                args,
              )
            : h.fromGlossary
              ? msg(
                  '“{text}” và “{preferred}” cùng có trong văn bản; bảng thuật ngữ của dự án chọn “{preferred}”.',
                  'Both “{text}” and “{preferred}” occur in this document; the project glossary prefers “{preferred}”.',
                  args,
                )
              : msg(
                  '“{text}” được viết là “{preferred}” ở chỗ khác ({count} lần); nên viết thống nhất.',
                  '“{text}” is written “{preferred}” elsewhere ({count}×); use one spelling.',
                  args,
                );
      report({
        start: h.start,
        end: h.end,
        message,
        data: { kind: h.kind, text: h.text, preferred: h.preferred, replacement: h.replacement, count: h.preferredCount },
        related: h.related.map((o) => ({
          start: o.start,
          end: o.end,
          message: msg('Cách viết “{preferred}”', 'Spelled “{preferred}”', { preferred: o.text }),
        })),
        fixes: [
          {
            title: msg('Sửa thành “{replacement}”', 'Change to “{replacement}”', args),
            edits: [{ start: h.start, end: h.end, newText: h.replacement }],
            preferred: true,
          },
        ],
      });
    }
  },
};

export default rule;
