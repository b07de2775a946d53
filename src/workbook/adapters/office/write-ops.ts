/** How each write operation is queued through Office.js: one handler per WriteOp kind (see write.ts). */
import { cellAddress } from "../../address";
import { fitCellText } from "../../cell-text";
import type { CellFormat, PageSetup, RangeRef } from "../../port";
import { LIST_SOURCE_MAX } from "../../../sheet/limits";
import { marginsInPoints, NARROW_MARGINS } from "../../../sheet/print";
import { WMSG } from "../../messages";
import type { WriteOpHandlers } from "../handlers";
import { ACTION_BYTES, cellIn, chartKey, charsToPoints, footerSections, guardedCellText, jsonBytes, noteKey } from "./cells";
import type { WriteSession } from "./write";

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

export const WRITE_OPS: WriteOpHandlers<WriteSession, Promise<void>> = {
  async addSheet(op, s) {
    let sheet = s.sheets.get(op.sheet);
    if (!sheet) {
      await s.queue(ACTION_BYTES);
      sheet = s.context.workbook.worksheets.add(op.sheet);
      s.sheets.set(op.sheet, sheet);
    }
    if (op.hidden) {
      await s.queue(ACTION_BYTES);
      sheet.visibility = "Hidden";
    }
  },
  async deleteSheet(op, s) {
    const sheet = s.sheets.get(op.sheet);
    if (!sheet) return;
    await s.queue(ACTION_BYTES);
    sheet.delete();
    s.sheets.delete(op.sheet);
  },
  async values(op, s) {
    const rows = op.values.map((r) => r.map((v) => {
      const cell = cellIn(v);
      return typeof cell === "string" ? guardedCellText(cell) : cell;
    }));
    await s.writeRows(op.sheet, op.row, op.col, rows, (range, chunk) => {
      range.values = chunk;
    });
  },
  async formulas(op, s) {
    const rows = op.formulas.map((r) => r.map((v) => {
      const cell = cellIn(v);
      return typeof cell === "string" && !cell.startsWith("=") ? fitCellText(cell) : cell;
    }));
    await s.writeRows(op.sheet, op.row, op.col, rows, (range, chunk) => {
      range.formulas = chunk;
    });
  },
  async clear(op, s) {
    await s.queue(ACTION_BYTES);
    s.rangeOf(op.range).clear("All");
  },
  format: (op, s) => format(op.range, op.format, s),
  async merge(op, s) {
    await s.queue(ACTION_BYTES);
    s.rangeOf(op.range).merge(false);
  },
  async columnWidth(op, s) {
    await s.queue(ACTION_BYTES);
    s.sheetFor(op.sheet).getRangeByIndexes(0, op.col, 1, 1).getEntireColumn().format.columnWidth = charsToPoints(op.width);
  },
  async freeze(op, s) {
    await s.queue(ACTION_BYTES);
    const sheet = s.sheetFor(op.sheet);
    const panes = sheet.freezePanes;
    if (op.rows > 0 && op.cols > 0) panes.freezeAt(sheet.getRangeByIndexes(0, 0, op.rows, op.cols));
    else if (op.rows > 0) panes.freezeRows(op.rows);
    else if (op.cols > 0) panes.freezeColumns(op.cols);
    else panes.unfreeze();
  },
  async listValidation(op, s) {
    if (!s.settings.dataValidation) return;
    const bad = op.list.find((item) => item.includes(","));
    if (bad !== undefined) throw new Error(WMSG.listItemHasComma(bad));
    const source = op.list.join(",");
    if (source.length > LIST_SOURCE_MAX) throw new Error(WMSG.listSourceTooLong(source.length, LIST_SOURCE_MAX));
    await s.queue(ACTION_BYTES + jsonBytes(source));
    const validation = s.rangeOf(op.range).dataValidation;
    validation.clear();
    validation.rule = { list: { inCellDropDown: true, source } };
  },
  async pageSetup(op, s) {
    if (!s.settings.pageLayout) return;
    await s.queue(ACTION_BYTES * 12);
    pageLayout(s.sheetFor(op.sheet), op.setup);
    if (op.setup.fitToWidth === undefined) return;
    // "As many pages tall as needed" is 0 in the file format; should a host refuse 0 through the API, the
    // width alone is set (in its own request, so that nothing else is lost).
    if (s.pending > 0) await s.flush();
    const layout = s.sheetFor(op.sheet).pageLayout;
    layout.zoom = { horizontalFitToPages: op.setup.fitToWidth, verticalFitToPages: 0 };
    try {
      await s.flush();
    } catch {
      s.pending = 0;
      layout.zoom = { horizontalFitToPages: op.setup.fitToWidth };
      await s.flush();
    }
  },
  async note(op, s) {
    // An Office.js without the notes API (older than ExcelApi 1.18) has no `notes` to call.
    if (!s.settings.notes || !s.sheetFor(op.sheet).notes) return;
    const key = noteKey(op.sheet, op.row, op.col);
    await s.queue(ACTION_BYTES + jsonBytes(op.text));
    const old = s.oldNotes.get(key);
    if (old) old.content = op.text;
    else s.oldNotes.set(key, s.sheetFor(op.sheet).notes.add(cellAddress(op.row, op.col), op.text));
  },
  async rowHeight(op, s) {
    await s.queue(ACTION_BYTES);
    s.sheetFor(op.sheet).getRangeByIndexes(op.row, 0, 1, 1).getEntireRow().format.rowHeight = op.height;
  },
  async barChart(op, s) {
    if (!s.settings.charts) return;
    await s.queue(ACTION_BYTES * 8);
    const sheet = s.sheetFor(op.sheet);
    const old = s.oldCharts.get(chartKey(op.sheet, op.name));
    if (old) {
      old.delete();
      s.oldCharts.delete(chartKey(op.sheet, op.name));
    }
    const chart = sheet.charts.add("BarClustered", s.rangeOf(op.values), "Columns");
    chart.name = op.name;
    chart.title.text = op.title;
    chart.legend.visible = false;
    chart.series.getItemAt(0).setXAxisValues(s.rangeOf(op.categories));
    chart.setPosition(sheet.getRangeByIndexes(op.anchor.row, op.anchor.col, 1, 1));
    chart.width = 480;
    chart.height = Math.max(240, Math.min(1600, op.values.rows * 16 + 80));
  },
};

