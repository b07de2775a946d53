// The assessment controls in taskpane.html: every element the view uses, real buttons, a live status.
import * as fs from "fs";
import * as path from "path";
import { ACTION_BUTTONS, PANE_IDS } from "../../src/taskpane/view";

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
});
