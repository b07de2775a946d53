/*
 * What Excel shows for each ASSESS.* function (functions.json: the function's description and its parameters'),
 * written from a rule set: band text and points, case points, caps and thresholds come from the rules, never from
 * literals. The build applies it to the metadata that custom-functions-metadata-plugin generates from the JSDoc
 * (webpack.config.js), with the built-in method. A workbook's own method rules the results; the descriptions name
 * the built-in method's values as the default.
 */
import { derivedItem, formatPoints, ruleSet, type Band, type CaseRule, type RateRule, type RuleSet } from "../engine";

export interface FunctionText {
  readonly description: string;
  /** Parameter descriptions by parameter name (only those that carry rule values). */
  readonly parameters?: Readonly<Record<string, string>>;
}

const pts = (n: number) => formatPoints(n);
const bandText = (b: Band) => `${b.text}${b.points === 0 ? "不扣分" : `扣${pts(b.points)}分`}`;
const bands = (rule: RateRule) => rule.bands.map(bandText).join("，");
const perCase = (c: CaseRule) => `${c.label}${pts(c.points)}分/${c.per}`;
const SOURCE = "工作簿有“考核办法”等办法表时按其计分";

function find<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  return list.find((x) => x.id === id);
}

type Texts = Record<string, FunctionText>;
type Hotline = RuleSet["hotline"];
type Approval = RuleSet["approval"];
type ParamSpec = readonly (readonly [string, string, string])[];

const caseParams = (ids: ParamSpec, list: readonly CaseRule[]) =>
  Object.fromEntries(ids.flatMap(([id, param, meaning]) => {
    const c = find(list, id);
    return c ? [[param, `${meaning}（${pts(c.points)}分/${c.per}）`]] : [];
  }));

function rateTexts(h: Hotline, builtIn: string): Texts {
  const out: Texts = {};
  const rateFn = (fn: string, id: string) => {
    const rule = find(h.rates, id);
    if (!rule) return;
    const cat = find(h.categories, rule.category);
    const name = cat && cat.name !== rule.item && !cat.name.endsWith(rule.item) ? `${cat.name}·${rule.item}` : (cat?.name ?? rule.item);
    out[fn] = { description: `${name}扣分（${builtIn}）：${bands(rule)}。${SOURCE}。` };
  };
  rateFn("HOTLINE_COMPLETION_DEDUCT", "completion");
  rateFn("HOTLINE_RETURN_DEDUCT", "returned");
  rateFn("HOTLINE_EXTENSION_DEDUCT", "extension");
  rateFn("HOTLINE_SATISFACTION_DEDUCT", "satisfaction");
  return out;
}

function categoryTexts(h: Hotline, builtIn: string): Texts {
  const out: Texts = {};
  const categoryFn = (fn: string, id: string, rateIds: readonly string[], params: ParamSpec) => {
    const c = find(h.categories, id);
    if (!c) return;
    const parts = [
      ...h.rates.filter((r) => r.category === id && rateIds.includes(r.id)).map((r) => `${r.item}分档扣分（${bands(r)}）`),
      ...h.cases.filter((k) => k.category === id).map(perCase),
    ];
    out[fn] = {
      description: `${c.name}类扣分（上限${pts(c.cap)}分，扣完为止；${builtIn}）：${parts.join("；")}。${SOURCE}。`,
      parameters: caseParams(params, h.cases),
    };
  };
  categoryFn("HOTLINE_HANDLING_DEDUCT", "handling", ["completion"], [
    ["notContacted", "not_contacted", "未第一时间联系诉求人件数"], ["feedbackFalse", "feedback_false", "反馈内容与实际不符件数"],
    ["feedbackPoor", "feedback_poor", "反馈内容不规范、过于简单或不完整件数"],
  ]);
  categoryFn("HOTLINE_COOPERATION_DEDUCT", "cooperation", [], [
    ["knowledgeBase", "knowledge_base", "知识库未按时更新次数"], ["dutyRoster", "duty_roster", "节假日值班表未按时报送次数"],
    ["leaderDay", "leader_day", "推脱领导接话日活动次数"], ["whistle", "whistle", "吹哨报到响应不及时次数"],
    ["training", "training", "未按邀请参加业务培训次数"], ["shirking", "shirking", "无理由推诿件数"],
  ]);
  return out;
}

const bonusCapText = (h: Hotline) => (h.bonus.cap === null ? "加分不封顶" : `加分上限${pts(h.bonus.cap)}分`);

function bonusText(h: Hotline, builtIn: string): FunctionText {
  const tiers = h.bonus.volume.map((t) => `${t.type}${t.included ? "达到" : "超过"}${pts(t.over)}件加${pts(t.points)}分`);
  return {
    description: `加分项（${builtIn}）：月均办件量${tiers.join("、")}（取最高一档）；${h.bonus.cases.map((c) => c.label + "加" + pts(c.points) + "分/" + c.per).join("，")}；${bonusCapText(h)}。${SOURCE}。`,
    parameters: {
      monthly_average: `月平均办件量（${tiers.join("、")}）`,
      ...caseParams([
        ["praise", "praises", "群众来电来信表扬件数"], ["banner", "banners", "收到群众锦旗次数"],
        ["mediaNational", "media_national", "被国家级新闻媒体采用次数"], ["mediaProvincial", "media_provincial", "被省级新闻媒体采用次数"],
        ["mediaCity", "media_city", "被市级新闻媒体采用次数"], ["honorNational", "honor_national", "受国务院及国家部委表彰次数"],
        ["honorProvincial", "honor_provincial", "受省政府及省级单位表彰次数"], ["honorCity", "honor_city", "受市委、市政府表彰次数"],
      ], h.bonus.cases),
    },
  };
}

