/**
 * The aggregation core. Rows are pushed one at a time (`add`), from any source; every counted order
 * adds 1 to the month buckets of its events (派单 month: 工单总量/退单/延期; 办理时限 month: 应办结/按期办结;
 * 办结 month: 有效回访/满意). A period is then a sum of month buckets, so one pass serves every month,
 * quarter and year, and the period can be changed after import without reading the file again.
 *
 * Speed: a million rows in well under a second. Per row, the usual cells take a short path: a unit
 * spelling, a 是/否 and a 回访结果 are resolved once per distinct string (a ledger has a few hundred
 * spellings, a million rows), date serials are plain arithmetic, order ids go to a numeric table
 * (order-ids.ts), and nothing is allocated unless the order is kept for the drill-down. Anything
 * unusual (blank, padded, a number where text is expected) takes the general path, which decides
 * every value exactly as before. The counting itself (`OrderCounter`) takes parsed orders only.
 */
import type { Organization, Registry } from "../engine/registry";
import { LEDGER_COLUMNS, type HeaderMapping, type LedgerColumn } from "./columns";
import { LedgerData } from "./ledger-data";
import { LEDGER_MESSAGES, LedgerError } from "./messages";
import { OrderCounter } from "./order-counter";
import { summaryText, type LedgerProblem, type LedgerProblemCode, type SourceInfo } from "./problems";
import { FIRST_MARKED, OrderIdSet } from "./order-ids";
import type { LedgerRules } from "./rules";
import { hasWideCharacters, normalizeOrderIdText } from "./order-id";
import { JudgmentWatch } from "./judgment-watch";
import type { DecisionRegister } from "./judgment-rows";
import type { JudgmentScope } from "./judgment-resolve";
import { formatTimestamp, parseDateCell, type LedgerCell } from "./timestamps";
import { Callback, CALLBACK_RESULTS, cellText, detach, isBlank, parseCallback, parseYesNo } from "./values";

export interface AggregatorOptions {
  /** The method in force: its units, which 回访结果 are valid and which satisfied, its title. */
  readonly rules: LedgerRules;
  /** Problems listed one by one (all are counted); default 10,000 keeps memory bounded on a bad file. */
  readonly maxListedProblems?: number;
  /** Row number of the header, for the summary. */
  readonly headerRow?: number;
  readonly source?: SourceInfo;
  /** 工单研判 (spec I): its decisions are applied to the counts; `scope` "year" unless the import is for a month or quarter. */
  readonly judgment?: { readonly register: DecisionRegister; readonly scope?: JudgmentScope };
}

const UNKNOWN = -1;
const NOT_HOTLINE = -2;
const UNIT_CACHE_LIMIT = 20_000;
const VALUE_CACHE_LIMIT = 1_000;

// tsx, which runs the CLI, compiles an imported binding to a getter call on every use; the functions
// and constants used per row are therefore read once here.
const parseDate = parseDateCell;
const isBlankCell = isBlank;
const C_NONE = Callback.None;
const CALLBACK_BY_NAME = new Map<string, Callback>(CALLBACK_RESULTS.map((name, i) => [name, i as Callback]));

export class LedgerAggregator {
  private readonly units: readonly Organization[];
  private readonly registry: Registry;
  private readonly unitIndex = new Map<Organization, number>();
  private readonly unitCache = new Map<string, number>();
  private readonly yesNoCache = new Map<string, boolean | undefined>();
  private readonly callbackCache = new Map<string, Callback | undefined>();
  private readonly counter: OrderCounter;
  /** 工单编号 → first row holding it. Needed until the end for duplicates; released by finish(). */
  private ids: OrderIdSet | undefined = new OrderIdSet();
  private readonly problems: LedgerProblem[] = [];
  private readonly problemsByCode: Partial<Record<LedgerProblemCode, number>> = {};
  private readonly maxListed: number;
  private readonly col: Record<LedgerColumn, number>;
  /** The mapped column indexes (a row's uncalculated cells elsewhere, such as a helper formula, change nothing). */
  private readonly mappedColumns: ReadonlySet<number>;
  /** The last list of uncalculated columns found all unmapped (the .xlsx reader hands consecutive rows the same list). */
  private unmappedOnly: readonly number[] | undefined;
  // Column positions, read per row.
  private readonly cId: number;
  private readonly cUnit: number;
  private readonly cDispatched: number;
  private readonly cDeadline: number;
  private readonly cClosed: number;
  private readonly cReturned: number;
  private readonly cExtended: number;
  private readonly cCallback: number;
  private rowsRead = 0;
  private rowsCounted = 0;
  private rowsWithProblems = 0;
  private rowsPartlyCounted = 0;
  private blankRows = 0;
  private problemCount = 0;
  /** The row has a problem that keeps it out of every count. */
  private rowBad = false;
  /** The row has a problem in a field only some counts need. */
  private rowPartial = false;
  private finished = false;
  private readonly date1904: boolean;
  /** The orders 工单研判 names, caught as they pass; undefined without a register. */
  private readonly watch: JudgmentWatch | undefined;

