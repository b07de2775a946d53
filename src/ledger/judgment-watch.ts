/**
 * The aggregator's side of 工单研判: the ids the register names (orders and merge parents), the orders
 * caught as the ledger passes, and at the end the decisions resolved and applied to the counted buckets.
 */
import type { Organization, Registry } from "../engine/registry";
import { LedgerJudgment } from "./judgment-data";
import { resolveJudgment, type FoundOrder, type JudgmentScope } from "./judgment-resolve";
import { decisionIds, parseDecisions, type DecisionRegister } from "./judgment-rows";
import type { OrderCounter } from "./order-counter";
import type { StoredOrder } from "./order-store";

export class JudgmentWatch {
  /** The ids the register names (orders and merge parents). */
  readonly ids: ReadonlySet<string>;
  private readonly found = new Map<string, FoundOrder>();

  constructor(private readonly register: DecisionRegister, private readonly scope: JudgmentScope) {
    this.ids = decisionIds(register);
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
    const { decisions, problems } = parseDecisions(this.register);
    const outcome = resolveJudgment(decisions, problems, {
      found: this.found, units, registry, scope: this.scope, appealDays: this.register.appealDays, classes, columns: this.register.columns,
    });
    const judgment = new LedgerJudgment(outcome, units.length, classes, this.register.columns["工单编号"]);
    judgment.apply((month, index, delta) => counter.adjust(month, index, delta));
    return judgment;
  }
}
