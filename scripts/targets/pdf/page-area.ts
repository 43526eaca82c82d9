/**
 * The text block as Chromium's printing really fills it. Chromium rounds the page area when
 * it prints (a 715.2 px high block holds up to 716 px, and lines are broken at 437 px where
 * the CSS says 436.8 px), so the page layout cannot take the CSS size at its word: it prints
 * probes and measures where content stops fitting, first downwards, then across. A fifth of a
 * pixel of width is enough to break a paragraph into one line more or less.
 */
import type { Browser, Page } from "puppeteer";
import type { ResolvedPrint } from "../../config/resolve.js";
import { textBlock, type TextBlock } from "./print-html.js";

const cache = new Map<string, TextBlock>();

/** Width and height in CSS pixels that content may fill on a printed page of `print`. */
export async function printedTextBlock(browser: Browser, print: ResolvedPrint): Promise<TextBlock> {
  const { margins } = print;
  const pageRule = `@page { size: ${print.width} ${print.height}; margin: ${margins.top} ${margins.outside} ${margins.bottom} ${margins.inside}; } body { margin: 0; }`;
  const cached = cache.get(pageRule);
  if (cached) return cached;
  const css = textBlock(print);
  const page = await browser.newPage();
  try {
    const height = await largestFitting(
      page,
      css.height,
      (h) => `<style>${pageRule}</style><div style="height:${h}px"></div>`,
    );
    // Two boxes in a wrapping row: the second, as tall as the page allows, wraps to a second
    // line (and so to a second page) as soon as the first is wider than the text block.
    const width = await largestFitting(
      page,
      css.width,
      (w) =>
        `<style>${pageRule}</style><div style="display:flex;flex-wrap:wrap"><div style="width:${w}px;height:20px"></div><div style="width:0;height:${height - 10}px"></div></div>`,
    );
    const block = { width, height };
    cache.set(pageRule, block);
    return block;
  } finally {
    await page.close();
  }
}

/** The largest size near `guess` whose probe still prints on one page, on Chromium's grid of layout units (1/64 px). */
async function largestFitting(page: Page, guess: number, probe: (size: number) => string): Promise<number> {
  const unit = 64;
  let low = (Math.floor(guess) - 2) * unit;
  let high = (Math.floor(guess) + 3) * unit;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    await page.setContent(probe(mid / unit));
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    if ((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length === 1) low = mid;
    else high = mid;
  }
  return low / unit;
}
