/**
 * Every text the task pane shows (status lines, progress, labels), in one catalogue: the shell, 全部计算 and
 * friends (TEXT), 工单导入 (IMPORT_TEXT) and the labels of the views (VIEW_TEXT). Workbook-side messages come
 * from the workbook layer's own catalogue.
 */
import type { ComputeSummary } from "../workbook/compute";
import { LEDGER_SHEET as WORKBOOK_LEDGER_SHEETS } from "../workbook/ledger/contract";

const LEDGER_SHEET: string = WORKBOOK_LEDGER_SHEETS.ledger;
const DRILL_DOWN_SHEET: string = WORKBOOK_LEDGER_SHEETS.drillDown;

/** The shell: header, Office status, function list, Excel API check, the 打开 buttons. */
export const SHELL_TEXT = {
  ruleYear: (year: number) => `规则年度：${year}年`,
  noOffice: "未加载 Office.js：请在 Excel 中打开此加载项。",
  notInOffice: "未在 Office 中运行：函数只在 Excel 中可用。",
  connected: (host: string, platform: string | undefined) => `已连接 ${host}${platform === undefined ? "" : `（${platform}）`}`,
  noFunctions: "没有可用的函数。",
  functionCount: (n: number) => `共 ${n} 个函数`,
  functionsFailed: (reason: string) => `函数列表加载失败：${reason}`,
  badMetadata: "functions.json 格式不正确：缺少 functions 数组",
  fetchFailed: (url: string, status: number) => `无法读取 ${url}（HTTP ${status}）`,
  unsupportedApi: (version: string) => `此版本的 Excel 不支持考核计算所需的接口（ExcelApi ${version}）：请更新 Office 或使用网页版 Excel。`,
  sheetOpened: (sheet: string) => `已打开“${sheet}”。`,
  sheetMissing: (sheet: string) => `工作簿中没有“${sheet}”表：请先点“创建/补全模板”。`,
} as const;

/** Labels of the views (the problem levels, the summary figures, placeholders). */
export const VIEW_TEXT = {
  level: { error: "错误", warning: "警告", info: "说明" },
  year: (year: number) => `${year}年`,
  noParams: "无参数表",
  writesTo: (cell: string) => `写入 ${cell}`,
  createTemplateFirst: "请先创建/补全模板",
  points: (score: string) => `${score}分`,
  unitsScored: "已计分单位",
  problemsFound: "发现问题",
  errorsWarnings: "错误 / 警告",
  vetoed: "便民化扣分部门",
  noFileChosen: "未选择文件",
  choose: "请选择…",
  chooseUnit: "请选择承办单位…",
  rowsRead: "读取行数",
  rowsCounted: "计入行数",
  rowsWithProblems: "有问题的行",
  unitsFilled: "已填单位",
  importSummary: (source: string, period: string, text: string, unitsWithOrders: number) =>
    `${source}，${period}：${text}；其中${unitsWithOrders}个单位在该期间有工单。`,
  ledgerRow: (row: number) => `第${row}行`,
  drillNote: (period: string) => `列出所选单位${period}超期、退单、延期和回访不满意的工单，写入“${DRILL_DOWN_SHEET}”表。`,
} as const;

/** "（3个缺少数据未计分，1个数据有误未计分）", or nothing when every unit is scored. */
function notScoredText(missing: number, wrong: number): string {
  const parts = [missing > 0 ? `${missing}个缺少数据未计分` : "", wrong > 0 ? `${wrong}个数据有误未计分` : ""].filter((p) => p !== "");
  return parts.length > 0 ? `（${parts.join("，")}）` : "";
}

