/** The rule registry: every rule of the core, one file each. */
import type { Rule } from '../rule';
import figuresCanonicalMismatch from './figures-canonical-mismatch';
import figuresInconsistent from './figures-inconsistent';

export const allRules: Rule[] = [
  figuresCanonicalMismatch,
  figuresInconsistent,
];

const byId = new Map<string, Rule>();
export function ruleById(id: string): Rule | undefined {
  if (byId.size !== allRules.length) {
    byId.clear();
    for (const r of allRules) byId.set(r.id, r);
  }
  return byId.get(id);
}
