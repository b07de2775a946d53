/** Fixture workbooks for the workbook tests, built in memory through the exceljs adapter. */
import ExcelJS from "exceljs";
import { REGISTRY_2021, applies, ruleSet } from "../../src/engine";
import { LABEL, SHEET, sheetSpec, type SheetName } from "../../src/workbook/contract";
import { ExcelJsWorkbookPort } from "../../src/workbook/adapters/exceljs";
import type { CellValue, SheetSnapshot } from "../../src/workbook/port";
import { findHeader } from "../../src/workbook/tables";

export type Row = Record<string, CellValue>;

/** 便民化考核's item columns and the derived item's columns as spec E writes them for the 2021 method. */
export const ITEM_LABELS = ["事项1", "事项2", "事项3", "事项4", "事项5", "事项6"] as const;
export const DERIVED_LABEL = {
  timeCut: "减时间比例", oneTrip: "最多跑一次占比", instant: "即办事项占比", online: "网上可办率", fullOnline: "全程网办率",
  guide: "办事指南整改", seal: "电子印章申请", dataList: "数据供需清单",
} as const;

/** A port over a new workbook with these sheets, each given as rows of cells from A1. */
export function workbookOf(sheets: Record<string, readonly (readonly CellValue[])[]>): ExcelJsWorkbookPort {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }));
  }
  return new ExcelJsWorkbookPort(wb);
}

/** A contract sheet as a title row, a header row (the contract's labels, or `labels`) and rows by label. */
export function sheetRows(name: SheetName, rows: readonly Row[], labels?: readonly string[]): CellValue[][] {
  const header = labels ?? sheetSpec(name).columns.filter((c) => !c.result).map((c) => c.label);
  return [[`${name}（测试）`], [...header], ...rows.map((r) => header.map((l) => (l in r ? r[l] : null)))];
}

/** Excel serial of an ISO date. */
export const serial = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000 + 25569;

/** Every department of the approval method with every applicable item done (then overridden by `overrides`). */
export function approvalRows(overrides: Record<string, Row> = {}): Row[] {
  const rules = ruleSet();
  return REGISTRY_2021.approvalDepartments().map((org) => {
    const name = org.approvalName as string;
    const row: Row = { [LABEL.name]: name };
    rules.approval.items.forEach((item, i) => {
      row[ITEM_LABELS[i]] = applies(rules.approval, REGISTRY_2021, org, item.no) ? (item.no === 6 ? null : "完成") : "不涉及";
    });
    Object.assign(row, {
      [DERIVED_LABEL.timeCut]: 0.8, [DERIVED_LABEL.oneTrip]: 0.97, [DERIVED_LABEL.instant]: 0.6, [DERIVED_LABEL.online]: 0.98, [DERIVED_LABEL.fullOnline]: 0.8,
      [DERIVED_LABEL.guide]: "完成", [DERIVED_LABEL.seal]: "完成", [DERIVED_LABEL.dataList]: "完成",
    }, overrides[name] ?? {});
    return row;
  });
}

/**
 * Rows of a sheet below its header, as {label: value} (every header label, extra ones too). A result sheet's
 * table ends at its first blank row (the official table has the issuing unit's line below).
 */
export function tableOf(snapshot: SheetSnapshot | undefined, name: SheetName): Row[] {
  if (!snapshot) throw new Error(`no sheet ${name}`);
  const spec = sheetSpec(name);
  const header = findHeader(snapshot, spec);
  if (!header) throw new Error(`no header in ${name}`);
  const labels = snapshot.values[header.row].map((v) => (typeof v === "string" ? v.trim() : null));
  let rows = snapshot.values.slice(header.row + 1);
  const blank = rows.findIndex((row) => row.every((v) => v === null || v === ""));
  if (spec.role === "result" && blank >= 0) rows = rows.slice(0, blank);
  return rows.map((row) => {
    const out: Row = {};
    labels.forEach((l, c) => {
      if (l) out[l] = row[c] ?? null;
    });
    return out;
  });
}

/** The result rows of 12345热线考核表 by unit name. */
export async function resultTable(port: ExcelJsWorkbookPort): Promise<Map<string, Row>> {
  const snap = (await port.read([SHEET.result])).get(SHEET.result);
  return new Map(tableOf(snap, SHEET.result).map((r) => [String(r[LABEL.name]), r]));
}

/** The cell of 12345热线考核表 in `unit`'s row under `label` (rows are in rank order: found by name). */
export async function resultCell(port: ExcelJsWorkbookPort, unit: string, label: string): Promise<ExcelJS.Cell> {
  const snap = (await port.read([SHEET.result])).get(SHEET.result);
  const header = snap && findHeader(snap, sheetSpec(SHEET.result));
  const col = header?.columns.get(label);
  if (!snap || !header || col === undefined) throw new Error(`no column ${label} in ${SHEET.result}`);
  const row = snap.values.findIndex((r) => r[header.columns.get(LABEL.name) as number] === unit);
  if (row < 0) throw new Error(`no row ${unit} in ${SHEET.result}`);
  return (port.workbook.getWorksheet(SHEET.result) as ExcelJS.Worksheet).getCell(row + 1, col + 1);
}

export async function sheetTable(port: ExcelJsWorkbookPort, name: SheetName): Promise<Row[]> {
  return tableOf((await port.read([name])).get(name), name);
}

/** Values and formulas of every sheet, for before/after comparisons. */
export async function everything(port: ExcelJsWorkbookPort): Promise<Map<string, SheetSnapshot>> {
  return port.read(await port.sheetNames(), { formulas: true });
}

/** Reads back a port through an .xlsx buffer (a real save and load). */
export async function roundTrip(port: ExcelJsWorkbookPort): Promise<ExcelJsWorkbookPort> {
  const { xlsxBuffer } = await import("../../src/workbook/adapters/exceljs");
  return ExcelJsWorkbookPort.fromBuffer(await xlsxBuffer(port.workbook));
}

/** Sets one cell ("B6") of a sheet of the port's workbook. */
export function setCell(port: ExcelJsWorkbookPort, sheet: string, address: string, value: CellValue): void {
  const ws = port.workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  ws.getCell(address).value = value;
}

/** 校验 rows other than the notes on done evidence items with a blank 印证资料报送日期 (spec G), for tests about something else. */
export const withoutFiledEarlier = (checks: readonly Row[]): Row[] => checks.filter((c) => !String(c.问题).includes("印证资料报送日期为空白"));
