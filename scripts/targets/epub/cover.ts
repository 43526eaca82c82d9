/** The EPUB cover: book.yaml's `cover:` image (PNG or JPEG), or a typographic cover drawn from the book's title. */
import { readFile, stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { Book } from "../../book.js";
import { report } from "../../diagnostics.js";
import { isInside } from "../../stages/read.js";
import type { FontSet } from "../../templates.js";
import { BrowserMissingError } from "../browser.js";
import { epubCoverSize, renderCoverPng } from "./cover-render.js";

export interface CoverImage {
  /** Name inside the EPUB's content folder. */
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
  /** Alt text of the cover image. */
  readonly alt: string;
}

const coverTypes: Readonly<Record<string, string>> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg" };

/** The book's cover, or undefined (with a diagnostic on book.yaml) when it cannot be had. */
export async function epubCover(book: Book, fonts: FontSet, signal?: AbortSignal): Promise<CoverImage | undefined> {
  const { config } = book;
  const alt = `Cover: ${config.title}${config.subtitle ? `: ${config.subtitle}` : ""}${config.authors.length ? `, by ${config.authors.join(", ")}` : ""}`;
  if (config.cover !== undefined) return coverFromFile(book, config.cover, alt);
  try {
    return { name: "cover.png", mediaType: "image/png", bytes: await renderCoverPng(config, fonts, epubCoverSize, signal), alt };
  } catch (error) {
    if (signal?.aborted) throw error;
    const cause = error instanceof BrowserMissingError ? "no Chromium or Chrome was found" : (error as Error).message;
    report(book.configFile.file, "cover-not-rendered", `The EPUB has no cover: the typographic cover could not be drawn (${cause}); set \`cover:\` to an image or install Chromium`);
    return undefined;
  }
}

async function coverFromFile(book: Book, cover: string, alt: string): Promise<CoverImage | undefined> {
  const place = book.configFile.placeOf(["cover"], "value");
  const path = resolve(book.config.manuscriptDir, cover);
  const mediaType = coverTypes[extname(path).toLowerCase()];
  if (!isInside(book.config.manuscriptDir, path) || !(await stat(path).catch(() => undefined))?.isFile()) {
    report(book.configFile.file, "cover-missing", `Cover \`${cover}\` is not a file inside the manuscript folder: fix the path`, place);
    return undefined;
  }
  if (!mediaType) {
    report(book.configFile.file, "cover-type", `Cover \`${cover}\` is not a PNG or JPEG image: convert it`, place);
    return undefined;
  }
  return { name: `cover${extname(path).toLowerCase().replace(".jpeg", ".jpg")}`, mediaType, bytes: await readFile(path), alt };
}
