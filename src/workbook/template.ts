/**
 * 创建/补全模板: adds the contract's missing sheets and missing header columns, nothing else. A sheet or a
 * cell holding data is never overwritten or deleted; an existing sheet only gains header labels to the right
 * of its used columns.
 */
import { RULE_SETS, applies, ruleSet as defaultRuleSet, type RuleSet } from "../engine";
import {
  COMPUTE_READS, FORMAT, ITEM_LABELS, LABEL, NEW_SHEET_LAYOUT, PARAM, PART_LIST, SHEET, SHEETS, SPARE_ROWS, STATUS_LIST,
  UNIT_TYPE_LIST, type ColumnSpec, type SheetName, type SheetSpec,
} from "./contract";
import { WMSG } from "./messages";
import type { CellValue, WorkbookPort, WriteOp, WritePlan } from "./port";
import { STYLE, range, titleOps } from "./styles";
import { findHeader, isEmptySheet, usedHeight, usedWidth, type Snapshots } from "./tables";
import { fitWidth } from "./text-width";

export interface TemplateChanges {
  readonly plan: WritePlan;
  /** Sheets added (or filled because they were empty). */
  readonly createdSheets: readonly string[];
  /** Header labels added to existing sheets. */
  readonly addedColumns: readonly { readonly sheet: string; readonly labels: readonly string[] }[];
  /** Existing sheets holding data whose header row was not found: left as they are. */
  readonly untouched: readonly string[];
}

/** The title row of each sheet. */
function title(spec: SheetSpec, rules: RuleSet): string {
  if (spec.name === SHEET.result) return rules.hotline.title;
  if (spec.name === SHEET.approval) return rules.approval.title;
  return WMSG.title[spec.name](rules.year);
}

/** Pre-filled rows of a new sheet, as {label: value} per row. */
function prefill(spec: SheetSpec, rules: RuleSet): Record<string, CellValue>[] {
  const { registry } = rules;
  switch (spec.name) {
    case SHEET.units:
      return registry.hotlineUnits().map((org) => ({ [LABEL.name]: org.name, [LABEL.type]: org.type }));
    case SHEET.hotline:
      return registry.hotlineUnits().map((org) => ({ [LABEL.name]: org.name }));
    case SHEET.approval:
      return registry.approvalDepartments().map((org) => {
        const row: Record<string, CellValue> = { [LABEL.name]: org.approvalName as string };
        rules.approval.items.forEach((item, i) => {
          if (!applies(rules.approval, registry, org, item.no)) row[ITEM_LABELS[i]] = "不涉及";
        });
        return row;
      });
    case SHEET.params:
      return [
        { [LABEL.param]: PARAM.year, [LABEL.value]: rules.year, [LABEL.note]: WMSG.paramYearNote([...RULE_SETS.keys()]) },
        { [LABEL.param]: PARAM.months, [LABEL.value]: rules.hotline.months, [LABEL.note]: WMSG.paramMonthsNote },
      ];
    default:
      return [];
  }
}

/** The validation list of a column, if it has one. */
function listOf(spec: SheetSpec, column: ColumnSpec, rules: RuleSet): readonly string[] | undefined {
  switch (column.kind) {
    case "unitType":
      return spec.role === "result" ? undefined : UNIT_TYPE_LIST;
    case "status":
      return STATUS_LIST;
    case "part":
      return PART_LIST;
    case "caseItem":
      return (spec.name === SHEET.bonuses ? rules.hotline.bonus.cases : rules.hotline.cases).map((c) => c.label);
    default:
      return undefined;
  }
}

function numberFormat(column: ColumnSpec): string | undefined {
  if (column.kind === "rate") return FORMAT.percent;
  if (column.kind === "date") return FORMAT.date;
  return undefined;
}

function width(column: ColumnSpec, values: readonly CellValue[], list: readonly string[] | undefined): number {
  const texts = [column.label, ...values.map((v) => (v === null ? "" : String(v))), ...(list ?? [])];
  if (column.kind === "explanation") return 60;
  if (column.kind === "date") return fitWidth([...texts, "2021-12-31"]);
  if (column.kind === "rate") return fitWidth([...texts, "100.00%"]);
  return fitWidth(texts, 8, 44);
}

/** Formats, validation list and width of one column over rows [first, first + rows). */
function columnOps(sheet: string, spec: SheetSpec, column: ColumnSpec, col: number, first: number, rows: number,
  values: readonly CellValue[], rules: RuleSet): WriteOp[] {
  const ops: WriteOp[] = [];
  const list = listOf(spec, column, rules);
  const fmt = numberFormat(column);
  if (rows > 0 && fmt) ops.push({ kind: "format", range: range(sheet, first, col, rows, 1), format: { numberFormat: fmt } });
  if (rows > 0 && list) ops.push({ kind: "listValidation", range: range(sheet, first, col, rows, 1), list });
  ops.push({ kind: "columnWidth", sheet, col, width: width(column, values, list) });
  return ops;
}

