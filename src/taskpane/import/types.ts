/**
 * What the 工单导入 controller works with: the workbook-side ledger functions and the file reader it is given
 * (LedgerWorkbookApi, ReadFile), the period picker's input, and the view it renders through (ImportView,
 * implemented over the DOM by import/view.ts).
 */
import type { LedgerColumn, LedgerImport, ReadLedgerOptions } from "../../ledger";
import type {
  importLedger, judgmentOption, ledgerFromSheet, ledgerRules, readLedgerSheet, readRememberedHeaders, writeDrillDown,
} from "../../workbook/ledger";
import { LEDGER_SHEET as WORKBOOK_LEDGER_SHEETS } from "../../workbook/ledger/contract";
import type { WorkbookPort } from "../../workbook/port";
import type { ActionLock, StatusKind } from "../shared/lock";

/** The sheet a user pastes the platform's export into. */
export const LEDGER_SHEET: string = WORKBOOK_LEDGER_SHEETS.ledger;
/** The drill-down sheet 生成核查表 writes. */
export const DRILL_DOWN_SHEET: string = WORKBOOK_LEDGER_SHEETS.drillDown;

export interface LedgerWorkbookApi {
  readonly importLedger: typeof importLedger;
  readonly writeDrillDown: typeof writeDrillDown;
  readonly ledgerFromSheet: typeof ledgerFromSheet;
  readonly readRememberedHeaders: typeof readRememberedHeaders;
  readonly readLedgerSheet: typeof readLedgerSheet;
  readonly ledgerRules: typeof ledgerRules;
  /** The sheets readRememberedHeaders reads (REMEMBERED_SHEETS). */
  readonly rememberedSheets: readonly string[];
  /** 工单研判 for the file reader, so that its decisions apply to a file too (spec I). */
  readonly judgmentOption: typeof judgmentOption;
  /** The sheets judgmentOption reads (JUDGMENT_READS). */
  readonly judgmentSheets: readonly string[];
}

/** A file the user picked (a browser File). */
export interface PickedFile extends Blob {
  readonly name: string;
}

/** readLedgerBlob in the pane. */
export type ReadFile = (file: PickedFile, options: ReadLedgerOptions) => Promise<LedgerImport>;

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

/** The question before replacing values typed into 热线数据 (spec I): every such cell, and 替换 / 取消. */
export interface TypedConfirmForm {
  readonly text: string;
  readonly cells: readonly {
    /** "热线数据!E5": activating the line selects the cell. */
    readonly where: string;
    readonly unit: string;
    readonly label: string;
    /** "手工值 10 → 导入值 17". */
    readonly change: string;
  }[];
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
  /** Asks before replacing values typed into 热线数据 (null closes the question). */
  typedConfirm(form: TypedConfirmForm | null): void;
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
