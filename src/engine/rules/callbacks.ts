import type { CallbackRule } from "./types";

/** 回访结果 words (spec F) as the platform writes them. */
const SATISFIED = "满意";
const BASIC = "基本满意";
const UNSATISFIED = "不满意";
const NOT_VALID = ["未回访", "拒访", "无法联系"] as const;

/**
 * The callback rule of a method: 满意 and 不满意 are valid callbacks, refusals and unreachable callers are
 * not; 基本满意 counts as satisfied when the method says so (参数 基本满意计为满意, spec A default 是).
 */
export function callbackRule(basicCountsAsSatisfied: boolean, clause: string): CallbackRule {
  return basicCountsAsSatisfied
    ? { satisfied: [SATISFIED, BASIC], unsatisfied: [UNSATISFIED], notValid: NOT_VALID, clause }
    : { satisfied: [SATISFIED], unsatisfied: [BASIC, UNSATISFIED], notValid: NOT_VALID, clause };
}

export type CallbackClass = "satisfied" | "unsatisfied" | "notValid";

/** How a 回访结果 word counts under the rule; undefined for a word the rule does not name. */
export function callbackClass(rule: CallbackRule, word: string): CallbackClass | undefined {
  if (rule.satisfied.includes(word)) return "satisfied";
  if (rule.unsatisfied.includes(word)) return "unsatisfied";
  if (rule.notValid.includes(word)) return "notValid";
  return undefined;
}

/** Whether 基本满意 counts as satisfied under the rule (for writing the rule back to 参数). */
export function basicCountsAsSatisfied(rule: CallbackRule): boolean {
  return rule.satisfied.includes(BASIC);
}
