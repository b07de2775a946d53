/**
 * The 工单导入 part of the task pane: import a 12345 work-order ledger (a file the user picks, or the
 * 工单明细 sheet pasted into the workbook) for a period, fill 热线数据, list the ledger's problems, ask once
 * for unknown headers (remembered in the workbook), and write the 工单核查 drill-down for an appeal.
 *
 * No DOM and no Office here: the pane renders through `ImportView` (view-import.ts implements it over the
 * DOM), the workbook is a WorkbookPort, and the workbook-side ledger functions (src/workbook/ledger) and
 * the file reader come in through `LedgerWorkbookApi` and `readFile`, so tests pass fakes or the real ones.
 *
 * Header answers: for the 工单明细 sheet, importLedger reads the answers stored in the workbook itself; for
 * a file, the pane reads them (REMEMBERED_SHEETS) to hand them to the file reader. New answers go to
 * importLedger as `remembered`, which stores them in the workbook once the import succeeds.
 */
import { aggregateLedger, arrayRows, parsePeriod, type HeaderMapping, type LedgerColumn, type LedgerData, type LedgerImport, type LedgerProblem, type Period, type ReadLedgerOptions } from "../ledger";
import type { Finding } from "../workbook/findings";
import { LEDGER_SHEET as WORKBOOK_LEDGER_SHEETS } from "../workbook/ledger/contract";
import type { importLedger, ImportLedgerResult, ledgerFromSheet, readRememberedHeaders, writeDrillDown } from "../workbook/ledger";
import type { SyncEvent } from "../workbook/adapters/office";
import type { SheetSnapshot, WorkbookPort } from "../workbook/port";
import type { StatusKind } from "./controller";
import { ActionLock, errorText } from "./lock";

/** The sheet a user pastes the platform's export into. */
export const LEDGER_SHEET: string = WORKBOOK_LEDGER_SHEETS.ledger;
/** The drill-down sheet 生成核查表 writes. */
export const DRILL_DOWN_SHEET: string = WORKBOOK_LEDGER_SHEETS.drillDown;
/**
 * Rows of 工单明细 read first, every column, to find the header (title lines may precede it); the rest of
 * the sheet is then read only in the columns the header maps.
 */
export const LEDGER_HEAD_ROWS = 100;
/** The part of the progress bar the head's read fills. */
const HEAD_SHARE = 0.02;
/** How many problems the pane lists one by one (工单导入校验 has them all). */
export const MAX_LISTED_LEDGER_PROBLEMS = 100;

// ---------------------------------------------------------------------------------------------------------
// What the controller needs from the workbook side (src/workbook/ledger) and from the file reader.

export interface LedgerWorkbookApi {
  readonly importLedger: typeof importLedger;
  readonly writeDrillDown: typeof writeDrillDown;
  readonly ledgerFromSheet: typeof ledgerFromSheet;
  readonly readRememberedHeaders: typeof readRememberedHeaders;
  /** The sheets readRememberedHeaders reads (REMEMBERED_SHEETS). */
  readonly rememberedSheets: readonly string[];
}

/** A file the user picked (a browser File). */
export interface PickedFile extends Blob {
  readonly name: string;
}

/** readLedgerBlob in the pane. */
export type ReadFile = (file: PickedFile, options: ReadLedgerOptions) => Promise<LedgerImport>;

// ---------------------------------------------------------------------------------------------------------
// What the controller shows.

export type PeriodKindInput = "year" | "quarter" | "month";

/** The period picker as the user left it. */
export interface PeriodInput {
  readonly kind: PeriodKindInput;
  readonly year: string;
  /** "1"–"4". */
  readonly quarter: string;
  /** "1"–"12". */
  readonly month: string;
}

export type ImportSource = { readonly kind: "sheet" } | { readonly kind: "file"; readonly file: PickedFile | undefined };

export interface ImportSummaryView {
  readonly period: string;
  readonly source: string;
  readonly rowsRead: number;
  readonly rowsCounted: number;
  readonly rowsWithProblems: number;
  readonly problemCount: number;
  /** 热线数据 rows filled (every assessed hotline unit). */
  readonly unitsFilled: number;
  /** Hotline units with any order in the period. */
  readonly unitsWithOrders: number;
  readonly text: string;
}

