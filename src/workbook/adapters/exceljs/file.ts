/**
 * Writing an exceljs workbook as .xlsx: data validations as non-overlapping ranges, fixed document and zip
 * entry times (the same workbook always gives the same bytes), parts compressed once by fflate.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { cellAddress, columnIndex } from "../../../sheet";

type ValidationModel = Record<string, ExcelJS.DataValidation | undefined>;

function validationHolder(ws: ExcelJS.Worksheet): { model: ValidationModel } {
  return (ws as unknown as { dataValidations: { model: ValidationModel } }).dataValidations;
}

/**
 * Data validations as rectangular ranges. exceljs expands ranges into one entry per cell when it reads a
 * file and, when it writes, joins them again into ranges that can overlap (Excel then repairs the file);
 * this builds the model as non-overlapping column runs instead.
 */
export function compactValidations(model: ValidationModel): Record<string, ExcelJS.DataValidation> {
  const byCell = new Map<string, { row: number; col: number; key: string; dv: ExcelJS.DataValidation }>();
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) continue;
    const key = JSON.stringify(dv);
    const [from, to] = address.split(":");
    const a = decode(from);
    const b = to ? decode(to) : a;
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) byCell.set(`${r},${c}`, { row: r, col: c, key, dv });
  }
  const sorted = [...byCell.values()].sort((x, y) => x.col - y.col || x.row - y.row);
  const next: Record<string, ExcelJS.DataValidation> = {};
  let run: { col: number; from: number; to: number; key: string; dv: ExcelJS.DataValidation } | undefined;
  const flush = () => {
    if (!run) return;
    const a = cellAddress(run.from, run.col);
    next[run.from === run.to ? a : `${a}:${cellAddress(run.to, run.col)}`] = run.dv;
  };
  for (const x of sorted) {
    if (run && run.col === x.col && run.to === x.row - 1 && run.key === x.key) run.to = x.row;
    else {
      flush();
      run = { col: x.col, from: x.row, to: x.row, key: x.key, dv: x.dv };
    }
  }
  flush();
  return next;
}

function decode(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** A fixed time for the workbook's document properties, so that the same inputs give the same file contents. */
const FIXED_TIME = new Date(Date.UTC(2022, 0, 1));

/**
 * Runs `write` with compact validations and fixed document times; the in-memory validation model is put
 * back afterwards (cell.dataValidation keeps working on the workbook).
 */
async function withWritableModel<T>(workbook: ExcelJS.Workbook, write: () => Promise<T>): Promise<T> {
  const saved = workbook.worksheets.map((ws) => [validationHolder(ws), validationHolder(ws).model] as const);
  for (const [holder, model] of saved) holder.model = compactValidations(model);
  workbook.created = workbook.created ?? FIXED_TIME;
  workbook.modified = FIXED_TIME;
  try {
    return await write();
  } finally {
    for (const [holder, model] of saved) holder.model = model;
  }
}

/**
 * The .xlsx bytes of the workbook. The zip entries get a fixed time (exceljs stamps them with the current
 * time), so the same workbook always gives the same bytes: a regenerated sample makes no spurious change.
 */
export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  // exceljs stores the parts uncompressed and fflate compresses them once (not deflate, inflate, deflate).
  const bytes = await withWritableModel(workbook, async () => new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } })));
  const entries = unzipSync(bytes);
  const files = Object.entries(entries).filter(([name]) => !name.endsWith("/")); // folder entries are not needed
  return Buffer.from(zipSync(Object.fromEntries(files.map(([name, data]) => [name, [data, { mtime: FIXED_TIME }]]))));
}

/** Writes the workbook as .xlsx (creating the folder). */
export async function writeXlsx(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const bytes = await xlsxBuffer(workbook);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
}
