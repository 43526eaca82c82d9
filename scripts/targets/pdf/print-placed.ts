/**
 * Laying out and printing the print document: its pages planned (with the pages of the book's
 * places written in), printed, and the printout checked against the plan and the places.
 */
import type { PDFDocument } from "pdf-lib";
import type { Page } from "puppeteer";
import type { Book } from "../../book.js";
import { toPx } from "../../config/resolve.js";
import { browserDeadlines, withDeadline } from "../../browser/browser-guard.js";
import { checkImages } from "../../print/preflight-pages.js";
import { printedImages } from "../../print/image-sizes.js";
import type { PagePlan } from "./layout.js";
import { namedDestinations } from "./pdf-links.js";
import { misplaced, pinDestinations } from "./place-destinations.js";
import { layOutWithPlaces, numberingStartId, pageLabel, placePages, type PlaceHints } from "./place-pages.js";
import type { TextBlock } from "./print-html.js";
import { printInParts } from "./print-parts.js";
import { applyBlankPages, printedPlan, samePlan } from "./reconcile.js";

/** Load the print document, with every font face and image ready. */
export async function openPrintDocument(page: Page, documentPath: string): Promise<void> {
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

export interface PrintOptions {
  readonly block: TextBlock;
  /** Each part's and chapter's first target, in order (to read the printed plan back). */
  readonly anchors: readonly string[];
  readonly progress?: (message: string) => void;
  /** Load the print document anew, for another layout. */
  readonly reload: () => Promise<void>;
}

/**
 * Lay out and print, with the pages of the book's places written in. Should a place print on another
 * page than the layout found (not seen so far), the document is loaded and laid out again with the
 * pages learned, at most twice more.
 */
export async function printPlaced(
  page: Page,
  book: Book,
  options: PrintOptions,
): Promise<{ pdf: PDFDocument; plan: PagePlan; places: Map<string, number>; overflows: PagePlan["overflows"] }> {
  const { block, anchors, progress } = options;
  let hints: PlaceHints = {};
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) await options.reload();
    progress?.("pdf: laying out pages");
    const onLayout = (done: number, total: number, pages: number) =>
      progress?.(`pdf: laying out pages: ${percent(done, total)} of the book, ${pages} pages so far`);
    const planned = await withDeadline(
      layOutWithPlaces(page, block, book, hints, onLayout),
      browserDeadlines.printMs,
      "laying out pages",
    );
    if (attempt === 1 && book.config.print.printer) checkImages(book, await printedImages(page));
    const printed = await withDeadline(
      printChecked(page, planned, anchors, book.config.printPassPages, progress),
      browserDeadlines.printMs,
      "printing",
    );
    const places = placePages(printed.plan, planned.places);
    const startId = numberingStartId(book);
    const bodyStart = printed.plan.groups.find((g) => g.id === startId)?.page ?? printed.plan.pages;
    const wrong = misplaced(printed.pdf, places, planned.places, (at) => pageLabel(at, bodyStart));
    if (Object.keys(wrong).length === 0) {
      pinDestinations(printed.pdf, places, planned.places, toPx(book.config.print.margins.top) * 0.75);
      return { ...printed, places, overflows: planned.overflows };
    }
    if (attempt === 3)
      throw new Error(`places printed on other pages than laid out: ${Object.keys(wrong).slice(0, 5).join(", ")}`);
    hints = { known: { ...hints.known, ...wrong }, printed: { ...hints.printed, ...wrong } };
    progress?.(`pdf: laying out again: ${Object.keys(wrong).length} places printed on another page than laid out`);
  }
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
