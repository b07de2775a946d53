/**
 * Every user-facing message of the workbook layer (src/workbook and its folders: inputs, ledger, method,
 * documents, adapters), in one catalogue, by section: WMSG (findings on the contract sheets, result and status
 * texts, 定稿, the adapters), LEDGER_WMSG (the ledger import), MMSG (the method sheets), DOCS_WMSG (the
 * documents). The engine's own value messages (src/engine/messages.ts `MSG`) are reused for cell values. The
 * template's help content (titles, column notes, 填写说明) is the template's text, in ./template-text.ts.
 */
import type { Period } from "../ledger";
import { show } from "../engine/messages";
import type { CellValue } from "./port";

const list = (names: readonly string[]) => names.map((n) => `“${n}”`).join("、");
/** "（a，b）" of the parts that are not empty, or "". */
const bracket = (parts: readonly string[]): string => (parts.some((p) => p !== "") ? `（${parts.filter((p) => p !== "").join("，")}）` : "");

export const WMSG = {
  // --- 校验 findings -------------------------------------------------------------------------------------
  missingSheet: (sheet: string, consequence: string) => `缺少工作表“${sheet}”：${consequence}。可用“创建/补全模板”补全。`,
  missingUnitsSheet: (method: string) => `按“${method}”登记的全部承办单位及其类别计算`,
  missingHotlineSheet: "各单位均无工单数据，未计分",
  missingRegisterSheet: "按无登记计算",
  missingApprovalSheet: "便民化考核未计算",
  headerNotFound: (sheet: string, key: string, rows: number) =>
    `工作表“${sheet}”前${rows}行中找不到表头“${key}”：无法读取该表。可用“创建/补全模板”补全表头。`,
  missingNeededHeader: (label: string) => `缺少表头“${label}”：无法读取该列，相关单位未计分。可用“创建/补全模板”补全。`,
  missingOptionalHeader: (label: string, consequence: string) => `缺少表头“${label}”：${consequence}。可用“创建/补全模板”补全。`,
  optionalHeaderConsequence: {
    单位类别: "按登记类别计算",
    月均办件量: "月均办件量按工单总量÷考核月数计算",
    数量: "每行按1件（次）计",
    日期: "不核对登记日期",
    说明: "不影响计算",
    印证资料报送日期: "印证资料按已按时报送计",
    derived: "由分项判定的事项按所填状态计算（不由分项推导）",
    default: "该项按空白计算",
  } as Readonly<Record<string, string>>,
  duplicateHeader: (label: string, first: string) => `表头“${label}”出现多次：使用第一列（${first}）。`,

  rowNameBlank: (field: string) => `${field}为空白，但该行填有其他内容：应填写单位名称，该行未计入。`,
  notHotlineUnit: (name: string) => `“${name}”不是附件1所列12345一级承办单位：按所填类别照常计分，请核对。`,
  typeBlank: (type: string) => `单位类别为空白：按登记类别“${type}”计分。`,
  noHotlineRow: `热线数据中没有该单位的行：缺少数据，未计分。每个承办单位应有一行（确无工单时工单总量填0）。`,
  countsBlank: `热线数据中该单位的工单数均为空白：缺少数据，未计分。确无工单时请在工单总量填0。`,
  nothingEntered: (units: number) => `热线数据中尚未填写任何单位的工单数：${units}个单位均缺少数据，尚未计分。`,
  uncalculated: (field: string) => `${field}：公式没有计算结果，请在 Excel 中打开并保存（该值不按0或空白计算）。`,
  errorValue: (field: string, code: string) => `${field}的值是错误值 ${code}：请修正该单元格的公式或数据（该值不按0或空白计算）。`,
  notInUnits: (name: string) => `“${name}”不在承办单位表中：该行未计入考核。请先在承办单位表中添加该单位。`,
  dateOutsideYear: (field: string, iso: string, year: number) => `${field}${iso}不在考核年度${year}年内：已照常计入，请核对。`,
  lateEvidence: (date: string, deadline: string, items: readonly number[]) =>
    `印证资料报送日期${date}晚于截止日期${deadline}：${items.map((n) => `事项${n}`).join("、")}视为未完成，已计入扣分（见扣分说明）。`,
  blankEvidenceDate: (items: readonly number[]) =>
    `${items.map((n) => `事项${n}`).join("、")}已完成、需报送印证资料，印证资料报送日期为空白：按前期已报送备案计（视为按时报送），请核实。`,
  departmentMissing: (name: string) => `便民化考核中没有考核对象“${name}”的行：该部门未考核。请添加一行。`,
  yearUnknown: (value: unknown, known: readonly number[]) =>
    `考核年度的值${show(value)}没有对应的考核规则：目前提供${known.join("、")}年度规则。全部未计分。`,
  yearMismatch: (value: number, ruleYear: number) => `考核年度${value}与所用考核规则年度${ruleYear}不一致：全部未计分。`,
  monthsInvalid: (value: unknown) => `考核月数的值${show(value)}无效：应为1到12的整数。全部单位未计分。`,

  // --- result texts ------------------------------------------------------------------------------------------
  markedError: "数据有误，未计分：见校验表",
  missingData: "缺少数据，未计分",
  dataError: "数据有误，未计分",
  /** 扣分说明 of a unit or department not scored: the problem, where it is. */
  markedBecause: (lead: string, sheet: string, cell: string | undefined, problem: string) =>
    `${lead}：${sheet}${cell ? ` ${cell}` : ""}　${problem}`,
  draft: (errors: number) => `草稿：校验表中有 ${errors} 个问题未解决`,
  checked: (time: string) => `校验通过（计算时间：${time}）`,
  missingWhy: { noRow: "热线数据中没有该单位的行", blank: "热线数据中该单位的工单数均为空白", nothing: "热线数据尚未填写" },
  missingDepartmentResult: "缺少该部门的行，未考核",
  noProblems: "未发现问题",
  level: { error: "错误", warning: "警告", info: "说明" } as const,
  noCell: "—",

  // --- result sheets ------------------------------------------------------------------------------------------
  checksTitle: "校验结果（“全部计算”自动生成）",
  /** A deduction column's points beside its label: 工单办理扣分（30分）. */
  pointsSuffix: (points: number | string) => `（${points}分）`,
  /** The official table's row a later row's 扣分说明 refers to for a clause quoted there. */
  seqPlace: (seq: number) => `序号${seq}`,
  issuerLine: (issuer: string, d: Date) =>
    `填报单位：${issuer}（盖章）　　　　　　　　填报日期：${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`,
  chartTitle: (year: number) => `${year}年度12345热线考核总分`,
  validationError: (items: readonly string[]) => `请从下拉列表中选择：${list(items)}`,
  /** Appended where text was cut to fit a cell, so a reader sees that something is missing and how much. */
  truncated: (length: number, max: number) => `…（已截断：原文${length}字，单元格最多${max}字）`,

  // --- progress (task pane) -----------------------------------------------------------------------------------
  progress: { read: "正在读取工作表…", compute: "正在校验与计算…", write: "正在写入结果…", done: "计算完成" },

  // --- 定稿 / 恢复公式 ----------------------------------------------------------------------------------------
  finalizeKept: (error: string | null, storedWithoutAddin: boolean) => {
    const advice = error === null
      ? "公式没有计算结果：请在 Excel 中计算后再定稿"
      : error === "#BUSY!"
        ? "结果为 #BUSY!（仍在计算）：请稍候再定稿"
        : error === "#NAME?"
          ? (storedWithoutAddin
            ? "结果为 #NAME?：工作簿是在未加载本加载项时保存的（公式中为 _xldudf_ASSESS_），请加载本加载项后重新计算，再定稿"
            : "结果为 #NAME?：Excel 不认识该函数，请确认本加载项已加载，再定稿")
          : `结果为错误值 ${error}：请按单元格的错误说明更正参数，再定稿`;
    return `${advice}。公式保留，未转换为数值。`;
  },
  restoreChanged: (where: string) => `${where}的值在定稿后已被修改：未恢复公式，备份保留。`,
  restoreSheetMissing: (sheet: string) => `工作表“${sheet}”已不存在：未恢复公式，备份保留。`,
  restoreHasFormula: (where: string) => `${where}现有公式：未恢复，备份保留。`,

  // --- Office.js adapter (thrown: the write plan or Excel's limits) ----------------------------------------------
  nonFiniteNumber: (value: number) => `无法写入非有限数值 ${String(value)}：Excel 单元格只接受有限数字。`,
  sheetNotCreated: (sheet: string) => `工作表“${sheet}”不存在：写入计划在创建它之前就要写入它。`,
  cellTooLargeToRead: (sheet: string, row: number) => `工作表“${sheet}”第${row}行的一个单元格超出了 Excel 单次读取的大小限制，无法读取。`,
  listItemHasComma: (item: string) => `下拉列表项“${item}”含有逗号：Excel 的列表来源以逗号分隔，无法使用。`,
  listSourceTooLong: (length: number, max: number) => `下拉列表来源共${length}个字符：Excel 限定不超过${max}个字符。`,
} as const;

