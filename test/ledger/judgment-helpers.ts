import { DECISION_COLUMNS, aggregateLedger, arrayRows, type DecisionColumn, type DecisionRegister, type JudgmentScope, type LedgerCell, type LedgerData } from "../../src/ledger";
import { HEADER } from "./helpers";
import { ruleSet } from "../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

/** A register row given by column label (others blank). */
export type Decision = Partial<Record<DecisionColumn, LedgerCell>>;

/** The register with its header in DECISION_COLUMNS order on sheet row 2 (row 1 is the title), rows from row 3. */
export function register(decisions: readonly Decision[], appealDays?: number): DecisionRegister {
  const columns = Object.fromEntries(DECISION_COLUMNS.map((c, i) => [c, i])) as Record<DecisionColumn, number>;
  return {
    columns,
    rows: decisions.map((d, i) => ({ row: i + 3, cells: DECISION_COLUMNS.map((c) => d[c] ?? null) })),
    ...(appealDays === undefined ? {} : { appealDays }),
  };
}

export async function importJudged(rows: LedgerCell[][], decisions: readonly Decision[], scope: JudgmentScope = "year", appealDays?: number): Promise<LedgerData> {
  const result = await aggregateLedger(arrayRows([HEADER, ...rows]), { rules: LEDGER_RULES, judgment: { register: register(decisions, appealDays), scope } });
  if (result.status !== "ok") throw new Error(result.message);
  return result.data;
}
