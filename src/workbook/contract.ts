/**
 * The assessment workbook contract (spec E) as data: sheet names, header labels, which sheets and columns
 * are input and which are results. The assessment office's own workbooks and scripts refer to these names,
 * so they are fixed; column order, styling, extra columns and extra sheets are free.
 */
import { ruleSet, type ApprovalRuleSet, type Category, type HotlineRuleSet, type RateRuleId } from "../engine";
import { CONCLUSIONS, DECISION_COLUMNS, JUDGMENT_KINDS, type DecisionColumn } from "../ledger";
import { ALIAS_LABEL, APPROVAL_METHOD_LABEL as A, HOTLINE_METHOD_LABEL as H, METHOD_SHEET } from "./method/labels";

export const SHEET = {
  units: "承办单位",
  hotline: "热线数据",
  deductions: "扣分登记",
  bonuses: "加分登记",
  approval: "便民化考核",
  result: "12345热线考核表",
  checks: "校验",
  /** Not in spec E's table: the small parameter block (考核年度, 考核月数) the task pane shows. */
  params: "参数",
  /** Not in spec E: the template's first sheet, the steps of the work and what every sheet and column is for. */
  guide: "填写说明",
  /** Hidden: what 定稿 replaced, so that 恢复公式 can put it back. */
  formulaBackup: "_定稿公式备份",
  /** The office's decisions on single orders (spec I): input, applied by the ledger import. */
  judgment: "工单研判",
  /** Per unit × 研判事项 × 结论, written by the ledger import (spec I). */
  judgmentSummary: "研判汇总",
  /** The method sheets (spec G). */
  hotlineMethod: METHOD_SHEET.hotline,
  approvalMethod: METHOD_SHEET.approval,
} as const;

export type SheetName = (typeof SHEET)[keyof typeof SHEET];

/**
 * input: typed by the user, never written by compute-all. inputResult: input except its result columns.
 * result: owned by compute-all, rewritten on every run. system: written by 定稿 / 恢复公式 only.
 */
export type SheetRole = "input" | "inputResult" | "result" | "system";

/** What a column holds; decides its format, validation list and width in the template. */
export type ColumnKind =
  | "name" | "unitType" | "count" | "amount" | "rate" | "date" | "status" | "part" | "caseItem" | "text"
  | "points" | "rank" | "explanation" | "sheetName" | "cellAddress" | "level" | "paramValue"
  // The method sheets (spec G): a short label, 计分方式, 是/否, a clause or department list (wrapped).
  | "label" | "scoring" | "yesNo" | "clause"
  // 工单研判 (spec I): 研判事项 and 结论 (drop-downs from src/ledger's catalogue).
  | "judgmentKind" | "conclusion";

export interface ColumnSpec {
  readonly label: string;
  readonly kind: ColumnKind;
  /** A result column: written by compute-all, cleared and rewritten on every run. */
  readonly result?: boolean;
  /** compute-all cannot read the sheet without it (otherwise a missing column is a warning). */
  readonly needed?: boolean;
  /**
   * Columns that go together (item 6's parts and targets): all missing is a warning, some missing is an
   * error (the parts that are there cannot be used alone).
   */
  readonly group?: string;
  /** A column nobody needs: its absence is no problem (承办单位's 别名). */
  readonly optional?: boolean;
}

export interface SheetSpec {
  readonly name: SheetName;
  readonly role: SheetRole;
  /** The label that identifies the header row. */
  readonly key: string;
  readonly columns: readonly ColumnSpec[];
}

const col = (label: string, kind: ColumnKind, extra: Omit<ColumnSpec, "label" | "kind"> = {}): ColumnSpec => ({ label, kind, ...extra });

