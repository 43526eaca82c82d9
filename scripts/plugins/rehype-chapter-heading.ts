/**
 * rehype plugin: the chapter's heading as its metadata says. A section continuing a chapter has
 * its headings shifted so that its first takes its level in the chapter (`#` in a section file
 * becomes `##`); a chapter given a title but written without a heading at its top gets one, as
 * does a chapter written as a title-only group; a subtitle and the chapter's authors follow its
 * title heading. The author's own headings keep their words.
 */
import type { Element, ElementContent, Root } from "hast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { chapterData, type ChapterMetadata } from "../book.js";
import { walkElements } from "../util/walk.js";
import { typographic } from "../language/localize.js";
import { englishPunctuation, type Punctuation } from "../language/punctuation.js";

const headingDepth = (node: Element) => (/^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0);

export interface ChapterTypographyOptions {
  /** How a language punctuates (default: English). */
  readonly punctuationOf?: (lang: string) => Punctuation;
}

/** Curled quotes and dashes, as the chapter's own text has them in its language. */
export function chapterTypographic(file: VFile, options: ChapterTypographyOptions): (text: string) => string {
  const punctuation = options.punctuationOf?.(chapterData(file).lang) ?? englishPunctuation;
  return (text) => typographic(text, punctuation);
}

export const rehypeChapterHeading: Plugin<[ChapterTypographyOptions?], Root> =
  (options = {}) =>
  (tree: Root, file: VFile) => {
    const data = chapterData(file);
    const typographic = chapterTypographic(file, options);
    // The file's own first heading: a chapter's title (1), a section's (its level), or below a group's title (2).
    const base = data.group ? 2 : data.level;
    if (base > 1) shiftHeadings(tree, base);
    const first = tree.children.findIndex((node) => node.type === "element");
    const opening = first >= 0 ? (tree.children[first] as Element) : undefined;
    const own = opening && headingDepth(opening) > 0 && headingDepth(opening) <= base ? opening : undefined;
    const inserted: ElementContent[] = [];
    if (data.group) inserted.push(heading(1, typographic(data.group.title)), ...byline(data.group, typographic));
    if (!own && data.metadata.title) inserted.push(heading(base, typographic(data.metadata.title)));
    const atStart = Math.max(0, first);
    if (own && (data.metadata.subtitle || data.metadata.authors.length > 0)) {
      tree.children.splice(atStart + 1, 0, ...lines(byline(data.metadata, typographic), true));
    } else if (!own) inserted.push(...byline(data.metadata, typographic));
    tree.children.splice(atStart, 0, ...lines(inserted, false));
  };

/** `elements`, each on a line of its own, as the markdown's blocks are (text read from the document keeps words apart). */
function lines(elements: readonly ElementContent[], leading: boolean): ElementContent[] {
  const newline = (): ElementContent => ({ type: "text", value: "\n" });
  return elements
    .flatMap((element, i) => (i === 0 && !leading ? [element] : [newline(), element]))
    .concat(elements.length > 0 && !leading ? [newline()] : []);
}

/** Shift every heading so that the first is at `base`, within h1–h6. */
function shiftHeadings(tree: Root, base: number): void {
  let shift: number | undefined;
  walkElements(tree, (node) => {
    const depth = headingDepth(node);
    if (depth === 0) return;
    shift ??= base - depth;
    if (shift === 0) return;
    node.tagName = `h${Math.min(6, Math.max(1, depth + shift))}`;
    (node.data ??= {}).folioWrittenDepth = depth;
  });
}

function heading(depth: number, title: string): Element {
  return {
    type: "element",
    tagName: `h${depth}`,
    properties: {},
    children: [{ type: "text", value: title }],
  };
}

/** The subtitle and the authors' names, as lines under the title. */
function byline(
  metadata: Pick<ChapterMetadata, "subtitle" | "authors">,
  typographic: (text: string) => string,
): Element[] {
  const line = (className: string, text: string): Element => ({
    type: "element",
    tagName: "p",
    properties: { className: [className] },
    children: [{ type: "text", value: typographic(text) }],
  });
  return [
    ...(metadata.subtitle ? [line("chapter-subtitle", metadata.subtitle)] : []),
    ...(metadata.authors.length > 0 ? [line("chapter-author", metadata.authors.join(", "))] : []),
  ];
}
