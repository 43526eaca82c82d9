/** The book's page furniture from the page plan: each page's folio, running head and label. */
import type { PagePlan } from "./layout.js";
import { romanNumeral } from "../numbering.js";

export interface PageFurniture {
  /** Physical page index, from 0. */
  readonly index: number;
  /** The page's number as printed and as a viewer shows it (`iv`, `12`). */
  readonly label: string;
  /** Whether the folio is printed on the page (not on title pages, blank pages and chapter openings). */
  readonly showFolio: boolean;
  /** Running head text, or undefined for none (blank pages, front matter, chapter openings). */
  readonly head?: string;
  /** Index of the chapter in progress, for body pages. */
  readonly chapter?: number;
  /** Whether the page is one of the contents (whose links get their targets' page numbers). */
  readonly contents?: boolean;
}

export interface Furniture {
  readonly pages: readonly PageFurniture[];
  /** Index of the first page numbered in arabic (the first chapter's opening). */
  readonly bodyStart: number;
}

/** Lower-case roman numerals, as front matter is numbered. */
export function roman(n: number): string {
  return romanNumeral(n).toLowerCase();
}

/**
 * Decide every page's furniture. Left (even-numbered) body pages carry the book title,
 * right pages the title of the chapter in progress (sections continuing a chapter do not
 * change it); chapter openings, part title pages, title pages, blank pages and pages set
 * apart (a dedication, an epigraph) carry neither head nor folio.
 */
export function planFurniture(
  plan: PagePlan,
  bookTitle: string,
  chapterTitles: readonly string[],
  bodyStartId?: string,
): Furniture {
  // Numbering in arabic starts with the body matter (a preface is numbered on in roman), at a part's title page when it opens the body.
  const firstBody = plan.groups.find((g) =>
    bodyStartId === undefined ? g.kind === "chapter" || g.kind === "part" : g.id === bodyStartId,
  );
  const bodyStart = firstBody ? firstBody.page : plan.pages;
  const pages: PageFurniture[] = [];
  let chapter = -1;
  for (const group of plan.groups) {
    if (group.kind === "chapter") chapter++;
    for (let i = 0; i < group.pages; i++) {
      const index = group.page + i;
      const label = index < bodyStart ? roman(index + 1) : String(index - bodyStart + 1);
      const isBody = group.kind === "chapter" && !group.apart;
      const showFolio = (isBody && i > 0) || group.kind === "contents";
      const isLeft = (index + 1) % 2 === 0;
      const head = isBody && i > 0 ? (isLeft ? bookTitle : chapterTitles[chapter]) : undefined;
      const contents = group.kind === "contents" || undefined;
      pages.push({ index, label, showFolio, head, chapter: group.kind === "chapter" ? chapter : undefined, contents });
    }
  }
  return { pages, bodyStart };
}