  constructor(private readonly mapping: HeaderMapping, private readonly options: AggregatorOptions) {
    if (!mapping.complete) throw new LedgerError(LEDGER_MESSAGES.missingColumns(mapping.missing));
    this.col = mapping.columns as Record<LedgerColumn, number>;
    this.mappedColumns = new Set(LEDGER_COLUMNS.map((c) => this.col[c]));
    this.cId = this.col.工单编号;
    this.cUnit = this.col.承办单位;
    this.cDispatched = this.col.派单时间;
    this.cDeadline = this.col.办理时限;
    this.cClosed = this.col.办结时间;
    this.cReturned = this.col.是否退单;
    this.cExtended = this.col.是否申请延期;
    this.cCallback = this.col.回访结果;
    this.registry = options.rules.registry;
    this.units = this.registry.hotlineUnits();
    this.units.forEach((unit, i) => this.unitIndex.set(unit, i));
    this.counter = new OrderCounter(this.units.length, options.rules.hotline.callbacks);
    this.maxListed = options.maxListedProblems ?? 10_000;
    this.date1904 = options.source?.date1904 === true;
    this.watch = options.judgment ? new JudgmentWatch(options.judgment.register, options.judgment.scope ?? "year") : undefined;
    // The register's ids are marked in the duplicate table: the one lookup per row also catches them.
    for (const id of this.watch?.ids ?? []) this.ids!.mark(id);
  }

  /**
   * Adds one ledger row. `rowNumber` is the row as the file or sheet shows it; `undecodable`: the reader
   * found bytes it could not decode in the row; `uncalculated`: columns holding a formula without a result (never changed once passed: the same list may come again for later rows).
   */
  add(row: readonly LedgerCell[], rowNumber: number, undecodable = false, uncalculated?: readonly number[]): void {
    if (this.finished) throw new Error("LedgerAggregator: add() after finish()");
    const idCell = row[this.cId];
    // A clean id (text with no blank at either end) settles both "blank row?" and the id's text.
    let id = typeof idCell === "string" && idCell.length > 0 && plainEdges(idCell) ? idCell : undefined;
    if (id === undefined && isBlankRow(row) && !(uncalculated && LEDGER_COLUMNS.some((c) => uncalculated.includes(this.col[c])))) {
      this.blankRows++;
      return;
    }
    this.rowsRead++;
    const listed = this.problems.length;
    this.rowBad = false;
    this.rowPartial = false;
    if (undecodable && this.undecodableCell(row, rowNumber)) {
      this.rowsWithProblems++;
      return;
    }
    const lost = uncalculated === undefined ? undefined : this.uncalculatedCells(uncalculated, rowNumber);
    if (this.rowBad) {
      this.rowsWithProblems++;
      return;
    }

    if (id === undefined) id = this.idText(idCell, rowNumber);
    // The id rule of spec I (full-width forms as ASCII) holds for the ledger too, duplicates included.
    if (hasWideCharacters(id)) id = normalizeOrderIdText(id);
    const watched = id !== "" && this.register(id, idCell, rowNumber);

    const unitCell = row[this.cUnit];
    let unit = typeof unitCell === "string" ? this.unitCache.get(unitCell) : undefined;
    if (unit === undefined || unit < 0) unit = this.unitOf(unitCell, rowNumber);

    // The fields below are each needed by some counts only: a problem in one is listed and the order still
    // counts wherever that field is not needed (spec F). 派单时间 places the order in 工单总量, 退单数 and
    // 延期申请数 only; 应办结数 goes by 办理时限 and the callbacks by 办结时间. The 工单编号 is registered
    // above whatever the dates hold, so a later row repeating it is a duplicate either way.
    const dispatched = lost?.has("派单时间") ? NaN : this.date(row[this.cDispatched], "派单时间", rowNumber, true, false, true);
    const returned = lost?.has("是否退单") ? undefined : this.yesNo(row[this.cReturned], "是否退单", rowNumber);
    const extended = lost?.has("是否申请延期") ? undefined : this.yesNo(row[this.cExtended], "是否申请延期", rowNumber);
    // A returned order leaves the unit's 应办结数, so it may come without a deadline.
    const deadline = lost?.has("办理时限") ? NaN : this.date(row[this.cDeadline], "办理时限", rowNumber, returned === false, true, true);
    const closed = lost?.has("办结时间") ? NaN : this.date(row[this.cClosed], "办结时间", rowNumber, false, false, true);
    const callback = lost?.has("回访结果") ? C_NONE : this.callback(row[this.cCallback], rowNumber);
    if (closed < dispatched || deadline < dispatched) this.datesBeforeDispatch(row, rowNumber, dispatched, deadline, closed);

    if (this.problems.length > listed) this.attribute(listed, unit);
    if (this.rowBad) {
      this.rowsWithProblems++;
      if (watched) this.watch!.uncounted(detach(id), rowNumber);
      return;
    }
    if (this.rowPartial) {
      this.rowsWithProblems++;
      this.rowsPartlyCounted++;
    }
    this.rowsCounted++;
    this.counter.count(unit, dispatched, deadline, closed, returned, extended, callback, rowNumber, id);
    if (watched) {
      // A flat copy: the id cut from a CSV chunk would keep the whole chunk alive until the end (see `detach`).
      const kept = detach(id);
      this.watch!.counted(kept, unit, { row: rowNumber, id: kept, dispatched, deadline, closed, returned, extended, callback });
    }
  }

