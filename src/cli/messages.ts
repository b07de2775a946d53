/** Every text of the command line (npm run assess): usage, errors, the run's report; the ledger options' too. */
import { currentYear } from "../engine";
import type { Period } from "../ledger";

const list = (names: readonly string[]) => names.map((n) => `“${n}”`).join("、");

/** The command line's messages (npm run assess). */
export const CLI_MSG = {
  usage: [
    "用法：npm run assess -- [输入.xlsx] [-o 输出.xlsx] [--method 办法.xlsx]",
    "      npm run assess -- --ledger 工单明细.csv|.xlsx [--period 2021|2021Q1|2021-03] [输入.xlsx] [-o 输出.xlsx] [--drill 单位名称] [--replace-typed] [--method 办法.xlsx]",
    "      npm run assess -- --template -o 模板.xlsx [--method 办法.xlsx]",
    "",
    "  输入.xlsx        考核工作簿（默认：内置示例 samples/ankang-2021-sample.xlsx；给出 --ledger 时默认为空白模板）",
    "  -o, --output     输出文件（默认：out/<输入文件名或工单文件名>-result.xlsx；模板默认 out/ankang-2021-template.xlsx）",
    "  --ledger 文件    从12345平台导出的工单明细（CSV：UTF-8 或 GB18030；或 .xlsx）按所选期间填入“热线数据”，",
    "                   并写出“月度考核”和“工单导入校验”，再照常计算",
    "  --period 期间    考核期间：年度 2021、季度 2021Q1 或月份 2021-03（默认：“参数”中的考核年度）",
    "  --drill 单位     写出该单位的“工单核查”表（各项扣分所依据的工单，供申诉核查）",
    "  --map 表头=列    指明无法识别的表头对应哪一列，如 --map 受理号=工单编号,处理部门=承办单位；",
    "                   选择保存在输出工作簿中，下次导入不再需要",
    "  --replace-typed  同意替换“热线数据”中手工填写的数字：导入只自动替换空白、与导入值相同或上次导入写入的数字；",
    "                   其他数字（手工填写或导入后修改过的）不加此项时不导入、不写出任何文件并逐个列出（退出码 2），",
    "                   加此项时替换并逐个记入“工单导入校验”（说明）。对单个工单的研判请登记在“工单研判”表",
    "  --method 文件    按另一工作簿的考核办法计分：读取其“考核办法”“便民化考核办法”“参数”“承办单位”（该文件只读，不写入）；",
    "                   输入工作簿自带办法表时以 --method 为准，结果中注明；办法有问题时列出工作表和单元格，不写出任何文件",
    "  --pdf            同时把结果另存为 PDF（与输出文件同名、同目录；需要安装 LibreOffice）；与 --bulletin、--report 同用时通报、报告也另存为 PDF",
    "  --bulletin 月份  写出该月的月度通报 <输出文件名>-2021-03-通报.docx（来自“月度考核”，需已导入工单明细；可与 --ledger 同用）",
    "  --report         写出报送考核办的报告 <输出文件名>-报告.docx（附件1 考核表，附件2 便民化考核结果）",
    `  --template       写出空白考核模板（带内置${currentYear}年度办法的办法表；加 --method 时带该文件的办法、单位和部门）`,
    "  --max-part-mb N  工作簿中单个部件解压后的上限（MB，默认 4096；整体读入内存的部件为其 1/16），确属正常的大文件才需提高",
    "  -h, --help       显示本说明",
    "",
    "退出码：0 计算成功；1 输入数据或工单明细有问题（结果文件照常写出，问题见“校验”和“工单导入校验”工作表）；2 用法错误、输入文件或办法文件无法使用、" +
      "导入会替换“热线数据”中手工填写的数字而未加 --replace-typed（均不写出任何文件），或未能生成 PDF。",
  ].join("\n"),
  unknownOption: (flag: string) => `未知选项“${flag}”。`,
  missingValue: (flag: string) => `选项“${flag}”后应跟一个值。`,
  tooManyInputs: (inputs: readonly string[]) => `只能给出一个输入文件，收到${inputs.length}个：${inputs.join("、")}。`,
  templateTakesNoInput: "--template 不读取输入文件：请去掉输入文件名。",
  inputMissing: (path: string) => `找不到输入文件“${path}”。`,
  notXlsx: (path: string) => `“${path}”不是 .xlsx 文件：请给出 Excel 工作簿（.xlsx）。`,
  unreadable: (path: string, reason: string) => `无法读取“${path}”：不是有效的 .xlsx 工作簿（${reason}）。`,
  outputNotXlsx: (path: string) => `输出文件“${path}”应以 .xlsx 结尾。`,
  methodNotXlsx: (path: string) => `办法文件“${path}”不是 .xlsx 文件：--method 应给出带办法表“考核办法”“便民化考核办法”的 Excel 工作簿。`,
  methodMissing: (path: string) => `找不到办法文件“${path}”（--method）。`,
  methodIsOutput: (output: string, method: string) =>
    `输出文件“${output}”就是办法文件“${method}”（同一文件，或指向它的链接）：办法文件只读不写，请用 -o 指定另一个文件名。`,
  methodNoSheets: (path: string) =>
    `办法文件“${path}”中没有办法表“考核办法”“便民化考核办法”：无法从中读取考核办法，未计算，未写出任何文件。请给出带这两张表的工作簿。`,
  methodRefused: (path: string, errors: number) =>
    `办法文件“${path}”的考核办法有${errors}个问题，未计算，未写出任何文件（错误的办法绝不计分）。请改正下列单元格后重新运行：`,
  /** The method's own problems in the output's 校验: the sheet named with its file, as Excel writes an external reference. */
  methodSheet: (file: string, sheet: string) => `[${file}]${sheet}`,
  methodSetAside: (label: string, file: string) =>
    `本次按命令行 --method 指定的办法“${label}”（文件 ${file}）计分，未使用本工作簿自带的办法表：在 Excel 中“全部计算”会按本工作簿的办法表重新计分。`,
  methodLine: (label: string) => `考核办法：${label}`,
  methodFrom: (label: string, file: string, ownSetAside: boolean) =>
    `考核办法：${label}（来自 --method ${file}${ownSetAside ? "；输入工作簿自带的办法表未使用" : ""}）`,
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

  /** The first line of a run's report (the command line's and the page's). */
  title: (year: number) => `安康市${year}年度考核计算`,
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
  documentsWithTemplate: "--bulletin、--report 只用于计算结果：空白模板没有可通报的结果。",
  pdfConverting: "正在用 LibreOffice 生成 PDF…",
  pdfWritten: (path: string) => `PDF 已写入：${path}（可直接打印或报送考核办）`,
  pdfNoLibreOffice: [
    "未找到 LibreOffice，PDF 未生成（结果工作簿已照常写出）。",
    "安装方法：Debian / Ubuntu 执行 sudo apt-get install libreoffice-calc libreoffice-writer；Windows 或 Mac 从 LibreOffice 官网（libreoffice.org）下载安装。",
    "安装后重新运行；或在 Excel 中打开结果文件，选“文件 → 导出 → 创建 PDF”。",
  ].join("\n"),
  pdfNotWritten: "LibreOffice 没有写出 PDF",
  pdfFailed: (reason: string) => `PDF 未生成：LibreOffice 转换失败（${reason}）。结果工作簿已照常写出，可在 Excel 中“导出 → 创建 PDF”。`,
  templateWritten: (path: string, method: string) => `空白模板已写入：${path}（考核办法：${method}）`,
  nothingScored: "尚未计分：没有一个单位有可计分的数据（见校验）。",
  ledgerNoOrders: (file: string, period: string, rows: number) =>
    `工单明细“${file}”在考核期间${period}没有可计入的工单（读取${rows}行）：未填入热线数据。请确认导出的期间和文件内容。`,
  inputHasProblems: (errors: number) => `输入数据有${errors}个错误：有关单位未计分，详见结果文件的“校验”工作表。`,
} as const;

