/**
 * Deterministic generator of a realistic 12345 work-order ledger (工单明细) for the 77 hotline units.
 *
 *   npx tsx scripts/gen-ledger.ts --rows 60000 --format csv|xlsx --encoding utf8|gb18030 --seed 1 -o FILE
 *        [--year 2021] [--duplicates K] [--problems M] [--aliases 0.1] [--bom] [--spread]
 *
 * Shaped like Ankang's published figures: ~99.8% closed on time, ~90% of valid callbacks satisfied, a few
 * percent returned or extended. Some orders are dispatched in late December of the previous year, some
 * have deadlines in the next year, some are still open at export time; unit names are sometimes written
 * as aliases. --duplicates adds K repeated rows (copies of earlier orders); --problems spoils M orders
 * (unknown unit, unreadable date). Times never fall exactly on midnight, so a spreadsheet comparing the
 * serial numbers (COUNTIFS) and the importer agree on every deadline.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import * as ExcelJS from "exceljs";
import * as iconv from "iconv-lite";
import { REGISTRY_2021, type Organization } from "../src/engine/registry";
import { LEDGER_COLUMNS } from "../src/ledger/columns";
import { civilSeconds, formatTimestamp } from "../src/ledger/timestamps";
import type { CallbackResult } from "../src/ledger/values";
import { prng } from "./prng";

export interface GenerateOptions {
  /** Distinct orders. */
  readonly rows: number;
  readonly seed?: number;
  readonly year?: number;
  /** Extra rows repeating an earlier order's 工单编号 (and content). */
  readonly duplicates?: number;
  /** Orders spoiled with an unknown unit or an unreadable date. */
  readonly problems?: number;
  /** Share of rows writing the unit under an alias (default 0.1). */
  readonly aliasShare?: number;
  /**
   * Units differ (a seeded profile per unit: returns, extensions, late closures, satisfaction), so that monthly
   * scores and the 通报's lists spread out. Off by default: the rows are then exactly as before.
   */
  readonly spread?: boolean;
}

/** Chances per order; a callback draw below `satisfied` is 满意, below `basic` 基本满意, below 0.88 不满意. */
interface UnitProfile { readonly returned: number; readonly extended: number; readonly late: number; readonly satisfied: number; readonly basic: number }
const EVEN_PROFILE: UnitProfile = { returned: 0.03, extended: 0.025, late: 0.002, satisfied: 0.7, basic: 0.79 };

/** Each unit's profile, from a stream of its own (the orders' stream is the same with or without it). */
function unitProfiles(count: number, seed: number, spread: boolean): UnitProfile[] {
  if (!spread) return Array.from({ length: count }, () => EVEN_PROFILE);
  const random = prng(seed ^ 0x5eed);
  return Array.from({ length: count }, () => {
    const basic = 0.6 + random() * 0.27;
    return { returned: 0.005 + random() * 0.1, extended: 0.005 + random() * 0.08, late: random() * 0.02, satisfied: basic * 0.89, basic };
  });
}

/** One generated row. Times are naive seconds (see src/ledger/timestamps.ts); NaN = blank. */
export interface GeneratedOrder {
  readonly id: string;
  /** Unit as written in the file (may be an alias or spoiled). */
  readonly unit: string;
  /** Official name, or undefined for a spoiled unit. */
  readonly official: string | undefined;
  readonly dispatched: number;
  readonly deadline: number;
  readonly closed: number;
  readonly returned: boolean;
  readonly extended: boolean;
  readonly callback: CallbackResult;
  /** A spoiled date written as text instead of the 派单时间 (problem rows only). */
  readonly badDispatchText?: string;
  /** True for a repeated row. */
  readonly duplicate: boolean;
}

export const LEDGER_HEADER: readonly string[] = LEDGER_COLUMNS;

export { prng };

const DAY = 86400;

/** Relative order volume: counties far above city departments, banks and companies far below. */
function unitWeight(org: Organization): number {
  if (org.name.startsWith("汉滨区")) return 40;
  if (org.type === "县区") return org.name.includes("管理委员会") ? 6 : 14;
  if (org.type === "市直") return ["市城市管理执法局", "市住房和城乡建设局", "市人力资源和社会保障局", "市市场监督管理局", "市教育体育局"].includes(org.name) ? 9 : 3;
  return 1;
}

