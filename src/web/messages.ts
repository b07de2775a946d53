/**
 * Every text of the page 网页版. Refusals reuse the command line's messages (src/cli/messages, src/xlsx,
 * src/ledger): the same Chinese text for the same bad input, with advice that only a command line can
 * follow (a flag) replaced by what to do in the page (pageAdvice).
 */
import { CLI_MSG, DOC_CLI_MSG, LEDGER_CLI_MSG } from "../cli/messages";
import type { Stage } from "./protocol";

/** CLI-only advice → the page's. Applied to every message the page shows. */
const ADVICE: readonly (readonly [string, string])[] = [
  ["确属正常文件时，可用 --max-part-mb 提高上限（单元格上限随之按比例提高）", "网页版不提高此上限；确属正常文件时，请交管理员用命令行（npm run assess，加 --max-part-mb）计算"],
  ["确属正常文件时，可用 --max-part-mb 提高上限", "网页版不提高此上限；确属正常文件时，请交管理员用命令行（npm run assess，加 --max-part-mb）计算"],
  ["（--ledger，或任务窗格“导入工单明细”）", "（在本页选择工单明细，再点“全部计算”）"],
  ["请改正下列单元格后重新运行：", "请改正下列单元格后重新选择该文件并“全部计算”："],
];

export function pageAdvice(text: string): string {
  return ADVICE.reduce((t, [cli, page]) => t.split(cli).join(page), text);
}

const base = (input: string) => input.replace(/\.[^.]*$/u, "");

export const WEB_MSG = {
  ...CLI_MSG,
  methodSetAside: (label: string, file: string) =>
    `本次按网页版选择的考核办法（可选）“${label}”（文件 ${file}）计分，未使用本工作簿自带的办法表：在 Excel 中“全部计算”会按本工作簿的办法表重新计分。`,
  methodFrom: (label: string, file: string, ownSetAside: boolean) =>
    `考核办法：${label}（来自所选办法文件 ${file}${ownSetAside ? "；考核工作簿自带的办法表未使用" : ""}）`,
  blankInput: (ledger: string) => `${ledger}（工单明细；考核工作簿为空白模板）`,
  approvalNotAssessed: "审批服务便民化（一票否决）：未选择考核工作簿，空白模板中尚未填写，本次未计算（可在下载的结果工作簿中填写后再计算）。",
  needsInput: "请先选择考核工作簿，或选择工单明细（以空白模板计算）。",
  periodWithoutLedger: "考核期间只用于导入工单明细：请同时选择工单明细，或清空考核期间。",
  badPeriod: (text: string) => `考核期间“${text}”无法识别：应写作年度 2021、季度 2021Q1 或月份 2021-03。`,
  ledgerHasProblems: LEDGER_CLI_MSG.ledgerHasProblems,
  ledgerStillOpen: LEDGER_CLI_MSG.ledgerStillOpen,
  drillWritten: LEDGER_CLI_MSG.drillWritten,
  ledgerHeading: LEDGER_CLI_MSG.ledgerHeading,
  ledgerProblemsHeading: LEDGER_CLI_MSG.ledgerProblemsHeading,
  ledgerProblemsMore: LEDGER_CLI_MSG.ledgerProblemsMore,
  ledgerUnreadable: LEDGER_CLI_MSG.ledgerUnreadable,
  typedRefused: LEDGER_CLI_MSG.typedRefused,
  typedLine: LEDGER_CLI_MSG.typedLine,
  typedAdvice: (judgmentSheet: string) =>
    "确需以导入的数字替换时，请勾选下方“以导入的数字替换上列数字”，再点“全部计算”（替换的数字会逐个记入“工单导入校验”）。" +
    `对单个工单的研判（不合理诉求、退单合理、申诉成立等）请登记在“${judgmentSheet}”表，不要直接修改热线数据中的数字。`,
  mappingAsk: (message: string) => `${message}\n选好后再点“全部计算”。`,
  mappingIgnore: "（不使用）",
  mappingChoose: "请选择表头",
  mappingIncomplete: (column: string) => `请为“${column}”选择一个表头。`,
  mappingDuplicate: (header: string) => `表头“${header}”被选给了多个列：每个表头只能对应一列。`,
  stage: {
    workbook: "读取考核工作簿",
    method: "读取考核办法",
    ledger: "读取工单明细",
    compute: "全部计算",
    write: "写出结果工作簿",
    documents: "生成通报和报告",
  } satisfies Record<Stage, string>,
  progress: (stage: string, rows: number | undefined, fraction: number | undefined) =>
    `${stage}${rows === undefined ? "" : `：${rows}行`}${fraction === undefined ? "" : ` ${(fraction * 100).toFixed(0)}%`}…`,
  cancelled: "已取消：未计算，没有可下载的结果。",
  ready: (name: string) => `计算完成：结果工作簿 ${name} 可以下载（文件只在本机生成，没有上传）。`,
  nothingToDownload: "没有可下载的结果：见上面的说明。",
  workerFailed: "本页无法在此启动后台计算（浏览器不允许从本地文件夹运行计算线程）：请通过服务器地址打开网页版（见部署说明），或使用 Chromium 86 / Firefox 115 以上的浏览器。",
  internalError: (reason: string) => `计算中断（程序错误，请报告）：${reason}`,
  resultName: (input: string) => `${base(input)}-result.xlsx`,
  ledgerRows: DOC_CLI_MSG.ledgerRows,
  documentProblem: DOC_CLI_MSG.problem,
  reportLabel: "报告",
  documentName: (input: string, suffix: string) => `${base(input)}-${suffix}.docx`,
  documentsPending: "正在生成月度通报与报告……（结果工作簿已可下载）",
  documentsReady: "月度通报与报告已生成，可在下方下载。",
  documentsUnreadable: (reason: string) => `无法生成月度通报与报告：${reason}`,
  documentsDraft: "通报或报告为草稿（标题注明“草稿”）：请解决上列问题后重新“全部计算”并下载。",
  draftMark: "（草稿：有未解决的问题，见下）",
  templateName: "ankang-template.xlsx",
} as const;
