import type { UnitType } from "../types";

/**
 * The organisations named by 安行审函〔2021〕73号: the 77 first-level undertaking units of the 12345
 * platform (附件1) and the 37 departments assessed for 审批服务便民化 (考核对象).
 * `hotline`: listed in 附件1. `approvalName`: the spelling used by the 便民化 method, when assessed there.
 */
export interface OrganizationRow {
  readonly name: string;
  readonly type: UnitType;
  readonly hotline: boolean;
  readonly approvalName?: string;
  readonly aliases?: readonly string[];
  /** The office's own spellings (a 别名 cell of the workbook's 承办单位), as written; none for built-in rows. */
  readonly officeAliases?: readonly string[];
}

export const COUNTY_NAMES: readonly string[] = [
  "汉滨区", "汉阴县", "石泉县", "宁陕县", "紫阳县", "岚皋县", "平利县", "镇坪县", "旬阳市", "白河县",
];

const counties: OrganizationRow[] = COUNTY_NAMES.map((county) => ({
  name: `${county}政府`,
  type: "县区",
  hotline: true,
  // 旬阳县 became 旬阳市 in 2021; both spellings are accepted (spec A).
  aliases: county === "旬阳市" ? [county, "旬阳县", "旬阳县政府", "旬阳县人民政府", "旬阳市人民政府"] : [county, `${county}人民政府`],
}));

const hotline = (name: string, type: UnitType, aliases: string[] = [], approvalName?: string): OrganizationRow => ({
  name, type, hotline: true, aliases, approvalName,
});

/** 附件1, in its order after 各县（市、区）政府. */
const namedUnits: OrganizationRow[] = [
  hotline("安康高新技术产业开发区管理委员会", "县区", ["高新区", "安康高新区", "高新区管委会", "安康高新技术产业开发区"]),
  hotline("安康瀛湖生态旅游区管理委员会", "县区", ["瀛湖生态旅游区", "瀛湖旅游区", "瀛湖生态旅游区管委会", "安康瀛湖生态旅游区"]),
  hotline("安康市恒口示范区（试验区）管理委员会", "县区", ["恒口示范区", "恒口示范区（试验区）", "恒口示范区管委会", "安康市恒口示范区"]),
  hotline("市教育体育局", "市直", [], "市教体局"),
  hotline("市科学技术局", "市直", [], "市科技局"),
  hotline("市公安局", "市直", [], "市公安局"),
  hotline("市民政局", "市直", [], "市民政局"),
  hotline("市司法局", "市直", [], "市司法局"),
  hotline("市审计局", "市直"),
  hotline("市人力资源和社会保障局", "市直", [], "市人社局"),
  hotline("市生态环境局", "市直", [], "市生态环境局"),
  hotline("市城市管理执法局", "市直", [], "市城管局"),
  hotline("市卫生健康委员会", "市直", [], "市卫健委"),
  hotline("市统计局", "市直", [], "市统计局"),
  hotline("市信访局", "市直"),
  hotline("市退役军人事务局", "市直", [], "市退役军人事务局"),
  hotline("市应急管理局", "市直", [], "市应急管理局"),
  hotline("市医疗保障局", "市直", [], "市医保局"),
  hotline("市行政审批服务局", "市直", ["市审批服务局"]),
  hotline("市地方志办公室", "市直", ["市地方志办"]),
  hotline("市富硒产业发展办公室", "市直", ["市富硒办"]),
  hotline("市金融工作办公室", "市直", [], "市金融办"),
  hotline("市发展和改革委员会", "市直", [], "市发改委"),
  hotline("市工业和信息化局", "市直", ["市工信局"]),
  hotline("市财政局", "市直", [], "市财政局"),
  hotline("市自然资源局", "市直", [], "市自然资源局"),
  hotline("市住房和城乡建设局", "市直", [], "市住建局"),
  hotline("市交通运输局", "市直", [], "市交通运输局"),
  hotline("市水利局", "市直", [], "市水利局"),
  hotline("市农业农村局", "市直", [], "市农业农村局"),
  hotline("市林业局", "市直", [], "市林业局"),
  hotline("市乡村振兴局", "市直"),
  hotline("市商务局", "市直", [], "市商务局"),
  hotline("市文化和旅游广电局", "市直", [], "市文旅广电局"),
  hotline("市市场监督管理局", "市直", [], "市市场监管局"),
  hotline("市招商和经济合作局", "市直", ["市招商局"]),
  hotline("市供销合作社", "市直", ["市供销社"]),
  hotline("市税务局", "市直", [], "市税务局"),
  hotline("市养老保险经办处", "市直", [], "市养老保险经办处"),
  hotline("市气象局", "市直", [], "市气象局"),
  hotline("市住房公积金经办中心", "市直"),
  hotline("安康银保监分局", "其他"),
  hotline("人行安康市中心支行", "其他"),
  hotline("国网安康供电公司", "其他", [], "国网安康供电公司"),
  hotline("安康中心城市建设投资开发公司", "其他"),
  hotline("安康水务（集团）有限公司", "其他"),
  hotline("市烟草专卖局", "市直", [], "市烟草专卖局"),
  hotline("市邮政管理局", "市直", [], "市邮政管理局"),
  hotline("安康水力发电厂", "其他"),
  hotline("工行安康分行", "其他"),
  hotline("建行安康分行", "其他"),
  hotline("中行安康分行", "其他"),
  hotline("农行安康分行", "其他"),
  hotline("农发行安康分行", "其他"),
  hotline("邮政储蓄银行安康市分行", "其他"),
  hotline("省信用联社安康审计中心", "其他"),
  hotline("长安银行安康分行", "其他"),
  hotline("寿险安康分公司", "其他"),
  hotline("财险安康分公司", "其他"),
  hotline("邮政安康分公司", "其他"),
  hotline("电信安康分公司", "其他"),
  hotline("移动安康分公司", "其他"),
  hotline("联通安康分公司", "其他"),
  hotline("中石油安康分公司", "其他"),
  hotline("广电网络安康分公司", "其他"),
  hotline("陕西交建集团安川分公司", "其他"),
  hotline("陕西高速集团白泉分公司", "其他"),
];

