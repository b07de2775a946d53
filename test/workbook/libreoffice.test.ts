/**
 * The filled sample reads correctly without the add-in: LibreOffice Calc, converting the result workbook to
 * CSV, shows the same numbers and texts exceljs wrote (no formula depends on the add-in). Skipped when
 * LibreOffice is not installed (apt-get install -y libreoffice-calc).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialToIsoDate } from "../../src/engine";
import { SHEET } from "../../src/workbook/contract";
import { computeAll } from "../../src/workbook/compute";
import { ExcelJsWorkbookPort, writeXlsx } from "../../src/workbook/adapters/exceljs";
import type { CellValue } from "../../src/workbook/port";
import { SAMPLE_PATH } from "../../scripts/make-sample";

function findLibreOffice(): string | undefined {
  for (const bin of ["libreoffice", "soffice"]) {
    if (spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0) return bin;
  }
  return undefined;
}

/** RFC 4180 CSV (LibreOffice's output): quoted fields with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') field += text[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** A CSV cell (raw values, percent-formatted ones with "%") against what exceljs wrote. */
function same(csv: string, value: CellValue): boolean {
  if (value === null) return csv === "";
  if (typeof value === "number") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(csv)) return serialToIsoDate(value) === csv;
    const n = csv.endsWith("%") ? Number(csv.slice(0, -1)) / 100 : Number(csv);
    return Math.abs(n - value) <= 1e-12 * Math.max(1, Math.abs(value));
  }
  return csv === String(value);
}

const lo = findLibreOffice();

(lo ? describe : describe.skip)("the filled sample in LibreOffice Calc", () => {
  it("shows the same values in 12345热线考核表, 便民化考核 and 校验", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lo-"));
    const port = await ExcelJsWorkbookPort.fromFile(SAMPLE_PATH);
    await computeAll(port);
    const xlsx = join(dir, "result.xlsx");
    await writeXlsx(port.workbook, xlsx);
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    const run = spawnSync(lo as string, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", filter, "--outdir", dir, xlsx],
      { encoding: "utf8", timeout: 120000 });
    expect(run.status).toBe(0);
    for (const sheet of [SHEET.result, SHEET.approval, SHEET.checks]) {
      const csv = parseCsv(readFileSync(join(dir, `result-${sheet}.csv`), "utf8"));
      const values = (await port.read([sheet])).get(sheet)?.values ?? [];
      expect(csv.length).toBe(values.length);
      values.forEach((row, r) => row.forEach((v, c) => {
        const shown = csv[r]?.[c] ?? "";
        if (!same(shown, v)) throw new Error(`${sheet} row ${r + 1} col ${c + 1}: LibreOffice shows ${JSON.stringify(shown)}, exceljs wrote ${JSON.stringify(v)}`);
      }));
    }
  }, 180000);
});
