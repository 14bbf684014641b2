/**
 * figures/canonical-mismatch: a cited figure against the canonical value of the indicator and period it cites.
 * A different value is an error; a value that merely rounds the canonical one ("khoảng 10%" for 10,4) or
 * states it with another bound is a warning. The message gives the canonical value as the draft would write
 * it, its period and its source; the quick fix writes the canonical value in the draft's own number style.
 */
import type { Rule } from '../rule';
import { msg } from '../messages';
import { canonicalInDraftStyle, canonicalText, citationVerdict } from '../report';
import { formatValue } from '../numformat';

const rule: Rule = {
  id: 'figures/canonical-mismatch',
  defaultSeverity: 'error',
  description: {
    vi: 'Số liệu trích dẫn khác số liệu chính thức của chỉ tiêu',
    en: 'A cited figure differs from the canonical indicator value',
  },
  check(ctx, report) {
    for (const c of ctx.citations) {
      if (!c.fromData || !c.value) continue;
      const verdict = citationVerdict(c);
      if (!verdict || verdict === 'ok') continue;
      const canonical = canonicalText(c.indicator, c.value);
      const cited = c.figure.text;
      const period = c.periodText ?? '';
      const source = c.value.source || c.indicator.uri;
      const args = { indicator: c.indicator.name, period, canonical, cited, source };
      const message =
        verdict === 'rounded'
          ? msg(
              '{indicator} ({period}): số liệu chính thức là {canonical} (nguồn: {source}); dự thảo ghi “{cited}” chưa chính xác.',
              '{indicator} ({period}): the canonical value is {canonical} (source: {source}); the draft’s “{cited}” is imprecise.',
              args,
            )
          : msg(
              '{indicator} ({period}): số liệu chính thức là {canonical} (nguồn: {source}), không phải “{cited}”.',
              '{indicator} ({period}): the canonical value is {canonical} (source: {source}), not “{cited}”.',
              args,
            );
      const styled = canonicalInDraftStyle(c);
      const fixes = styled
        ? [
            {
              title: msg('Sửa thành {value}', 'Replace with {value}', { value: styled.full }),
              edits: [{ start: c.figure.start, end: c.figure.end, newText: styled.full }],
              preferred: true,
            },
          ]
        : undefined;
      report({
        start: c.figure.start,
        end: c.figure.end,
        severity: verdict === 'rounded' ? 'warning' : 'error',
        message,
        data: {
          indicator: c.indicator.id,
          indicatorName: c.indicator.name,
          period,
          cited,
          canonical,
          canonicalInDraftStyle: styled?.full,
          source,
          verdict,
          dataUri: c.value.uri,
          dataLine: c.value.line,
          citedValue: formatValue({ lo: c.cited.lo, hi: c.cited.hi, unit: c.indicator.unit, bound: c.figure.bound }),
        },
        related: [{ start: c.mention.start, end: c.mention.end, message: msg('Chỉ tiêu được nêu ở đây', 'Indicator named here') }],
        fixes,
      });
    }
  },
};

export default rule;
