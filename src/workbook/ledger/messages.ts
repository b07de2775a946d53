/** Every user-facing text of the ledger import's workbook side, in one place (the command line's: src/cli/messages.ts). */
import type { Period } from "../../ledger";
import type { CellValue } from "../port";

/** Rows shown by number in a unit's note before "等N行". */
const ROWS_NAMED = 5;

/** "第3、5行", or "第3、5、7、9、11行等12行". */
function rowList(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const named = `第${sorted.slice(0, ROWS_NAMED).join("、")}行`;
  return sorted.length > ROWS_NAMED ? `${named}等${sorted.length}行` : named;
}

export const LEDGER_WMSG = {
  // --- sheets -------------------------------------------------------------------------------------------------
  monthlyTitle: (year: number) => `${year}年度12345热线月度考核（日常考核）`,
  monthlyNote:
    "每个单位每月一行，并附全年一行（即年度考核结果）；按导入的工单逐月计算，排名为同月（或全年）各单位间的排名。" +
    "扣分登记、加分登记按日期计入当月（未填日期的只计入全年）；月均办件量取当月工单总量。修改登记后请重新导入工单。",
  annualRow: (year: number) => `${year}年度`,
  problemsTitle: (source: string, period: Period) => `工单导入校验（来源：${source}；考核期间：${period.name}）`,
  noProblems: "未发现问题：全部工单均已计入",
  notListed: (count: number) => `另有${count}个问题未逐条列出（已计入汇总）`,
  drillTitle: (unit: string, period: Period) => `${unit}${period.name}工单核查（申诉用）：各项扣分所依据的工单`,
  drillNote: "以下件数与热线数据及12345热线考核表中该单位该期间的数字一致（已按工单研判中成立的研判调整）；同一工单可能属于多个类别；“已研判工单”列出本期有研判的全部工单及其结论。",
  drillNone: "（无）",
  judgedSection: "已研判工单",
  column: (header: string, letter: string) => `${header}（${letter}列）`,

  // --- 工单核查 summary basis ------------------------------------------------------------------------------------
  basis: {
    late: (due: number, onTime: number) => `应办结数${due}，按期办结数${onTime}`,
    returned: (returned: number, total: number) => `退单数${returned}，工单总量${total}`,
    extended: (extended: number, total: number) => `延期申请数${extended}，工单总量${total}`,
    dissatisfied: (valid: number, satisfied: number) => `有效回访数${valid}，满意数${satisfied}`,
  },
  rateOf: {
    late: "办结率",
    returned: "退单率",
    extended: "延期率",
    dissatisfied: "满意率",
  },

  // --- 参数 rows --------------------------------------------------------------------------------------------------
  paramNote: {
    source: "热线数据中工单总量至满意数及月均办件量由此文件导入；手工修改这些数字后，此记录不再代表其来源",
    period: "导入的考核期间（年度、季度或月份）",
    time: "最近一次导入的时间",
    result: "导入汇总：读取、计入与有问题的工单行数",
  },
  periodValue: (period: Period) => `${period.name}（${period.label}）`,

  // --- findings ---------------------------------------------------------------------------------------------------
  ledgerRow: (row: number, header: string, message: string) => `工单明细第${row}行（${header}）：${message}`,
  hotlineNoHeader: (sheet: string) =>
    `工作表“${sheet}”有内容但找不到表头“单位名称”：工单数量未填入。请先用“创建/补全模板”补全表头，或清空该表后重新导入。`,
  unitNotAssessed: (unit: string, total: number, period: Period) =>
    `${unit}在${period.name}有${total}件工单，但不在承办单位表中：未填入热线数据。如需考核，请先在承办单位表中添加该单位后重新导入。`,
  duplicateHotlineRow: (unit: string, cell: string) => `${unit}在热线数据中有多行：只填入第一行（${cell}），其余行请删除。`,
  yearMismatch: (period: Period, year: number) =>
    `导入期间${period.name}不在考核年度${year}年内：热线数据已按该期间填入，请核对参数表中的考核年度。`,

  // --- compute-all: the open problems of the last import (spec E) ----------------------------------------------
  /** Appended to a scored unit's 扣分说明. */
  unitNote: (rows: readonly number[]) => `工单明细${rowList(rows)}有问题，计数可能不全，见“工单导入校验”`,
  openForUnit: (rows: readonly number[]) =>
    `工单明细${rowList(rows)}有问题（见“工单导入校验”），本单位的计数可能不全：请更正工单明细后重新导入工单`,
  openWithoutUnit: (count: number) =>
    `工单导入校验中有${count}个问题不属于任何考核单位（如承办单位无法识别）或未逐条列出：这些工单未计入，请更正工单明细后重新导入工单`,
  draft: (errors: number, ledgerProblems: number) =>
    `草稿：校验表中有 ${errors} 个问题未解决，工单导入校验中有 ${ledgerProblems} 个工单问题未解决`,

  // --- 工单研判 (spec I) -------------------------------------------------------------------------------------------
  judgmentNoHeader: (columns: readonly string[]) =>
    `工作表“工单研判”有内容但找不到表头（应在前10行内，含“工单编号”）：其中的研判均未生效。请用“创建/补全模板”补全表头（${columns.join("、")}）后重新导入工单明细。`,
  judgmentMissingColumns: (columns: readonly string[]) =>
    `工作表“工单研判”缺少列：${columns.join("、")}，其中的研判均未生效。请补上这些表头后重新导入工单明细。`,
  badAppealDays: (value: unknown) => `参数“申诉期限（天）”的值“${String(value)}”无效：应为不小于0的整数天数，或空白（不限期限）；本次按不限期限处理。`,
  judgmentSummaryTitle: (period: string) => `${period}工单研判汇总（导入工单明细时生成）`,
  judgmentTotals: (t: { 成立: number; 不成立: number; 待定: number; errors: number }) =>
    `研判成立${t.成立}件（已计入热线数据），不成立${t.不成立}件，待定${t.待定}件，有误${t.errors}件（未生效，见工单导入校验）`,
  noJudgment: "工作簿中没有可用的工单研判，计数均按工单明细",
  /** 研判汇总's line for error rows whose order is not in the ledger and whose 承办单位 is blank or unknown. */
  judgmentNoUnit: "未能归属单位",
  judgmentSummaryNote: (year: number) =>
    `上表：各单位各研判事项的件数（只计本期计入的工单），“有误”为工单研判中有错误的行（工单编号在明细中的归该工单的单位，否则归承办单位列所填单位）；下表：研判改变（或待定研判若成立将改变）的计数。修改“工单研判”后请重新导入${year}年度工单明细。`,
  /** 扣分说明 (spec I): the decisions that moved the unit's counts, and the counts before and after. */
  judgmentNote: (applied: readonly { kind: string; count: number }[], changes: readonly { field: string; before: number; after: number }[]) => {
    const total = applied.reduce((n, a) => n + a.count, 0);
    const moved = changes.filter((c) => c.before !== c.after).map((c) => `${c.field}${c.after}（研判前${c.before}）`);
    return `研判成立${total}件（${applied.map((a) => `${a.kind}${a.count}件`).join("、")}，见工单研判）：${moved.length > 0 ? moved.join("，") : "计数未变"}`;
  },
  pendingNote: (pending: number, total: string) => `待定${pending}件，若全部成立总分为${total}`,
  pendingTitle: (pending: number) => `另有${pending}件研判待定`,
  openJudgment: (rows: number) => `工单研判中有${rows}行有错误未生效（见“工单导入校验”）：请更正工单研判后重新导入工单明细`,
  unitJudgmentNote: (rows: number) => `工单研判有${rows}行有错误未生效，见“工单导入校验”`,
  judgmentRow: (row: number, column: string, message: string, cell?: string) => `工单研判${cell ? `!${cell}` : `第${row}行`}（${column}）：${message}`,
  level: { error: "错误", warning: "警告", info: "说明" } as Readonly<Record<"error" | "warning" | "info", string>>,
  // --- values typed into 热线数据 (spec I: nothing typed is lost by an import) -------------------------------------
  /** A typed value as the messages show it. */
  typedValue: (value: CellValue) =>
    value === null ? "（公式，无计算结果）" : typeof value === "string" ? `“${value}”` : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value),
  judgmentAdvice: "对单个工单的研判（不合理诉求、退单合理、申诉成立等）请登记在“工单研判”表后重新导入，不要直接修改热线数据中的数字",
  replacedTyped: (unit: string, label: string, where: string, typed: string, imported: number) =>
    `${unit}的${label}（${where}）：原值${typed}（手工填写或上次导入后修改）已替换为导入值${imported}`,
  replacedLevel: "说明",
  replacedLabel: { level: "级别", cell: "单元格", unit: "单位名称", label: "数据项", typed: "原值", imported: "导入值", note: "说明" },
  replacedNote: "原值不是上次导入写入的，经确认后替换",
  judgmentChanged:
    "工单研判已修改，请重新导入工单明细：上次导入之后，工单研判的工单编号、承办单位、研判事项、更正为或结论有改动，热线数据中的数字尚未按改动后的研判计算",
  judgmentChangedDraft: (errors: number) => `草稿：工单研判已修改，请重新导入工单明细（校验表中共有 ${errors} 个问题未解决）`,

  // --- summary ------------------------------------------------------------------------------------------------------
  filled: (period: Period, units: number, added: number) =>
    `已按${period.name}填入${units}个单位的工单数据${added > 0 ? `（新增${added}行）` : ""}`,
} as const;
