/** Messages of the ASSESS.* functions about the host and the method, beyond the engine's catalogue. `field` names the argument. */
import { show } from "../engine";

const WORKAROUND = "若该比率确为0，可在单元格中写成文本“0%”，热线比率也可改用件数形式（如退单数与工单总量）";
const list = (names: readonly string[]) => names.map((n) => `“${n}”`).join("、");
const GENERIC = "请改用 ASSESS.RATE_DEDUCT 与 ASSESS.CASE_POINTS（按考核办法的项目名称计算）";

export const HOST_MSG = {
  /** The host gives no parameter addresses (CustomFunctionsRuntime < 1.3, or not Excel). */
  zeroNoAddress: (field: string) =>
    `${field}收到0，但当前 Excel 不提供参数所在的单元格（需 CustomFunctionsRuntime 1.3），无法区分空白单元格与0：` +
    `桌面版 Excel 把空白单元格作为0传入。请升级 Excel；${WORKAROUND}。`,
  /** The address is known, but the cell could not be read (no Excel API, or the read failed). */
  zeroUnreadable: (field: string, address: string) =>
    `${field}收到0，但无法读取单元格 ${address} 以确认它是空白还是0：请按 Ctrl+Alt+F9 重新计算；${WORKAROUND}。`,

  /** The workbook's method failed its checks (spec G): nothing is scored. */
  methodRefused: (errors: number, first: string) =>
    `工作簿的考核办法未通过校验（${errors}个问题），函数不计分${first ? `：${first.replace(/[。；\s]+$/u, "")}` : ""}。` +
    `在任务窗格点“全部计算”可在“校验”表中看到全部问题；改正办法表后函数自动重新计算。`,
  methodUnreadable: (detail: string) =>
    `无法读取工作簿中的考核办法（读取办法表时 Excel 报错：${detail}），函数不计分：稍后自动重试；修改任一办法表单元格或重新打开工作簿也会再次读取。`,
  methodNoApi: (version: string) =>
    `此版本的 Excel 不支持加载项读取工作簿中的考核办法（需要 ExcelApi ${version}），函数不计分：请更新 Office。`,
  methodNotLoaded: (seconds: number) =>
    `等待${seconds}秒仍未读到工作簿中的考核办法，函数不计分：请打开“安康考核”任务窗格，或按 Ctrl+Alt+F9 重新计算。`,

  /** RATE_DEDUCT: 指标 is not a rate of the method. */
  unknownRate: (field: string, v: unknown, names: readonly string[]) =>
    `${field}的值${show(v)}不是考核办法中的比率指标：应为${list(names)}之一。`,
  /** CASE_POINTS: 项目 is not a case or bonus kind of the method. */
  unknownCase: (field: string, v: unknown, names: readonly string[]) =>
    `${field}的值${show(v)}不是考核办法中按件计分的项目：应为${list(names)}之一。`,
  itemNotFound: (field: string, v: unknown, max: number) =>
    `${field}的值${show(v)}不是考核事项序号：考核办法有事项1到事项${max}，应为1到${max}的整数。`,

  /** A function of the 2021 shape meets a method without the part it computes. */
  noRate: (fn: string, item: string) =>
    `${fn}按“${item}”的分档计算，但工作簿的考核办法没有这样的“${item}”分档（或把它放在了别的类别）：${GENERIC}。`,
  noCategory: (fn: string, category: string) =>
    `${fn}计算“${category}”类，但工作簿的考核办法没有这一类：${GENERIC}。`,
  categoryShape: (fn: string, category: string, extra: string, builtIn: string) =>
    `${fn}按“${builtIn}”的结构计算“${category}”类，但工作簿的考核办法在这一类还有${extra}：${GENERIC}。`,
  noCase: (field: string, label: string) =>
    `${field}填了件数，但工作簿的考核办法没有“${label}”这一项：${GENERIC}。`,
  /** How an argument is named in messages: 参数 due_count（应办结数）. */
  argument: (name: string, meaning: string) => `参数 ${name}（${meaning}）`,
  eitherArgument: (first: string, second: string) => `${first}或${second}`,
  /** A cell of a range argument (第1行第2列, 1-based). */
  cellOfRange: (row: number, col: number) => `第${row}行第${col}列`,
  rateBands: (items: readonly string[]) => items.map((i) => `“${i}”分档`).join("、"),
  /** What a function names as its method when the workbook carries none. */
  builtInLabel: (year: number) => `内置${year}年度办法`,
  extraCategories: (names: readonly string[]) =>
    `工作簿的考核办法还有${list(names)}类扣分，HOTLINE_SCORE 只有五类扣分参数，算出的总分会漏掉这些类：请在单元格中按 总分−各类扣分（各自封顶）+加分 计算。`,
} as const;
