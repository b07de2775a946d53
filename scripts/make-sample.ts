/**
 * Writes samples/ankang-2021-sample.xlsx: the template filled with realistic, reproducible data shaped like
 * Ankang's published figures (~50,000 work orders a year, ~99.8% closed on time, ~90% satisfied), with a few
 * units in every band of every rate rule (exact edges 99%, 98%, 97%, 5%, 10%, 15%, 80%, 70%, 60% among them),
 * logged cases (one unit over the 20-point 日常配合 cap, one over the 30-point 工单办理 cap), bonuses (counties
 * over 1000 a month, 市直 units over 250 a month, and units exactly at the thresholds), and departments failing
 * the veto (late evidence, a missed item-6 target, an item not done, an item-6 part not done).
 * The data contain no error: `npm run assess` on it exits 0.
 *
 *   npx tsx scripts/make-sample.ts [output.xlsx]
 */
import ExcelJS from "exceljs";
import { REGISTRY_2021, applies, ruleSet, type Organization } from "../src/engine";
import { itemLabel, LABEL, SHEET, sheetSpec } from "../src/workbook/contract";

/** The sample is the 2021 method's: its item columns and the derived item's target and part columns, by id. */
const SAMPLE_APPROVAL = ruleSet(2021).approval;
const ITEM_LABELS = SAMPLE_APPROVAL.items.map((item) => itemLabel(item.no));
const DERIVED = Object.fromEntries([...SAMPLE_APPROVAL.derived.targets, ...SAMPLE_APPROVAL.derived.parts].map((d) => [d.id, d.label]));
import { ExcelJsWorkbookPort, writeXlsx } from "../src/workbook/adapters/exceljs";
import type { CellValue, WriteOp } from "../src/workbook/port";
import { findHeader } from "../src/workbook/tables";
import { templateAll } from "../src/workbook/template";
import { prng } from "./prng";

export const SAMPLE_PATH = "samples/ankang-2021-sample.xlsx";


const random = prng(20211207);
const between = (lo: number, hi: number) => lo + (hi - lo) * random();
const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));

/** Excel serial of a calendar date (1900 system). */
const serial = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000 + 25569;

interface Counts {
  total: number; due: number; onTime: number; returned: number; extensions: number; valid: number; satisfied: number;
  monthly?: number;
}

/** Yearly work orders per unit: the counties carry most of them, as in Ankang's published figures. */
const VOLUME: Readonly<Record<string, number>> = {
  汉滨区政府: 12600, // 1050 a month: over 1000 → +10
  旬阳市政府: 12120, // 1010 a month: over 1000 → +10
  汉阴县政府: 1500, 石泉县政府: 1200, 宁陕县政府: 500, 紫阳县政府: 1300, 岚皋县政府: 800, 平利县政府: 1000,
  镇坪县政府: 350, 白河县政府: 900, 安康高新技术产业开发区管理委员会: 1000, 安康瀛湖生态旅游区管理委员会: 200,
  "安康市恒口示范区（试验区）管理委员会": 600,
  市人力资源和社会保障局: 3300, // 275 a month: over 250 → +10 (月均办件量 entered directly)
  市住房和城乡建设局: 3120, // 260 a month → +10
  市城市管理执法局: 3000, // exactly 250 a month: not over 250 → no bonus
  市公安局: 900, 市教育体育局: 600, 市卫生健康委员会: 500, 市自然资源局: 400, 市医疗保障局: 520, 市市场监督管理局: 500,
  市交通运输局: 300, 市民政局: 300, 市生态环境局: 250, 市信访局: 520, 市审计局: 260, 市乡村振兴局: 210,
  市地方志办公室: 104, 市富硒产业发展办公室: 52, 市供销合作社: 100, 市招商和经济合作局: 120, 市工业和信息化局: 300,
  市统计局: 80, 市水利局: 200, "安康水务（集团）有限公司": 600, 国网安康供电公司: 800,
  电信安康分公司: 300, 移动安康分公司: 260, 联通安康分公司: 150, 广电网络安康分公司: 90, 中石油安康分公司: 70,
  安康中心城市建设投资开发公司: 120, 中行安康分行: 40, 农发行安康分行: 25, 长安银行安康分行: 60, 寿险安康分公司: 30,
  安康水力发电厂: 42, 陕西高速集团白泉分公司: 0, // no work orders: "无工单，不计扣分"
};

