/**
 * 研判汇总 (spec I): written by the ledger import, read back by compute-all. Its first table has one row per
 * unit with decisions and one column per 研判事项 and 结论; its second gives, per unit and count, the count
 * before judgment, after it (热线数据) and with every pending decision 成立. Compute-all builds each unit's
 * 扣分说明 line (研判成立N件…：退单数17（研判前18）) and its 若全部成立 score from these cells, so the text
 * comes from the import's own result, not from a second computation.
 */
import type { Organization, Registry, RuleSet } from "../../engine";
import { COUNT_FIELDS, CONCLUSIONS, JUDGMENT_KINDS, type CountField, type JudgmentKind, type LedgerData, type Period } from "../../ledger";
import { JUDGMENT_ERRORS_LABEL, LABEL, SHEET } from "../contract";
import type { CellValue, SheetSnapshot, WriteOp } from "../port";
import { cellOf, normalizeLabel } from "../tables";
import { LEDGER_WMSG } from "../messages";
import { ownedSheetOps } from "./owned-sheet";

/** The second table's columns. */
export const JUDGMENT_COUNT_LABEL = { count: "计数", before: "研判前", after: "研判后", ifPending: "若待定全部成立" } as const;

export interface CountChange {
  readonly field: CountField;
  readonly before: number;
  readonly after: number;
  readonly ifPending: number;
}

/** One unit's decisions as 研判汇总 records them. */
export interface UnitJudgmentRecord {
  readonly applied: readonly { readonly kind: JudgmentKind; readonly count: number }[];
  readonly pending: number;
  /** Counts that judgment moved, or that pending decisions would move. */
  readonly changes: readonly CountChange[];
}

const label = (kind: string, conclusion: string) => `${kind}${conclusion}`;

const NAME_COLUMN = { label: LABEL.name, width: 20, wrap: true } as const;
/** Counts of at most five digits under a label on three lines. */
const COUNT_WIDTH = 7;

/** The plan writing 研判汇总 for the period (nothing when the workbook has neither the sheet nor decisions). */
export function judgmentSummaryOps(previous: SheetSnapshot | undefined, data: LedgerData, period: Period, rules: RuleSet): WriteOp[] {
  const judgment = data.judgment;
  if (!previous && !judgment) return [];
  const byUnit = judgment?.byUnit(period) ?? new Map();
  const [before, after, ifPending] = (["before", "after", "ifPending"] as const).map((s) => data.counts(period, s));
  const kindRows: CellValue[][] = [];
  const countRows: CellValue[][] = [];
  const totals = { 成立: 0, 不成立: 0, 待定: 0, errors: 0 };
  for (const [u, entry] of [...byUnit].sort(([a], [b]) => a - b)) {
    const name = data.units[u].name;
    kindRows.push([name, ...JUDGMENT_KINDS.flatMap((k) => CONCLUSIONS.map((c) => entry.byKind[k][c])), entry.errors]);
    for (const k of JUDGMENT_KINDS) for (const c of CONCLUSIONS) totals[c] += entry.byKind[k][c];
    for (const field of COUNT_FIELDS) {
      const row = [before[u][field], after[u][field], ifPending[u][field]];
      if (row[0] !== row[1] || row[2] !== row[1]) countRows.push([name, field, ...row]);
    }
  }
  const errors = judgment?.errorCount();
  if (errors) {
    totals.errors = errors.total;
    if (errors.withoutUnit > 0) kindRows.push([LEDGER_WMSG.judgmentNoUnit, ...JUDGMENT_KINDS.flatMap(() => CONCLUSIONS.map(() => 0)), errors.withoutUnit]);
  }
  const { ops } = ownedSheetOps(previous, {
    sheet: SHEET.judgmentSummary,
    title: LEDGER_WMSG.judgmentSummaryTitle(period.name),
    notes: [judgment ? LEDGER_WMSG.judgmentTotals(totals) : LEDGER_WMSG.noJudgment, LEDGER_WMSG.judgmentSummaryNote(rules.year)],
    // Narrow fixed widths (headers on three lines, names wrapped): the 29 columns print one A4 page wide legibly.
    tables: [
      {
        columns: [NAME_COLUMN, ...JUDGMENT_KINDS.flatMap((k) => CONCLUSIONS.map((c) => ({ label: label(k, c), center: true, width: COUNT_WIDTH }))),
          { label: JUDGMENT_ERRORS_LABEL, center: true, width: COUNT_WIDTH }],
        rows: kindRows.length > 0 ? kindRows : [[LEDGER_WMSG.drillNone]],
      },
      {
        columns: [NAME_COLUMN, ...Object.values(JUDGMENT_COUNT_LABEL).map((l) => ({ label: l, center: true, width: l === JUDGMENT_COUNT_LABEL.count ? 11 : COUNT_WIDTH }))],
        rows: countRows.length > 0 ? countRows : [[LEDGER_WMSG.drillNone]],
      },
    ],
    freezeColumns: 1,
  });
  return ops;
}

