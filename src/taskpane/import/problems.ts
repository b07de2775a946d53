// What the 工单导入 part lists and sums up: the problem list, the typed-values question, the source's name, the units
// with orders.
import type { LedgerData, LedgerProblem, Period } from "../../ledger";
import type { Finding } from "../../workbook/findings";
import type { ImportLedgerResult, TypedValue } from "../../workbook/ledger";
import { LEDGER_WMSG } from "../../workbook/messages";
import { IMPORT_TEXT } from "../messages";
import type { ImportProblemView, ImportSource, ImportSummaryView, PickedFile, TypedConfirmForm } from "./types";

/** How many problems the pane lists one by one (工单导入校验 has them all). */
export const MAX_LISTED_LEDGER_PROBLEMS = 100;

/**
 * The problem list: the fill's own problems first (few, about whole units), then the ledger's rows, then the
 * 说明 (typed values replaced with consent: records, not problems).
 */
export function problemViews(problems: readonly LedgerProblem[], findings: readonly Finding[], limit = MAX_LISTED_LEDGER_PROBLEMS): ImportProblemView[] {
  const where = (f: Finding | undefined) => (f?.cell ? `${f.sheet}!${f.cell}` : undefined);
  // importLedger gives one ledgerRow finding per listed problem, in the same order.
  const rowFindings = findings.filter((f) => f.code === "ledgerRow");
  const aligned = rowFindings.length === problems.length;
  const view = (f: Finding): ImportProblemView => ({ severity: f.severity, message: f.message, where: where(f) });
  const others = findings.filter((f) => f.code !== "ledgerRow");
  const rows: ImportProblemView[] = problems.slice(0, limit).map((p, i) => ({
    severity: "error", row: p.row, header: p.header, message: p.message, where: aligned ? where(rowFindings[i]) : undefined,
  }));
  return [...others.filter((f) => f.severity !== "info").map(view), ...rows, ...others.filter((f) => f.severity === "info").map(view)].slice(0, limit);
}

export function sourceText(source: ImportSource): string {
  return source.kind === "sheet" ? IMPORT_TEXT.sheetSource : IMPORT_TEXT.fileSource((source.file as PickedFile).name);
}

/** Hotline units with any order event in the period. */
export function unitsWithOrders(data: LedgerData, period: Period): number {
  return data.counts(period).filter((row) => row.工单总量 > 0 || row.应办结数 > 0 || row.有效回访数 > 0).length;
}

/** The question before replacing values typed into 热线数据: each cell with its typed and imported value. */
export function typedForm(typed: readonly TypedValue[], recorded: boolean): TypedConfirmForm {
  return {
    text: IMPORT_TEXT.typedAsk(typed.length, recorded),
    cells: typed.map((t) => ({
      where: `${t.sheet}!${t.cell}`, unit: t.unit, label: t.label, change: IMPORT_TEXT.typedCell(LEDGER_WMSG.typedValue(t.typed), t.imported),
    })),
  };
}

/** The summary of an import that filled 热线数据. */
export function summaryView(result: Extract<ImportLedgerResult, { status: "ok" }>, source: ImportSource): ImportSummaryView {
  const { data, period, summary } = result;
  const ledger = summary.ledger;
  return {
    period: period.name,
    source: sourceText(source),
    rowsRead: ledger.rowsRead,
    rowsCounted: ledger.rowsCounted,
    rowsWithProblems: ledger.rowsWithProblems,
    problemCount: ledger.problemCount,
    unitsFilled: summary.unitsFilled,
    unitsWithOrders: unitsWithOrders(data, period),
    text: summary.text,
  };
}
