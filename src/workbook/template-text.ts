/**
 * The template's text: what each input column means, where its value comes from and an example (written as the
 * header cells' notes and listed on 填写说明), the steps of the work, the sheets' title rows and the 参数 notes.
 * Like the header labels (contract.ts, method/labels.ts) this is what the template writes, not a message about a
 * problem or a result, so it is kept apart from the workbook layer's messages (./messages.ts). Figures (points,
 * thresholds, deadlines, item names) come from the rule set, never literals.
 */
import { currentYear, type RuleSet } from "../engine";
import { CONCLUSIONS, JUDGMENT_KINDS, JUDGMENT_SYNONYMS } from "../ledger";
import { itemLabel, LABEL, SHEET } from "./contract";
import {
  ALIAS_LABEL, ALL_DEPARTMENTS, APPROVAL_METHOD_LABEL as A, BONUS_CATEGORY, HOTLINE_METHOD_LABEL as H, METHOD_PARAM as P, METHOD_SHEET,
  SCORING, VOLUME_ITEM,
} from "./method/labels";

export interface ColumnHelp {
  readonly meaning: string;
  readonly source: string;
  readonly example: string;
}

/** The text of a header cell's note. */
export function noteText(help: ColumnHelp): string {
  return `${help.meaning}\n来源：${help.source}\n示例：${help.example}`;
}

const pct = (n: number) => `${n}%`;

/** Help for every input column (and the result columns of 便民化考核), by sheet and header label. */
export function columnHelp(rules: RuleSet): Readonly<Record<string, Readonly<Record<string, ColumnHelp>>>> {
  const { hotline } = rules;
  const volume = hotline.bonus.volume.map((v) => `${v.type}${v.included ? "达到" : "超过"}${v.over}件加${v.points}分`).join("，");
  const unitName: ColumnHelp = {
    meaning: "承办单位名称，须与“承办单位”表中的名称一致（常用简称也可识别）。",
    source: "“承办单位”表（附件1名单）",
    example: "汉滨区政府",
  };
  const count = (meaning: string, example: string): ColumnHelp => ({
    meaning, source: "12345平台统计，或任务窗格“导入工单明细”自动填写", example,
  });
  return {
    [SHEET.units]: {
      [LABEL.name]: { ...unitName, meaning: "一级承办单位名称（已预填附件1的全部单位）。" },
      [LABEL.type]: {
        meaning: "县区、市直或其他：决定月均办件量加分的门槛和类别内排名。",
        source: "附件1名单的分组",
        example: "县区",
      },
      [ALIAS_LABEL]: {
        meaning: "该单位的其他写法（可空）：多个用“、”或“，”分隔。热线数据、登记表、工单明细、便民化考核和涉及部门中的这些写法都按本单位计。常用简称已内置，无需填写。",
        source: "考核办",
        example: "市大数据局、数据局",
      },
    },
    [SHEET.hotline]: {
      [LABEL.name]: unitName,
      [LABEL.total]: count("考核期内派给该单位的工单件数；退单率、延期率的分母。无工单填0。", "1500"),
      [LABEL.due]: count("考核期内应办结的工单数；办结率的分母。", "1465"),
      [LABEL.onTime]: count("在办理时限内办结的工单数。", "1460"),
      [LABEL.returned]: count("退回热线中心的工单数。", "35"),
      [LABEL.extensions]: count("申请延期的工单数。", "16"),
      [LABEL.validCallbacks]: count("回访成功、群众作出评价的工单数；满意率的分母。", "1059"),
      [LABEL.satisfied]: count(`回访结果为${hotline.callbacks.satisfied.join("或")}的工单数。`, "977"),
      [LABEL.monthly]: {
        meaning: `每月平均办件量，用于加分（${volume}）。空白时按工单总量÷考核月数计算。`,
        source: "12345平台统计",
        example: "125",
      },
    },
    [SHEET.deductions]: registerHelp(rules, unitName, false),
    [SHEET.bonuses]: registerHelp(rules, unitName, true),
    [SHEET.approval]: approvalHelp(rules, unitName),
    [SHEET.params]: {
      [LABEL.param]: { meaning: "参数名称（请勿修改）。", source: "模板", example: "考核月数" },
      [LABEL.value]: { meaning: `参数的值（各行含义见“说明”列）；空白按内置${currentYear}年度办法的值。`, source: "考核办法、考核办通知", example: "12" },
      [LABEL.note]: { meaning: "参数的说明。", source: "模板", example: "" },
    },
    [SHEET.judgment]: judgmentHelp(rules.year, rules.hotline.source),
    ...methodHelp(rules),
  };
}