/** Units placed in given bands of the rate rules (the exact edges among them). */
const FIXED: Readonly<Record<string, Partial<Counts>>> = {
  // 办结率
  市信访局: { due: 500, onTime: 495 }, // exactly 99% → 5
  市审计局: { due: 250, onTime: 245 }, // exactly 98% → 10
  市地方志办公室: { due: 100, onTime: 97 }, // exactly 97% → 15
  市富硒产业发展办公室: { due: 50, onTime: 48 }, // 96% → 30
  安康水力发电厂: { due: 40, onTime: 39 }, // 97.5% → 15
  市乡村振兴局: { due: 200, onTime: 197 }, // 98.5% → 10
  市城市管理执法局: { due: 2950, onTime: 2910 }, // 98.64% → 10
  // 退单率
  市供销合作社: { total: 100, returned: 5 }, // exactly 5% → 3
  市招商和经济合作局: { total: 120, returned: 12 }, // exactly 10% → 6
  中行安康分行: { total: 40, returned: 6 }, // exactly 15% → 6
  农发行安康分行: { total: 25, returned: 4 }, // 16% → 10
  市工业和信息化局: { total: 300, returned: 21 }, // 7% → 3
  // 延期率
  市统计局: { total: 80, extensions: 4 }, // exactly 5% → 3
  长安银行安康分行: { total: 60, extensions: 9 }, // exactly 15% → 6
  寿险安康分公司: { total: 30, extensions: 6 }, // 20% → 10
  市水利局: { total: 200, extensions: 26 }, // 13% → 6
  // 满意率
  电信安康分公司: { valid: 200, satisfied: 160 }, // exactly 80% → 0
  移动安康分公司: { valid: 180, satisfied: 135 }, // 75% → 10
  联通安康分公司: { valid: 100, satisfied: 70 }, // exactly 70% → 10
  广电网络安康分公司: { valid: 60, satisfied: 39 }, // 65% → 20
  中石油安康分公司: { valid: 50, satisfied: 30 }, // exactly 60% → 20
  安康中心城市建设投资开发公司: { valid: 80, satisfied: 44 }, // 55% → 30
  "安康水务（集团）有限公司": { valid: 400, satisfied: 296 }, // 74% → 10
  市人力资源和社会保障局: { monthly: 275 },
};

function countsFor(org: Organization): Counts {
  const fixed = FIXED[org.name] ?? {};
  const total = fixed.total ?? VOLUME[org.name] ?? int(8, 60);
  if (total === 0) return { total: 0, due: 0, onTime: 0, returned: 0, extensions: 0, valid: 0, satisfied: 0 };
  const returned = fixed.returned ?? Math.floor(total * between(0.005, 0.035));
  const extensions = fixed.extensions ?? Math.floor(total * between(0.003, 0.03));
  const due = fixed.due ?? total - returned;
  // Half the units close every order on time; the others miss a few (99.4%—100%).
  const onTime = fixed.onTime ?? (random() < 0.5 ? due : due - Math.min(Math.floor(due * between(0, 0.006)), due));
  const valid = fixed.valid ?? Math.round(onTime * between(0.65, 0.8));
  const satisfied = fixed.satisfied ?? Math.round(valid * between(0.87, 0.95));
  return { total, due, onTime, returned, extensions, valid, satisfied, monthly: fixed.monthly };
}

