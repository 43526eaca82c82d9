/** The typographic cover: templates/cover/front.html.ejs drawn by Chromium into a PNG, from local data only. */
import type { ResolvedConfig } from "../../config/resolve.js";
import { inlineFontFaces, loadFonts, renderTemplate } from "../../templates.js";
import type { FontSet } from "../../templates.js";
import { findBrowser, launchBrowser } from "../browser.js";
import { takeEarlyCover, type EarlyDrawing } from "./cover-early.js";

export interface CoverSize {
  readonly width: number;
  readonly height: number;
}

/** The EPUB cover size that stores ask for (1:1.6). */
export const epubCoverSize: CoverSize = { width: 1600, height: 2560 };

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

/** Start drawing the cover page at `size` (see cover-early.ts); `key` tells which drawing it is. */
export async function startDrawing(config: ResolvedConfig, size: CoverSize, signal: AbortSignal): Promise<EarlyDrawing> {
  const fonts = await loadFonts();
  const drawing = coverHtml(config, fonts).then((html) => drawCover(config, html, size, signal));
  // Failures are reported when the EPUB takes the drawing; until then, nobody is listening.
  drawing.catch(() => undefined);
  return { key: drawingKey(config, fonts, size), drawing };
}

/** What a cover drawing depends on: the template's inputs (the fonts' files are Folio's own) and the size. */
function drawingKey(config: ResolvedConfig, fonts: FontSet, size: CoverSize): string {
  return JSON.stringify([size.width, size.height, config.language, config.title, config.subtitle, config.authors, fonts.family, fonts.faces.map((face) => face.file)]);
}

/** Draw the cover page at `size` and return the PNG; the page may load nothing but inline data. */
export async function renderCoverPng(config: ResolvedConfig, fonts: FontSet, size: CoverSize, signal?: AbortSignal): Promise<Buffer> {
  const early = await takeEarlyCover(config);
  if (early?.key === drawingKey(config, fonts, size)) return early.drawing;
  return drawCover(config, await coverHtml(config, fonts), size, signal);
}

async function drawCover(config: ResolvedConfig, html: string, size: CoverSize, signal?: AbortSignal): Promise<Buffer> {
  signal?.throwIfAborted();
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
