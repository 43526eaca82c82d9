/**
 * The site edition in a real Chromium, from file:// as a reader who downloaded it would open it: every
 * page loads cleanly and asks for nothing outside the site, is valid HTML, fits a 320 px phone; the
 * sidebar, previous/next and the arrow keys lead where they should; the search finds every chapter;
 * the colour scheme is remembered from page to page; footnotes open as pop-ups.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../scripts/browser/browser.js";
import { isAllowedRequest } from "../scripts/browser/request-policy.js";
import { buildBook, fixture } from "./helpers/build.js";
import { validateHtml } from "./helpers/html-validate.js";

describe.each([
  { name: "features", dir: fixture("features") },
  { name: "structure", dir: fixture("structure") },
])("the site of the $name fixture", ({ dir }) => {
  let browser: Browser;
  let site: string;
  let pages: string[];
  const url = (name: string) => pathToFileURL(join(site, name)).href;

  /** A new tab whose problems and requests outside the site are gathered in `problems`. */
  async function open(problems: string[], width = 1280): Promise<Page> {
    const page = await browser.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${(error as Error).message}`));
    page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
    page.on("request", (request) => {
      if (!isAllowedRequest(request.url(), [site])) problems.push(`outside the site: ${request.url()}`);
    });
    await page.setViewport({ width, height: 800 });
    return page;
  }

  beforeAll(async () => {
    const built = await buildBook(dir, ["site", "html"]);
    site = built.path("site");
    // The home page, then the chapters in reading order, as the home page's "next" links them.
    pages = readdirSync(site).filter((name) => name.endsWith(".html"));
    browser = await launchBrowser(findBrowser(process.env.PUPPETEER_EXECUTABLE_PATH || undefined));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("loads every page with no console error, no failed request and no request outside the site, the search included", async () => {
    const problems: string[] = [];
    const page = await open(problems);
    for (const name of pages) {
      await page.goto(url(name), { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
    }
    await page.type("#search-input", "the");
    await page.waitForSelector("#search-results:not([hidden])");
    expect(problems).toEqual([]);
    expect(pages).toContain("index.html");
    expect(pages.length).toBeGreaterThan(2);
    await page.close();
  });

  it("is valid HTML on every page (html-validate: the standard, accessibility and document rules)", async () => {
    for (const name of pages) expect(await validateHtml(join(site, name)), name).toEqual([]);
  });

  it("does not scroll sideways at 320 px on any page, the contents open or closed", async () => {
    const page = await open([], 320);
    for (const name of pages) {
      await page.goto(url(name), { waitUntil: "load" });
      for (const menu of [false, true]) {
        if (menu) await page.click(".menu-button");
        const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(widths[0], `${name}${menu ? " with the contents open" : ""}`).toBeLessThanOrEqual(widths[1]);
      }
    }
    await page.close();
  });

  it("walks the book with next, then back with the ← key, then forward with →", async () => {
    const page = await open([]);
    await page.goto(url("index.html"), { waitUntil: "load" });
    const order = [await pageName(page)];
    while (await page.$("a.next")) {
      await Promise.all([page.waitForNavigation(), page.click("a.next")]);
      order.push(await pageName(page));
    }
    expect(order.length).toBe(pages.length);
    expect(new Set(order).size).toBe(pages.length);
    for (const expected of [...order].reverse().slice(1)) {
      await Promise.all([page.waitForNavigation(), page.keyboard.press("ArrowLeft")]);
      expect(await pageName(page)).toBe(expected);
    }
    await Promise.all([page.waitForNavigation(), page.keyboard.press("ArrowRight")]);
    expect(await pageName(page)).toBe(order[1]);
    // The arrows are the search field's own while the reader types there.
    await page.focus("#search-input");
    await page.keyboard.press("ArrowLeft");
    expect(await pageName(page)).toBe(order[1]);
    await page.close();
  });

  it("marks the current chapter in the sidebar with its sections open, and every sidebar link lands on its target", async () => {
    const page = await open([]);
    for (const name of pages.filter((p) => p !== "index.html")) {
      await page.goto(url(name), { waitUntil: "load" });
      const sidebar = await page.$$eval("#sidebar a", (links) =>
        links.map((a) => ({ href: a.getAttribute("href")!, current: a.getAttribute("aria-current") })),
      );
      expect(sidebar.filter((link) => link.current === "page").map((link) => link.href)).toEqual([name]);
      // Sections are listed for the current chapter only.
      const sectionPages = sidebar.filter((link) => link.href.includes("#")).map((link) => link.href.split("#")[0]);
      expect(sectionPages.every((page) => page === name)).toBe(true);
      for (const link of sidebar.filter((link) => !link.href.startsWith("../"))) {
        const [file, id] = link.href.split("#");
        expect(existsSync(join(site, file)), link.href).toBe(true);
        if (id) expect(readFileSync(join(site, file), "utf8"), link.href).toContain(`id="${id}"`);
      }
    }
    await page.close();
  });

  it("finds a word of every chapter with the search, and leads to that chapter", async () => {
    const page = await open([]);
    await page.goto(url("index.html"), { waitUntil: "load" });
    for (const name of pages.filter((p) => p !== "index.html")) {
      const word = wordOf(readFileSync(join(site, name), "utf8"));
      await page.click("#search-input", { count: 3 });
      await page.keyboard.press("Backspace");
      await page.type("#search-input", word);
      await page.waitForFunction((w) => document.getElementById("search-results")?.dataset.query === w, {}, word);
      const hrefs = await page.$$eval("#search-results a", (links) => links.map((a) => a.getAttribute("href")!));
      expect(
        hrefs.map((href) => href.split("#")[0]),
        `${word} in ${name}`,
      ).toContain(name);
    }
    await page.close();
  });

  it("remembers the colour scheme chosen from page to page, and the text size", async () => {
    const page = await open([]);
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
    await page.goto(url(pages[0]), { waitUntil: "load" });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.click(".settings-button");
    await page.click('input[name="scheme"][value="dark"]');
    await page.click('[data-text-size="1"]');
    expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe("dark");
    const dark = await background();
    expect(dark).not.toBe(light);
    const fontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    const larger = await fontSize();
    await page.goto(url(pages[1]), { waitUntil: "load" });
    expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe("dark");
    expect(await background()).toBe(dark);
    expect(await fontSize()).toBe(larger);
    expect(await page.$eval('input[name="scheme"][value="dark"]', (input) => (input as HTMLInputElement).checked)).toBe(
      true,
    );
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it("prints the text alone: no header, sidebar or previous/next", async () => {
    const page = await open([]);
    await page.goto(url(pages[1]), { waitUntil: "load" });
    await page.emulateMediaType("print");
    const shown = await page.evaluate(() =>
      [".site-header", "#sidebar", ".page-nav", "main"].map(
        (selector) => getComputedStyle(document.querySelector(selector)!).display !== "none",
      ),
    );
    expect(shown).toEqual([false, false, false, true]);
    await page.close();
  });

  it("opens a footnote as a pop-up holding the note, which stays at the chapter's end too", async () => {
    const withNotes = pages.filter((name) => readFileSync(join(site, name), "utf8").includes("data-footnote-ref"));
    expect(withNotes.length).toBeGreaterThan(0);
    const page = await open([]);
    await page.goto(url(withNotes[0]), { waitUntil: "load" });
    const note = await page.$eval("a[data-footnote-ref]", (a) =>
      document
        .getElementById((a as HTMLAnchorElement).hash.slice(1))!
        .textContent!.replace("↩", "")
        .trim(),
    );
    await page.click("a[data-footnote-ref]");
    const popup = await page.$eval(".note-popup", (el) => ({
      text: el.textContent!.trim(),
      open: el.matches(":popover-open"),
    }));
    expect(popup).toEqual({ text: note, open: true });
    await page.close();
  });

  it("links the other editions of the same build, beside the site folder", () => {
    const home = readFileSync(join(site, "index.html"), "utf8");
    const downloads = [...home.matchAll(/href="(\.\.\/[^"]+)"/g)].map((match) => match[1]);
    expect(downloads.length).toBeGreaterThan(0);
    for (const href of downloads) expect(existsSync(fileURLToPath(new URL(href, url("index.html")))), href).toBe(true);
  });
});

async function pageName(page: Page): Promise<string> {
  return decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);
}

/** A word a reader could search for: the longest word of the page's first paragraph. */
function wordOf(html: string): string {
  const text = /<main[^>]*>[\s\S]*?<p>([\s\S]*?)<\/p>/.exec(html)![1].replace(/<[^>]+>/g, " ");
  return text
    .split(/[^\p{L}]+/u)
    .sort((a, b) => b.length - a.length || a.localeCompare(b))[0]
    .toLowerCase();
}

describe("two builds of the same site", () => {
  it("give the same files with the same bytes, fonts and search index included", async () => {
    const hashes = async () => {
      const site = (await buildBook(fixture("features"), ["site"], { sourceDateEpoch: 1_741_910_400 })).path("site");
      return readdirSync(site, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .map((path) => `${path.slice(site.length)} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`)
        .sort();
    };
    const first = await hashes();
    expect(first.some((line) => line.startsWith("/assets/fonts/"))).toBe(true);
    expect(first.some((line) => line.startsWith("/assets/search-index.js"))).toBe(true);
    expect(await hashes()).toEqual(first);
  }, 120_000);
});
