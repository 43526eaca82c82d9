/**
 * The pages of places: the page layout finds the page of every index mark and of every target of a
 * reference with a page (places.browser.js), the references' pages are settled (reference-pages.ts),
 * and the index's page numbers are written between two runs of it, once every mark is laid out.
 */
import type { Page } from "puppeteer";
import { chapterData, type Book } from "../../book.js";
import { pageLocators } from "../../index/page-locators.js";
import { chapterGroups } from "../chapter-groups.js";
import { treeHtml } from "../serialize.js";
import { bodyStartId } from "./chapter-pages.js";
import { roman } from "./folios.js";
import { layOutPages, type LaidOut, type PagePlan } from "./layout.js";
import type { TextBlock } from "./print-html.js";
import { settleReferences } from "./reference-pages.js";

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
  const laid = await layOutPages(
    page,
    block,
    { bodyStartId: startId, known: hints.known, stopBefore: indexId },
    progress,
  );
  const first = await settleReferences(page, block, laid, startId);
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
  return {
    ...first,
    groups: [...first.groups, ...rest.groups],
    pages: rest.pages,
    overflows: [...(first.overflows ?? []), ...(rest.overflows ?? [])],
  };
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