/**
 * A line of the problem list: a ledger row not counted (its row number and column), or a problem of filling
 * 热线数据 (no row). `where` is the cell activating it selects: the row's cell in 工单明细, or its line in
 * 工单导入校验 for a file.
 */
export interface ImportProblemView {
  readonly severity: "error" | "warning" | "info";
  readonly row?: number;
  readonly header?: string;
  readonly message: string;
  readonly where?: string;
}

/** The header question: one select per missing column, offering the file's unrecognized headers. */
export interface MappingForm {
  readonly text: string;
  readonly fields: readonly { readonly column: LedgerColumn; readonly options: readonly string[] }[];
}

export interface DrillDownView {
  readonly units: readonly { readonly name: string; readonly type: string }[];
  readonly period: string;
}

export interface ImportView {
  status(text: string, kind: StatusKind): void;
  busy(busy: boolean): void;
  progress(progress: { readonly text: string; readonly fraction: number } | null): void;
  /** Sets the year of the period picker (the rule-set year), unless the user typed one. */
  defaultYear(year: number): void;
  periodError(message: string | null): void;
  mapping(form: MappingForm | null): void;
  mappingError(message: string | null): void;
  summary(summary: ImportSummaryView | null): void;
  problems(problems: readonly ImportProblemView[], note: string): void;
  /** Shows the drill-down (unit picker and 生成核查表) once a ledger is imported; null hides it. */
  drillDown(state: DrillDownView | null): void;
}

export interface ImportControllerDeps {
  readonly port: WorkbookPort;
  readonly view: ImportView;
  readonly ledger: LedgerWorkbookApi;
  readonly readFile: ReadFile;
  /** Selects `cell` ("C5") on `sheet` in Excel. */
  readonly selectCell: (sheet: string, cell: string) => Promise<void>;
  /** Shared with the pane's other controller, so that one workbook action runs at a time. */
  readonly lock?: ActionLock;
  /** After 热线数据 was filled: earlier 全部计算 results shown in the pane are out of date. */
  readonly onImported?: () => void;
}

export const IMPORT_TEXT = {
  busy: "正在处理，请稍候…",
  noFile: "请先选择工单明细文件（.csv 或 .xlsx），或改选工作表“工单明细”。",
  noSheet: `工作簿中没有“${LEDGER_SHEET}”工作表：请新建名为“${LEDGER_SHEET}”的工作表，把平台导出的工单明细（含表头行）粘贴进去，或改选文件。`,
  emptySheet: `“${LEDGER_SHEET}”工作表是空的：请把平台导出的工单明细（含表头行）粘贴进去。`,
  reading: (what: string) => `正在读取${what}…`,
  rowsRead: (text: string, rows: number) => `${text.replace(/…$/u, "")}：已读${rows}行`,
  counting: "正在统计工单…",
  writing: "正在写入“热线数据”…",
  storedHeaders: "已保存的表头",
  sheetSource: `工作表“${LEDGER_SHEET}”`,
  fileSource: (name: string) => `文件“${name}”`,
  fileUnreadable: (name: string) => `无法读取文件“${name}”：文件可能在选择后被移动、删除或正被其他程序占用。请重新选择文件。`,
  needsMapping: "有表头无法识别：请在下方指明它们对应的列。",
  mappingText: (missing: readonly string[]) =>
    `无法识别以下列的表头：${missing.join("、")}。请从表头中选出对应的一列；选择在导入成功后保存在工作簿中，下次导入不再询问。`,
  mappingImpossible: (missing: readonly string[]) =>
    `工单明细缺少以下列：${missing.join("、")}，表头中也没有其他可对应的列。请导出包含这些列的工单明细后再导入。`,
  mappingIncomplete: (column: string) => `请为“${column}”选择一列表头。`,
  mappingDuplicate: (header: string) => `表头“${header}”被选给了多个列：每个表头只能对应一列。`,
  mappingCancelled: "已取消导入，工作簿未改动。",
  noOrders: (source: string, period: string, rows: number) =>
    `${source}在考核期间${period}没有可计入的工单（读取${rows}行）：未填入“热线数据”，工作簿未改动。请确认导出的期间和文件内容。`,
  noOrdersProblems: (total: number, rows: number, listed: number) =>
    total === 0 ? "" : `工单明细中有${total}个问题，涉及${rows}行（整行未计入，或只计入不依赖出错字段的计数）${listed < total ? `，仅列出前${listed}个` : ""}。`,
  done: (text: string) => `导入完成：${text}。请点“全部计算”更新考核结果。`,
  problemsNote: (total: number, rows: number, listed: number, others: number) => {
    if (total === 0 && others === 0) return "未发现问题，全部工单已计入。";
    const parts: string[] = [];
    if (total > 0) parts.push(`工单明细中有${total}个问题，涉及${rows}行（整行未计入，或只计入不依赖出错字段的计数）`);
    if (others > 0) parts.push(`填入时另有${others}个问题`);
    const cut = listed < total + others ? `，仅列出前${listed}个` : "";
    return `${parts.join("；")}${cut}。完整列表见“工单导入校验”表；点击一条可选中对应单元格。`;
  },
  noData: "请先导入工单，再生成核查表。",
  noUnit: "请选择承办单位。",
  drillRunning: (unit: string) => `正在生成“${unit}”的工单核查表…`,
  drillDone: (unit: string, period: string, sections: readonly { readonly label: string; readonly count: number }[]) =>
    `已生成“${DRILL_DOWN_SHEET}”：${unit}${period}，${sections.map((s) => `${s.label}${s.count}件`).join("，")}。`,
  selected: (where: string) => `已选中 ${where}`,
  selectFailed: (where: string, reason: string) => `无法选中 ${where}：${reason}`,
  failed: (action: string, reason: string) => `${action}失败：${reason}`,
} as const;

