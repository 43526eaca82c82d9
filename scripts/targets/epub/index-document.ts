/**
 * The index in the EPUB, as EPUB Indexes 1.0 marks one: each part of the index chapter gets its
 * `epub:type` (`index-entry-list`, `index-entry`, `index-term`, `index-locator`, `index-locator-range`,
 * `index-xref-preferred`, `index-xref-related`), and, when the print edition was built in the same
 * run, its locators become the printed page numbers (as the page list's).
 *
 * Each letter is an `index` of its own (with `role="doc-index"`, named by its letter), holding one
 * explicit entry list; sub-entry lists are plain `ul`s, which the specification reads as entry
 * lists. This is the form both EPUBChecks accept: the 5.3 port counts every `index-entry-list`
 * below an `index` or `index-group` and wants exactly one (W3C EPUBCheck counts children), so an
 * index of letter groups, or with typed sub-entry lists, failed it; for the same reason the
 * document is not declared as an index in the package (which would make its body the one index),
 * and the landmarks do not type a link `index` (the port checks the navigation document too).
 */
import type { Element, ElementContent, Root } from "hast";
import { walkElements } from "../../util/walk.js";

/** The EPUB Indexes type of each class the index tree uses (scripts/index/index-tree.ts). */
const types: Readonly<Record<string, string>> = {
  "index-group": "index",
  "index-entries": "index-entry-list",
  "index-entry": "index-entry",
  "index-term": "index-term",
  "index-locator": "index-locator",
  "index-locator-range": "index-locator-range",
  "index-xref-preferred": "index-xref-preferred",
  "index-xref-related": "index-xref-related",
};

/** Mark the parts of an index chapter's EPUB tree, in place; `pages` (children of each entry's locators, by entry id) replaces its locators. */
export function indexDocument(tree: Root, pages?: ReadonlyMap<string, ElementContent[]>): void {
  if (pages)
    walkElements(tree, (node) => {
      const replaced = typeof node.properties.id === "string" ? pages.get(node.properties.id) : undefined;
      const holder =
        replaced &&
        node.children.find((child) => child.type === "element" && classesOf(child).includes("index-locators"));
      if (holder && holder.type === "element") holder.children = structuredClone(replaced);
    });
  walkElements(tree, (node) => {
    const type = classesOf(node)
      .map((name) => types[name])
      .find(Boolean);
    if (type) node.properties["epub:type"] = type;
    if (type === "index") node.properties.role = "doc-index";
  });
}

function classesOf(node: Element): string[] {
  return [node.properties.className ?? []].flat().map(String);
}
