/** Every message about a method sheet (spec G), in one catalogue. `at` names the header or 参数 row. */
import { show } from "../../engine";

export const MMSG = {
  missingSheet: (sheet: string, other: string) => `缺少工作表“${sheet}”：工作簿有“${other}”时也须有“${sheet}”（两张办法表一起使用）。`,
  missingHeader: (sheet: string, labels: readonly string[]) => `工作表“${sheet}”缺少表头：${labels.map((l) => `“${l}”`).join("、")}。`,
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
  unknownScoring: (v: unknown, allowed: readonly string[]) => `计分方式${show(v)}无法识别：应为${allowed.map((a) => `“${a}”`).join("、")}之一。`,
  scoringInBonus: (v: unknown) => `类别“加分项”的计分方式${show(v)}无效：加分项只能是“按件加分”或“办件量加分”。`,
  scoringOutsideBonus: (v: unknown) => `计分方式${show(v)}只能用于类别“加分项”。`,
  unknownRate: (v: unknown, allowed: readonly string[]) => `比率分档的项目${show(v)}无法识别：应为${allowed.map((a) => `“${a}”`).join("、")}之一。`,
  rateInTwoCategories: (item: string, first: string) => `比率“${item}”已在类别“${first}”中分档：一个比率只能属于一个类别。`,
  capConflict: (category: string, v: unknown, first: number) => `类别“${category}”的类别分值${show(v)}与前面填写的${first}不同：一个类别只能有一个分值。`,
  capMissing: (category: string) => `类别“${category}”没有填写类别分值：应在该类别至少一行填写（扣完为止的上限）。`,
  capsSum: (sum: number, total: number, caps: readonly string[]) =>
    `各扣分类别的类别分值合计${sum}分（${caps.join("、")}），不等于总分${total}分（参数“总分”）。`,
  bonusCapDiffers: (v: unknown, cap: string) => `加分项的类别分值${show(v)}与参数“加分上限”（${cap}）不同：加分项行的类别分值应留空。`,
  duplicateCase: (item: string, first: string) => `事项“${item}”已在${first}定义：一个事项只能有一行。`,
  caseNameTaken: (name: string, first: string) => `事项名“${name}”已在${first}使用：扣分登记、加分登记的事项名不能指向两条规则。`,
  volumeItem: (v: unknown) => `办件量加分的项目${show(v)}无效：应为“月均办件量”。`,
  volumeUpper: () => "办件量加分行的上限、含上限应留空（下限为月均办件量门槛）。",
  unitType: (v: unknown) => `适用单位类别${show(v)}无效：应为“县区”“市直”“其他”之一。`,
  bandsNone: (item: string) => `比率“${item}”没有分档行。`,
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
} as const;
