/** The images named by book.yaml, `cover:` and `publisherLogo:`: found and checked with the rest of the manuscript, before any edition is rendered. */
import { stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import type { Book, CoverFile } from "../book.js";
import { stableName } from "../plugins/rehype-images.js";
import { imageTypes } from "../util/image-types.js";
import { report } from "../diagnostics.js";
import { isInside } from "../util/paths.js";
import type { Stage } from "./stage.js";

const coverTypes: Readonly<Record<string, string>> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
};

/** The book with its cover file, when book.yaml names one that can be used; a bad one is reported on book.yaml. */
export const findCover: Stage = async (book) => findCoverFile(await findLogo(book));

/** The book with its publisher's mark, when book.yaml names an image inside the manuscript folder. */
async function findLogo(book: Book): Promise<Book> {
  const { config, configFile } = book;
  const logo = config.publisherLogo;
  if (logo === undefined) return book;
  const place = configFile.placeOf(["publisherLogo"], "value");
  const path = resolve(config.manuscriptDir, logo);
  if (!isInside(config.manuscriptDir, path) || !(await stat(path).catch(() => undefined))?.isFile()) {
    const message = `Publisher's mark \`${logo}\` is not a file inside the manuscript folder: fix the path`;
    report(configFile.file, "image-missing", message, place);
    return book;
  }
  const mediaType = imageTypes[extname(path).toLowerCase()];
  if (!mediaType) {
    report(
      configFile.file,
      "image-type",
      `Publisher's mark \`${logo}\` is not PNG, JPEG, GIF, WebP or SVG: convert it`,
      place,
    );
    return book;
  }
  return { ...book, publisherLogo: { path, mediaType, name: stableName(config.manuscriptDir, path) } };
}

async function findCoverFile(book: Book): Promise<Book> {
  const { config, configFile } = book;
  const cover = config.cover;
  if (cover === undefined) return book;
  const place = configFile.placeOf(["cover"], "value");
  const path = resolve(config.manuscriptDir, cover);
  if (!isInside(config.manuscriptDir, path) || !(await stat(path).catch(() => undefined))?.isFile()) {
    report(
      configFile.file,
      "cover-missing",
      `Cover \`${cover}\` is not a file inside the manuscript folder: fix the path`,
      place,
    );
    return book;
  }
  const mediaType = coverTypes[extname(path).toLowerCase()];
  if (!mediaType) {
    report(configFile.file, "cover-type", `Cover \`${cover}\` is not a PNG or JPEG image: convert it`, place);
    return book;
  }
  const file: CoverFile = { path, mediaType };
  return { ...book, cover: file };
}
