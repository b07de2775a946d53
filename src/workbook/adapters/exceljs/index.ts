/** The exceljs adapter (tests, the sample scripts, the template builder): a WorkbookPort over an in-memory workbook. */
export { ExcelJsWorkbookPort, dateToSerial } from "./port";
export { compactValidations, writeXlsx, xlsxBuffer } from "./file";
