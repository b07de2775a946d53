// The page's browsers (issue 17 item 5: Chromium 86+ and Firefox ESR 115; no such browser on this machine).
// Two checks stricter than running in today's Chromium: the bundles use no syntax beyond ES2020 (both
// browsers support all of it), and the page's job runs with the built-ins newer than either browser removed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import * as corpus from "../../scripts/hostile/corpus";
import { blankTemplateBytes } from "../../scripts/blank-template";
import { runJob } from "../../src/web/job";
import type { RunRequest, WorkerMessage } from "../../src/web/protocol";

jest.setTimeout(120_000);

const DIST = join(__dirname, "..", "..", "dist", "web");

test.each(["page.js", "worker.js"])("dist/web/%s parses as ES2020 (`npm test` builds first)", (name) => {
  const source = readFileSync(join(DIST, name), "utf8");
  expect(() => parse(source, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
  // The check can fail: ES2022 syntax (a class static block) is refused.
  expect(() => parse("class A { static { } }", { ecmaVersion: 2020 })).toThrow();
});

/** Built-ins shipped after Chromium 86 (Oct 2020) or Firefox 115 (Jul 2023), with the first version of each. */
const NEWER: readonly [object, string, string][] = [
  [Array.prototype, "at", "Chromium 92"],
  [String.prototype, "at", "Chromium 92"],
  [Object.getPrototypeOf(Uint8Array.prototype) as object, "at", "Chromium 92"],
  [Object, "hasOwn", "Chromium 93"],
  [Array.prototype, "findLast", "Chromium 97"],
  [Array.prototype, "findLastIndex", "Chromium 97"],
  [globalThis, "structuredClone", "Chromium 98"],
  [Array.prototype, "toSorted", "Chromium 110"],
  [Array.prototype, "toReversed", "Chromium 110"],
  [Array.prototype, "toSpliced", "Chromium 110"],
  [Array.prototype, "with", "Chromium 110"],
  [String.prototype, "isWellFormed", "Chromium 111"],
  [String.prototype, "toWellFormed", "Chromium 111"],
  [Object, "groupBy", "Firefox 119"],
  [Map, "groupBy", "Firefox 119"],
  [Intl, "Segmenter", "Firefox 125"],
  // "deflate-raw" only from Chromium 103: without the stream the reader falls back to fflate, as there.
  [globalThis, "DecompressionStream", "Chromium 103 (deflate-raw)"],
];

test("the sample and a ledger with its documents run without built-ins newer than Chromium 86 and Firefox 115", async () => {
  const template = await blankTemplateBytes();
  const run = (request: Partial<RunRequest>): Promise<WorkerMessage> =>
    runJob({ type: "run", period: "", map: {}, ...request }, () => template, () => undefined);
  const csv = [
    "工单编号,承办单位,派单时间,办理时限,办结时间,是否退单,是否申请延期,回访结果",
    "B1,汉滨区,2021-02-01 09:00:00,2021-02-10 18:00:00,2021-02-05 10:00:00,否,否,满意",
    "B2,汉阴县,2021-04-02 09:00:00,2021-04-12 18:00:00,2021-04-06 10:00:00,是,否,不满意",
  ].join("\r\n");
  const saved = NEWER.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const);
  const done: WorkerMessage[] = [];
  try {
    for (const [owner, key] of saved) delete (owner as Record<string, unknown>)[key];
    expect(NEWER.map(([owner, key]) => key in owner)).toEqual(NEWER.map(() => false));
    done.push(await run({ workbook: new File([readFileSync(corpus.SAMPLE)], "ankang-2021-sample.xlsx") }));
    done.push(await run({ ledger: new File([csv], "明细.csv"), period: "2021" }));
  } finally {
    for (const [owner, key, descriptor] of saved) if (descriptor) Object.defineProperty(owner, key, descriptor);
  }
  const [sample, ledger] = done;
  if (sample.type !== "done" || ledger.type !== "done") throw new Error(JSON.stringify(done).slice(0, 500));
  expect(sample.fileName).toBe("ankang-2021-sample-result.xlsx");
  expect(sample.ranking.length).toBe(77);
  expect(ledger.documents?.bulletins.map((b) => b.fileName)).toEqual(["明细-2021-02-通报.docx", "明细-2021-04-通报.docx"]);
  expect(ledger.documents?.report?.fileName).toBe("明细-报告.docx");
});
