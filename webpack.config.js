// webpack configuration for the 安康市考核计算 Excel add-in (shared runtime: task pane + custom functions).
// Modelled on Microsoft's Excel custom-functions shared-runtime template (yo office).
//
//   npm run build                      production build into dist/, manifest URLs left at https://localhost:3000
//   ADDIN_BASE_URL=https://host/path npm run build
//   npx webpack --mode production --env baseUrl=https://host/path
//                                      production build whose dist/manifest.xml points at https://host/path
//                                      (--env baseUrl wins over ADDIN_BASE_URL; development builds never rewrite)
//   OFFICE_JS_URL=https://cdn/…/office.js npm run build   (or --env officeJsUrl=…)
//                                      the office.js the task pane loads; default Microsoft's CDN
//   npm run dev-server                 https://localhost:3000 with office-addin-dev-certs' localhost certificate
//
// Outputs (dist/, copied as is to the web server): functions.js (standalone custom-functions bundle),
// functions.json (custom-functions metadata generated from the JSDoc of src/functions/functions.ts, with the
// descriptions written from the built-in rule set by FunctionDescriptionsPlugin),
// taskpane.html (+ taskpane.js, taskpane.css), manifest*.xml, assets/, and the server configuration:
// web.config (IIS) and nginx.conf (an nginx snippet for the base URL's path), see docs/部署.md.

"use strict";

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { rewriteManifestBaseUrl, normalizeBaseUrl } = require("./scripts/manifest-base-url");
const { resolveOfficeJsUrl, renderNginxConf, renderWebCsp, WEB_CSP } = require("./scripts/deploy-config");

const FUNCTIONS_INPUT = "./src/functions/functions.ts";
const WEB_WORKER = "web/worker.js";
const WEB_WORKER_SOURCE = "web/worker-source.js";
const BLANK_TEMPLATE_MODULE = path.resolve(__dirname, "src/web/blank-template.ts");

/**
 * Emits web/worker-source.js: the built worker as a string the page can run as a blob: worker where the
 * browser refuses a worker file (the page opened from a shared folder, file://). See src/web/worker-client.ts.
 */
class InlineWorkerPlugin {
  apply(compiler) {
    const name = "InlineWorkerPlugin";
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE }, () => {
        const asset = compilation.getAsset(WEB_WORKER);
        if (!asset) return;
        const code = asset.source.source().toString().replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
        compilation.emitAsset(WEB_WORKER_SOURCE, new sources.RawSource(`globalThis.__ankangWorkerSource = ${JSON.stringify(code)};\n`));
      });
    });
  }
}
const FUNCTIONS_METADATA = "functions.json";

/**
 * Writes each function's description (band text, points, caps) into functions.json from the built-in rule set
 * (src/functions/descriptions.ts), after custom-functions-metadata-plugin has generated it from the JSDoc, which
 * carries no rule values. The TypeScript module is loaded with tsx, so the rules stay in one place.
 */
class FunctionDescriptionsPlugin {
  apply(compiler) {
    const name = "FunctionDescriptionsPlugin";
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(FUNCTIONS_METADATA);
        if (!asset) return; // custom-functions-metadata-plugin reports why
        const tsx = require("tsx/cjs/api");
        const { withBuiltInDescriptions } = tsx.require("./src/functions/descriptions.ts", __filename);
        const metadata = withBuiltInDescriptions(JSON.parse(asset.source.source().toString()));
        compilation.updateAsset(FUNCTIONS_METADATA, new sources.RawSource(`${JSON.stringify(metadata, null, 2)}\n`));
      });
    });
  }
}

/**
 * The deployment base URL for the manifest: `--env baseUrl=...` first, then $ADDIN_BASE_URL.
 * Undefined means "keep https://localhost:3000".
 */
function resolveBaseUrl(env) {
  const fromEnv = (env && env.baseUrl) || process.env.ADDIN_BASE_URL;
  return fromEnv ? normalizeBaseUrl(fromEnv) : undefined;
}

/**
 * HTTPS options for the dev server: the localhost certificate of office-addin-dev-certs, signed by a
 * development CA it installs in the user's trust store on first use (as Microsoft's Office-Addin-TaskPane
 * template does). Only `webpack serve` asks for it; builds and tests never touch certificates.
 */
async function devServerHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