/** The period text parsePeriod reads: "2021", "2021Q1" or "2021-03". */
export function periodText(input: PeriodInput): string {
  const year = input.year.trim();
  if (input.kind === "quarter") return `${year}Q${input.quarter}`;
  if (input.kind === "month") return `${year}-${String(input.month).padStart(2, "0")}`;
  return year;
}

/** The period picked, or the Chinese reason it is not one (parsePeriod's). */
export function readPeriod(input: PeriodInput): { period: Period } | { error: string } {
  try {
    return { period: parsePeriod(periodText(input)) };
  } catch (error) {
    return { error: errorText(error) };
  }
}


/** The problem list: the fill's own problems first (few, about whole units), then the ledger's rows. */
export function problemViews(problems: readonly LedgerProblem[], findings: readonly Finding[], limit = MAX_LISTED_LEDGER_PROBLEMS): ImportProblemView[] {
  const where = (f: Finding | undefined) => (f?.cell ? `${f.sheet}!${f.cell}` : undefined);
  // importLedger gives one ledgerRow finding per listed problem, in the same order.
  const rowFindings = findings.filter((f) => f.code === "ledgerRow");
  const aligned = rowFindings.length === problems.length;
  const others: ImportProblemView[] = findings
    .filter((f) => f.code !== "ledgerRow")
    .map((f) => ({ severity: f.severity, message: f.message, where: where(f) }));
  const rows: ImportProblemView[] = problems.slice(0, limit).map((p, i) => ({
    severity: "error", row: p.row, header: p.header, message: p.message, where: aligned ? where(rowFindings[i]) : undefined,
  }));
  return [...others, ...rows].slice(0, limit);
}

function sourceText(source: ImportSource): string {
  return source.kind === "sheet" ? IMPORT_TEXT.sheetSource : IMPORT_TEXT.fileSource((source.file as PickedFile).name);
}

/** Hotline units with any order event in the period. */
function unitsWithOrders(data: LedgerData, period: Period): number {
  return data.counts(period).filter((row) => row.工单总量 > 0 || row.应办结数 > 0 || row.有效回访数 > 0).length;
}

interface PendingImport {
  readonly source: ImportSource;
  readonly period: Period;
  /** The user's new header answers (header as written → column), stored by importLedger on success. */
  readonly answers: Readonly<Record<string, string>>;
}

interface Step {
  readonly text: string;
  /** The part of the bar this step fills. */
  readonly from: number;
  readonly to: number;
  /** Which syncs of the port move the bar (null: the step reports its own progress). */
  readonly phase: SyncEvent["phase"] | null;
}

type ImportOk = Extract<ImportLedgerResult, { status: "ok" }>;

export class ImportController {
  private readonly lock: ActionLock;
  private pending: PendingImport | undefined;
  private mappingAsked: HeaderMapping | undefined;
  private imported: { data: LedgerData; period: Period; source: ImportSource } | undefined;
  private listed: readonly ImportProblemView[] = [];
  private step: Step | null = null;

