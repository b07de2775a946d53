/** The .xlsx bytes of a new workbook written by a plan (the blank template's builder). */
import ExcelJS from "exceljs";
import type { WritePlan } from "../../port";
import { xlsxBuffer } from "./file";
import { ExcelJsWorkbookPort } from "./port";

export async function buildWorkbook(plan: WritePlan): Promise<Uint8Array> {
  const port = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
  await port.apply(plan);
  return xlsxBuffer(port.workbook);
}
