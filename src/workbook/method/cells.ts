/** Reading the method sheets' cells (spec G): tables by header label, percent cells, 是/否, numbers, dates. */
import { excel15, isBlank, parseDate } from "../../engine";
import { cellAddress } from "../address";
import type { CellValue, SheetSnapshot } from "../port";
import { cellOf, normalizeLabel } from "../tables";
import { MMSG } from "../messages";

/** A problem of the method: where it is and what is expected. A method with an error scores nothing. */
export interface MethodProblem {
  readonly sheet: string;
  /** A1 address; absent when the problem is about the whole sheet. */
  readonly cell?: string;
  readonly message: string;
  readonly severity: "error" | "warning";
}

export class MethodProblems {
  readonly list: MethodProblem[] = [];

  error(sheet: string, cell: string | undefined, message: string): undefined {
    this.list.push({ sheet, ...(cell === undefined ? {} : { cell }), message, severity: "error" });
    return undefined;
  }

  warning(sheet: string, cell: string | undefined, message: string): void {
    this.list.push({ sheet, ...(cell === undefined ? {} : { cell }), message, severity: "warning" });
  }

  get failed(): boolean {
    return this.list.some((p) => p.severity === "error");
  }
}

/** One row of a method table: values, number formats and A1 addresses by header label. */
export class MethodRow {
  constructor(private readonly table: MethodTable, readonly row: number) {}

  get(label: string): CellValue {
    const col = this.table.columns.get(label);
    return col === undefined ? null : cellOf(this.table.snapshot, this.row, col);
  }

  /** The cell's text, trimmed and Unicode-folded; "" when blank or not text. */
  text(label: string): string {
    const v = this.get(label);
    return v === null ? "" : String(v).normalize("NFKC").trim();
  }

  /** The cell's text as typed (trimmed only): names keep their own spelling. */
  written(label: string): string {
    const v = this.get(label);
    return v === null ? "" : String(v).trim();
  }

  format(label: string): string | null {
    const col = this.table.columns.get(label);
    return col === undefined ? null : this.table.snapshot.numberFormats?.[this.row]?.[col] ?? null;
  }

  at(label: string): string {
    return cellAddress(this.row, this.table.columns.get(label) ?? 0);
  }

  /** "类别 (B5)" as messages name a cell. */
  where(label: string): string {
    return `${label}（${this.at(label)}）`;
  }
}

export interface MethodTable {
  readonly sheet: string;
  readonly snapshot: SheetSnapshot;
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, number>;
  readonly rows: readonly MethodRow[];
}

const HEADER_ROWS = 10;

/**
 * The table of a method sheet: the header row is the first of the first rows holding `key`; blank rows are
 * skipped. A missing required header is an error (undefined).
 */
export function methodTable(
  snapshot: SheetSnapshot, key: string, labels: readonly string[], required: readonly string[], problems: MethodProblems,
): MethodTable | undefined {
  for (let r = 0; r < Math.min(HEADER_ROWS, snapshot.values.length); r++) {
    const columns = new Map<string, number>();
    snapshot.values[r].forEach((v, c) => {
      const label = normalizeLabel(v);
      if (label && labels.includes(label) && !columns.has(label)) columns.set(label, c);
    });
    if (!columns.has(key)) continue;
    const missing = required.filter((l) => !columns.has(l));
    if (missing.length > 0) return problems.error(snapshot.name, undefined, MMSG.missingHeader(snapshot.name, missing));
    const table: { rows: MethodRow[] } & Omit<MethodTable, "rows"> = { sheet: snapshot.name, snapshot, headerRow: r, columns, rows: [] };
    for (let row = r + 1; row < snapshot.values.length; row++) {
      if ([...columns.values()].some((c) => !isBlank(cellOf(snapshot, row, c)))) table.rows.push(new MethodRow(table, row));
    }
    return table;
  }
  return problems.error(snapshot.name, undefined, MMSG.missingHeader(snapshot.name, [key]));
}

/** A number ≥ 0 (numeric text accepted); undefined and an error otherwise. */
export function nonNegative(value: CellValue, at: string, sheet: string, cell: string, problems: MethodProblems): number | undefined {
  const n = numberOf(value);
  if (n === undefined) return problems.error(sheet, cell, isBlank(value) ? MMSG.blank(at) : MMSG.notNumber(at, value));
  if (n < 0) return problems.error(sheet, cell, MMSG.negative(at, value));
  return n;
}

export function numberOf(value: CellValue): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? excel15(value) : undefined;
  if (typeof value !== "string") return undefined;
  const t = value.normalize("NFKC").trim();
  return t !== "" && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? excel15(Number(t)) : undefined;
}

/** 是 / 否 (blank: `blank`); undefined and an error otherwise. */
export function yesNo(value: CellValue, blank: boolean, at: string, sheet: string, cell: string, problems: MethodProblems): boolean | undefined {
  if (isBlank(value)) return blank;
  const t = String(value).normalize("NFKC").trim().toUpperCase();
  if (t === "是" || t === "TRUE") return true;
  if (t === "否" || t === "FALSE") return false;
  return problems.error(sheet, cell, MMSG.notYesNo(at, value));
}

/** A date cell as YYYY-MM-DD. */
export function dateOf(value: CellValue, at: string, sheet: string, cell: string, problems: MethodProblems): string | undefined {
  const parsed = parseDate(value, at);
  if (!parsed.ok || parsed.value === null) return problems.error(sheet, cell, isBlank(value) ? MMSG.blank(at) : MMSG.notDate(at, value));
  return parsed.value;
}

/**
 * A percent cell (spec G) in percent points (97 = 97%): a number whose cell has a percent format is a fraction
 * (0.97 shown as 97%); text "97%" or "97％" is 97%; any other number is in percent points. A plain number
 * strictly between 0 and 1 is refused: it is almost surely a fraction typed without the format.
 */
export function percentOf(
  value: CellValue, format: string | null, at: string, sheet: string, cell: string, problems: MethodProblems,
): number | undefined {
  if (isBlank(value)) return problems.error(sheet, cell, MMSG.blank(at));
  let pct: number | undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return problems.error(sheet, cell, MMSG.percentNotNumber(at, value));
    if (format !== null && format.includes("%")) pct = excel15(value * 100);
    else if (value > 0 && value < 1) return problems.error(sheet, cell, MMSG.percentFraction(at, value));
    else pct = excel15(value);
  } else if (typeof value === "string") {
    const t = value.normalize("NFKC").replace(/\s+/gu, "");
    if (t.endsWith("%")) pct = numberOf(t.slice(0, -1));
    else {
      const n = numberOf(t);
      if (n !== undefined && n > 0 && n < 1) return problems.error(sheet, cell, MMSG.percentFraction(at, value));
      pct = n;
    }
  }
  if (pct === undefined) return problems.error(sheet, cell, MMSG.percentNotNumber(at, value));
  if (pct < 0 || pct > 100) return problems.error(sheet, cell, MMSG.percentRange(at, value));
  return pct;
}
