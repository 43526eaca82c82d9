/** Serializing a chapter for one edition: point its links and images at that edition's files, then write HTML (the EPUB's XHTML: epub/xhtml.ts). */
import { createHash } from "node:crypto";
import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import type { VFile } from "vfile";
import { chapterData, type ImageUse } from "../book.js";
import { linkedTree } from "../stages/link.js";
import type { TransformCache } from "../stages/transform-cache.js";

export interface EditionAddressing {
  /** The href of chapter `chapter` (its start, or the element with id `fragment`). */
  readonly href: (chapter: number, fragment: string | undefined) => string;
  /** The src of an image. */
  readonly src: (image: ImageUse) => string;
}

/** Point the chapter's internal links and images at the edition's addresses. */
export function address(file: VFile, addressing: EditionAddressing): Root {
  const data = chapterData(file);
  const tree = linkedTree(file);
  for (const link of data.links) if (link.node) link.node.properties.href = addressing.href(link.chapter, link.fragment);
  for (const image of data.images) if (image.node) image.node.properties.src = addressing.src(image);
  return tree;
}

/**
 * `serialize(file, addressing)`, kept in `cache` under what it depends on: the chapter's cache key
 * (its source, Folio's code, what the transform read), the edition, the ids the link stage gave and
 * every address the edition gives the chapter's links and images. A chapter found there is never read back.
 */
export function renderedChapter(file: VFile, edition: string, addressing: EditionAddressing, serialize: (file: VFile, addressing: EditionAddressing) => string, cache?: TransformCache): string {
  const data = chapterData(file);
  if (!cache || !data.cacheKey) return serialize(file, addressing);
  const hrefs = data.links.map((link) => addressing.href(link.chapter, link.fragment));
  const srcs = data.images.map((image) => addressing.src(image));
  const key = createHash("sha256").update(data.cacheKey).update(JSON.stringify([edition, data.idRenames, hrefs, srcs])).digest("hex");
  return cache.rendering(key, `${file.path}\0${edition}`, () => serialize(file, addressing));
}

/** The chapter's body as HTML. */
export function chapterHtml(file: VFile, addressing: EditionAddressing): string {
  return toHtml(address(file, addressing));
}
