/** The print edition: Chromium lays out and prints the print document; Folio plans its pages and finishes the PDF. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { PDFDocument } from "pdf-lib";
import type { Page } from "puppeteer";
import { chapterData, type Book } from "../book.js";
import { toPx } from "../config/resolve.js";
import { report } from "../diagnostics.js";
import { findBrowser } from "../browser/browser.js";
import { browserDeadlines, startBrowser, withDeadline } from "../browser/browser-guard.js";
import { chapterGroups } from "./chapter-groups.js";
import { bookContents, flatContents, type ContentsEntry } from "./contents.js";
import { bodyStartId, outlineEntries, pageStarts } from "./pdf/chapter-pages.js";
import { normalizePdf, saveWithId } from "../util/deterministic-pdf.js";
import { finishPages } from "./pdf/finish.js";
import { namedDestinations } from "./pdf/pdf-links.js";
import { applyBlankPages, printedPlan, samePlan } from "./pdf/reconcile.js";
import { planFurniture, type Furniture } from "./pdf/folios.js";
import { layOutPages, type PagePlan } from "./pdf/layout.js";
import { setPdfMetadata } from "./pdf/metadata.js";
import { setOutline } from "./pdf/outline.js";
import { printedTextBlock } from "./pdf/page-area.js";
import { printHtml } from "./pdf/print-html.js";
import { printInParts } from "./pdf/print-parts.js";
import { fixToUnicode } from "./pdf/to-unicode.js";
import { furnitureInsets } from "../print/preflight-config.js";
import { checkOverflows } from "../print/overflow.js";
import { checkImages, checkPageCount } from "../print/preflight-pages.js";
import { printedImages } from "../print/image-sizes.js";
import { allowOnlyBookFiles } from "../browser/request-policy.js";
import type { Render } from "./target.js";
import { bookWords } from "../language/words.js";

const pointsPerPx = 0.75;

export const renderPdf: Render = async (book, context) => {
  const executable = findBrowser(book.config.browserPath);
  // Chromium starts while Node makes the print document (hyphenating a long book takes about a second).
  const starting = startBrowser(executable);
  starting.catch(() => undefined);
  let html: string;
  let staging: string;
  try {
    html = await printHtml(book, context.fonts);
    staging = await mkdtemp(join(tmpdir(), "folio-print-"));
  } catch (error) {
    await starting.then(
      ({ close }) => close(),
      () => undefined,
    );
    throw error;
  }
  const { browser, close: closeBrowser } = await starting.catch(async (error: unknown) => {
    await rm(staging, { recursive: true, force: true });
    throw error;
  });
  const abort = () => void closeBrowser();
  context.signal?.addEventListener("abort", abort, { once: true });
  // Ctrl-C during the launch: the abort event has already fired.
  if (context.signal?.aborted) abort();
  try {
    const documentPath = join(staging, "book.html");
    await writeFile(documentPath, html);
    const page = await browser.newPage();
    const blocked = await allowOnlyBookFiles(page, [
      staging,
      book.config.manuscriptDir,
      ...context.fonts.faces.map((f) => dirname(f.file)),
    ]);
    await page.goto(`file://${documentPath}`, { waitUntil: "load", timeout: 120_000 });
    // Load every face now: `document.fonts.ready` alone can resolve before layout has asked for a
    // face, and the page layout would then measure with a fallback font.
    const loadFonts = () =>
      Promise.all(Array.from(document.fonts, (face) => face.load()))
        .then(() => document.fonts.ready)
        .then(() => undefined);
    await withDeadline(page.evaluate(loadFonts), browserDeadlines.printMs, "loading fonts");
    // Every image decoded, so the page layout sees the sizes the printout will have.
    await page.evaluate(() =>
      Promise.all(Array.from(document.images, (image) => image.decode().catch(() => undefined))),
    );
    for (const url of blocked)
      report(
        book.configFile.file,
        "request-blocked",
        `The print document asked for \`${url}\`, outside the book: it was blocked`,
      );
    context.progress?.("pdf: laying out pages");
    const block = await printedTextBlock(browser, book.config.print);
    const planned = await withDeadline(
      layOutPages(page, block, (done, total, pages) =>
        context.progress?.(`pdf: laying out pages: ${percent(done, total)} of the book, ${pages} pages so far`),
      ),
      browserDeadlines.printMs,
      "laying out pages",
    );
    checkOverflows(book, planned.overflows ?? [], block.width);
    if (book.config.print.printer) checkImages(book, await printedImages(page));
    const anchors = flatContents(bookContents(book))
      .filter((entry) => entry.kind !== "section")
      .map((entry) => entry.id);
    const { pdf, plan } = await withDeadline(
      printChecked(page, planned, anchors, book.config.printPassPages, context.progress),
      browserDeadlines.printMs,
      "printing",
    );
    checkPageCount(book, pdf.getPageCount());
    const groups = chapterGroups(book);
    const furniture = planFurniture(
      plan,
      book.config.title,
      groups.map((group) => chapterData(group.files[0]).title),
      bodyStartId(groups),
    );
    context.progress?.("pdf: finishing");
    await fixToUnicode(pdf, context.fonts, html);
    await finishPages(pdf, finishOptions(book, context.fonts, furniture));
    setOutline(pdf, outlineEntries(book, (await bookWords(book.config))("contents")));
    setPdfMetadata(pdf, book.config);
    const path = join(context.outDir, `${book.config.slug}.pdf`);
    normalizePdf(pdf, new Date(book.config.modified));
    // The print document and the browser determine the content: they make a stable document ID.
    await writeFile(path, await saveWithId(pdf, Buffer.from(`${await browser.version()}\n${html}`)));
    return { artifact: { format: "pdf", path }, products: { pageStarts: pageStarts(groups, plan, furniture) } };
  } finally {
    context.signal?.removeEventListener("abort", abort);
    await closeBrowser();
    await rm(staging, { recursive: true, force: true });
  }
};

function finishOptions(
  book: Book,
  fonts: Parameters<typeof finishPages>[1]["fonts"],
  furniture: Furniture,
): Parameters<typeof finishPages>[1] {
  const { print } = book.config;
  const contentsTargets = new Map<string, number>();
  // The print contents set nested entries (a part's chapters, sections) at 0.95 of the top level's size (print.css).
  const visit = (entries: readonly ContentsEntry[], scale: number): void => {
    for (const entry of entries) {
      if (entry.kind === "section" && print.tocDepth < 2) continue;
      contentsTargets.set(entry.id, scale);
      visit(entry.sections, 0.95);
    }
  };
  visit(bookContents(book), 1);
  return {
    furniture,
    fonts,
    fontSize: print.fontSize,
    leading: print.leading,
    furnitureInset: furnitureInsets(print).folio,
    headInset: furnitureInsets(print).head,
    inside: toPx(print.margins.inside) * pointsPerPx,
    outside: toPx(print.margins.outside) * pointsPerPx,
    contentsTargets,
  };
}

/** Print `planned`; when the printout differs from the plan, decide the blank pages again from it and print once more. */
async function printChecked(
  page: Page,
  planned: PagePlan,
  anchors: readonly string[],
  passPages?: number,
  progress?: (message: string) => void,
): Promise<{ pdf: PDFDocument; plan: PagePlan }> {
  let plan = planned;
  for (let attempt = 1; ; attempt++) {
    const pdf = await printInParts(page, plan, passPages, progress);
    const printed = printedPlan(plan, anchors, namedDestinations(pdf), pdf.getPageCount());
    if (samePlan(printed, plan) && printed.pages === pdf.getPageCount()) return { pdf, plan };
    if (attempt === 2)
      throw new Error(`the printout has ${pdf.getPageCount()} pages where the page plan has ${plan.pages}`);
    plan = printed;
    await applyBlankPages(page, plan);
  }
}

/** `done` of `total` as a whole percentage. */
function percent(done: number, total: number): string {
  return `${Math.floor((100 * done) / Math.max(total, 1))} %`;
}