/** The command line's ledger options (npm run assess -- --ledger FILE …). */
export const LEDGER_CLI_MSG = {
  ledgerWithTemplate: "--template 不导入工单：请去掉 --ledger、--period、--drill、--map 或 --replace-typed。",
  needsLedger: (flag: string) => `选项“${flag}”需与 --ledger 一起使用。`,
  ledgerMissing: (path: string) => `找不到工单明细文件“${path}”。`,
  ledgerUnreadable: (path: string, reason: string) => `无法读取工单明细“${path}”：${reason}`,
  badMap: (text: string) => `--map 的值“${text}”无法识别：应写作 表头=列，多个用逗号分隔，列为工单编号、承办单位等或“忽略”。`,
  badMapColumn: (column: string, columns: readonly string[]) => `--map 中的列“${column}”不是工单明细的列：应为${list(columns)}或“忽略”。`,
  /** The example is built from the file's own headers and the first missing column. */
  needsMapping: (message: string, candidates: readonly string[], missing: readonly string[] = []) =>
    `${message}\n文件中未识别的表头：${candidates.length > 0 ? list(candidates) : "（无）"}。` +
    `\n请用 --map 指明，例如 --map ${candidates[0] ?? "文件中的表头"}=${missing[0] ?? "工单编号"}。`,
  approvalNotAssessed: "审批服务便民化（一票否决）：未给出考核工作簿，空白模板中尚未填写，本次未计算（可在输出文件中填写后再计算）。",
  unknownDrillUnit: (name: string) => `“${name}”不是12345热线承办单位，无法列出其工单（--drill）。`,

  ledgerHeading: (file: string, period: Period) => `工单导入：${file}（考核期间：${period.name}）`,
  ledgerProblemsHeading: (count: number) => `工单明细中有${count}个问题（整行未计入，或只计入不依赖出错字段的计数；详见“工单导入校验”工作表）：`,
  ledgerProblemsMore: (count: number) => `…… 另有${count}个问题，见“工单导入校验”工作表`,
  ledgerHasProblems: (rows: number) => `工单明细有${rows}行存在问题（整行未计入，或只部分计入）：详见结果文件的“工单导入校验”工作表。`,
  ledgerStillOpen: "工单导入校验中仍有上次导入工单时发现的问题：结果为草稿，请更正工单明细后重新导入（详见结果文件的“工单导入校验”工作表）。",
  judgmentOpen: (thisImport: boolean) =>
    `${thisImport ? "本次" : "上次"}导入工单时，工单研判中有登记有错误、未生效：结果为草稿，请更正工单研判后重新导入工单明细（详见结果文件的“工单导入校验”工作表）。`,
  typedRefused: (count: number, withoutRecord: boolean) =>
    `导入会替换“热线数据”中${count}个不是上次导入写入的数字（手工填写，或导入后修改过${withoutRecord ? "；本工作簿尚无导入记录，非空的数字都视为手工填写" : ""}）：` +
    "未导入，未写出任何文件。",
  typedLine: (where: string, unit: string, label: string, typed: string, imported: number) =>
    `  ${where}  ${unit}  ${label}  手工值 ${typed}  导入值 ${imported}`,
  typedAdvice: (judgmentSheet: string) =>
    `确需以导入的数字替换时，请加 --replace-typed 重新运行（替换的数字会逐个记入“工单导入校验”）。` +
    `对单个工单的研判（不合理诉求、退单合理、申诉成立等）请登记在“${judgmentSheet}”表，不要直接修改热线数据中的数字。`,
  drillWritten: (unit: string, period: Period, orders: number) => `已写出${unit}${period.name}的工单核查表（${orders}行）。`,
  progress: (rows: number, fraction: number | undefined) =>
    fraction === undefined ? `读取工单明细：${rows}行` : `读取工单明细：${rows}行 ${(fraction * 100).toFixed(0)}%`,
} as const;

