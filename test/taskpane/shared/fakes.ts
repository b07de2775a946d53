// Fakes for the 工单导入 controller tests: a recording ImportView and a small in-memory WorkbookPort.
import type { DrillDownView, ImportProblemView, ImportSummaryView, ImportView, MappingForm, TypedConfirmForm } from "../../../src/taskpane/import/types";
import type { StatusKind } from "../../../src/taskpane/shared/lock";
import type { CellValue, SheetSnapshot, WorkbookPort, WritePlan } from "../../../src/workbook/port";

/** What every controller view records: status lines, busy states, progress. */
export class RecordingActionView {
  statuses: { text: string; kind: StatusKind }[] = [];
  busyStates: boolean[] = [];
  progresses: ({ text: string; fraction: number } | null)[] = [];
  status(text: string, kind: StatusKind) {
    this.statuses.push({ text, kind });
  }
  busy(busy: boolean) {
    this.busyStates.push(busy);
  }
  progress(p: { text: string; fraction: number } | null) {
    this.progresses.push(p);
  }
}

export class RecordingImportView extends RecordingActionView implements ImportView {
  years: number[] = [];
  periodErrors: (string | null)[] = [];
  mappings: (MappingForm | null)[] = [];
  mappingErrors: (string | null)[] = [];
  summaries: (ImportSummaryView | null)[] = [];
  problemLists: { problems: readonly ImportProblemView[]; note: string }[] = [];
  drillDowns: (DrillDownView | null)[] = [];
  typedForms: (TypedConfirmForm | null)[] = [];
  defaultYear(year: number) {
    this.years.push(year);
  }
  periodError(message: string | null) {
    this.periodErrors.push(message);
  }
  mapping(form: MappingForm | null) {
    this.mappings.push(form);
  }
  mappingError(message: string | null) {
    this.mappingErrors.push(message);
  }
  typedConfirm(form: TypedConfirmForm | null) {
    this.typedForms.push(form);
  }
  summary(s: ImportSummaryView | null) {
    this.summaries.push(s);
  }
  problems(problems: readonly ImportProblemView[], note: string) {
    this.problemLists.push({ problems, note });
  }
  drillDown(state: DrillDownView | null) {
    this.drillDowns.push(state);
  }
  get lastStatus() {
    return this.statuses[this.statuses.length - 1];
  }
  /** The fractions shown, in order (hidden bars left out). */
  get fractions(): number[] {
    return this.progresses.filter((p): p is { text: string; fraction: number } => p !== null).map((p) => p.fraction);
  }
}

/**
 * Sheets as rows of values from A1. `apply` records each plan and applies what changes values (values,
 * formulas as text, clear, addSheet, deleteSheet); formats, widths, validations and charts are ignored.
 */
export class MemoryPort implements WorkbookPort {
  readonly sheets = new Map<string, CellValue[][]>();
  readonly plans: WritePlan[] = [];
  readonly reads: string[][] = [];
  readonly readOptions: Parameters<WorkbookPort["read"]>[1][] = [];

  constructor(sheets: Record<string, CellValue[][]> = {}) {
    for (const [name, rows] of Object.entries(sheets)) this.sheets.set(name, rows.map((r) => [...r]));
  }

  async sheetNames(): Promise<string[]> {
    return [...this.sheets.keys()];
  }

  /** Like the Office.js adapter, honours `rows` (the first rows only) and `columns` (other cells null). */
  async read(names: readonly string[], options: Parameters<WorkbookPort["read"]>[1] = {}): Promise<Map<string, SheetSnapshot>> {
    this.reads.push([...names]);
    this.readOptions.push(options);
    const out = new Map<string, SheetSnapshot>();
    const keep = options.columns ? new Set(options.columns) : undefined;
    for (const name of names) {
      const rows = this.sheets.get(name);
      if (!rows) continue;
      const width = rows.reduce((max, r) => Math.max(max, r.length), 0);
      const values = rows.slice(0, options.rows ?? rows.length)
        .map((r) => Array.from({ length: width }, (_, c) => (keep && !keep.has(c) ? null : r[c] ?? null)));
      out.set(name, { name, values });
    }
    return out;
  }

  async apply(plan: WritePlan): Promise<void> {
    this.plans.push(plan);
    for (const op of plan) {
      if (op.kind === "addSheet" && !this.sheets.has(op.sheet)) this.sheets.set(op.sheet, []);
      else if (op.kind === "deleteSheet") this.sheets.delete(op.sheet);
      else if (op.kind === "clear") {
        const rows = this.sheets.get(op.range.sheet) ?? [];
        for (let r = op.range.row; r < Math.min(rows.length, op.range.row + op.range.rows); r++) {
          for (let c = op.range.col; c < Math.min(rows[r].length, op.range.col + op.range.cols); c++) rows[r][c] = null;
        }
      }
      else if (op.kind === "values" || op.kind === "formulas") {
        const rows = this.sheets.get(op.sheet);
        if (!rows) throw new Error(`no sheet ${op.sheet}`);
        (op.kind === "values" ? op.values : op.formulas).forEach((line, r) => {
          while (rows.length <= op.row + r) rows.push([]);
          line.forEach((v, c) => (rows[op.row + r][op.col + c] = v));
        });
      }
    }
  }
}
