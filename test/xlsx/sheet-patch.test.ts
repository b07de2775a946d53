/** The worksheet patch on its own: rows numbered as readers number them, untouched rows kept as written. */
import type { SheetRef } from "../../src/xlsx/package";
import { SheetEdit } from "../../src/xlsx/sheet-edit";
import { patchSheet } from "../../src/xlsx/sheet-patch";
import { StylesPatch, MINIMAL_STYLES } from "../../src/xlsx/styles-patch";

const sheet = (rows: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const styles = () => new StylesPatch(MINIMAL_STYLES);
const REF: SheetRef = { name: "表", path: "xl/worksheets/sheet1.xml", relationshipId: "rId1", state: "visible" };

describe("patchSheet", () => {
  it("rows without r are numbered from row 1 on, so a cell written into the first row lands in it", () => {
    const edit = new SheetEdit("表", REF);
    edit.cell(0, 1).content = { value: 7 };
    const { xml } = patchSheet(sheet('<row><c><v>1</v></c></row><row><c><v>2</v></c></row>'), edit, styles);
    expect(xml).toBe(sheet('<row r="1"><c><v>1</v></c><c r="B1"><v>7</v></c></row><row><c><v>2</v></c></row>'));
  });

  it("keeps untouched rows byte for byte and inserts a new row in order", () => {
    const edit = new SheetEdit("表", REF);
    edit.cell(1, 0).content = { value: "新" };
    const rows = '<row r="1" spans="1:1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>';
    const { xml } = patchSheet(sheet(rows), edit, styles);
    expect(xml).toBe(sheet('<row r="1" spans="1:1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>新</t></is></c></row><row r="3"><c r="A3"><v>3</v></c></row>'));
  });
});
