/** The rule registry: every rule of the core, one file each. */
import type { Rule } from '../rule';
import figuresCanonicalMismatch from './figures-canonical-mismatch';
import figuresInconsistent from './figures-inconsistent';
import structureMissingSection from './structure-missing-section';
import structureUnexpectedSection from './structure-unexpected-section';
import structureSectionOrder from './structure-section-order';
import structureNumbering from './structure-numbering';
import structureNumberingStyle from './structure-numbering-style';
import structureHeadingCase from './structure-heading-case';
import formatArtifact from './format-artifact';
import formatQuotes from './format-quotes';
import arithmeticPartsTotal from './arithmetic-parts-total';
import arithmeticSharesTotal from './arithmetic-shares-total';
import arithmeticShareOfTotal from './arithmetic-share-of-total';
import arithmeticGrowthMultiplier from './arithmetic-growth-multiplier';
import countEnumeration from './count-enumeration';
import citationConflictingDate from './citation-conflicting-date';
import citationInvalidDate from './citation-invalid-date';
import citationMalformedNumber from './citation-malformed-number';
import citationUnknownDocument from './citation-unknown-document';
import termsVariant from './terms-variant';
import unitsPercentagePoints from './units-percentage-points';
import unitsRateUnitChanged from './units-rate-unit-changed';

export const allRules: Rule[] = [
  figuresCanonicalMismatch,
  figuresInconsistent,
  structureMissingSection,
  structureUnexpectedSection,
  structureSectionOrder,
  structureNumbering,
  structureNumberingStyle,
  structureHeadingCase,
  formatArtifact,
  formatQuotes,
  arithmeticPartsTotal,
  arithmeticSharesTotal,
  arithmeticShareOfTotal,
  arithmeticGrowthMultiplier,
  countEnumeration,
  citationConflictingDate,
  citationInvalidDate,
  citationMalformedNumber,
  citationUnknownDocument,
  termsVariant,
  unitsPercentagePoints,
  unitsRateUnitChanged,
];

const byId = new Map<string, Rule>();
export function ruleById(id: string): Rule | undefined {
  if (byId.size !== allRules.length) {
    byId.clear();
    for (const r of allRules) byId.set(r.id, r);
  }
  return byId.get(id);
}
