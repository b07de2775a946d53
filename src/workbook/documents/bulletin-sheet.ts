/**
 * The sheet 月度通报: the same 通报 as the .docx (same Bulletin), rewritten whole each time, printed on A4
 * portrait one page wide with the title repeated. Long paragraphs are merged across the table's width and wrapped.
 */
import { bulletinCells, listEntries, pendingText, type Bulletin, type ListGroup } from "../../documents/bulletin";
import { DOC_MSG } from "../../documents/messages";
import { listedIn } from "../../documents/params";
import type { CellValue, SheetSnapshot, WriteOp } from "../port";
import { STYLE, lineHeight, printOp, range, titleHeight } from "../styles";
import { ownedSheetOps, type OwnedColumn } from "../ledger/owned-sheet";
import { wrappedLines } from "../../text/width";
import { DOCS_WMSG } from "../messages";

export const BULLETIN_SHEET = "月度通报";

const COLUMNS: OwnedColumn[] = DOC_MSG.tableColumns.map((label, i) => ({ label, center: i !== 1, maxWidth: i === 1 ? 34 : 12 }));
/** Characters across the merged text rows (the table's width, roughly). */
const TEXT_WIDTH = 100;

function paragraphOps(sheet: string, row: number, text: string): WriteOp[] {
  return [
    { kind: "values", sheet, row, col: 0, values: [[text]] },
    { kind: "merge", range: range(sheet, row, 0, 1, COLUMNS.length) },
    { kind: "format", range: range(sheet, row, 0, 1, COLUMNS.length), format: STYLE.wrap },
    { kind: "rowHeight", sheet, row, height: lineHeight(wrappedLines(text, TEXT_WIDTH)) },
  ];
}

function listLines(heading: string, groups: readonly ListGroup[]): string[] {
  return groups.map((g) => `${heading}　${DOC_MSG.listLine(g.group, listEntries(g))}`);
}

/** Ops that write 月度通报 (`previous`: its snapshot when the sheet exists). */
export function bulletinSheetOps(previous: SheetSnapshot | undefined, b: Bulletin): WriteOp[] {
  const sheet = BULLETIN_SHEET;
  const tables = b.tables.map((t) => ({ columns: COLUMNS, rows: t.rows.map((r, i): CellValue[] => bulletinCells(r, i)) }));
  const notes = [DOCS_WMSG.sheetNote, ...(b.draft ? [DOC_MSG.draftNote(b.problems.length, listedIn(b.problems))] : []), b.opening];
  // A blank note row: the first table's caption goes there, as the others' go in the blank row between tables.
  const { ops, layout } = ownedSheetOps(previous, { sheet, title: b.title, notes: [...notes, ""], tables });
  const result: WriteOp[] = ops.filter((op) => op.kind !== "pageSetup" && op.kind !== "freeze");
  result.push({ kind: "rowHeight", sheet, row: 0, height: titleHeight(2) });
  const noteRows = notes.length + 1;
  notes.forEach((text, i) => result.push(...paragraphOps(sheet, 1 + i, text)));
  // A caption above each category's table (the tables start under the notes, one blank row apart).
  const captions = b.tables.map((t, i) => ({ row: layout.headerRows[i] - 1, text: DOC_MSG.categoryTable(i, t.type, t.rows.length) }));
  const last = layout.headerRows.length > 0 ? layout.headerRows[layout.headerRows.length - 1] + 1 + b.tables[b.tables.length - 1].rows.length : 1 + noteRows;
  const texts = [
    ...(b.notScored.length > 0 ? [DOC_MSG.notScored(b.notScored)] : []),
    `${DOC_MSG.headingRed}　${DOC_MSG.redIntro(b.settings.red)}`, ...listLines(DOCS_WMSG.redHeading, b.red),
    b.settings.black === 0 ? `${DOC_MSG.headingBlack}　${DOC_MSG.blackNone}`
      : `${DOC_MSG.headingBlack}　${DOC_MSG.blackIntro(b.settings.black, b.settings.blackScope === "全部")}`,
    ...listLines(DOCS_WMSG.blackHeading, b.black),
    `${DOC_MSG.headingNoOrders}　${b.noOrders.length > 0 ? DOC_MSG.noOrders(b.noOrders) : DOC_MSG.noOrdersNone}`,
    `${DOC_MSG.headingPending}　${pendingText(b.pending)}`,
    DOCS_WMSG.sign(b.issuer, b.date),
  ];
  // Captions go in the blank row before each table (the first table's is the row after the notes).
  for (const c of captions) result.push(...paragraphOps(sheet, c.row, c.text));
  texts.forEach((text, i) => result.push(...paragraphOps(sheet, last + 1 + i, text)));
  result.push(printOp(sheet, "portrait", { first: 0, last: 0 }));
  return result;
}
