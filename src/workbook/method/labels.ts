/** The method sheets of spec G: sheet names, header labels, 计分方式 words and 参数 rows (a contract, as in spec E). */

export const METHOD_SHEET = { hotline: "考核办法", approval: "便民化考核办法" } as const;

export const HOTLINE_METHOD_LABEL = {
  category: "类别",
  cap: "类别分值",
  item: "项目",
  scoring: "计分方式",
  from: "下限",
  fromIncluded: "含下限",
  to: "上限",
  toIncluded: "含上限",
  points: "分值",
  unitType: "适用单位类别",
  clause: "依据",
} as const;

export const APPROVAL_METHOD_LABEL = {
  item: "事项",
  content: "内容",
  appliesTo: "涉及部门",
  evidence: "需报送印证资料",
  clause: "依据",
  /** Optional: marks the item whose status is derived from its parts. */
  derived: "由分项判定",
} as const;

export const SCORING = { bands: "比率分档", caseDeduct: "按件扣分", caseBonus: "按件加分", volume: "办件量加分" } as const;
export type Scoring = (typeof SCORING)[keyof typeof SCORING];

/** 类别 of the bonus rows. */
export const BONUS_CATEGORY = "加分项";
/** 项目 of the 办件量加分 rows. */
export const VOLUME_ITEM = "月均办件量";
/** 涉及部门 meaning every department of 便民化考核. */
export const ALL_DEPARTMENTS = "全部";
/** The 承办单位 column of the office's own aliases (spec E). */
export const ALIAS_LABEL = "别名";

/** 参数 rows of the method (spec G), each optional. */
export const METHOD_PARAM = {
  name: "办法名称",
  year: "考核年度",
  months: "考核月数",
  total: "总分",
  vetoCap: "一票否决扣分",
  evidenceDeadline: "印证资料截止日期",
  basicSatisfied: "基本满意计为满意",
  percentDecimals: "比率保留小数位",
  bonusCap: "加分上限",
  timeCut: "减时间比例不低于",
  oneTrip: "最多跑一次占比不低于",
  instant: "即办事项占比不低于",
  online: "网上可办率不低于",
  fullOnline: "全程网办率不低于",
} as const;