/** Header labels, by sheet, exactly as spec E writes them. */
export const LABEL = {
  name: "单位名称",
  type: "单位类别",
  total: "工单总量",
  due: "应办结数",
  onTime: "按期办结数",
  returned: "退单数",
  extensions: "延期申请数",
  validCallbacks: "有效回访数",
  satisfied: "满意数",
  monthly: "月均办件量",
  date: "日期",
  item: "事项",
  quantity: "数量",
  note: "说明",
  evidenceDate: "印证资料报送日期",
  deduction: "扣分",
  explanation: "扣分说明",
  sheet: "工作表",
  cell: "单元格",
  problem: "问题",
  level: "级别",
  param: "参数",
  value: "值",
  formula: "公式（不含等号）",
  finalValue: "定稿值",
} as const;

/** The 便民化考核 status column of an item (事项1 …). */
export const itemLabel = (no: number) => `事项${no}`;

/**
 * The built-in method (the rule set engine/rules holds for its current year): the shape of the contract's sheets
 * until a workbook's method gives its own (approvalSpec, resultSpec).
 */
const BUILT_IN = ruleSet();

/** 便民化考核's item columns and, for the derived item, its targets and parts (group "derived"), by a method. */
export function approvalItemColumns(rules: ApprovalRuleSet): ColumnSpec[] {
  return [
    ...rules.items.map((item) => col(itemLabel(item.no), "status", { needed: true })),
    ...rules.derived.targets.map((t) => col(t.label, "rate", { group: "derived" })),
    ...rules.derived.parts.map((p) => col(p.label, "part", { group: "derived" })),
  ];
}

/** The 12345热线考核表 columns, in the order written to a new sheet (附件2). */
export const RESULT_LABEL = {
  name: "单位名称",
  type: "单位类别",
  completionRate: "办结率",
  handling: "工单办理扣分",
  returnedRate: "退单率",
  returned: "退单率扣分",
  extensionRate: "延期率",
  extension: "延期率扣分",
  satisfactionRate: "满意率",
  satisfaction: "满意率扣分",
  cooperation: "日常配合扣分",
  bonus: "加分",
  total: "总分",
  rank: "排名",
  typeRank: "类别内排名",
  explanation: "扣分说明",
} as const;

/** 12345热线考核表's first column (an extra column, spec H): the row's number in rank order. */
export const SEQ_LABEL = "序号";

/** Spec E's labels of the built-in categories' deduction columns, by category id. */
const BUILT_IN_DEDUCTION_LABEL: Readonly<Record<string, string>> = {
  handling: RESULT_LABEL.handling,
  returned: RESULT_LABEL.returned,
  extension: RESULT_LABEL.extension,
  satisfaction: RESULT_LABEL.satisfaction,
  cooperation: RESULT_LABEL.cooperation,
};

/** One column of 12345热线考核表: a rate's (rateId) or a category's deduction (category) among the fixed ones. */
export interface ResultColumn extends ColumnSpec {
  readonly rateId?: RateRuleId;
  readonly category?: Category;
}

/**
 * The columns of 12345热线考核表 for a method (spec G: one 扣分 column per deduction category, in the method's
 * order), written in this order to a new sheet: 序号, 单位名称, 单位类别, then per category its rates and its
 * deduction, then 加分, 总分, 排名, 类别内排名, 扣分说明. The built-in categories keep spec E's labels
 * (工单办理扣分 … 日常配合扣分); another category is its name + 扣分 (工单质量扣分).
 */
export function resultColumns(rules: HotlineRuleSet): ResultColumn[] {
  const result = (label: string, kind: ColumnKind, extra: Partial<ResultColumn> = {}): ResultColumn => ({ label, kind, result: true, ...extra });
  const taken = new Set<string>();
  const columns: ResultColumn[] = [
    result(SEQ_LABEL, "rank"), result(RESULT_LABEL.name, "name"), result(RESULT_LABEL.type, "unitType"),
  ];
  for (const category of rules.categories) {
    for (const rate of rules.rates.filter((r) => r.category === category.id)) columns.push(result(rate.item, "rate", { rateId: rate.id }));
    let label = BUILT_IN_DEDUCTION_LABEL[category.id] ?? `${category.name}扣分`;
    // Two categories whose labels would read the same (a new 满意率 beside the built-in 群众满意率).
    if (taken.has(label)) label = `${category.name}类别扣分`;
    taken.add(label);
    columns.push(result(label, "points", { category }));
  }
  columns.push(
    result(RESULT_LABEL.bonus, "points"), result(RESULT_LABEL.total, "points"), result(RESULT_LABEL.rank, "rank"),
    result(RESULT_LABEL.typeRank, "rank"), result(RESULT_LABEL.explanation, "explanation"),
  );
  return columns;
}

