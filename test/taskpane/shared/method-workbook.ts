/*
 * A workbook in the strict Office.js fake (test/e2e/fake-office.js) holding the 2026 method fixture's sheets (values,
 * and the percent formats of 考核办法), with the task pane's method runtime over it.
 */
import type { SheetSnapshot } from "../../../src/workbook/port";
import { MethodRuntime, type MethodRuntimeOptions, type MethodSink } from "../../../src/taskpane/shared/method-runtime";
import { method2026Sheets } from "../../fixtures/method-2026/method-2026";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface FakeWorkbook {
  type(sheet: string, address: string, input: string | number | boolean | null): void;
  rename(sheet: string, to: string): void;
  deleteSheet(sheet: string): void;
  sheetNames(): string[];
  requests: { reads: { sheet: string }[] }[];
  stats(): { violations: string[]; calculations: string[]; eventErrors: string[] };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fakeOffice = require("../../e2e/fake-office.js") as {
  create(seed?: unknown, options?: { requirementSets: Record<string, string> }): { Excel: { run: Run }; workbook: FakeWorkbook };
};

/** A fake-office seed sheet from a snapshot: every cell with its value and number format. */
export function seedSheet(snapshot: SheetSnapshot) {
  const cells = snapshot.values.flatMap((row, r) => row.flatMap((v, c) =>
    v === null ? [] : [[r, c, v, null, snapshot.numberFormats?.[r]?.[c] ?? "General"]]));
  return { name: snapshot.name, cells };
}

export function fakeWorkbook(sheets: readonly SheetSnapshot[], excelApi = "1.12") {
  return fakeOffice.create({ sheets: [{ name: "热线数据", rows: [["单位名称"]] }, ...sheets.map(seedSheet)] }, { requirementSets: { ExcelApi: excelApi } });
}

export const SHEETS_2026 = () => [...method2026Sheets().values()];

export function runtimeOver(fake: { Excel: { run: Run } }, sink: MethodSink, options: Partial<MethodRuntimeOptions> = {}, excelApi = "1.12") {
  const have = excelApi.split(".").map(Number);
  return new MethodRuntime({
    run: (batch) => fake.Excel.run(batch),
    sink,
    supports: (v) => {
      const [a, b] = v.split(".").map(Number);
      return a < have[0] || (a === have[0] && b <= have[1]);
    },
    ...options,
  });
}

/** Lets the fake deliver its events (setTimeout) and the runtime finish the reads they start. */
export async function eventsDelivered(runtime: MethodRuntime): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await runtime.idle();
  }
}
