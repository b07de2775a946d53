// The assessment controls in taskpane.html: every element the view uses, real buttons, a live status.
import * as fs from "fs";
import * as path from "path";
import { ACTION_BUTTONS, PANE_IDS } from "../../src/taskpane/assess/view";
import { IMPORT_CONTROLS, IMPORT_IDS } from "../../src/taskpane/import/view";

const html = fs.readFileSync(path.resolve(__dirname, "../../src/taskpane/taskpane.html"), "utf8");

describe("taskpane.html assessment controls", () => {
  it("has every element the pane view renders into", () => {
    for (const id of Object.values(PANE_IDS)) expect(html).toContain(`id="${id}"`);
  });

  it("uses real buttons for every action, the 定稿 confirmation included", () => {
    for (const id of [...ACTION_BUTTONS, PANE_IDS.confirmFinalize, PANE_IDS.cancelFinalize]) {
      expect(html).toMatch(new RegExp(`<button[^>]*id="${id}"[^>]*type="button"`));
    }
    for (const label of ["全部计算", "创建/补全模板", "定稿", "恢复公式", "确认定稿", "取消"]) expect(html).toContain(`>${label}</button>`);
  });

  it("announces status changes and labels the 考核月数 field", () => {
    expect(html).toMatch(/id="office-status" role="status" aria-live="polite"/);
    expect(html).toContain('<label class="params__label" for="param-months">考核月数</label>');
    expect(html).toMatch(/role="alertdialog"/);
  });

  it("has the 工单导入 controls: file or sheet, period picker, live progress, header question, drill-down", () => {
    for (const id of Object.values(IMPORT_IDS)) expect(html).toContain(`id="${id}"`);
    for (const id of IMPORT_CONTROLS) expect(html).toContain(`id="${id}"`);
    expect(html).toMatch(/<input[^>]*id="ledger-file"[^>]*type="file"[^>]*accept="\.csv,\.xlsx"/);
    expect(html).toContain('<label class="button file-pick__button" for="ledger-file">选择文件…</label>');
    expect(html).toMatch(/<input[^>]*type="radio" name="ledger-source" id="ledger-source-file"[^>]*checked/);
    expect(html).toContain('<label class="choice__label" for="ledger-source-sheet">工作表“工单明细”</label>');
    for (const kind of ["年度", "季度", "月份"]) expect(html).toContain(`>${kind}</option>`);
    expect(html).toMatch(/id="import-progress-text" role="status" aria-live="polite"/);
    expect(html).toMatch(/id="period-error" role="alert"/);
    for (const id of [IMPORT_IDS.import, IMPORT_IDS.mappingSave, IMPORT_IDS.mappingCancel, IMPORT_IDS.drillButton]) {
      expect(html).toMatch(new RegExp(`<button[^>]*id="${id}"[^>]*type="button"`));
    }
    for (const label of ["导入", "保存并导入", "生成核查表"]) expect(html).toContain(`>${label}</button>`);
    expect(html).toContain('<label class="params__label" for="drill-unit">承办单位</label>');
  });
});
