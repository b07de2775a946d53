/**
 * The blank template as bytes: the same workbook as `npm run assess -- --template` (exceljs, the built-in
 * method), made at build time for the page 网页版 (scripts/blank-template-loader.js inlines it into the worker
 * and emits web/ankang-template.xlsx for 下载空白模板).
 */
import ExcelJS from "exceljs";
import { ExcelJsWorkbookPort, xlsxBuffer } from "../src/workbook/exceljs-adapter";
import { templateAll } from "../src/workbook/template";

export async function blankTemplateBytes(): Promise<Uint8Array> {
  const port = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
  await templateAll(port);
  return new Uint8Array(await xlsxBuffer(port.workbook));
}