/** 扣分登记: [date, unit, 事项, 数量 (blank → 1), 说明]. */
const DEDUCTIONS: readonly [string, string, string, number | null, string][] = [
  ["2021-03-15", "汉滨区", "未第一时间联系诉求人", 3, "工单AK202103150087等3件：回访核实未在2小时内联系诉求人"],
  ["2021-06-02", "汉滨区政府", "反馈内容不规范", 2, "工单AK202106020311等2件：反馈过于简单"],
  ["2021-04-20", "市住建局", "反馈内容与实际不符", null, "工单AK202104200045：反馈已维修，回访核实未维修"],
  ["2021-09-08", "市住建局", "无理由推诿", null, "工单AK202109080152：物业维修资金诉求往返推诿"],
  // 市城管局: 办结率98.64%（10）+ 2件不符（20）+ 2件未联系（2）= 32 → 按上限扣30
  ["2021-05-11", "市城管局", "反馈内容与实际不符", 2, "工单AK202105110231等2件：占道经营反馈已取缔，复核仍存在"],
  ["2021-07-19", "市城管局", "未第一时间联系诉求人", 2, "工单AK202107190018等2件"],
  // 市民政局: 日常配合 4+2+5+5+5 = 21 → 按上限扣20
  ["2021-02-10", "市民政局", "知识库未按时更新", 2, "低保政策调整后未更新知识库（2次）"],
  ["2021-09-30", "市民政局", "节假日值班表未按时报送", null, "国庆节值班表逾期报送"],
  ["2021-05-20", "市民政局", "推脱领导接话日活动", null, "经两次联系，主要负责人未参加局长接话日"],
  ["2021-08-16", "市民政局", "吹哨报到响应不及时", null, "社区吹哨后48小时未报到"],
  ["2021-11-03", "市民政局", "未按邀请参加业务培训", null, "未按邀请开展养老服务政策培训"],
  ["2021-01-29", "紫阳县政府", "值班表未按时报送", null, "春节值班表逾期报送"],
  ["2021-10-12", "市交通运输局", "吹哨报到响应不及时", null, "出租车投诉吹哨响应超时"],
  ["2021-12-06", "国网安康供电公司", "反馈内容不规范", 3, "工单AK202112060077等3件：反馈未写明处理结果"],
  ["", "市医保局", "未第一时间联系诉求人", null, "工单AK202108230140（日期待补）"],
];

/** 加分登记. */
const BONUSES: readonly [string, string, string, number | null, string][] = [
  ["2021-04-08", "汉滨区政府", "群众锦旗", 2, "诉求人赠送锦旗2面"],
  ["2021-07-01", "汉滨区政府", "省级媒体采用", null, "陕西日报刊发热线办理经验"],
  ["2021-03-22", "旬阳市政府", "群众表扬", 5, "来电表扬5件"],
  ["2021-12-20", "旬阳市政府", "市级表彰", null, "市委、市政府通报表扬"],
  ["2021-09-15", "市人社局", "国家级媒体采用", null, "人民网刊发农民工欠薪快处经验"],
  ["2021-11-11", "石泉县政府", "省级表彰", null, "省政务服务中心表彰"],
  ["2021-05-06", "国网安康供电公司", "群众锦旗", null, "抢修及时，群众赠送锦旗"],
  ["2021-08-09", "市公安局", "群众表扬", 3, "来信表扬3件"],
];

/** Departments failing the veto, and how. */
const FAILING: Readonly<Record<string, (row: Record<string, CellValue>) => void>> = {
  // Items 3 and 4 marked done, but the evidence reached 市审改办 after 2021-12-31: not done (late evidence).
  市公安局: (row) => { row[LABEL.evidenceDate] = serial("2022-01-05"); },
  // Item 6: 全程网办率 68% is below 70%.
  市统计局: (row) => { row[DERIVED.fullOnline] = 0.68; },
  市林业局: (row) => { row[ITEM_LABELS[0]] = "未完成"; },
  市医保局: (row) => { row[DERIVED.seal] = "未完成"; },
  市自然资源局: (row) => { row[ITEM_LABELS[4]] = "未完成"; },
};

/** Edges met exactly ("不低于" includes the number). */
const EXACT_TARGETS: Readonly<Record<string, Record<string, number>>> = {
  市财政局: { [DERIVED.timeCut]: 0.7 },
  市税务局: { [DERIVED.oneTrip]: 0.95, [DERIVED.instant]: 0.5 },
};

