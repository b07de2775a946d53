/**
 * What the documents read from a workbook: the month rows of 月度考核, the documents' 参数 rows and the
 * pending decisions of 工单研判. Pure functions of snapshots; an unreadable cell is a problem at its address.
 */
import { DOC_PARAM, readDocSettings, type DocParamCell, type DocParamKey, type DocProblem } from "../../documents/params";
import type { MonthRow } from "../../documents/bulletin";
import { cellAddress } from "../address";
import { LABEL, RESULT_LABEL, SHEET } from "../contract";
import { LEDGER_SHEET, MONTHLY_LABEL } from "../ledger/contract";
import type { CellValue, SheetSnapshot } from "../port";
import { cellOf, normalizeLabel, type Snapshots } from "../tables";
import { conclusionOf, type DecisionColumn, type LedgerCell } from "../../ledger";
import { readDecisionRegister } from "../ledger/judgment-register";
import { DOCS_WMSG, WMSG } from "../messages";

/** The sheet of order decisions (spec I). */
export const JUDGMENT_SHEET = SHEET.judgment;

/** The first row (within the first ten) holding every label, with each label's column. */
function headerOf(snapshot: SheetSnapshot, labels: readonly string[]): { row: number; cols: Map<string, number> } | undefined {
  for (let r = 0; r < Math.min(10, snapshot.values.length); r++) {
    const cols = new Map<string, number>();
    snapshot.values[r].forEach((v, c) => {
      const label = normalizeLabel(v);
      if (label !== undefined && labels.includes(label) && !cols.has(label)) cols.set(label, c);
    });
    if (cols.size === labels.length) return { row: r, cols };
  }
  return undefined;
}

