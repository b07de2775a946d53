/**
 * Every user-facing message of the workbook layer and the command line, in one catalogue. The engine's own
 * value messages (src/engine/messages.ts `MSG`) are reused for cell values; these add what only a workbook
 * has: sheets, headers, rows, results and the command's output.
 */
import { show } from "../engine/messages";

const list = (names: readonly string[]) => names.map((n) => `“${n}”`).join("、");

export const WMSG = {
  // --- 校验 findings -------------------------------------------------------------------------------------
  missingSheet: (sheet: string, consequence: string) => `缺少工作表“${sheet}”：${consequence}。可用“创建/补全模板”补全。`,
  missingUnitsSheet: "按2021年度登记的全部承办单位及其类别计算",
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
    item6: "事项6按所填状态计算（不由分项推导）",
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
  } as Readonly<Record<string, (year: number) => string>>,
  paramYearNote: (known: readonly number[]) => `选用哪一年度的考核规则（目前提供：${known.join("、")}）`,
  paramMonthsNote: "月均办件量为空时，按“工单总量÷考核月数”计算（1—12）",
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

/** The command line's messages (npm run assess). */
export const CLI_MSG = {
  usage: [
    "用法：npm run assess -- [输入.xlsx] [-o 输出.xlsx]",
    "      npm run assess -- --ledger 工单明细.csv|.xlsx [--period 2021|2021Q1|2021-03] [输入.xlsx] [-o 输出.xlsx] [--drill 单位名称]",
    "      npm run assess -- --template -o 模板.xlsx",
    "",
    "  输入.xlsx        考核工作簿（默认：内置示例 samples/ankang-2021-sample.xlsx；给出 --ledger 时默认为空白模板）",
    "  -o, --output     输出文件（默认：out/<输入文件名或工单文件名>-result.xlsx；模板默认 out/ankang-2021-template.xlsx）",
    "  --ledger 文件    从12345平台导出的工单明细（CSV：UTF-8 或 GB18030；或 .xlsx）按所选期间填入“热线数据”，",
    "                   并写出“月度考核”和“工单导入校验”，再照常计算",
    "  --period 期间    考核期间：年度 2021、季度 2021Q1 或月份 2021-03（默认：“参数”中的考核年度）",
    "  --drill 单位     写出该单位的“工单核查”表（各项扣分所依据的工单，供申诉核查）",
    "  --map 表头=列    指明无法识别的表头对应哪一列，如 --map 受理号=工单编号,处理部门=承办单位；",
    "                   选择保存在输出工作簿中，下次导入不再需要",
    "  --pdf            同时把结果另存为 PDF（与输出文件同名、同目录；需要安装 LibreOffice）",
    "  --template       写出空白考核模板",
    "  --max-part-mb N  工作簿中单个部件解压后的上限（MB，默认 4096；整体读入内存的部件为其 1/16），确属正常的大文件才需提高",
    "  -h, --help       显示本说明",
    "",
    "退出码：0 计算成功；1 输入数据或工单明细有问题（结果文件照常写出，问题见“校验”和“工单导入校验”工作表）；2 用法错误或未能生成 PDF。",
  ].join("\n"),
  unknownOption: (flag: string) => `未知选项“${flag}”。`,
  missingValue: (flag: string) => `选项“${flag}”后应跟一个值。`,
  tooManyInputs: (inputs: readonly string[]) => `只能给出一个输入文件，收到${inputs.length}个：${inputs.join("、")}。`,
  templateTakesNoInput: "--template 不读取输入文件：请去掉输入文件名。",
  inputMissing: (path: string) => `找不到输入文件“${path}”。`,
  notXlsx: (path: string) => `“${path}”不是 .xlsx 文件：请给出 Excel 工作簿（.xlsx）。`,
  unreadable: (path: string, reason: string) => `无法读取“${path}”：不是有效的 .xlsx 工作簿（${reason}）。`,
  outputNotXlsx: (path: string) => `输出文件“${path}”应以 .xlsx 结尾。`,
  sameAsInput: "输出文件不能与输入文件相同：输入文件保持不变，请用 -o 指定另一个文件名。",
  sameAsInputFile: (output: string, input: string) =>
    `输出文件“${output}”就是输入文件“${input}”（同一文件，或指向它的链接）：输入文件保持不变，请用 -o 指定另一个文件名。`,
  outputExists: (path: string) => `文件“${path}”已存在：空白模板不会覆盖它。请用 -o 指定另一个文件名；确需覆盖时加 --force。`,
  // The old binary container holds both .xls files and password-encrypted .xlsx files.
  oldXls: (path: string) =>
    `“${path}”是旧版 Excel 97-2003 工作簿（.xls），或设置了打开密码的工作簿：.xls 请在 Excel 或 WPS 中打开，另存为 .xlsx 后再计算；有密码的请先取消密码。`,
  notWorkbook: (path: string) => `“${path}”不是 Excel 工作簿（.xlsx）：文件内容不是电子表格，请确认选对了文件。`,
  cannotWrite: (path: string, reason: string) => `无法写入“${path}”：${reason}。`,
  seeHelp: "用 --help 查看用法。",
  internalError: (reason: string) => `计算中断（程序错误，请报告）：${reason}`,

  heading: (title: string, file: string) => `${title}\n输入：${file}`,
  ledgerOnlyInput: (ledger: string) => `${ledger}（工单明细；考核工作簿为空白模板）`,
  rankingHeading: (units: number, scored: number) => `12345热线考核：${units}个单位，已计分${scored}个`,
  rankingColumns: ["排名", "单位名称", "类别", "总分", "扣分说明"] as const,
  notScored: "未计分",
  vetoHeading: (departments: number, vetoed: number) => `审批服务便民化（一票否决）：${departments}个部门，扣分${vetoed}个`,
  vetoLine: (name: string, deduction: string, text: string) => `${name}  ${deduction}  ${text}`,
  deductionText: (points: number) => (points > 0 ? `扣${points}分` : "不扣分"),
  problemsHeading: (errors: number, warnings: number, infos: number) => `校验：错误${errors}个，警告${warnings}个，说明${infos}个`,
  noProblems: "校验：未发现问题",
  problemLine: (level: string, where: string, text: string) => `[${level}] ${where}　${text}`,
  written: (path: string) => `结果已写入：${path}`,
  pdfWithTemplate: "--pdf 只用于计算结果：空白模板不生成 PDF。",
  pdfConverting: "正在用 LibreOffice 生成 PDF…",
  pdfWritten: (path: string) => `PDF 已写入：${path}（可直接打印或报送考核办）`,
  pdfNoLibreOffice: [
    "未找到 LibreOffice，PDF 未生成（结果工作簿已照常写出）。",
    "安装方法：Debian / Ubuntu 执行 sudo apt-get install libreoffice-calc；Windows 或 Mac 从 LibreOffice 官网（libreoffice.org）下载安装。",
    "安装后重新运行；或在 Excel 中打开结果文件，选“文件 → 导出 → 创建 PDF”。",
  ].join("\n"),
  pdfFailed: (reason: string) => `PDF 未生成：LibreOffice 转换失败（${reason}）。结果工作簿已照常写出，可在 Excel 中“导出 → 创建 PDF”。`,
  templateWritten: (path: string) => `空白模板已写入：${path}`,
  nothingScored: "尚未计分：没有一个单位有可计分的数据（见校验）。",
  ledgerNoOrders: (file: string, period: string, rows: number) =>
    `工单明细“${file}”在考核期间${period}没有可计入的工单（读取${rows}行）：未填入热线数据。请确认导出的期间和文件内容。`,
  inputHasProblems: (errors: number) => `输入数据有${errors}个错误：有关单位未计分，详见结果文件的“校验”工作表。`,
} as const;
