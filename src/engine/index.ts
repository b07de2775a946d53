/** The scoring engine: pure functions on plain values, no Office or DOM types. */
export * from "./types";
export * from "./values";
export * from "./numbers";
export * from "./hotline";
export * from "./approval";
export * from "./explain";
export { MSG, show } from "./messages";
export { REGISTRY_2021, Registry, normalizeName, type Organization, type OrganizationRow } from "./registry";
export { ruleSet, currentYear, RULE_SETS, type RuleSet } from "./rules";
export type * from "./rules/types";
export { RATE_KINDS, rateKind, type RateKind } from "./rules/rates";
export { basicCountsAsSatisfied, callbackClass, callbackRule, type CallbackClass } from "./rules/callbacks";
