/**
 * How each write operation is recorded for the package patch: one handler per WriteOp kind. Notes and charts
 * are not written (see port.ts).
 */
import { isSheetName } from "../../../sheet";
import { SheetEdit } from "../../../xlsx/sheet-edit";
import { WMSG } from "../../messages";
import type { RangeRef } from "../../port";
import type { WriteOpHandlers } from "../handlers";
import type { PackageEdits } from "./edits";

function eachCell(ref: RangeRef, f: (row: number, col: number) => void): void {
  for (let r = 0; r < ref.rows; r++) for (let c = 0; c < ref.cols; c++) f(ref.row + r, ref.col + c);
}

export const PACKAGE_OPS: WriteOpHandlers<PackageEdits> = {
  addSheet(op, s) {
    const existing = s.byName.get(op.sheet);
    if (existing?.deleted) {
      existing.deleted = false;
      existing.reset();
      existing.hidden = op.hidden ?? false;
    } else if (existing || s.inFile(op.sheet)) {
      if (op.hidden !== undefined) s.edit(op.sheet).hidden = op.hidden;
    } else {
      // Excel, Office.js and exceljs refuse such a name; so does this adapter (misuse, not bad data).
      if (!isSheetName(op.sheet)) throw new Error(`package adapter: "${op.sheet}" is not a worksheet name Excel accepts`);
      s.add(new SheetEdit(op.sheet, undefined)).hidden = op.hidden ?? false;
    }
  },
  values(op, s) {
    const edit = s.edit(op.sheet);
    op.values.forEach((line, r) => line.forEach((v, c) => {
      edit.cell(op.row + r, op.col + c).content = { value: v === "" ? null : v };
    }));
  },
  formulas(op, s) {
    const edit = s.edit(op.sheet);
    op.formulas.forEach((line, r) => line.forEach((v, c) => {
      edit.cell(op.row + r, op.col + c).content = typeof v === "string" && v.startsWith("=") ? { formula: v.slice(1) } : { value: v === "" ? null : v };
    }));
  },
  clear(op, s) {
    const edit = s.edit(op.range.sheet);
    eachCell(op.range, (r, c) => {
      const cell = edit.cell(r, c);
      cell.content = { value: null };
      cell.clearStyle = true;
      cell.format = undefined;
    });
  },
  format(op, s) {
    const edit = s.edit(op.range.sheet);
    eachCell(op.range, (r, c) => {
      const cell = edit.cell(r, c);
      // Formats are never changed in place: a cell without one shares the op's (one styles key per op), and
      // cells given the same formats in turn share one merged object.
      cell.format = cell.format ? s.merged(cell.format, op.format) : op.format;
    });
  },
  merge(op, s) {
    const { row, col, rows, cols } = op.range;
    const edit = s.edit(op.range.sheet);
    const area = { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    const i = edit.merges.findIndex((m) => m.top <= area.bottom && area.top <= m.bottom && m.left <= area.right && area.left <= m.right);
    if (i >= 0) edit.merges.splice(i, 1);
    edit.merges.push(area);
  },
  columnWidth(op, s) {
    s.edit(op.sheet).widths.set(op.col, op.width);
  },
  freeze(op, s) {
    s.edit(op.sheet).freeze = { rows: op.rows, cols: op.cols };
  },
  listValidation(op, s) {
    const { row, col, rows, cols } = op.range;
    s.edit(op.range.sheet).validations.push({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1, list: op.list, error: WMSG.validationError(op.list) });
  },
  deleteSheet(op, s) {
    const existing = s.byName.get(op.sheet);
    if (!existing && !s.inFile(op.sheet)) return;
    const edit = existing ?? s.edit(op.sheet);
    edit.reset();
    edit.deleted = true;
  },
  pageSetup(op, s) {
    s.edit(op.sheet).pageSetup = op.setup;
  },
  rowHeight(op, s) {
    s.edit(op.sheet).heights.set(op.row, op.height);
  },
  note() {
    // A note would add a comments part to a sheet the user owns; the headless patch adds none. The same
    // explanations are on 填写说明, and the blank template (built with exceljs) and the Office.js path write notes.
  },
  barChart() {
    // No chart part is written here (see port.ts); the Office.js adapter draws it.
  },
};
