import type { Registry } from "../engine/registry";
import type { CallbackRule } from "../engine/rules/types";

/**
 * What the ledger counts by, from the method in force (an engine RuleSet fits): the units it names, which
 * 回访结果 are valid and satisfied, and its title, which messages about its unit list name.
 */
export interface LedgerRules {
  readonly registry: Registry;
  readonly hotline: { readonly title: string; readonly callbacks: CallbackRule };
}
