/** The print wrap cover: Chromium lays out back, spine and front at the computed size; pdf-lib sets the boxes. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PDFDocument } from "pdf-lib";
import type { Book } from "../../book.js";
import type { ResolvedConfig } from "../../config/resolve.js";
import { printerCoverGeometry } from "../../print/spine-profile.js";
import { fileFontFaces, renderTemplate, type FontSet } from "../../templates.js";
import { bookWords } from "../../language/words.js";
import { folioVersion } from "../../version.js";
import { findBrowser, launchBrowser } from "../../browser/browser.js";
import { coverHtml } from "../epub/cover-render.js";
import { makePdfDeterministic } from "../../util/deterministic-pdf.js";
import type { CoverGeometry } from "../../print/spine.js";

export interface CoverResult {
  readonly path: string;
  readonly geometry: CoverGeometry;
  /** The browser that rendered it, as it names itself (`HeadlessChrome/…`). */
  readonly browserVersion: string;
}

/** The wrap for the interior PDF at `interiorPath`, written to `outPath`. */
export async function renderCoverPdf(
  book: Book,
  interiorPath: string,
  outPath: string,
  fonts: FontSet,
  signal?: AbortSignal,
): Promise<CoverResult> {
  const { config } = book;
  const interior = await PDFDocument.load(await readFile(interiorPath), { updateMetadata: false });
  const { print } = config;
  const geometry = printerCoverGeometry(print, interior.getPageCount());
  const staging = await mkdtemp(join(tmpdir(), "folio-cover-"));
  const browser = await launchBrowser(findBrowser(config.browserPath));
  const abort = () => void browser.close();
  signal?.addEventListener("abort", abort, { once: true });
  try {
    const css = fileFontFaces(fonts);
    const frontPath = join(staging, "front.html");
    await writeFile(frontPath, await coverHtml(config, fonts));
    const wrapPath = join(staging, "wrap.html");
    const frontUrl = pathToFileURL(frontPath).href;
    const frontImage = await coverImageUrl(config);
    await writeFile(
      wrapPath,
      await renderTemplate("cover/wrap.html.ejs", {
        book: config,
        css,
        fontFamily: fonts.family,
        g: geometry,
        frontUrl,
        frontImage,
        words: await bookWords(config),
      }),
    );
    const page = await browser.newPage();
    await page.goto(pathToFileURL(wrapPath).href, { waitUntil: "load", timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: 60_000 });
    const bytes = await setBoxes(pdf, geometry, config);
    await writeFile(outPath, await makePdfDeterministic(bytes, new Date(config.modified)));
    return { path: outPath, geometry, browserVersion: await browser.version() };
  } finally {
    signal?.removeEventListener("abort", abort);
    await browser.close().catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * The author's `cover:` image as a data URL for the front panel (so that the wrap's script may read
 * its colours), or undefined for the typographic front.
 */
async function coverImageUrl(config: ResolvedConfig): Promise<string | undefined> {
  if (!config.cover) return undefined;
  const path = resolve(config.manuscriptDir, config.cover);
  const type = /\.png$/i.test(path) ? "image/png" : "image/jpeg";
  return `data:${type};base64,${(await readFile(path)).toString("base64")}`;
}

/** MediaBox and BleedBox: the whole sheet; TrimBox: the sheet less the bleed. Exact, whatever Chromium rounded. */
async function setBoxes(bytes: Uint8Array, g: CoverGeometry, config: ResolvedConfig): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  if (pdf.getPageCount() !== 1) throw new Error(`the cover came out as ${pdf.getPageCount()} pages instead of one`);
  const [page] = pdf.getPages();
  const width = g.width * 72;
  const height = g.height * 72;
  const bleed = g.bleed * 72;
  page.setMediaBox(0, 0, width, height);
  page.setCropBox(0, 0, width, height);
  page.setBleedBox(0, 0, width, height);
  page.setTrimBox(bleed, bleed, width - 2 * bleed, height - 2 * bleed);
  pdf.setTitle(`${config.title}: cover`);
  if (config.authors.length > 0) pdf.setAuthor(config.authors.join(", "));
  pdf.setCreator(`Folio ${folioVersion}`);
  pdf.setProducer(`Folio ${folioVersion} (Chromium, pdf-lib)`);
  return pdf.save({ useObjectStreams: false });
}