/** 研判汇总 read back: each unit's record (empty when the sheet is missing or was not written by an import). */
export function readJudgmentSummary(snapshot: SheetSnapshot | undefined, registry: Registry): Map<Organization, UnitJudgmentRecord> {
  const records = new Map<Organization, { applied: { kind: JudgmentKind; count: number }[]; pending: number; changes: CountChange[] }>();
  if (!snapshot) return records;
  const entry = (name: CellValue) => {
    const org = typeof name === "string" ? registry.resolve(name) : undefined;
    if (!org) return undefined;
    if (!records.has(org)) records.set(org, { applied: [], pending: 0, changes: [] });
    return records.get(org)!;
  };
  const kinds = headerAt(snapshot, label(JUDGMENT_KINDS[0], CONCLUSIONS[0]));
  if (kinds) {
    for (let r = kinds.row + 1; r < snapshot.values.length && cellOf(snapshot, r, 0) !== null; r++) {
      const e = entry(cellOf(snapshot, r, kinds.columns.get(LABEL.name) ?? 0));
      if (!e) continue;
      for (const kind of JUDGMENT_KINDS) {
        const applied = numberAt(snapshot, r, kinds.columns.get(label(kind, "成立")));
        if (applied > 0) e.applied.push({ kind, count: applied });
        e.pending += numberAt(snapshot, r, kinds.columns.get(label(kind, "待定")));
      }
    }
  }
  const counts = headerAt(snapshot, JUDGMENT_COUNT_LABEL.before);
  if (counts) {
    const at = (r: number, l: string) => cellOf(snapshot, r, counts.columns.get(l) ?? -1);
    for (let r = counts.row + 1; r < snapshot.values.length; r++) {
      const field = at(r, JUDGMENT_COUNT_LABEL.count);
      const e = entry(at(r, LABEL.name));
      if (!e || !(COUNT_FIELDS as readonly CellValue[]).includes(field)) continue;
      const [before, after, ifPending] = [JUDGMENT_COUNT_LABEL.before, JUDGMENT_COUNT_LABEL.after, JUDGMENT_COUNT_LABEL.ifPending].map((l) => at(r, l));
      if (typeof before === "number" && typeof after === "number" && typeof ifPending === "number") {
        e.changes.push({ field: field as CountField, before, after, ifPending });
      }
    }
  }
  return records;
}

function numberAt(snapshot: SheetSnapshot, row: number, col: number | undefined): number {
  const v = col === undefined ? null : cellOf(snapshot, row, col);
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}

/** The row holding `key` (and 单位名称), with its labels' columns. */
function headerAt(snapshot: SheetSnapshot, key: string): { row: number; columns: Map<string, number> } | undefined {
  for (let r = 0; r < snapshot.values.length; r++) {
    const labels = snapshot.values[r].map((v) => normalizeLabel(v));
    if (!labels.includes(normalizeLabel(key)) || !labels.includes(LABEL.name)) continue;
    const columns = new Map<string, number>();
    snapshot.values[r].forEach((v, c) => {
      if (typeof v === "string" && !columns.has(v.trim())) columns.set(v.trim(), c);
    });
    return { row: r, columns };
  }
  return undefined;
}