/** 扣分登记 / 加分登记's columns. */
function registerHelp(rules: RuleSet, unitName: ColumnHelp, bonus: boolean): Record<string, ColumnHelp> {
  const { hotline } = rules;
  const cases = (list: RuleSet["hotline"]["cases"], sign: string) =>
    list.map((c) => `${c.label}（${sign}${c.points}分/${c.per}）`).join("、");
  return {
    [LABEL.date]: {
      meaning: `${bonus ? "加分事项发生" : "事项经查实"}的日期，须在考核年度内。`,
      source: "日常考核记录",
      example: `${rules.year}-03-15`,
    },
    [LABEL.name]: unitName,
    [LABEL.item]: {
      meaning: `从下拉列表选择：${cases(bonus ? hotline.bonus.cases : hotline.cases, bonus ? "加" : "扣")}。`,
      source: bonus ? "群众表扬、锦旗、媒体采用、表彰的记录" : "工单核查、回访核实及日常工作配合记录",
      example: (bonus ? hotline.bonus.cases : hotline.cases)[0]?.label ?? "",
    },
    [LABEL.quantity]: { meaning: "件数或次数；空白按1计。", source: "同一单位同一事项的件（次）数", example: "3" },
    [LABEL.note]: {
      meaning: "工单编号或情况说明，供单位申诉时核对（不参与计算）。",
      source: "工单系统或记录",
      example: bonus ? "陕西日报刊发热线办理经验" : "工单AK202103150087等3件",
    },
  };
}

/** 便民化考核's columns: 事项1—N, the derived item's targets and parts, the evidence date, the results. */
function approvalHelp(rules: RuleSet, unitName: ColumnHelp): Record<string, ColumnHelp> {
  const { approval } = rules;
  const status = "填 完成、未完成 或 不涉及（从下拉列表选择）";
  const derivedNo = approval.items.find((i) => i.status === "derived")?.no;
  const partOf = derivedNo === undefined ? "分项" : `事项${derivedNo}的分项`;
  const partCount = approval.derived.targets.length + approval.derived.parts.length;
  const items = Object.fromEntries(approval.items.map((item): [string, ColumnHelp] => [itemLabel(item.no), {
    meaning: item.status === "derived"
      ? `事项${item.no}：${item.name}。右侧${partCount}个“事项${item.no}分项”都填写后由程序判断，也可直接${status}。`
      : `事项${item.no}：${item.name}。${status}；不在“涉及部门”内的部门已预填“不涉及”。`,
    source: item.status === "evidence"
      ? `印证资料报送市审改办的情况（截止${approval.evidenceDeadline}）`
      : "市行政审批服务局各审批科室赋分",
    example: "完成",
  }]));
  const targets = Object.fromEntries(approval.derived.targets.map((t): [string, ColumnHelp] => [t.label, {
    meaning: `${partOf}：${t.label}，填百分比；${t.minIncluded ? "不低于" : "高于"}${pct(t.min)}为达标。`,
    source: "政务服务能力提升“百日攻坚”行动统计",
    example: pct(t.min + 2),
  }]));
  const parts = Object.fromEntries(approval.derived.parts.map((p): [string, ColumnHelp] => [p.label, {
    meaning: `${partOf}：${p.label}。${status}。`,
    source: "“百日攻坚”行动任务完成情况",
    example: "完成",
  }]));
  const evidenceItems = approval.items.filter((i) => i.status === "evidence").map((i) => itemLabel(i.no)).join("、");
  return {
    [LABEL.name]: { ...unitName, meaning: "便民化考核的考核部门（已预填全部部门）。", source: "便民化考核办法“考核对象”" },
    ...items,
    ...targets,
    ...parts,
    [LABEL.evidenceDate]: {
      meaning: `${evidenceItems}印证资料报送市审改办的日期；晚于${approval.evidenceDeadline}的，相关事项视为未完成。`,
      source: "市审改办收文记录",
      example: `${rules.year}-12-20`,
    },
    [LABEL.deduction]: { meaning: "由“全部计算”填写：任一适用事项未完成扣分，否则为0。请勿手工填写。", source: "全部计算", example: "0.5" },
    [LABEL.explanation]: { meaning: "由“全部计算”填写：扣分依据。请勿手工填写。", source: "全部计算", example: "事项3未完成" },
  };
}

