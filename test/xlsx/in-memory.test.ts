/**
 * The reader and the patch without Node (as the browser page runs them): bytes in through bytesFile (fflate's
 * inflater, the table CRC-32), bytes out through bytesSink (fflate's deflater), no file anywhere. The parts the
 * edits do not touch come out byte for byte as they went in.
 */
import { strFromU8, unzipSync } from "fflate";
import { PackageWorkbookPort } from "../../src/workbook/adapters/package";
import { bytesSink } from "../../src/xlsx/zip-writer";
import { bytesFile } from "../../src/xlsx/zip";
import { sampleParts, zip } from "../../scripts/hostile/corpus";

describe("the package port on bytes", () => {
  it("reads a sheet again after a write to it, and the same snapshot while nothing touched it", async () => {
    const port = await PackageWorkbookPort.open(bytesFile(zip(sampleParts())));
    const [first] = await port.sheetNames();
    const once = (await port.read([first])).get(first);
    expect((await port.read([first])).get(first)).toBe(once);
    await port.apply([{ kind: "addSheet", sheet: "其他" }, { kind: "values", sheet: "其他", row: 0, col: 0, values: [["乙"]] }]);
    expect((await port.read([first])).get(first)).toBe(once);
    await port.apply([{ kind: "clear", range: { sheet: first, row: 0, col: 0, rows: 1, cols: 1 } }]);
    const cleared = (await port.read([first])).get(first);
    expect(cleared).not.toBe(once);
    await port.apply([{ kind: "values", sheet: first, row: 0, col: 0, values: [["甲"]] }]);
    expect((await port.read([first])).get(first)?.values[0][0]).toBe("甲");
    await port.close();
  });

  it("reads a sheet, applies a plan and writes the package to memory", async () => {
    const parts = sampleParts();
    const input = zip(parts);
    const port = await PackageWorkbookPort.open(bytesFile(input));
    const names = await port.sheetNames();
    const first = names[0];
    const before = (await port.read([first])).get(first);
    expect(before?.values.length).toBeGreaterThan(0);
    await port.apply([
      { kind: "addSheet", sheet: "新表" },
      { kind: "values", sheet: "新表", row: 0, col: 0, values: [["甲", 1.5, true]] },
      { kind: "listValidation", range: { sheet: "新表", row: 1, col: 0, rows: 3, cols: 1 }, list: ["是", "否"] },
    ]);
    const sink = bytesSink();
    await port.save(sink);
    await port.close();

    const out = unzipSync(sink.bytes());
    for (const [name, bytes] of Object.entries(parts)) {
      if (name === "xl/workbook.xml" || name === "[Content_Types].xml" || name === "xl/_rels/workbook.xml.rels") continue;
      expect([name, out[name]]).toEqual([name, bytes]);
    }
    const again = await PackageWorkbookPort.open(bytesFile(sink.bytes()));
    expect(await again.sheetNames()).toEqual([...names, "新表"]);
    expect((await again.read(["新表"])).get("新表")?.values).toEqual([["甲", 1.5, true]]);
    expect((await again.read([first])).get(first)).toEqual(before);
    const added = Object.keys(out).find((k) => !(k in parts) && k.startsWith("xl/worksheets/")) as string;
    expect(strFromU8(out[added])).toMatch(/<dataValidation type="list"[^>]* error="[^"]*是[^"]*否[^"]*" sqref="A2:A4">/);
  });
});
