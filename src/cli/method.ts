/**
 * --method OTHER.xlsx: the method of another workbook (spec G) — its 考核办法, 便民化考核办法, 参数 and 承办单位 —
 * read through the same package reader and method parser as compute-all. The file is opened for reading
 * only and closed before anything is written; a file that cannot give a method stops the run.
 */
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { methodOfPort, type MethodFromFile } from "../job";
import { qualified } from "../workbook/address";
import { PackageWorkbookPort } from "../workbook/adapters/package";
import { nodeFile } from "../xlsx/node-file";
import { WMSG } from "../workbook/messages";
import type { XlsxLimits } from "../xlsx/limits";
import { XLSX_MSG, XlsxError } from "../xlsx/messages";
import { workbookKind } from "./files";
import { CLI_MSG } from "./messages";

export type { MethodFromFile } from "../job";

export type MethodFileRead = { readonly ok: true; readonly method: MethodFromFile } | { readonly ok: false; readonly lines: readonly string[] };

/** Reads the method of `file` (at `path`). Never writes it. */
export async function readMethodFile(file: string, path: string, limits?: XlsxLimits): Promise<MethodFileRead> {
  const refuse = (...lines: string[]): MethodFileRead => ({ ok: false, lines });
  if (!existsSync(path)) return refuse(CLI_MSG.methodMissing(file));
  let kind;
  try {
    kind = await workbookKind(path);
  } catch (error) {
    return refuse(CLI_MSG.unreadable(file, (error as Error).message));
  }
  if (kind !== "xlsx") return refuse(kind === "xls" ? CLI_MSG.oldXls(file) : CLI_MSG.notWorkbook(file));
  let read;
  try {
    const port = await PackageWorkbookPort.open(await nodeFile(path), limits);
    try {
      read = await methodOfPort(port, file, (sheet) => CLI_MSG.methodSheet(basename(file), sheet));
    } finally {
      await port.close();
    }
  } catch (error) {
    if (!(error instanceof XlsxError) && !(error as NodeJS.ErrnoException)?.code) throw error;
    return refuse(XLSX_MSG.cannotRead(file, (error as Error).message));
  }
  if (read.ok) return read;
  if (read.reason === "noSheets") return refuse(CLI_MSG.methodNoSheets(file));
  return refuse(
    CLI_MSG.methodRefused(file, read.errors),
    ...read.problems.map((p) => CLI_MSG.problemLine(WMSG.level[p.severity], qualified(p.sheet, p.cell), p.message)),
  );
}
