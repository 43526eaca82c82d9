/**
 * What print needs to find the pages of places: the elements whose page the book prints (index marks,
 * the targets of references with a page) are marked `data-place`, and each reference with a page gets
 * the span the page layout writes it into (`<span class="page-ref" data-page-of="fig-map"
 * data-page-text=" on page {page}">`), hiding the name where the page stands instead of it.
 */
import type { Element, ElementContent, Root } from "hast";
import { chapterData, type Book } from "../../book.js";
import { indexMarkIds } from "../../index/page-locators.js";
import { walkElements } from "../../util/walk.js";

/** The ids of every place whose page print must know. */
export function printPlaceIds(book: Book): Set<string> {
  return new Set([...indexMarkIds(book), ...book.chapters.flatMap((file) => chapterData(file).pageTargets ?? [])]);
}

/** Mark the places of `tree` and give its references with a page their page span, in place (a print copy). */
export function markPrintPlaces(tree: Root, places: ReadonlySet<string>): void {
  walkElements(tree, (node, index, parent) => {
    if (typeof node.properties.id === "string" && places.has(node.properties.id)) node.properties.dataPlace = "";
    const page = node.data?.folioPage;
    if (!page || !parent || index === undefined) return undefined;
    if (page.hideName)
      node.properties.className = [...[node.properties.className ?? []].flat().map(String), "page-ref-name"];
    const span: Element = {
      type: "element",
      tagName: "span",
      properties: { className: ["page-ref"], dataPageOf: page.target, dataPageText: page.text },
      children: [],
    };
    (parent.children as ElementContent[]).splice(index + 1, 0, span);
    return index + 2;
  });
}
