/**
 * The aggregator's side of 工单研判: the ids the register names (orders and merge parents), the orders
 * caught as the ledger passes, and at the end the decisions resolved and applied to the counted buckets.
 */
import type { Organization, Registry } from "../engine/registry";
import { LedgerJudgment } from "./judgment-data";
import { resolveJudgment, type FoundOrder, type JudgmentScope } from "./judgment-resolve";
import { parseDecisions, type DecisionRegister, type JudgmentProblem, type ParsedDecision } from "./judgment-rows";
import type { OrderCounter } from "./order-counter";
import type { StoredOrder } from "./order-store";

export class JudgmentWatch {
  /** The ids the register names (orders and merge parents). */
  readonly ids = new Set<string>();
  private readonly found = new Map<string, FoundOrder>();
  private readonly decisions: readonly ParsedDecision[];
  private readonly rowProblems: readonly JudgmentProblem[];

  constructor(private readonly register: DecisionRegister, private readonly scope: JudgmentScope) {
    const { decisions, problems } = parseDecisions(register);
    this.decisions = decisions;
    this.rowProblems = problems;
    for (const d of decisions) {
      if (d.id !== "") this.ids.add(d.id);
      if (d.parent) this.ids.add(d.parent);
    }
  }

  /** A counted order the register names (the first row holding the id: later ones are duplicates). */
  counted(id: string, unit: number, order: StoredOrder): void {
    if (!this.found.has(id)) this.found.set(id, { unit, order });
  }

  /** A ledger row with a problem that kept it out of the counts. */
  uncounted(id: string, row: number): void {
    if (!this.found.has(id)) this.found.set(id, { uncountedRow: row });
  }

  finish(units: readonly Organization[], registry: Registry, counter: OrderCounter): LedgerJudgment {
    const classes = counter.classes;
    const outcome = resolveJudgment(this.decisions, this.rowProblems, {
      found: this.found, units, registry, scope: this.scope, appealDays: this.register.appealDays, classes, columns: this.register.columns,
    });
    const judgment = new LedgerJudgment(outcome, units.length, classes, this.register.columns["工单编号"]);
    judgment.apply((month, index, delta) => counter.adjust(month, index, delta));
    return judgment;
  }
}
