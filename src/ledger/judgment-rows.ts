/**
 * Reading 工单研判's rows (plain values handed over by the workbook layer): each row's own checks, which
 * need no ledger (catalogue words, 更正为, dates). The checks against the ledger are in judgment-resolve.ts.
 */
import { DECISION_COLUMNS, CORRECTED_KINDS, JUDGMENT_KINDS, conclusionOf, judgmentKindOf, type Conclusion, type DecisionColumn, type JudgmentKind } from "./judgment-catalogue";
import { LEDGER_MESSAGES } from "./messages";
import { orderIdOf } from "./order-id";
import { parseDateCell, type LedgerCell } from "./timestamps";
import { isBlank, parseCallback, type Callback } from "./values";

/** One row of 工单研判: its 1-based sheet row and its cells (0-based columns, as the sheet holds them). */
export interface DecisionRow {
  readonly row: number;
  readonly cells: readonly LedgerCell[];
}

/** The register as read by the workbook layer: where each header is, the rows below it, 参数's 申诉期限（天）. */
export interface DecisionRegister {
  /** 0-based column of each header found; a missing column reads as blank. */
  readonly columns: Partial<Record<DecisionColumn, number>>;
  readonly rows: readonly DecisionRow[];
  /** 申诉期限（天）; absent: no time limit. */
  readonly appealDays?: number;
  /** Dates typed as serials of the 1904 date system (a Mac workbook). */
  readonly date1904?: boolean;
}

export type JudgmentLevel = "error" | "warning" | "info";

/** A problem of one 工单研判 cell (spec I's levels: error, warning, 说明). */
export interface JudgmentProblem {
  readonly row: number;
  readonly column: DecisionColumn;
  /** 0-based, when the register has the column. */
  readonly columnIndex?: number;
  readonly level: JudgmentLevel;
  readonly message: string;
  /** Official name of the order's unit, when the row found its order. */
  readonly unit?: string;
}

export interface ParsedDecision {
  /** Position in the register (sheet order). */
  readonly index: number;
  readonly row: number;
  /** 工单编号 after the id rule; "" when blank. */
  readonly id: string;
  readonly unitCell: LedgerCell;
  readonly kind?: JudgmentKind;
  readonly conclusion?: Conclusion;
  /** 回访更正's new 回访结果. */
  readonly callback?: Callback;
  /** 重复工单's order merged into (id rule applied). */
  readonly parent?: string;
  /** Naive seconds; NaN when blank or unreadable. */
  readonly proposed: number;
  readonly decided: number;
  /** A problem of the row itself (listed): it changes no count. */
  readonly error: boolean;
}

const M = LEDGER_MESSAGES.judgment;

/** Rows with nothing in any register column are skipped (the template's spare rows). */
function isBlankRow(row: DecisionRow, columns: DecisionRegister["columns"]): boolean {
  return DECISION_COLUMNS.every((c) => columns[c] === undefined || isBlank(row.cells[columns[c] as number]));
}

/** Each non-blank row parsed, with the problems a row shows by itself. */
export function parseDecisions(register: DecisionRegister): { decisions: ParsedDecision[]; problems: JudgmentProblem[] } {
  const decisions: ParsedDecision[] = [];
  const problems: JudgmentProblem[] = [];
  for (const row of register.rows) {
    if (isBlankRow(row, register.columns)) continue;
    decisions.push(parseRow(row, decisions.length, register, problems));
  }
  return { decisions, problems };
}

function parseRow(row: DecisionRow, index: number, register: DecisionRegister, problems: JudgmentProblem[]): ParsedDecision {
  const { columns } = register;
  const cell = (c: DecisionColumn): LedgerCell => (columns[c] === undefined ? null : row.cells[columns[c] as number]);
  let error = false;
  const problem = (column: DecisionColumn, level: JudgmentLevel, message: string) => {
    problems.push({ row: row.row, column, columnIndex: columns[column], level, message });
    if (level === "error") error = true;
  };
  const id = orderIdOf(cell("工单编号"));
  if (id === "") problem("工单编号", "error", M.missingId);
  const kindCell = cell("研判事项");
  const kind = judgmentKindOf(kindCell);
  if (kind === undefined) problem("研判事项", "error", isBlank(kindCell) ? M.missingKind(JUDGMENT_KINDS) : M.unknownKind(kindCell, JUDGMENT_KINDS));
  const conclusionCell = cell("结论");
  const conclusion = conclusionOf(conclusionCell);
  if (conclusion === undefined) problem("结论", "error", M.unknownConclusion(conclusionCell));

  const correction = cell("更正为");
  let callback: Callback | undefined;
  let parent: string | undefined;
  if (kind === "回访更正") {
    callback = isBlank(correction) ? undefined : parseCallback(correction);
    if (callback === undefined) problem("更正为", "error", M.badCorrection(correction));
  } else if (kind === "重复工单") {
    parent = orderIdOf(correction);
    if (parent === "") problem("更正为", "error", M.missingParent);
    else if (parent === id) problem("更正为", "error", M.selfParent(id));
  } else if (kind !== undefined && !isBlank(correction) && !CORRECTED_KINDS.includes(kind)) {
    problem("更正为", "warning", M.correctionIgnored(kind, correction));
  }

  const date = (c: DecisionColumn): number => {
    const value = cell(c);
    if (isBlank(value)) return NaN;
    const seconds = parseDateCell(value, false, register.date1904 === true);
    if (seconds !== seconds) problem(c, "error", M.badDate(c, value));
    return seconds;
  };
  const proposed = date("提出日期");
  const decided = date("决定日期");
  if (decided < proposed) problem("决定日期", "error", M.decidedBeforeProposed);
  if ((conclusion === "成立" || conclusion === "不成立") && isBlank(cell("决定日期"))) problem("决定日期", "warning", M.missingDecisionDate(conclusion));
  return { index, row: row.row, id, unitCell: cell("承办单位"), kind, conclusion, callback, parent, proposed, decided, error };
}
