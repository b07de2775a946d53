/** The messages between the page (page.ts) and its worker (worker.ts): plain data, structured-cloneable. */
import type { Severity } from "../workbook/findings";
import type { TypedValue } from "../workbook/ledger";

export interface RunRequest {
  readonly type: "run";
  /** The assessment workbook; absent: the blank template (bytes built into the worker). */
  readonly workbook?: File;
  readonly ledger?: File;
  /** The period text (2021, 2021Q1, 2021-03); empty: the assessment year of 参数. */
  readonly period: string;
  /** A second workbook whose method scores this run. */
  readonly method?: File;
  /** Answers for unrecognized ledger headers: header as written → ledger column (or 忽略). */
  readonly map: Readonly<Record<string, string>>;
  /** The typed 热线数据 values the user agreed to replace (the list of an earlier TypedMessage). */
  readonly replaceTyped?: readonly TypedValue[];
}

export type Stage = "workbook" | "method" | "ledger" | "compute" | "write" | "documents";

export interface ProgressMessage {
  readonly type: "progress";
  readonly stage: Stage;
  readonly rows?: number;
  readonly fraction?: number;
}

export interface ProblemRow {
  readonly severity: Severity;
  /** 错误, 警告 or 说明. */
  readonly level: string;
  /** Sheet!cell (or the sheet, or a ledger row), as the CLI names it. */
  readonly where: string;
  readonly message: string;
}

export interface RankingRow {
  readonly rank: string;
  readonly name: string;
  readonly type: string;
  readonly score: string;
  readonly explanation: string;
}

export interface VetoRow {
  readonly name: string;
  readonly deduction: string;
  readonly explanation: string;
}

export interface DoneMessage {
  readonly type: "done";
  readonly heading: string;
  readonly method: string;
  /** Lines of the ledger import (heading, summary, its problems). */
  readonly ledgerLines: readonly string[];
  readonly rankingHeading: string;
  readonly ranking: readonly RankingRow[];
  /** The 便民化考核 part; a note only when it was not assessed (a ledger without a workbook). */
  readonly vetoHeading: string;
  readonly veto: readonly VetoRow[];
  readonly problemsHeading: string;
  readonly problems: readonly ProblemRow[];
  /** Closing remarks (problems left, drafts). */
  readonly notes: readonly string[];
  readonly fileName: string;
  /** The result workbook; absent when nothing valid was computed (nothing is offered for download). */
  readonly bytes?: ArrayBuffer;
  /** The 通报 and 报告; only with the result workbook. */
  readonly documents?: DocumentsOffer;
  /** The result is offered first; the 通报 and 报告 follow in a DocumentsMessage from the same worker. */
  readonly documentsPending?: boolean;
}

/** The 通报 and 报告 of the run whose DoneMessage said documentsPending. */
export interface DocumentsMessage {
  readonly type: "documents";
  readonly documents: DocumentsOffer;
}

/** A .docx the page offers (a 月度通报 or the 报告). */
export interface DocumentFile {
  /** 2021年3月 (a 通报's month) or 报告. */
  readonly label: string;
  readonly fileName: string;
  readonly draft: boolean;
  readonly bytes: ArrayBuffer;
}

export interface DocumentsOffer {
  /** One per month 月度考核 holds, in calendar order. */
  readonly bulletins: readonly DocumentFile[];
  readonly report?: DocumentFile;
  /** Why there is no 通报 (no 月度考核, or no month with orders). */
  readonly monthsNote?: string;
  /** Problems of the documents' own inputs (参数 rows, 月度考核 cells), as the CLI prints them. */
  readonly problems: readonly string[];
  readonly draftNote?: string;
}

/** Nothing valid computed: what the CLI would have refused with, in the page's words. */
export interface RefusedMessage {
  readonly type: "refused";
  readonly lines: readonly string[];
}

export interface MappingMessage {
  readonly type: "needsMapping";
  readonly message: string;
  /** Headers of the file not recognized (the choices). */
  readonly headers: readonly string[];
  /** Ledger columns missing (each needs a header). */
  readonly missing: readonly string[];
}

/** 热线数据 holds values no import wrote: nothing computed; ask for consent, then run again with replaceTyped. */
export interface TypedMessage {
  readonly type: "typedValues";
  /** The CLI's lines (what would be replaced, one line each) and the page's advice. */
  readonly lines: readonly string[];
  readonly typed: readonly TypedValue[];
}

export type WorkerMessage = ProgressMessage | DoneMessage | DocumentsMessage | RefusedMessage | MappingMessage | TypedMessage;
