import * as fs from "fs";
import * as path from "path";
import { currentYear } from "../../src/engine/rules";
import { ADDIN_NAME } from "../../src/taskpane/shared/metadata";
import { initTaskpane } from "../../src/taskpane/taskpane";
import { describeHost, IDS, renderFunctionList, renderHeader, renderStatus } from "../../src/taskpane/shared/shell";
import { FakeDocument } from "./fake-dom";

const ALL_IDS = Object.values(IDS);

describe("taskpane.html", () => {
  it("has every element the view helpers use", () => {
    const html = fs.readFileSync(path.resolve(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
    for (const id of ALL_IDS) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('src="<%= officeJsUrl %>"');
  });
});

describe("view helpers", () => {
  it("render the header", () => {
    const doc = new FakeDocument(ALL_IDS);
    renderHeader(doc.asDocument(), "名称", 2021);
    expect(doc.get(IDS.name).textContent).toBe("名称");
    expect(doc.get(IDS.year).textContent).toBe("规则年度：2021年");
  });

  it("render a status with its kind", () => {
    const doc = new FakeDocument(ALL_IDS);
    renderStatus(doc.asDocument(), "出错", "error");
    expect(doc.get(IDS.status).textContent).toBe("出错");
    expect(doc.get(IDS.status).className).toBe("status status--error");
  });

  it("describe the Office host", () => {
    expect(describeHost({ host: "Excel", platform: "PC" })).toEqual({ text: "已连接 Excel（PC）", kind: "ok" });
    expect(describeHost({ host: null, platform: null }).kind).toBe("info");
    expect(describeHost(undefined).kind).toBe("error");
  });

  it("replace the function list", () => {
    const doc = new FakeDocument(ALL_IDS);
    const fn = { name: "A", signature: "ASSESS.A(x)", description: "说明" };
    renderFunctionList(doc.asDocument(), [fn, { ...fn, name: "B", signature: "ASSESS.B()", description: "" }]);
    renderFunctionList(doc.asDocument(), [fn]);
    const list = doc.get(IDS.functions);
    expect(list.children).toHaveLength(1);
    expect(list.children[0].tagName).toBe("li");
    expect(list.children[0].children.map((c) => c.textContent)).toEqual(["=ASSESS.A(x)", "说明"]);
    expect(doc.get(IDS.functionsMessage).textContent).toBe("共 1 个函数");
    renderFunctionList(doc.asDocument(), []);
    expect(doc.get(IDS.functionsMessage).textContent).toBe("没有可用的函数。");
  });

  it("fail loudly on a missing element", () => {
    expect(() => renderHeader(new FakeDocument([]).asDocument(), "x", 1)).toThrow(/#addin-name/);
  });
});

describe("initTaskpane", () => {
  it("shows name, rule year, host and the functions from functions.json", async () => {
    const doc = new FakeDocument(ALL_IDS);
    const metadata = { functions: [{ id: "F", name: "F", description: "一行", parameters: [] }] };
    await initTaskpane(doc.asDocument(), async () => ({ ok: true, status: 200, json: async () => metadata }), {
      host: "Excel",
      platform: "OfficeOnline",
    });
    expect(doc.get(IDS.name).textContent).toBe(ADDIN_NAME);
    expect(doc.get(IDS.year).textContent).toBe(`规则年度：${currentYear}年`);
    expect(doc.get(IDS.status).className).toBe("status status--ok");
    expect(doc.get(IDS.functions).children.map((c) => c.textContent)).toEqual(["=ASSESS.F()一行"]);
  });

  it("reports a failed metadata fetch in the pane", async () => {
    const doc = new FakeDocument(ALL_IDS);
    await initTaskpane(doc.asDocument(), async () => { throw new Error("offline"); }, undefined);
    expect(doc.get(IDS.functionsMessage).textContent).toBe("函数列表加载失败：offline");
    expect(doc.get(IDS.status).className).toBe("status status--error");
  });
});