function buildConfig(env, argv) {
  const dev = argv.mode === "development";
  const baseUrl = dev ? undefined : resolveBaseUrl(env);
  if (dev && ((env && env.baseUrl) || process.env.ADDIN_BASE_URL)) {
    console.warn("[webpack.config] development build: ignoring the add-in base URL; manifest stays on https://localhost:3000");
  }
  const officeJsUrl = resolveOfficeJsUrl(env);

  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    // ES2017 syntax for the webpack runtime too (WebView2 and Edge Legacy webviews both run it).
    target: ["web", "es2017"],
    entry: {
      // Order matters: HtmlWebpackPlugin injects `functions` before `taskpane`.
      functions: FUNCTIONS_INPUT,
      taskpane: "./src/taskpane/taskpane.ts",
      // 网页版 (issue 17): the page and its worker, in dist/web/.
      "web/page": "./src/web/page.ts",
      "web/worker": "./src/web/worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Relative URLs: the bundles work from whatever base URL the manifest points at.
      publicPath: "",
      // functions.js must run in a context with nothing but a CustomFunctions global (no window/self).
      globalObject: "globalThis",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          // The blank template, made at build time and inlined into the worker (scripts/blank-template-loader.js).
          test: BLANK_TEMPLATE_MODULE,
          use: { loader: path.resolve(__dirname, "scripts/blank-template-loader.js") },
        },
        {
          test: /\.ts$/,
          exclude: [/node_modules/, BLANK_TEMPLATE_MODULE],
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // Type-check only what is bundled (tests and scripts are checked by `npm run typecheck`).
              onlyCompileBundledFiles: true,
              compilerOptions: {
                // ES modules so webpack can tree-shake the engine; ES2017 syntax for older webviews.
                module: "es2020",
                target: "es2017",
                sourceMap: true,
              },
            },
          },
        },
        // No explicit custom-functions loader rule: custom-functions-metadata-plugin 2.x adds its own
        // loader to FUNCTIONS_INPUT (NormalModule beforeLoaders hook), which appends one
        // `CustomFunctions.associate("ID", fn)` per @customfunction. A second rule here would register
        // every function twice — so functions.ts must not call CustomFunctions.associate itself.
      ],
    },
    optimization: {
      // Every entry is a self-contained file: no shared runtime chunk, no split vendor chunks.
      runtimeChunk: false,
      splitChunks: false,
    },
    performance: {
      hints: dev ? false : "warning",
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: FUNCTIONS_METADATA,
        input: FUNCTIONS_INPUT,
      }),
      new FunctionDescriptionsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the task pane page also hosts the custom functions.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        // <script src="<%= officeJsUrl %>"> in the template.
        templateParameters: { officeJsUrl },
      }),
      new HtmlWebpackPlugin({
        filename: "web/index.html",
        template: "./src/web/index.html",
        chunks: ["web/page"],
        // Scripts relative to web/index.html (page.js beside it).
        publicPath: "../",
        templateParameters: { csp: WEB_CSP },
      }),
      new InlineWorkerPlugin(),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "src/web/web.css",
            to: "web/web.css",
          },
          {
            from: "assets/*",
            to: "assets/[name][ext]",
          },
          {
            from: "src/taskpane/taskpane.css",
            to: "taskpane.css",
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return baseUrl ? rewriteManifestBaseUrl(content.toString("utf8"), baseUrl) : content;
            },
          },
          {
            from: "deploy/web.config",
            to: "web.config",
            transform(content) {
              return renderWebCsp(content.toString("utf8"));
            },
          },
          {
            from: "deploy/nginx.conf",
            to: "nginx.conf",
            transform(content) {
              return renderWebCsp(renderNginxConf(content.toString("utf8"), baseUrl));
            },
          },
        ],
      }),
    ],
    devServer: {
      // Replaced by office-addin-dev-certs' certificate when serving (see module.exports below).
      server: "https",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      // Serve webpack's output only, never the project folder.
      static: false,
      // No client/HMR code injected: functions.js stays standalone in development too.
      // Reload the task pane (or restart Excel) after a rebuild.
      client: false,
      hot: false,
      liveReload: false,
    },
  };
}

module.exports = (env = {}, argv = {}) => {
  const config = buildConfig(env, argv);
  if (!env.WEBPACK_SERVE) return config;
  return devServerHttpsOptions().then((options) => ({ ...config, devServer: { ...config.devServer, server: { type: "https", options } } }));
};

module.exports.resolveBaseUrl = resolveBaseUrl;
