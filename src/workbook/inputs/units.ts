/** 承办单位: the units to score, in their order, with their types (editable; blank → the registry's type). */
import { MSG, parseUnitType, problem, type Organization, type Registry, type RuleSet, type UnitType } from "../../engine";
import { qualified } from "../address";
import { LABEL, SHEET, sheetSpec } from "../contract";
import type { Findings } from "../findings";
import { WMSG } from "../messages";
import { rowIssues } from "./row-issues";
import { rowUnit } from "./unit-name";
import { dataRows, openTable, type Snapshots } from "../tables";

export interface UnitEntry {
  /** 0-based row in 承办单位; undefined when the list comes from the registry (no readable 承办单位). */
  readonly row?: number;
  /** A1 address of the name cell in 承办单位. */
  readonly cell?: string;
  /** The name as written (the official name when from the registry). */
  readonly written: string;
  /** Undefined when the name is unknown. */
  readonly org?: Organization;
  /** Undefined when the type is not valid. */
  readonly type?: UnitType;
}

export interface UnitsRead {
  readonly units: readonly UnitEntry[];
  /** 承办单位 cannot be read: every unit is marked. */
  readonly blocked: boolean;
}

function fromRegistry(registry: Registry): UnitEntry[] {
  return registry.hotlineUnits().map((org) => ({ written: org.name, org, type: org.type }));
}

/** The units of 承办单位, else every hotline unit of the method in force (`rules`). */
export function readUnits(snapshots: Snapshots, rules: RuleSet, findings: Findings, errors: Set<Organization>): UnitsRead {
  const registry = rules.registry;
  const sheet = SHEET.units;
  const exists = snapshots.has(sheet);
  const table = openTable(snapshots, sheetSpec(sheet), findings, { missing: { severity: "warning", consequence: WMSG.missingUnitsSheet(rules.hotline.title) } });
  if (!table) return { units: fromRegistry(registry), blocked: exists };
  const units: UnitEntry[] = [];
  const first = new Map<Organization, string>();
  for (const row of dataRows(table)) {
    const named = rowUnit(row, registry, findings, sheet);
    if (!named) continue;
    const { raw, at, written, org } = named;
    if (!org) {
      units.push({ row: row.row, cell: at.cell, written });
      continue;
    }
    const firstAt = first.get(org);
    if (firstAt) {
      findings.problem(problem("duplicateUnit", "value", MSG.duplicateUnit(LABEL.name, raw, firstAt), LABEL.name, raw, at), sheet, org.name);
      errors.add(org);
    } else first.set(org, qualified(sheet, at.cell));
    if (!org.hotline) {
      findings.add({ severity: "warning", code: "notHotlineUnit", ...at, field: LABEL.name, value: raw, unit: org.name, message: WMSG.notHotlineUnit(written) });
    }
    let type: UnitType | undefined = org.type;
    if (rowIssues(row, [LABEL.type], findings, org.name)) {
      errors.add(org);
      type = undefined;
    } else if (row.has(LABEL.type)) {
      const rawType = row.get(LABEL.type);
      const typeAt = row.at(LABEL.type);
      if (rawType === null || String(rawType).trim() === "") {
        findings.add({
          severity: "warning", code: "typeBlank", ...typeAt, field: LABEL.type, value: rawType, unit: org.name,
          message: `${org.name}：${WMSG.typeBlank(org.type)}`,
        });
      } else {
        const parsed = parseUnitType(rawType, LABEL.type, typeAt);
        if (parsed.ok) type = parsed.value;
        else {
          findings.problem(parsed.problem, sheet, org.name);
          errors.add(org);
          type = undefined;
        }
      }
    }
    units.push({ row: row.row, cell: at.cell, written, org, type });
  }
  return { units, blocked: false };
}