/** 12345热线考核表 shaped by a method (its deduction and rate columns). */
export function resultSpec(rules: HotlineRuleSet): SheetSpec {
  return { ...sheetSpec(SHEET.result), columns: resultColumns(rules) };
}

/** Who issues the written report (the letterhead of 安行审函〔2021〕73号); printed under the official table. */
export const ISSUER = "安康市行政审批服务局";

/** The parameter rows of 参数 (first column 参数, second 值). */
export const PARAM = { year: "考核年度", months: "考核月数" } as const;

const registerColumns = [
  col(LABEL.date, "date"),
  col(LABEL.name, "name", { needed: true }),
  col(LABEL.item, "caseItem", { needed: true }),
  col(LABEL.quantity, "count"),
  col(LABEL.note, "text"),
];

/** What each 工单研判 column holds (its template format, drop-down and width). */
const DECISION_KIND: Readonly<Record<DecisionColumn, ColumnKind>> = {
  工单编号: "label", 承办单位: "name", 研判事项: "judgmentKind", 更正为: "label", 结论: "conclusion",
  提出日期: "date", 决定日期: "date", 理由: "text", 依据: "text", 经办人: "label",
};

/** 研判汇总's count columns: one per 研判事项 and 结论 ("不合理诉求成立"), in catalogue order. */
export const JUDGMENT_SUMMARY_LABELS: readonly string[] = JUDGMENT_KINDS.flatMap((k) => CONCLUSIONS.map((c) => `${k}${c}`));
/** 研判汇总: rows with an error (they change no count until corrected). */
export const JUDGMENT_ERRORS_LABEL = "有误";

export const SHEETS: readonly SheetSpec[] = [
  {
    name: SHEET.units, role: "input", key: LABEL.name,
    columns: [col(LABEL.name, "name", { needed: true }), col(LABEL.type, "unitType"), col(ALIAS_LABEL, "label", { optional: true })],
  },
  {
    name: SHEET.hotline, role: "input", key: LABEL.name,
    columns: [
      col(LABEL.name, "name", { needed: true }),
      ...[LABEL.total, LABEL.due, LABEL.onTime, LABEL.returned, LABEL.extensions, LABEL.validCallbacks, LABEL.satisfied]
        .map((label) => col(label, "count", { needed: true })),
      col(LABEL.monthly, "amount"),
    ],
  },
  { name: SHEET.deductions, role: "input", key: LABEL.name, columns: registerColumns },
  { name: SHEET.bonuses, role: "input", key: LABEL.name, columns: registerColumns },
  {
    name: SHEET.approval, role: "inputResult", key: LABEL.name,
    columns: [
      col(LABEL.name, "name", { needed: true }),
      ...approvalItemColumns(BUILT_IN.approval),
      col(LABEL.evidenceDate, "date"),
      col(LABEL.deduction, "points", { result: true }),
      col(LABEL.explanation, "explanation", { result: true }),
    ],
  },
  {
    // The built-in method's shape; a workbook's method gives its own (resultSpec).
    name: SHEET.result, role: "result", key: RESULT_LABEL.name, columns: resultColumns(BUILT_IN.hotline),
  },
  {
    name: SHEET.checks, role: "result", key: LABEL.sheet,
    columns: [
      col(LABEL.sheet, "sheetName", { result: true }),
      col(LABEL.cell, "cellAddress", { result: true }),
      col(LABEL.problem, "explanation", { result: true }),
      // Not in spec E (extra columns are free): 错误 / 警告 / 说明.
      col(LABEL.level, "level", { result: true }),
    ],
  },
  {
    name: SHEET.judgment, role: "input", key: "工单编号",
    columns: DECISION_COLUMNS.map((label) => col(label, DECISION_KIND[label], { needed: label === "工单编号" || label === "研判事项" || label === "结论" })),
  },
  {
    name: SHEET.judgmentSummary, role: "result", key: LABEL.name,
    columns: [col(LABEL.name, "name"), ...JUDGMENT_SUMMARY_LABELS.map((label) => col(label, "count")), col(JUDGMENT_ERRORS_LABEL, "count")]
      .map((c) => ({ ...c, result: true })),
  },
  {
    name: SHEET.params, role: "input", key: LABEL.param,
    columns: [col(LABEL.param, "text", { needed: true }), col(LABEL.value, "paramValue", { needed: true }), col(LABEL.note, "text")],
  },
];

