/** Every text of the documents the office issues (月度通报, 报告) and of their 参数 rows: one catalogue. */

export const DOC_MSG = {
  draft: "（草稿）",
  bulletinTitleDefault: "安康市12345政务服务便民热线工单办理情况通报（{年}年第{月}期）",
  reportTitle: (year: number) => `关于报送${year}年度12345热线工单办理情况及审批服务便民化工作考核结果的报告`,
  issuerDefault: "安康市行政审批服务局",
  recipientDefault: "市考核办",
  date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
  monthName: (y: number, m: number) => `${y}年${m}月`,

  // 月度通报
  opening: (y: number, m: number, units: number, orders: number, rates: string) =>
    `${y}年${m}月，全市12345政务服务便民热线向${units}个承办单位派发工单${orders}件，${rates}。现将各单位工单办理情况通报如下。`,
  openingRates: (onTime: string, returned: string, extended: string, satisfied: string) =>
    `按期办结率${onTime}，退单率${returned}，延期率${extended}，回访满意率${satisfied}`,
  noRate: "—（无可计算的工单）",
  change: (parts: readonly string[]) => `与上月相比，${parts.join("，")}。`,
  ordersChange: (diff: number) => (diff === 0 ? "工单总量持平" : `工单总量${diff > 0 ? "增加" : "减少"}${Math.abs(diff)}件`),
  rateChange: (name: string, points: number) =>
    points === 0 ? `${name}持平` : `${name}${points > 0 ? "上升" : "下降"}${Math.abs(points).toFixed(2)}个百分点`,
  rateNames: { onTime: "按期办结率", returned: "退单率", extended: "延期率", satisfied: "回访满意率" },
  headingRanking: "一、各单位工单办理情况",
  headingRed: "二、红榜",
  headingBlack: "三、黑榜",
  headingNoOrders: "四、本月无工单的单位",
  headingPending: "五、其他事项",
  categoryTable: (index: number, type: string, count: number) =>
    `（${"一二三四五六七八九十"[index] ?? index + 1}）${type}单位${count}个，按月度得分排名如下：`,
  tableColumns: ["序号", "单位名称", "工单总量", "按期办结率", "退单率", "延期率", "满意率", "月度得分", "排名", "较上月"] as const,
  redIntro: (n: number) => `各类别月度得分前${n}名（得分相同的并列，一并列入）：`,
  blackIntro: (n: number, all: boolean) =>
    `${all ? "全部单位中" : "各类别"}月度得分后${n}名（不含红榜单位；得分相同的并列，一并列入）：`,
  blackNone: "本期不设黑榜（参数“黑榜人数”为0）。",
  listLine: (group: string, entries: readonly string[]) => `${group}：${entries.length > 0 ? entries.join("、") : "无"}。`,
  listEntry: (name: string, score: string) => `${name}（${score}分）`,
  listEntryAll: (name: string, type: string, score: string) => `${name}（${type}，${score}分）`,
  allUnits: "全部单位",
  noOrders: (names: readonly string[]) => `本月无工单（不参加排名，不列入红榜、黑榜）：${names.join("、")}。`,
  noOrdersNone: "本月各单位均有工单。",
  notScored: (names: readonly string[]) => `有工单但未计分（数据有误，见“校验”表）：${names.join("、")}。`,
  pending: (n: number, units: readonly string[]) =>
    `本月尚有待定研判${n}件：${units.join("、")}（见“工单研判”表）；待定研判不改变本通报的得分，决定后以重新计算的结果为准。`,
  pendingUnit: (name: string, n: number) => `${name}待定${n}件`,
  pendingNotByMonth: (n: number) =>
    `“工单研判”中尚有待定研判${n}件（各月合计，非本月件数）：“月度考核”由旧版本导入，没有“待定研判”列，无法得出本月的待定研判；重新导入工单明细后再生成通报，即列出本月有待定研判的单位。待定研判不改变本通报的得分。`,
  pendingNone: "本月无待定研判。",
  draftNote: (n: number, sheets: readonly string[]) =>
    `草稿：尚有${n}个问题未解决（见${sheets.map((s) => `“${s}”`).join("、")}表），本通报的数字可能变化，解决后请重新生成。`,
  changeNew: "新",
  changeSame: "—",
  changeUp: (n: number) => `↑${n}`,
  changeDown: (n: number) => `↓${n}`,

  // 报告
  reportBody: {
    opening: (year: number, method: string) =>
      `根据${year}年度考核工作安排，我局按“${method}”完成了${year}年度12345热线工单办理情况考核和审批服务便民化工作考核，现将考核结果报告如下。`,
    headingHotline: "一、12345热线工单办理情况考核",
    units: (total: number, scored: number, notScored: readonly string[]) =>
      `参加考核单位${total}个，已计分${scored}个` +
      (notScored.length > 0 ? `；未计分${notScored.length}个：${notScored.join("、")}` : "") + "。",
    stats: (high: string, low: string, avg: string) => `最高分${high}分，最低分${low}分，平均分${avg}分。`,
    top: (entries: readonly string[]) => `得分最高的单位：${entries.join("、")}。`,
    bottom: (entries: readonly string[]) => `得分最低的单位：${entries.join("、")}。`,
    nothingScored: "本年度尚无单位计分。",
    headingVeto: "二、审批服务便民化工作考核（一票否决）",
    veto: (total: number, vetoed: number) => `考核部门${total}个，因适用事项未完成扣分的部门${vetoed}个。`,
    vetoLine: (name: string, items: string, points: string) => `${name}：未完成${items}，扣${points}分。`,
    vetoNone: "各部门适用事项均已完成，无扣分。",
    vetoNoneFailed: "其余部门填写的适用事项均为完成，无扣分。",
    vetoUnconfirmed: (entries: readonly string[]) =>
      `${entries.length}个部门的适用事项未填写完成情况（空白或填“不涉及”），按“不涉及”处理、未计扣分，请核实：${entries.join("、")}。`,
    vetoUnconfirmedEntry: (name: string, items: string) => `${name}（${items}）`,
    unconfirmedOpen: (departments: number) =>
      `审批服务便民化工作考核中有${departments}个部门的适用事项未填写完成情况，按“不涉及”处理（见“校验”表的警告），其扣分可能变化。`,
    vetoNotAssessed: "本次只导入了工单明细，没有考核工作簿中的便民化考核完成情况：审批服务便民化工作考核未计算，须在考核工作簿中填写后重新生成。",
    vetoNotJudged: (names: readonly string[]) => `未能判定的部门（数据有误或缺少数据，见“校验”表）：${names.join("、")}。`,
    headingOpen: "三、需要说明的事项",
    pending: (n: number) => `尚有待定研判${n}件（见“工单研判”表），其结论可能改变有关单位的得分。`,
    problems: (n: number) => `“校验”表中尚有${n}个问题未解决。`,
    draft: "以上事项解决前，本报告为草稿，结果可能变化。",
    clean: "考核数据已全部校验，无待定研判。",
    attachments: "附件：1. 12345热线工单办理情况考核表\n      2. 审批服务便民化工作考核结果",
    recipient: (r: string) => `${r}：`,
  },
  attachment1: "附件1",
  attachment1Title: (year: number) => `${year}年度12345热线工单办理情况考核表`,
  attachment1Notes: "扣分说明",
  attachment2: "附件2",
  attachment2Title: (year: number) => `${year}年度审批服务便民化工作考核结果`,
  vetoColumns: ["序号", "部门", "涉及事项", "未完成事项", "扣分", "扣分说明"] as const,
  items: (nos: readonly number[]) => (nos.length === 0 ? "无" : nos.map((n) => `事项${n}`).join("、")),
  notJudged: "未判定",
  unconfirmedItems: (failed: string, blank: string) => `${failed}；未填写：${blank}（按不涉及处理）`,
  entryScore: (name: string, score: string) => `${name}（${score}分）`,
  pageNumber: ["— ", " —"] as const,
} as const;

