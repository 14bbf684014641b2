/**
 * Built-in vocabulary of the indicators that Vietnamese socio-economic reports cite again and again.
 * Names and units only, no values: it lets `figures/inconsistent` recognise "the same indicator" in a draft
 * when no data file is configured, and it stops a figure from attaching to a broader indicator ("tốc độ tăng
 * trưởng ngành công nghiệp …" is not GRDP growth). Data files always win over the vocabulary.
 */
import type { Indicator } from './types';

interface VocabEntry {
  id: string;
  name: string;
  unit: string;
  aliases: string[];
}

const ENTRIES: VocabEntry[] = [
  {
    id: 'grdp_growth',
    name: 'Tốc độ tăng trưởng GRDP',
    unit: '%/năm',
    aliases: [
      'tốc độ tăng trưởng kinh tế',
      'tăng trưởng kinh tế',
      'tốc độ tăng trưởng GRDP',
      'tăng trưởng GRDP',
      'tốc độ tăng trưởng tổng sản phẩm trên địa bàn',
      'tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)',
      'tốc độ tăng GRDP',
      // generic: only when nothing narrows it (see GENERIC below)
      'tốc độ tăng trưởng',
    ],
  },
  { id: 'grdp_per_capita', name: 'GRDP bình quân đầu người', unit: 'USD', aliases: ['GRDP bình quân đầu người', 'GRDP/người'] },
  {
    id: 'grdp_size',
    name: 'Quy mô kinh tế (GRDP)',
    unit: 'tỷ đồng',
    aliases: ['quy mô kinh tế', 'quy mô GRDP', 'tổng sản phẩm trên địa bàn'],
  },
  {
    id: 'budget_revenue',
    name: 'Tổng thu ngân sách nhà nước trên địa bàn',
    unit: 'tỷ đồng',
    aliases: ['tổng thu ngân sách nhà nước trên địa bàn', 'tổng thu ngân sách nhà nước', 'tổng thu ngân sách'],
  },
  {
    id: 'total_investment',
    name: 'Tổng vốn đầu tư toàn xã hội',
    unit: 'tỷ đồng',
    aliases: ['tổng vốn đầu tư toàn xã hội', 'vốn đầu tư toàn xã hội'],
  },
  {
    id: 'total_investment_growth',
    name: 'Tốc độ tăng tổng vốn đầu tư toàn xã hội',
    unit: '%/năm',
    aliases: ['tốc độ tăng tổng vốn đầu tư toàn xã hội', 'tốc độ tăng bình quân tổng vốn đầu tư toàn xã hội'],
  },
  { id: 'fdi', name: 'Tổng vốn thu hút FDI', unit: 'tỷ USD', aliases: ['tổng vốn thu hút FDI', 'vốn thu hút FDI', 'tổng vốn FDI'] },
  {
    id: 'labour_productivity',
    name: 'Năng suất lao động xã hội',
    unit: 'triệu đồng/người',
    aliases: ['năng suất lao động xã hội', 'năng suất lao động'],
  },
  {
    id: 'labour_productivity_growth',
    name: 'Tốc độ tăng năng suất lao động xã hội',
    unit: '%/năm',
    aliases: ['tốc độ tăng năng suất lao động xã hội', 'tốc độ tăng năng suất lao động', 'tăng năng suất lao động'],
  },
  { id: 'urbanisation', name: 'Tỷ lệ đô thị hóa', unit: '%', aliases: ['tỷ lệ đô thị hóa'] },
  { id: 'forest_cover', name: 'Tỷ lệ che phủ rừng', unit: '%', aliases: ['tỷ lệ che phủ rừng'] },
  {
    id: 'trained_labour',
    name: 'Tỷ lệ lao động đã qua đào tạo',
    unit: '%',
    aliases: ['tỷ lệ lao động đã qua đào tạo', 'tỷ lệ lao động qua đào tạo'],
  },
  {
    id: 'certified_labour',
    name: 'Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ',
    unit: '%',
    aliases: [
      'tỷ lệ lao động đã qua đào tạo có bằng cấp, chứng chỉ',
      'tỷ lệ lao động có bằng cấp, chứng chỉ',
      'tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ',
    ],
  },
  { id: 'unemployment', name: 'Tỷ lệ thất nghiệp', unit: '%', aliases: ['tỷ lệ thất nghiệp'] },
  { id: 'poverty_rate', name: 'Tỷ lệ hộ nghèo', unit: '%', aliases: ['tỷ lệ hộ nghèo'] },
  {
    id: 'health_insurance',
    name: 'Tỷ lệ dân số tham gia bảo hiểm y tế',
    unit: '%',
    aliases: ['tỷ lệ dân số tham gia bảo hiểm y tế', 'tỷ lệ bao phủ bảo hiểm y tế'],
  },
  { id: 'standard_schools', name: 'Tỷ lệ trường đạt chuẩn quốc gia', unit: '%', aliases: ['tỷ lệ trường đạt chuẩn quốc gia'] },
  {
    id: 'digital_economy_share',
    name: 'Tỷ trọng kinh tế số trong GRDP',
    unit: '%',
    aliases: ['tỷ trọng giá trị tăng thêm của kinh tế số trong GRDP', 'tỷ trọng kinh tế số trong GRDP', 'tỷ trọng kinh tế số'],
  },
  {
    id: 'tfp_contribution',
    name: 'Đóng góp của TFP vào tăng trưởng',
    unit: '%',
    aliases: [
      'đóng góp của năng suất nhân tố tổng hợp (TFP)',
      'đóng góp năng suất của các nhân tố tổng hợp (TFP)',
      'đóng góp của TFP vào tăng trưởng',
    ],
  },
  { id: 'tourism_share', name: 'Tỷ trọng du lịch trong GRDP', unit: '%', aliases: ['tỷ trọng du lịch trong GRDP'] },
  { id: 'credit_growth', name: 'Tăng trưởng tín dụng', unit: '%/năm', aliases: ['tăng trưởng tín dụng', 'tốc độ tăng trưởng tín dụng'] },
  {
    id: 'manufacturing_growth',
    name: 'Tốc độ tăng trưởng công nghiệp chế biến, chế tạo',
    unit: '%/năm',
    aliases: [
      'tốc độ tăng trưởng ngành công nghiệp chế biến, chế tạo',
      'tốc độ tăng trưởng công nghiệp chế biến, chế tạo',
      'tăng trưởng công nghiệp chế biến, chế tạo',
    ],
  },
  {
    id: 'agriculture_growth',
    name: 'Tốc độ tăng trưởng nông, lâm, thủy sản',
    unit: '%/năm',
    aliases: ['tốc độ tăng trưởng ngành nông, lâm, thủy sản', 'tốc độ tăng trưởng nông, lâm, thủy sản'],
  },
  { id: 'mining_growth', name: 'Tăng trưởng ngành khai khoáng', unit: '%/năm', aliases: ['tăng trưởng ngành khai khoáng'] },
  {
    id: 'exports',
    name: 'Tổng trị giá hàng hóa xuất khẩu',
    unit: 'tỷ USD',
    aliases: ['tổng trị giá hàng hóa xuất khẩu', 'kim ngạch xuất khẩu'],
  },
  { id: 'social_security_spending', name: 'Tổng chi an sinh xã hội', unit: 'tỷ đồng', aliases: ['tổng chi an sinh xã hội'] },
  { id: 'coal_output', name: 'Sản lượng than sạch', unit: 'triệu tấn', aliases: ['tổng sản lượng than sạch', 'sản lượng than sạch'] },
  { id: 'industrial_occupancy', name: 'Tỷ lệ lấp đầy các khu công nghiệp', unit: '%', aliases: ['tỷ lệ lấp đầy các khu công nghiệp', 'tỷ lệ lấp đầy'] },
  { id: 'bad_debt', name: 'Tỷ lệ nợ xấu', unit: '%', aliases: ['tỷ lệ nợ xấu'] },
  {
    id: 'state_investment_share',
    name: 'Tỷ trọng vốn nhà nước trong tổng vốn đầu tư',
    unit: '%',
    aliases: ['tỷ trọng vốn nhà nước'],
  },
];

/**
 * Aliases that are too broad on their own: they count only when the next words do not narrow the subject
 * ("tốc độ tăng trưởng 5 năm …" is the economy's; "tốc độ tăng trưởng ngành …" is not).
 * The value lists the words allowed to follow (lower case; match.ts compares both by tone key); a number may
 * always follow.
 */
export const GENERIC_ALIASES: Record<string, string[]> = {
  'tốc độ tăng trưởng': ['bình quân', 'giai đoạn', 'năm', 'cả', 'đạt', 'ước', 'duy trì', 'ở mức', 'trung bình', 'hằng năm', 'hàng năm', 'luôn'],
};

export const VOCAB_PREFIX = 'vocab:';

let cached: Indicator[] | undefined;

/** The vocabulary as indicators with no values (ids prefixed `vocab:`). */
export function vocabularyIndicators(): Indicator[] {
  return (cached ??= ENTRIES.map((e) => ({
    id: VOCAB_PREFIX + e.id,
    name: e.name,
    aliases: e.aliases,
    unit: e.unit,
    values: [],
    uri: '',
    line: 0,
  })));
}