/** 工单研判's columns (spec I): the catalogue's words come from src/ledger. */
function judgmentHelp(year: number, methodSource: string): Record<string, ColumnHelp> {
  const from = "申诉材料、核查记录、二次回访记录";
  return {
    工单编号: { meaning: "被研判工单的编号，与工单明细一致（前后空格、全角数字字母不影响识别）。", source: "工单明细、工单核查", example: `AK${year}03150087` },
    承办单位: { meaning: "可空；填写时须是该工单的承办单位，用来发现填错的工单编号。", source: "工单明细", example: "汉滨区政府" },
    研判事项: {
      meaning: `从下拉列表选择：${JUDGMENT_KINDS.join("、")}。也可写常用说法（${Object.entries(JUDGMENT_SYNONYMS).map(([w, k]) => `${w}=${k}`).join("，")}）。`,
      source: "综合研判、申诉审核", example: "不合理诉求",
    },
    更正为: {
      meaning: "回访更正填二次回访的结果（满意、基本满意、不满意、拒访、无法联系、未回访）；重复工单填并入的工单编号；其他研判事项不填。",
      source: "二次回访记录、并单记录", example: "满意",
    },
    结论: { meaning: `${CONCLUSIONS.join("、")}；空白视为待定。只有“成立”改变计数，待定的在扣分说明中列出“若全部成立”的总分。`, source: "考核办决定", example: "成立" },
    提出日期: { meaning: "单位提出申诉或研判的日期；参数“申诉期限（天）”填写后，超过期限的标注“逾期提出”。", source: from, example: `${year}-04-06` },
    决定日期: { meaning: "作出结论的日期，不得早于提出日期；结论为成立或不成立时应填写。", source: "考核办决定", example: `${year}-04-12` },
    理由: { meaning: "研判的理由（不参与计算，供核对）。", source: from, example: "诉求人要求超出政策规定，属不合理诉求" },
    依据: { meaning: "政策或考核办法的依据（不参与计算）。", source: "考核办法、相关政策", example: `${methodSource}附件2` },
    经办人: { meaning: "经办或审核人（不参与计算）。", source: "热线中心", example: "张三" },
  };
}

const yesNo = "填“是”或“否”（从下拉列表选择）";

/** Help for the method sheets' columns (spec G): the office edits the method in these cells. */
function methodHelp(rules: RuleSet): Record<string, Record<string, ColumnHelp>> {
  const h = rules.hotline;
  const cat = h.categories[0];
  const rateItems = h.rates.map((r) => r.item).join("、");
  return {
    [METHOD_SHEET.hotline]: {
      [H.category]: {
        meaning: `扣分类别（如${h.categories.map((c) => c.name).join("、")}），或“${BONUS_CATEGORY}”。新增类别时12345热线考核表自动增加“类别名＋扣分”一列。`,
        source: "考核办法附件（考核表）", example: cat?.name ?? "工单办理",
      },
      [H.cap]: {
        meaning: `类别的分值（扣完为止），在该类别至少一行填写；各扣分类别之和须等于参数“总分”。${BONUS_CATEGORY}留空（上限见参数“加分上限”）。`,
        source: "考核办法附件（考核表）", example: String(cat?.cap ?? 30),
      },
      [H.item]: {
        meaning: `比率分档：${rateItems}之一；按件扣分、按件加分：事项名称（扣分登记、加分登记的“事项”从中选择）；办件量加分：${VOLUME_ITEM}。`,
        source: "考核办法", example: h.cases[0]?.label ?? "",
      },
      [H.scoring]: { meaning: `${Object.values(SCORING).join("、")}之一（从下拉列表选择）。`, source: "考核办法", example: SCORING.bands },
      [H.from]: {
        meaning: `比率分档：该档下限，写成 97% 或 97；办件量加分：月均办件量门槛（件）。其他计分方式留空。`,
        source: "考核办法", example: "97%",
      },
      [H.fromIncluded]: { meaning: `下限是否属于该档（“达到”为是，“超过”为否）。${yesNo}`, source: "考核办法", example: "是" },
      [H.to]: { meaning: "比率分档：该档上限，写成 98% 或 98。各档须恰好覆盖0%—100%。其他计分方式留空。", source: "考核办法", example: "98%" },
      [H.toIncluded]: { meaning: `上限是否属于该档（“低于”为否）。${yesNo}`, source: "考核办法", example: "否" },
      [H.points]: { meaning: "该档扣分，或每件（次）扣分、加分。", source: "考核办法", example: "15" },
      [H.unitType]: { meaning: "办件量加分适用的单位类别：县区、市直或其他；同一类别多行为分级，取达到的最高一级。", source: "考核办法", example: "县区" },
      [H.clause]: { meaning: "该规则的依据条款，写入每条扣分说明，供申诉核对。", source: "考核办法原文", example: h.cases[0]?.clause ?? "" },
    },
    [METHOD_SHEET.approval]: {
      [A.item]: { meaning: "事项1、事项2……依次编号；便民化考核表每个事项一列。", source: "便民化考核办法", example: "事项1" },
      [A.content]: { meaning: "考核内容。", source: "便民化考核办法", example: rules.approval.items[0]?.name ?? "" },
      [A.appliesTo]: {
        meaning: `涉及部门，以“、”“，”或“,”分隔；“${ALL_DEPARTMENTS}”表示便民化考核所列全部部门。简称和承办单位表“别名”中的名称都可以用。`,
        source: "便民化考核办法", example: "市委宣传部、市公安局",
      },
      [A.evidence]: {
        meaning: `是否须在参数“印证资料截止日期”前报送印证资料；晚于截止日期的，该事项视为未完成。${yesNo}`,
        source: "便民化考核办法", example: "是",
      },
      [A.clause]: { meaning: "该事项的依据条款，写入扣分说明。", source: "便民化考核办法原文", example: rules.approval.items[0]?.clause ?? "" },
      [A.derived]: {
        meaning: `是否由便民化考核表中的分项（${rules.approval.derived.targets.map((t) => t.label).join("、")}等）判定；只能有一个事项为“是”。${yesNo}`,
        source: "便民化考核办法", example: "否",
      },
    },
  };
}

