/**
 * Serializing a chapter for one edition: a copy of its tree with the links and images pointed at
 * that edition's files, written as HTML by rehype-stringify (the EPUB's XHTML: epub/xhtml.ts).
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import type { VFile } from "vfile";
import { chapterData, type ChapterData, type ImageUse } from "../book.js";
import { renderAsIs, type RenderingWrapper } from "./target.js";

export interface EditionAddressing {
  /** The href of chapter `chapter` (its start, or the element with id `fragment`). */
  readonly href: (chapter: number, fragment: string | undefined) => string;
  /** The src of an image. */
  readonly src: (image: ImageUse) => string;
}

const htmlWriter = unified().use(rehypeStringify).freeze();

/**
 * The chapter's tree with its internal links and images pointed at the edition's addresses. The
 * Book's tree is left as it is: only the elements addressed and their ancestors are copied, the
 * rest is shared, so an edition that rewrites more must copy the result first.
 */
export function address(file: VFile, addressing: EditionAddressing): Root {
  const data = chapterData(file);
  const tree = data.tree;
  const children = addressChildren(tree.children, data, addressing);
  return children === tree.children ? tree : { ...tree, children: children as RootContent[] };
}

function addressChildren(
  children: (RootContent | ElementContent)[],
  data: ChapterData,
  addressing: EditionAddressing,
): (RootContent | ElementContent)[] {
  let copy: (RootContent | ElementContent)[] | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.type !== "element") continue;
    const addressed = addressElement(child, data, addressing);
    if (addressed === child) continue;
    copy ??= children.slice();
    copy[i] = addressed;
  }
  return copy ?? children;
}

function addressElement(node: Element, data: ChapterData, addressing: EditionAddressing): Element {
  let properties = node.properties;
  const link = node.data?.folioLink;
  const image = node.data?.folioImage;
  if (link !== undefined)
    properties = { ...properties, href: addressing.href(data.links[link].chapter, data.links[link].fragment) };
  if (image !== undefined) properties = { ...properties, src: addressing.src(data.images[image]) };
  const children =
    node.children.length > 0 ? (addressChildren(node.children, data, addressing) as ElementContent[]) : node.children;
  return properties === node.properties && children === node.children ? node : { ...node, properties, children };
}

/**
 * `serialize(file, addressing)`, through `wrap` (the build cache keeps renderings), which is told
 * what the rendering depends on besides the chapter: the edition, every address the edition gives
 * the chapter's links and images, and the numbers and references the book gave it.
 */
export function renderedChapter(
  file: VFile,
  edition: string,
  addressing: EditionAddressing,
  serialize: (file: VFile, addressing: EditionAddressing) => string,
  wrap: RenderingWrapper = renderAsIs,
): string {
  const data = chapterData(file);
  const hrefs = data.links.map((link) => addressing.href(link.chapter, link.fragment));
  const srcs = data.images.map((image) => addressing.src(image));
  return wrap(file, edition, [hrefs, srcs, data.bookTexts ?? []], () => serialize(file, addressing));
}

/** A tree as HTML. */
export function treeHtml(tree: Root): string {
  return htmlWriter.stringify(tree);
}

/** The chapter's body as HTML. */
export function chapterHtml(file: VFile, addressing: EditionAddressing): string {
  return treeHtml(address(file, addressing));
}
