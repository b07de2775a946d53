/**
 * A small assessment workbook with hand-computed answers: six units across the bands, logged cases over
 * both category caps, bonuses at and over the volume thresholds, a tie in the ranking, and departments
 * with each veto outcome. Column order differs from the template and an extra column is present.
 */
import { LABEL, SHEET } from "../../src/workbook/contract";
import type { CellValue } from "../../src/workbook/port";
import { approvalRows, DERIVED_LABEL, ITEM_LABELS, serial, sheetRows, workbookOf, type Row } from "./helpers";

export const HOTLINE_LABELS = [
  LABEL.name, "备注", LABEL.total, LABEL.returned, LABEL.extensions, LABEL.due, LABEL.onTime,
  LABEL.validCallbacks, LABEL.satisfied, LABEL.monthly,
];

export const UNITS: Row[] = [
  { [LABEL.name]: "汉滨区", [LABEL.type]: "县区" },
  { [LABEL.name]: "汉阴县政府", [LABEL.type]: "县区" },
  { [LABEL.name]: "市人社局", [LABEL.type]: "市直" },
  { [LABEL.name]: "市公安局", [LABEL.type]: "市直" },
  { [LABEL.name]: "工行安康分行", [LABEL.type]: "其他" },
  { [LABEL.name]: "建行安康分行", [LABEL.type]: "其他" },
];

const h = (name: string, total: number | null, due: number | null, onTime: number | null, returned: number | null,
  extensions: number | null, valid: number | null, satisfied: number | null, monthly: CellValue = null): Row => ({
  [LABEL.name]: name, [LABEL.total]: total, [LABEL.due]: due, [LABEL.onTime]: onTime, [LABEL.returned]: returned,
  [LABEL.extensions]: extensions, [LABEL.validCallbacks]: valid, [LABEL.satisfied]: satisfied, [LABEL.monthly]: monthly,
});

export const HOTLINE: Row[] = [
  h("汉滨区政府", 13200, 13000, 12870, 200, 660, 1000, 800),
  h("汉阴县政府", 12000, 12000, 11900, 0, 0, 100, 100),
  h("市人力资源和社会保障局", 3000, 2550, 2550, 450, 0, 2000, 1400),
  h("市公安局", 1200, 1180, 1160, 20, 120, 900, 540, 300),
  // No orders: 工单总量 entered as 0 (the other counts of a row with counts are 0 when blank).
  h("工行安康分行", 0, null, null, null, null, null, null),
  h("建行安康分行", 100, 100, 96, 16, 16, 50, 29),
];

const reg = (date: string | null, name: string, item: string, quantity: CellValue = null, note: string | null = null): Row => ({
  [LABEL.date]: date === null ? null : serial(date), [LABEL.name]: name, [LABEL.item]: item, [LABEL.quantity]: quantity, [LABEL.note]: note,
});

export const DEDUCTIONS: Row[] = [
  reg("2021-05-01", "汉滨区政府", "反馈内容与实际不符"),
  reg("2021-02-01", "市人社局", "知识库未按时更新", 3),
  reg("2021-03-01", "市人社局", "推脱领导接话日活动"),
  reg("2021-04-01", "市人力资源和社会保障局", "推脱领导接话日活动"),
  reg(null, "市人社局", "无理由推诿", "1"),
  reg("2021-06-30", "建行安康分行", "反馈内容与实际情况不相符"),
];

export const BONUSES: Row[] = [
  reg("2021-07-01", "汉滨区", "群众锦旗"),
  reg("2021-08-01", "汉阴县", "群众表扬", 2),
];

