/** The cover image named by book.yaml `cover:`: checked with the rest of the manuscript, before any edition is rendered. */
import { stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { LoadedConfig } from "../config/load.js";
import type { ResolvedConfig } from "../config/resolve.js";
import { report } from "../diagnostics.js";
import { isInside } from "./read.js";

const coverTypes: Readonly<Record<string, string>> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg" };

export interface CoverFile {
  readonly path: string;
  readonly mediaType: string;
}

/** The cover file, or undefined when book.yaml names none or names one that cannot be used (reported on book.yaml). */
export async function findCover(config: ResolvedConfig, loaded: LoadedConfig): Promise<CoverFile | undefined> {
  const cover = config.cover;
  if (cover === undefined) return undefined;
  const place = loaded.placeOf(["cover"], "value");
  const path = resolve(config.manuscriptDir, cover);
  if (!isInside(config.manuscriptDir, path) || !(await stat(path).catch(() => undefined))?.isFile()) {
    report(loaded.file, "cover-missing", `Cover \`${cover}\` is not a file inside the manuscript folder: fix the path`, place);
    return undefined;
  }
  const mediaType = coverTypes[extname(path).toLowerCase()];
  if (!mediaType) {
    report(loaded.file, "cover-type", `Cover \`${cover}\` is not a PNG or JPEG image: convert it`, place);
    return undefined;
  }
  return { path, mediaType };
}