/** 考核对象 of the 便民化 method that are not 12345 undertaking units. */
const approvalOnly: OrganizationRow[] = [
  { name: "市委宣传部", type: "市直", hotline: false, approvalName: "市委宣传部" },
  { name: "市委统战部", type: "市直", hotline: false, approvalName: "市委统战部" },
  // The document writes 市档案馆 among 考核对象 and 市档案局 under item 6: one unit (spec C).
  { name: "市档案馆", type: "市直", hotline: false, approvalName: "市档案馆", aliases: ["市档案局"] },
  { name: "市残联", type: "市直", hotline: false, approvalName: "市残联", aliases: ["市残疾人联合会"] },
  { name: "市国安局", type: "市直", hotline: false, approvalName: "市国安局", aliases: ["市国家安全局"] },
  { name: "市消防救援支队", type: "市直", hotline: false, approvalName: "市消防救援支队" },
];

export const ORGANIZATIONS_2021: readonly OrganizationRow[] = [...counties, ...namedUnits, ...approvalOnly];

/** 便民化 考核对象, in the document's order (一、考核对象). */
export const APPROVAL_DEPARTMENTS_2021: readonly string[] = [
  "市委宣传部", "市委统战部", "市档案馆", "市残联", "市公安局", "市发改委", "市财政局", "市统计局", "市教体局",
  "市科技局", "市司法局", "市人社局", "市民政局", "市住建局", "市卫健委", "市市场监管局", "市商务局", "市城管局",
  "市交通运输局", "市自然资源局", "市生态环境局", "市农业农村局", "市水利局", "市林业局", "市文旅广电局",
  "市应急管理局", "市医保局", "市退役军人事务局", "市金融办", "市税务局", "市国安局", "市气象局", "市邮政管理局",
  "市养老保险经办处", "市消防救援支队", "市烟草专卖局", "国网安康供电公司",
];