  constructor(private readonly deps: ImportControllerDeps) {
    this.lock = deps.lock ?? new ActionLock();
  }

  get isBusy(): boolean {
    return this.lock.heldBy(this);
  }

  /** The ledger imported last, with its period (what 生成核查表 lists). */
  get data(): { readonly data: LedgerData; readonly period: Period } | undefined {
    return this.imported;
  }

  /** The problems listed now (what selectProblem indexes). */
  get problems(): readonly ImportProblemView[] {
    return this.listed;
  }

  /** The rule-set year (from 参数, read by the pane's main controller): the period picker's default year. */
  ruleYear(year: number): void {
    this.deps.view.defaultYear(year);
  }

  /** Validates the period as the user edits it: parsePeriod's Chinese reason, or no error. */
  checkPeriod(input: PeriodInput): Period | undefined {
    const read = readPeriod(input);
    this.deps.view.periodError("error" in read ? read.error : null);
    return "period" in read ? read.period : undefined;
  }

  /** 导入: reads the ledger, fills 热线数据 for the period, shows the summary and the problems. */
  async importLedger(source: ImportSource, periodInput: PeriodInput): Promise<void> {
    const read = readPeriod(periodInput);
    this.deps.view.periodError("error" in read ? read.error : null);
    if ("error" in read) {
      this.deps.view.status(read.error, "error");
      return;
    }
    if (source.kind === "file" && !source.file) {
      this.deps.view.status(IMPORT_TEXT.noFile, "error");
      return;
    }
    if (this.mappingAsked) {
      this.mappingAsked = undefined;
      this.deps.view.mapping(null);
    }
    await this.run("导入工单", () => this.runImport({ source, period: read.period, answers: {} }));
  }

  /**
   * The user's answer to the header question (column → header as written): the same import runs again
   * with it; importLedger stores it in the workbook when the import succeeds.
   */
  async submitMapping(answers: Readonly<Partial<Record<LedgerColumn, string>>>): Promise<void> {
    const asked = this.mappingAsked;
    const pending = this.pending;
    if (!asked || !pending) return;
    const remember: Record<string, string> = { ...pending.answers };
    const used = new Set<string>();
    for (const column of asked.missing) {
      const header = (answers[column] ?? "").trim();
      if (header === "") {
        this.deps.view.mappingError(IMPORT_TEXT.mappingIncomplete(column));
        return;
      }
      if (used.has(header)) {
        this.deps.view.mappingError(IMPORT_TEXT.mappingDuplicate(header));
        return;
      }
      used.add(header);
      remember[header] = column;
    }
    if (this.lock.busy) {
      this.deps.view.status(IMPORT_TEXT.busy, "info");
      return;
    }
    this.deps.view.mappingError(null);
    this.mappingAsked = undefined;
    this.deps.view.mapping(null);
    await this.run("导入工单", () => this.runImport({ ...pending, answers: remember }));
  }

  /** Closes the header question without importing. */
  cancelMapping(): void {
    if (!this.mappingAsked) return;
    this.mappingAsked = undefined;
    this.pending = undefined;
    this.deps.view.mapping(null);
    this.deps.view.mappingError(null);
    this.deps.view.status(IMPORT_TEXT.mappingCancelled, "info");
  }

  /** 生成核查表: the orders behind the unit's deductions for the imported period, on 工单核查 (then selected). */
  async writeDrillDown(unitName: string): Promise<void> {
    const imported = this.imported;
    if (!imported) {
      this.deps.view.status(IMPORT_TEXT.noData, "error");
      return;
    }
    if (unitName.trim() === "") {
      this.deps.view.status(IMPORT_TEXT.noUnit, "error");
      return;
    }
    await this.run("生成核查表", async () => {
      this.deps.view.status(IMPORT_TEXT.drillRunning(unitName), "info");
      const out = await this.deps.ledger.writeDrillDown(this.deps.port, imported.data, unitName, imported.period);
      await this.deps.selectCell(DRILL_DOWN_SHEET, "A1");
      this.deps.view.status(IMPORT_TEXT.drillDone(out.drill.unit.name, imported.period.name, out.sections), "ok");
    });
  }

