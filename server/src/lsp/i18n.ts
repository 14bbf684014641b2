/** The language server's own user-facing strings (the core's messages come as { vi, en } already). */
import type { Language } from '../core/index';

const STRINGS = {
  disableForLine: { vi: 'Tắt {rule} cho dòng này', en: 'Disable {rule} for this line' },
  reasonPlaceholder: { vi: 'lý do', en: 'reason' },
  indicator: { vi: 'Chỉ tiêu', en: 'Indicator' },
  period: { vi: 'Kỳ', en: 'Period' },
  cited: { vi: 'Số liệu trong dự thảo', en: 'Cited in the draft' },
  canonical: { vi: 'Số liệu chuẩn', en: 'Canonical value' },
  source: { vi: 'Nguồn', en: 'Source' },
  verdict: { vi: 'Đánh giá', en: 'Verdict' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  aliases: { vi: 'Tên khác', en: 'Aliases' },
  value: { vi: 'Giá trị', en: 'Value' },
  kind: { vi: 'Loại', en: 'Kind' },
  noValues: { vi: 'Chưa có số liệu chuẩn.', en: 'No canonical values.' },
  dataFile: { vi: 'Tệp dữ liệu', en: 'Data file' },
  builtin: { vi: 'từ điển chỉ tiêu có sẵn (không có số liệu)', en: 'built-in vocabulary (no values)' },
  'status.ok': { vi: 'khớp số liệu chuẩn', en: 'matches the canonical value' },
  'status.mismatch': { vi: 'KHÔNG khớp số liệu chuẩn', en: 'does NOT match the canonical value' },
  'status.rounded': { vi: 'làm tròn / kém chính xác hơn số liệu chuẩn', en: 'rounded / less precise than the canonical value' },
  'status.unmatched': { vi: 'chưa gắn được với chỉ tiêu nào', en: 'not attached to an indicator' },
  'status.no-value': { vi: 'chưa có số liệu chuẩn cho kỳ này', en: 'no canonical value for this period' },
  'kind.actual': { vi: 'thực hiện', en: 'actual' },
  'kind.estimate': { vi: 'ước', en: 'estimate' },
  'kind.target': { vi: 'mục tiêu', en: 'target' },
  'bound.exact': { vi: 'chính xác', en: 'exact' },
  'bound.above': { vi: 'trên', en: 'above' },
  'bound.below': { vi: 'dưới', en: 'below' },
  'bound.approx': { vi: 'khoảng', en: 'about' },
  dataFileMissing: { vi: 'Không đọc được tệp dữ liệu “{file}”: {error}', en: 'Cannot read the data file “{file}”: {error}' },
  templateFileMissing: { vi: 'Không đọc được tệp mẫu “{file}”: {error}', en: 'Cannot read the template file “{file}”: {error}' },
  templateUnknown: { vi: 'Không có mẫu tên “{name}”', en: 'No template named “{name}”' },
  configUnreadable: { vi: 'Không đọc được draftlint.json: {error}', en: 'Cannot read draftlint.json: {error}' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Language, args: Record<string, string | number> = {}): string {
  const s: string = STRINGS[key][lang === 'en' ? 'en' : 'vi'];
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in args ? String(args[k]) : m));
}

export function tBoth(key: StringKey, args: Record<string, string | number> = {}): { vi: string; en: string } {
  return { vi: t(key, 'vi', args), en: t(key, 'en', args) };
}