/** The 参数 rows of the documents (spec J), their defaults' wording and the problems of their values. */
export const DOC_PARAM_MSG = {
  notes: {
    title: "月度通报的标题；{年}、{月}替换为通报的年份和月份",
    red: "红榜：每个单位类别月度得分前几名（1—99；并列的一并列入）",
    black: "黑榜：月度得分后几名（0—99，0为不设黑榜；不含红榜单位，并列的一并列入）",
    blackScope: "黑榜范围：“分类”为每个单位类别各取后几名，“全部”为全部单位合并取后几名",
    issuer: "通报、报告落款的发文单位",
    date: "通报、报告的落款日期；空白为生成当天",
    recipient: "报告的主送机关",
  },
  badCount: (name: string, value: unknown, min: number) => `参数“${name}”的值“${String(value)}”无法识别：应为${min}—99的整数。已按默认值处理。`,
  badScope: (value: unknown) => `参数“黑榜范围”的值“${String(value)}”无法识别：应为“分类”或“全部”。已按“分类”处理。`,
  badDate: (value: unknown) => `参数“通报日期”的值“${String(value)}”无法识别：应为日期，如 2021-04-05。已按生成当天处理。`,
  badTitle: (value: unknown, token: string) =>
    `参数“通报标题”的值“${String(value)}”中的“${token}”无法识别：只能使用{年}和{月}。已按默认标题处理。`,
  badText: (name: string, value: unknown) => `参数“${name}”的值“${String(value)}”应为文字。已按默认值处理。`,
} as const;

/** Problems when a document cannot be written. */
export const DOC_ERR = {
  monthNotHeld: (month: string, held: readonly string[]) =>
    held.length === 0
      ? `月度考核中没有${month}的数据：该工作簿的“月度考核”表没有任何月份的工单（请先用 --ledger 导入工单明细）。`
      : `月度考核中没有${month}的数据：它只有${held.join("、")}。请选择其中一个月份。`,
  noMonthsHeld: "“月度考核”表没有任何月份的工单：月度通报来自月度考核，请先导入工单明细（--ledger，或任务窗格“导入工单明细”）。",
  noMonthly: "工作簿中没有“月度考核”表：月度通报来自月度考核，请先导入工单明细（--ledger，或任务窗格“导入工单明细”）。",
  badMonth: (text: string) => `“${text}”不是月份：--bulletin 应写作 2021-03。`,
} as const;