function spareRows(spec: SheetSpec, prefilled: number): number {
  if (spec.role === "result") return 0;
  if (spec.name === SHEET.deductions || spec.name === SHEET.bonuses) return SPARE_ROWS.register;
  if (spec.name === SHEET.params) return 0;
  return prefilled + SPARE_ROWS.prefilled;
}

/** A whole new sheet: title row, header row, pre-filled rows, formats, validation lists, widths, frozen header. */
function newSheetOps(spec: SheetSpec, rules: RuleSet, add: boolean): WriteOp[] {
  const sheet = spec.name;
  const { titleRow, headerRow } = NEW_SHEET_LAYOUT;
  const labels = spec.columns.map((c) => c.label);
  const rows = prefill(spec, rules);
  const ops: WriteOp[] = [];
  if (add) ops.push({ kind: "addSheet", sheet });
  ops.push(...titleOps(sheet, titleRow, labels.length, title(spec, rules)));
  ops.push({ kind: "values", sheet, row: headerRow, col: 0, values: [labels] });
  spec.columns.forEach((c, i) => {
    ops.push({ kind: "format", range: range(sheet, headerRow, i), format: c.result || spec.role === "result" ? STYLE.resultHeader : STYLE.inputHeader });
  });
  if (rows.length > 0) {
    ops.push({ kind: "values", sheet, row: headerRow + 1, col: 0, values: rows.map((r) => labels.map((l) => r[l] ?? null)) });
  }
  const dataRows = spareRows(spec, rows.length);
  spec.columns.forEach((c, i) => {
    ops.push(...columnOps(sheet, spec, c, i, headerRow + 1, dataRows, rows.map((r) => r[c.label] ?? null), rules));
  });
  ops.push({ kind: "freeze", sheet, rows: headerRow + 1, cols: spec.name === SHEET.params ? 0 : 1 });
  return ops;
}

/**
 * What 创建/补全模板 would do to a workbook whose contract sheets are `snapshots` (missing sheets absent).
 * `only` limits it to some sheets (the ledger import completes just 热线数据 and 参数).
 */
export function templateChanges(snapshots: Snapshots, rules: RuleSet = defaultRuleSet(), only?: readonly SheetName[]): TemplateChanges {
  const plan: WriteOp[] = [];
  const createdSheets: string[] = [];
  const addedColumns: { sheet: string; labels: string[] }[] = [];
  const untouched: string[] = [];
  for (const spec of SHEETS) {
    if (only && !only.includes(spec.name)) continue;
    const snapshot = snapshots.get(spec.name);
    if (!snapshot || isEmptySheet(snapshot)) {
      plan.push(...newSheetOps(spec, rules, !snapshot));
      createdSheets.push(spec.name);
      continue;
    }
    const header = findHeader(snapshot, spec);
    if (!header) {
      untouched.push(spec.name);
      continue;
    }
    if (header.missing.length === 0) continue;
    let col = usedWidth(snapshot);
    const first = header.row + 1;
    const rows = Math.max(usedHeight(snapshot) - first, 0) + spareRows(spec, 0);
    for (const label of header.missing) {
      const column = spec.columns.find((c) => c.label === label) as ColumnSpec;
      plan.push({ kind: "values", sheet: spec.name, row: header.row, col, values: [[label]] });
      plan.push({ kind: "format", range: range(spec.name, header.row, col), format: column.result || spec.role === "result" ? STYLE.resultHeader : STYLE.inputHeader });
      plan.push(...columnOps(spec.name, spec, column, col, first, column.result ? 0 : rows, [], rules));
      col++;
    }
    addedColumns.push({ sheet: spec.name, labels: [...header.missing] });
  }
  return { plan, createdSheets, addedColumns, untouched };
}

/** The plan of 创建/补全模板 (see templateChanges). Pure. */
export function templatePlan(snapshots: Snapshots, rules: RuleSet = defaultRuleSet()): WritePlan {
  return templateChanges(snapshots, rules).plan;
}

/** 创建/补全模板 through a port: one read, one apply. */
export async function templateAll(port: WorkbookPort, rules: RuleSet = defaultRuleSet()): Promise<Omit<TemplateChanges, "plan">> {
  const { plan, ...changes } = templateChanges(await port.read(COMPUTE_READS), rules);
  await port.apply(plan);
  return changes;
}
