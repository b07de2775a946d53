/** Every user-facing text of the ledger import, in one place. */

/** Longest value quoted in a message; a longer one is cut with a visible mark. */
const SHOWN_CHARS = 60;

/**
 * A value as quoted in a message: control characters (which a terminal would obey) as visible \xNN escapes,
 * and cut to SHOWN_CHARS with a mark.
 */
export const show = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  const cut = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…（共${text.length}字）` : text;
  return visibleControls(cut);
};

/** C0 and C1 control characters (and DEL) as \xNN; everything else unchanged. */
export function visibleControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

function isBlankText(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

export const LEDGER_MESSAGES = {
  // Row problems
  missingValue: (column: string) => `${column}为空`,
  unknownUnit: (name: unknown, method: string) => `承办单位“${show(name)}”不在“${method}”的承办单位名单中，请核对名称或在名单中添加别名`,
  notHotlineUnit: (name: unknown, official: string) =>
    `“${show(name)}”（${official}）不是12345热线承办单位，其工单不计入热线考核`,
  badDate: (column: string, value: unknown) =>
    `${column}“${show(value)}”无法识别为日期时间，应写作如 2021-03-05 14:22:10、2021/3/5 14:22 或 2021年3月5日 14:22`,
  badYesNo: (column: string, value: unknown) => `${column}“${show(value)}”无法识别，应为 是 或 否（也可写 Y/N、1/0、TRUE/FALSE）`,
  badCallback: (value: unknown) =>
    `回访结果“${show(value)}”无法识别，应为 满意、基本满意、不满意、未回访、拒访 或 无法联系（空白视为未回访）`,
  badOrderId: (value: unknown) => `工单编号“${show(value)}”无法识别`,
  duplicateOrder: (id: string, firstRow: number) => `工单编号“${id}”与第${firstRow}行重复，本行不计入`,
  closedBeforeDispatch: (closed: string, dispatched: string) =>
    `办结时间（${closed}）早于派单时间（${dispatched}），不可能成立`,
  deadlineBeforeDispatch: (deadline: string, dispatched: string) =>
    `办理时限（${deadline}）早于派单时间（${dispatched}），不可能成立`,
  partialNote: (column: string) => `；该工单仍计入不需要${column}的各项计数`,
  problemsOmitted: (count: number) => `另有${count}个问题未逐条列出（已计入汇总）`,

  // Headers and periods
  missingColumns: (columns: readonly string[]) =>
    `工单明细缺少以下列：${columns.join("、")}。请指明文件中对应的表头，选择会保存在工作簿中，下次不再询问`,
  badPeriod: (text: unknown) =>
    `考核期间“${show(text)}”无法识别，应写作年度（如 2021）、季度（如 2021Q1）或月份（如 2021-03）`,
  periodName: {
    year: (year: number) => `${year}年度`,
    quarter: (year: number, quarter: number) => `${year}年第${"一二三四"[quarter - 1]}季度`,
    month: (year: number, month: number) => `${year}年${month}月`,
  },
  unknownUnitForDrillDown: (name: string) => `“${name}”不是12345热线承办单位，无法列出其工单`,

  uncalculated: (column: string) => `${column}：公式没有计算结果，请在 Excel 中打开并保存`,
  // Files
  emptyFile: "文件为空，没有表头行",
  undecodable: (column: string, encoding: string) => encoding === ""
    // An .xlsx ledger (no text encoding): an invalid character reference or a shared string not in the table.
    ? `${column}含有无法读取的内容（无效字符或超出范围的共享字符串索引），文件可能已损坏：请在 Excel 中打开核对并另存后重新导入`
    : `${column}含有按文件编码（${encoding}）无法识别的字节：该行可能用了另一种编码保存（如 UTF-8 文件中混有 GBK 文字），请改正后重新导出`,
  notSpreadsheet: (name = "") => `${name === "" ? "文件" : `“${visibleControls(name)}”`}不是表格文件（CSV 或 .xlsx）：请从12345平台导出工单明细（CSV 或 Excel 工作簿）`,
  oldXls: (name: string) => `“${visibleControls(name)}”是旧版 Excel 97-2003 工作簿（.xls），无法直接读取：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入`,
  recordTooLong: (row: number, chars: number) =>
    `第${row}行超过${chars}个字符仍未结束（可能是引号没有闭合），文件可能已损坏或不是工单明细`,
  unterminatedQuote: (row: number) => `第${row}行的引号没有闭合，文件可能已损坏或被截断`,
  notZip: "文件不是有效的 .xlsx 工作簿（无法读取压缩目录）",
  zipEntryMissing: (path: string) => `工作簿缺少部件 ${path}，文件可能已损坏`,
  zipUnsupported: (path: string, method: number) => `工作簿部件 ${path} 使用了不支持的压缩方式（${method}）`,
  zipEncrypted: "工作簿已加密，请先在 Excel 中取消密码后再导入",
  zipEntryDamaged: (path: string) => `工作簿部件 ${path} 解压后长度与目录记载不符，文件可能已损坏或被截断`,
  noWorksheet: "工作簿中没有工作表",


  /** 工单研判 (spec I): each problem says what to do. */
  judgment: {
    missingId: "工单编号为空：请填写被研判工单的编号（与工单明细一致）",
    missingKind: (kinds: readonly string[]) => `研判事项为空：请从下拉列表选择（${kinds.join("、")}）`,
    unknownKind: (value: unknown, kinds: readonly string[]) => `研判事项“${show(value)}”无法识别，应为：${kinds.join("、")}`,
    unknownConclusion: (value: unknown) => `结论“${show(value)}”无法识别，应为 成立、不成立 或 待定（空白视为待定）`,
    badCorrection: (value: unknown) =>
      `回访更正的“更正为”${isBlankText(value) ? "为空" : `“${show(value)}”无法识别`}：应填二次回访的结果（满意、基本满意、不满意、拒访、无法联系 或 未回访）`,
    missingParent: "重复工单的“更正为”为空：请填写并入的工单编号",
    selfParent: (id: string) => `重复工单“${id}”不能并入它自己：“更正为”应填另一件工单的编号`,
    correctionIgnored: (kind: string, value: unknown) => `研判事项${kind}不使用“更正为”（“${show(value)}”不起作用）：请清空该单元格`,
    badDate: (column: string, value: unknown) => `${column}“${show(value)}”无法识别为日期，应写作如 2021-03-05`,
    decidedBeforeProposed: "决定日期早于提出日期：请核对两个日期",
    missingDecisionDate: (conclusion: string) => `结论为${conclusion}但决定日期为空：请填写作出决定的日期`,
    notInLedger: (id: string, year: boolean) => year
      ? `工单“${id}”不在导入的工单明细中，本行研判未生效：年度导入的明细应包含全部研判过的工单，请核对工单编号或导入完整的年度明细`
      : `工单“${id}”不在本次导入的工单明细中（可能属于其他月份），本次不起作用`,
    orderNotCounted: (id: string, row: number) => `工单“${id}”在工单明细第${row}行有问题未计入，本行研判不起作用：请先更正工单明细`,
    wrongUnit: (written: string, id: string, unit: string) =>
      `承办单位“${show(written)}”与工单“${id}”的承办单位（${unit}）不一致，本行研判未生效：请核对工单编号或承办单位`,
    parentNotInLedger: (id: string, year: boolean) => year
      ? `并入的工单“${id}”不在导入的工单明细中，本行研判未生效：请核对“更正为”中的工单编号`
      : `并入的工单“${id}”不在本次导入的工单明细中（可能属于其他月份），请核对工单编号`,
    parentOtherUnit: (id: string, parentUnit: string, unit: string) =>
      `并入的工单“${id}”属于${parentUnit}，不是${unit}的工单，本行研判未生效：重复工单只能并入同一单位的工单`,
    parentMerged: (id: string) => `并入的工单“${id}”本身已被并单（另有成立的重复工单研判），本行研判未生效：请改为并入最终保留的工单`,
    twice: (kind: string, rows: readonly number[]) =>
      `同一工单有多条成立的“${kind}”研判（另见第${rows.join("、")}行），均未生效：请只保留一条`,
    overridden: (kind: string, leaving: string, row: number) => `该工单已按${leaving}（第${row}行）不计入任何计数，本行“${kind}”不起作用`,
    noEffect: (kind: string) => `研判事项“${kind}”对该工单的计数没有影响（如工单并无此情形），请核对工单编号或研判事项`,
    lateAppeal: (days: number) => `逾期提出：提出日期晚于派单当月月底后${days}天（参数“申诉期限（天）”），研判仍按结论执行`,
    blankCell: "（空白）",
    listed: (kind: string, conclusion: string, row: number, error: boolean) =>
      `${kind}：${conclusion}${error ? "（有误，未生效）" : ""}（工单研判第${row}行）`,
    outsidePeriod: (period: string) => `该工单不计入${period}的任何计数，本次导入中本行研判不改变计数`,
  },

  // Summary and drill-down labels
  summary: (read: number, counted: number, withProblems: number) =>
    `共读取${read}行工单，计入${counted}行，${withProblems}行有问题未计入`,
  blankRows: (count: number) => `另有${count}个空行已跳过`,
  partlyCounted: (count: number) => `其中${count}行有字段无法识别，只计入不依赖该字段的计数（见问题列表）`,
  drillDown: {
    late: "超期（应办结未按期办结）",
    returned: "退单",
    extended: "申请延期",
    dissatisfied: "回访不满意",
    closedLate: "超期办结",
    open: "未办结",
  },
  yes: "是",
  no: "否",
  /** A 是/否 cell that could not be read (listed as a problem), as a drill-down shows it. */
  unreadable: "无法识别",
} as const;

/** An error that stops an import (bad file, bad period); its message is shown to the user as is. */
export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LedgerError";
  }
}
