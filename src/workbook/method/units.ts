/**
 * The unit list of a year (spec G): 承办单位 with its 单位类别 and 别名, and the departments of 便民化考核.
 * Built-in spellings (spec C) stay accepted for the units they name; 别名 adds the office's own.
 */
import { Registry, isBlank, normalizeName, parseUnitType, type OrganizationRow, type UnitType } from "../../engine";
import { LABEL, SHEET } from "../contract";
import type { SheetSnapshot } from "../port";
import { MethodProblems, methodTable } from "./cells";
import { ALIAS_LABEL } from "./labels";
import { MMSG } from "../messages";

/** Names in one cell, separated by 、 ， or , (full- or half-width). */
export function splitNames(text: string): string[] {
  return text.normalize("NFKC").split(/[、,，;；]/u).map((s) => s.trim()).filter((s) => s !== "");
}

interface Draft {
  name: string;
  type: UnitType;
  hotline: boolean;
  approvalName?: string;
  /** Spellings from a 别名 cell (as written): the template writes them back; built-in ones are always known. */
  officeAliases: string[];
}

/** Every spelling claimed so far, by the unit (draft) it names: a spelling names one unit only. */
class Claims {
  readonly drafts: Draft[] = [];
  readonly owner = new Map<string, { draft: Draft; at: string }>();

  constructor(private readonly problems: MethodProblems) {}

  claim(draft: Draft, spelling: string, sheet: string, cell: string): boolean {
    const key = normalizeName(spelling);
    const taken = this.owner.get(key);
    if (taken && taken.draft !== draft) {
      this.problems.error(sheet, cell, MMSG.aliasTaken(spelling, taken.draft.name));
      return false;
    }
    this.owner.set(key, { draft, at: `${sheet}!${cell}` });
    return true;
  }

  draftOf(spelling: string): Draft | undefined {
    return this.owner.get(normalizeName(spelling))?.draft;
  }
}

/** A registry of the workbook's units and departments, or undefined (and problems) when names collide. */
export function readRegistry(
  units: SheetSnapshot | undefined, departments: SheetSnapshot | undefined, builtIn: Registry, problems: MethodProblems,
): Registry | undefined {
  const claims = new Claims(problems);
  if (units) {
    if (!unitDrafts(units, builtIn, claims, problems)) return undefined;
    if (claims.drafts.length === 0) return problems.error(SHEET.units, undefined, MMSG.noUnits());
  } else {
    for (const org of builtIn.hotlineUnits()) {
      const draft: Draft = { name: org.name, type: org.type, hotline: true, approvalName: org.approvalName, officeAliases: [...org.officeAliases] };
      claims.drafts.push(draft);
      for (const n of org.names) claims.owner.set(normalizeName(n), { draft, at: "内置单位表" });
    }
  }
  const { order, seen } = departmentOrder(departments, builtIn, claims, problems);
  if (problems.failed) return undefined;
  const rows: OrganizationRow[] = claims.drafts.map((d) => ({
    name: d.name, type: d.type, hotline: d.hotline, approvalName: seen.has(d) ? d.approvalName : undefined,
    aliases: [...claims.owner].filter(([, o]) => o.draft === d).map(([key]) => key),
    officeAliases: d.officeAliases,
  }));
  return new Registry(rows, order);
}

/** The hotline units of 承办单位 (with their 别名); false when the sheet has no readable table. */
function unitDrafts(units: SheetSnapshot, builtIn: Registry, claims: Claims, problems: MethodProblems): boolean {
  const table = methodTable(units, LABEL.name, [LABEL.name, LABEL.type, ALIAS_LABEL], [LABEL.name], problems);
  if (!table) return false;
  for (const row of table.rows) {
    const written = row.written(LABEL.name);
    if (!written) {
      problems.error(SHEET.units, row.at(LABEL.name), MMSG.unitNameBlank());
      continue;
    }
    const known = builtIn.resolve(written);
    const typed = parseUnitType(row.get(LABEL.type), LABEL.type);
    // A bad 单位类别 is listed by compute-all (承办单位) for that unit; the registry keeps the built-in type.
    const type: UnitType = typed.ok ? typed.value : known?.type ?? "其他";
    const taken = claims.owner.get(normalizeName(written));
    if (taken) {
      problems.error(SHEET.units, row.at(LABEL.name), MMSG.unitDuplicate(written, taken.at));
      continue;
    }
    const draft: Draft = { name: written, type, hotline: true, approvalName: known?.approvalName, officeAliases: [] };
    claims.drafts.push(draft);
    claims.claim(draft, written, SHEET.units, row.at(LABEL.name));
    for (const spelling of known ? [...known.names] : []) {
      if (!claims.owner.has(normalizeName(spelling))) claims.claim(draft, spelling, SHEET.units, row.at(LABEL.name));
    }
    const aliasCell = row.at(ALIAS_LABEL);
    for (const alias of splitNames(row.text(ALIAS_LABEL))) if (claims.claim(draft, alias, SHEET.units, aliasCell)) draft.officeAliases.push(alias);
  }
  return true;
}

/** The 便民化 departments in their order (便民化考核's rows, else the built-in list), each a unit or a new draft. */
function departmentOrder(departments: SheetSnapshot | undefined, builtIn: Registry, claims: Claims, problems: MethodProblems):
  { order: string[]; seen: Map<Draft, string> } {
  const order: string[] = [];
  const departmentNames = departments ? departmentRows(departments, problems) : builtIn.approvalDepartments().map((o) => ({
    written: o.approvalName as string, cell: "",
  }));
  const seen = new Map<Draft, string>();
  for (const { written, cell } of departmentNames) {
    let draft = claims.draftOf(written);
    if (!draft) {
      const known = builtIn.resolve(written);
      const spellings = known ? [...known.names] : [written];
      draft = spellings.map((sp) => claims.draftOf(sp)).find((d) => d !== undefined);
      if (!draft) {
        draft = { name: known?.name ?? written, type: known?.type ?? "其他", hotline: false, officeAliases: [] };
        claims.drafts.push(draft);
        for (const sp of spellings) if (!claims.owner.has(normalizeName(sp))) claims.claim(draft, sp, SHEET.approval, cell);
      }
      claims.claim(draft, written, SHEET.approval, cell);
    }
    const first = seen.get(draft);
    if (first !== undefined) {
      problems.error(SHEET.approval, cell, MMSG.departmentDuplicate(written, first));
      continue;
    }
    seen.set(draft, `${SHEET.approval}!${cell}`);
    draft.approvalName ??= written;
    order.push(draft.approvalName);
  }
  return { order, seen };
}

function departmentRows(snapshot: SheetSnapshot, problems: MethodProblems): { written: string; cell: string }[] {
  const table = methodTable(snapshot, LABEL.name, [LABEL.name], [LABEL.name], problems);
  if (!table) return [];
  return table.rows.filter((row) => !isBlank(row.get(LABEL.name))).map((row) => ({ written: row.written(LABEL.name), cell: row.at(LABEL.name) }));
}
