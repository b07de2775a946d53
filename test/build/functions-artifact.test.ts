// The production dist/functions.js, evaluated as Excel's JavaScript runtime evaluates it (nothing but a
// CustomFunctions global), must give for a battery of inputs exactly what the engine gives through the source.

import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { installCustomFunctionsStub } from "../functions/custom-functions-stub";
import { EXPORTS, GOLDEN_METADATA } from "../functions/excel-host";
import { functionTexts } from "../../src/functions/descriptions";
import { ruleSet } from "../../src/engine";
import { DIST, loadBuilt } from "./built-functions";

installCustomFunctionsStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const source = require("../../src/functions/functions") as Record<string, (...args: unknown[]) => unknown>;

const GOLDEN = GOLDEN_METADATA;

type Outcome = { value: unknown } | { code: string; message: string };

function outcome(call: () => unknown): Outcome {
  try {
    return { value: call() };
  } catch (e) {
    const err = e as { code?: string; message: string };
    if (!err.code) throw e;
    return { code: err.code, message: err.message };
  }
}

const rates = [1, 0.995, 0.99, 1.13 - 0.14, 0.985, 0.98, 0.97, 0.9699, 0.5, 0, "98.5%", "99％", "0.97", null, "", "abc", true, 1.2, -0.1];
const pairs = [[990, 1000], [297, 300], [989, 1000], [0, 0], [5, 0], [1001, 1000], [2.5, 10], [-1, 10], ["12", "100"], [true, 10]];
const battery: [string, unknown[]][] = [
  ...["HOTLINE_COMPLETION_DEDUCT", "HOTLINE_RETURN_DEDUCT", "HOTLINE_EXTENSION_DEDUCT", "HOTLINE_SATISFACTION_DEDUCT"].flatMap(
    (id) => [...rates.map((r): [string, unknown[]] => [id, [r, null]]), ...pairs.map((p): [string, unknown[]] => [id, p])],
  ),
  ["HOTLINE_RETURN_DEDUCT", [0.1 + 0.05, null]], ["HOTLINE_RETURN_DEDUCT", [150, 1000]], ["HOTLINE_RETURN_DEDUCT", [151, 1000]],
  ["HOTLINE_SATISFACTION_DEDUCT", [800, 1000]], ["HOTLINE_SATISFACTION_DEDUCT", [799, 1000]],
  ["HOTLINE_HANDLING_DEDUCT", [0.985, 1, 1, 0]], ["HOTLINE_HANDLING_DEDUCT", [0.96, 5, 0, 0]], ["HOTLINE_HANDLING_DEDUCT", [1, null, null, null]],
  ["HOTLINE_HANDLING_DEDUCT", [null, 1, 0, 0]], ["HOTLINE_HANDLING_DEDUCT", [1, -1, 0, 0]],
  ["HOTLINE_COOPERATION_DEDUCT", [1, 1, 1, 1, 1, 1]], ["HOTLINE_COOPERATION_DEDUCT", [null, null, null, null, null, null]],
  ["HOTLINE_COOPERATION_DEDUCT", [0, 0, 0, 0, 0, "两次"]],
  ["HOTLINE_BONUS", ["县区", 1000, 0, 0, 0, 0, 0, 0, 0, 0]], ["HOTLINE_BONUS", ["county", 1001, 2, 1, 1, 1, 1, 1, 1, 1]],
  ["HOTLINE_BONUS", ["市直", 250.5, null, null, null, null, null, null, null, null]], ["HOTLINE_BONUS", ["其他", 5000, 1]],
  ["HOTLINE_BONUS", ["银行", 10]], ["HOTLINE_BONUS", ["县区", -1]],
  ["HOTLINE_SCORE", [10, 3, 0, 10, 4, null]], ["HOTLINE_SCORE", [45, 12, 11, 40, 25, 12]], ["HOTLINE_SCORE", [0, 0, 0, 0, "x", 0]],
  ["VETO_SCORE", [[["完成", "不涉及", "", "—"]]]], ["VETO_SCORE", [[["完成"], ["未完成"]]]], ["VETO_SCORE", [[[true, 1, "是", "/"]]]],
  ["VETO_SCORE", [[["完成", "完城"]]]], ["VETO_SCORE", [[[false, null]]]],
  ["APPROVAL_TARGETS_MET", [0.7, 0.95, 0.5, 0.95, 0.7]], ["APPROVAL_TARGETS_MET", [0.69, 0.95, 0.5, 0.95, 0.7]],
  ["APPROVAL_TARGETS_MET", ["70%", "95%", "50%", "95%", null]],
  ["APPROVAL_APPLIES", ["市发改委", 1]], ["APPROVAL_APPLIES", ["市发展和改革委员会", 4]], ["APPROVAL_APPLIES", ["市档案局", 6]],
  ["APPROVAL_APPLIES", ["市审计局", 6]], ["APPROVAL_APPLIES", ["某某局", 1]], ["APPROVAL_APPLIES", ["市发改委", 7]],
  ["APPROVAL_APPLIES", ["市发改委", 1.5]],
  ["UNIT_TYPE", ["汉滨区"]], ["UNIT_TYPE", ["旬阳县人民政府"]], ["UNIT_TYPE", ["市文旅广电局"]], ["UNIT_TYPE", ["安康水务(集团)有限公司"]],
  ["UNIT_TYPE", ["不存在的单位"]], ["UNIT_TYPE", [null]],
  ["RATE_DEDUCT", ["退单率", 0.06, null]], ["RATE_DEDUCT", ["办结率", 990, 1000]], ["RATE_DEDUCT", ["群众满意率", "79%", null]],
  ["RATE_DEDUCT", ["投诉率", 0.1, null]], ["RATE_DEDUCT", [null, 0.1, null]], ["RATE_DEDUCT", ["延期率", null, null]],
  ["CASE_POINTS", ["反馈内容与实际不符", 2]], ["CASE_POINTS", ["群众锦旗", 1]], ["CASE_POINTS", ["知识库维护", 3]],
  ["CASE_POINTS", ["未第一时间联系诉求人", 40]], ["CASE_POINTS", ["不存在的项目", 1]], ["CASE_POINTS", ["无理由推诿", -1]],
];

