/**
 * The status quo the benchmark compares against: the section-F counts computed by a sheet of COUNTIFS
 * formulas over the 工单明细 sheet, recalculated by LibreOffice (headless, recalculation forced on load).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import * as ExcelJS from "exceljs";
import { REGISTRY_2021 } from "../../src/engine/registry";
import { generateLedger, orderCells, type GenerateOptions } from "../gen-ledger";

export const COUNT_LABELS = ["工单总量", "应办结数", "按期办结数", "退单数", "延期申请数", "有效回访数", "满意数"] as const;
export type Counts = Record<(typeof COUNT_LABELS)[number], number>;

/** Excel serial of a civil date (1900 date system). */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000 + 25569;

/**
 * Writes the ledger (sheet 工单明细, a helper column 按期 = closed no later than the deadline, which COUNTIFS
 * cannot compare by itself) and a sheet 统计 with one row of COUNTIFS per hotline unit for the year.
 */
export async function writeCountifsLedger(path: string, options: GenerateOptions & { year: number }): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ledger = workbook.addWorksheet("工单明细");
  const dateFormat = "yyyy-mm-dd hh:mm:ss";
  ledger.columns = ["工单编号", "承办单位", "派单时间", "办理时限", "办结时间", "是否退单", "是否申请延期", "回访结果", "按期"].map(
    (header, i) => ({ header, key: header, width: 20, style: i >= 2 && i <= 4 ? { numFmt: dateFormat } : {} }),
  );
  let n = 0;
  for (const order of generateLedger(options)) {
    const r = n + 2;
    ledger.addRow([...orderCells(order, "date"), { formula: `IF(AND(F${r}="否",E${r}<>"",E${r}<=D${r}),1,0)` }]).commit();
    n++;
  }
  ledger.commit();
  const last = n + 1;
  const col = (c: string) => `工单明细!$${c}$2:$${c}$${last}`;
  const [U, DISPATCH, DEADLINE, CLOSED, RET, EXT, CALLBACK, ONTIME] = ["B", "C", "D", "E", "F", "G", "H", "I"].map(col);
  const inPeriod = (range: string) => `${range},">="&$K$1,${range},"<"&$K$2`;
  const stats = workbook.addWorksheet("统计");
  stats.addRow(["单位名称", ...COUNT_LABELS, "", "", serial(options.year, 1, 1)]).commit();
  const units = REGISTRY_2021.hotlineUnits();
  units.forEach((unit, i) => {
    const r = i + 2;
    const u = `${U},$A${r}`;
    const callbacks = (results: string[]) => results.map((x) => `COUNTIFS(${u},${inPeriod(CLOSED)},${CALLBACK},"${x}")`).join("+");
    stats.addRow([
      unit.name,
      { formula: `COUNTIFS(${u},${inPeriod(DISPATCH)})` },
      { formula: `COUNTIFS(${u},${RET},"否",${inPeriod(DEADLINE)})` },
      { formula: `COUNTIFS(${u},${RET},"否",${inPeriod(DEADLINE)},${ONTIME},1)` },
      { formula: `COUNTIFS(${u},${inPeriod(DISPATCH)},${RET},"是")` },
      { formula: `COUNTIFS(${u},${inPeriod(DISPATCH)},${EXT},"是")` },
      { formula: callbacks(["满意", "基本满意", "不满意"]) },
      { formula: callbacks(["满意", "基本满意"]) },
      "", "", i === 0 ? serial(options.year + 1, 1, 1) : null,
    ]).commit();
  });
  stats.commit();
  await workbook.commit();
  return n;
}

export function libreOfficeBinary(): string | null {
  for (const candidate of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Installs Debian's libreoffice-calc when absent (root on these machines); null when it cannot. */
export function ensureLibreOffice(log: (s: string) => void): string | null {
  const found = libreOfficeBinary();
  if (found) return found;
  log("未找到 LibreOffice，正在安装 libreoffice-calc …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-q"], { stdio: "ignore", env });
  const install = update.status === 0 ? spawnSync("apt-get", ["install", "-y", "-q", "libreoffice-calc"], { stdio: "ignore", env }) : update;
  if (install.status !== 0) log("无法安装 LibreOffice（apt-get 失败），LibreOffice 对比记为 null。");
  return libreOfficeBinary();
}

/** A throwaway profile that makes LibreOffice always recalculate OOXML formulas on load. */
function recalcProfile(dir: string): string {
  const user = join(dir, "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(join(user, "registrymodifications.xcu"), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`);
  return `file://${dir}`;
}

/** Converts sheet `sheetNo` of an xlsx to CSV with LibreOffice, returning the CSV text and the seconds taken. */
export function convertSheetToCsv(soffice: string, xlsx: string, sheetNo: number, workDir: string): { seconds: number; csv: string } {
  const profile = join(workDir, "lo-profile");
  const outDir = join(workDir, "lo-out");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const profileUrl = recalcProfile(profile);
  // UTF-8 (76), comma separated, sheet number as the 12th token (LibreOffice ≥ 7.2).
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheetNo}`;
  const started = process.hrtime.bigint();
  execFileSync(soffice, [`-env:UserInstallation=${profileUrl}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, xlsx], {
    stdio: "ignore", timeout: 15 * 60 * 1000,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stem = basename(xlsx).replace(/\.xlsx$/i, "");
  const candidates = [join(outDir, `${stem}-统计.csv`), join(outDir, `${stem}.csv`)];
  const file = candidates.find((c) => existsSync(c));
  if (!file) throw new Error(`LibreOffice wrote no CSV for ${xlsx}`);
  return { seconds, csv: readFileSync(file, "utf8") };
}

export function parseCountsCsv(csv: string): Map<string, Counts> {
  const rows = csv.trim().split(/\r?\n/).map((line) => line.split(","));
  const counts = new Map<string, Counts>();
  for (const row of rows.slice(1)) {
    if (!row[0]) continue;
    const name = row[0].replace(/^"|"$/g, "");
    counts.set(name, Object.fromEntries(COUNT_LABELS.map((label, i) => [label, Number(row[i + 1])])) as Counts);
  }
  return counts;
}
