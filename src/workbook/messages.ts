/**
 * Every user-facing message of the workbook layer, in one catalogue. The engine's own value messages
 * (src/engine/messages.ts `MSG`) are reused for cell values; these add what only a workbook has: sheets,
 * headers, rows and results. The command line's own texts are in src/cli/messages.ts.
 */
import { show } from "../engine/messages";

const list = (names: readonly string[]) => names.map((n) => `“${n}”`).join("、");

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

  // --- template ------------------------------------------------------------------------------------------------
  title: {
    承办单位: (year: number) => `${year}年度12345便民服务平台一级承办单位名单`,
    热线数据: (year: number) => `${year}年度12345热线工单数据（每个承办单位一行；月均办件量为空时按工单总量÷考核月数计算）`,
    扣分登记: (year: number) => `${year}年度12345热线扣分登记（每行一件经查实的事项；数量为空按1计）`,
    加分登记: (year: number) => `${year}年度12345热线加分登记（每行一件；数量为空按1计）`,
    校验: () => "校验结果（“全部计算”自动生成）",
    参数: () => "考核参数",
    工单研判: (year: number) => `${year}年度工单研判与申诉登记（每行一项研判；结论为“成立”的在导入工单明细时计入，改动后请重新导入）`,
    研判汇总: (year: number) => `${year}年度工单研判汇总（“导入工单明细”自动生成）`,
  } as Readonly<Record<string, (year: number) => string>>,
  paramYearNote: (known: readonly number[]) => `选用哪一年度的考核规则（目前提供：${known.join("、")}）`,
  paramMonthsNote: "月均办件量为空时，按“工单总量÷考核月数”计算（1—12）",
  /** The official table's row a later row's 扣分说明 refers to for a clause quoted there. */
  seqPlace: (seq: number) => `序号${seq}`,
  issuerLine: (issuer: string, date: string) => `填报单位：${issuer}（盖章）　　　　　　　　填报日期：${date}`,
  chartTitle: (year: number) => `${year}年度12345热线考核总分`,
  validationError: (items: readonly string[]) => `请从下拉列表中选择：${list(items)}`,

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
} as const;