describe("dist/functions.js, called as Excel calls it", () => {
  const built = loadBuilt().functions;

  test("registers exactly the functions of dist/functions.json", () => {
    const ids = (JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id);
    expect([...built.keys()].sort()).toEqual(Object.keys(EXPORTS).sort());
    expect(ids.sort()).toEqual(Object.keys(EXPORTS).sort());
  });

  test.each(battery)("%s%j gives what the engine gives", (id, args) => {
    const fromBuild = outcome(() => built.get(id)!(...args));
    const fromSource = outcome(() => source[EXPORTS[id]](...args));
    expect(fromBuild).toEqual(fromSource);
    if ("code" in fromBuild) {
      expect(["#VALUE!", "#N/A"]).toContain(fromBuild.code);
      expect(fromBuild.message).toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});

describe("dist/functions.js and the workbook's method (shared runtime)", () => {
  const holder = (context: object) => vm.runInContext('globalThis[Symbol.for("ankang-assess.method-source")]', context) as {
    builtIn(): void; current(): { kind: string };
  };

  test("in the shared runtime's page (a document with Office.js) a call waits until the task pane has read the method", async () => {
    const built = loadBuilt({ document: {}, Office: {}, setTimeout, clearTimeout });
    const pending = built.functions.get("HOTLINE_RETURN_DEDUCT")!(0.06, null, {}) as Promise<unknown>;
    expect(typeof pending.then).toBe("function");
    expect(holder(built.context).current().kind).toBe("loading");
    holder(built.context).builtIn();
    await expect(pending).resolves.toBe(3);
    expect(built.functions.get("HOTLINE_RETURN_DEDUCT")!(0.06, null, {})).toBe(3);
  });

  test("without Office.js (a functions-only runtime) the built-in method answers at once, synchronously", () => {
    const built = loadBuilt();
    expect(built.functions.get("HOTLINE_RETURN_DEDUCT")!(0.06, null, {})).toBe(3);
    expect(holder(built.context).current().kind).toBe("loaded");
  });
});

describe("dist/functions.json", () => {
  test("descriptions are written from the built-in rule set, not from the JSDoc", () => {
    const texts = functionTexts(ruleSet());
    const built = loadBuilt().metadata as { functions: { id: string; description: string; parameters: { name: string; description: string }[] }[] };
    for (const f of built.functions) {
      const text = texts[f.id];
      if (!text) continue;
      expect([f.id, f.description]).toEqual([f.id, text.description]);
      for (const p of f.parameters) {
        if (text.parameters?.[p.name]) expect([f.id, p.name, p.description]).toEqual([f.id, p.name, text.parameters[p.name]]);
      }
    }
    expect(Object.keys(texts).filter((id) => !built.functions.some((f) => f.id === id))).toEqual([]);
  });

  test("matches the golden file (set UPDATE_GOLDEN=1 to accept a deliberate change)", () => {
    const actual = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
    if (process.env.UPDATE_GOLDEN === "1") {
      fs.writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(fs.readFileSync(GOLDEN, "utf8")));
  });
});