/** The command line's documents (--bulletin, --report; spec J). */
export const DOC_CLI_MSG = {
  badMonth: (text: string) => `--bulletin 的值“${text}”不是月份：应写作 2021-03。`,
  written: (kind: "bulletin" | "report", path: string, draft: boolean) =>
    `${kind === "bulletin" ? "月度通报" : "报告"}已写入：${path}${draft ? "（草稿：有未解决的问题，见下）" : ""}`,
  pdfWritten: (path: string) => `PDF 已写入：${path}（Linux 上为替代字体的预览，正式字体以 Windows 上的 Word/WPS 为准）`,
  noWriter: [
    "未找到 LibreOffice，通报或报告的 PDF 未生成（.docx 已照常写出）。",
    "安装方法：Debian / Ubuntu 执行 sudo apt-get install libreoffice-writer；或在 Word、WPS 中打开 .docx 另存为 PDF。",
  ].join("\n"),
  pdfFailed: (path: string, reason: string) => `“${path}”的 PDF 未生成：LibreOffice 转换失败（${reason}）。.docx 已照常写出，可在 Word 或 WPS 中另存为 PDF。`,
  problem: (where: string, message: string) => `[文档] ${where ? `${where}　` : ""}${message}`,
  ledgerRows: (rows: number) => `工单明细有${rows}行存在问题（见“工单导入校验”）`,
  draft: "通报或报告为草稿（标题注明“草稿”）：请解决上列问题后重新生成。",
} as const;
