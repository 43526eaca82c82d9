/**
 * rehype plugin: mdBook's `<Listing number="2-1" file-name="src/main.rs" caption="…">` (the Rust
 * book's listing tag) becomes the figure mdBook renders: the file name above the code, and
 * "Listing 2-1: caption" as the figure's caption below it. Without these attributes the tag is
 * left to rehype-content-model, like any tag HTML does not know.
 */
import type { Element, ElementContent, Root } from "hast";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";

export const rehypeMdbookListing: Plugin<[], Root> = () => (tree: Root) => {
  walkElements(tree, (node) => {
    if (node.tagName !== "listing") return;
    const { number, caption } = node.properties;
    // An attribute HTML does not know keeps its written name in the tree (`file-name`).
    const fileName = node.properties["file-name"] ?? node.properties.fileName;
    if (number === undefined && caption === undefined && fileName === undefined) return;
    const label = [
      number !== undefined ? `Listing ${String(number)}` : undefined,
      caption !== undefined ? String(caption) : undefined,
    ]
      .filter(Boolean)
      .join(": ");
    const parts: ElementContent[] = [];
    if (fileName !== undefined) parts.push(paragraph("file-name", `Filename: ${String(fileName)}`));
    parts.push(...node.children);
    if (label)
      parts.push({
        type: "element",
        tagName: "figcaption",
        properties: {},
        children: [{ type: "text", value: label }],
      });
    Object.assign(node, {
      tagName: "figure",
      properties: { className: ["listing", "mdbook"] },
      children: parts,
    } satisfies Partial<Element>);
  });
};

function paragraph(className: string, text: string): Element {
  return {
    type: "element",
    tagName: "p",
    properties: { className: [className] },
    children: [{ type: "text", value: text }],
  };
}
