/** Prefixes are resolved by namespace URI, not by name, and removed the same however a stream is cut. */
import { NS, prefixesFor, rootTag, stripPrefixes, unprefixed, unprefixedBytes } from "../../src/xlsx/namespaces";

const MAIN = NS.main[0];
const XML = `<?xml version="1.0"?><!-- c --><x:worksheet xmlns:x="${MAIN}" xmlns:o="urn:other"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><o:x/></x:row></x:sheetData></x:worksheet>`;

async function collect(chunks: Uint8Array[]): Promise<string> {
  async function* source() {
    for (const c of chunks) yield c;
  }
  const out: Uint8Array[] = [];
  for await (const c of unprefixedBytes(source(), NS.main)) out.push(c);
  return new TextDecoder().decode(Buffer.concat(out));
}

describe("namespace prefixes", () => {
  it("are found on the root element by URI", () => {
    expect(prefixesFor(rootTag(XML), NS.main)).toEqual(["x"]);
    expect(prefixesFor(rootTag(XML.replace(`xmlns:x="${MAIN}"`, 'xmlns:x="urn:not-spreadsheetml"')), NS.main)).toEqual([]);
  });

  it("only the SpreadsheetML prefix is removed; another namespace's elements keep theirs", () => {
    expect(unprefixed(XML, NS.main)).toContain('<worksheet xmlns:x="');
    expect(unprefixed(XML, NS.main)).toContain('<row r="1"><c r="A1"><v>1</v></c><o:x/></row>');
    expect(unprefixed(XML.replace(`xmlns:x="${MAIN}"`, 'xmlns:x="urn:x"'), NS.main)).toBe(XML.replace(`xmlns:x="${MAIN}"`, 'xmlns:x="urn:x"'));
  });

  it("a stream cut anywhere gives the same text", async () => {
    const bytes = new TextEncoder().encode(XML);
    const expected = stripPrefixes(XML, ["x"]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(expected);
    }
  });
});
