/**
 * The plan of a blank template: 创建/补全模板 on a workbook without sheets. The command line builds the
 * workbook of this plan once and keeps it (src/cli/template-cache.ts); --template and a ledger run without
 * an input workbook start from that file, so the plan is the template's one definition (template.ts).
 */
import type { RuleSet } from "../engine";
import type { WorkbookPort, WriteOp, WritePlan } from "./port";
import { templateAll } from "./template";

/** What templateAll writes into a workbook that has no sheets (rules and 办法名称 as templateAll takes them). */
export async function blankTemplatePlan(rules?: RuleSet, methodName?: string): Promise<WritePlan> {
  const plan: WriteOp[] = [];
  const empty: WorkbookPort = {
    sheetNames: async () => [],
    read: async () => new Map(),
    apply: async (ops) => {
      plan.push(...ops);
    },
  };
  await templateAll(empty, rules, methodName);
  return plan;
}
