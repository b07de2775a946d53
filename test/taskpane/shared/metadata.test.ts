import { FUNCTIONS_METADATA_URL, loadFunctionSummaries, parseFunctionsMetadata } from "../../../src/taskpane/shared/metadata";

const METADATA = {
  functions: [
    {
      id: "ZETA",
      name: "ZETA",
      description: "最后一个函数。\n第二行不显示。",
      parameters: [
        { name: "单位", type: "string" },
        { name: "年度", type: "number", optional: true },
      ],
      result: { type: "number" },
    },
    { id: "ALPHA", name: "ALPHA", parameters: [{ name: "值", type: "any", repeating: true }] },
    { id: "HIDDEN", name: "HIDDEN", parameters: [], options: { excludeFromAutoComplete: true } },
  ],
};

describe("parseFunctionsMetadata", () => {
  it("lists visible functions by name with signature and one-line description", () => {
    expect(parseFunctionsMetadata(METADATA)).toEqual([
      { name: "ALPHA", signature: "ASSESS.ALPHA(值…)", description: "" },
      { name: "ZETA", signature: "ASSESS.ZETA(单位, [年度])", description: "最后一个函数。" },
    ]);
  });

  it("uses the namespace it is given", () => {
    expect(parseFunctionsMetadata({ functions: [{ name: "F", parameters: [] }] }, "NS")[0].signature).toBe("NS.F()");
  });

  it("skips malformed entries and rejects non-metadata", () => {
    expect(parseFunctionsMetadata({ functions: [null, 1, { name: "" }, { name: "OK" }] }).map((f) => f.name)).toEqual(["OK"]);
    expect(() => parseFunctionsMetadata({})).toThrow(/functions/);
    expect(() => parseFunctionsMetadata(null)).toThrow(/functions/);
  });
});

describe("loadFunctionSummaries", () => {
  it("fetches functions.json relative to the page", async () => {
    const urls: string[] = [];
    const list = await loadFunctionSummaries(async (url) => {
      urls.push(url);
      return { ok: true, status: 200, json: async () => METADATA };
    });
    expect(urls).toEqual([FUNCTIONS_METADATA_URL]);
    expect(FUNCTIONS_METADATA_URL).toBe("functions.json");
    expect(list.map((f) => f.name)).toEqual(["ALPHA", "ZETA"]);
  });

  it("reports an HTTP failure", async () => {
    await expect(loadFunctionSummaries(async () => ({ ok: false, status: 404, json: async () => ({}) }))).rejects.toThrow(/404/);
  });
});
