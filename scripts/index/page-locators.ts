/** The index's locators as printed page numbers, for the editions that know the pages: print, and an EPUB built with it. */
import type { ElementContent } from "hast";
import { chapterData, type Book } from "../book.js";
import { locatorNodes } from "./locators.js";

/**
 * For each entry of the book's index that has places (by its element's id), the children of its
 * `span.index-locators`: `, 45, 52–54`, each number a link at `href(chapter, markId)`. Empty when
 * the book has no index.
 */
export function pageLocators(
  book: Book,
  pages: ReadonlyMap<string, string>,
  href: (chapter: number, fragment: string) => string,
): Map<string, ElementContent[]> {
  const index = book.chapters.map((file) => chapterData(file).indexPlaces).find(Boolean);
  const found = new Map<string, ElementContent[]>();
  for (const entry of index?.entries ?? []) {
    const nodes = locatorNodes(entry.locators, {
      pages,
      sectionOf: () => "",
      link: (place, children) => ({
        type: "element",
        tagName: "a",
        properties: { className: ["index-locator"], href: href(place.chapter, place.mark) },
        children,
      }),
    });
    found.set(entry.id, [{ type: "text", value: ", " }, ...nodes]);
  }
  return found;
}

/** The ids of every index mark of the book: the places print finds the pages of. */
export function indexMarkIds(book: Book): string[] {
  return book.chapters.flatMap((file) => chapterData(file).indexMarks.map((mark) => mark.id));
}