export const APPROVAL: Row[] = approvalRows({
  市委宣传部: { [LABEL.evidenceDate]: serial("2021-12-31") },
  市公安局: { [LABEL.evidenceDate]: serial("2022-01-01") },
  市统计局: { [DERIVED_LABEL.fullOnline]: 0.69 },
  市财政局: { [DERIVED_LABEL.timeCut]: 0.7, [DERIVED_LABEL.oneTrip]: 0.95, [DERIVED_LABEL.instant]: 0.5, [DERIVED_LABEL.online]: 0.95, [DERIVED_LABEL.fullOnline]: "70%" },
  市林业局: { [ITEM_LABELS[0]]: "未完成" },
  市档案馆: {
    [ITEM_LABELS[5]]: "完成", [DERIVED_LABEL.timeCut]: null, [DERIVED_LABEL.oneTrip]: null, [DERIVED_LABEL.instant]: null, [DERIVED_LABEL.online]: null,
    [DERIVED_LABEL.fullOnline]: null, [DERIVED_LABEL.guide]: null, [DERIVED_LABEL.seal]: null, [DERIVED_LABEL.dataList]: null,
  },
  市医保局: {
    [ITEM_LABELS[5]]: "未完成", [DERIVED_LABEL.timeCut]: null, [DERIVED_LABEL.oneTrip]: null, [DERIVED_LABEL.instant]: null, [DERIVED_LABEL.online]: null,
    [DERIVED_LABEL.fullOnline]: null, [DERIVED_LABEL.guide]: null, [DERIVED_LABEL.seal]: null, [DERIVED_LABEL.dataList]: null,
  },
  市发改委: { [ITEM_LABELS[0]]: "是", [ITEM_LABELS[1]]: true, [ITEM_LABELS[2]]: "完成", [ITEM_LABELS[5]]: "已完成" },
});

/** The title of the 2021 hotline method (安行审函〔2021〕73号), quoted in 扣分说明. */
const ANNEX2 = "《2021年度12345热线工单办理情况减分指标考核办法（送审稿）》";
/** The title of the 2021 approval method, quoted in 便民化考核's 扣分说明. */
export const APPROVAL_DOC = "《2021年度审批服务便民化工作减分指标考核办法（送审稿）》";

