/** Lists the unreadable cells (formula without a result, error value) among the cells a reader uses. */
import type { Findings } from "../findings";
import { WMSG } from "../messages";
import type { TableRow } from "../tables";

/** True when any of `labels` in `row` cannot be read; each such cell is a 校验 error (about `unit` when known). */
export function rowIssues(row: TableRow, labels: readonly string[], findings: Findings, unit?: string): boolean {
  let bad = false;
  for (const label of labels) {
    const issue = row.issue(label);
    if (!issue) continue;
    bad = true;
    const text = issue.kind === "uncalculated" ? WMSG.uncalculated(label) : WMSG.errorValue(label, issue.code);
    findings.add({
      severity: "error", code: issue.kind === "uncalculated" ? "uncalculated" : "errorValue", ...row.at(label), field: label,
      value: issue.kind === "error" ? issue.code : null, unit, message: unit ? `${unit}：${text}` : text,
    });
  }
  return bad;
}
