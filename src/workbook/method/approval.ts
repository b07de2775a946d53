/** 便民化考核办法 (spec G): one row per item → the engine's approval items (涉及部门 resolved by the registry). */
import type { ApprovalItem, Registry } from "../../engine";
import { MethodProblems, yesNo, type MethodTable } from "./cells";
import { ALL_DEPARTMENTS, APPROVAL_METHOD_LABEL as L } from "./labels";
import { MMSG } from "../messages";
import { splitNames } from "./units";

const ITEM = /^事项\s*(\d+)$/u;

export interface ApprovalMethod {
  readonly items: readonly ApprovalItem[];
  /** 依据 of the derived item, quoted for its parts. */
  readonly derivedClause?: string;
}

export function parseApprovalMethod(table: MethodTable, registry: Registry, problems: MethodProblems): ApprovalMethod {
  const sheet = table.sheet;
  const hasDerivedColumn = table.columns.has(L.derived);
  const departments = registry.approvalDepartments();
  const items: ApprovalItem[] = [];
  let derivedAt: string | undefined;
  let derivedClause: string | undefined;
  table.rows.forEach((row, i) => {
    const m = ITEM.exec(row.text(L.item));
    if (!m) return problems.error(sheet, row.at(L.item), MMSG.itemLabel(row.get(L.item)));
    const no = Number(m[1]);
    if (no !== i + 1) return problems.error(sheet, row.at(L.item), MMSG.itemOrder(row.get(L.item), i + 1));
    const name = row.written(L.content) || `事项${no}`;
    const clause = row.written(L.clause) || `${sheet} 事项${no}（${name}）`;
    const evidence = yesNo(row.get(L.evidence), false, row.where(L.evidence), sheet, row.at(L.evidence), problems);
    // Without the column, 2021's rule: 事项6 is the derived item.
    const derived = hasDerivedColumn ? yesNo(row.get(L.derived), false, row.where(L.derived), sheet, row.at(L.derived), problems) : no === 6;
    if (derived && derivedAt) problems.error(sheet, row.at(L.derived), MMSG.twoDerived(derivedAt));
    if (derived) {
      derivedAt = `${sheet}!${row.at(L.derived)}`;
      derivedClause = clause;
    }
    const names = splitNames(row.text(L.appliesTo));
    if (names.length === 0) return problems.error(sheet, row.at(L.appliesTo), MMSG.noDepartments());
    const appliesTo: string[] = [];
    for (const n of names) {
      if (n === ALL_DEPARTMENTS) appliesTo.push(...departments.map((d) => d.approvalName as string));
      else {
        const org = registry.resolve(n);
        if (!org || org.approvalName === undefined || !departments.includes(org)) problems.error(sheet, row.at(L.appliesTo), MMSG.unknownDepartment(n));
        else appliesTo.push(org.approvalName);
      }
    }
    items.push({ no, name, appliesTo: [...new Set(appliesTo)], status: derived ? "derived" : evidence ? "evidence" : "entered", clause });
  });
  return { items, derivedClause };
}
