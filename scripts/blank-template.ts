/**
 * The blank template as bytes: the file `npm run assess -- --template` and `--ledger` without a workbook start
 * from (src/cli/template-cache.ts, built once per content), for the page 网页版 (scripts/blank-template-loader.js
 * inlines it into the worker and emits web/ankang-template.xlsx for 下载空白模板).
 */
import { readFile } from "node:fs/promises";
import { blankTemplateFile } from "../src/cli/template-cache";

export async function blankTemplateBytes(): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await blankTemplateFile()));
}
