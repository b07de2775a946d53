/**
 * The blank template as bytes, made as `npm run assess` makes its cached template (src/cli/template-cache.ts):
 * the plan of src/workbook/blank-template.ts written by the exceljs builder, for the page 网页版
 * (scripts/blank-template-loader.js inlines it into the worker and emits web/ankang-template.xlsx).
 */
import { buildWorkbook } from "../src/workbook/adapters/exceljs/build";
import { blankTemplatePlan } from "../src/workbook/blank-template";

export async function blankTemplateBytes(): Promise<Uint8Array> {
  return buildWorkbook(await blankTemplatePlan());
}
