/** Ledgers and workbooks for the ledger-import workbook tests. */
import ExcelJS from "exceljs";
import { generateLedger, orderCells, type GenerateOptions } from "../../../scripts/gen-ledger";
import { aggregateLedger, arrayRows, LEDGER_COLUMNS, type LedgerCell, type LedgerData } from "../../../src/ledger";
import { templateAll } from "../../../src/workbook";
import { LABEL, SHEET } from "../../../src/workbook/contract";
import { ExcelJsWorkbookPort } from "../../../src/workbook/adapters/exceljs";
import type { CellValue } from "../../../src/workbook/port";
import { sheetTable, type Row } from "../helpers";
import { ruleSet } from "../../../src/engine";

/** The rules the ledger counts by in these tests: the built-in 2021 method. */
const LEDGER_RULES = ruleSet(2021);

export const HEADER: LedgerCell[] = [...LEDGER_COLUMNS];

/** Generated ledger rows (header first), dates as text. */
export function generatedRows(options: GenerateOptions): LedgerCell[][] {
  return [HEADER, ...[...generateLedger(options)].map((o) => orderCells(o, "text"))];
}

export async function importRows(rows: readonly (readonly LedgerCell[])[]): Promise<LedgerData> {
  const result = await aggregateLedger(arrayRows(rows), { rules: LEDGER_RULES });
  if (result.status !== "ok") throw new Error(result.message);
  return result.data;
}

export async function generatedData(options: GenerateOptions): Promise<LedgerData> {
  return importRows(generatedRows(options));
}

/** A port over a fresh template (what 创建/补全模板 writes into an empty workbook). */
export async function templatePort(): Promise<ExcelJsWorkbookPort> {
  const port = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
  await templateAll(port);
  return port;
}

/** A ledger row in LEDGER_COLUMNS order. */
export function order(id: string, unit: string, dispatched: LedgerCell, deadline: LedgerCell, closed: LedgerCell = "",
  returned: LedgerCell = "否", extended: LedgerCell = "否", callback: LedgerCell = ""): LedgerCell[] {
  return [id, unit, dispatched, deadline, closed, returned, extended, callback];
}

export const COUNT_LABELS = [LABEL.total, LABEL.due, LABEL.onTime, LABEL.returned, LABEL.extensions, LABEL.validCallbacks, LABEL.satisfied] as const;

/** 热线数据 rows by unit name. */
export async function hotlineRows(port: ExcelJsWorkbookPort): Promise<Map<string, Row>> {
  return new Map((await sheetTable(port, SHEET.hotline)).filter((r) => r[LABEL.name] !== null).map((r) => [String(r[LABEL.name]), r]));
}

/** Rows of an owned sheet below the row whose first cell is `firstLabel`, as {label: value}, up to a blank row. */
export async function ownedTable(port: ExcelJsWorkbookPort, sheet: string, firstLabel: string, occurrence = 0): Promise<Record<string, CellValue>[]> {
  const snap = (await port.read([sheet])).get(sheet);
  if (!snap) throw new Error(`no sheet ${sheet}`);
  const headers = snap.values.map((r, i) => [r, i] as const).filter(([r]) => r[0] === firstLabel).map(([, i]) => i);
  const h = headers[occurrence];
  if (h === undefined) throw new Error(`no header ${firstLabel} in ${sheet}`);
  const labels = snap.values[h];
  const out: Record<string, CellValue>[] = [];
  for (let r = h + 1; r < snap.values.length && snap.values[r].some((v) => v !== null); r++) {
    const row: Record<string, CellValue> = {};
    labels.forEach((l, c) => {
      if (typeof l === "string") row[l] = snap.values[r][c] ?? null;
    });
    out.push(row);
  }
  return out;
}
