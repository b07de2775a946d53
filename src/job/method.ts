/**
 * The method of a second workbook (spec G; the CLI's --method, the page's 考核办法（可选）): its 考核办法,
 * 便民化考核办法, 参数 and 承办单位, read through the same package reader and method parser as compute-all.
 * The edge opens the file (read only) and formats the outcome; nothing here touches a file system.
 */
import type { RuleSet } from "../engine";
import { METHOD_READS, hasMethodSheets, readMethod, type MethodProblem } from "../workbook/method";
import type { WorkbookPort } from "../workbook/port";

/** The method a run scores by, as compute-all takes it (ComputeOptions.method). */
export interface MethodFromFile {
  /** As the user wrote or picked it. */
  readonly file: string;
  readonly label: string;
  readonly rules: RuleSet;
  /** Warnings of the method (unknown 参数 rows …), their sheets named with the method's file. */
  readonly problems: readonly MethodProblem[];
}

export type MethodOutcome =
  | { readonly ok: true; readonly method: MethodFromFile }
  /** Without method sheets readMethod would fall back to a built-in method: not what the user asked for. */
  | { readonly ok: false; readonly reason: "noSheets" }
  /** `problems` with their sheets already named by `sheetOf`; errors among them. */
  | { readonly ok: false; readonly reason: "refused"; readonly errors: number; readonly problems: readonly MethodProblem[] };

/**
 * The method held by `port` (the method file, opened by the edge). `sheetOf` names a sheet of that file
 * in the output's 校验 (the CLI writes [file]sheet, as Excel writes an external reference).
 */
export async function methodOfPort(port: WorkbookPort, file: string, sheetOf: (sheet: string) => string): Promise<MethodOutcome> {
  const sheets = await port.read(METHOD_READS, { numberFormats: true });
  if (!hasMethodSheets(sheets)) return { ok: false, reason: "noSheets" };
  const read = readMethod(sheets);
  const named = (p: MethodProblem): MethodProblem => ({ ...p, sheet: sheetOf(p.sheet) });
  if (!read.ok) {
    return { ok: false, reason: "refused", errors: read.problems.filter((p) => p.severity === "error").length, problems: read.problems.map(named) };
  }
  return { ok: true, method: { file, label: read.label, rules: read.rules, problems: read.problems.map(named) } };
}

export type WorkbookKind = "xlsx" | "xls" | "other" | "empty";

/**
 * What a file claimed to be a workbook really is, by its first bytes: a ZIP (.xlsx), the old binary container
 * (.xls, or an .xlsx with an open password), anything else.
 */
export function workbookKindOf(head: Uint8Array): WorkbookKind {
  if (head.length === 0) return "empty";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return "xls";
  return "other";
}
