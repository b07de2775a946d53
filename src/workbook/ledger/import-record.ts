/**
 * The import's record (spec I, "Nothing typed is lost by an import"), kept in the workbook on the hidden
 * sheet _工单导入记录 so that it survives Excel's save: the values the import wrote to each unit's counts in
 * 热线数据 (by unit and label, so sorting or moving rows does not matter), and a fingerprint of the decision
 * columns of 工单研判 it applied. The next import replaces a value freely only when it is what this record
 * says was written; compute-all says 工单研判已修改 when the fingerprint no longer matches.
 */
import { LABEL } from "../contract";
import type { CellValue, SheetSnapshot, WriteOp } from "../port";
import { cellOf, normalizeLabel, type Snapshots } from "../tables";
import { FILLED_LABELS, JUDGMENT_DECISION_LABELS, JUDGMENT_SHEET, LEDGER_SHEET, RECORD_LABEL } from "./contract";
import { ownedSheetOps } from "./owned-sheet";

/** Official unit name → 热线数据 label → the number written there. */
export type WrittenValues = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface ImportRecord {
  readonly written: WrittenValues;
  /** The fingerprint of 工单研判's decision columns when the import ran (absent in a record without one). */
  readonly judgment?: string;
}

/** How far down a header of 工单研判 may be (a title row or notes above it are fine). */
const JUDGMENT_HEADER_ROWS = 10;

/** The record of the last import, or undefined when the workbook has none (never imported, or the sheet deleted). */
export function readImportRecord(snapshots: Snapshots): ImportRecord | undefined {
  const snapshot = snapshots.get(LEDGER_SHEET.record);
  if (!snapshot) return undefined;
  const written = new Map<string, Map<string, number>>();
  let judgment: string | undefined;
  let unitHeader: { row: number; columns: Map<string, number> } | undefined;
  for (let r = 0; r < snapshot.values.length; r++) {
    const first = normalizeLabel(cellOf(snapshot, r, 0));
    if (!unitHeader && first === RECORD_LABEL.item) {
      for (let i = r + 1; i < snapshot.values.length && normalizeLabel(cellOf(snapshot, i, 0)); i++) {
        const value = cellOf(snapshot, i, 1);
        if (normalizeLabel(cellOf(snapshot, i, 0)) === RECORD_LABEL.judgment && typeof value === "string") judgment = value;
      }
    } else if (!unitHeader && first === LABEL.name) {
      const columns = new Map<string, number>();
      snapshot.values[r].forEach((v, c) => {
        const label = normalizeLabel(v);
        if (label && !columns.has(label)) columns.set(label, c);
      });
      unitHeader = { row: r, columns };
    } else if (unitHeader && typeof cellOf(snapshot, r, 0) === "string") {
      const values = new Map<string, number>();
      for (const label of FILLED_LABELS) {
        const c = unitHeader.columns.get(label);
        const v = c === undefined ? null : cellOf(snapshot, r, c);
        if (typeof v === "number") values.set(label, v);
      }
      written.set(String(cellOf(snapshot, r, 0)).trim(), values);
    }
  }
  return { written, ...(judgment !== undefined ? { judgment } : {}) };
}

/**
 * Rewrites the record: `written` (this import's values) over the previous record's entries for units this
 * import did not write, and the fingerprint of 工单研判 as this import read it.
 */
export function importRecordOps(snapshots: Snapshots, written: WrittenValues): WriteOp[] {
  const merged = new Map<string, ReadonlyMap<string, number>>(readImportRecord(snapshots)?.written ?? []);
  for (const [unit, values] of written) merged.set(unit, values);
  const rows = [...merged].map(([unit, values]) => [unit, ...FILLED_LABELS.map((label) => values.get(label) ?? null)]);
  return ownedSheetOps(snapshots.get(LEDGER_SHEET.record), {
    sheet: LEDGER_SHEET.record,
    hidden: true,
    tables: [
      { columns: [{ label: RECORD_LABEL.item }, { label: RECORD_LABEL.value }], rows: [[RECORD_LABEL.judgment, judgmentFingerprint(snapshots.get(JUDGMENT_SHEET))]] },
      { columns: [LABEL.name, ...FILLED_LABELS].map((label) => ({ label })), rows },
    ],
  }).ops;
}

/**
 * A fingerprint of the decision columns of 工单研判 (工单编号, 承办单位, 研判事项, 更正为, 结论), by header label
 * (moving a column changes nothing) and as a set of rows (sorting the register changes nothing). Values are
 * compared as text after Unicode folding and trimming. A missing sheet is an empty register.
 */
export function judgmentFingerprint(snapshot: SheetSnapshot | undefined): string {
  if (!snapshot) return hash("");
  // The import records it and compute-all compares it on the same snapshot (a port returns one snapshot until a write).
  let known = FINGERPRINTS.get(snapshot);
  if (known === undefined) FINGERPRINTS.set(snapshot, (known = registerFingerprint(snapshot)));
  return known;
}

const FINGERPRINTS = new WeakMap<SheetSnapshot, string>();

function registerFingerprint(snapshot: SheetSnapshot): string {
  const header = judgmentHeader(snapshot);
  if (!header) return hash(`无表头\u0000${snapshot.values.length}`);
  const lines: string[] = [];
  for (let r = header.row + 1; r < snapshot.values.length; r++) {
    const cells = header.cols.map((c) => (c === undefined ? "" : text(cellOf(snapshot, r, c))));
    if (cells.some((t) => t !== "")) lines.push(cells.join("\u0001"));
  }
  return hash(lines.sort().join("\u0002"));
}

function judgmentHeader(snapshot: SheetSnapshot): { row: number; cols: (number | undefined)[] } | undefined {
  for (let r = 0; r < Math.min(JUDGMENT_HEADER_ROWS, snapshot.values.length); r++) {
    const labels = snapshot.values[r].map((v) => normalizeLabel(v));
    const cols = JUDGMENT_DECISION_LABELS.map((label) => {
      const c = labels.indexOf(label);
      return c < 0 ? undefined : c;
    });
    // 工单编号 and 研判事项 identify the header row; the other columns may be missing.
    if (labels.includes("工单编号") && labels.includes("研判事项")) return { row: r, cols };
  }
  return undefined;
}

function text(value: CellValue): string {
  if (value === null) return "";
  const s = String(value);
  // ASCII is its own NFKC form (ids, numbers); other text repeats (units, 研判事项, 结论) and is folded once.
  if (!NON_ASCII.test(s)) return s.trim();
  let folded = FOLDED.get(s);
  if (folded === undefined) {
    folded = s.normalize("NFKC").trim();
    if (FOLDED.size < FOLDED_LIMIT) FOLDED.set(s, folded);
  }
  return folded;
}

const NON_ASCII = /[^\u0000-\u007F]/;
const FOLDED = new Map<string, string>();
const FOLDED_LIMIT = 10_000;

/** cyrb53: a 53-bit string hash, as 14 hex digits (a change detector, not a security measure). */
function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/** Compute-all: has 工单研判 changed since the last import? No for a workbook without 工单研判 or without a record. */
export function judgmentChangedSinceImport(snapshots: Snapshots): boolean {
  const record = readImportRecord(snapshots);
  const sheet = snapshots.get(JUDGMENT_SHEET);
  if (!record || record.judgment === undefined || !sheet) return false;
  return judgmentFingerprint(sheet) !== record.judgment;
}
