import { callbackRule } from "./callbacks";
import { rateKind } from "./rates";
import type { HotlineRuleSet } from "./types";

const DOC = "《2021年度12345热线工单办理情况减分指标考核办法（送审稿）》附件2";
const VOLUME_CLAUSE = `${DOC} 加分项1：月平均办件量超过1000件的县区及250件的市直部门，加10分`;

/** 2021 hotline method: 附件2 of 安行审函〔2021〕73号, with the product decisions of spec A. */
export const HOTLINE_2021: HotlineRuleSet = {
  year: 2021,
  title: "2021年度12345热线工单办理情况减分指标考核表",
  source: "安行审函〔2021〕73号",
  totalPoints: 100,
  months: 12,
  comparison: { significantDigits: 15, percentDecimals: null },
  categories: [
    { id: "handling", name: "工单办理", cap: 30, clause: `${DOC} 工单办理（30分）` },
    { id: "returned", name: "退单率", cap: 10, clause: `${DOC} 退单率（10分）` },
    { id: "extension", name: "延期率", cap: 10, clause: `${DOC} 延期率（10分）` },
    { id: "satisfaction", name: "群众满意率", cap: 30, clause: `${DOC} 群众满意率（30分）` },
    { id: "cooperation", name: "日常工作配合", cap: 20, clause: `${DOC} 日常工作配合（20分）` },
  ],
  rates: [
    {
      ...rateKind("completion"),
      category: "handling",
      clause: `${DOC} 工单办理·办结率：工单按期办结率100%不扣分；99%—100%扣5分；98%—99%扣10分；97%—98%扣15分；97%以下扣30分`,
      bands: [
        { from: 0, fromIncluded: true, to: 97, toIncluded: false, points: 30, text: "97%以下" },
        { from: 97, fromIncluded: true, to: 98, toIncluded: false, points: 15, text: "97%—98%" },
        { from: 98, fromIncluded: true, to: 99, toIncluded: false, points: 10, text: "98%—99%" },
        { from: 99, fromIncluded: true, to: 100, toIncluded: false, points: 5, text: "99%—100%" },
        { from: 100, fromIncluded: true, to: 100, toIncluded: true, points: 0, text: "100%" },
      ],
    },
    {
      ...rateKind("returned"),
      category: "returned",
      clause: `${DOC} 退单率：按工单总量，退单率低于5%的不扣分；5%—10%扣3分；10%—15%扣6分；超过15%的，扣10分`,
      bands: [
        { from: 0, fromIncluded: true, to: 5, toIncluded: false, points: 0, text: "低于5%" },
        { from: 5, fromIncluded: true, to: 10, toIncluded: false, points: 3, text: "5%—10%" },
        // "10%—15%" followed by "超过15%": 15% itself stays in this band (spec A).
        { from: 10, fromIncluded: true, to: 15, toIncluded: true, points: 6, text: "10%—15%" },
        { from: 15, fromIncluded: false, to: 100, toIncluded: true, points: 10, text: "超过15%" },
      ],
    },
    {
      ...rateKind("extension"),
      category: "extension",
      clause: `${DOC} 延期率：按工单总量，延期申请低于5%的不扣分；5%—10%扣3分；10%—15%扣6分；超过15%的，扣10分`,
      bands: [
        { from: 0, fromIncluded: true, to: 5, toIncluded: false, points: 0, text: "低于5%" },
        { from: 5, fromIncluded: true, to: 10, toIncluded: false, points: 3, text: "5%—10%" },
        { from: 10, fromIncluded: true, to: 15, toIncluded: true, points: 6, text: "10%—15%" },
        { from: 15, fromIncluded: false, to: 100, toIncluded: true, points: 10, text: "超过15%" },
      ],
    },
    {
      ...rateKind("satisfaction"),
      category: "satisfaction",
      clause: `${DOC} 群众满意率：回访满意率达到80%的，不扣分；70%—80%的扣10分；60%—70%的扣20分；低于60%的，扣30分`,
      bands: [
        { from: 0, fromIncluded: true, to: 60, toIncluded: false, points: 30, text: "低于60%" },
        { from: 60, fromIncluded: true, to: 70, toIncluded: false, points: 20, text: "60%—70%" },
        { from: 70, fromIncluded: true, to: 80, toIncluded: false, points: 10, text: "70%—80%" },
        { from: 80, fromIncluded: true, to: 100, toIncluded: true, points: 0, text: "达到80%" },
      ],
    },
  ],
  cases: [
    {
      id: "notContacted", category: "handling", label: "未第一时间联系诉求人", per: "件", points: 1,
      synonyms: ["未在第一时间与诉求人联系", "事项办理"],
      clause: `${DOC} 工单办理·事项办理：接到工单后，未在第一时间与诉求人联系的，经查实1件扣1分`,
    },
    {
      id: "feedbackFalse", category: "handling", label: "反馈内容与实际不符", per: "件", points: 10,
      synonyms: ["反馈内容与实际情况不相符", "反馈内容与实际情况不符"],
      clause: `${DOC} 工单办理·事项反馈：反馈内容与实际情况不相符的，经查实1件扣10分`,
    },
    {
      id: "feedbackPoor", category: "handling", label: "反馈内容不规范", per: "件", points: 2,
      synonyms: ["反馈内容不规范、过于简单及不完整", "反馈内容过于简单", "反馈内容不完整"],
      clause: `${DOC} 工单办理·事项反馈：反馈内容不规范，过于简单及不完整的，1件扣2分`,
    },
    {
      id: "knowledgeBase", category: "cooperation", label: "知识库未按时更新", per: "次", points: 2,
      synonyms: ["知识库维护"],
      clause: `${DOC} 日常工作配合·知识库维护：未能按照12345热线中心要求，按时对知识库内容更新完善的，1次扣2分`,
    },
    {
      id: "dutyRoster", category: "cooperation", label: "值班表未按时报送", per: "次", points: 2,
      synonyms: ["值班表报送", "节假日值班表未按时报送"],
      clause: `${DOC} 日常工作配合·值班表报送：节假日未能按时报送值班表的，1次扣2分`,
    },
    {
      id: "leaderDay", category: "cooperation", label: "推脱领导接话日活动", per: "次", points: 5,
      synonyms: ["领导接话日活动参与度", "推脱参加领导接话日活动"],
      clause: `${DOC} 日常工作配合·领导接话日活动参与度：经两次联系，单位主要负责人仍推脱参加12345热线市（县局）长接话日活动的，一次扣5分`,
    },
    {
      id: "whistle", category: "cooperation", label: "吹哨报到响应不及时", per: "次", points: 5,
      synonyms: ["吹哨报到机制落实"],
      clause: `${DOC} 日常工作配合·吹哨报到机制落实：对“社区吹哨、部门报到、政府督查”工作响应不及时，一次扣5分`,
    },
    {
      id: "training", category: "cooperation", label: "未按邀请参加业务培训", per: "次", points: 5,
      synonyms: ["业务知识培训", "未按邀请进行业务知识培训"],
      clause: `${DOC} 日常工作配合·业务知识培训：未能按12345热线中心邀请进行业务知识培训及交流的，一次扣5分`,
    },
    {
      id: "shirking", category: "cooperation", label: "无理由推诿", per: "件", points: 5,
      synonyms: ["无正当理由相互推诿"],
      clause: `${DOC} 日常工作配合·无理由推诿：无正当理由相互推诿，造成群众合理诉求迟迟得不到解决的，一件扣5分`,
    },
  ],
  bonus: {
    cap: null,
    // "超过": strictly greater; 其他 units have no tier, so no volume bonus (spec A).
    volume: [
      { type: "县区", over: 1000, included: false, points: 10, clause: VOLUME_CLAUSE },
      { type: "市直", over: 250, included: false, points: 10, clause: VOLUME_CLAUSE },
    ],
    cases: [
      {
        id: "praise", category: "bonus", label: "群众表扬", per: "件", points: 1, synonyms: ["群众来电来信表扬"],
        clause: `${DOC} 加分项2：受到群众来电来信表扬的，1件加1分`,
      },
      {
        id: "banner", category: "bonus", label: "群众锦旗", per: "次", points: 5, synonyms: ["收到群众锦旗", "锦旗"],
        clause: `${DOC} 加分项2：办理效果特别好，收到群众锦旗的，1次加5分`,
      },
      {
        id: "mediaNational", category: "bonus", label: "国家级媒体采用", per: "次", points: 10, synonyms: ["国家级新闻媒体采用"],
        clause: `${DOC} 加分项3：热线办理工作信息、典型经验被国家级新闻媒体采用的加10分`,
      },
      {
        id: "mediaProvincial", category: "bonus", label: "省级媒体采用", per: "次", points: 5, synonyms: ["省级新闻媒体采用"],
        clause: `${DOC} 加分项3：被省级新闻媒体采用的加5分`,
      },
      {
        id: "mediaCity", category: "bonus", label: "市级媒体采用", per: "次", points: 1, synonyms: ["市级新闻媒体采用"],
        clause: `${DOC} 加分项3：被市级新闻媒体采用的加1分`,
      },
      {
        id: "honorNational", category: "bonus", label: "国家级表彰", per: "次", points: 10, synonyms: ["国务院及国家部委表彰"],
        clause: `${DOC} 加分项4：承办单位的热线工作受到国务院及国家部委表彰的，每次加10分`,
      },
      {
        id: "honorProvincial", category: "bonus", label: "省级表彰", per: "次", points: 5, synonyms: ["省政府及省级单位表彰"],
        clause: `${DOC} 加分项4：受到省政府及省级单位表彰的，每次加5分`,
      },
      {
        id: "honorCity", category: "bonus", label: "市级表彰", per: "次", points: 2, synonyms: ["市委、市政府表彰", "市委市政府表彰"],
        clause: `${DOC} 加分项4：受到市委、市政府表彰的，每次加2分`,
      },
    ],
  },
  callbacks: callbackRule(true, `${DOC} 群众满意率：由12345热线进行100%回访（满意、基本满意计为满意；拒访、无法联系不计入有效回访，规则A）`),
  zeroDenominator: { points: 0, clause: "产品规则A：无工单（分母为0）的单位不计该项比率扣分" },
};
