import { REGISTRY_2021, type Registry } from "../registry";
import { APPROVAL_2021 } from "./approval-2021";
import { checkApprovalRules, checkHotlineRules } from "./check";
import { HOTLINE_2021 } from "./hotline-2021";
import type { ApprovalRuleSet, HotlineRuleSet } from "./types";

export type * from "./types";

/** One year's complete rule set: both methods and the registry of the units they name. */
export interface RuleSet {
  readonly year: number;
  readonly hotline: HotlineRuleSet;
  readonly approval: ApprovalRuleSet;
  readonly registry: Registry;
}

function load(hotline: HotlineRuleSet, approval: ApprovalRuleSet, registry: Registry): RuleSet {
  if (hotline.year !== approval.year) throw new Error(`rule set: hotline ${hotline.year} and approval ${approval.year} differ`);
  return { year: hotline.year, hotline: checkHotlineRules(hotline), approval: checkApprovalRules(approval, registry), registry };
}

/** Every rule set, checked at load. A new year is a new entry here with its own tables. */
export const RULE_SETS: ReadonlyMap<number, RuleSet> = new Map([[2021, load(HOTLINE_2021, APPROVAL_2021, REGISTRY_2021)]]);

export const currentYear = 2021;

export function ruleSet(year: number = currentYear): RuleSet {
  const rules = RULE_SETS.get(year);
  if (!rules) throw new Error(`No rule set for ${year}; known: ${[...RULE_SETS.keys()].join(", ")}`);
  return rules;
}
