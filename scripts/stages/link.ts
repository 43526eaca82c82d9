/** Linking: make every id unique across the book, then point each internal link at its target or report it broken. */
import type { Element, Root } from "hast";
import { walkElements } from "../util/walk.js";
import type { VFile } from "vfile";
import { chapterData, type Book } from "../book.js";
import { report } from "../diagnostics.js";

/** Rename ids that an earlier chapter already uses, and resolve every internal link against the new ids. */
export function linkChapters(book: Book): void {
  const used = new Set<string>();
  const renamed = book.chapters.map((file) => {
    const data = chapterData(file);
    data.id = claim(used, `chapter-${data.slug}`);
    return uniqueIds(file, data.tree, used);
  });
  for (const file of book.chapters) {
    const data = chapterData(file);
    for (const heading of data.headings) heading.id = renamed[data.index].get(heading.id) ?? heading.id;
    for (const link of data.links) {
      if (link.fragment === undefined) continue;
      const target = renamed[link.chapter].get(link.fragment);
      if (target === undefined) {
        const where = link.chapter === data.index ? "this chapter" : `chapter \`${book.chapters[link.chapter].basename}\``;
        report(file, "link-anchor", `Link to \`#${link.fragment}\`: no heading or element of ${where} has that id`, link.node.position);
      }
      link.fragment = target;
    }
    remapIdReferences(data.tree, renamed[data.index]);
  }
}

/** ARIA attributes name ids of the same document: follow the renames. */
function remapIdReferences(tree: Root, map: ReadonlyMap<string, string>): void {
  walkElements(tree, (node: Element) => {
    for (const name of ["ariaDescribedBy", "ariaLabelledBy", "ariaControls"]) {
      const value = node.properties[name];
      if (Array.isArray(value)) node.properties[name] = value.map((id) => map.get(String(id)) ?? id);
      else if (typeof value === "string") node.properties[name] = value.split(/\s+/).map((id) => map.get(id) ?? id).join(" ");
    }
  });
}

/** Give each element of `tree` an id no other element of the book has; returns old id → new id. */
function uniqueIds(file: VFile, tree: Root, used: Set<string>): Map<string, string> {
  const map = new Map<string, string>();
  walkElements(tree, (node: Element) => {
    const id = node.properties.id;
    if (typeof id !== "string") return;
    if (map.has(id)) {
      report(file, "id-duplicate", `Id \`${id}\` is used twice in this chapter: give each element its own id`, node.position);
    }
    const unique = claim(used, validId(id));
    if (!map.has(id)) map.set(id, unique);
    node.properties.id = unique;
  });
  return map;
}

/** XHTML ids hold no white space and are never empty (a heading of punctuation only slugs to nothing). */
function validId(id: string): string {
  return id.replace(/[\s\u200b-\u200f\u2060\ufeff]+/g, "-") || "section";
}

function claim(used: Set<string>, id: string): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}
