// Rewrites the add-in's development base URL (https://localhost:3000) in manifest XML to the base
// URL the add-in is deployed at, so an intranet build needs no hand edit of dist/manifest.xml.
//
// Used by webpack.config.js (CopyWebpackPlugin transform) and unit-tested in
// test/manifest/manifest.test.ts. Pure functions, CommonJS, no dependencies.

"use strict";

const DEV_BASE_URL = "https://localhost:3000";

/**
 * Validates and normalises a deployment base URL.
 * Returns it without a trailing slash, e.g. "https://intranet.example/assess".
 * Office only loads add-ins over HTTPS, so anything else is rejected.
 * @param {string} baseUrl
 * @returns {string}
 */
function normalizeBaseUrl(baseUrl) {
  if (typeof baseUrl !== "string" || baseUrl.trim() === "") {
    throw new Error("Add-in base URL is empty.");
  }
  const trimmed = baseUrl.trim();
  if (/[\s<>"'&]/.test(trimmed)) {
    throw new Error(`Add-in base URL must not contain whitespace or any of < > " ' &: ${trimmed}`);
  }
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`Add-in base URL is not a valid absolute URL: ${trimmed}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`Add-in base URL must use https (Office loads add-ins over HTTPS only): ${trimmed}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`Add-in base URL must not have a query, fragment or credentials: ${trimmed}`);
  }
  return (url.origin + url.pathname).replace(/\/+$/, "");
}

/**
 * Replaces the development base URL in manifest text with `baseUrl`.
 *  - "https://localhost:3000/<path>" becomes "<baseUrl>/<path>";
 *  - the bare origin "https://localhost:3000" becomes the origin of `baseUrl` (an origin such as an
 *    <AppDomain> value is not a path; the manifest itself lists none, since its own origin needs none).
 * With no `baseUrl` (undefined, null or ""), the text is returned unchanged.
 * @param {string} manifestXml
 * @param {string | undefined | null} baseUrl
 * @param {string} [fromBaseUrl] the base to replace, default https://localhost:3000
 * @returns {string}
 */
function rewriteManifestBaseUrl(manifestXml, baseUrl, fromBaseUrl = DEV_BASE_URL) {
  if (baseUrl === undefined || baseUrl === null || baseUrl === "") {
    return manifestXml;
  }
  const to = normalizeBaseUrl(baseUrl);
  const from = normalizeBaseUrl(fromBaseUrl);
  const toOrigin = new URL(to).origin;
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Either followed by "/" (a URL below the base) or by something that can't continue a host/port
  // (end of the bare origin), never by more host or port characters such as "https://localhost:30001".
  const pattern = new RegExp(`${escaped}(/|(?![\\w.:-]))`, "g");
  return manifestXml.replace(pattern, (_match, slash) => (slash === "/" ? `${to}/` : toOrigin));
}

module.exports = { DEV_BASE_URL, normalizeBaseUrl, rewriteManifestBaseUrl };
