/**
 * 定稿 / 恢复公式. 定稿 turns every formula that calls an ASSESS.* custom function into its current value, so
 * the workbook reads correctly without the add-in, and keeps what it replaced (sheet, cell, formula, value)
 * in a hidden sheet. 恢复公式 puts the formulas back and removes the record. Both are pure plans over
 * snapshots read with formulas; the task pane asks for confirmation before applying them.
 *
 * 定稿 never freezes an error: it asks for a full calculation first, and a cell whose value is an error
 * (#BUSY! while still calculating, #NAME? where Excel does not know the function, #VALUE! …) or that has no
 * result keeps its formula and is listed with what to do. A workbook saved by an Excel that did not have the
 * add-in loaded stores the calls as `_xldudf_ASSESS_…` (possibly behind a reference to another file,
 * `[2]!_xldudf_…`); those are recognised, and recorded under their real name.
 */
import { cellAddress, parseAddress, qualified } from "./address";
import { BACKUP_SHEET, LABEL, SHEET } from "./contract";
import { WMSG } from "./messages";
import type { CellValue, SheetSnapshot, WorkbookPort, WriteOp, WritePlan } from "./port";
import { STYLE, range } from "./styles";
import { cellOf, findHeader, usedHeight, usedWidth, type Snapshots } from "./tables";

/** One replaced formula. `formula` is stored without its leading "=" so the backup cell stays plain text. */
export interface FormulaRecord {
  readonly sheet: string;
  readonly cell: string;
  /** The formula as Excel shows it, with the leading "=". */
  readonly formula: string;
  /** The value written in its place by 定稿. */
  readonly value: CellValue;
}

/** Does this formula call a custom function of the add-in (under its name or as Excel stores an unknown one)? */
export function callsAddin(formula: string): boolean {
  return /(^|[^A-Za-z0-9_.])ASSESS\./i.test(formula) || /(^|[^A-Za-z0-9_.])_xldudf_ASSESS_/i.test(formula);
}

