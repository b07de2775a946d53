/**
 * The compute step of a run, shared by the CLI and the page: compute-all with the method file's method
 * (its problems and a note that the workbook's own method sheets were set aside), and the problems of the
 * run as the user should read them.
 */
import { computeAll, type ComputeResults, type ComputeSummary, type Finding } from "../workbook";
import { SHEET } from "../workbook/contract";
import { countBySeverity } from "../workbook/findings";
import { METHOD_SHEET, type MethodProblem } from "../workbook/method";
import type { WorkbookPort } from "../workbook/port";
import type { MethodFromFile } from "./method";

export interface ComputeJob {
  /** The workbook is a fresh template (a ledger without a workbook): 便民化考核 is not assessed in this run. */
  readonly blank: boolean;
  readonly method?: MethodFromFile;
  /** The warning (in 校验) that the workbook's own method sheets were not used; only when it has some. */
  readonly setAside?: (method: MethodFromFile) => string;
}

export interface ComputeStep {
  readonly results: ComputeResults;
  /** The run's problems (a fresh template's blank 便民化考核 statuses are not the user's to fix). */
  readonly problems: readonly Finding[];
  readonly summary: ComputeSummary;
  /** The workbook's own method sheets were set aside for the method file's. */
  readonly ownSetAside: boolean;
  /** Open problems of a ledger import (工单导入校验): they leave the units scored. */
  readonly ledgerOpen: number;
}

/** True when the workbook carries method sheets of its own. */
export async function hasOwnMethod(port: WorkbookPort): Promise<boolean> {
  return (await port.sheetNames()).some((n) => n === METHOD_SHEET.hotline || n === METHOD_SHEET.approval);
}

export async function computeStep(port: WorkbookPort, job: ComputeJob): Promise<ComputeStep> {
  const { method } = job;
  const ownSetAside = method !== undefined && !job.blank && await hasOwnMethod(port);
  const setAside: MethodProblem[] = ownSetAside && method && job.setAside
    ? [{ sheet: METHOD_SHEET.hotline, severity: "warning", message: job.setAside(method) }] : [];
  const computed = await computeAll(port, method ? { method: { ...method, problems: [...method.problems, ...setAside] } } : {});
  // A fresh template has no 便民化考核 statuses yet: that part is not assessed in this run, so its blanks are
  // not reported here nor counted (the written 校验 sheet still lists them, as compute-all always does).
  const problems = job.blank ? computed.problems.filter((p) => p.sheet !== SHEET.approval) : computed.problems;
  const counts = countBySeverity(problems);
  const summary = { ...computed.summary, errors: counts.error, warnings: counts.warning, infos: counts.info };
  return { results: computed.results, problems, summary, ownSetAside, ledgerOpen: problems.filter((p) => p.code === "ledgerOpen").length };
}
