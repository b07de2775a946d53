/**
 * Nothing lost, on the package (issue 8): the sample randomly enriched — parts the product knows nothing
 * of (images, custom XML, custom properties), defined names of every kind, extra cells of any type beside
 * the input tables — then compute-all through the command. Every zip part the product does not own is
 * byte for byte the same, and every input cell reads the same before and after.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { EXIT, main } from "../../src/cli/assess";
import { LABEL, SHEET } from "../../src/workbook/contract";
import { PackageWorkbookPort } from "../../src/workbook/adapters/package";
import { nodeFile } from "../../src/xlsx/node-file";
import type { SheetSnapshot } from "../../src/workbook/port";
import { sampleParts, sheetPart, zip, type Parts } from "../../scripts/hostile/corpus";

jest.setTimeout(600_000);

const dir = mkdtempSync(join(tmpdir(), "enriched-"));
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const extraPart = fc.record({
  name: fc.constantFrom("xl/media/image7.png", "customXml/item1.xml", "xl/printerSettings/printerSettings1.bin", "docProps/custom.xml"),
  bytes: fc.uint8Array({ minLength: 0, maxLength: 2000 }),
});
const definedName = fc.record({
  name: fc.constantFrom("税率", "全部单位", "动态区域", "本表合计", "Print_Area_X"),
  text: fc.constantFrom("0.06", "承办单位!$A:$A", "OFFSET(承办单位!$A$1,0,0,COUNTA(承办单位!$A:$A),1)", "热线数据!$B$3:$B$10", '"常量文本"'),
  local: fc.option(fc.nat(7), { nil: undefined }),
});
const extraCell = fc.record({
  sheet: fc.constantFrom(SHEET.units, SHEET.hotline, SHEET.deductions, SHEET.bonuses, SHEET.approval, SHEET.params),
  row: fc.integer({ min: 1, max: 60 }),
  xml: fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => `><v>${x}</v>`),
    fc.boolean().map((b) => ` t="b"><v>${b ? 1 : 0}</v>`),
    fc.string({ maxLength: 20 }).map((s) => ` t="inlineStr"><is><t xml:space="preserve">${escape(s.replace(/[\u0000-\u001f\ud800-\udfff]/g, ""))}</t></is>`),
    fc.constantFrom(' t="e"><v>#DIV/0!</v>', "><f>1+1</f><v>2</v>", "><f>1+1</f>", ' t="str"><f>""</f><v></v>'),
  ),
});

function enrich(parts: Parts, extras: { name: string; bytes: Uint8Array }[], names: { name: string; text: string; local?: number }[],
  cells: { sheet: string; row: number; xml: string }[]): Parts {
  const out = { ...parts };
  for (const e of extras) out[e.name] = e.bytes;
  if (names.length > 0) {
    const unique = new Map(names.map((n) => [`${n.name}|${n.local}`, n]));
    const xml = [...unique.values()].map((n) => `<definedName name="${n.name}"${n.local !== undefined ? ` localSheetId="${n.local}"` : ""}>${escape(n.text)}</definedName>`).join("");
    // One definedNames element per workbook (the schema allows no second): join the template's, if any.
    const workbook = strFromU8(out["xl/workbook.xml"]);
    out["xl/workbook.xml"] = strToU8(workbook.includes("<definedNames>")
      ? workbook.replace("<definedNames>", `<definedNames>${xml}`)
      : workbook.replace("</sheets>", `</sheets><definedNames>${xml}</definedNames>`));
  }
  // Extra cells in column AZ (beyond every table): one per row, appended at the row's end.
  const bySheet = new Map<string, Map<number, string>>();
  for (const c of cells) {
    const rows = bySheet.get(c.sheet) ?? new Map<number, string>();
    rows.set(c.row, c.xml);
    bySheet.set(c.sheet, rows);
  }
  for (const [sheet, rows] of bySheet) {
    const part = sheetPart(out, sheet);
    let xml = strFromU8(out[part]);
    for (const [row, body] of rows) {
      const cell = `<c r="AZ${row}"${body}</c>`;
      const re = new RegExp(`(<row r="${row}"[^>]*?)(/>|>([^]*?)</row>)`);
      if (re.test(xml)) xml = xml.replace(re, (_m, open: string, close: string, inner?: string) => (close === "/>" ? `${open}>${cell}</row>` : `${open}>${inner ?? ""}${cell}</row>`));
    }
    out[part] = strToU8(xml.replace(/<dimension ref="[^"]*"\/>/, ""));
  }
  return out;
}

async function snapshots(file: string): Promise<Map<string, SheetSnapshot>> {
  const port = await PackageWorkbookPort.open(await nodeFile(file));
  try {
    return await port.read(await port.sheetNames(), { formulas: true });
  } finally {
    await port.close();
  }
}

describe("compute-all on randomly enriched workbooks", () => {
  it("keeps every part it does not own byte for byte, and every input cell", async () => {
    const base = sampleParts();
    let run = 0;
    await fc.assert(fc.asyncProperty(
      fc.uniqueArray(extraPart, { maxLength: 3, selector: (e) => e.name }), fc.array(definedName, { maxLength: 4 }), fc.array(extraCell, { maxLength: 12 }),
      async (extras, names, cells) => {
        const parts = enrich(base, extras, names, cells);
        const input = join(dir, `in-${run}.xlsx`);
        const output = join(dir, `out-${run++}.xlsx`);
        writeFileSync(input, zip(parts));
        const code = await main([input, "-o", output], { out: () => undefined, err: () => undefined });
        expect([EXIT.ok, EXIT.problems]).toContain(code);
        const after = unzipSync(readFileSync(output));
        const owned = new Set(["xl/workbook.xml", "xl/styles.xml", ...[SHEET.result, SHEET.checks, SHEET.approval].map((s) => sheetPart(parts, s))]);
        for (const [name, bytes] of Object.entries(parts)) {
          expect(after[name]).toBeDefined();
          if (!owned.has(name)) expect([name, Buffer.compare(Buffer.from(bytes), Buffer.from(after[name]))]).toEqual([name, 0]);
        }
        // workbook.xml: only "recalculate on open" was added.
        const workbookBefore = strFromU8(parts["xl/workbook.xml"]);
        const workbookAfter = strFromU8(after["xl/workbook.xml"]).replace(' fullCalcOnLoad="1"', "");
        expect(workbookAfter).toBe(workbookBefore);
        const before = await snapshots(input);
        const later = await snapshots(output);
        for (const sheet of [SHEET.units, SHEET.hotline, SHEET.deductions, SHEET.bonuses, SHEET.params]) expect(later.get(sheet)).toEqual(before.get(sheet));
        const approvalBefore = before.get(SHEET.approval) as SheetSnapshot;
        const approvalAfter = later.get(SHEET.approval) as SheetSnapshot;
        const header = approvalAfter.values.findIndex((row) => row.includes(LABEL.deduction));
        const resultCols = new Set([approvalAfter.values[header].indexOf(LABEL.deduction), approvalAfter.values[header].indexOf(LABEL.explanation)]);
        approvalBefore.values.forEach((row, r) => row.forEach((v, c) => {
          if (!(resultCols.has(c) && r >= header)) expect([r, c, approvalAfter.values[r]?.[c] ?? null]).toEqual([r, c, v]);
        }));
      },
    ), { numRuns: 8 });
  });
});