  /** Selects the cell of a listed problem. */
  async selectProblem(index: number): Promise<void> {
    const problem = this.listed[index];
    if (!problem?.where) return;
    const bang = problem.where.lastIndexOf("!");
    try {
      await this.deps.selectCell(problem.where.slice(0, bang), problem.where.slice(bang + 1));
      this.deps.view.status(IMPORT_TEXT.selected(problem.where), "info");
    } catch (error) {
      this.deps.view.status(IMPORT_TEXT.selectFailed(problem.where, errorText(error)), "error");
    }
  }

  /** Moves the bar along with the port's syncs while a step reads or writes. Wire it to OfficePortOptions.onSync. */
  syncProgress(event: SyncEvent): void {
    const step = this.step;
    if (!step || event.phase !== step.phase || event.rowsTotal === 0) return;
    const ratio = Math.min(1, event.rowsDone / event.rowsTotal);
    this.deps.view.progress({ text: step.text, fraction: step.from + (step.to - step.from) * ratio });
  }

  // -------------------------------------------------------------------------------------------------------

  private show(text: string, from: number, to: number, phase: SyncEvent["phase"] | null): void {
    this.step = { text, from, to, phase };
    this.deps.view.progress({ text, fraction: from });
  }

  /**
   * Sheet: read 工单明细 (0–40 %, with the port's syncs), count (40–85 %), write (85–100 %).
   * File: the stored header answers, then read and count the file in the pane (2–85 %), then write.
   */
  private async runImport(pending: PendingImport): Promise<void> {
    const { port, ledger, view } = this.deps;
    const { source, period, answers } = pending;
    this.pending = pending;
    try {
      let outcome: ImportLedgerResult | LedgerImport;
      if (source.kind === "sheet") {
        const snapshot = await this.readLedgerSheet(answers);
        this.show(IMPORT_TEXT.counting, 0.4, 0.85, null);
        outcome = await ledger.importLedger(port, ledger.ledgerFromSheet(snapshot), {
          period,
          remembered: answers,
          onProgress: (p) => this.counted(p, IMPORT_TEXT.counting, 0.4, 0.85, true),
        });
      } else {
        const file = source.file as PickedFile;
        this.show(IMPORT_TEXT.reading(IMPORT_TEXT.storedHeaders), 0, 0.02, null);
        const stored = ledger.readRememberedHeaders(await port.read(ledger.rememberedSheets));
        const text = IMPORT_TEXT.reading(IMPORT_TEXT.fileSource(file.name));
        this.show(text, 0.02, 0.85, null);
        const read = await this.deps.readFile(file, {
          fileName: file.name,
          remembered: { ...stored, ...answers },
          onProgress: (p) => this.counted(p, text, 0.02, 0.85, false),
        }).catch((error: unknown) => {
          // The browser reads a picked file lazily: moved, deleted or locked since, it cannot be read.
          const name = (error as { name?: unknown } | null)?.name;
          if (name === "NotReadableError" || name === "NotFoundError") throw new Error(IMPORT_TEXT.fileUnreadable(file.name));
          throw error;
        });
        if (read.status === "ok") {
          this.show(IMPORT_TEXT.writing, 0.85, 1, "apply");
          outcome = await ledger.importLedger(port, read.data, { period, remembered: answers, sourceName: file.name });
        } else outcome = read;
      }

      if (outcome.status === "needsMapping") {
        view.progress(null);
        this.askMapping(outcome.mapping);
        return;
      }
      this.pending = undefined;
      view.progress({ text: IMPORT_TEXT.writing, fraction: 1 });
      view.progress(null);
      if (outcome.status === "noOrders") this.showNoOrders(outcome.data, outcome.period, source);
      else this.showResult(outcome as ImportOk, source);
    } finally {
      this.step = null;
    }
  }