  /** The text of an id cell that is not plain text: blank is a listed problem and "". */
  private idText(cell: LedgerCell, rowNumber: number): string {
    if (!isBlankCell(cell)) return cellText(cell);
    this.problem("missingValue", rowNumber, "工单编号", cell, LEDGER_MESSAGES.missingValue("工单编号"));
    return "";
  }

  /** Registers the order id; a repeated id is a listed problem. True when 工单研判 names the order. */
  private register(id: string, cell: LedgerCell, rowNumber: number): boolean {
    const first = this.ids!.firstRowOrAdd(id, rowNumber);
    if (first >= 0) this.problem("duplicateOrder", rowNumber, "工单编号", cell, LEDGER_MESSAGES.duplicateOrder(id, first), first);
    return first === FIRST_MARKED;
  }

  /** 回访结果: blank is none; an unreadable value is a listed problem that leaves only the callback counts. */
  private callback(cell: LedgerCell, rowNumber: number): Callback {
    if (cell === undefined || cell === null) return C_NONE;
    const callback = (typeof cell === "string" ? CALLBACK_BY_NAME.get(cell) : undefined) ?? this.callbackOf(cell);
    if (callback !== undefined) return callback;
    this.problem("badValue", rowNumber, "回访结果", cell, LEDGER_MESSAGES.badCallback(cell), undefined, true);
    return C_NONE;
  }

  /** 办结时间 or 办理时限 earlier than 派单时间: each a listed problem. */
  private datesBeforeDispatch(row: readonly LedgerCell[], rowNumber: number, dispatched: number, deadline: number, closed: number): void {
    if (closed < dispatched) {
      this.problem("impossibleValue", rowNumber, "办结时间", row[this.cClosed],
        LEDGER_MESSAGES.closedBeforeDispatch(formatTimestamp(closed), formatTimestamp(dispatched)));
    }
    if (deadline < dispatched) {
      this.problem("impossibleValue", rowNumber, "办理时限", row[this.cDeadline],
        LEDGER_MESSAGES.deadlineBeforeDispatch(formatTimestamp(deadline), formatTimestamp(dispatched)));
    }
  }

  /** A mapped cell holding undecodable bytes: its value is unknown, so the row is listed and not counted. */
  private undecodableCell(row: readonly LedgerCell[], rowNumber: number): boolean {
    for (const column of LEDGER_COLUMNS) {
      const cell = row[this.col[column]];
      if (typeof cell === "string" && cell.includes("\uFFFD")) {
        this.problem("undecodable", rowNumber, column, cell, LEDGER_MESSAGES.undecodable(column, this.options.source?.encoding ?? ""));
        return true;
      }
    }
    return false;
  }

  /**
   * Mapped columns holding a formula without a result, each a listed problem: 工单编号 and 承办单位 keep the
   * row out of every count; any other field only out of the counts that need it (spec F).
   */
  private uncalculatedCells(columns: readonly number[], rowNumber: number): Set<LedgerColumn> | undefined {
    if (columns === this.unmappedOnly) return undefined;
    let mapped = false;
    for (let i = 0; i < columns.length && !mapped; i++) mapped = this.mappedColumns.has(columns[i]);
    if (!mapped) {
      this.unmappedOnly = columns;
      return undefined; // only unmapped ones (a helper formula)
    }
    let lost: Set<LedgerColumn> | undefined;
    for (const column of LEDGER_COLUMNS) {
      if (!columns.includes(this.col[column])) continue;
      (lost ??= new Set()).add(column);
      const partial = column !== "工单编号" && column !== "承办单位";
      this.problem("uncalculated", rowNumber, column, undefined, LEDGER_MESSAGES.uncalculated(column), undefined, partial);
    }
    return lost;
  }

