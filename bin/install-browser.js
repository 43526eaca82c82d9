#!/usr/bin/env node
// After `npm install folio-press`: make sure the PDF has a browser, without ever failing the install.
// A browser already there (PUPPETEER_EXECUTABLE_PATH, Puppeteer's download, a system Chromium or
// Chrome) is used as it is. Otherwise Puppeteer's Chrome is downloaded as the `puppeteer` package
// does; without internet that fails with a warning saying what to do, and the install goes on
// (the HTML and EPUB editions need no browser). PUPPETEER_SKIP_DOWNLOAD=true skips the download.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const say = (line) => console.error(`folio: ${line}`);

async function main() {
  // A checkout: the development dependency `puppeteer` installs the browser (see .puppeteerrc.cjs).
  if (!existsSync(join(root, "lib", "browser", "browser-path.js"))) return;
  const { browserCandidates, puppeteerCacheDir } = await import(
    pathToFileURL(join(root, "lib", "browser", "browser-path.js")).href
  );
  const [found] = browserCandidates();
  if (found) return say(`the PDF will be printed with ${found.path} (${found.source})`);
  if (/^(true|1)$/i.test(process.env.PUPPETEER_SKIP_DOWNLOAD ?? ""))
    return say(
      "no browser found and PUPPETEER_SKIP_DOWNLOAD is set: install Chromium or Chrome for the PDF (see `npx folio doctor`)",
    );
  const { Browser, detectBrowserPlatform, install } = await import("@puppeteer/browsers");
  const { PUPPETEER_REVISIONS } = await import("puppeteer-core/internal/revisions.js");
  const platform = detectBrowserPlatform();
  if (!platform)
    return say(
      "no Chrome download exists for this platform: install Chromium or Chrome for the PDF (see `npx folio doctor`)",
    );
  say(
    `no Chromium or Chrome found: downloading Chrome ${PUPPETEER_REVISIONS.chrome} for the PDF into ${puppeteerCacheDir()}`,
  );
  // Puppeteer's own settings for a mirror are honoured.
  const baseUrl =
    process.env.PUPPETEER_CHROME_DOWNLOAD_BASE_URL || process.env.PUPPETEER_DOWNLOAD_BASE_URL || undefined;
  await install({
    browser: Browser.CHROME,
    buildId: PUPPETEER_REVISIONS.chrome,
    cacheDir: puppeteerCacheDir(),
    platform,
    baseUrl,
  });
  say("Chrome downloaded");
}

try {
  await main();
} catch (error) {
  const reason = String(error instanceof Error ? error.message : error)
    .split("\n")[0]
    .replace(/:$/, "");
  say(`the browser download failed (${reason}); the install goes on.`);
  say("The PDF needs Chromium or Chrome: install one (`npx folio doctor` says how) or set PUPPETEER_EXECUTABLE_PATH.");
}
