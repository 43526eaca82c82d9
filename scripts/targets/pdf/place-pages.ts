/**
 * The pages of places: the page layout finds the page of every index mark and of every target of a
 * reference with a page (places.browser.js); the index's page numbers are written between two runs
 * of it, once every mark is laid out, and the printout is checked against what was written (the PDF's
 * named destinations are the places the index and the references link to).
 */
import { PDFDict, PDFName, type PDFDocument } from "pdf-lib";
import type { Page } from "puppeteer";
import { chapterData, type Book } from "../../book.js";
import { pageLocators } from "../../index/page-locators.js";
import { chapterGroups } from "../chapter-groups.js";
import { treeHtml } from "../serialize.js";
import { bodyStartId } from "./chapter-pages.js";
import { roman } from "./folios.js";
import { layOutPages, type LaidOut, type PagePlan } from "./layout.js";
import { destinationId, namedDestinations } from "./pdf-links.js";

const pointsPerPx = 0.75;
import type { TextBlock } from "./print-html.js";

/** What a run before learned: labels of reference targets (`known`) and of index marks as printed (`printed`). */
export interface PlaceHints {
  readonly known?: Readonly<Record<string, string>>;
  readonly printed?: Readonly<Record<string, string>>;
}

/** The id of the page group where arabic numbering starts: the body's first, else the first chapter's or part's (folios.ts). */
export function numberingStartId(book: Book): string | undefined {
  const groups = chapterGroups(book);
  return bodyStartId(groups) ?? groups[0]?.part?.id ?? (groups[0] && chapterData(groups[0].files[0]).id);
}

/** Lay the print document out, the index last with its page numbers written in. */
export async function layOutWithPlaces(
  page: Page,
  block: TextBlock,
  book: Book,
  hints: PlaceHints,
  progress?: (done: number, total: number, pages: number) => void,
): Promise<LaidOut> {
  const startId = numberingStartId(book);
  const index = book.chapters.find((file) => chapterData(file).indexPlaces);
  const indexId = index && chapterData(index).id;
  const first = await layOutPages(
    page,
    block,
    { bodyStartId: startId, known: hints.known, stopBefore: indexId },
    progress,
  );
  if (!indexId) return first;
  const pages = placePages(first, first.places);
  const labels = new Map(
    [...pages].map(([id, at]) => [
      id,
      hints.printed?.[id] ?? pageLabel(at, first.bodyStart ?? Number.POSITIVE_INFINITY),
    ]),
  );
  await writeIndexPages(page, book, labels);
  const rest = await layOutPages(page, block, {
    bodyStartId: startId,
    startAt: indexId,
    startPage: first.pages,
    bodyStart: first.bodyStart,
  });
  return { ...first, groups: [...first.groups, ...rest.groups], pages: rest.pages };
}

/** Each place's page index (from 0) in `plan`: its group's first page plus its column. */
export function placePages(plan: PagePlan, places: LaidOut["places"]): Map<string, number> {
  const firstPages = new Map(plan.groups.map((group) => [group.id, group.page]));
  const pages = new Map<string, number>();
  for (const [id, [group, column]] of Object.entries(places)) {
    const first = firstPages.get(group);
    if (first !== undefined) pages.set(id, first + column);
  }
  return pages;
}

/** A page's label as the folios and page labels print it (folios.ts). */
export function pageLabel(index: number, bodyStart: number): string {
  return index >= bodyStart ? String(index - bodyStart + 1) : roman(index + 1);
}

/**
 * The places the printout put on another page than `pages` says, with the label of the page they
 * printed on. Inline places are left out: Chromium's destination for one is where its line stood
 * before a break moved it (it named the page before for a word a widow pushed to the next page's
 * first line, which printed, as laid out, on the next); `pinDestinations` points those instead.
 */
export function misplaced(
  pdf: PDFDocument,
  pages: ReadonlyMap<string, number>,
  places: LaidOut["places"],
  labelOf: (index: number) => string,
): Record<string, string> {
  const wrong: Record<string, string> = {};
  for (const [id, printed] of namedDestinations(pdf))
    if (pages.has(id) && !places[id]?.[3] && pages.get(id) !== printed) wrong[id] = labelOf(printed);
  return wrong;
}

/** Point the destination of each inline place at its page and its line's top (`marginTop`, the page's top margin, in points). */
export function pinDestinations(
  pdf: PDFDocument,
  pages: ReadonlyMap<string, number>,
  places: LaidOut["places"],
  marginTop: number,
): void {
  const dests = pdf.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  if (!dests) return;
  const pageRefs = pdf.getPages();
  for (const [key] of dests.entries()) {
    const id = destinationId(key.asString());
    const page = pages.get(id);
    const place = places[id];
    if (page === undefined || !place?.[3]) continue;
    const target = pageRefs[page];
    const y = target.getHeight() - marginTop - place[2] * pointsPerPx;
    dests.set(key, pdf.context.obj([target.ref, PDFName.of("XYZ"), null, y, null]));
  }
}

/** Write each index entry's page numbers into the laid-out document. */
async function writeIndexPages(page: Page, book: Book, labels: ReadonlyMap<string, string>): Promise<void> {
  const locators = pageLocators(book, labels, (_chapter, fragment) => `#${fragment}`);
  const html = Object.fromEntries(
    [...locators].map(([id, nodes]) => [id, treeHtml({ type: "root", children: nodes })]),
  );
  await page.evaluate((html: Record<string, string>) => {
    for (const [id, inner] of Object.entries(html)) {
      const holder = document.getElementById(id)?.querySelector(":scope > .index-locators");
      if (holder) holder.innerHTML = inner;
    }
  }, html);
}
