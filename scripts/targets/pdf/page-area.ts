/**
 * The text block as Chromium's printing really fills it. Chromium rounds the page area when
 * it prints (a 715.2 px high block holds up to 716 px), so the page layout cannot take the CSS
 * height at its word: it prints probes and measures where content stops fitting. Lines are
 * broken at the CSS width, which the page layout takes as it is.
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
    const height = await largestFitting(page, css.height, (h) => `<style>${pageRule}</style><div style="height:${h}px"></div>`);
    const block = { width: css.width, height };
    cache.set(pageRule, block);
    return block;
  } finally {
    await page.close();
  }
}

/** The largest size near `guess` whose probe still prints on one page, up to Chromium's layout unit (1/64 px). */
async function largestFitting(page: Page, guess: number, probe: (size: number) => string): Promise<number> {
  let low = Math.floor(guess) - 2;
  let high = Math.floor(guess) + 3;
  while (high - low > 1 / 64) {
    const mid = (low + high) / 2;
    await page.setContent(probe(mid));
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    if ((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length === 1) low = mid;
    else high = mid;
  }
  return Math.ceil(low * 64) / 64;
}
