/** The typographic cover: templates/cover/front.html.ejs drawn by Chromium into a PNG, from local data only. */
import type { ResolvedConfig } from "../../config/resolve.js";
import { inlineFontFaces, renderTemplate } from "../../templates.js";
import type { FontSet } from "../../templates.js";
import { coverDrawingKey, type CoverSize, type EarlyCover } from "./cover-early.js";

export { epubCoverSize, type CoverSize } from "./cover-early.js";

/** The cover page's HTML, with the book's fonts inlined so that the page needs no file or network. */
export async function coverHtml(config: ResolvedConfig, fonts: FontSet): Promise<string> {
  return renderTemplate("cover/front.html.ejs", {
    lang: config.language,
    title: config.title,
    subtitle: config.subtitle ?? "",
    authors: config.authors,
    fontFamily: fonts.family,
    fontFaces: await inlineFontFaces(fonts, "file"),
  });
}

/** Draw the cover page at `size` and return the PNG (the one drawn early, when it is that cover); the page may load nothing but inline data. */
export async function renderCoverPng(
  config: ResolvedConfig,
  fonts: FontSet,
  size: CoverSize,
  signal?: AbortSignal,
  earlyCover?: EarlyCover,
): Promise<Buffer> {
  const early = await earlyCover?.drawing;
  if (early?.key === coverDrawingKey(config, fonts, size)) return early.drawing;
  return drawCover(config, await coverHtml(config, fonts), size, signal);
}

/** Draw `html` at `size` with a browser of its own. */
export async function drawCover(
  config: ResolvedConfig,
  html: string,
  size: CoverSize,
  signal?: AbortSignal,
): Promise<Buffer> {
  signal?.throwIfAborted();
  // Puppeteer is loaded only when a drawing is made here (most builds take the one drawn early, in a worker).
  const { findBrowser, launchBrowser } = await import("../../browser/browser.js");
  const browser = await launchBrowser(findBrowser(config.browserPath));
  const abort = () => void browser.close();
  signal?.addEventListener("abort", abort, { once: true });
  try {
    // Stopped while the browser was starting.
    signal?.throwIfAborted();
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      if (/^(data|about):/.test(request.url())) void request.continue();
      else void request.abort("blockedbyclient");
    });
    await page.setViewport({ width: size.width, height: size.height, deviceScaleFactor: 1 });
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return Buffer.from(await page.screenshot({ type: "png", fullPage: false, omitBackground: false }));
  } finally {
    signal?.removeEventListener("abort", abort);
    await browser.close();
  }
}