function pickWeighted<T>(items: readonly T[], cumulative: Float64Array, r: number): T {
  const x = r * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return items[lo];
}

function pickFrom<T>(items: readonly T[], r: number): T {
  return items[Math.min(items.length - 1, Math.floor(r * items.length))];
}

/** The generated rows, sorted by 派单时间 (duplicates follow shortly after their original). */
export function* generateLedger(options: GenerateOptions): Generator<GeneratedOrder> {
  const random = prng(options.seed ?? 1);
  const year = options.year ?? 2021;
  const n = options.rows;
  const units = REGISTRY_2021.hotlineUnits();
  const cumulative = new Float64Array(units.length);
  units.reduce((sum, org, i) => (cumulative[i] = sum + unitWeight(org)), 0);
  const aliasShare = options.aliasShare ?? 0.1;
  const profileList = unitProfiles(units.length, options.seed ?? 1, options.spread === true);
  const profiles = new Map(units.map((u, i) => [u, profileList[i]]));

  // Dispatch times: 1% in the last ten days of the previous year, the rest over the year, 08:00–21:59.
  const yearStart = civilSeconds(year, 1, 1);
  const yearDays = (civilSeconds(year + 1, 1, 1) - yearStart) / DAY;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const day = random() < 0.01 ? -1 - Math.floor(random() * 10) : Math.floor(random() * yearDays);
    times[i] = yearStart + day * DAY + 8 * 3600 + Math.floor(random() * 14 * 3600);
  }
  times.sort();
  const exportTime = civilSeconds(year + 1, 1, 5, 9, 0, 0);

  // Rows to repeat and rows to spoil, chosen up front so the stream stays deterministic.
  const duplicateOf = new Set<number>();
  for (let k = 0; k < (options.duplicates ?? 0) && k < n; k++) {
    let i = Math.floor(random() * n);
    while (duplicateOf.has(i)) i = (i + 1) % n;
    duplicateOf.add(i);
  }
  const spoiled = new Set<number>();
  for (let k = 0; k < (options.problems ?? 0) && k < n; k++) {
    let i = Math.floor(random() * n);
    while (spoiled.has(i)) i = (i + 1) % n;
    spoiled.add(i);
  }
  const pendingCopies: { due: number; order: GeneratedOrder }[] = [];

  for (let i = 0; i < n; i++) {
    const org = pickWeighted(units, cumulative, random());
    const profile = profiles.get(org) as UnitProfile;
    const dispatched = times[i];
    const returned = random() < profile.returned;
    const extended = !returned && random() < profile.extended;
    const days = pickFrom([1, 3, 3, 5, 5, 5, 5, 7, 7, 15], random());
    const deadline = dispatched + (days + (extended ? pickFrom([5, 10], random()) : 0)) * DAY;

    let closed = NaN;
    let callback: CallbackResult = "未回访";
    if (!returned) {
      const stuck = random() < 0.0005;
      const late = random() < profile.late;
      const candidate = late
        ? deadline + 3600 + Math.floor(random() * 3 * DAY)
        : dispatched + 600 + Math.floor(random() * (deadline - dispatched - 600));
      if (!stuck && candidate <= exportTime) closed = candidate;
      if (!Number.isNaN(closed)) {
        const r = random();
        callback = r < profile.satisfied ? "满意" : r < profile.basic ? "基本满意" : r < 0.88 ? "不满意" : r < 0.93 ? "未回访" : r < 0.97 ? "拒访" : "无法联系";
      }
    }

    let unit = org.name;
    if (random() < aliasShare && org.names.length > 1) {
      unit = pickFrom(org.names.slice(1), random());
      const r = random();
      if (r < 0.2) unit = ` ${unit} `;
      else if (r < 0.3) unit = unit.replace(/\(/g, "（").replace(/\)/g, "）");
    }
    const d = new Date(dispatched * 1000);
    const id = `AK${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, "0")}${String(i + 1).padStart(7, "0")}`;
    let order: GeneratedOrder = { id, unit, official: org.name, dispatched, deadline, closed, returned, extended, callback, duplicate: false };
    if (spoiled.has(i)) {
      order = random() < 0.5
        ? { ...order, unit: "安康市不存在管理局", official: undefined }
        : { ...order, badDispatchText: `${year}-13-${String(1 + Math.floor(random() * 28)).padStart(2, "0")} 10:00` };
    }
    while (pendingCopies.length > 0 && pendingCopies[0].due <= i) yield pendingCopies.shift()!.order;
    yield order;
    if (duplicateOf.has(i)) pendingCopies.push({ due: i + 1 + Math.floor(random() * 50), order: { ...order, duplicate: true } });
  }
  for (const copy of pendingCopies) yield copy.order;
}