/** Rows shown by number in a unit's note before "等N行". */
const ROWS_NAMED = 5;

/** "第3、5行", or "第3、5、7、9、11行等12行". */
function rowList(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const named = `第${sorted.slice(0, ROWS_NAMED).join("、")}行`;
  return sorted.length > ROWS_NAMED ? `${named}等${sorted.length}行` : named;
}

/** The ledger import (src/workbook/ledger): its sheets, its problems, and what compute-all says of them. */
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
  sourceSheet: (sheet: string) => `工作表“${sheet}”`,
  sourceFile: (name: string | undefined, sheet?: string) => `${name ?? "工单明细"}${sheet ? `（工作表“${sheet}”）` : ""}`,

  // --- findings ---------------------------------------------------------------------------------------------------
  ledgerRow: (row: number, header: string, message: string) => `工单明细第${row}行（${header}）：${message}`,
  hotlineNoHeader: (sheet: string) =>
    `工作表“${sheet}”有内容但找不到表头“单位名称”：工单数量未填入。请先用“创建/补全模板”补全表头，或清空该表后重新导入。`,
  unitNotAssessed: (unit: string, total: number, period: Period) =>
    `${unit}在${period.name}有${total}件工单，但不在承办单位表中：未填入热线数据。如需考核，请先在承办单位表中添加该单位后重新导入。`,
  duplicateHotlineRow: (unit: string, cell: string) => `${unit}在热线数据中有多行：只填入第一行（${cell}），其余行请删除。`,
  partYear: (year: number, months: readonly number[]) =>
    `未指定考核期间：工单按${year}年全年计入热线数据，但工单明细中只有${months.join("、")}月的工单，全年的各项比率按这些月份计算。只考核其中某月或某段时间时，请指定考核期间（如 ${year}-${String(months[months.length - 1]).padStart(2, "0")}）。`,
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
  // --- values typed into 热线数据 (spec I: nothing typed is lost by an import) -------------------------------------
  /** A typed value as the messages show it. */
  typedValue: (value: CellValue) =>
    value === null ? "（公式，无计算结果）" : typeof value === "string" ? `“${value}”` : typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value),
  judgmentAdvice: "对单个工单的研判（不合理诉求、退单合理、申诉成立等）请登记在“工单研判”表后重新导入，不要直接修改热线数据中的数字",
  replacedTyped: (unit: string, label: string, where: string, typed: string, imported: number) =>
    `${unit}的${label}（${where}）：原值${typed}（手工填写或上次导入后修改）已替换为导入值${imported}`,
  replacedLabel: { level: "级别", cell: "单元格", unit: "单位名称", label: "数据项", typed: "原值", imported: "导入值", note: "说明" },
  replacedNote: "原值不是上次导入写入的，经确认后替换",
  judgmentChanged:
    "工单研判已修改，请重新导入工单明细：上次导入之后，工单研判的工单编号、承办单位、研判事项、更正为或结论有改动，热线数据中的数字尚未按改动后的研判计算",
  judgmentChangedDraft: (errors: number) => `草稿：工单研判已修改，请重新导入工单明细（校验表中共有 ${errors} 个问题未解决）`,

  // --- summary ------------------------------------------------------------------------------------------------------
  filled: (period: Period, units: number, added: number, inPeriod: number) =>
    `已按${period.name}填入${units}个单位的工单数据${bracket([period.kind === "year" ? "" : `期间内工单${inPeriod}件`, added > 0 ? `新增${added}行` : ""])}`,
} as const;

