/**
 * `draftlint init`: writes a starter draftlint.json (the core's starterConfig, pointing at data/indicators.csv)
 * and a short example data file in the cwd. Refuses to overwrite either file unless --force.
 */
import fs = require('node:fs');
import path = require('node:path');
import { starterConfig, type Language } from '../core/index';
import { CONFIG_NAME } from './project';

export const STARTER_DATA_PATH = 'data/indicators.csv';

/** The example canonical data: a few rows in the CONTRACTS format (header, ranges, bounds, kinds). */
export function starterIndicators(): string {
  return [
    'id,name,aliases,unit,period,kind,value,bound,source',
    'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2021-2025,estimate,10.4,,Báo cáo chính trị',
    'grdp_growth,Tốc độ tăng trưởng GRDP,tốc độ tăng trưởng kinh tế|tăng trưởng kinh tế,%/năm,2026-2030,target,12,,Chỉ tiêu (4)',
    'grdp_per_capita,GRDP bình quân đầu người,,USD,2025,estimate,11000,above,Ví dụ: thay bằng số liệu chính thức',
    'labour_productivity_growth,Tăng năng suất lao động,năng suất lao động,%/năm,2026-2030,target,8..8.5,,Chỉ tiêu (12)',
    '',
  ].join('\n');
}

/** The text of the starter draftlint.json. */
export function starterConfigJson(language: Language): string {
  const c = starterConfig() as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...c, indicators: [STARTER_DATA_PATH], language };
  // empty maps are noise in a starter file
  for (const k of Object.keys(out)) {
    const v = out[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0 && k !== 'rules') delete out[k];
  }
  return JSON.stringify(out, null, 2) + '\n';
}

export interface InitResult {
  code: 0 | 2;
  messages: string[];
}

export function runInit(cwd: string, force: boolean, language: Language): InitResult {
  const files = [
    { rel: CONFIG_NAME, text: starterConfigJson(language) },
    { rel: STARTER_DATA_PATH, text: starterIndicators() },
  ];
  const existing = files.filter((f) => fs.existsSync(path.join(cwd, f.rel)));
  if (existing.length && !force) {
    return {
      code: 2,
      messages: existing.map((f) =>
        language === 'en'
          ? `${f.rel} already exists; not overwriting it (use --force to replace it)`
          : `${f.rel} đã có; không ghi đè (dùng --force để thay)`,
      ),
    };
  }
  const messages: string[] = [];
  for (const f of files) {
    const abs = path.join(cwd, f.rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, f.text);
    messages.push(language === 'en' ? `wrote ${f.rel}` : `đã ghi ${f.rel}`);
  }
  return { code: 0, messages };
}
