/** The exceljs workbook a port writes to, with the cell access its write handlers share. */
import ExcelJS from "exceljs";
import { fitCellText } from "../../cell-text";
import type { CellValue, RangeRef } from "../../port";

export function isCovered(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Merge;
}

export class ExcelJsSheets {
  /** Sheets whose shared formulas have been made plain (so writing over a master cell keeps its clones). */
  private readonly unshared = new WeakSet<ExcelJS.Worksheet>();

  constructor(readonly workbook: ExcelJS.Workbook) {}

  sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`exceljs adapter: no sheet ${name}`);
    return ws;
  }

  /** Before the first write to a sheet: shared formulas become plain formulas (exceljs keeps clones tied to their master). */
  writable(name: string): ExcelJS.Worksheet {
    const ws = this.sheet(name);
    if (this.unshared.has(ws)) return ws;
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue | null;
      if (v && typeof v === "object" && "sharedFormula" in v) cell.value = { formula: cell.formula, result: v.result } as ExcelJS.CellFormulaValue;
    }));
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue | null;
      if (v && typeof v === "object" && "formula" in v && "shareType" in v && (v as { shareType?: string }).shareType === "shared") {
        cell.value = { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
      }
    }));
    this.unshared.add(ws);
    return ws;
  }

  setCell(ws: ExcelJS.Worksheet, row: number, col: number, value: CellValue, asFormula: boolean): void {
    const cell = ws.getCell(row + 1, col + 1);
    if (isCovered(cell)) {
      if (value === null) return;
      ws.unMergeCells(row + 1, col + 1, row + 1, col + 1);
    }
    if (asFormula && typeof value === "string" && value.startsWith("=")) {
      cell.value = { formula: value.slice(1) } as ExcelJS.CellFormulaValue;
      this.workbook.calcProperties = { ...this.workbook.calcProperties, fullCalcOnLoad: true };
    } else cell.value = typeof value === "string" ? fitCellText(value) : value;
  }

  eachCell(ref: RangeRef, f: (cell: ExcelJS.Cell) => void): void {
    const ws = this.writable(ref.sheet);
    for (let r = 0; r < ref.rows; r++) for (let c = 0; c < ref.cols; c++) f(ws.getCell(ref.row + r + 1, ref.col + c + 1));
  }
}
