/** The web edition in a real Chromium: no console errors or failed requests, working contents links, no sideways scrolling on a phone. */
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../scripts/browser/browser.js";
import { buildBook, fixture, seedManuscript } from "./helpers/build.js";

describe.each([
  { name: "seed book", dir: seedManuscript },
  { name: "fixture book", dir: fixture("features") },
])("web edition of the $name in Chromium", ({ dir }) => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const built = await buildBook(dir, ["html"]);
    browser = await launchBrowser(findBrowser(process.env.PUPPETEER_EXECUTABLE_PATH || undefined));
    page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${(error as Error).message}`));
    page.on("requestfailed", (request) => problems.push(`failed request: ${request.url().slice(0, 80)}`));
    await page.setViewport({ width: 375, height: 700 });
    await page.goto(pathToFileURL(built.path("html")).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("loads with no console errors and no failed requests", () => {
    expect(problems).toEqual([]);
  });

  it("does not scroll sideways at a 375 px phone width", async () => {
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.client).toBe(375);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });

  it("takes every contents link to its heading", async () => {
    const hrefs = await page.$$eval("nav.toc a", (links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.length).toBeGreaterThan(1);
    for (const href of hrefs) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click(`nav.toc a[href="${href}"]`);
      const landing = await page.evaluate((id) => {
        const target = document.getElementById(decodeURIComponent(id));
        if (!target) return undefined;
        const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
        const top = Math.round(target.getBoundingClientRect().top);
        // A heading near the end of the page cannot reach the top: it must then be on screen.
        return {
          tag: target.tagName,
          top: atBottom && top >= 0 && top < window.innerHeight ? 0 : top,
          hash: location.hash,
        };
      }, href.slice(1));
      expect(landing, href).toBeDefined();
      expect(landing!.tag).toMatch(/^H[1-6]$/);
      expect(landing!.hash).toBe(href);
      expect(Math.abs(landing!.top), href).toBeLessThan(5);
    }
  });
});