  /** The row's listed problems (from `from` on) name its unit when it is a hotline unit. */
  private attribute(from: number, unit: number): void {
    if (unit < 0) return;
    const name = this.units[unit].name;
    for (let i = from; i < this.problems.length; i++) if (this.problems[i].unit === undefined) this.problems[i] = { ...this.problems[i], unit: name };
  }

  /** Ends the import: the result answers counts and drill-downs for any period. */
  finish(): LedgerData {
    this.finished = true;
    this.ids = undefined;
    const base = {
      rowsRead: this.rowsRead,
      rowsCounted: this.rowsCounted,
      rowsWithProblems: this.rowsWithProblems,
      rowsPartlyCounted: this.rowsPartlyCounted,
      blankRows: this.blankRows,
      headerRow: this.options.headerRow ?? 1,
      problemCount: this.problemCount,
      problemsByCode: { ...this.problemsByCode },
      problemsNotListed: this.problemCount - this.problems.length,
      source: this.options.source,
    };
    const judgment = this.watch?.finish(this.units, this.registry, this.counter);
    return new LedgerData(this.units, this.counter.monthBuckets(), this.counter.orders, this.problems, { ...base, text: summaryText(base) },
      this.mapping, this.options.rules.hotline.callbacks, judgment);
  }

  /** The general path for a unit cell: blanks, non-text cells, first sight of a spelling, and problems. */
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
    if (index === UNKNOWN) this.problem("unknownUnit", rowNumber, "承办单位", cell, LEDGER_MESSAGES.unknownUnit(cell, this.options.rules.hotline.title));
    else if (index === NOT_HOTLINE) {
      const official = this.registry.resolve(cellText(cell))!.name;
      this.problem("notHotlineUnit", rowNumber, "承办单位", cell, LEDGER_MESSAGES.notHotlineUnit(cell, official));
    }
    return index;
  }

  /**
   * NaN when blank (a problem only if `required`) or unreadable (always a problem). `partial`: the field is
   * needed by some counts only (the order still counts elsewhere).
   */
  private date(cell: LedgerCell, column: LedgerColumn, rowNumber: number, required: boolean, endOfDay: boolean, partial = false): number {
    if (typeof cell !== "number" && isBlankCell(cell)) {
      if (required) this.problem("missingValue", rowNumber, column, cell, LEDGER_MESSAGES.missingValue(column), undefined, partial);
      return NaN;
    }
    const seconds = parseDate(cell, endOfDay, this.date1904);
    if (seconds !== seconds) this.problem("badDate", rowNumber, column, cell, LEDGER_MESSAGES.badDate(column, cell), undefined, partial);
    return seconds;
  }

  /** 是/否: the two plain words directly, anything else cached per distinct text. */
  private yesNo(cell: LedgerCell, column: LedgerColumn, rowNumber: number): boolean | undefined {
    if (cell === "否") return false;
    if (cell === "是") return true;
    let value: boolean | undefined;
    if (typeof cell !== "string") value = parseYesNo(cell);
    else if (this.yesNoCache.has(cell)) value = this.yesNoCache.get(cell);
    else {
      value = parseYesNo(cell);
      if (this.yesNoCache.size < VALUE_CACHE_LIMIT) this.yesNoCache.set(detach(cell), value);
    }
    if (value === undefined) this.problem("badValue", rowNumber, column, cell, LEDGER_MESSAGES.badYesNo(column, cell), undefined, true);
    return value;
  }

  /** 回访结果 other than the exact names, cached per distinct text. */
  private callbackOf(cell: LedgerCell): Callback | undefined {
    if (typeof cell !== "string") return parseCallback(cell);
    if (this.callbackCache.has(cell)) return this.callbackCache.get(cell);
    const value = parseCallback(cell);
    if (this.callbackCache.size < VALUE_CACHE_LIMIT) this.callbackCache.set(detach(cell), value);
    return value;
  }

  /** Lists a problem; it keeps the row out of every count unless `partial` (see `add`). */
  private problem(code: LedgerProblemCode, row: number, column: LedgerColumn, value: LedgerCell, message: string, duplicateOf?: number,
    partial = false): void {
    if (partial) {
      this.rowPartial = true;
      message = `${message}${LEDGER_MESSAGES.partialNote(column)}`;
    } else this.rowBad = true;
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

/**
 * True when `s` does not start or end with a character String.prototype.trim removes. Only the
 * common characters are decided here (ASCII, and CJK and above except U+FEFF); the rest answer false
 * and take the general path.
 */
function plainEdges(s: string): boolean {
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(s.length - 1);
  return ((a > 32 && a < 127) || (a > 0x3000 && a !== 0xfeff)) && ((z > 32 && z < 127) || (z > 0x3000 && z !== 0xfeff));
}

function isBlankRow(row: readonly LedgerCell[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}