/** A row of cells in LEDGER_HEADER order; dates as text ("2021-03-05 14:22:10") or as Date values (xlsx serials). */
export function orderCells(o: GeneratedOrder, dates: "text" | "date"): (string | Date | null)[] {
  const time = (t: number) => (Number.isNaN(t) ? null : dates === "text" ? formatTimestamp(t) : new Date(t * 1000));
  return [
    o.id,
    o.unit,
    o.badDispatchText ?? time(o.dispatched),
    time(o.deadline),
    time(o.closed),
    o.returned ? "是" : "否",
    o.extended ? "是" : "否",
    o.callback === "未回访" && Number.isNaN(o.closed) ? "" : o.callback,
  ];
}

function csvField(value: string | Date | null): string {
  if (value === null) return "";
  const s = value instanceof Date ? formatTimestamp(value.getTime() / 1000) : value;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvWriteOptions extends GenerateOptions {
  readonly encoding?: "utf8" | "gb18030";
  /** Write a UTF-8 BOM (as Excel does for "CSV UTF-8"). */
  readonly bom?: boolean;
}

export async function writeLedgerCsv(path: string, options: CsvWriteOptions): Promise<number> {
  const out = createWriteStream(path);
  const encode = (text: string) => (options.encoding === "gb18030" ? iconv.encode(text, "gb18030") : Buffer.from(text, "utf8"));
  if (options.bom && options.encoding !== "gb18030") out.write(Buffer.from([0xef, 0xbb, 0xbf]));
  let buffer = LEDGER_HEADER.join(",") + "\r\n";
  let rows = 0;
  for (const order of generateLedger(options)) {
    buffer += orderCells(order, "text").map(csvField).join(",") + "\r\n";
    rows++;
    if (buffer.length > 1 << 20) {
      if (!out.write(encode(buffer))) await once(out, "drain");
      buffer = "";
    }
  }
  out.write(encode(buffer));
  out.end();
  await once(out, "finish");
  return rows;
}

export async function writeLedgerXlsx(path: string, options: GenerateOptions & { readonly sharedStrings?: boolean }): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: options.sharedStrings ?? true, useStyles: true });
  const sheet = workbook.addWorksheet("工单明细");
  const dateFormat = "yyyy-mm-dd hh:mm:ss";
  sheet.columns = LEDGER_HEADER.map((header, i) => ({
    header,
    key: header,
    width: i === 0 ? 20 : i === 1 ? 28 : i >= 2 && i <= 4 ? 20 : 12,
    style: i >= 2 && i <= 4 ? { numFmt: dateFormat } : {},
  }));
  let rows = 0;
  for (const order of generateLedger(options)) {
    sheet.addRow(orderCells(order, "date")).commit();
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-o") args.out = argv[++i];
    else if (a === "--bom") args.bom = "1";
    else if (a === "--spread") args.spread = "1";
    else if (a.startsWith("--")) args[a.slice(2)] = argv[++i];
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.out) {
    console.error("用法: tsx scripts/gen-ledger.ts --rows N --format csv|xlsx --encoding utf8|gb18030 --seed S -o FILE [--year 2021] [--duplicates K] [--problems M] [--spread]");
    process.exit(2);
  }
  const options = {
    rows: Number(args.rows ?? 60000),
    seed: Number(args.seed ?? 1),
    year: Number(args.year ?? 2021),
    duplicates: Number(args.duplicates ?? 0),
    problems: Number(args.problems ?? 0),
    aliasShare: args.aliases !== undefined ? Number(args.aliases) : undefined,
    spread: args.spread === "1",
  };
  const started = Date.now();
  const format = args.format ?? (args.out.endsWith(".xlsx") ? "xlsx" : "csv");
  const rows = format === "xlsx"
    ? await writeLedgerXlsx(args.out, options)
    : await writeLedgerCsv(args.out, { ...options, encoding: args.encoding === "gb18030" ? "gb18030" : "utf8", bom: args.bom === "1" });
  console.log(`已生成 ${args.out}：${rows} 行（${format}），用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
