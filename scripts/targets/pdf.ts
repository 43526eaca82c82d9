/** The print edition: Chromium lays out and prints the print document; Folio plans its pages and finishes the PDF. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { PDFDocument } from "pdf-lib";
import type { Page } from "puppeteer";
import { chapterData, type Book } from "../book.js";
import { toPx } from "../config/resolve.js";
import { report } from "../diagnostics.js";
import { findBrowser } from "./browser.js";
import { browserDeadlines, startBrowser, withDeadline } from "./browser-guard.js";
import { chapterGroups } from "./chapter-groups.js";
import { bookContents, flatContents, type ContentsEntry } from "./contents.js";
import { bodyStartId, outlineEntries, pageStarts } from "./pdf/chapter-pages.js";
import { normalizePdf, saveWithId } from "./pdf/deterministic.js";
import { finishPages } from "./pdf/finish.js";
import { namedDestinations } from "./pdf/pdf-links.js";
import { applyBlankPages, printedPlan, samePlan } from "./pdf/reconcile.js";
import { planFurniture, type Furniture } from "./pdf/folios.js";
import type { PagePlan } from "./pdf/layout.js";
import {
  layOutWithPlaces,
  misplaced,
  numberingStartId,
  pageLabel,
  placePages,
  type PlaceHints,
} from "./pdf/place-pages.js";
import { setPdfMetadata } from "./pdf/metadata.js";
import { setOutline } from "./pdf/outline.js";
import { printedTextBlock } from "./pdf/page-area.js";
import { printHtml, type TextBlock } from "./pdf/print-html.js";
import { printInParts } from "./pdf/print-parts.js";
import { fixToUnicode } from "./pdf/to-unicode.js";
import { furnitureInsets } from "../print/preflight-config.js";
import { checkImages, checkPageCount } from "../print/preflight-pages.js";
import { printedImages } from "../print/image-sizes.js";
import { allowOnlyBookFiles } from "./request-policy.js";
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
    await openDocument(page, documentPath);
    for (const url of blocked)
      report(
        book.configFile.file,
        "request-blocked",
        `The print document asked for \`${url}\`, outside the book: it was blocked`,
      );
    const block = await printedTextBlock(browser, book.config.print);
    const anchors = flatContents(bookContents(book))
      .filter((entry) => entry.kind !== "section")
      .map((entry) => entry.id);
    const { pdf, plan, places } = await printPlaced(page, book, block, anchors, context.progress, () =>
      openDocument(page, documentPath),
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
    const placeLabels = Object.fromEntries([...places].map(([id, at]) => [id, furniture.pages[at].label]));
    return {
      artifact: { format: "pdf", path },
      products: { pageStarts: pageStarts(groups, plan, furniture), places: placeLabels },
    };
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

/** Load the print document, with every font face and image ready. */
async function openDocument(page: Page, documentPath: string): Promise<void> {
  await page.goto(`file://${documentPath}`, { waitUntil: "load", timeout: 120_000 });
  // Load every face now: `document.fonts.ready` alone can resolve before layout has asked for a
  // face, and the page layout would then measure with a fallback font.
  const loadFonts = () =>
    Promise.all(Array.from(document.fonts, (face) => face.load()))
      .then(() => document.fonts.ready)
      .then(() => undefined);
  await withDeadline(page.evaluate(loadFonts), browserDeadlines.printMs, "loading fonts");
  // Every image decoded, so the page layout sees the sizes the printout will have.
  await page.evaluate(() => Promise.all(Array.from(document.images, (image) => image.decode().catch(() => undefined))));
}

/**
 * Lay out and print, with the pages of the book's places written in. Should a reference's page,
 * estimated before its target was laid out, need another number of digits, or a place print on
 * another page than the layout found (neither seen so far), the document is loaded and laid out
 * again with the pages learned, at most twice more.
 */
async function printPlaced(
  page: Page,
  book: Book,
  block: TextBlock,
  anchors: readonly string[],
  progress: ((message: string) => void) | undefined,
  reload: () => Promise<void>,
): Promise<{ pdf: PDFDocument; plan: PagePlan; places: Map<string, number> }> {
  let hints: PlaceHints = {};
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) await reload();
    progress?.("pdf: laying out pages");
    const planned = await withDeadline(
      layOutWithPlaces(page, block, book, hints),
      browserDeadlines.printMs,
      "laying out pages",
    );
    if (attempt === 1 && book.config.print.printer) checkImages(book, await printedImages(page));
    if (Object.keys(planned.relayout).length > 0 && attempt < 3) {
      hints = { ...hints, known: { ...hints.known, ...planned.relayout } };
      continue;
    }
    const printed = await withDeadline(
      printChecked(page, planned, anchors, book.config.printPassPages, progress),
      browserDeadlines.printMs,
      "printing",
    );
    const places = placePages(printed.plan, planned.places);
    const startId = numberingStartId(book);
    const bodyStart = printed.plan.groups.find((g) => g.id === startId)?.page ?? printed.plan.pages;
    const wrong = misplaced(printed.pdf, places, (at) => pageLabel(at, bodyStart));
    if (Object.keys(wrong).length === 0) return { ...printed, places };
    if (attempt === 3)
      throw new Error(`places printed on other pages than laid out: ${Object.keys(wrong).slice(0, 5).join(", ")}`);
    hints = { known: { ...hints.known, ...wrong }, printed: { ...hints.printed, ...wrong } };
  }
}
