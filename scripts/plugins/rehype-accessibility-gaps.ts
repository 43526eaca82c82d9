/**
 * rehype plugin (after the outline, before rehype-images, which gives an image without alt text an
 * empty one to stay valid): note what keeps the chapter short of
 * WCAG 2.1 AA, whatever severity the book gives the rules that warn about it (an author may
 * silence `heading-skip`; the EPUB still must not claim what it does not meet): a heading that
 * skips a level, a table with no header cell, an image without alt text (an inline SVG marked
 * `role="img"` with no title or label among them, reported here, as Ace faults it). The EPUB's
 * accessibility claim is made from these (targets/epub/accessibility.ts).
 */
import type { Element, Root } from "hast";
import { toString as textOf } from "hast-util-to-string";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { draftData, type AccessibilityGap } from "../book.js";
import { report } from "../diagnostics.js";
import { walkElements } from "../util/walk.js";

export const rehypeAccessibilityGaps: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const data = draftData(file);
  // Gaps the plugins before it found (rehype-landmarks) stay.
  const gaps = new Set<AccessibilityGap>(data.accessibilityGaps ?? []);
  let previous = 0;
  for (const heading of data.headings) {
    if (previous > 0 && heading.depth > previous + 1) gaps.add("heading-skip");
    previous = heading.depth;
  }
  walkElements(tree, (node) => {
    // A remote image never becomes an image (rehype-images makes it a link or drops it).
    if (
      node.tagName === "img" &&
      node.properties.alt === undefined &&
      !/^([a-z][a-z\d+.-]*:|\/\/)/i.test(String(node.properties.src ?? ""))
    )
      gaps.add("image-no-alt");
    if (node.tagName === "svg" && node.properties.role === "img" && !hasName(node)) {
      gaps.add("image-no-alt");
      report(
        file,
        "image-alt-missing",
        'This SVG drawing (`role="img"`) has no text alternative: give it a `<title>` child or an `aria-label`, or remove the role from a decorative one',
        node.position,
      );
    }
    if (node.tagName === "table" && !hasHeaderCell(node)) {
      gaps.add("table-no-headers");
      report(
        file,
        "table-no-headers",
        "The table has no header cells: give it a header row (`<th>` cells) so that a screen reader can name its columns",
        node.position,
      );
    }
  });
  data.accessibilityGaps = [...gaps].sort();
};

/** Whether an SVG has a name: a non-empty `<title>` child, `aria-label` or `aria-labelledby`. */
function hasName(svg: Element): boolean {
  if (String(svg.properties.ariaLabel ?? "").trim() !== "" || svg.properties.ariaLabelledBy !== undefined) return true;
  return svg.children.some(
    (child) => child.type === "element" && child.tagName === "title" && textOf(child).trim() !== "",
  );
}

function hasHeaderCell(table: Element): boolean {
  let found = false;
  walkElements(table, (node) => {
    if (node.tagName === "th" && textOf(node).trim() !== "") found = true;
    return found ? false : undefined;
  });
  return found;
}
