/**
 * Reading a contract sheet as a table: the header row is found by its labels (after trimming spaces) within
 * the first rows, so a title row above it is fine, column order is free and extra columns are ignored.
 */
import { isBlank, type Where } from "../engine";
import { cellAddress } from "./address";
import { cellIssue, isUncalculated, type CellIssue } from "./cell-issues";
import { HEADER_SEARCH_ROWS, type SheetSpec } from "./contract";
import type { Findings } from "./findings";
import { WMSG } from "./messages";
import type { CellValue, SheetSnapshot } from "./port";

export type Snapshots = ReadonlyMap<string, SheetSnapshot>;

/** A header label as compared: Unicode-folded (full-width → half-width) and trimmed. */
export function normalizeLabel(value: CellValue | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const t = value.normalize("NFKC").trim();
  return t === "" ? undefined : t;
}

export function cellOf(snapshot: SheetSnapshot, row: number, col: number): CellValue {
  return snapshot.values[row]?.[col] ?? null;
}

/** Number of columns of the used range (the widest row). */
export function usedWidth(snapshot: SheetSnapshot): number {
  return snapshot.values.reduce((w, row) => Math.max(w, lastFilled(row) + 1), 0);
}

/** Number of rows up to the last row holding a value. */
export function usedHeight(snapshot: SheetSnapshot): number {
  for (let r = snapshot.values.length - 1; r >= 0; r--) if (lastFilled(snapshot.values[r]) >= 0) return r + 1;
  return 0;
}

function lastFilled(row: readonly CellValue[]): number {
  for (let c = row.length - 1; c >= 0; c--) if (!isBlank(row[c])) return c;
  return -1;
}

export function isEmptySheet(snapshot: SheetSnapshot): boolean {
  return usedHeight(snapshot) === 0;
}

export interface HeaderMap {
  /** 0-based header row. */
  readonly row: number;
  /** Contract label → 0-based column (the first one when a label appears twice). */
  readonly columns: ReadonlyMap<string, number>;
  /** Contract labels not in the header row, in contract order. */
  readonly missing: readonly string[];
  readonly duplicates: readonly { readonly label: string; readonly cols: readonly number[] }[];
}

/** The header row: among the first rows holding the key label, the one with the most contract labels. */
export function findHeader(snapshot: SheetSnapshot, spec: SheetSpec, searchRows = HEADER_SEARCH_ROWS): HeaderMap | undefined {
  const labels = spec.columns.map((c) => c.label);
  const wanted = new Map(labels.map((l) => [normalizeLabel(l) as string, l]));
  let best: { row: number; found: Map<string, number[]> } | undefined;
  for (let r = 0; r < Math.min(searchRows, snapshot.values.length); r++) {
    const found = new Map<string, number[]>();
    snapshot.values[r].forEach((value, c) => {
      const label = wanted.get(normalizeLabel(value) ?? "");
      if (label) found.set(label, [...(found.get(label) ?? []), c]);
    });
    if (!found.has(spec.key)) continue;
    if (!best || found.size > best.found.size) best = { row: r, found };
  }
  if (!best) return undefined;
  const found = best.found;
  return {
    row: best.row,
    columns: new Map([...found].map(([label, cols]) => [label, cols[0]])),
    missing: labels.filter((l) => !found.has(l)),
    duplicates: [...found].filter(([, cols]) => cols.length > 1).map(([label, cols]) => ({ label, cols })),
  };
}

/** One data row of a table: values and addresses by header label. */
export class TableRow {
  constructor(private readonly table: Table, readonly row: number) {}

  has(label: string): boolean {
    return this.table.header.columns.has(label);
  }

  /** The cell under this label (null when the column is missing). */
  get(label: string): CellValue {
    const col = this.table.header.columns.get(label);
    return col === undefined ? null : cellOf(this.table.snapshot, this.row, col);
  }

  /** A formula without a result or an error value under this label (never to be read as blank or 0). */
  issue(label: string): CellIssue | undefined {
    const col = this.table.header.columns.get(label);
    return col === undefined ? undefined : cellIssue(this.table.snapshot, this.row, col);
  }

  /** Sheet and A1 address of the cell under this label (the row's first cell when the column is missing). */
  at(label: string): Required<Where> {
    const col = this.table.header.columns.get(label) ?? 0;
    return { sheet: this.table.snapshot.name, cell: cellAddress(this.row, col) };
  }
}

export interface Table {
  readonly snapshot: SheetSnapshot;
  readonly spec: SheetSpec;
  readonly header: HeaderMap;
  /** A needed column is missing: the table cannot be read reliably. */
  readonly blocked: boolean;
}

/**
 * Data rows below the header that hold anything in the sheet's input columns (blank rows are skipped; a
 * formula without a result is not blank).
 */
export function dataRows(table: Table): TableRow[] {
  const inputCols = table.spec.columns.filter((c) => !c.result).map((c) => table.header.columns.get(c.label))
    .filter((c): c is number => c !== undefined);
  const rows: TableRow[] = [];
  for (let r = table.header.row + 1; r < table.snapshot.values.length; r++) {
    if (inputCols.some((c) => !isBlank(cellOf(table.snapshot, r, c)) || isUncalculated(table.snapshot, r, c))) rows.push(new TableRow(table, r));
  }
  return rows;
}

export interface OpenOptions {
  /** Severity and consequence when the sheet is missing. */
  readonly missing: { readonly severity: "error" | "warning"; readonly consequence: string };
}

/**
 * Finds a contract sheet's table and lists what is wrong with its shape: a missing sheet, no header row,
 * missing or doubled header labels. Undefined when the sheet cannot be read at all.
 */
export function openTable(snapshots: Snapshots, spec: SheetSpec, findings: Findings, options: OpenOptions): Table | undefined {
  const snapshot = snapshots.get(spec.name);
  if (!snapshot) {
    findings.add({
      severity: options.missing.severity, code: "missingSheet", sheet: spec.name,
      message: WMSG.missingSheet(spec.name, options.missing.consequence),
    });
    return undefined;
  }
  const header = findHeader(snapshot, spec);
  if (!header) {
    findings.add({ severity: "error", code: "missingHeader", sheet: spec.name, message: WMSG.headerNotFound(spec.name, spec.key, HEADER_SEARCH_ROWS) });
    return undefined;
  }
  const headerCell = cellAddress(header.row, 0);
  let blocked = false;
  for (const label of header.missing) {
    const column = spec.columns.find((c) => c.label === label);
    if (!column || column.result || column.optional) continue;
    const partOfUsedGroup = column.group !== undefined &&
      spec.columns.some((c) => c.group === column.group && header.columns.has(c.label));
    const needed = column.needed === true || partOfUsedGroup;
    if (needed) blocked = true;
    const consequence = WMSG.optionalHeaderConsequence[column.group ?? label] ?? WMSG.optionalHeaderConsequence.default;
    findings.add({
      severity: needed ? "error" : "warning", code: "missingHeader", sheet: spec.name, cell: headerCell, field: label,
      message: needed ? WMSG.missingNeededHeader(label) : WMSG.missingOptionalHeader(label, consequence),
    });
  }
  for (const d of header.duplicates) {
    findings.add({
      severity: "warning", code: "duplicateHeader", sheet: spec.name, cell: cellAddress(header.row, d.cols[1]), field: d.label,
      message: WMSG.duplicateHeader(d.label, cellAddress(header.row, d.cols[0])),
    });
  }
  return { snapshot, spec, header, blocked };
}