function approvalRow(org: Organization): Record<string, CellValue> {
  const rules = ruleSet();
  const row: Record<string, CellValue> = {};
  rules.approval.items.forEach((item, i) => {
    const applicable = applies(rules.approval, REGISTRY_2021, org, item.no);
    // Item 6 is derived from its parts; a few departments also enter it (consistently).
    if (applicable && item.no < 6) row[ITEM_LABELS[i]] = random() < 0.9 ? "完成" : "已完成";
    if (applicable && item.no === 6 && random() < 0.3) row[ITEM_LABELS[i]] = "完成";
  });
  row[DERIVED.timeCut] = Math.round(between(0.72, 0.9) * 1000) / 1000;
  row[DERIVED.oneTrip] = Math.round(between(0.955, 1) * 1000) / 1000;
  row[DERIVED.instant] = Math.round(between(0.52, 0.8) * 1000) / 1000;
  row[DERIVED.online] = Math.round(between(0.955, 1) * 1000) / 1000;
  row[DERIVED.fullOnline] = Math.round(between(0.72, 0.95) * 1000) / 1000;
  row[DERIVED.guide] = "完成";
  row[DERIVED.seal] = "完成";
  row[DERIVED.dataList] = "完成";
  const hasEvidence = [3, 4, 5].some((no) => applies(rules.approval, REGISTRY_2021, org, no));
  if (hasEvidence && random() < 0.7) row[LABEL.evidenceDate] = serial(`2021-${String(int(9, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`);
  Object.assign(row, EXACT_TARGETS[org.approvalName as string] ?? {});
  FAILING[org.approvalName as string]?.(row);
  if (FAILING[org.approvalName as string]) delete row[ITEM_LABELS[5]];
  return row;
}

/** Writes the sample; returns its overall figures (work orders, on-time rate, satisfaction rate). */
export async function makeSample(path = SAMPLE_PATH): Promise<{ orders: number; onTime: number; satisfied: number }> {
  const port = new ExcelJsWorkbookPort(new ExcelJS.Workbook());
  await templateAll(port);
  const snapshots = await port.read(Object.values(SHEET));
  const ops: WriteOp[] = [];
  /** Writes rows of {label: value} below the header of a sheet, each cell under its label. */
  const fill = (sheet: typeof SHEET[keyof typeof SHEET], rows: readonly Record<string, CellValue>[]) => {
    const snapshot = snapshots.get(sheet);
    const header = snapshot && findHeader(snapshot, sheetSpec(sheet));
    if (!header) throw new Error(`sample: no header in ${sheet}`);
    rows.forEach((row, i) => {
      for (const [label, value] of Object.entries(row)) {
        const col = header.columns.get(label);
        if (col === undefined) throw new Error(`sample: no column ${label} in ${sheet}`);
        ops.push({ kind: "values", sheet, row: header.row + 1 + i, col, values: [[value]] });
      }
    });
  };

  const units = REGISTRY_2021.hotlineUnits();
  const counts = units.map(countsFor);
  fill(SHEET.hotline, counts.map((c) => ({
    [LABEL.total]: c.total, [LABEL.due]: c.due, [LABEL.onTime]: c.onTime, [LABEL.returned]: c.returned,
    [LABEL.extensions]: c.extensions, [LABEL.validCallbacks]: c.valid, [LABEL.satisfied]: c.satisfied,
    ...(c.monthly !== undefined ? { [LABEL.monthly]: c.monthly } : {}),
  })));
  const register = (rows: typeof DEDUCTIONS) => rows.map(([date, unit, item, quantity, note]) => ({
    [LABEL.date]: date === "" ? null : serial(date), [LABEL.name]: unit, [LABEL.item]: item, [LABEL.quantity]: quantity, [LABEL.note]: note,
  }));
  fill(SHEET.deductions, register(DEDUCTIONS));
  fill(SHEET.bonuses, register(BONUSES));
  fill(SHEET.approval, REGISTRY_2021.approvalDepartments().map(approvalRow));
  await port.apply(ops);
  port.workbook.creator = "安康市行政审批服务局（示例数据）";
  port.workbook.created = new Date(Date.UTC(2022, 0, 1));
  await writeXlsx(port.workbook, path);

  const sum = (f: (c: Counts) => number) => counts.reduce((s, c) => s + f(c), 0);
  return { orders: sum((c) => c.total), onTime: sum((c) => c.onTime) / sum((c) => c.due), satisfied: sum((c) => c.satisfied) / sum((c) => c.valid) };
}

if (require.main === module) {
  const path = process.argv[2] ?? SAMPLE_PATH;
  makeSample(path).then(({ orders, onTime, satisfied }) => {
    const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
    process.stdout.write(`示例工作簿已写入：${path}\n工单总量${orders}件；按期办结率${pct(onTime)}；满意率${pct(satisfied)}\n`);
  }, (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
