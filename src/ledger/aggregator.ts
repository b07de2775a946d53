/**
 * The aggregation core. Rows are pushed one at a time (`add`), from any source; every counted order
 * adds 1 to the month buckets of its events (派单 month: 工单总量/退单/延期; 办理时限 month: 应办结/按期办结;
 * 办结 month: 有效回访/满意). A period is then a sum of month buckets, so one pass serves every month,
 * quarter and year, and the period can be changed after import without reading the file again.
 */
import { REGISTRY_2021, type Organization, type Registry } from "../engine/registry";
import { type HeaderMapping, type LedgerColumn } from "./columns";
import { SLOT, SLOTS } from "./counts";
import { LedgerData, type StoredOrder } from "./ledger-data";
import { LEDGER_MESSAGES, LedgerError } from "./messages";
import { summaryText, type LedgerProblem, type LedgerProblemCode, type SourceInfo } from "./problems";
import { formatTimestamp, monthIndexOf, parseDateCell, type LedgerCell } from "./timestamps";
import { Callback, cellText, detach, isBlank, parseCallback, parseYesNo } from "./values";

export interface AggregatorOptions {
  /** Defaults to REGISTRY_2021. */
  readonly registry?: Registry;
  /** Problems listed one by one (all are counted); default 10,000 keeps memory bounded on a bad file. */
  readonly maxListedProblems?: number;
  /** Row number of the header, for the summary. */
  readonly headerRow?: number;
  readonly source?: SourceInfo;
}

const UNKNOWN = -1;
const NOT_HOTLINE = -2;
const UNIT_CACHE_LIMIT = 20_000;

export class LedgerAggregator {
  private readonly units: readonly Organization[];
  private readonly registry: Registry;
  private readonly unitIndex = new Map<Organization, number>();
  private readonly unitCache = new Map<string, number>();
  private readonly buckets = new Map<number, Int32Array>();
  private readonly orders: StoredOrder[][];
  /** 工单编号 → first row holding it. Needed until the end for duplicates; released by finish(). */
  private ids: Map<string, number> | undefined = new Map();
  private readonly problems: LedgerProblem[] = [];
  private readonly problemsByCode: Partial<Record<LedgerProblemCode, number>> = {};
  private readonly maxListed: number;
  private readonly col: Record<LedgerColumn, number>;
  private rowsRead = 0;
  private rowsCounted = 0;
  private rowsWithProblems = 0;
  private blankRows = 0;
  private problemCount = 0;
  private rowBad = false;
  private lastMonth = NaN;
  private lastBucket: Int32Array | undefined;
  private finished = false;
  private readonly date1904: boolean;

  constructor(private readonly mapping: HeaderMapping, private readonly options: AggregatorOptions = {}) {
    if (!mapping.complete) throw new LedgerError(LEDGER_MESSAGES.missingColumns(mapping.missing));
    this.col = mapping.columns as Record<LedgerColumn, number>;
    this.registry = options.registry ?? REGISTRY_2021;
    this.units = this.registry.hotlineUnits();
    this.units.forEach((unit, i) => this.unitIndex.set(unit, i));
    this.orders = this.units.map(() => []);
    this.maxListed = options.maxListedProblems ?? 10_000;
    this.date1904 = options.source?.date1904 === true;
  }

  /** Adds one ledger row. `rowNumber` is the row as the file or sheet shows it. */
  add(row: readonly LedgerCell[], rowNumber: number): void {
    if (this.finished) throw new Error("LedgerAggregator: add() after finish()");
    if (isBlankRow(row)) {
      this.blankRows++;
      return;
    }
    this.rowsRead++;
    this.rowBad = false;
    const c = this.col;

    const idCell = row[c.工单编号];
    let id = "";
    if (isBlank(idCell)) this.problem("missingValue", rowNumber, "工单编号", idCell, LEDGER_MESSAGES.missingValue("工单编号"));
    else {
      id = detach(cellText(idCell));
      const first = this.ids!.get(id);
      if (first !== undefined) this.problem("duplicateOrder", rowNumber, "工单编号", idCell, LEDGER_MESSAGES.duplicateOrder(id, first), first);
      else this.ids!.set(id, rowNumber);
    }

    const unit = this.unitOf(row[c.承办单位], rowNumber);
    const dispatched = this.date(row, "派单时间", rowNumber, true, false);
    const returned = this.yesNo(row, "是否退单", rowNumber);
    const extended = this.yesNo(row, "是否申请延期", rowNumber);
    // A returned order leaves the unit's 应办结数, so it may come without a deadline.
    const deadline = this.date(row, "办理时限", rowNumber, returned === false, true);
    const closed = this.date(row, "办结时间", rowNumber, false, false);

    const callbackCell = row[c.回访结果];
    const callback = parseCallback(callbackCell);
    if (callback === undefined) this.problem("badValue", rowNumber, "回访结果", callbackCell, LEDGER_MESSAGES.badCallback(callbackCell));

    if (closed < dispatched) {
      this.problem("impossibleValue", rowNumber, "办结时间", row[c.办结时间],
        LEDGER_MESSAGES.closedBeforeDispatch(formatTimestamp(closed), formatTimestamp(dispatched)));
    }
    if (deadline < dispatched) {
      this.problem("impossibleValue", rowNumber, "办理时限", row[c.办理时限],
        LEDGER_MESSAGES.deadlineBeforeDispatch(formatTimestamp(deadline), formatTimestamp(dispatched)));
    }

    if (this.rowBad) {
      this.rowsWithProblems++;
      return;
    }
    this.rowsCounted++;
    this.count(unit, id, rowNumber, dispatched, deadline, closed, returned as boolean, extended as boolean, callback as Callback);
  }