/** Expected 12345热线考核表 rows, computed by hand from the tables of 附件2. */
export const EXPECTED = {
  汉滨区政府: {
    // 办结率 12870/13000 = 99% exactly → 5; +1 反馈不符 10 → 工单办理 15. 退单 200/13200 = 1.52% → 0.
    // 延期 660/13200 = 5% exactly → 3. 满意 800/1000 = 80% → 0. 月均 13200/12 = 1100 > 1000 → +10; 锦旗 +5.
    type: "县区", completionRate: 0.99, handling: 15, returned: 0, extension: 3, satisfaction: 0, cooperation: 0, bonus: 15,
    total: 97, rank: 2, typeRank: 1,
    // Each line quotes its clause of 附件2 (spec G); the document's title in full once, then 该文件.
    explanation: `办结率99.00%（12870/13000）（99%—100%）扣5分（依据：${ANNEX2}附件2 工单办理·办结率：工单按期办结率100%不扣分；99%—100%扣5分；98%—99%扣10分；97%—98%扣15分；97%以下扣30分）；`
      + "反馈内容与实际不符1件扣10分（依据：该文件附件2 工单办理·事项反馈：反馈内容与实际情况不相符的，经查实1件扣10分）；"
      + "延期率5.00%（660/13200）（5%—10%）扣3分（依据：该文件附件2 延期率：按工单总量，延期申请低于5%的不扣分；5%—10%扣3分；10%—15%扣6分；超过15%的，扣10分）；"
      + "月均办件量1100件（县区超过1000件）加10分（依据：该文件附件2 加分项1：月平均办件量超过1000件的县区及250件的市直部门，加10分）；"
      + "群众锦旗1次加5分（依据：该文件附件2 加分项2：办理效果特别好，收到群众锦旗的，1次加5分）",
  },
  汉阴县政府: {
    // 11900/12000 = 99.17% → 5; 月均 1000: not over 1000 → no bonus; 表扬 2 → +2.
    type: "县区", handling: 5, returned: 0, extension: 0, satisfaction: 0, cooperation: 0, bonus: 2, total: 97, rank: 2, typeRank: 1,
  },
  市人力资源和社会保障局: {
    // 100% → 0; 退单 450/3000 = 15% exactly → 6; 满意 1400/2000 = 70% → 10; 配合 6 + 10 + 5 = 21 → 20; 月均 250 → no bonus.
    type: "市直", handling: 0, returned: 6, extension: 0, satisfaction: 10, cooperation: 20, bonus: 0, total: 64, rank: 5, typeRank: 2,
    explanation: `退单率15.00%（450/3000）（10%—15%）扣6分（依据：${ANNEX2}附件2 退单率：按工单总量，退单率低于5%的不扣分；5%—10%扣3分；10%—15%扣6分；超过15%的，扣10分）；`
      // The satisfaction clause is quoted in full by the unit ranked 4th (序号4, satisfaction 20): the table refers to it.
      + "满意率70.00%（1400/2000）（70%—80%）扣10分（依据见序号4）；"
      + "知识库未按时更新3次扣6分（依据：该文件附件2 日常工作配合·知识库维护：未能按照12345热线中心要求，按时对知识库内容更新完善的，1次扣2分）；"
      + "推脱领导接话日活动2次扣10分（依据：该文件附件2 日常工作配合·领导接话日活动参与度：经两次联系，单位主要负责人仍推脱参加12345热线市（县局）长接话日活动的，一次扣5分）；"
      + "无理由推诿1件扣5分（依据：该文件附件2 日常工作配合·无理由推诿：无正当理由相互推诿，造成群众合理诉求迟迟得不到解决的，一件扣5分）；"
      + "日常工作配合合计21分，按上限扣20分",
  },
  市公安局: {
    // 1160/1180 = 98.31% → 10; 延期 120/1200 = 10% → 6; 满意 540/900 = 60% → 20; 月均 300 entered > 250 → +10.
    type: "市直", handling: 10, returned: 0, extension: 6, satisfaction: 20, cooperation: 0, bonus: 10, total: 74, rank: 4, typeRank: 1,
  },
  工行安康分行: {
    type: "其他", completionRate: null, handling: 0, returned: 0, extension: 0, satisfaction: 0, cooperation: 0, bonus: 0,
    total: 100, rank: 1, typeRank: 1,
    explanation: "办结率：应办结数为0，不计扣分；退单率：无工单，不计扣分；延期率：无工单，不计扣分；满意率：有效回访数为0，不计扣分",
  },
  建行安康分行: {
    // 96% → 30 + 反馈不符 10 = 40 → 30 (cap); 退单 16% → 10; 延期 16% → 10; 满意 58% → 30.
    type: "其他", handling: 30, returned: 10, extension: 10, satisfaction: 30, cooperation: 0, bonus: 0, total: 20, rank: 6, typeRank: 2,
  },
} as const;

/** Expected 便民化考核 扣分 by department. */
export const EXPECTED_VETO: Record<string, number> = {
  市委宣传部: 0, 市公安局: 0.5, 市统计局: 0.5, 市财政局: 0, 市林业局: 0.5, 市档案馆: 0, 市医保局: 0.5, 市发改委: 0, 市残联: 0,
};

export function fixtureSheets(): Record<string, CellValue[][]> {
  return {
    [SHEET.units]: sheetRows(SHEET.units, UNITS),
    [SHEET.hotline]: sheetRows(SHEET.hotline, HOTLINE, HOTLINE_LABELS),
    [SHEET.deductions]: sheetRows(SHEET.deductions, DEDUCTIONS),
    [SHEET.bonuses]: sheetRows(SHEET.bonuses, BONUSES),
    [SHEET.approval]: sheetRows(SHEET.approval, APPROVAL),
  };
}

export function fixture() {
  return workbookOf(fixtureSheets());
}
