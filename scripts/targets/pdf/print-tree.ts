/** The print copy of a chapter: footnotes become notes for the foot of the page, body text is hyphenated. */
import type { Element, ElementContent, Root } from "hast";
import { markImagePlaces } from "../../print/image-sizes.js";
import { hyphenateTree } from "./hyphenate.js";
import { markPrintPlaces } from "./print-places.js";

/**
 * A print-ready copy of `tree` (which must already carry the print edition's addresses); `places`
 * are the ids whose printed page the book needs.
 */
export function printTree(tree: Root, lang: string, places: ReadonlySet<string> = new Set()): Root {
  const copy = structuredClone(tree);
  copy.children = copy.children.map((child) => (isFootnotes(child) ? notePool(child) : child));
  markPrintPlaces(copy, places);
  hyphenateTree(copy, lang);
  markImagePlaces(copy);
  return copy;
}

function isFootnotes(node: Root["children"][number]): node is Element {
  return node.type === "element" && node.tagName === "section" && "dataFootnotes" in node.properties;
}

/**
 * `<section data-footnotes><ol><li id="fn-x">…` → `<div class="note-pool"><div class="footnote" id="fn-x" data-ref="fnref-x">`.
 * The page layout moves each note to the foot of the page its reference falls on.
 */
function notePool(section: Element): Element {
  const items = findAll(section, (e) => e.tagName === "li");
  const notes = items.map((item, i): Element => {
    const id = String(item.properties.id ?? "");
    const backref = findAll(item, (e) => e.tagName === "a" && "dataFootnoteBackref" in e.properties)[0];
    const refHref = String(backref?.properties.href ?? "");
    removeAll(item, (e) => e.tagName === "a" && "dataFootnoteBackref" in e.properties);
    const number: Element = {
      type: "element",
      tagName: "a",
      properties: { className: ["note-number"], href: refHref },
      children: [{ type: "text", value: `${i + 1}` }],
    };
    return {
      type: "element",
      tagName: "div",
      properties: { className: ["footnote"], id, dataRef: refHref.replace(/^.*#/, ""), role: "note" },
      children: [number, ...item.children],
    };
  });
  return { type: "element", tagName: "div", properties: { className: ["note-pool"] }, children: notes };
}

function findAll(node: Element, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (test(child)) found.push(child);
    found.push(...findAll(child, test));
  }
  return found;
}

function removeAll(node: Element, test: (e: Element) => boolean): void {
  node.children = node.children.filter((child: ElementContent) => !(child.type === "element" && test(child)));
  for (const child of node.children) if (child.type === "element") removeAll(child, test);
}
