/**
 * 工单导入校验: every ledger row that was not counted (unknown unit, unreadable date, duplicate 工单编号,
 * impossible values …) with its row number, column, value and message, under the summary line (rows read /
 * counted / with problems). Nothing is dropped silently: problems beyond the listing limit are counted in
 * the summary line.
 */
import { columnLetter, cellAddress } from "../address";
import { formatTimestamp, problemCell, type LedgerData, type LedgerProblem, type Period } from "../../ledger";
import type { Finding } from "../findings";
import { cellValue } from "../cell-text";
import { SHEET } from "../contract";
import { LEDGER_WMSG, WMSG } from "../messages";
import type { CellValue, SheetSnapshot, WriteOp } from "../port";
import { LEDGER_SHEET, NOT_LISTED_MARK, PROBLEM_LABEL } from "./contract";
import { ownedSheetOps, type OwnedTable } from "./owned-sheet";
import type { TypedValue } from "./typed-values";

function shownValue(value: LedgerProblem["value"]): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : formatTimestamp(value.getTime() / 1000);
  if (typeof value === "string" && value.trim() === "") return null;
  return value;
}

/** The sheet the ledger was read from, when it is a sheet of this workbook (the task pane's 工单明细). */
export function sourceSheetOf(data: LedgerData): string | undefined {
  const source = data.summary.source;
  return source?.format === "rows" ? source.sheet : undefined;
}

/**
 * The values typed into 热线数据 that the import replaced with consent (spec I): a record, 说明 level, in a
 * table of its own under the problems, so that compute-all never counts them as open problems.
 */
function replacedTable(replaced: readonly TypedValue[]): OwnedTable {
  const label = LEDGER_WMSG.replacedLabel;
  return {
    columns: [
      { label: label.level, center: true }, { label: label.cell }, { label: label.unit, maxWidth: 30 }, { label: label.label },
      { label: label.typed, maxWidth: 30 }, { label: label.imported }, { label: label.note, maxWidth: 100 },
    ],
    rows: replaced.map((t) => [
      WMSG.level.info, `${t.sheet}!${t.cell}`, t.unit, t.label, cellValue(t.typed), t.imported,
      `${LEDGER_WMSG.replacedNote}；${LEDGER_WMSG.judgmentAdvice}`,
    ]),
  };
}

/**
 * 工单导入校验: the ledger's row problems (errors), then 工单研判's problems at their cells with their level
 * (错误 / 警告 / 说明; only errors keep the result a draft), then problems of the register as a whole; the
 * values replaced with consent in a table of their own.
 */
export function problemsSheetOps(previous: SheetSnapshot | undefined, data: LedgerData, period: Period, sourceName: string,
  extra: { readonly replaced?: readonly TypedValue[]; readonly registerFindings?: readonly Finding[] } = {}): { ops: WriteOp[]; findings: Finding[] } {
  const { replaced = [], registerFindings = [] } = extra;
  const level = WMSG.level;
  const rows: CellValue[][] = data.problems.map((p) => [
    p.row, cellValue(LEDGER_WMSG.column(p.header, columnLetter(p.columnIndex))), cellValue(shownValue(p.value)), cellValue(p.message),
    p.unit ?? null, level.error,
  ]);
  const notListed = data.summary.problemsNotListed;
  if (notListed > 0) rows.push([NOT_LISTED_MARK, null, notListed, LEDGER_WMSG.notListed(notListed), null, level.error]);
  const judged = judgmentRows(data, period);
  rows.push(...judged.rows);
  for (const f of registerFindings) rows.push([`${f.sheet}${f.cell ? `!${f.cell}` : ""}`, null, null, cellValue(f.message), null, level[f.severity]]);
  if (rows.length === 0) rows.push([WMSG.noCell, WMSG.noCell, null, LEDGER_WMSG.noProblems, null, null]);
  const { ops, layout } = ownedSheetOps(previous, {
    sheet: LEDGER_SHEET.problems,
    title: LEDGER_WMSG.problemsTitle(sourceName, period),
    notes: [data.summary.text],
    tables: [{
      columns: [
        { label: PROBLEM_LABEL.row, center: true }, { label: PROBLEM_LABEL.column, maxWidth: 30 },
        { label: PROBLEM_LABEL.value, maxWidth: 30 }, { label: PROBLEM_LABEL.problem, maxWidth: 100 },
        { label: PROBLEM_LABEL.unit, maxWidth: 30 }, { label: PROBLEM_LABEL.level, center: true },
      ],
      rows,
    }, ...(replaced.length > 0 ? [replacedTable(replaced)] : [])],
    freezeColumns: replaced.length > 0 ? undefined : 0,
  });
  // A finding per listed problem, pointing at the cell of the pasted sheet, or else at its row here.
  const sheet = sourceSheetOf(data);
  const first = layout.headerRows[0] + 1;
  const findings = data.problems.map((p, i): Finding => ({
    severity: "error", code: "ledgerRow", field: p.column, value: p.value,
    message: LEDGER_WMSG.ledgerRow(p.row, p.header, p.message),
    ...(sheet ? { sheet, cell: problemCell(p) } : { sheet: LEDGER_SHEET.problems, cell: cellAddress(first + i, 0) }),
  }));
  return { ops, findings: [...findings, ...judged.findings, ...registerFindings] };
}

/** 工单研判's problems for the period: a 工单导入校验 row and a finding (at the register's cell) each. */
function judgmentRows(data: LedgerData, period: Period): { rows: CellValue[][]; findings: Finding[] } {
  const problems = data.judgment?.problems(period) ?? [];
  const sheet = SHEET.judgment;
  const rows: CellValue[][] = [];
  const findings: Finding[] = [];
  for (const p of problems) {
    const cell = p.columnIndex === undefined ? undefined : cellAddress(p.row - 1, p.columnIndex);
    const column = p.columnIndex === undefined ? p.column : LEDGER_WMSG.column(p.column, columnLetter(p.columnIndex));
    rows.push([`${sheet}!${cell ?? p.row}`, column, null, cellValue(p.message), p.unit ?? null, WMSG.level[p.level]]);
    // Built field by field: a spread after the first field is a slow runtime call in V8 (thousands of rows).
    const finding: { -readonly [K in keyof Finding]?: Finding[K] } = { severity: p.level, code: "judgmentRow", sheet };
    if (cell) finding.cell = cell;
    finding.field = p.column;
    if (p.unit) finding.unit = p.unit;
    finding.message = LEDGER_WMSG.judgmentRow(p.row, p.column, p.message, cell);
    findings.push(finding as Finding);
  }
  return { rows, findings };
}