function scoreText(h: Hotline, builtIn: string): FunctionText {
  const scoreParams: [string, string][] = [["handling", "handling"], ["returned", "returned"], ["extension", "extension"],
    ["satisfaction", "satisfaction"], ["cooperation", "cooperation"]];
  return {
    description: `12345热线考核总分（${builtIn}）：${pts(h.totalPoints)}分减各类扣分（${h.categories.map((c) => `${c.name}${pts(c.cap)}分`).join("、")}，各自扣完为止）加加分（${bonusCapText(h)}）。${SOURCE}。`,
    parameters: Object.fromEntries(scoreParams.flatMap(([param, id]) => {
      const c = find(h.categories, id);
      return c ? [[param, `${c.name}扣分（上限${pts(c.cap)}分）`]] : [];
    })),
  };
}

const TARGET_PARAMS: Readonly<Record<string, string>> = {
  timeCut: "time_cut", oneTrip: "one_trip", instant: "instant", online: "online", fullOnline: "full_online",
};
const TARGET_MEANINGS: Readonly<Record<string, string>> = {
  timeCut: "平均“减时间”比例", oneTrip: "“最多跑一次”占比", instant: "即办事项占比", online: "行政许可类事项网上可办率", fullOnline: "全程网办率",
};
const atLeast = (min: number, included: boolean) => `${included ? "不低于" : "高于"}${pts(min)}%`;

function targetsText(a: Approval, builtIn: string): FunctionText {
  const derived = derivedItem(a);
  return {
    description: `${derived ? `事项${derived.no}（${derived.name}）` : "由分项判定的事项"}的指标是否全部达标（${builtIn}）：${a.derived.targets.map((t) => `${t.label}${atLeast(t.min, t.minIncluded)}`).join("、")}。${SOURCE}。`,
    parameters: Object.fromEntries(a.derived.targets.flatMap((t) =>
      TARGET_PARAMS[t.id] ? [[TARGET_PARAMS[t.id], `${TARGET_MEANINGS[t.id] ?? t.label}（${atLeast(t.min, t.minIncluded)}）`]] : [])),
  };
}

function appliesText(a: Approval, builtIn: string): FunctionText {
  const [firstItem, lastItem] = [a.items[0]?.no, a.items[a.items.length - 1]?.no];
  return {
    description: `考核事项是否适用于该部门（考核办法“涉及部门”；${builtIn}有事项${firstItem}—事项${lastItem}）。${SOURCE}。`,
    parameters: { item: `考核事项序号 ${firstItem}—${lastItem}` },
  };
}

function rateDeductText(h: Hotline, builtIn: string): FunctionText {
  return {
    description: `考核办法中任一比率指标的分档扣分（${builtIn}：${h.rates.map((r) => `${r.item}：${bands(r)}`).join("；")}）。${SOURCE}，也可用办法新增的分档。`,
    parameters: {
      indicator: `比率指标名称：考核办法中“比率分档”的项目（${builtIn}：${h.rates.map((r) => r.item).join("、")}）`,
      rate_or_numerator: `比率（百分数，或0到1之间的小数）；按件数计算时为分子（如 ${h.rates.map((r) => r.numerator).join("、")}）`,
      denominator: `分母（按件数计算时填写，如 ${[...new Set(h.rates.map((r) => r.denominator))].join("、")}）`,
    },
  };
}

function casePointsText(h: Hotline, builtIn: string): FunctionText {
  return {
    description: `按件计分项目的分值×件数，不按类别封顶（${builtIn}：扣分项目 ${h.cases.map(perCase).join("、")}；加分项目 ${h.bonus.cases.map(perCase).join("、")}）。扣分项目得扣分，加分项目得加分。${SOURCE}。`,
    parameters: { item: "项目名称：考核办法中“按件扣分”或“按件加分”的项目（如 反馈内容与实际不符、群众锦旗）" },
  };
}

export function functionTexts(rules: RuleSet): Readonly<Record<string, FunctionText>> {
  const { hotline: h, approval: a } = rules;
  const builtIn = `内置${rules.year}年度办法`;
  return {
    ...rateTexts(h, builtIn),
    ...categoryTexts(h, builtIn),
    HOTLINE_BONUS: bonusText(h, builtIn),
    HOTLINE_SCORE: scoreText(h, builtIn),
    VETO_SCORE: {
      description: `审批服务便民化一票否决（${builtIn}）：适用事项中任一项未完成，按上限扣${pts(a.cap)}分，否则0分。${SOURCE}。`,
    },
    APPROVAL_TARGETS_MET: targetsText(a, builtIn),
    APPROVAL_APPLIES: appliesText(a, builtIn),
    RATE_DEDUCT: rateDeductText(h, builtIn),
    CASE_POINTS: casePointsText(h, builtIn),
  };
}

interface Metadata {
  functions: { id: string; description?: string; parameters: { name: string; description?: string }[] }[];
}

/** The metadata with each function's description (and rule-bearing parameter descriptions) written from `rules`. */
export function withDescriptions<M extends Metadata>(metadata: M, rules: RuleSet): M {
  const texts = functionTexts(rules);
  return {
    ...metadata,
    functions: metadata.functions.map((f) => {
      const text = texts[f.id];
      if (!text) return f;
      return {
        ...f,
        description: text.description,
        parameters: f.parameters.map((p) => (text.parameters?.[p.name] ? { ...p, description: text.parameters[p.name] } : p)),
      };
    }),
  };
}

/** What the build writes: the descriptions of the built-in method. */
export function withBuiltInDescriptions<M extends Metadata>(metadata: M): M {
  return withDescriptions(metadata, ruleSet());
}
