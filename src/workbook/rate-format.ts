/**
 * The percent format of a rate cell: as many decimals as the engine shows in the explanation, so the cell
 * never shows the rate in another band than the one it was scored in.
 */
import { bandDecimals, rateRule, type HotlineRuleSet, type RateRuleId } from "../engine";
import { FORMAT } from "./contract";

export function percentFormat(rules: HotlineRuleSet, id: RateRuleId, rate: number): string {
  const decimals = bandDecimals(rateRule(rules, id), rate, rules.comparison);
  return decimals === 2 ? FORMAT.percent : `0.${"0".repeat(decimals)}%`;
}
