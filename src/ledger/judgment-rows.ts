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
  /** 研判事项 and 结论 as typed, for showing a row whose word is unreadable. */
  readonly kindCell: LedgerCell;
  readonly conclusionCell: LedgerCell;
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
  const reader = new RowReader(register);
  for (const row of register.rows) {
    if (isBlankRow(row, register.columns)) continue;
    decisions.push(reader.read(row, decisions.length));
  }
  return { decisions, problems: reader.problems };
}

/**
 * The ids the register names (each row's 工单编号, and the order a 重复工单 row merges into), in sheet order,
 * as parseDecisions reads them, without the rest of each row: the import needs them before the ledger and
 * the decisions only after it (their dates, parsed first, would shape the date parsing of a million rows).
 */
export function decisionIds(register: DecisionRegister): Set<string> {
  const ids = new Set<string>();
  const cell = (row: DecisionRow, c: DecisionColumn): LedgerCell => {
    const at = register.columns[c];
    return at === undefined ? null : row.cells[at];
  };
  for (const row of register.rows) {
    if (isBlankRow(row, register.columns)) continue;
    const id = orderIdOf(cell(row, "工单编号"));
    if (id !== "") ids.add(id);
    if (judgmentKindOf(cell(row, "研判事项")) !== "重复工单") continue;
    const parent = orderIdOf(cell(row, "更正为"));
    if (parent !== "") ids.add(parent);
  }
  return ids;
}

/** One row at a time (a class, not closures per row: tsx wraps every closure it creates in a naming call). */
class RowReader {
  readonly problems: JudgmentProblem[] = [];
  private row: DecisionRow = { row: 0, cells: [] };
  private error = false;

  constructor(private readonly register: DecisionRegister) {}

  private cell(c: DecisionColumn): LedgerCell {
    const at = this.register.columns[c];
    return at === undefined ? null : this.row.cells[at];
  }

  private problem(column: DecisionColumn, level: JudgmentLevel, message: string): void {
    this.problems.push({ row: this.row.row, column, columnIndex: this.register.columns[column], level, message });
    if (level === "error") this.error = true;
  }

  private date(c: DecisionColumn): number {
    const value = this.cell(c);
    if (isBlank(value)) return NaN;
    const seconds = parseDateCell(value, false, this.register.date1904 === true);
    if (seconds !== seconds) this.problem(c, "error", M.badDate(c, value));
    return seconds;
  }

  read(row: DecisionRow, index: number): ParsedDecision {
    this.row = row;
    this.error = false;
    const id = orderIdOf(this.cell("工单编号"));
    if (id === "") this.problem("工单编号", "error", M.missingId);
    const kindCell = this.cell("研判事项");
    const kind = judgmentKindOf(kindCell);
    if (kind === undefined) this.problem("研判事项", "error", isBlank(kindCell) ? M.missingKind(JUDGMENT_KINDS) : M.unknownKind(kindCell, JUDGMENT_KINDS));
    const conclusionCell = this.cell("结论");
    const conclusion = conclusionOf(conclusionCell);
    if (conclusion === undefined) this.problem("结论", "error", M.unknownConclusion(conclusionCell));
    const { callback, parent } = this.correction(kind, id);
    const proposed = this.date("提出日期");
    const decided = this.date("决定日期");
    if (decided < proposed) this.problem("决定日期", "error", M.decidedBeforeProposed);
    if ((conclusion === "成立" || conclusion === "不成立") && isBlank(this.cell("决定日期"))) this.problem("决定日期", "warning", M.missingDecisionDate(conclusion));
    return { index, row: row.row, id, unitCell: this.cell("承办单位"), kindCell, conclusionCell, kind, conclusion, callback, parent, proposed, decided, error: this.error };
  }

  /** 更正为: a 回访结果 for 回访更正, the order merged into for 重复工单, blank otherwise (a value is a warning). */
  private correction(kind: JudgmentKind | undefined, id: string): { callback?: Callback; parent?: string } {
    const correction = this.cell("更正为");
    if (kind === "回访更正") {
      const callback = isBlank(correction) ? undefined : parseCallback(correction);
      if (callback === undefined) this.problem("更正为", "error", M.badCorrection(correction));
      return { callback };
    }
    if (kind === "重复工单") {
      const parent = orderIdOf(correction);
      if (parent === "") this.problem("更正为", "error", M.missingParent);
      else if (parent === id) this.problem("更正为", "error", M.selfParent(id));
      return { parent };
    }
    if (kind !== undefined && !isBlank(correction) && !CORRECTED_KINDS.includes(kind)) this.problem("更正为", "warning", M.correctionIgnored(kind, correction));
    return {};
  }
}