/**
 * The method sheets (spec G), as the template writes them; src/workbook/method reads them (its own tables: a
 * method's cells are checked by its parser, not by compute-all's readers).
 */
export const METHOD_SHEETS: readonly SheetSpec[] = [
  {
    name: SHEET.hotlineMethod, role: "input", key: H.category,
    columns: [
      col(H.category, "label", { needed: true }), col(H.cap, "points", { needed: true }), col(H.item, "label", { needed: true }),
      col(H.scoring, "scoring", { needed: true }), col(H.from, "amount", { needed: true }), col(H.fromIncluded, "yesNo", { needed: true }),
      col(H.to, "amount", { needed: true }), col(H.toIncluded, "yesNo", { needed: true }), col(H.points, "points", { needed: true }),
      col(H.unitType, "unitType"), col(H.clause, "clause"),
    ],
  },
  {
    name: SHEET.approvalMethod, role: "input", key: A.item,
    columns: [
      col(A.item, "label", { needed: true }), col(A.content, "label"), col(A.appliesTo, "clause", { needed: true }),
      col(A.evidence, "yesNo", { needed: true }), col(A.clause, "clause"), col(A.derived, "yesNo", { optional: true }),
    ],
  },
];

export const BACKUP_SHEET: SheetSpec = {
  name: SHEET.formulaBackup, role: "system", key: LABEL.sheet,
  columns: [col(LABEL.sheet, "sheetName"), col(LABEL.cell, "cellAddress"), col(LABEL.formula, "text"), col(LABEL.finalValue, "text")],
};

export function sheetSpec(name: SheetName): SheetSpec {
  const spec = [...SHEETS, ...METHOD_SHEETS, BACKUP_SHEET].find((s) => s.name === name);
  if (!spec) throw new Error(`contract: no sheet ${name}`);
  return spec;
}

/** Sheets compute-all reads (one port.read call): every contract sheet. */
export const COMPUTE_READS: readonly SheetName[] = SHEETS.map((s) => s.name);

/** Header rows are searched for within this many rows from the top (a title row above them is fine). */
export const HEADER_SEARCH_ROWS = 5;

/** Where a new sheet puts its title and header rows (0-based). */
export const NEW_SHEET_LAYOUT = { titleRow: 0, headerRow: 1 } as const;

/** Number formats written by the template and compute-all. */
export const FORMAT = { percent: "0.00%", date: "yyyy-mm-dd" } as const;

/** The status words to pick first (the validation lists add every other word the rules accept, spec D). */
export const STATUS_LIST = ["完成", "未完成", "不涉及"] as const;
/** The derived item's parts: 不涉及 counts as nothing left to do (e.g. no guide problem was fed back). */
export const PART_LIST = ["完成", "未完成", "不涉及"] as const;
export const UNIT_TYPE_LIST = ["县区", "市直", "其他"] as const;

/** How many empty rows below the data the template prepares (validation lists, formats) for typing. */
export const SPARE_ROWS = { register: 500, prefilled: 20 } as const;
