/**
 * Linking: make every id unique across the book, then point each internal link at its target or
 * report it broken. The stage works on what the transform recorded of each chapter (its ids,
 * headings and links), not on its tree: the tree is given its new ids when it is first read, so a
 * tree restored from the build cache is never read back unless an edition needs it.
 */
import type { Element, Root } from "hast";
import { deferTree, draftData, treeOf, type Book } from "../book.js";
import { report } from "../diagnostics.js";
import { walkElements } from "../util/walk.js";
import type { Stage } from "./stage.js";

/** Rename ids that an earlier chapter already uses, and resolve every internal link against the new ids. */
export const linkChapters: Stage = async (book) => {
  const used = new Set<string>();
  const renames = book.chapters.map((file) => {
    const data = draftData(file);
    data.id = claim(used, `chapter-${data.slug}`);
    const before = data.ids;
    const after = before.map((id) => claim(used, validId(id)));
    return { before, after, map: idMap(before, after) };
  });
  for (const file of book.chapters) {
    const data = draftData(file);
    const { after, map } = renames[data.index];
    data.ids = after;
    data.headings = data.headings.map((heading) => ({ ...heading, id: map.get(heading.id) ?? heading.id }));
    data.labels = data.labels.map((label) => ({ ...label, id: map.get(label.id) ?? label.id }));
    data.indexMarks = data.indexMarks.map((mark) => ({ ...mark, id: map.get(mark.id) ?? mark.id }));
    data.links = data.links.map((link) => {
      if (link.fragment === undefined) return link;
      // A file split into several chapters (a pandoc manuscript) links across them as one document.
      const chapter = [link.chapter, ...splitSiblings(book, link.chapter)].find((i) =>
        renames[i].map.has(link.fragment!),
      );
      const target = chapter === undefined ? undefined : renames[chapter].map.get(link.fragment);
      if (target === undefined) {
        const where =
          link.chapter === data.index ? "this chapter" : `chapter \`${book.chapters[link.chapter].basename}\``;
        report(
          file,
          "link-anchor",
          `Link to \`#${link.fragment}\`: no heading or element of ${where} has that id`,
          link.position,
        );
      }
      return { ...link, chapter: chapter ?? link.chapter, fragment: target };
    });
    const unlinked = treeOf(data);
    deferTree(data, () => linkTree(unlinked(), after, map));
  }
  return book;
};

/** The other chapters made from the same file as chapter `index`, when it was split. */
function splitSiblings(book: Book, index: number): number[] {
  const file = book.chapters[index];
  if (draftData(file).excerpt === undefined) return [];
  return book.chapters.flatMap((other, i) => (i !== index && other.path === file.path ? [i] : []));
}

/** Old id → new id; an id used twice in the chapter maps to its first element's new id. */
function idMap(before: readonly string[], after: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  before.forEach((id, i) => map.has(id) || map.set(id, after[i]));
  return map;
}

/**
 * Give each element of the chapter's tree its new id (the elements with ids come in the order
 * the transform recorded them) and point ARIA references at the new ids. The tree is the
 * transform's own, read once: it is changed in place.
 */
function linkTree(tree: Root, ids: readonly string[], map: ReadonlyMap<string, string>): Root {
  let next = 0;
  walkElements(tree, (node: Element) => {
    if (typeof node.properties.id === "string") node.properties.id = ids[next++];
    remapIdReferences(node, map);
  });
  return tree;
}

/** ARIA attributes name ids of the same document: follow the renames. */
function remapIdReferences(node: Element, map: ReadonlyMap<string, string>): void {
  for (const name of ["ariaDescribedBy", "ariaLabelledBy", "ariaControls"]) {
    const value = node.properties[name];
    if (Array.isArray(value)) node.properties[name] = value.map((id) => map.get(String(id)) ?? id);
    else if (typeof value === "string")
      node.properties[name] = value
        .split(/\s+/)
        .map((id) => map.get(id) ?? id)
        .join(" ");
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