  /** Ends the import: the result answers counts and drill-downs for any period. */
  finish(): LedgerData {
    this.finished = true;
    this.ids = undefined;
    const base = {
      rowsRead: this.rowsRead,
      rowsCounted: this.rowsCounted,
      rowsWithProblems: this.rowsWithProblems,
      blankRows: this.blankRows,
      headerRow: this.options.headerRow ?? 1,
      problemCount: this.problemCount,
      problemsByCode: { ...this.problemsByCode },
      problemsNotListed: this.problemCount - this.problems.length,
      source: this.options.source,
    };
    return new LedgerData(this.units, this.buckets, this.orders, this.problems, { ...base, text: summaryText(base) }, this.mapping);
  }

  private count(unit: number, id: string, row: number, dispatched: number, deadline: number, closed: number,
    returned: boolean, extended: boolean, callback: Callback): void {
    const base = unit * SLOTS;
    let b = this.bucket(monthIndexOf(dispatched));
    b[base + SLOT.total]++;
    if (returned) b[base + SLOT.returned]++;
    if (extended) b[base + SLOT.extended]++;

    const isOpen = Number.isNaN(closed);
    const onTime = !isOpen && closed <= deadline;
    if (!returned) {
      b = this.bucket(monthIndexOf(deadline));
      b[base + SLOT.due]++;
      if (onTime) b[base + SLOT.onTime]++;
    }
    const valid = callback === Callback.Satisfied || callback === Callback.BasicallySatisfied || callback === Callback.Dissatisfied;
    if (!isOpen && valid) {
      b = this.bucket(monthIndexOf(closed));
      b[base + SLOT.validCallback]++;
      if (callback !== Callback.Dissatisfied) b[base + SLOT.satisfied]++;
    }

    // Drill-down keeps only orders that can appear in an appeal list (late, returned, extended, 不满意):
    // a few percent of a normal ledger, so memory stays far below the rows read. The alternative, a
    // second filtered pass, is impossible for a sheet the task pane has already read in chunks.
    const late = !returned && !onTime;
    if (late || returned || extended || (valid && callback === Callback.Dissatisfied)) {
      this.orders[unit].push({ row, id, dispatched, deadline, closed, returned, extended, callback });
    }
  }

  private bucket(month: number): Int32Array {
    if (month === this.lastMonth) return this.lastBucket!;
    let b = this.buckets.get(month);
    if (!b) {
      b = new Int32Array(this.units.length * SLOTS);
      this.buckets.set(month, b);
    }
    this.lastMonth = month;
    this.lastBucket = b;
    return b;
  }

  private unitOf(cell: LedgerCell, rowNumber: number): number {
    if (isBlank(cell)) {
      this.problem("missingValue", rowNumber, "承办单位", cell, LEDGER_MESSAGES.missingValue("承办单位"));
      return UNKNOWN;
    }
    const key = typeof cell === "string" ? cell : cellText(cell);
    let index = this.unitCache.get(key);
    if (index === undefined) {
      const org = this.registry.resolve(cellText(cell));
      index = org === undefined ? UNKNOWN : org.hotline ? this.unitIndex.get(org)! : NOT_HOTLINE;
      if (this.unitCache.size < UNIT_CACHE_LIMIT) this.unitCache.set(detach(key), index);
    }
    if (index === UNKNOWN) this.problem("unknownUnit", rowNumber, "承办单位", cell, LEDGER_MESSAGES.unknownUnit(cell));
    else if (index === NOT_HOTLINE) {
      const official = this.registry.resolve(cellText(cell))!.name;
      this.problem("notHotlineUnit", rowNumber, "承办单位", cell, LEDGER_MESSAGES.notHotlineUnit(cell, official));
    }
    return index;
  }

  /** NaN when blank (a problem only if `required`) or unreadable (always a problem). */
  private date(row: readonly LedgerCell[], column: LedgerColumn, rowNumber: number, required: boolean, endOfDay: boolean): number {
    const cell = row[this.col[column]];
    if (isBlank(cell)) {
      if (required) this.problem("missingValue", rowNumber, column, cell, LEDGER_MESSAGES.missingValue(column));
      return NaN;
    }
    const seconds = parseDateCell(cell, endOfDay, this.date1904);
    if (Number.isNaN(seconds)) this.problem("badDate", rowNumber, column, cell, LEDGER_MESSAGES.badDate(column, cell));
    return seconds;
  }

  private yesNo(row: readonly LedgerCell[], column: LedgerColumn, rowNumber: number): boolean | undefined {
    const cell = row[this.col[column]];
    const value = parseYesNo(cell);
    if (value === undefined) this.problem("badValue", rowNumber, column, cell, LEDGER_MESSAGES.badYesNo(column, cell));
    return value;
  }

  private problem(code: LedgerProblemCode, row: number, column: LedgerColumn, value: LedgerCell, message: string, duplicateOf?: number): void {
    this.rowBad = true;
    this.problemCount++;
    this.problemsByCode[code] = (this.problemsByCode[code] ?? 0) + 1;
    if (this.problems.length >= this.maxListed) return;
    if (typeof value === "string") value = detach(value);
    const columnIndex = this.col[column];
    const header = this.mapping.headers[columnIndex] ?? column;
    message = detach(message);
    this.problems.push(duplicateOf === undefined
      ? { code, row, column, header, columnIndex, value, message }
      : { code, row, column, header, columnIndex, value, message, duplicateOf });
  }
}

function isBlankRow(row: readonly LedgerCell[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}
