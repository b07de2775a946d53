// Deployment on an intranet: one production build with ADDIN_BASE_URL and OFFICE_JS_URL set, into a
// temporary folder, must be a dist/ that can be copied as is to IIS or nginx. The nginx snippet is served by
// a real nginx here (Debian's, installed by .ci/run); web.config is checked as XML only (no IIS on Linux).

import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { checkManifest } from "../manifest/manifest-checks";
import { attribute, parseStrictXml, XmlElement } from "../manifest/xml-tree";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deployConfig = require("../../scripts/deploy-config");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js");

// The dev server's certificate comes from office-addin-dev-certs; never install a CA from a test.
jest.mock("office-addin-dev-certs", () => ({
  getHttpsServerOptions: jest.fn(async () => ({ ca: Buffer.from("ca"), key: Buffer.from("key"), cert: Buffer.from("cert") })),
}));

const ROOT = path.resolve(__dirname, "../..");
const BASE_URL = "https://kaohe.ankang.gov.cn/assess";
const OFFICE_JS_URL: string = deployConfig.OFFICE_JS_URL_21VIANET;
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => fs.existsSync(file));

let work: string;
let dist: string;

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "assess-deploy-"));
  dist = path.join(work, "dist");
  const cli = require.resolve("webpack-cli/bin/cli.js");
  execFileSync(process.execPath, [cli, "--mode", "production", "--output-path", dist], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_BASE_URL: BASE_URL, OFFICE_JS_URL },
    stdio: "pipe",
  });
}, 600_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("a build with ADDIN_BASE_URL and OFFICE_JS_URL", () => {
  it("names localhost nowhere", () => {
    const files = filesUnder(dist);
    expect(files.length).toBeGreaterThan(10);
    const mentioning = files.filter((file) => /localhost/i.test(fs.readFileSync(file, "latin1")));
    expect(mentioning.map((file) => path.relative(dist, file))).toEqual([]);
  });

  it("loads the chosen office.js, and no other, before the bundles in every HTML page", () => {
    const pages = filesUnder(dist).filter((file) => file.endsWith(".html"));
    expect(pages.map((file) => path.relative(dist, file))).toEqual(["taskpane.html", path.join("web", "index.html")]);
    // The page 网页版 loads no office.js: only its own script, under its own policy (no connections).
    const web = fs.readFileSync(path.join(dist, "web", "index.html"), "utf8");
    expect([...web.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1])).toEqual(["../web/page.js"]);
    expect(web).toContain(`content="${deployConfig.WEB_CSP}"`);
    for (const page of pages.filter((file) => file.endsWith("taskpane.html"))) {
      const html = fs.readFileSync(page, "utf8");
      const scripts = [...html.matchAll(/<script\b[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
      expect(scripts).toEqual([OFFICE_JS_URL, "functions.js", "taskpane.js"]);
      expect(html).not.toContain(deployConfig.DEFAULT_OFFICE_JS_URL);
    }
  });

  it("has a manifest.xml that a strict parser accepts and that passes every offline check for the base URL", () => {
    const manifest = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(checkManifest(manifest, BASE_URL, dist)).toEqual([]);
  });

  it("has an IIS web.config: JSON MIME type, and CORS on functions.json and functions.js only", () => {
    const config = parseStrictXml(fs.readFileSync(path.join(dist, "web.config"), "utf8"), "web.config");
    const all = (element: XmlElement): XmlElement[] => [element, ...element.children.flatMap(all)];
    const mime = all(config).filter((e) => e.local === "mimeMap");
    expect(mime.find((e) => attribute(e, "", "fileExtension") === ".json")?.attributes.find((a) => a.local === "mimeType")?.value).toBe(
      "application/json; charset=utf-8",
    );
    const corsPaths = config.children
      .filter((e) => e.local === "location")
      .filter((location) => all(location).some((e) => e.local === "add" && attribute(e, "", "name") === "Access-Control-Allow-Origin"))
      .map((location) => attribute(location, "", "path"));
    expect(corsPaths.sort()).toEqual(["functions.js", "functions.json"]);
    // CORS only there: the site-wide <system.webServer> adds no custom headers, and nothing sets Cache-Control.
    const siteWide = config.children.find((e) => e.local === "system.webServer")!;
    expect(all(siteWide).some((e) => e.local === "customHeaders")).toBe(false);
    expect(fs.readFileSync(path.join(dist, "web.config"), "utf8")).not.toMatch(/clientCache|Cache-Control"/);
  });

  it("has an nginx snippet for the base URL's path", () => {
    const conf = fs.readFileSync(path.join(dist, "nginx.conf"), "utf8");
    expect(conf).toContain("location /assess/ {");
    expect(conf).toContain("location = /assess/functions.json {");
    expect(conf).not.toContain("@BASE_PATH@");
  });
});

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

(NGINX ? describe : describe.skip)("dist/nginx.conf served by nginx", () => {
  let nginx: ChildProcess | undefined;
  let origin: string;

  beforeAll(async () => {
    const prefix = path.join(work, "nginx");
    fs.mkdirSync(path.join(prefix, "logs"), { recursive: true });
    for (const folder of [work, dist, path.join(dist, "assets"), path.join(dist, "web")]) fs.chmodSync(folder, 0o755);
    const site = fs.readFileSync(path.join(dist, "nginx.conf"), "utf8").split("/srv/ankang-assess/").join(`${dist}/`);
    fs.writeFileSync(path.join(prefix, "site.conf"), site);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const runAsRoot = process.getuid?.() === 0 ? "user root root;\n" : "";
    fs.writeFileSync(
      path.join(prefix, "nginx.conf"),
      `${runAsRoot}daemon off;\nworker_processes 1;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/logs/error.log;\n` +
        `events { worker_connections 64; }\n` +
        `http {\n  access_log off;\n  client_body_temp_path ${prefix}/body;\n  proxy_temp_path ${prefix}/proxy;\n` +
        `  fastcgi_temp_path ${prefix}/fastcgi;\n  uwsgi_temp_path ${prefix}/uwsgi;\n  scgi_temp_path ${prefix}/scgi;\n` +
        `  server {\n    listen 127.0.0.1:${port};\n    include ${prefix}/site.conf;\n  }\n}\n`,
    );
    execFileSync(NGINX!, ["-t", "-q", "-p", prefix, "-c", path.join(prefix, "nginx.conf")], { stdio: "pipe" });
    nginx = spawn(NGINX!, ["-p", prefix, "-c", path.join(prefix, "nginx.conf")], { stdio: "ignore" });
    for (let attempt = 0; ; attempt++) {
      try {
        await fetch(`${origin}/assess/taskpane.html`);
        break;
      } catch (error) {
        if (attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }, 30_000);

  afterAll(() => {
    nginx?.kill("SIGQUIT");
  });

  it("serves functions.json as UTF-8 JSON with the CORS header Excel on the web needs", async () => {
    const response = await fetch(`${origin}/assess/functions.json`, { headers: { Origin: "https://excel.officeapps.live.com" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual(JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")));
  }, 30_000);

  it("serves functions.js with CORS, and the page, manifest and icons with their types, no CORS and no Cache-Control", async () => {
    const js = await fetch(`${origin}/assess/functions.js`);
    expect([js.status, js.headers.get("content-type"), js.headers.get("access-control-allow-origin")]).toEqual([
      200,
      "application/javascript; charset=utf-8",
      "*",
    ]);
    for (const [file, type] of [
      ["taskpane.html", "text/html; charset=utf-8"],
      ["manifest.xml", "text/xml; charset=utf-8"],
      ["taskpane.css", "text/css; charset=utf-8"],
      ["assets/icon-32.png", "image/png"],
    ]) {
      const response = await fetch(`${origin}/assess/${file}`);
      expect([file, response.status, response.headers.get("content-type")]).toEqual([file, 200, type]);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("cache-control")).toBeNull();
    }
    expect((await fetch(`${origin}/assess/nonexistent.js`)).status).toBe(404);
  }, 30_000);

  it("serves the page 网页版 with its Content-Security-Policy (no connections), its worker and the blank template", async () => {
    for (const [file, type] of [
      ["web/index.html", "text/html; charset=utf-8"],
      ["web/page.js", "application/javascript; charset=utf-8"],
      ["web/worker.js", "application/javascript; charset=utf-8"],
      ["web/ankang-template.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ]) {
      const response = await fetch(`${origin}/assess/${file}`);
      expect([file, response.status, response.headers.get("content-type")]).toEqual([file, 200, type]);
      expect([file, response.headers.get("content-security-policy")]).toEqual([file, deployConfig.WEB_CSP_HEADER]);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    }
  }, 30_000);
});

describe("deploy options", () => {
  const saved = process.env.OFFICE_JS_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.OFFICE_JS_URL;
    else process.env.OFFICE_JS_URL = saved;
  });

  function templateOfficeJsUrl(env: Record<string, string>): string {
    const config = webpackConfig(env, { mode: "production" });
    const html = config.plugins.find((plugin: { constructor: { name: string } }) => plugin.constructor.name === "HtmlWebpackPlugin");
    return html.userOptions.templateParameters.officeJsUrl;
  }

  it("office.js: --env officeJsUrl, then OFFICE_JS_URL, else Microsoft's CDN", () => {
    delete process.env.OFFICE_JS_URL;
    expect(templateOfficeJsUrl({})).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    process.env.OFFICE_JS_URL = OFFICE_JS_URL;
    expect(templateOfficeJsUrl({})).toBe(OFFICE_JS_URL);
    expect(templateOfficeJsUrl({ officeJsUrl: "https://cdn.example.gov.cn/office.js" })).toBe("https://cdn.example.gov.cn/office.js");
  });

  it("rejects an office.js URL the HTTPS task pane cannot load or that would break the script tag", () => {
    const { normalizeOfficeJsUrl } = deployConfig;
    expect(() => normalizeOfficeJsUrl("http://cdn.example/office.js")).toThrow(/https/);
    expect(() => normalizeOfficeJsUrl("cdn.example/office.js")).toThrow(/valid absolute URL/);
    expect(() => normalizeOfficeJsUrl('https://cdn.example/"onload="x')).toThrow(/must not contain/);
    expect(() => normalizeOfficeJsUrl("https://user:pw@cdn.example/office.js")).toThrow(/credentials/);
    expect(() => normalizeOfficeJsUrl(" ")).toThrow(/empty/);
    expect(() => webpackConfig({ officeJsUrl: "http://cdn.example/office.js" }, { mode: "production" })).toThrow(/https/);
  });

  it("nginx snippet: the site root, a nested path, and a path nginx must see decoded", () => {
    const template = fs.readFileSync(path.join(ROOT, "deploy", "nginx.conf"), "utf8");
    expect(deployConfig.renderNginxConf(template, undefined)).toContain("location / {");
    expect(deployConfig.renderNginxConf(template, "https://a.example/x/y")).toContain("location = /x/y/functions.json {");
    expect(deployConfig.renderNginxConf(template, "https://a.example/%E8%80%83%E6%A0%B8")).toContain("location /考核/ {");
    expect(() => deployConfig.renderNginxConf(template, "https://a.example/a%20b")).toThrow(/nginx/);
  });
});

describe("development server", () => {
  it("serves https://localhost:3000 with office-addin-dev-certs' certificate, and only `webpack serve` asks for it", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const devCerts = require("office-addin-dev-certs") as { getHttpsServerOptions: jest.Mock };
    const built = webpackConfig({ WEBPACK_BUILD: true }, { mode: "development" });
    expect(built.devServer.server).toBe("https");
    expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
    const served = await webpackConfig({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(devCerts.getHttpsServerOptions).toHaveBeenCalledTimes(1);
    expect(served.devServer.server).toEqual({
      type: "https",
      options: { ca: Buffer.from("ca"), key: Buffer.from("key"), cert: Buffer.from("cert") },
    });
    expect(served.devServer.port).toBe(3000);
    expect(served.devServer.headers).toEqual({ "Access-Control-Allow-Origin": "*" });
  });
});