/** 全部计算, 创建/补全模板, 定稿, 恢复公式, 考核月数. */
export const TEXT = {
  actions: { start: "读取参数", template: "创建/补全模板", compute: "全部计算", finalize: "定稿", restore: "恢复公式", months: "保存考核月数" },
  reading: "正在读取工作表…",
  ready: "就绪：可以创建模板或全部计算。",
  busy: "正在处理，请稍候…",
  templateRunning: "正在创建/补全模板…",
  templateDone: (sheets: readonly string[], columns: number, untouched: readonly string[], rows = 0) => {
    const parts: string[] = [];
    if (sheets.length > 0) parts.push(`新建${sheets.length}张工作表（${sheets.join("、")}）`);
    if (columns > 0) parts.push(`补全${columns}个表头`);
    if (rows > 0) parts.push(`补全${rows}个参数行`);
    if (parts.length === 0) parts.push("模板已完整，未作修改");
    const skipped = untouched.length > 0 ? `；${untouched.join("、")}找不到表头，未改动` : "";
    return `模板：${parts.join("，")}${skipped}。`;
  },
  /** `elsewhere`: problems another list of the pane shows (工单导入's): never "no problems" while one is listed. */
  computeDone: (s: ComputeSummary, elsewhere = 0) =>
    `计算完成：${s.units}个单位已计分${s.unitsScored}个` +
    notScoredText(s.unitsMissing, s.unitsMarked - s.unitsMissing) +
    `；${s.departmentsJudged}个部门中${s.departmentsVetoed}个扣分；` +
    (s.errors + s.warnings > 0 ? `发现${s.errors}个错误、${s.warnings}个警告，见问题列表。`
      : s.infos > 0 ? `校验无错误和警告，另有${s.infos}条说明，见问题列表。`
        : elsewhere > 0 ? "校验无错误和警告。" : "未发现数据问题。") +
    (elsewhere > 0 ? `工单导入另有${elsewhere}个问题，见“工单问题”。` : ""),
  finalizeAsk: "请在下方确认是否定稿。",
  finalizeCancelled: "已取消定稿，工作簿未改动。",
  finalizeRunning: "正在定稿…",
  finalizeDone: (n: number) => (n > 0 ? `定稿完成：${n}个 ASSESS 公式已替换为值（可用“恢复公式”还原）。` : "定稿完成：工作簿中没有 ASSESS 公式，未作修改。"),
  finalizeKept: (done: number, kept: number) => `定稿未完成：${done}个 ASSESS 公式已替换为值；${kept}个公式的结果是错误值或尚未计算，公式保留，见问题列表。`,
  finalizeKeptNote: (n: number) => `${n}个 ASSESS 公式未定稿（结果为错误值或尚未计算）。点击一条可选中对应单元格。`,
  restoreRunning: "正在恢复公式…",
  restoreDone: (restored: number, skipped: number) =>
    restored === 0 && skipped === 0
      ? "没有可恢复的公式（尚未定稿）。"
      : `已恢复${restored}个公式` + (skipped > 0 ? `；${skipped}个未恢复，见问题列表。` : "。"),
  selected: (where: string) => `已选中 ${where}`,
  selectFailed: (where: string, reason: string) => `无法选中 ${where}：${reason}`,
  monthsInvalid: (value: string) => `考核月数“${value}”无效：应为1到12的整数。`,
  monthsMissing: "工作簿中没有“参数”表的考核月数行：请先点“创建/补全模板”。",
  monthsSaved: (months: number, where: string) => `考核月数已设为${months}（${where}），请重新全部计算。`,
  failed: (action: string, reason: string) => `${action}失败：${reason}`,
  problemsNote: (total: number, shown: number) =>
    total === 0 ? "未发现问题。" : shown < total ? `共${total}条，仅列出前${shown}条；完整列表见“校验”表。点击一条可选中对应单元格。` : `共${total}条。点击一条可选中对应单元格。`,
  restoreSkippedNote: (n: number) => `${n}个公式未恢复。点击一条可选中对应单元格。`,
} as const;

