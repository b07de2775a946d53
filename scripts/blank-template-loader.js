// webpack loader for src/web/blank-template.ts: replaces the module with the blank template's bytes (base64),
// made by scripts/blank-template.ts with the project's own code (loaded with tsx), and emits the same file as
// web/ankang-template.xlsx, the page's 下载空白模板. The page and its worker never request it at run time.
"use strict";

const TEMPLATE_FILE = "web/ankang-template.xlsx";

module.exports = function blankTemplateLoader() {
  const callback = this.async();
  const tsx = require("tsx/cjs/api");
  const { blankTemplateBytes } = tsx.require("./blank-template.ts", __filename);
  blankTemplateBytes().then((bytes) => {
    const buffer = Buffer.from(bytes);
    this.emitFile(TEMPLATE_FILE, buffer);
    callback(null, `export const BLANK_TEMPLATE_BASE64 = ${JSON.stringify(buffer.toString("base64"))};\n`);
  }, callback);
};

module.exports.TEMPLATE_FILE = TEMPLATE_FILE;