async function format(ref: RangeRef, format: CellFormat, s: WriteSession): Promise<void> {
  if (format.numberFormat !== undefined) {
    // Range.numberFormat takes an array the size of the range: written in chunks like values.
    const numberFormat = format.numberFormat;
    const rows = Array.from({ length: ref.rows }, () => new Array<string>(ref.cols).fill(numberFormat));
    await s.writeRows(ref.sheet, ref.row, ref.col, rows, (range, chunk) => {
      range.numberFormat = chunk;
    });
  }
  const rest = { ...format, numberFormat: undefined };
  if (Object.values(rest).every((v) => v === undefined)) return;
  await s.queue(ACTION_BYTES * 2);
  const range = s.rangeOf(ref);
  if (format.bold !== undefined) range.format.font.bold = format.bold;
  if (format.fontColor !== undefined) range.format.font.color = format.fontColor;
  if (format.fontSize !== undefined) range.format.font.size = format.fontSize;
  if (format.fill !== undefined) range.format.fill.color = format.fill;
  if (format.wrap !== undefined) range.format.wrapText = format.wrap;
  if (format.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[format.horizontal];
}

/** Queues everything of a page setup but the zoom (ExcelApi 1.9 page layout; margins in points). */
function pageLayout(sheet: Excel.Worksheet, setup: PageSetup): void {
  const layout = sheet.pageLayout;
  const m = marginsInPoints(NARROW_MARGINS);
  layout.paperSize = "A4";
  layout.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.leftMargin = m.left;
  layout.rightMargin = m.right;
  layout.topMargin = m.top;
  layout.bottomMargin = m.bottom;
  layout.headerMargin = m.header;
  layout.footerMargin = m.footer;
  layout.centerHorizontally = setup.centerHorizontally ?? false;
  if (setup.repeatRows) layout.setPrintTitleRows(`$${setup.repeatRows.first + 1}:$${setup.repeatRows.last + 1}`);
  if (setup.printArea && setup.printArea.rows > 0 && setup.printArea.cols > 0) {
    layout.setPrintArea(sheet.getRangeByIndexes(0, 0, setup.printArea.rows, setup.printArea.cols));
  }
  if (setup.fitToWidth === undefined) layout.zoom = { scale: 100 };
  const footer = footerSections(setup.footer ?? "");
  const all = layout.headersFooters.defaultForAllPages;
  all.leftFooter = footer.left;
  all.centerFooter = footer.center;
  all.rightFooter = footer.right;
}
