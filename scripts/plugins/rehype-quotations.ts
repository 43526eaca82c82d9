/**
 * rehype plugin: block quotes as a book sets them. A last paragraph that begins with a dash
 * (`— Herman Melville`) is the quotation's attribution (`p.attribution`), in a quotation, a poem or
 * an epigraph alike. A block quote that stands first under a chapter's title (after its subtitle and
 * byline) is the chapter's epigraph, as is every block quote of a chapter of kind `epigraph`:
 * `blockquote.epigraph`, with the DPUB-ARIA role `doc-epigraph` (the EPUB adds `epub:type`).
 */
import type { Element, Root } from "hast";
import { toString as textOf } from "hast-util-to-string";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { chapterData } from "../book.js";
import { walkElements } from "../util/walk.js";
import { attributionDash } from "./remark-verse.js";

/** Paragraphs that belong to a chapter's heading: what may stand between the title and an epigraph. */
const headingLines = new Set(["chapter-subtitle", "chapter-author"]);

export const rehypeQuotations: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  walkElements(tree, (node) => {
    if (node.tagName !== "blockquote") return;
    const last = node.children.findLast((child): child is Element => child.type === "element");
    const quoted = node.children.filter((child) => child.type === "element").length > 1;
    if (last?.tagName === "p" && quoted && attributionDash.test(textOf(last).trimStart()))
      addClass(last, "attribution");
  });
  const data = chapterData(file);
  const kind = (data.group ?? data.metadata).kind;
  const opensChapter = data.level === 1 || data.group !== undefined;
  if (kind === "epigraph") {
    for (const child of tree.children) if (child.type === "element" && child.tagName === "blockquote") epigraph(child);
  } else if (opensChapter) {
    const first = firstAfterHeading(tree);
    if (first?.tagName === "blockquote") epigraph(first);
  }
};

/** The first element after the chapter's title and the lines that go with it. */
function firstAfterHeading(tree: Root): Element | undefined {
  const elements = tree.children.filter((child): child is Element => child.type === "element");
  const title = elements.findIndex((element) => element.tagName === "h1");
  if (title < 0) return undefined;
  return elements.slice(title + 1).find((element) => !classes(element).some((name) => headingLines.has(name)));
}

function epigraph(node: Element): void {
  addClass(node, "epigraph");
  node.properties.role = "doc-epigraph";
}

/** The element's classes. */
export function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : value ? String(value).split(/\s+/) : [];
}

export function addClass(node: Element, name: string): void {
  const list = classes(node);
  if (!list.includes(name)) node.properties.className = [...list, name];
}