/** 工单导入 and 生成核查表. */
export const IMPORT_TEXT = {
  actions: { import: "导入工单", drillDown: "生成核查表" },
  busy: "正在处理，请稍候…",
  noFile: "请先选择工单明细文件（.csv 或 .xlsx），或改选工作表“工单明细”。",
  noSheet: `工作簿中没有“${LEDGER_SHEET}”工作表：请新建名为“${LEDGER_SHEET}”的工作表，把平台导出的工单明细（含表头行）粘贴进去，或改选文件。`,
  emptySheet: `“${LEDGER_SHEET}”工作表是空的：请把平台导出的工单明细（含表头行）粘贴进去。`,
  reading: (what: string) => `正在读取${what}…`,
  rowsRead: (text: string, rows: number) => `${text.replace(/…$/u, "")}：已读${rows}行`,
  counting: "正在统计工单…",
  writing: "正在写入“热线数据”…",
  storedHeaders: "已保存的表头",
  sheetSource: `工作表“${LEDGER_SHEET}”`,
  fileSource: (name: string) => `文件“${name}”`,
  fileUnreadable: (name: string) => `无法读取文件“${name}”：文件可能在选择后被移动、删除或正被其他程序占用。请重新选择文件。`,
  needsMapping: "有表头无法识别：请在下方指明它们对应的列。",
  mappingText: (missing: readonly string[]) =>
    `无法识别以下列的表头：${missing.join("、")}。请从表头中选出对应的一列；选择在导入成功后保存在工作簿中，下次导入不再询问。`,
  mappingImpossible: (missing: readonly string[]) =>
    `工单明细缺少以下列：${missing.join("、")}，表头中也没有其他可对应的列。请导出包含这些列的工单明细后再导入。`,
  mappingIncomplete: (column: string) => `请为“${column}”选择一列表头。`,
  mappingDuplicate: (header: string) => `表头“${header}”被选给了多个列：每个表头只能对应一列。`,
  mappingCancelled: "已取消导入，工作簿未改动。",
  typedAsk: (count: number, recorded: boolean) =>
    `“热线数据”中有${count}个数字不是上次导入写入的（手工填写，或导入后修改过${recorded ? "" : "；本工作簿尚无导入记录，非空的数字都视为手工填写"}），` +
    "导入将用工单明细统计的数字替换它们。替换的数字会逐个记入“工单导入校验”。" +
    "对单个工单的研判（不合理诉求、退单合理、申诉成立等）请登记在“工单研判”表后重新导入，不要直接修改热线数据中的数字。",
  typedNeedsConfirm: "导入会替换“热线数据”中手工填写的数字：请在下方确认或取消。",
  typedCell: (typed: string, imported: number) => `手工值 ${typed} → 导入值 ${imported}`,
  typedCancelled: "已取消导入：“热线数据”中手工填写的数字保持不变，工作簿未改动。",
  noOrders: (source: string, period: string, rows: number) =>
    `${source}在考核期间${period}没有可计入的工单（读取${rows}行）：未填入“热线数据”，工作簿未改动。请确认导出的期间和文件内容。`,
  noOrdersProblems: (total: number, rows: number, listed: number) =>
    total === 0 ? "" : `工单明细中有${total}个问题，涉及${rows}行（整行未计入，或只计入不依赖出错字段的计数）${listed < total ? `，仅列出前${listed}个` : ""}。`,
  done: (text: string) => `导入完成：${text}。请点“全部计算”更新考核结果。`,
  problemsNote: (total: number, rows: number, listed: number, others: number, replaced = 0) => {
    if (total === 0 && others === 0 && replaced === 0) return "未发现问题，全部工单已计入。";
    const parts: string[] = [];
    if (total > 0) parts.push(`工单明细中有${total}个问题，涉及${rows}行（整行未计入，或只计入不依赖出错字段的计数）`);
    if (others > 0) parts.push(`填入时另有${others}个问题`);
    if (replaced > 0) parts.push(`经确认替换了热线数据中${replaced}个手工填写的数字（说明）`);
    const cut = listed < total + others + replaced ? `，仅列出前${listed}个` : "";
    return `${parts.join("；")}${cut}。完整列表见“工单导入校验”表；点击一条可选中对应单元格。`;
  },
  noData: "请先导入工单，再生成核查表。",
  noUnit: "请选择承办单位。",
  drillRunning: (unit: string) => `正在生成“${unit}”的工单核查表…`,
  drillDone: (unit: string, period: string, sections: readonly { readonly label: string; readonly count: number }[]) =>
    `已生成“${DRILL_DOWN_SHEET}”：${unit}${period}，${sections.map((s) => `${s.label}${s.count}件`).join("，")}。`,
  selected: (where: string) => `已选中 ${where}`,
  selectFailed: (where: string, reason: string) => `无法选中 ${where}：${reason}`,
  failed: (action: string, reason: string) => `${action}失败：${reason}`,
} as const;

/** 生成月度通报 (spec J): the sheet 月度通报 and, on Excel on the web, the .docx download. */
export const BULLETIN_TEXT = {
  busy: "另一项操作正在进行，请稍候。",
  failed: (reason: string) => `生成月度通报失败：${reason}`,
  working: "正在生成月度通报…",
  badMonth: (text: string) => `“${text}”不是月份：请选择或填写如 2021-03 的月份。`,
  fileName: (year: number, month: number) => `${year}-${String(month).padStart(2, "0")}-通报.docx`,
  writtenWeb: "已写出“月度通报”表（A4纵向打印）；点下方链接下载通报文档（.docx）。",
  writtenDesktop:
    "已写出“月度通报”表（A4纵向打印）。桌面版 Excel 的任务窗格不能下载文件：通报文档（.docx）请用网页版 Excel、浏览器页面（网页版）或命令行 npm run assess -- 工作簿.xlsx --bulletin 月份 生成。",
  draft: (n: number) => `注意：尚有${n}个问题未解决，通报标题注明“草稿”。`,
} as const;
