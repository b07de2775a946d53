/** The ZIP layer: every part checked (size, CRC-32, limit) and copied byte for byte by the writer. */
import { strToU8, zipSync } from "fflate";
import { crc32 } from "../../src/xlsx/crc32";
import { bytesFile, entryChunks, readZipDirectory, verifyEntry } from "../../src/xlsx/zip";
import { bytesSink, writeZip } from "../../src/xlsx/zip-writer";

const parts = { "a.xml": strToU8("<a>甲</a>".repeat(1000)), "b/c.bin": new Uint8Array([0, 1, 2, 255]) };

describe("zip", () => {
  it("CRC-32 is the standard one", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
  });

  it("reads entries with their size and CRC; a limit below the size refuses the part before inflating", async () => {
    const file = bytesFile(zipSync(parts));
    const entries = await readZipDirectory(file);
    const a = entries.get("a.xml")!;
    expect(a.size).toBe(parts["a.xml"].length);
    await expect(verifyEntry(file, a)).resolves.toBeUndefined();
    const chunks = entryChunks(file, a, { limit: 100 });
    await expect(chunks.next()).rejects.toThrow(new RegExp(`工作簿部件 a\\.xml 解压后为 (\\d+ KB|${parts["a.xml"].length} 字节)，超过上限 100 字节`));
  });

  it("the writer copies entries byte for byte and adds new ones", async () => {
    const source = bytesFile(zipSync(parts));
    const entries = await readZipDirectory(source);
    const sink = bytesSink();
    await writeZip(source, sink, [
      { kind: "copy", entry: entries.get("a.xml")! },
      { kind: "data", name: "new.xml", data: strToU8("<新/>") },
      { kind: "copy", entry: entries.get("b/c.bin")! },
    ]);
    const out = bytesFile(sink.bytes());
    const again = await readZipDirectory(out);
    expect([...again.keys()]).toEqual(["a.xml", "new.xml", "b/c.bin"]);
    for (const entry of again.values()) await verifyEntry(out, entry);
    const text = async (name: string) => {
      const bytes: Uint8Array[] = [];
      for await (const c of entryChunks(out, again.get(name)!)) bytes.push(c);
      return Buffer.concat(bytes);
    };
    expect(await text("b/c.bin")).toEqual(Buffer.from(parts["b/c.bin"]));
    expect((await text("new.xml")).toString()).toBe("<新/>");
    expect(again.get("a.xml")!.compressedSize).toBe(entries.get("a.xml")!.compressedSize);
  });
});