/** The title rows, the band rows of 便民化考核, the 参数 notes and the name of a method the template writes. */
export const TMSG = {
  title: {
    units: (year: number) => `${year}年度12345便民服务平台一级承办单位名单`,
    hotline: (year: number) => `${year}年度12345热线工单数据（每个承办单位一行；月均办件量为空时按工单总量÷考核月数计算）`,
    deductions: (year: number) => `${year}年度12345热线扣分登记（每行一件经查实的事项；数量为空按1计）`,
    bonuses: (year: number) => `${year}年度12345热线加分登记（每行一件；数量为空按1计）`,
    params: "考核参数",
    judgment: (year: number) => `${year}年度工单研判与申诉登记（每行一项研判；结论为“成立”的在导入工单明细时计入，改动后请重新导入）`,
    judgmentSummary: (year: number) => `${year}年度工单研判汇总（“导入工单明细”自动生成）`,
    hotlineMethod: (year: number) => `${year}年度12345热线考核办法（每行一条计分规则；修改本表即修改考核办法，无需改程序）`,
    approvalMethod: (year: number) => `${year}年度审批服务便民化考核办法（每行一个事项）`,
  },
  /** 参数 without method sheets: 考核年度 picks a built-in method. */
  paramYearNote: (known: readonly number[]) => `选用哪一年度的考核规则（目前提供：${known.join("、")}）`,
  monthsNote: "月均办件量为空时，按“工单总量÷考核月数”计算（1—12）",
  appealDaysNote: "单位对工单提出申诉或研判的期限：派单当月月底后的天数（空白为不限）；超过期限提出的研判标注“逾期提出”，但仍按结论执行",
  bandItems: (items: number) => `考核内容：事项1—${items}的完成情况（完成 / 未完成 / 不涉及）`,
  bandDerivedParts: (no: number) => `事项${no}的分项（都填写后由程序判断事项${no}是否完成）`,
  methodName: (rules: RuleSet) => `${rules.year}年度考核办法（${rules.hotline.source}）`,
} as const;

/** The 说明 of each 参数 row (spec G). */
export function paramNotes(rules: RuleSet, builtInYears: readonly number[]): Readonly<Record<string, string>> {
  return {
    [P.name]: "结果表标题行注明的考核办法名称",
    [P.year]: `考核年度；工作簿有“考核办法”“便民化考核办法”时只作标签，没有时选用内置办法（目前提供：${builtInYears.join("、")}）`,
    [P.months]: TMSG.monthsNote,
    [P.total]: "满分；各扣分类别的类别分值之和须等于总分",
    [P.vetoCap]: "便民化考核任一适用事项未完成时扣的分数（一票否决，按上限扣分）",
    [P.evidenceDeadline]: "须报送印证资料的事项，晚于此日期报送视为未完成",
    [P.basicSatisfied]: "回访结果“基本满意”是否计为满意（是/否）",
    [P.percentDecimals]: "比率比较前保留的小数位（百分数）；空白为不取整",
    [P.bonusCap]: "加分上限；空白为不封顶",
    ...Object.fromEntries(rules.approval.derived.targets.map((t) => [`${t.label}不低于`, `事项分项“${t.label}”的达标线（含）`])),
  };
}

