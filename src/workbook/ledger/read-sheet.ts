/**
 * How the import reads a 工单明细 sheet of the workbook, for the task pane and the command line: the first
 * rows (every column) to find and map the header (title lines may precede it), then the whole sheet in the
 * mapped columns only, so that long text the import does not use (诉求内容, 办理结果) never crosses the
 * network of the Office.js port. When the header cannot be mapped yet, the first rows are enough to ask.
 */
import { findLedgerHeader } from "../../ledger";
import type { SheetSnapshot, WorkbookPort } from "../port";
import { LEDGER_SHEET } from "./contract";
import { readRememberedHeaders, REMEMBERED_SHEETS } from "./remembered";

/** Rows of the sheet read first, every column, to find the header. */
export const LEDGER_HEAD_ROWS = 100;

/** The reads of readLedgerSheet, in order: the stored header answers, the first rows, the mapped columns. */
export type LedgerSheetPart = "remembered" | "head" | "columns";

export interface ReadLedgerSheetOptions {
  /** Default 工单明细. */
  readonly sheet?: string;
  /** New header answers (header as written → column), on top of the ones stored in the workbook. */
  readonly remembered?: Readonly<Record<string, string>>;
  /** Called before each read (a caller's progress bar). */
  readonly onRead?: (part: LedgerSheetPart) => void;
}

/**
 * The sheet as the import needs it, or undefined when the workbook has no such sheet. An empty sheet comes
 * back with no rows. The port may ignore the row and column limits: the whole sheet is then read at once.
 */
export async function readLedgerSheet(port: WorkbookPort, options: ReadLedgerSheetOptions = {}): Promise<SheetSnapshot | undefined> {
  const sheet = options.sheet ?? LEDGER_SHEET.ledger;
  options.onRead?.("remembered");
  const remembered = { ...readRememberedHeaders(await port.read(REMEMBERED_SHEETS)), ...options.remembered };
  options.onRead?.("head");
  const head = (await port.read([sheet], { rows: LEDGER_HEAD_ROWS })).get(sheet);
  if (!head || head.values.length < LEDGER_HEAD_ROWS) return head; // the whole sheet (or an adapter that read it all)
  const mapping = findLedgerHeader(head.values, remembered);
  if (mapping && !mapping.complete) return head;
  const columns = mapping ? Object.values(mapping.columns) : undefined;
  options.onRead?.("columns");
  return (await port.read([sheet], columns ? { columns } : {})).get(sheet);
}
