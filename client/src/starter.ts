/**
 * The starter files written by "draftlint: Create configuration" (pure: no vscode import, unit-tested).
 * Kept short: a config naming one data file, and a data file with two example rows.
 */
export const STARTER_DATA_PATH = 'data/indicators.csv';

export function starterConfig(language: 'vi' | 'en'): string {
  const config = {
    indicators: [STARTER_DATA_PATH],
    template: 'vn-provincial-political-report',
    include: ['**/*.md', '**/*.txt'],
    exclude: [],
    rules: {},
    language,
  };
  return JSON.stringify(config, null, 2) + '\n';
}

export function starterIndicators(): string {
  return [
    'id,name,aliases,unit,period,kind,value,bound,source',
    'grdp_growth,Tốc độ tăng trưởng GRDP,tăng trưởng kinh tế,%/năm,2026-2030,target,10,,Ví dụ: thay bằng số liệu chính thức',
    'grdp_per_capita,GRDP bình quân đầu người,thu nhập bình quân đầu người,USD,2030,target,10000,above,Ví dụ: thay bằng số liệu chính thức',
    '',
  ].join('\n');
}
