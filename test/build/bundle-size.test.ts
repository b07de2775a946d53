// Checks of the production build in dist/ (`npm test` runs `npm run build` first).

import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { NS } from "../../src/xlsx/namespaces";
import { checkManifest, parseManifest } from "../manifest/manifest-checks";

const NAMESPACE_URIS: readonly string[] = Object.values(NS).flat();

const DIST = path.resolve(__dirname, "../../dist");
// 40 KiB until issue 10; the method holder (workbook's method, waiting while it loads), the 2021-shape checks and
// RATE_DEDUCT / CASE_POINTS added about 7 KiB (most of it Chinese messages, three bytes a character).
const MAX_FUNCTIONS_BYTES = 48 * 1024;
const OFFICE_JS_HOST = "appsforoffice.microsoft.com";

function read(name: string): string {
  return fs.readFileSync(path.join(DIST, name), "utf8");
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "functions.js"))) {
    throw new Error("dist/ has no build: run `npm run build` first (`npm test` does)");
  }
});

describe("dist/ layout", () => {
  it.each(["functions.js", "functions.json", "taskpane.html", "taskpane.js", "taskpane.css", "manifest.xml"])("has %s", (name) => {
    expect(fs.statSync(path.join(DIST, name)).size).toBeGreaterThan(0);
  });

  it("has the icons", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(fs.existsSync(path.join(DIST, "assets", `icon-${size}.png`))).toBe(true);
    }
    expect(fs.existsSync(path.join(DIST, "assets", "logo-filled.png"))).toBe(true);
  });

  it("has a manifest that passes the offline checks for its own base URL", () => {
    const manifest = read("manifest.xml");
    const taskpaneUrl = parseManifest(manifest).facts.taskpaneUrl ?? "";
    const baseUrl = taskpaneUrl.replace(/\/taskpane\.html$/, "");
    expect(checkManifest(manifest, baseUrl, DIST)).toEqual([]);
  });
});

describe("dist/functions.js", () => {
  it(`is at most ${MAX_FUNCTIONS_BYTES} bytes`, () => {
    expect(fs.statSync(path.join(DIST, "functions.js")).size).toBeLessThanOrEqual(MAX_FUNCTIONS_BYTES);
  });

  it("runs alone with nothing but a CustomFunctions global and registers every function in functions.json once", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
    const ids = metadata.functions.map((fn) => fn.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);

    const associated: string[] = [];
    const context = vm.createContext({
      CustomFunctions: {
        associate(id: string, fn: unknown) {
          if (typeof fn !== "function") throw new Error(`associate(${id}) got a ${typeof fn}`);
          associated.push(id);
        },
      },
    });
    // No window, self, document, Office or console in this context.
    vm.runInContext(read("functions.js"), context, { filename: "functions.js" });
    expect([...associated].sort()).toEqual([...ids].sort());
  });
});

describe("dist/taskpane.html", () => {
  const html = () => read("taskpane.html");

  it("loads office.js, then functions.js, then taskpane.js (shared runtime)", () => {
    const page = html();
    const officeJs = page.indexOf(`https://${OFFICE_JS_HOST}/lib/1/hosted/office.js`);
    // The minified page may drop attribute quotes.
    const functionsJs = page.search(/<script[^>]*\ssrc=["']?functions\.js["'\s>]/);
    const taskpaneJs = page.search(/<script[^>]*\ssrc=["']?taskpane\.js["'\s>]/);
    expect(officeJs).toBeGreaterThanOrEqual(0);
    expect(functionsJs).toBeGreaterThan(officeJs);
    expect(taskpaneJs).toBeGreaterThan(functionsJs);
    expect(page).toMatch(/href=["']?taskpane\.css["'\s>]/);
  });
});

describe("no data leaves the workbook", () => {
  // The only absolute URLs the shipped code may contain are the add-in's own base and the Office.js
  // CDN, and the XML namespace names the .xlsx reader compares (src/xlsx/namespaces.ts NS): identifiers
  // matched as strings, never requested. Each is allowed as the exact URI, not as a host. The same holds for the
  // `docx` package the task pane bundles to write the 通报 (spec J): the namespace and relationship-type names it
  // writes into a document, and a link in one of its error messages; allowed as the exact strings of its own dist.
  const DOCX_URIS = new Set(fs.readFileSync(require.resolve("docx"), "utf8").match(/https?:\/\/[^"'`\s)]+/g) ?? []);
  it("bundles and the page name no host other than the add-in's own and Office.js's", () => {
    const manifest = read("manifest.xml");
    const ownHost = new URL(parseManifest(manifest).facts.taskpaneUrl ?? "https://localhost:3000").host;
    const allowed = new Set([ownHost, OFFICE_JS_HOST]);
    const files = fs.readdirSync(DIST).filter((name) => /\.(js|html|json|css)$/.test(name));
    expect(files).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "taskpane.html"]));
    const foreign: string[] = [];
    for (const name of files) {
      const text = read(name);
      for (const match of text.matchAll(/https?:\/\/([a-z0-9.-]+(?::\d+)?)/gi)) {
        const namespace = NAMESPACE_URIS.some((uri) => text.startsWith(uri, match.index) && !/[\w/.-]/.test(text[(match.index ?? 0) + uri.length] ?? ""));
        const uri = /https?:\/\/[^"'`\s)]+/y;
        uri.lastIndex = match.index ?? 0;
        const fromDocx = DOCX_URIS.has(uri.exec(text)?.[0] ?? "");
        if (!allowed.has(match[1].toLowerCase()) && !namespace && !fromDocx) foreign.push(`${name}: ${match[0]}`);
      }
    }
    expect(foreign).toEqual([]);
  });
});
