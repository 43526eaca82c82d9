/** Preflight after layout: the page count against the printer's limits and gutter table, and each image at its printed size. */
import { readFileSync } from "node:fs";
import type { VFile } from "vfile";
import type { Book } from "../book.js";
import { chapterData } from "../book.js";
import { report } from "../diagnostics.js";
import { inches, minSpineForText } from "./spine.js";
import { printerCoverGeometry } from "./spine-profile.js";
import { profileOf } from "./preflight-config.js";
import { requiredGutter } from "./profiles.js";

/** An image as the print layout placed it (see image-sizes.ts). */
export interface PrintedImage {
  readonly chapter: string;
  readonly src: string;
  readonly naturalWidth: number;
  readonly naturalHeight: number;
  /** Printed size in CSS pixels (96 per inch). */
  readonly width: number;
  readonly height: number;
  readonly line?: number;
  readonly column?: number;
}

/** The resolution presses ask for, in pixels per inch at the printed size. */
export const pressDpi = 300;

/** Report a page count the printer cannot bind, or binds only with a wider gutter. */
export function checkPageCount(book: Book, pages: number): void {
  const { print } = book.config;
  const profile = profileOf(print);
  if (!profile) return;
  const file = book.configFile.file;
  const place = book.configFile.placeOf(["print", "printer"], "value");
  const max = profile.maxPages[print.binding];
  if (pages > max || pages < profile.minPages) {
    const limit = pages > max ? `at most ${max}` : `at least ${profile.minPages}`;
    report(
      file,
      "press-page-limit",
      `The book has ${pages} pages; ${profile.label} prints a ${print.binding} of ${limit}: shorten it, or change the trim, font size or binding`,
      place,
    );
  }
  const needed = requiredGutter(profile, pages);
  const inside = inches(print.margins.inside);
  if (inside + 1e-9 < needed) {
    const where = book.configFile.placeOf(["print", "margins", "inside"]) ?? place;
    report(
      file,
      "press-gutter",
      `The inside margin, ${(print.writtenMargins ?? print.margins).inside}, is narrower than the ${needed} in ${profile.label} asks for ${pages} pages: set \`print.margins.inside: ${needed}in\``,
      where,
    );
  }
  const cover = printerCoverGeometry(print, pages);
  if (!cover.spineText) {
    const from = profile.spineTextFromPages;
    const needs =
      from === undefined ? `a spine of ${minSpineForText} in` : `${from} pages and a spine of ${minSpineForText} in`;
    const spine = Math.round(cover.spine * 1000) / 1000;
    report(
      file,
      "press-spine-thin",
      `The spine, ${spine} in for ${cover.pages} pages, is too thin for the title: the cover leaves it blank (spine text needs ${needs})`,
      place,
    );
  }
}

/** Report images below the press's resolution at their printed size, and those the press PDF converts. */
export function checkImages(book: Book, images: readonly PrintedImage[]): void {
  const { print } = book.config;
  if (!profileOf(print)) return;
  const files = new Map<string, VFile>(book.chapters.map((file) => [chapterData(file).id, file]));
  const target = print.interior === "colour" ? "CMYK" : "grey";
  for (const image of images) {
    const file = files.get(image.chapter) ?? book.configFile.file;
    const place = image.line ? { line: image.line, column: image.column ?? 1 } : undefined;
    const src = decodeURIComponent(image.src.replace(/^file:\/\/.*?([^/]+)$/, "$1"));
    if (/\.svg$/i.test(image.src) || image.width <= 0) continue;
    const printedInches = image.width / 96;
    const dpi = Math.floor(image.naturalWidth / printedInches);
    if (dpi < pressDpi) {
      const needWidth = Math.ceil(printedInches * pressDpi);
      const needHeight = Math.ceil((image.height / 96) * pressDpi);
      const size = `${round(printedInches)} × ${round(image.height / 96)} in`;
      report(
        file,
        "press-image-resolution",
        `Image \`${src}\` prints at ${size}, ${dpi} DPI from ${image.naturalWidth} × ${image.naturalHeight} px: supply at least ${needWidth} × ${needHeight} px for ${pressDpi} DPI`,
        place,
      );
    }
    const kind = colourKind(image.src);
    if (kind)
      report(
        file,
        "press-image-converted",
        `Image \`${src}\` is ${kind}: the press PDF converts it to ${target}${kind.includes("transparen") ? " and flattens its transparency" : ""}`,
        place,
      );
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** "RGB", "RGB with transparency", "grey with transparency", or undefined for an image the press takes as it is. */
function colourKind(url: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(new URL(url));
  } catch {
    return undefined;
  }
  if (bytes.subarray(1, 4).toString("latin1") === "PNG") {
    const colourType = bytes[25];
    const alpha = colourType === 4 || colourType === 6 || bytes.includes(Buffer.from("tRNS"));
    const colour = colourType === 2 || colourType === 3 || colourType === 6;
    if (!colour && !alpha) return undefined;
    return `${colour ? "RGB" : "grey"}${alpha ? " with transparency" : ""}`;
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegComponents(bytes) === 3 ? "RGB" : undefined;
  // GIF and WebP are palettes or RGB.
  return "RGB";
}

/** Number of colour components of a JPEG, from its start-of-frame marker. */
function jpegComponents(bytes: Buffer): number | undefined {
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1];
    const length = bytes.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return bytes[i + 9];
    i += 2 + length;
  }
  return undefined;
}
