/*
 * An in-memory Excel workbook behind the parts of Office.js the add-in uses, served in place of
 * https://appsforoffice.microsoft.com/lib/1/hosted/office.js by the end-to-end test (and required from
 * Node to build the seed workbook with the same rules).
 *
 * It behaves like Office.js where the add-in could get it wrong:
 * - Proxies queue their work; nothing reaches the workbook before context.sync(), which runs the queue in
 *   order (a failing action rejects the sync; actions before it stay applied, as in Excel).
 * - Reading a property that was not loaded and synced throws PropertyNotLoaded (and is recorded, so the
 *   test fails even if the add-in swallows the error). isNullObject is only readable after a sync.
 * - Each sync is one request: its size is the JSON of every value queued in it (property values and
 *   method arguments); the response's size is the JSON of what it loaded. Either over 5 MB rejects the sync
 *   with RequestPayloadSizeLimitExceeded and is recorded as a violation.
 *   A response counts every requested cell (empty ones as ""), non-ASCII characters as \uXXXX escapes.
 * - Range.values parses typed text like Excel (typedInput): a leading "=", "+", "-" or "@" makes a formula
 *   (recorded in `valuesFormulas`: the add-in should write formulas through Range.formulas), numbers such
 *   as 1,000 / 50% / 1e3 / (5) become numbers, 2021-3-1, 2021/3/1, 3月1日 and 8:00 date or time serials,
 *   TRUE/FALSE booleans, #N/A errors; each such conversion is recorded in `conversions`. A leading
 *   apostrophe keeps the text as it is and is not stored.
 * - Excel's limits throw: text over 32,767 characters in a cell, a formula over 8,192, a sheet name that
 *   is blank, over 31 characters, holds one of [ ] : * ? / \, begins or ends with an apostrophe, or
 *   equals another regardless of case; hiding or deleting the last visible sheet.
 * - application.calculate(type) is recorded (`calculations`); the fake does not calculate.
 * - Events (ExcelApi 1.7: Worksheet.onChanged, WorksheetCollection.onAdded/onDeleted; 1.9: Worksheet.onFormatChanged
 *   for number formats set through Range.numberFormat; 1.17: onNameChanged): a
 *   handler counts only once the request that adds it is synced (`add` outside a sync registers nothing); events
 *   are delivered asynchronously after the change (after the sync that made it, or after a test's `type`), never
 *   during it; cell data written through Range.values/formulas/clear or typed fires onChanged, formats do not; a
 *   deleted sheet's handlers go with it. A handler that throws or rejects is recorded in `eventErrors`.
 *   Worksheet ids are stable across renames; getItem takes a name or an id.
 *
 * - Every request is logged (`requests`): its sizes, its number of actions, and the ranges whose cells it
 *   loaded (`reads`: sheet, rows, columns), so a test can check that a big sheet was read in chunks.
 *
 * Browser: `window.__FAKE_OFFICE_SEED__` (set before this script runs) is the workbook; `window.__fakeExcel`
 * exposes the workbook, the requests, violations, selections and charts to the test. A seed sheet gives
 * its cells as `cells` ([row, col, value, formula, numberFormat, format] each) and/or, compactly for big
 * sheets, as `rows` (plain values from A1, one array per row).
 */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else api.install(root, root.__FAKE_OFFICE_SEED__);
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  const LIMIT = 5 * 1024 * 1024;
  /** Allowance for the envelope of each loaded object in a response (its reference id and type). */
  const RESPONSE_OBJECT_BYTES = 64;
  const MAX_ROWS = 1048576;
  const MAX_COLS = 16384;

  // ---------- values ----------

  /**
   * Size of a value in a request or response: its JSON with every non-ASCII character as a \uXXXX escape
   * (6 bytes), the largest Excel could send; stricter than UTF-8.
   */
  function jsonBytes(value) {
    const json = JSON.stringify(value === undefined ? null : value);
    let bytes = json.length;
    for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += 5;
    return bytes;
  }

  function colLetters(col) {
    let s = "";
    for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return s;
  }

  function parseCell(text) {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
    if (!m) return undefined;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  }

  function parseAddress(address) {
    const bang = address.lastIndexOf("!");
    const local = bang >= 0 ? address.slice(bang + 1) : address;
    const [a, b] = local.split(":");
    const start = parseCell(a);
    const end = b === undefined ? start : parseCell(b);
    if (!start || !end) throw officeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}".`);
    return {
      row: Math.min(start.row, end.row),
      col: Math.min(start.col, end.col),
      rows: Math.abs(end.row - start.row) + 1,
      cols: Math.abs(end.col - start.col) + 1,
    };
  }

  // ---------- Excel's rules (also enforced by the unit tests' office-addin-mock workbook) ----------

  /** Characters a cell holds at most (text, and what a value written as text may be). */
  const MAX_CELL_CHARS = 32767;
  /** Characters a formula may have at most. */
  const MAX_FORMULA_CHARS = 8192;
  const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"];
  const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

  /** Serial of a date in the 1900 system, or undefined when there is no such day. */
  function dateSerial(y, m, d) {
    if (y < 100) y += y < 30 ? 2000 : 1900;
    if (m < 1 || m > 12 || d < 1 || d > 31 || y > 9999) return undefined;
    const t = Date.UTC(y, m - 1, d);
    const back = new Date(t);
    if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
    const serial = t / 86400000 + 25569;
    return serial >= 1 ? serial : undefined;
  }

  function monthOf(name) {
    const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
    return i < 0 ? undefined : i + 1;
  }

  /** "8:00", "8:00:30", "8:00 PM", "8 AM" as a fraction of a day. */
  function timeValue(t) {
    let m = /^(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}(?:\.\d+)?))?\s*([ap]m?)?$/i.exec(t);
    if (!m || (m[2] === undefined && !m[4])) return undefined;
    let h = Number(m[1]);
    const min = Number(m[2] || 0), sec = Number(m[3] || 0);
    if (m[4]) {
      if (h < 1 || h > 12) return undefined;
      h = (h % 12) + (/^p/i.test(m[4]) ? 12 : 0);
    }
    if (min > 59 || sec >= 60) return undefined;
    return (h * 3600 + min * 60 + sec) / 86400;
  }

  /** Dates as Excel (en-US and zh-CN) reads typed text; undefined when it is not one. */
  function dateValue(t) {
    const year = new Date().getUTCFullYear();
    let m;
    if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t))) return dateSerial(+m[1], +m[2], +m[3]);
    if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t))) return dateSerial(+m[3], +m[1], +m[2]) ?? dateSerial(+m[3], +m[2], +m[1]);
    if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(t))) return dateSerial(+m[1], +m[2], 1);
    if ((m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t))) return dateSerial(year, +m[1], +m[2]) ?? dateSerial(+m[2], +m[1], 1);
    if ((m = /^(\d{2,4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t))) return dateSerial(+m[1], +m[2], m[3] ? +m[3] : 1);
    if ((m = /^(\d{1,2})月(\d{1,2})日$/.exec(t))) return dateSerial(year, +m[1], +m[2]);
    if ((m = /^(\d{1,2})[-\s/]([a-z]{3,9})(?:[-\s/,]+(\d{2,4}))?$/i.exec(t)) && monthOf(m[2])) return dateSerial(m[3] ? +m[3] : year, monthOf(m[2]), +m[1]);
    if ((m = /^([a-z]{3,9})[-\s/.]+(\d{1,4})(?:,?[-\s/]+(\d{2,4}))?$/i.exec(t)) && monthOf(m[1])) {
      if (m[3]) return dateSerial(+m[3], monthOf(m[1]), +m[2]);
      return +m[2] <= 31 ? dateSerial(year, monthOf(m[1]), +m[2]) ?? dateSerial(+m[2], monthOf(m[1]), 1) : dateSerial(+m[2], monthOf(m[1]), 1);
    }
    return undefined;
  }

  /** Numbers as typed: 1,000  -5  1e3  50%  $5  ¥5  (5)  1 1/2. */
  function numberValue(t) {
    let s = t, sign = 1, percent = false;
    if (/^\(.*\)$/.test(s)) {
      sign = -1;
      s = s.slice(1, -1).trim();
    }
    if (/^[+-]/.test(s)) {
      if (s[0] === "-") sign = -sign;
      s = s.slice(1).trim();
    }
    s = s.replace(/^[$¥￥€£]\s*/, "");
    if (s.endsWith("%")) {
      percent = true;
      s = s.slice(0, -1).trim();
    }
    let n;
    if (/^(\d[\d,]*)?(\.\d*)?(e[+-]?\d+)?$/i.test(s) && /\d/.test(s) && !/^,|,,|,\./.test(s)) n = Number(s.replace(/,/g, ""));
    else {
      const f = /^(?:(\d+)\s+)?(\d+)\/(\d+)$/.exec(s);
      if (f && f[1] !== undefined && Number(f[3]) !== 0) n = Number(f[1]) + Number(f[2]) / Number(f[3]);
    }
    if (n === undefined || !Number.isFinite(n)) return undefined;
    return sign * (percent ? n / 100 : n);
  }

  /**
   * What Excel stores when text is set through Range.values or Range.formulas, as if typed (Office.js:
   * "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this
   * value as a formula"): { value }, { formula }, plus `converted` when the text did not stay text. A leading
   * apostrophe keeps the rest as text and is not stored. Broader than Excel where unsure (full-width digits,
   * dates in either day order), so that unguarded text fails in the fake before it fails in Excel.
   * `viaApi` false is a user typing (a lone "-" then stays text).
   */
  function typedInput(value, viaApi) {
    if (typeof value !== "string") return { value };
    if (value.length > MAX_CELL_CHARS) {
      throw officeError("InvalidArgument", `Text of ${value.length} characters: a cell holds at most ${MAX_CELL_CHARS}.`);
    }
    if (value.startsWith("'")) return { value: value.slice(1) };
    if (value.startsWith("=")) {
      if (value.trim() === "=") throw officeError("InvalidArgument", "There's a problem with this formula: \"=\".");
      if (value.length > MAX_FORMULA_CHARS) throw officeError("InvalidArgument", `A formula is limited to ${MAX_FORMULA_CHARS} characters.`);
      return { formula: value, converted: true };
    }
    if (!/[0-9\uff10-\uff19]/.test(value) && !/^[\s+\-@]|[#tTfFｔｆＴＦ]/.test(value)) return { value }; // fast: nothing to read
    const t = value.normalize("NFKC").trim();
    if (viaApi && /^[+\-@]/.test(value)) {
      const n = value[0] === "@" ? undefined : numberValue(t);
      if (n !== undefined) return { value: n, converted: true };
      if (value.trim().length === 1) throw officeError("InvalidArgument", `There's a problem with this formula: "${value}".`);
      return { formula: `=${value}`, converted: true };
    }
    if (t === "") return { value };
    if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", converted: true };
    const error = ERROR_VALUES.find((e) => e.toLowerCase() === t.toLowerCase());
    if (error) return { value: error, error: true, converted: true };
    const n = numberValue(t);
    // Excel formats a number typed as a percentage as one: 96% → 0.96 shown "0%", 96.5% → "0.00%".
    if (n !== undefined) return /%\)?$/.test(t) ? { value: n, converted: true, numberFormat: /\.\d/.test(t) ? "0.00%" : "0%" } : { value: n, converted: true };
    const time = timeValue(t);
    if (time !== undefined) return { value: time, converted: true, numberFormat: "h:mm" };
    const at = t.search(/\s+\d{1,2}:\d/);
    const datePart = at > 0 ? t.slice(0, at) : t;
    const date = dateValue(datePart);
    if (date !== undefined) {
      const clock = at > 0 ? timeValue(t.slice(at).trim()) : 0;
      if (clock !== undefined) return { value: date + clock, converted: true, numberFormat: at > 0 ? "yyyy/m/d h:mm" : "yyyy/m/d" };
    }
    return { value };
  }

  /** Why Excel refuses this sheet name (or this rename), or undefined when it takes it. */
  function sheetNameError(name, existing) {
    if (typeof name !== "string" || name.length === 0) return "A worksheet name cannot be blank.";
    if (name.length > 31) return `The worksheet name "${name}" is longer than 31 characters.`;
    if (/[[\]:*?/\\]/.test(name)) return `The worksheet name "${name}" contains one of the characters [ ] : * ? / \\.`;
    if (name.startsWith("'") || name.endsWith("'")) return `The worksheet name "${name}" begins or ends with an apostrophe.`;
    if (name.toLowerCase() === "history") return "\"History\" is a reserved worksheet name.";
    const folded = name.toLocaleUpperCase();
    if ((existing || []).some((other) => other.toLocaleUpperCase() === folded)) return `A worksheet named "${name}" already exists (names are compared regardless of case).`;
    return undefined;
  }

  /** Hiding `sheet` would leave no visible sheet: Excel refuses. */
  function hidesLastVisible(sheets, sheet, visibility) {
    return visibility !== "Visible" && sheet.visibility === "Visible" && sheets.filter((s) => s.visibility === "Visible").length <= 1;
  }

  /** What a user typing into a cell leaves there (no API rules). */
  function typed(value) {
    return typedInput(value, false);
  }

  function officeError(code, message) {
    const error = new Error(message);
    error.name = "RichApi.Error";
    error.code = code;
    error.debugInfo = { code, message };
    return error;
  }

  // ---------- the workbook model ----------

  class SheetModel {
    constructor(name) {
      this.name = name;
      this.visibility = "Visible";
      this.cells = new Map(); // row * MAX_COLS + col → { v, f, nf, fmt }
      this.merges = [];
      this.freeze = { rows: 0, cols: 0 };
      this.validations = [];
      this.columnWidths = {};
      this.rowHeights = {};
      this.charts = [];
      this.pageLayout = {};
      this.notes = [];
    }
    key(row, col) {
      return row * MAX_COLS + col;
    }
    cell(row, col) {
      return this.cells.get(this.key(row, col));
    }
    touch(row, col) {
      const k = this.key(row, col);
      let cell = this.cells.get(k);
      if (!cell) {
        cell = { v: null, f: null, nf: "General", fmt: {} };
        this.cells.set(k, cell);
      }
      return cell;
    }
    value(row, col) {
      const cell = this.cell(row, col);
      return cell && cell.v !== null && cell.v !== undefined ? cell.v : "";
    }
    /** Bounding box of cells with a value or formula (or any format when valuesOnly is false). */
    usedBox(valuesOnly) {
      let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
      for (const [k, cell] of this.cells) {
        const hasValue = (cell.v !== null && cell.v !== "") || cell.f;
        const hasFormat = cell.nf !== "General" || Object.keys(cell.fmt).length > 0;
        if (!hasValue && (valuesOnly || !hasFormat)) continue;
        const row = Math.floor(k / MAX_COLS), col = k % MAX_COLS;
        r0 = Math.min(r0, row); c0 = Math.min(c0, col); r1 = Math.max(r1, row); c1 = Math.max(c1, col);
      }
      return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    }
  }

  class WorkbookModel {
    constructor() {
      this.sheets = [];
      this.requests = [];
      this.violations = [];
      this.selections = [];
      this.valuesFormulas = []; // "=…" text set through Range.values
      this.conversions = []; // text set through Range.values that Excel did not keep as text
      this.calculations = []; // application.calculate(type) calls
      this.associated = [];
      this.handlers = []; // registered event handlers: { kind, sheet, fn }
      this.eventErrors = []; // what event handlers threw
      this.nextSheetId = 1;
      this._events = []; // changes made during a sync, delivered after it
      this._inSync = 0;
      this.active = null;
    }
    sheet(key) {
      return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === String(key).toLowerCase());
    }
    add(name) {
      if (this.sheet(name)) throw officeError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
      const invalid = sheetNameError(name, this.sheets.map((s) => s.name));
      if (invalid) throw officeError("InvalidArgument", invalid);
      const sheet = new SheetModel(name);
      sheet.id = `{${String(this.nextSheetId++).padStart(8, "0")}-FAKE}`;
      this.sheets.push(sheet);
      this.emit("added", null, { type: "WorksheetAdded", worksheetId: sheet.id, source: "Local" });
      return sheet;
    }
    remove(sheet) {
      if (this.sheets.filter((s) => s.visibility === "Visible").length <= 1 && sheet.visibility === "Visible") {
        throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      this.sheets = this.sheets.filter((s) => s !== sheet);
      if (this.active === sheet) this.active = this.sheets[0] || null;
      this.handlers = this.handlers.filter((h) => h.sheet !== sheet);
      this.emit("deleted", null, { type: "WorksheetDeleted", worksheetId: sheet.id, source: "Local" });
    }
    /** Queues an event for the handlers of `kind` (on `sheet`, or on the collection); delivered asynchronously. */
    emit(kind, sheet, args) {
      if (!this.handlers.some((h) => h.kind === kind)) return;
      this._events.push({ kind, sheet, args });
      if (!this._inSync) this.flushEvents();
    }
    flushEvents() {
      const events = this._events.splice(0);
      if (events.length === 0) return;
      setTimeout(() => {
        for (const { kind, sheet, args } of events) {
          for (const h of this.handlers.filter((x) => x.kind === kind && x.sheet === sheet)) {
            try {
              Promise.resolve(h.fn(args)).catch((e) => this.eventErrors.push(String(e && e.message)));
            } catch (e) {
              this.eventErrors.push(String(e && e.message));
            }
          }
        }
      }, 0);
    }

    // ----- for the test -----
    /** Values of a sheet from A1 to its last used cell ("" where empty), or undefined. */
    read(name) {
      const sheet = this.sheet(name);
      if (!sheet) return undefined;
      const box = sheet.usedBox(true);
      if (!box) return [];
      const out = [];
      for (let r = 0; r < box.row + box.rows; r++) {
        const row = [];
        for (let c = 0; c < box.col + box.cols; c++) row.push(sheet.value(r, c));
        out.push(row);
      }
      return out;
    }
    formulaAt(name, address) {
      const sheet = this.sheet(name);
      const at = parseCell(address);
      const cell = sheet && at ? sheet.cell(at.row, at.col) : undefined;
      return cell ? cell.f : null;
    }
    cellAt(name, address) {
      const sheet = this.sheet(name);
      const at = parseCell(address);
      return sheet && at ? sheet.cell(at.row, at.col) : undefined;
    }
    /** Sets cells directly (no request), as a user typing: { sheet, cell: "B3", value } or formula. */
    type(name, address, input) {
      const sheet = this.sheet(name) || this.add(name);
      const at = parseCell(address);
      const cell = sheet.touch(at.row, at.col);
      const parsed = typed(input);
      cell.v = parsed.formula ? null : parsed.value;
      if (parsed.numberFormat) cell.nf = parsed.numberFormat;
      cell.f = parsed.formula || null;
      this.emit("changed", sheet, { type: "WorksheetChanged", worksheetId: sheet.id, address: address, changeType: "RangeEdited", source: "Local" });
    }
    /** Renames a sheet as a user would (fires onNameChanged). */
    rename(name, to) {
      const sheet = this.sheet(name);
      const invalid = sheetNameError(to, this.sheets.filter((s) => s !== sheet).map((s) => s.name));
      if (invalid) throw officeError("InvalidArgument", invalid);
      const before = sheet.name;
      sheet.name = to;
      this.emit("nameChanged", null, { type: "WorksheetNameChanged", worksheetId: sheet.id, nameBefore: before, nameAfter: to, source: "Local" });
    }
    /** Deletes a sheet as a user would (fires onDeleted). */
    deleteSheet(name) {
      this.remove(this.sheet(name));
    }
    sheetNames() {
      return this.sheets.map((s) => s.name);
    }
    stats() {
      const max = (key) => this.requests.reduce((m, r) => Math.max(m, r[key]), 0);
      return {
        syncs: this.requests.length,
        maxRequestBytes: max("requestBytes"),
        maxResponseBytes: max("responseBytes"),
        violations: this.violations.slice(),
        valuesFormulas: this.valuesFormulas.slice(),
        conversions: this.conversions.slice(),
        calculations: this.calculations.slice(),
        eventErrors: this.eventErrors.slice(),
      };
    }
    /** Plain JSON of the whole workbook (sheets, cells, formats, panes, validations, charts). */
    export() {
      return {
        sheets: this.sheets.map((s) => ({
          name: s.name,
          visibility: s.visibility,
          cells: [...s.cells].map(([k, c]) => [Math.floor(k / MAX_COLS), k % MAX_COLS, c.v, c.f, c.nf, c.fmt]),
          merges: s.merges,
          freeze: s.freeze,
          validations: s.validations,
          columnWidths: s.columnWidths,
          rowHeights: s.rowHeights,
          charts: s.charts,
          pageLayout: s.pageLayout,
          notes: s.notes,
        })),
      };
    }
    static from(seed) {
      const wb = new WorkbookModel();
      for (const s of (seed && seed.sheets) || []) {
        const sheet = wb.add(s.name);
        sheet.visibility = s.visibility || "Visible";
        (s.rows || []).forEach((values, row) => {
          values.forEach((v, col) => {
            if (v !== null && v !== undefined && v !== "") sheet.touch(row, col).v = v;
          });
        });
        for (const [row, col, v, f, nf, fmt] of s.cells || []) {
          const cell = sheet.touch(row, col);
          cell.v = v === undefined ? null : v;
          cell.f = f || null;
          cell.nf = nf || "General";
          cell.fmt = fmt || {};
        }
        sheet.merges = s.merges || [];
        sheet.freeze = s.freeze || { rows: 0, cols: 0 };
        sheet.validations = s.validations || [];
        sheet.columnWidths = s.columnWidths || {};
        sheet.rowHeights = s.rowHeights || {};
        sheet.charts = s.charts || [];
        sheet.pageLayout = s.pageLayout || {};
        sheet.notes = s.notes || [];
      }
      if (wb.sheets.length === 0) wb.add("Sheet1");
      wb.active = wb.sheets.find((s) => s.visibility === "Visible") || wb.sheets[0];
      return wb;
    }
  }

  // ---------- proxies ----------

  /**
   * A client object: `resolve()` runs when the queue reaches the object's creation and pins its target;
   * scalar properties listed in `props` must be loaded before they are read.
   */
  class ClientObject {
    constructor(context, resolve, props, orNull) {
      this.context = context;
      this._props = props || [];
      this._loaded = new Map();
      this._target = undefined;
      this._orNull = Boolean(orNull);
      this._nullKnown = false;
      this._isNull = false;
      context._queue.push({ kind: "resolve", object: this, run: () => this._pin(resolve()) });
      for (const prop of this._props) {
        Object.defineProperty(this, prop, {
          enumerable: true,
          configurable: true,
          get: () => this._read(prop),
          set: (value) => this._set(prop, value),
        });
      }
    }
    _pin(target) {
      if (target === null || target === undefined) {
        if (!this._orNull) throw officeError("ItemNotFound", "The requested resource doesn't exist.");
        this._isNull = true;
        this._target = null;
      } else this._target = target;
      this._nullKnown = true;
    }
    get isNullObject() {
      if (!this._nullKnown) {
        const error = officeError("PropertyNotLoaded", "The property 'isNullObject' is not available before context.sync().");
        this.context._model.violations.push(`isNullObject read before sync`);
        throw error;
      }
      return this._isNull;
    }
    /** The target, or null for a null object (navigation from a null object gives null objects). */
    _maybe() {
      if (this._target === undefined) throw officeError("InvalidObjectPath", "The object is used before it was resolved.");
      return this._target;
    }
    target() {
      if (this._target === null) throw officeError("InvalidObjectPath", "The object path is not valid: the object is a null object.");
      if (this._target === undefined) throw officeError("InvalidObjectPath", "The object is used before it was resolved.");
      return this._target;
    }
    _read(prop) {
      if (!this._loaded.has(prop)) {
        const message = `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;
        this.context._model.violations.push(`PropertyNotLoaded: ${this.constructor.name}.${prop}`);
        throw officeError("PropertyNotLoaded", message);
      }
      return this._loaded.get(prop);
    }
    _set(prop, value) {
      this.context._queue.push({ kind: "set", object: this, prop, bytes: jsonBytes(value), run: () => this._write(prop, value) });
    }
    _call(method, args, run) {
      this.context._queue.push({ kind: "call", object: this, prop: method, bytes: jsonBytes(args), run });
    }
    load(what) {
      let props;
      if (what === undefined) props = this._props.slice();
      else if (typeof what === "string") props = what.split(",").map((p) => p.trim()).filter(Boolean);
      else if (Array.isArray(what)) props = what.flatMap((p) => String(p).split(",")).map((p) => p.trim()).filter(Boolean);
      else if (what && typeof what === "object") props = Object.keys(what.select ? {} : what).concat(what.select ? String(what.select).split(",") : []);
      else props = [];
      const own = [];
      for (const p of props) {
        if (p === "isNullObject") continue;
        if (!this._props.includes(p) && !p.includes("/")) throw officeError("InvalidArgument", `Cannot load unknown property '${p}' of ${this.constructor.name}.`);
        own.push(p);
      }
      this.context._queue.push({ kind: "load", object: this, props: own, run: () => this._snapshot(own) });
      return this;
    }
    /** Returns { prop: value } for the response (a null object loads nothing). */
    _snapshot(props) {
      if (this._target === null) return {};
      const out = {};
      for (const p of props) out[p] = this._get(p);
      return out;
    }
    _get(prop) {
      throw new Error(`${this.constructor.name}.${prop} cannot be loaded in the fake`);
    }
    _write(prop) {
      throw new Error(`${this.constructor.name}.${prop} cannot be set in the fake`);
    }
    toJSON() {
      return Object.fromEntries(this._loaded);
    }
  }

  class Range extends ClientObject {
    constructor(context, resolve, orNull) {
      super(context, resolve, ["values", "formulas", "numberFormat", "address", "rowIndex", "columnIndex", "rowCount", "columnCount", "text"], orNull);
      this.format = new RangeFormat(context, () => this._maybe());
      this.dataValidation = new DataValidation(context, () => this._maybe());
    }
    cells(fn) {
      const t = this.target();
      const out = [];
      for (let r = 0; r < t.rows; r++) {
        const row = [];
        for (let c = 0; c < t.cols; c++) row.push(fn(t.sheet, t.row + r, t.col + c));
        out.push(row);
      }
      return out;
    }
    _get(prop) {
      const t = this.target();
      switch (prop) {
        case "values":
          return this.cells((s, r, c) => s.value(r, c));
        case "text":
          return this.cells((s, r, c) => String(s.value(r, c)));
        case "formulas":
          return this.cells((s, r, c) => {
            const cell = s.cell(r, c);
            return cell && cell.f ? cell.f : s.value(r, c);
          });
        case "numberFormat":
          return this.cells((s, r, c) => (s.cell(r, c) ? s.cell(r, c).nf : "General"));
        case "address":
          return `${t.sheet.name}!${colLetters(t.col)}${t.row + 1}${t.rows * t.cols > 1 ? `:${colLetters(t.col + t.cols - 1)}${t.row + t.rows}` : ""}`;
        case "rowIndex":
          return t.row;
        case "columnIndex":
          return t.col;
        case "rowCount":
          return t.rows;
        case "columnCount":
          return t.cols;
      }
      return super._get(prop);
    }
    _write(prop, input) {
      const t = this.target();
      if (!Array.isArray(input) || input.length !== t.rows || input.some((row) => !Array.isArray(row) || row.length !== t.cols)) {
        throw officeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}: ${t.rows}×${t.cols}).`);
      }
      if (prop === "values" || prop === "formulas") this._changed(t);
      if (prop === "numberFormat") this._changed(t, "formatChanged");
      for (let r = 0; r < t.rows; r++) {
        for (let c = 0; c < t.cols; c++) {
          const x = input[r][c];
          if (x === null) continue; // null leaves the cell as it is
          if (x === undefined) throw officeError("InvalidArgument", `undefined in ${prop} at row ${r}, column ${c}`);
          const cell = t.sheet.touch(t.row + r, t.col + c);
          if (prop === "numberFormat") {
            cell.nf = x === "" ? "General" : String(x);
            continue;
          }
          if (prop !== "values" && prop !== "formulas") throw super._write(prop);
          const parsed = typedInput(x, true);
          const where = `${t.sheet.name}!${colLetters(t.col + c)}${t.row + r + 1}`;
          if (prop === "values" && parsed.converted) {
            this.context._model.conversions.push(`${where}: ${JSON.stringify(x)} → ${parsed.formula || JSON.stringify(parsed.value)}`);
            if (parsed.formula) this.context._model.valuesFormulas.push(`${where}: ${x}`);
          }
          if (parsed.formula) {
            cell.f = parsed.formula;
            cell.v = null; // the fake does not calculate
          } else {
            cell.f = null;
            cell.v = parsed.value === "" ? null : parsed.value;
            if (parsed.numberFormat && cell.nf === "General") cell.nf = parsed.numberFormat;
          }
        }
      }
    }
    _changed(t, kind) {
      const address = `${colLetters(t.col)}${t.row + 1}${t.rows * t.cols > 1 ? `:${colLetters(t.col + t.cols - 1)}${t.row + t.rows}` : ""}`;
      const event = kind === "formatChanged"
        ? { type: "WorksheetFormatChanged", worksheetId: t.sheet.id, address, source: "Local" }
        : { type: "WorksheetChanged", worksheetId: t.sheet.id, address, changeType: "RangeEdited", source: "Local" };
      this.context._model.emit(kind || "changed", t.sheet, event);
    }
    clear(applyTo) {
      this._call("clear", [applyTo], () => {
        const t = this.target();
        const what = applyTo || "All";
        if (what === "All" || what === "Contents") this._changed(t);
        for (let r = t.row; r < t.row + t.rows; r++) {
          for (let c = t.col; c < t.col + t.cols; c++) {
            const cell = t.sheet.cell(r, c);
            if (!cell) continue;
            if (what === "All" || what === "Contents") {
              cell.v = null;
              cell.f = null;
            }
            if (what === "All" || what === "Formats") {
              cell.nf = "General";
              cell.fmt = {};
            }
          }
        }
        if (what === "All" || what === "Formats") {
          t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t));
        }
      });
    }
    merge(across) {
      this._call("merge", [across], () => {
        const t = this.target();
        t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t));
        t.sheet.merges.push({ row: t.row, col: t.col, rows: t.rows, cols: t.cols, across: Boolean(across) });
      });
    }
    select() {
      this._call("select", [], () => {
        const t = this.target();
        const address = `${colLetters(t.col)}${t.row + 1}${t.rows * t.cols > 1 ? `:${colLetters(t.col + t.cols - 1)}${t.row + t.rows}` : ""}`;
        this.context._model.selections.push({ sheet: t.sheet.name, address });
        this.context._model.active = t.sheet;
      });
    }
    getEntireColumn() {
      return new Range(this.context, () => {
        const t = this.target();
        return { sheet: t.sheet, row: 0, col: t.col, rows: MAX_ROWS, cols: t.cols, entireColumn: true };
      });
    }
    getCell(row, col) {
      return new Range(this.context, () => {
        const t = this.target();
        return { sheet: t.sheet, row: t.row + row, col: t.col + col, rows: 1, cols: 1 };
      });
    }
    getEntireRow() {
      return new Range(this.context, () => {
        const t = this.target();
        return { sheet: t.sheet, row: t.row, col: 0, rows: t.rows, cols: MAX_COLS, entireRow: true };
      });
    }
  }

  function overlaps(a, b) {
    return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
  }

  class RangeFormat extends ClientObject {
    constructor(context, range) {
      super(context, range, ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment"], true);
      this.font = new RangeFormatPart(context, range, "font", ["bold", "color", "size", "name", "italic"]);
      this.fill = new RangeFormatPart(context, range, "fill", ["color"]);
    }
    _get(prop) {
      const t = this.target();
      if (prop === "columnWidth") return t.sheet.columnWidths[t.col] || 48;
      const cell = t.sheet.cell(t.row, t.col);
      return cell && cell.fmt[prop] !== undefined ? cell.fmt[prop] : null;
    }
    _write(prop, value) {
      const t = this.target();
      if (prop === "columnWidth") {
        for (let c = t.col; c < t.col + t.cols; c++) t.sheet.columnWidths[c] = value;
        return;
      }
      if (prop === "rowHeight") {
        // Excel: 0 to 409 points.
        if (typeof value !== "number" || !(value >= 0 && value <= 409)) throw officeError("InvalidArgument", `rowHeight ${value}`);
        for (let r = t.row; r < t.row + t.rows; r++) t.sheet.rowHeights[r] = value;
        return;
      }
      forEachCell(t, (cell) => (cell.fmt[prop] = value));
    }
    autofitColumns() {
      this._call("autofitColumns", [], () => undefined);
    }
  }

  function forEachCell(t, fn) {
    if (t.rows * t.cols > 2_000_000) throw officeError("InvalidOperation", "The fake does not format whole columns or rows.");
    for (let r = t.row; r < t.row + t.rows; r++) for (let c = t.col; c < t.col + t.cols; c++) fn(t.sheet.touch(r, c));
  }

  class RangeFormatPart extends ClientObject {
    constructor(context, range, part, props) {
      super(context, range, props, true);
      this.part = part;
    }
    _get(prop) {
      const t = this.target();
      const cell = t.sheet.cell(t.row, t.col);
      const v = cell ? cell.fmt[`${this.part}.${prop}`] : undefined;
      return v === undefined ? null : v;
    }
    _write(prop, value) {
      forEachCell(this.target(), (cell) => (cell.fmt[`${this.part}.${prop}`] = value));
    }
    clear() {
      this._call("clear", [], () => forEachCell(this.target(), (cell) => delete cell.fmt[`${this.part}.color`]));
    }
  }

  class DataValidation extends ClientObject {
    constructor(context, range) {
      super(context, range, ["rule", "type", "valid"], true);
    }
    _get(prop) {
      const t = this.target();
      const found = t.sheet.validations.find((v) => overlaps(v.range, t));
      if (prop === "rule") return found ? found.rule : {};
      if (prop === "type") return found ? "List" : "None";
      return true;
    }
    _write(prop, value) {
      if (prop !== "rule") throw super._write(prop);
      const t = this.target();
      if (!value || !value.list || typeof value.list.source !== "string") throw officeError("InvalidArgument", "Only list rules are supported by the fake.");
      if (value.list.source.length > 255) throw officeError("InvalidArgument", "A list source is limited to 255 characters.");
      t.sheet.validations = t.sheet.validations.filter((v) => !overlaps(v.range, t));
      t.sheet.validations.push({ range: { row: t.row, col: t.col, rows: t.rows, cols: t.cols }, rule: value });
    }
    clear() {
      this._call("clear", [], () => {
        const t = this.target();
        t.sheet.validations = t.sheet.validations.filter((v) => !overlaps(v.range, t));
      });
    }
  }

  class Worksheet extends ClientObject {
    constructor(context, resolve, orNull) {
      super(context, resolve, ["name", "position", "visibility", "id"], orNull);
      this.freezePanes = new FreezePanes(context, () => this._maybe());
      this.charts = new ChartCollection(context, () => this._maybe());
      // Objects of newer requirement sets exist only where the fake's host claims them.
      if (context._requirement("1.9")) this.pageLayout = new PageLayout(context, () => this._maybe());
      if (context._requirement("1.18")) this.notes = new NoteCollection(context, () => this._maybe());
      if (context._requirement("1.7")) this.onChanged = new EventHandlers(context, "changed", () => this.target());
      if (context._requirement("1.9")) this.onFormatChanged = new EventHandlers(context, "formatChanged", () => this.target());
    }
    _get(prop) {
      const sheet = this.target();
      if (prop === "name") return sheet.name;
      if (prop === "id") return sheet.id;
      if (prop === "visibility") return sheet.visibility;
      if (prop === "position") return this.context._model.sheets.indexOf(sheet);
      return super._get(prop);
    }
    _write(prop, value) {
      const sheet = this.target();
      if (prop === "visibility") {
        if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw officeError("InvalidArgument", `visibility ${value}`);
        if (hidesLastVisible(this.context._model.sheets, sheet, value)) {
          throw officeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        }
        sheet.visibility = value;
      } else if (prop === "name") {
        const invalid = sheetNameError(value, this.context._model.sheets.filter((s) => s !== sheet).map((s) => s.name));
        if (invalid) throw officeError("InvalidArgument", invalid);
        const before = sheet.name;
        sheet.name = value;
        this.context._model.emit("nameChanged", null, { type: "WorksheetNameChanged", worksheetId: sheet.id, nameBefore: before, nameAfter: value, source: "Local" });
      }
      else throw super._write(prop);
    }
    range(resolve) {
      return new Range(this.context, () => {
        const sheet = this._maybe();
        if (sheet === null) return null;
        const box = resolve(sheet);
        if (box === null) return null;
        if (box.row < 0 || box.col < 0 || box.rows < 1 || box.cols < 1 || box.row + box.rows > MAX_ROWS || box.col + box.cols > MAX_COLS) {
          throw officeError("InvalidArgument", `range out of the sheet: ${JSON.stringify(box)}`);
        }
        return Object.assign({ sheet }, box);
      }, true);
    }
    getRange(address) {
      return this.range(() => parseAddress(address || "A1"));
    }
    getRangeByIndexes(row, col, rows, cols) {
      return this.range(() => ({ row, col, rows, cols }));
    }
    getUsedRange(valuesOnly) {
      return this.range((sheet) => sheet.usedBox(Boolean(valuesOnly)) || { row: 0, col: 0, rows: 1, cols: 1 });
    }
    getUsedRangeOrNullObject(valuesOnly) {
      return this.range((sheet) => sheet.usedBox(Boolean(valuesOnly)));
    }
    getCell(row, col) {
      return this.getRangeByIndexes(row, col, 1, 1);
    }
    activate() {
      this._call("activate", [], () => {
        this.context._model.active = this.target();
      });
    }
    delete() {
      this._call("delete", [], () => this.context._model.remove(this.target()));
    }
  }

  /** ExcelApi 1.9 page layout: only the values Excel accepts (enumerations, 10–400 % scale, fit 0–32767 pages). */
  const PAGE_LAYOUT_PROPS = ["orientation", "paperSize", "zoom", "centerHorizontally", "leftMargin", "rightMargin", "topMargin",
    "bottomMargin", "headerMargin", "footerMargin"];
  class PageLayout extends ClientObject {
    constructor(context, sheet) {
      super(context, sheet, PAGE_LAYOUT_PROPS, true);
      this.headersFooters = new HeaderFooterGroup(context, () => this._maybe());
    }
    _get(prop) {
      return this.target().pageLayout[prop] === undefined ? null : this.target().pageLayout[prop];
    }
    _write(prop, value) {
      const bad = () => officeError("InvalidArgument", `pageLayout.${prop} = ${JSON.stringify(value)}`);
      if (prop === "orientation" && !["Portrait", "Landscape"].includes(value)) throw bad();
      if (prop === "paperSize" && !["A4", "A3", "Letter", "Legal"].includes(value)) throw bad();
      if (prop === "zoom") {
        if (!value || typeof value !== "object") throw bad();
        const pages = (n) => n === undefined || (Number.isInteger(n) && n >= 0 && n <= 32767);
        if (!pages(value.horizontalFitToPages) || !pages(value.verticalFitToPages)) throw bad();
        if (value.scale !== undefined && !(value.scale >= 10 && value.scale <= 400)) throw bad();
      }
      if (prop.endsWith("Margin") && !(typeof value === "number" && value >= 0)) throw bad();
      this.target().pageLayout[prop] = value;
    }
    setPrintTitleRows(rows) {
      this._call("setPrintTitleRows", [typeof rows === "string" ? rows : "range"], () => {
        const t = typeof rows === "string" ? parseAddress(rows.replace(/^(\$?\d+):(\$?\d+)$/, "A$1:A$2")) : rows.target();
        this.target().pageLayout.printTitleRows = { first: t.row, last: t.row + t.rows - 1 };
      });
    }
    setPrintArea(area) {
      this._call("setPrintArea", [typeof area === "string" ? area : "range"], () => {
        const t = typeof area === "string" ? parseAddress(area) : area.target();
        this.target().pageLayout.printArea = { row: t.row, col: t.col, rows: t.rows, cols: t.cols };
      });
    }
  }

  class HeaderFooterGroup extends ClientObject {
    constructor(context, sheet) {
      super(context, sheet, [], true);
      this.defaultForAllPages = new HeaderFooter(context, () => this._maybe());
    }
  }

  class HeaderFooter extends ClientObject {
    constructor(context, sheet) {
      super(context, sheet, ["leftFooter", "centerFooter", "rightFooter", "leftHeader", "centerHeader", "rightHeader"], true);
    }
    _get(prop) {
      return (this.target().pageLayout.footers || {})[prop] || "";
    }
    _write(prop, value) {
      const layout = this.target().pageLayout;
      layout.footers = Object.assign({}, layout.footers, { [prop]: String(value) });
    }
  }

  /** ExcelApi 1.18 notes: one note a cell (adding a second one is refused, as Excel does). */
  class NoteCollection extends ClientObject {
    constructor(context, sheet) {
      super(context, sheet, [], true);
    }
    add(cell, content) {
      const note = new Note(this.context, () => {
        const sheet = this.target();
        const t = typeof cell === "string" ? parseAddress(cell) : cell.target();
        if (t.rows !== 1 || t.cols !== 1) throw officeError("InvalidArgument", "A note belongs to a single cell.");
        if (sheet.notes.some((n) => n.row === t.row && n.col === t.col)) throw officeError("InvalidArgument", "The cell already has a note.");
        const record = { row: t.row, col: t.col, content: String(content) };
        sheet.notes.push(record);
        return record;
      });
      this.context._queue[this.context._queue.length - 1].bytes = jsonBytes([String(content)]);
      return note;
    }
    getItemOrNullObject(address) {
      return new Note(this.context, () => {
        const t = parseAddress(address);
        return this.target().notes.find((n) => n.row === t.row && n.col === t.col) || null;
      }, true);
    }
  }

  class Note extends ClientObject {
    constructor(context, resolve, orNull) {
      super(context, resolve, ["content"], orNull);
    }
    _get() {
      return this.target().content;
    }
    _write(prop, value) {
      this.target().content = String(value);
    }
  }

  class FreezePanes extends ClientObject {
    constructor(context, sheet) {
      super(context, sheet, [], true);
    }
    freezeRows(count) {
      this._call("freezeRows", [count], () => (this.target().freeze = { rows: count === undefined ? 1 : count, cols: 0 }));
    }
    freezeColumns(count) {
      this._call("freezeColumns", [count], () => (this.target().freeze = { rows: 0, cols: count === undefined ? 1 : count }));
    }
    freezeAt(range) {
      this._call("freezeAt", [], () => {
        const t = typeof range === "string" ? parseAddress(range) : range.target();
        this.target().freeze = { rows: t.row + t.rows, cols: t.col + t.cols };
      });
    }
    unfreeze() {
      this._call("unfreeze", [], () => (this.target().freeze = { rows: 0, cols: 0 }));
    }
  }

  class ChartCollection extends ClientObject {
    constructor(context, sheet) {
      super(context, sheet, [], true);
    }
    add(type, source, seriesBy) {
      const chart = new Chart(this.context, () => {
        const sheet = this.target();
        const s = source.target();
        const record = {
          name: `Chart ${sheet.charts.length + 1}`, type, seriesBy: seriesBy || "Auto",
          values: { sheet: s.sheet.name, row: s.row, col: s.col, rows: s.rows, cols: s.cols },
          categories: null, title: "", legend: true, position: null, width: 360, height: 216,
        };
        sheet.charts.push(record);
        return { sheet, record };
      });
      chart._args = [type, seriesBy];
      this.context._queue[this.context._queue.length - 1].bytes = jsonBytes([type, seriesBy]);
      return chart;
    }
    getItemOrNullObject(name) {
      return new Chart(this.context, () => {
        const sheet = this.target();
        const record = sheet.charts.find((c) => c.name === name);
        return record ? { sheet, record } : null;
      }, true);
    }
    getItem(name) {
      return new Chart(this.context, () => {
        const sheet = this.target();
        const record = sheet.charts.find((c) => c.name === name);
        return record ? { sheet, record } : null;
      });
    }
  }

  class Chart extends ClientObject {
    constructor(context, resolve, orNull) {
      super(context, resolve, ["name", "width", "height", "top", "left"], orNull);
      const chart = () => (this._maybe() === null ? null : this._maybe().record);
      this.title = new ChartPart(context, chart, "title", { text: "title", visible: "titleVisible" });
      this.legend = new ChartPart(context, chart, "legend", { visible: "legend", position: "legendPosition" });
      this.series = new ChartSeriesCollection(context, chart);
    }
    _get(prop) {
      return this.target().record[prop];
    }
    _write(prop, value) {
      this.target().record[prop] = value;
    }
    setPosition(start, end) {
      this._call("setPosition", [], () => {
        const s = typeof start === "string" ? parseAddress(start) : start.target();
        this.target().record.position = { row: s.row, col: s.col, end: end ? (typeof end === "string" ? end : null) : null };
      });
    }
    delete() {
      this._call("delete", [], () => {
        const { sheet, record } = this.target();
        sheet.charts = sheet.charts.filter((c) => c !== record);
      });
    }
  }

  class ChartPart extends ClientObject {
    constructor(context, chart, part, map) {
      super(context, chart, Object.keys(map), true);
      this.map = map;
    }
    _get(prop) {
      return this.target()[this.map[prop]];
    }
    _write(prop, value) {
      this.target()[this.map[prop]] = value;
    }
  }

  class ChartSeriesCollection extends ClientObject {
    constructor(context, chart) {
      super(context, chart, [], true);
    }
    getItemAt(index) {
      return new ChartSeries(this.context, () => (index === 0 ? this._maybe() : null));
    }
  }

  class ChartSeries extends ClientObject {
    constructor(context, chart) {
      super(context, chart, [], true);
    }
    setXAxisValues(range) {
      this._call("setXAxisValues", [], () => {
        const s = range.target();
        this.target().categories = { sheet: s.sheet.name, row: s.row, col: s.col, rows: s.rows, cols: s.cols };
      });
    }
  }

  /**
   * OfficeExtension.EventHandlers: add(handler) is an action of the request (it counts once synced) and returns an
   * EventHandlerResult whose remove() is queued on the same context.
   */
  class EventHandlers {
    constructor(context, kind, sheet) {
      this.context = context;
      this.kind = kind;
      this.sheet = sheet;
    }
    add(handler) {
      if (typeof handler !== "function") throw officeError("InvalidArgument", "An event handler must be a function.");
      const model = this.context._model;
      const result = { context: this.context, record: null };
      this.context._queue.push({
        kind: "call", object: null, prop: "addHandler", bytes: 2,
        run: () => {
          result.record = { kind: this.kind, sheet: this.sheet ? this.sheet() : null, fn: handler };
          model.handlers.push(result.record);
        },
      });
      result.remove = () => {
        result.context._queue.push({
          kind: "call", object: null, prop: "removeHandler", bytes: 2,
          run: () => (model.handlers = model.handlers.filter((h) => h !== result.record)),
        });
      };
      return result;
    }
  }

  class WorksheetCollection extends ClientObject {
    constructor(context) {
      super(context, () => context._model, ["items"]);
      if (context._requirement("1.7")) {
        this.onAdded = new EventHandlers(context, "added", null);
        this.onDeleted = new EventHandlers(context, "deleted", null);
      }
      if (context._requirement("1.17")) this.onNameChanged = new EventHandlers(context, "nameChanged", null);
    }
    _snapshot(props) {
      if (!props.some((p) => p === "items" || p.startsWith("items/"))) return {};
      const sub = props.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
      const items = this.context._model.sheets.map((sheet) => {
        const ws = new Worksheet(this.context, () => sheet);
        ws._pin(sheet); // pinned now; its queued resolve (harmless) runs with the next batch
        const data = {};
        for (const p of sub.length ? sub : ws._props) data[p] = ws._get(p);
        ws._pendingLoad = data;
        return ws;
      });
      return { items };
    }
    getItem(name) {
      return new Worksheet(this.context, () => this.context._model.sheet(name));
    }
    getItemOrNullObject(name) {
      return new Worksheet(this.context, () => this.context._model.sheet(name), true);
    }
    getActiveWorksheet() {
      return new Worksheet(this.context, () => this.context._model.active);
    }
    add(name) {
      const ws = new Worksheet(this.context, () => this.context._model.add(name));
      this.context._queue[this.context._queue.length - 1].bytes = jsonBytes([name]);
      return ws;
    }
  }

  class RequestContext {
    constructor(model) {
      this._model = model;
      this._queue = [];
      const application = {
        calculate: (type) => {
          if (!["Recalculate", "Full", "FullRebuild"].includes(type)) throw officeError("InvalidArgument", `calculationType ${type}`);
          this._queue.push({ kind: "call", object: null, prop: "calculate", bytes: jsonBytes([type]), run: () => model.calculations.push(type) });
        },
      };
      this.application = application;
      this.workbook = {
        application,
        worksheets: new WorksheetCollection(this),
        getSelectedRange: () => new Range(this, () => {
          const sel = model.selections[model.selections.length - 1];
          const sheet = sel ? model.sheet(sel.sheet) : model.active;
          const box = sel ? parseAddress(sel.address) : { row: 0, col: 0, rows: 1, cols: 1 };
          return Object.assign({ sheet }, box);
        }),
      };
    }
    /** Whether the host claims ExcelApi `version`. */
    _requirement(version) {
      const have = String(this._model.excelApi || "1.12").split(".").map(Number);
      const want = version.split(".").map(Number);
      return have[0] > want[0] || (have[0] === want[0] && (have[1] || 0) >= (want[1] || 0));
    }
    async sync() {
      this._model._inSync++;
      try {
        return await this._sync();
      } finally {
        this._model._inSync--;
        if (!this._model._inSync) this._model.flushEvents();
      }
    }
    async _sync() {
      const queue = this._queue;
      this._queue = [];
      const requestBytes = queue.reduce((sum, a) => sum + (a.bytes || 0), 0) + queue.length * 2;
      const loaded = [];
      let error;
      const record = { requestBytes, responseBytes: 0, actions: queue.length, reads: [] };
      this._model.requests.push(record);
      if (requestBytes > LIMIT) {
        this._model.violations.push(`request of ${requestBytes} bytes exceeds 5 MB`);
        throw officeError("RequestPayloadSizeLimitExceeded", `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
      }
      for (const action of queue) {
        try {
          const out = action.run();
          if (action.kind === "load") {
            loaded.push([action.object, out]);
            const t = action.object._target;
            if (action.object instanceof Range && t && action.props.some((p) => ["values", "formulas", "text", "numberFormat"].includes(p))) {
              record.reads.push({ sheet: t.sheet.name, row: t.row, col: t.col, rows: t.rows, cols: t.cols });
            }
          }
        } catch (e) {
          error = e;
          break;
        }
      }
      // The response carries every loaded object's JSON (every requested cell, empty ones as "") and an
      // envelope per object.
      record.responseBytes = loaded.reduce((sum, [, data]) => sum + jsonBytes(data) + RESPONSE_OBJECT_BYTES, 0);
      if (record.responseBytes > LIMIT) {
        this._model.violations.push(`response of ${record.responseBytes} bytes exceeds 5 MB`);
        throw officeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (error) throw error;
      for (const [object, data] of loaded) {
        for (const [prop, value] of Object.entries(data)) {
          if (prop === "items") {
            for (const ws of value) {
              for (const [p, v] of Object.entries(ws._pendingLoad)) ws._loaded.set(p, v);
              delete ws._pendingLoad;
            }
          }
          object._loaded.set(prop, value);
        }
      }
    }
  }

  // ---------- globals ----------

  function create(seed, options) {
    const model = WorkbookModel.from(seed);
    const opts = Object.assign({ host: "Excel", platform: "OfficeOnline", requirementSets: { ExcelApi: "1.12" } }, options || {});
    const info = { host: opts.host, platform: opts.platform };
    model.excelApi = opts.requirementSets.ExcelApi;
    const Excel = {
      RequestContext: function () {
        return new RequestContext(model);
      },
      async run(batch) {
        const context = new RequestContext(model);
        const result = await batch(context);
        if (context._queue.some((a) => a.kind !== "resolve")) await context.sync();
        return result;
      },
      ChartType: { barClustered: "BarClustered", columnClustered: "ColumnClustered" },
      ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
      CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
      ErrorCodes: { requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded", responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded" },
      HorizontalAlignment: { left: "Left", center: "Center", right: "Right", general: "General" },
    };
    const readyCallbacks = [];
    const Office = {
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
      context: {
        displayLanguage: "zh-CN",
        requirements: {
          isSetSupported(name, version) {
            const have = opts.requirementSets[name];
            if (have === undefined) return false;
            if (version === undefined) return true;
            const [a, b] = String(version).split(".").map(Number);
            const [x, y] = String(have).split(".").map(Number);
            return a < x || (a === x && (b || 0) <= (y || 0));
          },
        },
      },
      actions: { associate() {} },
      addin: { showAsTaskpane: async () => undefined, hide: async () => undefined, setStartupBehavior: async () => undefined },
      onReady(callback) {
        const done = Promise.resolve(info);
        if (callback) done.then(callback);
        readyCallbacks.push(callback);
        return done;
      },
      initialize: undefined,
    };
    class CustomFunctionsError extends Error {
      constructor(code, message) {
        super(message);
        this.code = code;
      }
    }
    const CustomFunctions = {
      associate(id, fn) {
        if (typeof fn !== "function") throw new Error(`associate(${id}) needs a function`);
        model.associated.push(id);
      },
      Error: CustomFunctionsError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
    return { Office, Excel, CustomFunctions, workbook: model, LIMIT, jsonBytes };
  }

  function install(root, seed, options) {
    const fake = create(seed, options);
    root.Office = fake.Office;
    root.Excel = fake.Excel;
    root.CustomFunctions = fake.CustomFunctions;
    root.OfficeExtension = { Error: Error };
    root.__fakeExcel = fake.workbook;
    return fake;
  }

  const rules = { typedInput, sheetNameError, hidesLastVisible, MAX_CELL_CHARS, MAX_FORMULA_CHARS, ERROR_VALUES };
  return { create, install, jsonBytes, parseAddress, LIMIT, rules, officeError };
});