/** 填写说明: the title, the steps and the headings of its two tables. */
export const GUIDE = {
  title: (year: number) => `${year}年度考核工作簿填写说明`,
  stepsHeading: "一、工作步骤",
  steps: [
    "1. 准备模板：在任务窗格点“创建/补全模板”，补齐缺少的工作表和表头（不会改动已填写的内容）。",
    "2. 导入工单明细：在任务窗格“导入工单明细”中选择12345平台导出的工单明细（CSV 或 .xlsx），自动填写“热线数据”；也可以直接在“热线数据”中填写各单位的统计数。",
    "3. 登记扣分、加分：在“扣分登记”“加分登记”中每行登记一件经查实的事项，事项从下拉列表选择；在“便民化考核”中填写各部门各事项及其分项的完成情况。",
    "4. 全部计算：在任务窗格点“全部计算”。结果写入“12345热线考核表”和“便民化考核”的扣分、扣分说明列；发现的问题列在“校验”表中，点问题可跳到对应单元格。",
    "研判与申诉：单位对某件工单有异议时，在“工单研判”中登记（研判事项、结论从下拉列表选择），然后重新导入工单明细；结论为“成立”的研判按规定调整该工单的计数，扣分说明会写明研判前后的数字。",
    "5. 处理“校验”中的错误后再点一次“全部计算”，直到结果表标题不再显示“草稿”。",
    "6. 打印、导出：“12345热线考核表”已设为A4横向、每页重复标题和表头、页脚注明页码，可直接打印或另存为PDF；发送给考核办之前点“定稿”，把考核公式转换为数值。",
    "考核办法在“考核办法”“便民化考核办法”和“参数”表中：新年度办法有变化（档次、分值、类别、事项、涉及部门、截止日期）时直接修改这些单元格，不需要改程序；办法有误时“全部计算”不计分，并在“校验”表中逐格说明。",
    "把鼠标停在任一表头上，可看到该列的含义、来源和示例（下表列出同样的内容）。",
  ],
  sheetsHeading: "二、各工作表的用途",
  sheetLabels: ["工作表", "用途", "由谁填写"],
  sheets: [
    [SHEET.units, "参加12345热线考核的承办单位及其类别（已预填）", "一般无需改动"],
    [SHEET.hotline, "各承办单位考核期内的工单统计数", "导入工单明细自动填写，或手工填写"],
    [SHEET.deductions, "经查实的扣分事项，每行一件", "热线中心"],
    [SHEET.bonuses, "加分事项，每行一件", "热线中心"],
    [SHEET.approval, "审批服务便民化（一票否决）各事项完成情况；右侧两列为计算结果", "各审批科室、市审改办"],
    [SHEET.result, "12345热线考核结果（正式考核表），按排名排列", "“全部计算”自动生成，请勿手工修改"],
    [SHEET.checks, "计算时发现的问题，及处理办法", "“全部计算”自动生成"],
    [SHEET.judgment, "对单件工单的综合研判和申诉决定（不合理诉求、退单合理、派单错误等），每行一项；结论为“成立”的计入统计", "热线中心、考核办"],
    [SHEET.judgmentSummary, "各单位各研判事项的成立、不成立、待定件数，以及研判前后的工单数据", "“导入工单明细”自动生成"],
    [SHEET.params, "考核年度、考核月数和考核办法的参数（总分、一票否决扣分、印证资料截止日期等）", "按考核办法和考核办通知填写"],
    [METHOD_SHEET.hotline, "12345热线考核办法：每行一条计分规则（档次、每件扣分、加分）；新年度的办法在此修改", "考核办（按当年印发的考核办法）"],
    [METHOD_SHEET.approval, "审批服务便民化考核办法：每行一个事项及其涉及部门", "考核办（按当年印发的考核办法）"],
  ] as readonly (readonly string[])[],
  columnsHeading: "三、各列说明",
  columnLabels: ["工作表", "列", "含义", "来源", "示例"],
} as const;
