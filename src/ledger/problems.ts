/** Row problems: bad data is listed with where it is, never silently dropped or counted. */
import { columnLetter } from "../sheet";
import type { LedgerColumn } from "./columns";
import { LEDGER_MESSAGES } from "./messages";
import type { LedgerCell } from "./timestamps";

export type LedgerProblemCode =
  | "missingValue"
  | "unknownUnit"
  | "notHotlineUnit"
  | "badDate"
  | "badValue"
  | "duplicateOrder"
  | "impossibleValue"
  /** Bytes the file's encoding cannot read (a cell saved in another encoding). */
  | "undecodable"
  /** A formula cell of an .xlsx without a cached result (the file was never calculated and saved). */
  | "uncalculated";

export interface LedgerProblem {
  readonly code: LedgerProblemCode;
  /** 1-based row as the file or sheet shows it (the header is row 1 when it is the first line). */
  readonly row: number;
  /** The ledger column (canonical label). */
  readonly column: LedgerColumn;
  /** The header as written in the file (may be a synonym). */
  readonly header: string;
  /** 0-based position of the column in the row, for building a cell address. */
  readonly columnIndex: number;
  readonly value: LedgerCell;
  /** Chinese message for the 校验 sheet and the task pane. */
  readonly message: string;
  /** For duplicates: the row that first holds the 工单编号. */
  readonly duplicateOf?: number;
  /** Official name of the row's unit when its 承办单位 names a hotline unit (whose counts the problem touches). */
  readonly unit?: string;
}

export interface LedgerSummary {
  /** Non-blank rows below the header. rowsRead = rowsCounted + rowsWithProblems − rowsPartlyCounted. */
  readonly rowsRead: number;
  /** Rows counted, fully or (rowsPartlyCounted) only in the counts their readable fields allow. */
  readonly rowsCounted: number;
  /** Rows with at least one listed problem. */
  readonly rowsWithProblems: number;
  /**
   * Rows with a problem in a field that only some counts need (spec F: an unknown 回访结果, an unreadable
   * 办结时间 …): counted everywhere else.
   */
  readonly rowsPartlyCounted?: number;
  /** Entirely blank rows, skipped and not part of rowsRead. */
  readonly blankRows: number;
  /** Row number of the header line. */
  readonly headerRow: number;
  /** All problems found (a row may have several). */
  readonly problemCount: number;
  readonly problemsByCode: Readonly<Partial<Record<LedgerProblemCode, number>>>;
  /** Problems beyond the listing limit are counted here but not listed one by one. */
  readonly problemsNotListed: number;
  readonly source?: SourceInfo;
  /** Chinese one-line summary for the task pane and the CLI. */
  readonly text: string;
}

export interface SourceInfo {
  readonly format: "csv" | "xlsx" | "rows";
  /** utf8, gb18030 or utf16le, for CSV. */
  readonly encoding?: string;
  /** Worksheet read, for xlsx. */
  readonly sheet?: string;
  /** The workbook counts dates from 1904 (old Mac Excel): serial numbers are shifted accordingly. */
  readonly date1904?: boolean;
}

export function summaryText(summary: Omit<LedgerSummary, "text">): string {
  const partly = summary.rowsPartlyCounted ?? 0;
  const parts = [LEDGER_MESSAGES.summary(summary.rowsRead, summary.rowsCounted, summary.rowsWithProblems - partly)];
  if (partly > 0) parts.push(LEDGER_MESSAGES.partlyCounted(partly));
  if (summary.blankRows > 0) parts.push(LEDGER_MESSAGES.blankRows(summary.blankRows));
  if (summary.problemsNotListed > 0) parts.push(LEDGER_MESSAGES.problemsOmitted(summary.problemsNotListed));
  return parts.join("；");
}

/** The cell of a problem as Excel names it ("C5"), for the 校验 sheet's 单元格 column. */
export function problemCell(problem: Pick<LedgerProblem, "columnIndex" | "row">): string {
  return `${columnLetter(problem.columnIndex)}${problem.row}`;
}
