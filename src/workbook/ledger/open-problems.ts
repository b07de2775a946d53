/**
 * The open problems of the last ledger import, read back by compute-all from 工单导入校验 (the record of that
 * import, rewritten by each one): while it lists problems the results are a draft (spec E). Each problem of
 * a row whose 承办单位 is a hotline unit touches that unit's counts, so the unit's result row names it; the
 * others (unknown units, problems beyond the listing limit) count in the title and in 校验 only.
 */
import type { Organization, Registry } from "../../engine";
import { cellAddress } from "../address";
import type { Finding } from "../findings";
import type { UnitOutcome } from "../hotline-scores";
import { SHEET } from "../contract";
import type { CellValue, SheetSnapshot } from "../port";
import { cellOf, normalizeLabel } from "../tables";
import { LEDGER_SHEET, NOT_LISTED_MARK, PROBLEM_LABEL } from "./contract";
import { LEDGER_WMSG, WMSG } from "../messages";

export interface OpenLedgerProblems {
  /** Problems of the last import: those listed, and those counted beyond the listing limit. */
  readonly count: number;
  /** 工单明细 row numbers with a problem, by unit (official name). */
  readonly rowsByUnit: ReadonlyMap<string, readonly number[]>;
  /** Errors of 工单研判 rows (the decision changed no count), by unit (official name). */
  readonly judgedByUnit: ReadonlyMap<string, number>;
  /** One 校验 error per unit concerned, and one for the problems of no unit. */
  readonly findings: readonly Finding[];
}

export const NO_OPEN_LEDGER_PROBLEMS: OpenLedgerProblems = { count: 0, rowsByUnit: new Map(), judgedByUnit: new Map(), findings: [] };

/** How far down 工单导入校验's header row may be (title and summary lines above it). */
const HEADER_SEARCH_ROWS = 10;

export function openLedgerProblems(snapshot: SheetSnapshot | undefined, registry: Registry): OpenLedgerProblems {
  if (!snapshot) return NO_OPEN_LEDGER_PROBLEMS;
  const header = headerOf(snapshot);
  if (!header) return NO_OPEN_LEDGER_PROBLEMS;
  const { row: headerRow, columns } = header;
  const at = (r: number, label: string) => {
    const c = columns.get(label);
    return c === undefined ? null : cellOf(snapshot, r, c);
  };
  let count = 0;
  const judged = new Map<Organization | typeof NO_UNIT, string[]>();
  const byUnit = new Map<Organization, { rows: number[]; cell: string }>();
  let unattributed = 0;
  let firstUnattributed: string | undefined;
  for (let r = headerRow + 1; r < snapshot.values.length; r++) {
    const rowNumber = at(r, PROBLEM_LABEL.row);
    if (rowNumber === NOT_LISTED_MARK) {
      const more = Number(at(r, PROBLEM_LABEL.value));
      if (Number.isInteger(more) && more > 0) {
        count += more;
        unattributed += more;
        firstUnattributed ??= cellAddress(r, 0);
      }
      continue;
    }
    // Warnings and 说明 (工单研判's, replaced values) are records, not open problems.
    const level = at(r, PROBLEM_LABEL.level);
    if (level !== null && level !== WMSG.level.error) continue;
    if (typeof rowNumber === "string" && rowNumber.startsWith(SHEET.judgment)) {
      count++;
      const org = unitOf(at(r, PROBLEM_LABEL.unit), registry);
      const key = org ?? NO_UNIT;
      judged.set(key, [...(judged.get(key) ?? []), rowNumber]);
      continue;
    }
    if (typeof rowNumber !== "number") continue;
    count++;
    const written = at(r, PROBLEM_LABEL.unit);
    const org = typeof written === "string" && written.trim() !== "" ? registry.resolve(written) : undefined;
    if (org?.hotline) {
      const entry = byUnit.get(org) ?? { rows: [], cell: cellAddress(r, 0) };
      if (!entry.rows.includes(rowNumber)) entry.rows.push(rowNumber);
      byUnit.set(org, entry);
    } else {
      unattributed++;
      firstUnattributed ??= cellAddress(r, 0);
    }
  }
  const sheet = LEDGER_SHEET.problems;
  const findings: Finding[] = [...byUnit].map(([org, { rows, cell }]) => ({
    severity: "error", code: "ledgerOpen", sheet, cell, unit: org.name, message: `${org.name}：${LEDGER_WMSG.openForUnit(rows)}`,
  }));
  if (unattributed > 0) {
    findings.push({ severity: "error", code: "ledgerOpen", sheet, cell: firstUnattributed, message: LEDGER_WMSG.openWithoutUnit(unattributed) });
  }
  // 工单研判 errors: the decision changed no count; the unit's result row names it.
  for (const [org, cells] of judged) {
    const cell = cells[0].slice(SHEET.judgment.length + 1);
    const rows = judgmentRowCount(cells);
    findings.push({
      severity: "error", code: "ledgerOpen", sheet: SHEET.judgment, ...(/^[A-Z]+\d+$/.test(cell) ? { cell } : {}),
      ...(org === NO_UNIT ? {} : { unit: org.name }),
      message: `${org === NO_UNIT ? "" : `${org.name}：`}${LEDGER_WMSG.openJudgment(rows)}`,
    });
  }
  const judgedByUnit = new Map([...judged].flatMap(([org, cells]) => (org === NO_UNIT ? [] : [[org.name, judgmentRowCount(cells)] as const])));
  return { count, rowsByUnit: new Map([...byUnit].map(([org, { rows }]) => [org.name, rows])), judgedByUnit, findings };
}

const NO_UNIT = Symbol("no unit");

/** 工单研判 rows among the listed cells (工单研判!G5, 工单研判!5): a row with two errors is one row. */
function judgmentRowCount(cells: readonly string[]): number {
  return new Set(cells.map((c) => /(\d+)$/.exec(c)?.[1] ?? c)).size;
}

function unitOf(written: CellValue, registry: Registry): Organization | undefined {
  const org = typeof written === "string" && written.trim() !== "" ? registry.resolve(written) : undefined;
  return org?.hotline ? org : undefined;
}

/** The scored units whose counts a problem touches: their 扣分说明 names it. */
export function withLedgerNotes(units: UnitOutcome[], open: OpenLedgerProblems): UnitOutcome[] {
  if (open.rowsByUnit.size === 0 && open.judgedByUnit.size === 0) return units;
  return units.map((u) => {
    const rows = u.score && u.org ? open.rowsByUnit.get(u.org.name) : undefined;
    const judged = u.score && u.org ? open.judgedByUnit.get(u.org.name) : undefined;
    const notes = [...(rows ? [LEDGER_WMSG.unitNote(rows)] : []), ...(judged ? [LEDGER_WMSG.unitJudgmentNote(judged)] : [])];
    return notes.length > 0 ? { ...u, explanation: [u.explanation, ...notes].join("；") } : u;
  });
}

function headerOf(snapshot: SheetSnapshot): { row: number; columns: Map<string, number> } | undefined {
  for (let r = 0; r < Math.min(snapshot.values.length, HEADER_SEARCH_ROWS); r++) {
    const labels = snapshot.values[r].map((v) => normalizeLabel(v));
    if (!labels.includes(PROBLEM_LABEL.row) || !labels.includes(PROBLEM_LABEL.problem)) continue;
    const columns = new Map<string, number>();
    labels.forEach((label, c) => {
      if (label !== undefined && !columns.has(label)) columns.set(label, c);
    });
    return { row: r, columns };
  }
  return undefined;
}
