/**
 * rehype plugin: mark the paragraphs a theme opens with a drop cap or a small-caps lead-in: the
 * chapter's first paragraph of text (`p.opening`, after its title, subtitle, byline and epigraph)
 * and the first after each scene break (`p.after-break`). Both are set flush in every theme.
 */
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { chapterData } from "../book.js";
import { addClass, classes } from "./rehype-quotations.js";

const skipped = new Set(["chapter-subtitle", "chapter-author"]);
/** Blocks that are not prose: a chapter that opens with one has no opening paragraph. */
const notProse = new Set(["ul", "ol", "dl", "table", "pre"]);
/** Kinds whose text is not prose that opens with a lead-in: pages set apart, lists of titles, the colophon. */
const plainKinds = new Set(["dedication", "epigraph", "also-by", "colophon"]);

export const rehypeLeadParagraphs: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const data = chapterData(file);
  const elements = tree.children.filter((child): child is Element => child.type === "element");
  if ((data.level === 1 || data.group !== undefined) && !plainKinds.has((data.group ?? data.metadata).kind)) {
    // The search stops at a section heading or at text that is not prose (a list, a glossary, a table, code).
    const opening = elements.find(
      (element) =>
        /^h[2-6]$/.test(element.tagName) ||
        notProse.has(element.tagName) ||
        (element.tagName === "p" && !classes(element).some((name) => skipped.has(name))),
    );
    // A line block (an address, a pandoc `|` block) keeps its lines as written: no lead-in.
    if (opening?.tagName === "p" && !classes(opening).includes("line-block")) addClass(opening, "opening");
  }
  elements.forEach((element, i) => {
    const next = elements[i + 1];
    if (classes(element).includes("scene-break") && next?.tagName === "p") addClass(next, "after-break");
  });
};
