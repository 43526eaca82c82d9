/** Checking the manuscript folder: image files that no chapter (and not the cover) uses. */
import { readdir } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";
import { VFile } from "vfile";
import { chapterData, type Book } from "../book.js";
import { applyRuleSettings, report } from "../diagnostics.js";
import { imageTypes } from "../util/image-types.js";
import { isInside } from "../util/paths.js";
import type { Stage } from "./stage.js";

/** The book with one file per unused image of the manuscript folder, each holding an `image-unused` message. */
export const findUnusedImages: Stage = async (book) => ({
  ...book,
  otherFiles: [...book.otherFiles, ...(await unusedImages(book))],
});

async function unusedImages(book: Book): Promise<VFile[]> {
  const { manuscriptDir, contentDir, outDir, cover } = book.config;
  const used = new Set(book.chapters.flatMap((file) => chapterData(file).imageReferences ?? []));
  if (cover) used.add(resolve(manuscriptDir, cover));
  if (book.publisherLogo) used.add(book.publisherLogo.path);
  const files: VFile[] = [];
  // An mdBook project's images are in `src`; its theme and built book beside it are not the book's.
  for (const path of await listImages(contentDir)) {
    if (used.has(path) || isInside(outDir, path)) continue;
    const file = new VFile({ path, cwd: process.cwd() });
    applyRuleSettings(file, book.config.rules);
    const name = relative(manuscriptDir, path);
    if (report(file, "image-unused", `Image \`${name}\` is used by no chapter: use it or delete it`)) files.push(file);
  }
  return files;
}

/** Image files below `dir`, skipping hidden folders and node_modules, in name order. */
async function listImages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && imageTypes[extname(entry.name).toLowerCase()] !== undefined)
    .map((entry) => join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name))
    .filter(
      (path) =>
        !relative(dir, path)
          .split(/[\\/]/)
          .some((part) => part.startsWith(".") || part === "node_modules"),
    )
    .sort();
}