  /**
   * 工单明细 as the import needs it: the first rows (every column) to find and map the header, then the
   * whole sheet in the mapped columns only, so that long text the import does not use (诉求内容, 办理结果)
   * never crosses the network. When the header cannot be mapped yet, the first rows are enough to ask.
   */
  private async readLedgerSheet(answers: Readonly<Record<string, string>>): Promise<SheetSnapshot> {
    const { port, ledger } = this.deps;
    const text = IMPORT_TEXT.reading(IMPORT_TEXT.sheetSource);
    this.show(text, 0, 0, null);
    const remembered = { ...ledger.readRememberedHeaders(await port.read(ledger.rememberedSheets)), ...answers };
    // The bar: the head fills 0–2 %, the mapped columns 2–40 %.
    this.show(text, 0, HEAD_SHARE, "read");
    const head = (await port.read([LEDGER_SHEET], { rows: LEDGER_HEAD_ROWS })).get(LEDGER_SHEET);
    if (!head) throw new Error(IMPORT_TEXT.noSheet);
    if (head.values.length === 0) throw new Error(IMPORT_TEXT.emptySheet);
    if (head.values.length < LEDGER_HEAD_ROWS) return head; // the whole sheet (or an adapter that read it all)
    const probe = await aggregateLedger(arrayRows(head.values), { remembered }).catch(() => undefined);
    if (probe?.status === "needsMapping") return head;
    const columns = probe ? Object.values(probe.mapping.columns) : undefined;
    this.show(text, HEAD_SHARE, 0.4, "read");
    const snapshot = (await port.read([LEDGER_SHEET], columns ? { columns } : {})).get(LEDGER_SHEET);
    if (!snapshot) throw new Error(IMPORT_TEXT.noSheet);
    return snapshot;
  }

  /** Reading/counting progress within [from, to]; with `thenWrite`, its end moves the bar on to writing. */
  private counted(p: { readonly rowsRead: number; readonly fraction?: number }, text: string, from: number, to: number, thenWrite: boolean): void {
    const fraction = Math.min(1, Math.max(0, p.fraction ?? 0));
    this.deps.view.progress({ text: IMPORT_TEXT.rowsRead(text, p.rowsRead), fraction: from + (to - from) * fraction });
    if (thenWrite && fraction >= 1) this.show(IMPORT_TEXT.writing, to, 1, "apply");
  }

  private askMapping(mapping: HeaderMapping): void {
    const options = mapping.unrecognized.map((h) => h.header);
    if (options.length === 0) {
      this.pending = undefined;
      this.deps.view.status(IMPORT_TEXT.mappingImpossible(mapping.missing), "error");
      return;
    }
    this.mappingAsked = mapping;
    this.deps.view.mapping({
      text: IMPORT_TEXT.mappingText(mapping.missing),
      fields: mapping.missing.map((column) => ({ column, options })),
    });
    this.deps.view.status(IMPORT_TEXT.needsMapping, "info");
  }

  /** Nothing was filled: the rows that could not be read say why (none at all: the export's period or content). */
  private showNoOrders(data: LedgerData, period: Period, source: ImportSource): void {
    const { view } = this.deps;
    const { summary } = data;
    this.imported = undefined;
    view.summary(null);
    this.listed = problemViews(data.problems, []);
    view.problems(this.listed, IMPORT_TEXT.noOrdersProblems(summary.problemCount, summary.rowsWithProblems, this.listed.length));
    view.drillDown(null);
    view.status(IMPORT_TEXT.noOrders(sourceText(source), period.name, summary.rowsRead), "error");
  }

  private showResult(result: ImportOk, source: ImportSource): void {
    const { view } = this.deps;
    const { data, period, summary } = result;
    const ledger = summary.ledger;
    this.imported = { data, period, source };
    this.deps.onImported?.();
    view.summary({
      period: period.name,
      source: sourceText(source),
      rowsRead: ledger.rowsRead,
      rowsCounted: ledger.rowsCounted,
      rowsWithProblems: ledger.rowsWithProblems,
      problemCount: ledger.problemCount,
      unitsFilled: summary.unitsFilled,
      unitsWithOrders: unitsWithOrders(data, period),
      text: summary.text,
    });
    this.listed = problemViews(data.problems, result.findings);
    const others = result.findings.filter((f) => f.code !== "ledgerRow").length;
    view.problems(this.listed, IMPORT_TEXT.problemsNote(ledger.problemCount, ledger.rowsWithProblems, this.listed.length, others));
    view.drillDown({ units: data.units.map((u) => ({ name: u.name, type: u.type })), period: period.name });
    const bad = ledger.rowsWithProblems > 0 || result.findings.some((f) => f.severity === "error");
    view.status(IMPORT_TEXT.done(summary.text), bad ? "error" : "ok");
  }

  /** One action at a time, with the controls disabled and any failure shown in the status line. */
  private run(action: string, body: () => Promise<void>): Promise<void> {
    const text = { busy: IMPORT_TEXT.busy, failed: (why: string) => IMPORT_TEXT.failed(action, why) };
    return this.lock.exclusive(this, this.deps.view, text, body, () => { this.step = null; });
  }
}