/** The method sheets (spec G): their problems (`at` names the header or 参数 row), and the texts of a method read from them. */
export const MMSG = {
  missingSheet: (sheet: string, other: string) => `缺少工作表“${sheet}”：工作簿有“${other}”时也须有“${sheet}”（两张办法表一起使用）。`,
  missingHeader: (sheet: string, labels: readonly string[]) => `工作表“${sheet}”缺少表头：${list(labels)}。`,
  empty: (sheet: string) => `工作表“${sheet}”没有任何规则行。`,
  blank: (at: string) => `${at}为空白：应填写。`,
  notNumber: (at: string, v: unknown) => `${at}的值${show(v)}不是数字：应为不小于0的数字。`,
  negative: (at: string, v: unknown) => `${at}的值${show(v)}是负数：应为不小于0的数字。`,
  notWhole: (at: string, v: unknown, min: number, max: number) => `${at}的值${show(v)}无效：应为${min}到${max}之间的整数。`,
  notPositive: (at: string, v: unknown) => `${at}的值${show(v)}无效：应为大于0的数字。`,
  notYesNo: (at: string, v: unknown) => `${at}的值${show(v)}无效：应为“是”或“否”。`,
  notDate: (at: string, v: unknown) => `${at}的值${show(v)}不是日期：应为日期，如 2021-12-31。`,
  percentNotNumber: (at: string, v: unknown) => `${at}的值${show(v)}不是百分数：应写成 97% 或 97（表示97%）。`,
  percentFraction: (at: string, v: unknown) =>
    `${at}的值${show(v)}是0到1之间的普通数字，可能是未设百分比格式的小数：应写成 97% 或 97（表示97%）。`,
  percentRange: (at: string, v: unknown) => `${at}的值${show(v)}超出范围：应在0%到100%之间。`,
  unknownScoring: (v: unknown, allowed: readonly string[]) => `计分方式${show(v)}无法识别：应为${list(allowed)}之一。`,
  scoringInBonus: (v: unknown) => `类别“加分项”的计分方式${show(v)}无效：加分项只能是“按件加分”或“办件量加分”。`,
  scoringOutsideBonus: (v: unknown) => `计分方式${show(v)}只能用于类别“加分项”。`,
  unknownRate: (v: unknown, allowed: readonly string[]) => `比率分档的项目${show(v)}无法识别：应为${list(allowed)}之一。`,
  rateInTwoCategories: (item: string, first: string) => `比率“${item}”已在类别“${first}”中分档：一个比率只能属于一个类别。`,
  capConflict: (category: string, v: unknown, first: number) => `类别“${category}”的类别分值${show(v)}与前面填写的${first}不同：一个类别只能有一个分值。`,
  capMissing: (category: string) => `类别“${category}”没有填写类别分值：应在该类别至少一行填写（扣完为止的上限）。`,
  capsSum: (sum: number, total: number, caps: readonly string[]) =>
    `各扣分类别的类别分值合计${sum}分（${caps.join("、")}），不等于总分${total}分（参数“总分”）。`,
  bonusCapDiffers: (v: unknown, cap: number | null) =>
    `加分项的类别分值${show(v)}与参数“加分上限”（${cap === null ? "空白，不封顶" : cap}）不同：加分项行的类别分值应留空。`,
  duplicateCase: (item: string, first: string) => `事项“${item}”已在${first}定义：一个事项只能有一行。`,
  volumeItem: (v: unknown) => `办件量加分的项目${show(v)}无效：应为“月均办件量”。`,
  volumeUpper: () => "办件量加分行的上限、含上限应留空（下限为月均办件量门槛）。",
  unitType: (v: unknown) => `适用单位类别${show(v)}无效：应为“县区”“市直”“其他”之一。`,
  bandsStart: (item: string) => `比率“${item}”的分档未从0%（含）开始：各档须覆盖0%—100%。`,
  bandsEnd: (item: string) => `比率“${item}”的分档未到100%（含）结束：各档须覆盖0%—100%。`,
  bandEmpty: (item: string) => `比率“${item}”的这一档不含任何比率（下限大于上限，或同一点却不含两端）。`,
  bandsGap: (item: string, a: string, b: string) => `比率“${item}”的分档在${a}与${b}之间有缺口或重叠：各档须首尾相接。`,
  bandsEdge: (item: string, edge: number, a: string, b: string) =>
    `比率“${item}”的边界${edge}%在${a}与${b}中${"同属两档或不属任何一档"}：每个边界须恰属一档（一档“含”，另一档“不含”）。`,
  itemLabel: (v: unknown) => `事项${show(v)}无效：应写成“事项1”“事项2”……`,
  itemOrder: (v: unknown, expected: number) => `事项${show(v)}的序号不连续：此行应为“事项${expected}”（事项须从1起依次编号）。`,
  twoDerived: (first: string) => `“由分项判定”只能有一个事项为“是”（已在${first}）。`,
  unknownDepartment: (name: string) => `涉及部门“${name}”不是便民化考核中的部门：应为便民化考核“单位名称”所列部门或其简称、别名。`,
  noDepartments: () => "涉及部门为空白：应填写部门名称（以、，或,分隔）或“全部”。",
  paramNeedsMethod: (name: string) =>
    `参数“${name}”只在工作簿带有办法表“考核办法”“便民化考核办法”时生效，本次按内置办法计算，未采用：如需改用，请点“创建/补全模板”写入办法表后修改。`,
  notUsed: (message: string) => `${message}（工作簿没有办法表，本次按内置办法计算，此参数未采用）`,
  unknownParam: (name: string) => `参数“${name}”不是已知参数，已忽略。`,
  yearBuiltIn: (v: unknown, known: readonly number[]) =>
    `考核年度${show(v)}没有内置办法（内置：${known.join("、")}）：请创建/补全模板写入办法表“考核办法”“便民化考核办法”，或改为内置年度。`,
  unitNameBlank: () => "单位名称为空白。",
  unitDuplicate: (name: string, first: string) => `单位“${name}”已在${first}出现：每个单位只能有一行。`,
  aliasTaken: (alias: string, owner: string) => `名称“${alias}”已指向单位“${owner}”：一个名称只能指向一个单位。`,
  departmentDuplicate: (name: string, first: string) => `部门“${name}”已在${first}出现：每个部门只能有一行。`,
  noUnits: () => "承办单位没有任何单位。",
  refused: "工作簿的考核办法未通过检查，未计分（见校验表）",
  /** The status of a result table emptied because the method was refused. */
  notScored: "未计分：考核办法有错误，以前的计算结果已清除，改正办法后请重新计算",
  /** What every result sheet says about the method that produced it (spec G). */
  producedBy: (method: string) => `考核办法：${method}`,
  importRefused: (first: string, count: number) =>
    `工作簿的考核办法有${count}个问题，未导入工单（须按工作簿自己的办法统计）：${first}请先改正办法表，“全部计算”会在校验表中逐一列出。`,
  ruleSet: (detail: string) => `办法未通过加载检查：${detail}`,
  // --- a method read from the workbook: its name, source and the clauses quoted from its 参数 -----------------
  /** What the result sheets name as their method. */
  /** A band as a person reads it: 低于5%, 5%—10%, 10%—15%（含15%）, 超过15%, 达到80%, 100%. */
  band: {
    point: (v: string) => `${v}%`, atMost: (to: string) => `${to}%及以下`, below: (to: string) => `低于${to}%`,
    atLeast: (from: string) => `达到${from}%`, over: (from: string) => `超过${from}%`,
    between: (from: string, to: string, fromIncluded: boolean, toIncluded: boolean) =>
      `${fromIncluded ? "" : "超过"}${from}%—${to}%${toIncluded ? `（含${to}%）` : ""}`,
  },
  builtInLabel: (year: number) => `内置${year}年度办法`,
  workbookLabel: (year: string | undefined) => (year !== undefined ? `${year}年度办法` : "工作簿办法"),
  source: (hotline: string, approval: string) => `工作簿“${hotline}”“${approval}”`,
  callbacksClause: (basicSatisfied: boolean) => `参数“基本满意计为满意”：${basicSatisfied ? "是" : "否"}`,
  capClause: (cap: number) => `参数“一票否决扣分”（${cap}分）：任一适用事项未完成，按此上限扣分`,
  evidenceClause: (deadline: string) => `参数“印证资料截止日期”：${deadline}前报送印证资料，前期已报送备案的可不再重复报送`,
} as const;

/** The documents on the workbook side: reading 月度考核, the sheet 月度通报. */
export const DOCS_WMSG = {
  notNumber: (label: string, value: unknown) => `月度考核的“${label}”应为数字，实为“${String(value)}”：该单位本月按未计分处理。`,
  pendingNotNumber: (label: string, value: unknown) => `月度考核的“${label}”应为件数，实为“${String(value)}”：该单位本月的待定研判按0件列出，请重新导入工单明细。`,
  noType: "未分类",
  sheetNote: "本表由“生成月度通报”写出（每次生成时整表重写），内容与通报文档（.docx）相同；A4纵向打印。",
  redHeading: "红榜",
  blackHeading: "黑榜",
  sign: (issuer: string, date: string) => `${issuer}　${date}`,
} as const;
