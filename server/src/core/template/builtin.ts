/**
 * Built-in structure templates and their automatic selection from a document's first lines.
 *
 * `vn-provincial-political-report`: the political report of a provincial party congress (two parts; part one
 * I–III, part two I–VI; targets (1)…(n) numbered continuously across the groups 2.1–2.4 of "Mục tiêu").
 * The top two levels are required; the deeper sections are guidance (optional; other sections are fine there).
 * Titles are short key phrases: they are matched leniently against the document's headings.
 *
 * Pure: no fs, no process, no vscode.
 */
import type { TextView } from '../text';
import type { MarkerKind, OutlineNode } from '../types';
import { quickFold } from './apply';
import type { SectionDef, TemplateDef } from './schema';

type Spec = [number: string, title: string, children?: Spec[]];

function build(kind: MarkerKind, specs: Spec[], parentId: string, required: boolean): SectionDef[] {
  return specs.map(([number, title, children]) => {
    const id = `${parentId}/${number}`;
    const s: SectionDef = { id, kind, number, title, required };
    if (children) s.children = build('decimal', children, id, false);
    return s;
  });
}

function roman(parentId: string, specs: Spec[]): SectionDef[] {
  return specs.map(([number, title, children]) => {
    const id = `${parentId}/${number}`;
    const s: SectionDef = { id, kind: 'roman', number, title, required: true };
    if (children) s.children = build('decimal', children, id, false);
    return s;
  });
}

const partOne: SectionDef = {
  id: 'p1',
  kind: 'part',
  number: '1',
  title: 'Kết quả thực hiện Nghị quyết Đại hội',
  required: true,
  period: '2021-2025',
  children: roman('p1', [
    [
      'I',
      'Kết quả đạt được',
      [
        [
          '1',
          'Xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
          [
            ['1.1', 'Xây dựng Đảng về chính trị'],
            ['1.2', 'Xây dựng Đảng về tư tưởng'],
            ['1.3', 'Xây dựng Đảng về đạo đức'],
            ['1.4', 'Tổ chức bộ máy của hệ thống chính trị'],
            ['1.5', 'Tổ chức cơ sở đảng, đội ngũ đảng viên'],
            ['1.6', 'Đội ngũ cán bộ, bảo vệ chính trị nội bộ'],
            ['1.7', 'Kiểm tra, giám sát'],
            ['1.8', 'Dân chủ, khối đại đoàn kết, Mặt trận Tổ quốc'],
            ['1.9', 'Phòng, chống tham nhũng, lãng phí, tiêu cực'],
            ['1.10', 'Phương thức lãnh đạo, chính quyền các cấp'],
          ],
        ],
        [
          '2',
          'Kinh tế tăng trưởng, khoa học công nghệ, môi trường',
          [
            [
              '2.1',
              'Kinh tế tăng trưởng cao và ổn định',
              [
                ['2.1.1', 'Công nghiệp'],
                ['2.1.2', 'Dịch vụ, du lịch'],
                ['2.1.3', 'Nông nghiệp, nông thôn'],
                ['2.1.4', 'Kinh tế biển'],
                ['2.1.5', 'Thu, chi ngân sách nhà nước'],
              ],
            ],
            ['2.2', 'Huy động nguồn lực, kết cấu hạ tầng'],
            ['2.3', 'Cải cách hành chính, môi trường đầu tư, kinh doanh'],
            ['2.4', 'Nguồn nhân lực, giáo dục - đào tạo, khoa học - công nghệ'],
            ['2.5', 'Quản lý nhà nước, đất đai, tài nguyên, môi trường'],
          ],
        ],
        ['3', 'Văn hóa, xã hội, con người'],
        [
          '4',
          'Quốc phòng, an ninh, đối ngoại',
          [
            ['4.1', 'Quốc phòng, an ninh'],
            ['4.2', 'Đối ngoại'],
          ],
        ],
        ['5', 'Nguyên nhân của những kết quả đạt được'],
      ],
    ],
    [
      'II',
      'Hạn chế, yếu kém',
      [
        ['1', 'Xây dựng Đảng và hệ thống chính trị'],
        ['2', 'Phát triển kinh tế, khoa học công nghệ, môi trường'],
        ['3', 'Phát triển văn hóa, xã hội, con người'],
        [
          '4',
          'Nguyên nhân của các hạn chế, yếu kém',
          [
            ['4.1', 'Nguyên nhân khách quan'],
            ['4.2', 'Nguyên nhân chủ quan'],
          ],
        ],
      ],
    ],
    [
      'III',
      'Đánh giá chung kết quả 5 năm, thành tựu 40 năm đổi mới',
      [
        ['1', 'Kết quả 5 năm thực hiện Nghị quyết Đại hội'],
        ['2', 'Bài học kinh nghiệm'],
        ['3', 'Khái quát thành tựu 40 năm đổi mới'],
      ],
    ],
  ]),
};

