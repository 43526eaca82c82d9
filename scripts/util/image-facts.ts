/** What the image checks need to know about an image file: where it really is, and its size in pixels. */
import { closeSync, openSync, readFileSync, readSync, realpathSync, statSync } from "node:fs";
import { imageSize } from "image-size";
import { isInside } from "./paths.js";
import { cleanSvg, outwardReference, type SvgCleaning } from "./svg-clean.js";

export interface ImageFacts {
  /** False when the path, after following symbolic links, leaves the manuscript folder. */
  readonly confined: boolean;
  /** Width × height in pixels, when the header says (undefined for SVG or an unreadable header). */
  readonly pixels?: number;
  /** For SVG: false when it refers to another file or the network (an href, `url()` or `@import` not inside the file itself). */
  readonly selfContained?: boolean;
  /** For SVG: what the copy in the book needs (its DOCTYPE removed), or why it cannot be carried. */
  readonly svg?: Pick<SvgCleaning, "doctype" | "invalid">;
}

/** Enough of a file to find the dimensions of every supported type (JPEG headers may follow EXIF data). */
const headerBytes = 512 * 1024;

/** Facts about the image at `path`, or undefined when it is not a file. `realRoot` is the manuscript folder with links followed. */
export function imageFacts(path: string, realRoot: string): ImageFacts | undefined {
  let real: string;
  try {
    real = realpathSync(path);
    if (!statSync(real).isFile()) return undefined;
  } catch {
    return undefined;
  }
  if (!isInside(realRoot, real)) return { confined: false };
  if (/\.svg$/i.test(real)) {
    const text = readFileSync(real, "utf8");
    const { doctype, invalid } = cleanSvg(text);
    return {
      confined: true,
      selfContained: !outwardReference.test(text.replace(/<!DOCTYPE[\s\S]*?(?:\]\s*>|>)/i, "")),
      svg: { doctype, invalid },
    };
  }
  return { confined: true, pixels: pixelsOf(real) };
}

function pixelsOf(path: string): number | undefined {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(headerBytes);
    const length = readSync(fd, buffer, 0, headerBytes, 0);
    const size = imageSize(buffer.subarray(0, length));
    return size.width && size.height ? size.width * size.height : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
