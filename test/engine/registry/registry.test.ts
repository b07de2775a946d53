import { REGISTRY_2021, normalizeName, ruleSet } from "../../../src/engine";
import {
  ANNEX1_NAMED_UNITS, APPROVAL_DEPARTMENTS, COUNTY_GOVERNMENTS, ITEM_DEPARTMENTS, MANAGEMENT_COMMITTEES, SAME_UNIT_PAIRS,
} from "./document-names";

const resolve = (name: string) => REGISTRY_2021.resolve(name);

describe("附件1 承办单位名单：各县（市、区）政府 + 67个具名单位 = 77个", () => {
  test("登记的热线承办单位恰为77个", () => {
    expect(REGISTRY_2021.hotlineUnits()).toHaveLength(77);
    expect(ANNEX1_NAMED_UNITS).toHaveLength(67);
  });

  test.each(ANNEX1_NAMED_UNITS.map((n) => [n]))("%s 可识别且为热线承办单位", (name) => {
    const org = resolve(name);
    expect(org).toBeDefined();
    expect(org?.hotline).toBe(true);
  });

  test.each(COUNTY_GOVERNMENTS.map((n) => [n]))("%s政府 可识别且为热线承办单位", (county) => {
    expect(resolve(`${county}政府`)?.hotline).toBe(true);
  });

  test("77个名称对应77个不同单位，且与登记的热线单位一一对应", () => {
    const orgs = [...COUNTY_GOVERNMENTS.map((c) => resolve(`${c}政府`)), ...ANNEX1_NAMED_UNITS.map(resolve)];
    expect(new Set(orgs).size).toBe(77);
    expect(new Set(orgs)).toEqual(new Set(REGISTRY_2021.hotlineUnits()));
  });
});

describe("规则A 单位类别：县区 = 十个县（市、区）政府 + 三个管委会；市直 = 其余名称以“市”开头的单位；其他 = 其余", () => {
  test("县区恰为13个", () => {
    expect(REGISTRY_2021.hotlineUnits().filter((o) => o.type === "县区")).toHaveLength(13);
  });
  test.each(COUNTY_GOVERNMENTS.map((n) => [n]))("%s → 县区", (county) => {
    expect(resolve(county)?.type).toBe("县区");
  });
  test.each(MANAGEMENT_COMMITTEES.map((n) => [n]))("%s → 县区", (name) => {
    expect(resolve(name)?.type).toBe("县区");
  });
  const others = ANNEX1_NAMED_UNITS.filter((n) => !(MANAGEMENT_COMMITTEES as readonly string[]).includes(n));
  test.each(others.map((n) => [n, n.startsWith("市") ? "市直" : "其他"]))("%s → %s", (name, type) => {
    expect(resolve(name)?.type).toBe(type);
  });
  test.each([["工行安康分行"], ["国网安康供电公司"], ["安康水务（集团）有限公司"], ["人行安康市中心支行"], ["安康银保监分局"]])(
    "%s → 其他（规则A所举之例）", (name) => {
      expect(resolve(name)?.type).toBe("其他");
    },
  );
});

describe("便民化 一、考核对象：37个部门", () => {
  test("登记的考核对象恰为37个，顺序与文件相同", () => {
    const depts = REGISTRY_2021.approvalDepartments();
    expect(depts).toHaveLength(37);
    expect(new Set(depts).size).toBe(37);
    expect(depts.map((d) => d.approvalName)).toEqual([...APPROVAL_DEPARTMENTS]);
  });
  test.each(APPROVAL_DEPARTMENTS.map((n) => [n]))("%s 可识别且为考核对象", (name) => {
    expect(resolve(name)?.approvalName).toBeDefined();
  });
  test.each(APPROVAL_DEPARTMENTS.map((n) => [n]))("%s 是37个考核对象之一", (name) => {
    expect(REGISTRY_2021.approvalDepartments()).toContain(resolve(name));
  });
});

describe("便民化 二、考核内容：每项“涉及部门”中的每个名称都可识别为考核对象", () => {
  const rows = Object.entries(ITEM_DEPARTMENTS).flatMap(([item, names]) => names.map((n) => [Number(item), n] as const));
  test.each(rows)("事项%i 涉及部门 %s", (_item, name) => {
    const org = resolve(name);
    expect(org).toBeDefined();
    expect(REGISTRY_2021.approvalDepartments()).toContain(org);
  });
});

describe("规则C 同一单位的两种写法解析为同一单位", () => {
  test.each(SAME_UNIT_PAIRS.map(([a, b]) => [a, b]))("%s = %s", (a, b) => {
    expect(resolve(a)).toBeDefined();
    expect(resolve(a)).toBe(resolve(b));
  });

  test.each(COUNTY_GOVERNMENTS.map((n) => [n]))("%s / %s政府 / %s人民政府 解析为同一单位", (county) => {
    const org = resolve(county);
    expect(org).toBeDefined();
    expect(resolve(`${county}政府`)).toBe(org);
    expect(resolve(`${county}人民政府`)).toBe(org);
  });

  test("旬阳县 = 旬阳市（2021年撤县设市，两种写法均接受）", () => {
    const org = resolve("旬阳市");
    expect(org).toBeDefined();
    for (const name of ["旬阳县", "旬阳县政府", "旬阳县人民政府", "旬阳市政府", "旬阳市人民政府"]) expect(resolve(name)).toBe(org);
  });

  test("每种写法只指向一个单位（没有一个名称对应两个单位）", () => {
    const seen = new Map<string, string>();
    for (const org of REGISTRY_2021.organizations) {
      for (const name of org.names) {
        const key = normalizeName(name);
        expect(seen.get(key) ?? org.name).toBe(org.name);
        seen.set(key, org.name);
      }
    }
  });
});

describe("规则C 名称先去空格、统一全角/半角括号再比较", () => {
  test.each([
    ["安康水务(集团)有限公司", "安康水务（集团）有限公司"],
    ["安康市恒口示范区(试验区)管理委员会", "安康市恒口示范区（试验区）管理委员会"],
    [" 市发改委 ", "市发展和改革委员会"],
    ["市 发 改 委", "市发展和改革委员会"],
    ["市发改委\u3000", "市发展和改革委员会"], // 全角空格
    ["汉滨区 人民政府", "汉滨区政府"],
    ["安康水务（集团） 有限公司", "安康水务（集团）有限公司"],
  ])("“%s” = %s", (written, official) => {
    expect(resolve(written)).toBeDefined();
    expect(resolve(written)).toBe(resolve(official));
  });
});

describe("规则C 未知名称是错误，不猜测", () => {
  test.each([["市发改"], ["发改委"], ["汉滨"], ["安康市发改委"], ["市教育局"], ["各县（市、区）政府"], [""], ["工商银行安康分行"]])(
    "“%s” → undefined", (name) => {
      expect(resolve(name)).toBeUndefined();
    },
  );
});

describe("规则表引用的登记", () => {
  test("2021规则集使用的正是这份登记", () => {
    expect(ruleSet(2021).registry).toBe(REGISTRY_2021);
  });
});