/** "2021年3月" (as 月度考核 writes it) or "2021-03" → "2021-03"; the year row and anything else → undefined. */
export function monthKey(value: CellValue): string | undefined {
  const text = typeof value === "string" ? value.trim() : "";
  const m = /^(\d{4})(?:年|-)(\d{1,2})月?$/u.exec(text);
  const month = m ? Number(m[2]) : 0;
  return m && month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, "0")}` : undefined;
}

const COUNTS = [
  ["orders", LABEL.total], ["due", LABEL.due], ["onTime", LABEL.onTime], ["returned", LABEL.returned],
  ["extensions", LABEL.extensions], ["validCallbacks", LABEL.validCallbacks], ["satisfied", LABEL.satisfied],
] as const;

export interface MonthlyRead {
  /** Rows by month key ("2021-03"), in sheet order. */
  readonly months: ReadonlyMap<string, readonly MonthRow[]>;
  /** Whether 月度考核 has the column 待定研判 (an import before it had none: no per-month pending count). */
  readonly hasPending: boolean;
  readonly problems: readonly DocProblem[];
}

/** The month rows of 月度考核; undefined when the sheet or its header is missing. */
export function readMonthly(snapshot: SheetSnapshot | undefined): MonthlyRead | undefined {
  if (!snapshot) return undefined;
  const labels = [LABEL.name, LABEL.type, MONTHLY_LABEL.month, RESULT_LABEL.total, ...COUNTS.map(([, l]) => l)];
  const header = headerOf(snapshot, labels);
  if (!header) return undefined;
  // Optional: an import before 待定研判 existed wrote none.
  const pendingAt = snapshot.values[header.row].findIndex((v) => normalizeLabel(v) === MONTHLY_LABEL.pending);
  const col = (label: string) => (label === MONTHLY_LABEL.pending ? pendingAt : header.cols.get(label) as number);
  const months = new Map<string, MonthRow[]>();
  const problems: DocProblem[] = [];
  for (let r = header.row + 1; r < snapshot.values.length; r++) {
    const key = monthKey(cellOf(snapshot, r, col(MONTHLY_LABEL.month)));
    // The name as written (normalizeLabel's NFKC would turn the official full-width brackets into ASCII ones).
    const cell = cellOf(snapshot, r, col(LABEL.name));
    const name = typeof cell === "string" && cell.trim() !== "" ? cell.trim() : undefined;
    if (key === undefined || name === undefined) continue;
    const number = (label: string, message = DOCS_WMSG.notNumber): number | null => {
      const v = cellOf(snapshot, r, col(label));
      if (typeof v === "number" && Number.isFinite(v)) return v;
      if (v !== null && v !== "") problems.push({ sheet: LEDGER_SHEET.monthly, cell: cellAddress(r, col(label)), message: message(label, v), listedIn: LEDGER_SHEET.monthly });
      return null;
    };
    const counts = Object.fromEntries(COUNTS.map(([key, label]) => [key, number(label) ?? 0])) as Record<(typeof COUNTS)[number][0], number>;
    const row: MonthRow = {
      name, type: normalizeLabel(cellOf(snapshot, r, col(LABEL.type))) ?? DOCS_WMSG.noType, ...counts, score: number(RESULT_LABEL.total),
      ...(pendingAt < 0 ? {} : { pending: number(MONTHLY_LABEL.pending, DOCS_WMSG.pendingNotNumber) ?? 0 }),
    };
    months.set(key, [...(months.get(key) ?? []), row]);
  }
  return { months, hasPending: pendingAt >= 0, problems };
}

/** Months (keys) in which some unit has orders, in calendar order. */
export function monthsHeld(read: MonthlyRead): string[] {
  return [...read.months].filter(([, rows]) => rows.some((r) => r.orders > 0)).map(([k]) => k).sort();
}

/** The documents' 参数 rows (通报标题 …) as settings, with a problem per bad value. */
export function readDocParams(snapshot: SheetSnapshot | undefined) {
  const cells: Partial<Record<DocParamKey, DocParamCell>> = {};
  const header = snapshot ? headerOf(snapshot, [LABEL.param, LABEL.value]) : undefined;
  if (snapshot && header) {
    const nameCol = header.cols.get(LABEL.param) as number;
    const valueCol = header.cols.get(LABEL.value) as number;
    for (let r = header.row + 1; r < snapshot.values.length; r++) {
      const name = normalizeLabel(cellOf(snapshot, r, nameCol));
      const key = (Object.keys(DOC_PARAM) as DocParamKey[]).find((k) => DOC_PARAM[k] === name);
      if (key && !cells[key]) cells[key] = { value: cellOf(snapshot, r, valueCol), cell: cellAddress(r, valueCol) };
    }
  }
  return readDocSettings(cells, SHEET.params);
}

/**
 * Decisions of 工单研判 still pending (结论 待定 or blank on a row with an order id), read as the import reads them:
 * every month's (the 报告's year; the 通报 of a 月度考核 without 待定研判).
 */
export function pendingDecisions(snapshots: Snapshots): number {
  const { register } = readDecisionRegister(snapshots);
  if (!register) return 0;
  const at = (cells: readonly LedgerCell[], column: DecisionColumn) => {
    const col = register.columns[column];
    return col === undefined ? null : cells[col] ?? null;
  };
  return register.rows.filter((r) => {
    const id = at(r.cells, "工单编号");
    return id !== null && String(id).trim() !== "" && conclusionOf(at(r.cells, "结论")) === "待定";
  }).length;
}

/** The errors 校验 lists (级别 错误): the open problems that make a document a 草稿. */
export function openChecks(snapshot: SheetSnapshot | undefined): DocProblem[] {
  const labels = [LABEL.sheet, LABEL.cell, LABEL.problem, LABEL.level];
  const header = snapshot ? headerOf(snapshot, labels) : undefined;
  if (!snapshot || !header) return [];
  const at = (r: number, label: string) => cellOf(snapshot, r, header.cols.get(label) as number);
  const problems: DocProblem[] = [];
  for (let r = header.row + 1; r < snapshot.values.length; r++) {
    if (normalizeLabel(at(r, LABEL.level)) !== WMSG.level.error) continue;
    const cell = at(r, LABEL.cell);
    const sheet = String(at(r, LABEL.sheet) ?? "");
    problems.push({
      sheet, ...(typeof cell === "string" ? { cell } : {}), message: String(at(r, LABEL.problem) ?? ""),
      ...(sheet === LEDGER_SHEET.problems ? { listedIn: sheet } : {}),
    });
  }
  return problems;
}
