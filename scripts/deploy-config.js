// Build options for deploying dist/ on an intranet server: which office.js the task pane loads, and the
// nginx snippet for the add-in's base path. Used by webpack.config.js; unit-tested in test/build/deploy.test.ts.
// Pure functions, CommonJS, no dependencies.

"use strict";

/** Microsoft's CDN (learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn). */
const DEFAULT_OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The CDN Microsoft names for Office 365 operated by 21Vianet in China, in the same article's section
 * "CDN references for other Microsoft 365 environments". Documented in docs/部署.md; never a default.
 */
const OFFICE_JS_URL_21VIANET = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";

/**
 * Validates the office.js URL written into the task pane's <script src="…">.
 * Office add-in pages are served over HTTPS, so office.js must be too; characters that could end the
 * attribute are rejected rather than escaped.
 * @param {string} officeJsUrl
 * @returns {string}
 */
function normalizeOfficeJsUrl(officeJsUrl) {
  if (typeof officeJsUrl !== "string" || officeJsUrl.trim() === "") {
    throw new Error("OFFICE_JS_URL is empty.");
  }
  const trimmed = officeJsUrl.trim();
  if (/[\s<>"'&`]/.test(trimmed)) {
    throw new Error(`OFFICE_JS_URL must not contain whitespace or any of < > " ' & \`: ${trimmed}`);
  }
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`OFFICE_JS_URL is not a valid absolute URL: ${trimmed}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`OFFICE_JS_URL must use https (the task pane is served over HTTPS): ${trimmed}`);
  }
  if (url.username || url.password) {
    throw new Error(`OFFICE_JS_URL must not carry credentials: ${trimmed}`);
  }
  return url.href;
}

/** `--env officeJsUrl=…` first, then $OFFICE_JS_URL, else Microsoft's CDN. */
function resolveOfficeJsUrl(env) {
  const chosen = (env && env.officeJsUrl) || process.env.OFFICE_JS_URL;
  return chosen ? normalizeOfficeJsUrl(chosen) : DEFAULT_OFFICE_JS_URL;
}

const BASE_PATH_PLACEHOLDER = "@BASE_PATH@";

/**
 * Fills deploy/nginx.conf in for the path part of the base URL ("" at the site root, else e.g. "/assess").
 * @param {string} template
 * @param {string | undefined} baseUrl normalized base URL, or undefined for the site root
 * @returns {string}
 */
function renderNginxConf(template, baseUrl) {
  // nginx matches locations against the decoded request path.
  const basePath = baseUrl ? decodeURIComponent(new URL(baseUrl).pathname).replace(/\/+$/, "") : "";
  if (/[\s;{}"'\\#]/.test(basePath)) throw new Error(`base path cannot be written into nginx.conf: ${basePath}`);
  if (!template.includes(BASE_PATH_PLACEHOLDER)) throw new Error(`nginx template has no ${BASE_PATH_PLACEHOLDER}`);
  return template.split(BASE_PATH_PLACEHOLDER).join(basePath);
}

/**
 * The page 网页版's Content-Security-Policy: only its own script, worker (a blob: worker where it is opened
 * from a folder) and style; no connection of any kind, no forms, no plugins. The page carries it in a meta tag;
 * the servers send it as a header (with frame-ancestors, which a meta tag cannot carry).
 */
const WEB_CSP = [
  "default-src 'none'", "script-src 'self'", "worker-src 'self' blob:", "style-src 'self'", "img-src 'self'",
  "connect-src 'none'", "base-uri 'none'", "form-action 'none'", "object-src 'none'",
].join("; ");
const WEB_CSP_HEADER = `${WEB_CSP}; frame-ancestors 'self'`;
const WEB_CSP_PLACEHOLDER = "@WEB_CSP@";

/** Fills the page's policy into a server configuration (deploy/web.config, deploy/nginx.conf). */
function renderWebCsp(template) {
  if (!template.includes(WEB_CSP_PLACEHOLDER)) throw new Error(`server template has no ${WEB_CSP_PLACEHOLDER}`);
  return template.split(WEB_CSP_PLACEHOLDER).join(WEB_CSP_HEADER);
}

module.exports = { WEB_CSP, WEB_CSP_HEADER, renderWebCsp, DEFAULT_OFFICE_JS_URL, OFFICE_JS_URL_21VIANET, normalizeOfficeJsUrl, resolveOfficeJsUrl, renderNginxConf };