const targets: SectionDef = {
  id: 'p2/III/2',
  kind: 'decimal',
  number: '2',
  title: 'Một số chỉ tiêu chủ yếu đến năm 2030',
  required: false,
  continuous: true,
  children: build(
    'decimal',
    [
      ['2.1', 'Về xây dựng Đảng'],
      ['2.2', 'Về kinh tế'],
      ['2.3', 'Về xã hội'],
      ['2.4', 'Về môi trường'],
    ],
    'p2/III/2',
    false,
  ),
};

const partTwo: SectionDef = {
  id: 'p2',
  kind: 'part',
  number: '2',
  title: 'Quan điểm, mục tiêu, nhiệm vụ và giải pháp',
  required: true,
  period: '2026-2030',
  children: [
    ...roman('p2', [
      ['I', 'Bối cảnh, tình hình'],
      ['II', 'Quan điểm phát triển'],
    ]),
    {
      id: 'p2/III',
      kind: 'roman',
      number: 'III',
      title: 'Mục tiêu',
      required: true,
      children: [{ id: 'p2/III/1', kind: 'decimal', number: '1', title: 'Mục tiêu tổng quát', required: false }, targets],
    },
    ...roman('p2', [
      ['IV', 'Nhiệm vụ trọng tâm'],
      ['V', 'Các khâu đột phá'],
      [
        'VI',
        'Các giải pháp chủ yếu',
        [
          [
            '1',
            'Xây dựng, chỉnh đốn Đảng, chính quyền, dân chủ',
            [
              ['1.1', 'Xây dựng, chỉnh đốn Đảng'],
              ['1.2', 'Xây dựng chính quyền, nền tư pháp'],
              ['1.3', 'Dân chủ, khối đại đoàn kết, Mặt trận Tổ quốc'],
            ],
          ],
          [
            '2',
            'Mô hình tăng trưởng, khoa học - công nghệ',
            [
              ['2.1', 'Phát triển kinh tế nhanh, bền vững'],
              ['2.2', 'Thu hút đầu tư, kết cấu hạ tầng'],
              ['2.3', 'Cải cách hành chính, môi trường đầu tư'],
              ['2.4', 'Chất lượng nguồn nhân lực, giáo dục - đào tạo'],
              ['2.5', 'Đất đai, tài nguyên, bảo vệ môi trường'],
            ],
          ],
          ['3', 'Văn hóa, con người, an sinh xã hội'],
          ['4', 'Quốc phòng, an ninh, đối ngoại'],
        ],
      ],
    ]),
  ],
};

export const builtinTemplates: Record<string, TemplateDef> = {
  'vn-provincial-political-report': {
    name: 'vn-provincial-political-report',
    title: ['báo cáo chính trị', 'đại hội'],
    sections: [partOne, partTwo],
  },
};

/** How many of the first lines are searched for a template's title phrases. */
export const TITLE_LINES = 15;

/**
 * The template a document asks for by its title: the first template (built-in ones, or `templates`) whose
 * title phrases all appear in the document's first lines (folded). Documents without any heading get none.
 */
export function selectTemplate(
  view: TextView,
  roots: OutlineNode[],
  templates: Record<string, TemplateDef> = builtinTemplates,
): string | null {
  if (roots.length === 0) return null;
  const lines: string[] = [];
  for (let i = 0; i < view.lineCount && i < TITLE_LINES; i++) lines.push(view.nfcLine(i).text.slice(0, 400));
  const head = quickFold(lines.join(' '));
  for (const [name, def] of Object.entries(templates)) {
    const phrases = def.title ?? [];
    if (phrases.length && phrases.every((p) => head.includes(quickFold(p)))) return name;
  }
  return null;
}
