/** Each image of the laid-out print document with its pixels and its printed size, for the preflight. */
import type { Element, Root } from "hast";
import type { Page } from "puppeteer";
import type { PrintedImage } from "./preflight-pages.js";

/** Elements that may print wider than the text block: the page layout measures them (overflow.ts). */
const wideElements = new Set(["img", "table", "pre", "svg", "math", "figure", "video"]);

/**
 * Mark every image, table, code block and drawing of a print tree with its place in the chapter's
 * markdown, in place: the preflight names that place for an image's resolution, the page layout
 * for an element wider than the page.
 */
export function markImagePlaces(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (wideElements.has(child.tagName) && child.position) {
      child.properties.dataLine = child.position.start.line;
      child.properties.dataColumn = child.position.start.column;
    }
    markImagePlaces(child);
  }
}

/**
 * The images of the print document as printed: natural pixels, CSS size, chapter and place. Each
 * group holding an image is laid out again as the page layout lays it out (columns the size of
 * the text block), where an image has its printed size; the screen layout has no pages.
 */
export function printedImages(page: Page): Promise<PrintedImage[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    root.classList.add("folio-measuring");
    const found = Array.from(document.querySelectorAll<HTMLElement>(".page-group")).flatMap((group) => {
      const images = Array.from(group.querySelectorAll<HTMLImageElement>("img"));
      if (images.length === 0) return [];
      group.classList.add("folio-measured");
      const measured = images.map((img) => measure(img));
      group.classList.remove("folio-measured");
      return measured;
    });
    root.classList.remove("folio-measuring");
    return found;

    function measure(img: HTMLImageElement) {
      const rect = img.getBoundingClientRect();
      return {
        chapter: img.closest(".page-group")?.id ?? "",
        src: img.src,
        naturalWidth: img.naturalWidth,
        naturalHeight: img.naturalHeight,
        width: rect.width,
        height: rect.height,
        line: Number(img.dataset.line) || undefined,
        column: Number(img.dataset.column) || undefined,
      };
    }
  });
}
