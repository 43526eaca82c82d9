/** The EPUB cover: book.yaml's `cover:` image (PNG or JPEG), or a typographic cover drawn from the book's title. */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { Book, CoverFile } from "../../book.js";
import { report } from "../../diagnostics.js";
import type { Words } from "../../language/words.js";
import { BrowserMissingError } from "../../browser/browser-missing.js";
import type { RenderContext } from "../target.js";
import { epubCoverSize, renderCoverPng } from "./cover-render.js";

export interface CoverImage {
  /** Name inside the EPUB's content folder. */
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  /** Alt text of the cover image. */
  readonly alt: string;
}

/** The book's cover, or undefined (with a diagnostic on book.yaml) when it cannot be had. */
export async function epubCover(book: Book, context: RenderContext, words: Words): Promise<CoverImage | undefined> {
  const { config } = book;
  const { signal } = context;
  const title = config.subtitle
    ? words("titleAndSubtitle", { title: config.title, subtitle: config.subtitle })
    : config.title;
  const alt = config.authors.length
    ? words("coverAltBy", { title, authors: words.list(config.authors) })
    : words("coverAlt", { title });
  // A `cover:` that could not be used stopped the build while the book was prepared.
  if (config.cover !== undefined) return book.cover && coverFromFile(book.cover, alt);
  try {
    return {
      name: "cover.png",
      mediaType: "image/png",
      bytes: await renderCoverPng(config, context.fonts, epubCoverSize, signal, context.earlyCover),
      alt,
    };
  } catch (error) {
    if (signal?.aborted) throw error;
    const cause = error instanceof BrowserMissingError ? "no Chromium or Chrome was found" : (error as Error).message;
    report(
      book.configFile.file,
      "cover-not-rendered",
      `The EPUB has no cover: the typographic cover could not be drawn (${cause}); set \`cover:\` to an image or install Chromium`,
    );
    return undefined;
  }
}

/** The cover file of book.yaml, found when the book was prepared. */
async function coverFromFile(file: CoverFile, alt: string): Promise<CoverImage> {
  return {
    name: `cover${extname(file.path).toLowerCase().replace(".jpeg", ".jpg")}`,
    mediaType: file.mediaType,
    bytes: await readFile(file.path),
    alt,
  };
}
