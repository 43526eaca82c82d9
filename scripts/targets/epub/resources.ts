/** The EPUB's binary resources, each with its manifest item: the book's fonts and images (with fallbacks where needed). */
import { readFile } from "node:fs/promises";
import { chapterData, type Book, type ImageUse } from "../../book.js";
import { embeddedFaceRules, type EmbeddedFace } from "../../fonts/subset.js";
import type { FontSet } from "../../templates.js";
import { imageFallback } from "./fallbacks.js";
import type { PackageFile } from "./package.js";
import { imageBytes } from "../../util/svg-clean.js";

export interface ManifestItem {
  readonly id: string;
  readonly href: string;
  readonly mediaType: string;
  readonly properties?: string;
  /** Id of the item a reading system uses when it cannot show this one. */
  readonly fallback?: string;
}

export interface Resource {
  readonly item: ManifestItem;
  readonly file: PackageFile;
}

/** The fonts of the print edition that the book uses, cut to its characters (fonts/subset.ts), under fonts/. */
export function fontResources(faces: readonly EmbeddedFace[]): Resource[] {
  return faces.map((face, i) => {
    const href = `fonts/${face.name}`;
    return {
      item: { id: `font-${i + 1}`, href, mediaType: face.format === "woff2" ? "font/woff2" : "font/ttf" },
      file: { path: `OEBPS/${href}`, data: face.data },
    };
  });
}

/** The @font-face rules that give the embedded fonts the print edition's family names. */
export function fontFaceCss(faces: readonly EmbeddedFace[], fonts: FontSet): string {
  return embeddedFaceRules(faces, fonts.family, (face) => `url(fonts/${face.name})`);
}

/** Every image the chapters use, once, by name; a WebP comes with a PNG fallback. */
export async function imageResources(book: Book): Promise<Resource[]> {
  const resources: Resource[] = [];
  for (const [i, image] of uniqueImages(book).entries()) {
    const id = `image-${i + 1}`;
    const bytes = imageBytes(image.mediaType, await readFile(image.path));
    const fallback = imageFallback(image.name, image.mediaType, bytes);
    resources.push({
      item: { id, href: image.name, mediaType: image.mediaType, fallback: fallback && `${id}-fallback` },
      file: { path: `OEBPS/${image.name}`, data: bytes },
    });
    if (fallback)
      resources.push({
        item: { id: `${id}-fallback`, href: fallback.name, mediaType: fallback.mediaType },
        file: { path: `OEBPS/${fallback.name}`, data: fallback.bytes },
      });
  }
  return resources;
}

function uniqueImages(book: Book): ImageUse[] {
  const byName = new Map<string, ImageUse>();
  for (const file of book.chapters) for (const image of chapterData(file).images) byName.set(image.name, image);
  if (book.publisherLogo) byName.set(book.publisherLogo.name, book.publisherLogo);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
