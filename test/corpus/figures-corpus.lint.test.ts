/**
 * The figures/ rules and the matcher on the real draft (../shared/corpus; skipped when absent).
 * The expected citation list below was reviewed by reading the draft: each (line, indicator, period) is what a
 * careful reviewer reads there.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lint, IndicatorSet, parseIndicatorFile } from '../../server/src/core/index';
import type { LintResult } from '../../server/src/core/index';

const repo = resolve(__dirname, '..', '..');
const corpusPath = resolve(repo, '..', 'shared', 'corpus', 'du-thao-bao-cao-chinh-tri-quang-ninh-2025.txt');
const have = existsSync(corpusPath);
const text = have ? readFileSync(corpusPath, 'utf8') : '';
const csvPath = resolve(repo, 'examples', 'quang-ninh', 'indicators.csv');
const data = IndicatorSet.from(parseIndicatorFile(readFileSync(csvPath, 'utf8'), csvPath).indicators);

function line(r: LintResult, origOffset: number): number {
  return r.view.positionAt(origOffset).line + 1;
}

const REVIEWED: [number, string, string][] = [
  [20, 'public_trust', '2020'], [20, 'public_trust', '2024'],
  [33, 'grdp_growth', '2021-2025'], [33, 'grdp_size', '2025'], [33, 'industry_services_share', '2020'],
  [33, 'industry_services_share', '2025'], [33, 'grdp_per_capita', '2025'], [33, 'budget_revenue', '2021-2025'],
  [33, 'labour_productivity', '2025'], [33, 'tfp_contribution', '2025'],
  [34, 'manufacturing_growth', '2021-2025'], [34, 'fdi_total', '2021-2025'], [34, 'coal_output', '2021-2025'],
  [34, 'mining_growth', '2021-2025'], [34, 'electricity_output', '2021-2025'],
  [35, 'tourism_share', '2024'], [35, 'retail_growth', '2021-2025'], [35, 'exports', '2021-2025'],
  [35, 'passenger_transport_growth', '2021-2025'], [35, 'freight_transport_growth', '2021-2025'],
  [35, 'transport_revenue_growth', '2021-2025'], [35, 'credit_growth', '2021-2025'], [35, 'bad_debt', '2025'],
  [36, 'agriculture_growth', '2021-2025'], [36, 'aquaculture_output', '2021-2025'],
  [36, 'large_timber_forest', '2021-2025'], [36, 'forest_cover', '2025'], [36, 'fsc_forest', '2025'],
  [37, 'seaport_revenue', '2025'], [37, 'port_cargo', '2021-2025'], [37, 'sea_passengers', '2021-2025'],
  [38, 'total_investment', '2021-2025'], [38, 'state_investment_share', '2020'], [38, 'state_investment_share', '2025'],
  [41, 'industrial_occupancy', '2025'], [41, 'urbanisation', '2025'], [41, 'rural_hygienic_water', '2025'],
  [42, 'solid_classrooms', '2025'], [44, 'on_time_records_province', '2025'],
  [47, 'trained_labour', '2025'], [47, 'certified_labour', '2025'], [48, 'standard_schools', '2024'],
  [55, 'social_security_spending', '2021-2025'],
  [82, 'grdp_growth', '2021-2025'], [82, 'grdp_per_capita', '2025'], [86, 'grdp_per_capita', '2025'],
  [106, 'party_org_rating', '2026-2030'], [107, 'party_member_rating', '2026-2030'], [108, 'new_party_members', '2026-2030'],
  [110, 'grdp_growth', '2026-2030'], [111, 'grdp_per_capita', '2030'], [112, 'digital_economy_share', '2030'],
  [113, 'tfp_contribution', '2030'], [115, 'private_sector_share', '2030'], [116, 'industry_construction_share', '2030'],
  [116, 'services_tax_share', '2030'], [116, 'agriculture_share', '2030'], [117, 'total_investment_growth', '2026-2030'],
  [118, 'labour_productivity_growth', '2026-2030'], [119, 'urbanisation', '2030'], [121, 'trained_labour', '2030'],
  [121, 'certified_labour', '2030'], [122, 'unemployment', '2030'], [123, 'health_insurance', '2030'],
  [125, 'standard_schools', '2030'], [127, 'advanced_ntm_communes', '2030'], [127, 'model_ntm_communes', '2030'],
  [129, 'urban_clean_water', '2030'], [129, 'rural_clean_water', '2030'], [130, 'urban_waste_treatment', '2030'],
  [130, 'new_urban_wastewater', '2030'], [132, 'forest_cover', '2030'],
  [172, 'digital_economy_share', '2030'], [172, 'tfp_contribution', '2030'],
];

describe('figures on the real draft', { skip: !have && 'no ../shared/corpus' }, () => {
  test('without data: only the GRDP growth inconsistency (10,4 vs khoảng 10)', () => {
    const r = lint(text, {});
    const figs = r.findings.filter((f) => f.rule.startsWith('figures/'));
    assert.deepEqual(figs.map((f) => [f.rule, line(r, f.start)]), [['figures/inconsistent', 82]]);
    assert.equal(text.slice(figs[0].start, figs[0].end), 'khoảng 10%/năm');
    assert.equal(line(r, figs[0].related![0].start), 33);
    assert.equal(text.slice(figs[0].related![0].start, figs[0].related![0].end), '10,4%/năm');
  });

  test('with the example data: "khoảng 10%/năm" is flagged against 10,4 with its source, and nothing else', () => {
    const r = lint(text, { data });
    const figs = r.findings.filter((f) => f.rule.startsWith('figures/'));
    assert.deepEqual(figs.map((f) => [f.rule, line(r, f.start), f.severity]), [['figures/canonical-mismatch', 82, 'warning']]);
    const f = figs[0];
    assert.equal(text.slice(f.start, f.end), 'khoảng 10%/năm');
    assert.match(f.message.vi, /10,4%\/năm/);
    assert.match(f.message.vi, /nguồn: Dự thảo BCCT/);
    assert.deepEqual(
      { indicator: f.data?.indicator, period: f.data?.period, canonical: f.data?.canonical },
      { indicator: 'grdp_growth', period: '2021-2025', canonical: '10,4%/năm' },
    );
    assert.equal(f.fixes?.[0].edits[0].newText, '10,4%/năm');
  });

  test('every figure attaches to the reviewed indicator and period, and no other figure attaches', () => {
    const r = lint(text, { data });
    const got = r.citations.map((c) => [r.view.nfcLineOf(c.figure.start) + 1, c.indicator.id, c.periodText]);
    assert.deepEqual(got, REVIEWED);
  });

  test('changing any cited figure of a covered indicator anywhere is caught', () => {
    const base = lint(text, { data });
    const covered = base.citations.filter((c) => c.value && c.fromData);
    assert.ok(covered.length >= 60, `covered citations: ${covered.length}`);
    let caught = 0;
    for (const c of covered) {
      const s = base.view.toOriginal(c.figure.numStart);
      const e = base.view.toOriginal(c.figure.numEnd);
      const num = text.slice(s, e);
      // bump the first digit (10,4 → 20,4; 9,77 → 1,77), or the last one of a range (3-3,5 → 3-3,6)
      const i = c.figure.lo !== c.figure.hi ? num.length - 1 - [...num].reverse().findIndex((ch) => /\d/.test(ch)) : num.search(/\d/);
      const d = Number(num[i]);
      const isRange = c.figure.lo !== c.figure.hi;
      const changed = num.slice(0, i) + String(d === 9 ? (isRange ? 8 : 1) : d + 1) + num.slice(i + 1);
      const mutated = text.slice(0, s) + changed + text.slice(e);
      const r = lint(mutated, { data });
      const hit = r.findings.find((f) => f.rule === 'figures/canonical-mismatch' && f.start <= s && f.end >= s + changed.length);
      assert.ok(hit, `line ${line(base, s)}: ${c.indicator.id} "${num}" → "${changed}" was not caught`);
      assert.equal(hit.severity, 'error', `line ${line(base, s)}: ${c.indicator.id} "${num}" → "${changed}" is only a ${hit.severity}`);
      caught++;
    }
    assert.equal(caught, covered.length);
  });

  test('ranges are exact on a decomposed (NFD), CRLF copy of the draft', () => {
    const nfc = lint(text, { data });
    const nfdText = text.normalize('NFD').replace(/\r?\n/g, '\r\n');
    const r = lint(nfdText, { data });
    assert.equal(r.findings.length, nfc.findings.length);
    r.findings.forEach((f, i) => {
      const g = nfc.findings[i];
      assert.equal(f.rule, g.rule);
      assert.equal(nfdText.slice(f.start, f.end).normalize('NFC'), text.slice(g.start, g.end).normalize('NFC'));
      assert.equal(r.view.positionAt(f.start).line, nfc.view.positionAt(g.start).line);
    });
  });
});
