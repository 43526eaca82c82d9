/**
 * Linking: make every id unique across the book, then point each internal link at its target or
 * report it broken. The stage works on what the transform recorded of each chapter (its ids,
 * headings and links), not on its tree: a tree restored from the transform cache is read back and
 * given its new ids only when an edition asks for it (`linkedTree`).
 */
import type { Element, Root } from "hast";
import { deserialize } from "node:v8";
import type { VFile } from "vfile";
import { chapterData, type Book, type ChapterData } from "../book.js";
import { report } from "../diagnostics.js";
import { walkElements } from "../util/walk.js";

/** Rename ids that an earlier chapter already uses, and resolve every internal link against the new ids. */
export function linkChapters(book: Book): void {
  const used = new Set<string>();
  const renamed = book.chapters.map((file) => {
    const data = chapterData(file);
    data.id = claim(used, `chapter-${data.slug}`);
    data.idRenames = data.ids.map((id) => claim(used, validId(id)));
    return idMap(data);
  });
  for (const file of book.chapters) {
    const data = chapterData(file);
    for (const heading of data.headings) heading.id = renamed[data.index].get(heading.id) ?? heading.id;
    for (const link of data.links) {
      if (link.fragment === undefined) continue;
      const target = renamed[link.chapter].get(link.fragment);
      if (target === undefined) {
        const where = link.chapter === data.index ? "this chapter" : `chapter \`${book.chapters[link.chapter].basename}\``;
        report(file, "link-anchor", `Link to \`#${link.fragment}\`: no heading or element of ${where} has that id`, link.position);
      }
      link.fragment = target;
    }
    // A tree transformed in this build is linked now; one still serialized, when it is read back.
    if (data.tree) linkTree(data, renamed[data.index]);
  }
}

/** The chapter's tree as the link stage left it, read back from its serialized form first if need be. */
export function linkedTree(file: VFile): Root {
  const data = chapterData(file);
  if (!data.tree) {
    // Every chapter holds its tree either in memory or serialized (restored from the cache).
    data.tree = deserialize(data.storedTree!) as Root;
    data.storedTree = undefined;
    linkTree(data, idMap(data));
  }
  return data.tree;
}

/** Old id → new id; an id used twice in the chapter maps to its first element's new id. */
function idMap(data: ChapterData): Map<string, string> {
  const map = new Map<string, string>();
  const renames = data.idRenames ?? data.ids;
  data.ids.forEach((id, i) => map.has(id) || map.set(id, renames[i]));
  return map;
}

/**
 * Give each element of the chapter's tree its new id (the elements with ids come in the order
 * `ids` lists them), point ARIA references at the new ids, and find the links' and images' elements.
 */
function linkTree(data: ChapterData, map: ReadonlyMap<string, string>): void {
  const renames = data.idRenames ?? data.ids;
  let next = 0;
  walkElements(data.tree!, (node: Element) => {
    if (typeof node.properties.id === "string") node.properties.id = renames[next++];
    if (node.data?.folioLink !== undefined) data.links[node.data.folioLink].node = node;
    if (node.data?.folioImage !== undefined) data.images[node.data.folioImage].node = node;
    remapIdReferences(node, map);
  });
}

/** ARIA attributes name ids of the same document: follow the renames. */
function remapIdReferences(node: Element, map: ReadonlyMap<string, string>): void {
  for (const name of ["ariaDescribedBy", "ariaLabelledBy", "ariaControls"]) {
    const value = node.properties[name];
    if (Array.isArray(value)) node.properties[name] = value.map((id) => map.get(String(id)) ?? id);
    else if (typeof value === "string") node.properties[name] = value.split(/\s+/).map((id) => map.get(id) ?? id).join(" ");
  }
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
