import { MSG, problem, type Organization, type Registry } from "../../engine";
import { LABEL } from "../contract";
import type { Findings } from "../findings";
import { WMSG } from "../messages";
import type { TableRow } from "../tables";
import { rowIssues } from "./row-issues";

export interface NamedRow {
  /** The 单位名称 cell as typed, and where it is. */
  readonly raw: unknown;
  readonly at: ReturnType<TableRow["at"]>;
  /** The name trimmed. */
  readonly written: string;
  /** The unit the name denotes; undefined when unknown (already reported). */
  readonly org: Organization | undefined;
}

/**
 * The unit a row's 单位名称 names. A blank, unreadable (formula without a result, error value) or unknown name
 * is reported here; blank and unreadable give undefined.
 */
export function rowUnit(row: TableRow, registry: Registry, findings: Findings, sheet: string): NamedRow | undefined {
  if (rowIssues(row, [LABEL.name], findings)) return undefined;
  const raw = row.get(LABEL.name);
  const at = row.at(LABEL.name);
  if (raw === null || String(raw).trim() === "") {
    findings.add({ severity: "error", code: "nameBlank", ...at, field: LABEL.name, value: raw, message: WMSG.rowNameBlank(LABEL.name) });
    return undefined;
  }
  const written = String(raw).trim();
  const org = registry.resolve(written);
  if (!org) findings.problem(problem("unknownUnit", "na", MSG.unitUnknown(LABEL.name, raw), LABEL.name, raw, at), sheet);
  return { raw, at, written, org };
}
