// Puppeteer's download of its own Chrome is skipped when a system Chromium or
// Chrome is present (or PUPPETEER_EXECUTABLE_PATH names one), so installs work
// offline; on a machine without one, plain `npm install` fetches Chrome as usual.
const { existsSync } = require("node:fs");

const systemBrowsers = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];
const hasSystemBrowser =
  Boolean(process.env.PUPPETEER_EXECUTABLE_PATH) || systemBrowsers.some((p) => existsSync(p));

/** @type {import("puppeteer").Configuration} */
module.exports = {
  skipDownload: process.env.PUPPETEER_SKIP_DOWNLOAD === "true" || hasSystemBrowser,
};
