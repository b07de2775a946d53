/**
 * How each write operation changes an exceljs workbook: one handler per WriteOp kind. `null` in a values op
 * empties the cell. Charts are not written: exceljs cannot write charts, so the barChart op is ignored here
 * (the Office.js adapter draws it).
 */
import type ExcelJS from "exceljs";
import { cellAddress } from "../../address";
import { WMSG } from "../../messages";
import type { CellFormat } from "../../port";
import { NARROW_MARGINS, PAPER_SIZE_A4 } from "../../../sheet/print";
import type { WriteOpHandlers } from "../handlers";
import { isCovered, type ExcelJsSheets } from "./sheets";

const argb = (color: string) => `FF${color.replace(/^#/, "").toUpperCase()}`;

export const EXCELJS_OPS: WriteOpHandlers<ExcelJsSheets> = {
  addSheet(op, s) {
    const state = op.hidden ? "hidden" : "visible";
    const ws = s.workbook.getWorksheet(op.sheet);
    if (ws) ws.state = op.hidden === undefined ? ws.state : state;
    else s.workbook.addWorksheet(op.sheet, { state });
  },
  values(op, s) {
    const ws = s.writable(op.sheet);
    op.values.forEach((line, r) => line.forEach((v, c) => s.setCell(ws, op.row + r, op.col + c, v, false)));
  },
  formulas(op, s) {
    const ws = s.writable(op.sheet);
    op.formulas.forEach((line, r) => line.forEach((v, c) => s.setCell(ws, op.row + r, op.col + c, v, true)));
  },
  clear(op, s) {
    s.eachCell(op.range, (cell) => {
      if (isCovered(cell)) return;
      cell.value = null;
      cell.style = {};
    });
  },
  format(op, s) {
    s.eachCell(op.range, (cell) => applyFormat(cell, op.format));
  },
  merge(op, s) {
    const ws = s.writable(op.range.sheet);
    const { row, col, rows, cols } = op.range;
    const [top, left, bottom, right] = [row + 1, col + 1, row + rows, col + cols];
    const merges = (ws as unknown as { _merges: Record<string, { shortRange: string } | undefined> })._merges;
    const wanted = `${cellAddress(row, col)}:${cellAddress(row + rows - 1, col + cols - 1)}`;
    if (Object.values(merges).some((m) => m?.shortRange === wanted)) return;
    ws.unMergeCells(top, left, bottom, right);
    ws.mergeCells(top, left, bottom, right);
  },
  columnWidth(op, s) {
    s.sheet(op.sheet).getColumn(op.col + 1).width = op.width;
  },
  freeze(op, s) {
    const ws = s.sheet(op.sheet);
    ws.views = op.rows === 0 && op.cols === 0 ? [{ state: "normal" }]
      : [{ state: "frozen", xSplit: op.cols, ySplit: op.rows, topLeftCell: cellAddress(op.rows, op.cols) }];
  },
  listValidation(op, s) {
    const validation: ExcelJS.DataValidation = {
      type: "list", allowBlank: true, formulae: [`"${op.list.join(",")}"`],
      showErrorMessage: true, errorStyle: "stop", error: WMSG.validationError(op.list),
    };
    s.eachCell(op.range, (cell) => (cell.dataValidation = validation));
  },
  deleteSheet(op, s) {
    const ws = s.workbook.getWorksheet(op.sheet);
    if (ws) s.workbook.removeWorksheet(ws.id);
  },
  pageSetup(op, s) {
    const ws = s.sheet(op.sheet);
    const { setup } = op;
    const { printArea: _old, printTitlesRow: _titles, ...kept } = ws.pageSetup;
    ws.pageSetup = {
      ...kept,
      paperSize: PAPER_SIZE_A4,
      orientation: setup.orientation,
      // Fit to width only: fitToHeight 0 is "automatic" (as many pages tall as needed).
      ...(setup.fitToWidth !== undefined
        ? { fitToPage: true, fitToWidth: setup.fitToWidth, fitToHeight: 0 }
        : { fitToPage: false }),
      horizontalCentered: setup.centerHorizontally ?? false,
      margins: { ...NARROW_MARGINS },
      // exceljs writes these two as the sheet's _xlnm.Print_Titles and _xlnm.Print_Area defined names.
      ...(setup.repeatRows ? { printTitlesRow: `${setup.repeatRows.first + 1}:${setup.repeatRows.last + 1}` } : {}),
      ...(setup.printArea && setup.printArea.rows > 0 && setup.printArea.cols > 0
        ? { printArea: `A1:${cellAddress(setup.printArea.rows - 1, setup.printArea.cols - 1)}` } : {}),
    };
    ws.headerFooter = { ...ws.headerFooter, oddFooter: setup.footer ?? undefined };
  },
  note(op, s) {
    s.sheet(op.sheet).getCell(op.row + 1, op.col + 1).note = op.text;
  },
  rowHeight(op, s) {
    s.sheet(op.sheet).getRow(op.row + 1).height = op.height;
  },
  barChart() {
    // exceljs cannot write charts: the Office.js adapter draws this one; the .xlsx written here has none.
  },
};

function applyFormat(cell: ExcelJS.Cell, format: CellFormat): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (format.numberFormat !== undefined) style.numFmt = format.numberFormat;
  if (format.bold !== undefined || format.fontColor !== undefined || format.fontSize !== undefined) {
    style.font = {
      ...style.font,
      ...(format.bold !== undefined ? { bold: format.bold } : {}),
      ...(format.fontColor !== undefined ? { color: { argb: argb(format.fontColor) } } : {}),
      ...(format.fontSize !== undefined ? { size: format.fontSize } : {}),
    };
  }
  if (format.fill !== undefined) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.fill) } };
  if (format.wrap !== undefined || format.horizontal !== undefined) {
    style.alignment = {
      ...style.alignment,
      ...(format.wrap !== undefined ? { wrapText: format.wrap } : {}),
      ...(format.horizontal !== undefined ? { horizontal: format.horizontal } : {}),
      vertical: "middle",
    };
  }
  cell.style = style;
}