/** A formula with `_xldudf_ASSESS_X` (and any file reference before it) written as `ASSESS.X`. */
export function addinFormula(formula: string): string {
  return formula.replace(/(?:(?:'[^']*'|\[\d+\]|[A-Za-z0-9_.]+)!)?_xldudf_ASSESS_/gi, "ASSESS.");
}

/** The values Excel shows for a formula that failed (Range.values gives the code). */
const ERROR_VALUE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!|EXTERNAL!|PYTHON!|TIMEOUT!)$/;

/** An ASSESS formula 定稿 left as it is, and why. */
export interface KeptFormula {
  readonly sheet: string;
  readonly cell: string;
  readonly formula: string;
  /** The error it shows, or null when the cell has no result. */
  readonly value: CellValue;
  /** Chinese: what the value means and what to do before 定稿 again. */
  readonly reason: string;
}

/** The records kept in the backup sheet (empty when there is none). */
export function readBackup(snapshots: Snapshots): FormulaRecord[] {
  const snapshot = snapshots.get(SHEET.formulaBackup);
  if (!snapshot) return [];
  const header = findHeader(snapshot, BACKUP_SHEET);
  if (!header) return [];
  const col = (label: string) => header.columns.get(label);
  const records: FormulaRecord[] = [];
  for (let r = header.row + 1; r < snapshot.values.length; r++) {
    const get = (label: string) => {
      const c = col(label);
      return c === undefined ? null : cellOf(snapshot, r, c);
    };
    const sheet = get(LABEL.sheet);
    const cell = get(LABEL.cell);
    const formula = get(LABEL.formula);
    if (typeof sheet !== "string" || typeof cell !== "string" || typeof formula !== "string" || !parseAddress(cell)) continue;
    records.push({ sheet, cell, formula: `=${formula}`, value: get(LABEL.finalValue) });
  }
  return records;
}

/** Rewrites the backup sheet with these records (adding it, hidden, when missing; deleting it when empty). */
function backupOps(snapshots: Snapshots, records: readonly FormulaRecord[]): WriteOp[] {
  const sheet = SHEET.formulaBackup;
  const existing = snapshots.get(sheet);
  if (records.length === 0) return existing ? [{ kind: "deleteSheet", sheet }] : [];
  const labels = BACKUP_SHEET.columns.map((c) => c.label);
  const ops: WriteOp[] = [];
  if (!existing) ops.push({ kind: "addSheet", sheet, hidden: true });
  else if (usedHeight(existing) > 0) ops.push({ kind: "clear", range: range(sheet, 0, 0, usedHeight(existing), Math.max(usedWidth(existing), labels.length)) });
  ops.push({ kind: "values", sheet, row: 0, col: 0, values: [labels, ...records.map((r) => [r.sheet, r.cell, r.formula.replace(/^=/, ""), r.value])] });
  ops.push({ kind: "format", range: range(sheet, 0, 0, 1, labels.length), format: STYLE.inputHeader });
  return ops;
}

export interface FinalizeResult {
  readonly plan: WritePlan;
  /** The formulas replaced by their values this time. */
  readonly converted: readonly FormulaRecord[];
  /** ASSESS formulas left in place because their value is an error or missing. */
  readonly kept: readonly KeptFormula[];
}

/**
 * 定稿: every formula containing ASSESS. in any sheet becomes its current value. `snapshots` must be read with
 * formulas, and include the backup sheet when it exists (a second 定稿 adds to its records).
 */
export function finalizePlan(snapshots: Snapshots): FinalizeResult {
  const converted: FormulaRecord[] = [];
  const kept: KeptFormula[] = [];
  const ops: WriteOp[] = [];
  for (const snapshot of snapshots.values()) {
    if (snapshot.name === SHEET.formulaBackup || !snapshot.formulas) continue;
    const uncalculated = new Set((snapshot.uncalculated ?? []).map((at) => `${at.row},${at.col}`));
    snapshot.formulas.forEach((row, r) => row.forEach((formula, c) => {
      if (formula === null || !callsAddin(formula)) return;
      const value = cellOf(snapshot, r, c);
      const cell = cellAddress(r, c);
      const failed = typeof value === "string" && ERROR_VALUE.test(value.trim());
      if (failed || uncalculated.has(`${r},${c}`)) {
        const stored = addinFormula(formula) !== formula;
        kept.push({ sheet: snapshot.name, cell, formula, value: failed ? value : null, reason: WMSG.finalizeKept(failed ? value.trim() : null, stored) });
        return;
      }
      converted.push({ sheet: snapshot.name, cell, formula: addinFormula(formula), value });
      ops.push({ kind: "values", sheet: snapshot.name, row: r, col: c, values: [[value]] });
    }));
  }
  if (converted.length === 0) return { plan: [], converted, kept };
  const replaced = new Set(converted.map((r) => qualified(r.sheet, r.cell)));
  const earlier = readBackup(snapshots).filter((r) => !replaced.has(qualified(r.sheet, r.cell)));
  return { plan: [...ops, ...backupOps(snapshots, [...earlier, ...converted])], converted, kept };
}

export interface RestoreResult {
  readonly plan: WritePlan;
  readonly restored: readonly FormulaRecord[];
  /** Records not restored (the cell changed since 定稿, or its sheet is gone); they stay in the backup. */
  readonly skipped: readonly { readonly record: FormulaRecord; readonly reason: string }[];
}

function sameValue(a: CellValue, b: CellValue): boolean {
  const blank = (v: CellValue) => v === null || v === "";
  return a === b || (blank(a) && blank(b));
}

/** 恢复公式: writes the recorded formulas back where the cell still holds the value 定稿 wrote. */
export function restorePlan(snapshots: Snapshots): RestoreResult {
  const restored: FormulaRecord[] = [];
  const skipped: { record: FormulaRecord; reason: string }[] = [];
  const ops: WriteOp[] = [];
  for (const record of readBackup(snapshots)) {
    const snapshot: SheetSnapshot | undefined = snapshots.get(record.sheet);
    const at = parseAddress(record.cell) as { row: number; col: number };
    const where = qualified(record.sheet, record.cell);
    if (!snapshot) {
      skipped.push({ record, reason: WMSG.restoreSheetMissing(record.sheet) });
      continue;
    }
    const formula = snapshot.formulas?.[at.row]?.[at.col] ?? null;
    if (formula !== null) {
      skipped.push({ record, reason: WMSG.restoreHasFormula(where) });
      continue;
    }
    if (!sameValue(cellOf(snapshot, at.row, at.col), record.value)) {
      skipped.push({ record, reason: WMSG.restoreChanged(where) });
      continue;
    }
    restored.push(record);
    ops.push({ kind: "formulas", sheet: record.sheet, row: at.row, col: at.col, formulas: [[record.formula]] });
  }
  return { plan: [...ops, ...backupOps(snapshots, skipped.map((s) => s.record))], restored, skipped };
}

/** 定稿 through a port: a full calculation (where the port can), then every sheet read with formulas, the plan applied. */
export async function finalizeAll(port: WorkbookPort): Promise<Omit<FinalizeResult, "plan">> {
  await port.calculate?.();
  const { plan, converted, kept } = finalizePlan(await port.read(await port.sheetNames(), { formulas: true }));
  if (plan.length > 0) await port.apply(plan);
  return { converted, kept };
}

/** 恢复公式 through a port. */
export async function restoreAll(port: WorkbookPort): Promise<Omit<RestoreResult, "plan">> {
  const { plan, ...result } = restorePlan(await port.read(await port.sheetNames(), { formulas: true }));
  if (plan.length > 0) await port.apply(plan);
  return result;
}
