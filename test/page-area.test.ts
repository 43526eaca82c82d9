/** The printed text block: the size the page layout lays out columns at must be the size Chromium prints at, to the layout unit. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "puppeteer";
import { findBrowser } from "../scripts/browser/browser.js";
import { startBrowser, type GuardedBrowser } from "../scripts/browser/browser-guard.js";
import { printedTextBlock } from "../scripts/targets/pdf/page-area.js";
import type { ResolvedPrint } from "../scripts/config/resolve.js";

const unit = 1 / 64;

/** How many pages Chromium prints for `body` on pages of `print`. */
async function printedPages(page: Page, print: ResolvedPrint, body: string): Promise<number> {
  const { margins } = print;
  const rule = `@page { size: ${print.width} ${print.height}; margin: ${margins.top} ${margins.outside} ${margins.bottom} ${margins.inside}; } body { margin: 0; }`;
  await page.setContent(`<style>${rule}</style>${body}`);
  return (
    Buffer.from(await page.pdf({ preferCSSPageSize: true }))
      .toString("latin1")
      .match(/\/Type\s*\/Page\b/g) ?? []
  ).length;
}

/** A row whose second box wraps under the first, onto a second page, when the first is wider than the text block. */
const row = (width: number, height: number) =>
  `<div style="display:flex;flex-wrap:wrap"><div style="width:${width}px;height:20px"></div><div style="width:0;height:${height - 10}px"></div></div>`;

describe.each([
  {
    trim: "6in × 9in, the default margins",
    width: "6in",
    height: "9in",
    margins: { top: "0.75in", bottom: "0.8in", inside: "0.85in", outside: "0.6in" },
  },
  {
    trim: "A5 in millimetres",
    width: "148mm",
    height: "210mm",
    margins: { top: "20mm", bottom: "22mm", inside: "23mm", outside: "17mm" },
  },
  {
    trim: "5.5in × 8.5in, odd margins",
    width: "5.5in",
    height: "8.5in",
    margins: { top: "0.7in", bottom: "0.66in", inside: "0.77in", outside: "0.53in" },
  },
])("the printed text block of $trim", ({ width, height, margins }) => {
  const print = { width, height, margins } as unknown as ResolvedPrint;
  let guarded: GuardedBrowser;
  let page: Page;
  beforeAll(async () => {
    guarded = await startBrowser(findBrowser());
    page = await guarded.browser.newPage();
  });
  afterAll(async () => {
    await guarded?.close();
  });

  it("holds a box of its height on one page, and not a layout unit more", async () => {
    const block = await printedTextBlock(guarded.browser, print);
    expect(await printedPages(page, print, `<div style="height:${block.height}px"></div>`)).toBe(1);
    expect(await printedPages(page, print, `<div style="height:${block.height + unit}px"></div>`)).toBe(2);
  });

  it("holds a box of its width on one line, on right-hand and left-hand pages, and not a layout unit more", async () => {
    const block = await printedTextBlock(guarded.browser, print);
    const leftPage = `<div style="break-after:page"></div>`;
    expect(await printedPages(page, print, row(block.width, block.height))).toBe(1);
    expect(await printedPages(page, print, row(block.width + unit, block.height))).toBe(2);
    expect(await printedPages(page, print, leftPage + row(block.width, block.height))).toBe(2);
    expect(await printedPages(page, print, leftPage + row(block.width + unit, block.height))).toBe(3);
  });
});
