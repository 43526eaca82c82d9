/**
 * Lighthouse's accessibility and best-practices audits of a page, in the system Chromium started by
 * chrome-launcher with Folio's offline flags: every host but the page's loopback server goes to
 * Folio's dead proxy, and Google's service addresses to `offline.invalid`, so the audit can reach
 * no network (the test records every attempt at the proxy).
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { findBrowser, launchFlags } from "../../scripts/browser/browser.js";
import { offlineFlags } from "../../scripts/browser/request-policy.js";

export interface LighthouseScores {
  readonly accessibility: number;
  readonly bestPractices: number;
  /** The audits that did not pass in full, with their scores, to say why a score fell. */
  readonly failing: string[];
}

/** Audit `url` (served on 127.0.0.1: Lighthouse opens no file: URL) as on a phone, Lighthouse's default; scores from 0 to 100. */
export async function lighthouseScores(url: string): Promise<LighthouseScores> {
  const chrome = await chromeLauncher.launch({
    chromePath: findBrowser(process.env.PUPPETEER_EXECUTABLE_PATH || undefined),
    // The page is served on loopback, which Folio's own flags send to the dead proxy too: here only loopback goes direct.
    chromeFlags: [
      "--headless=new",
      ...launchFlags,
      ...offlineFlags
        .map((flag) => (flag.startsWith("--host-resolver-rules=") ? `${flag}, EXCLUDE 127.0.0.1` : flag))
        .filter((flag) => !flag.startsWith("--proxy-bypass-list")),
    ],
    logLevel: "silent",
    // chrome-launcher's own defaults carry a second --disable-features, and Chromium obeys only the last one:
    // Folio's list (Translate, SafeBrowsing, OptimizationHints…) would be lost, and those features try to connect.
    ignoreDefaultFlags: true,
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ["accessibility", "best-practices"],
      logLevel: "error",
      output: "json",
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError)
      throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.code} ${runtimeError.message}`);
    const failing = Object.values(audits)
      .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative")
      .map((audit) => `${audit.id} ${audit.score}`);
    return {
      accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
      bestPractices: Math.round((categories["best-practices"].score ?? 0) * 100),
      failing,
    };
  } finally {
    chrome.kill();
  }
}
