/**
 * Fallbacks for images that older reading systems do not know: WebP is an EPUB 3.3 core type, but EPUB 3.2
 * readers (and EPUBCheck 4) need a PNG beside it, named in the manifest as the WebP's fallback.
 */
import { decode } from "@cwasm/webp";
import { encodePng } from "../../util/png.js";

export interface ImageFallback {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Buffer;
}

/** The PNG fallback of an image of `mediaType`, or undefined when the type needs none. */
export function imageFallback(name: string, mediaType: string, bytes: Buffer): ImageFallback | undefined {
  if (mediaType !== "image/webp") return undefined;
  const image = decode(bytes);
  return { name: `${name}.png`, mediaType: "image/png", bytes: encodePng(image.width, image.height, image.data) };
}
