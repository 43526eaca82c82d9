/** A manuscript read, transformed and linked into a Book, as the build does before it renders the editions. */
import type { Book } from "../../scripts/book.js";
import { loadConfig } from "../../scripts/config/load.js";
import { resolveConfig } from "../../scripts/config/resolve.js";
import { linkChapters } from "../../scripts/stages/link.js";
import { readChapters } from "../../scripts/stages/read.js";
import { transformChapters } from "../../scripts/stages/transform.js";
import { tempDir } from "./build.js";

export async function loadBook(manuscriptDir: string, sourceDateEpoch?: number): Promise<Book> {
  const loaded = await loadConfig(manuscriptDir);
  if (!loaded.options) throw new Error(`book.yaml of ${manuscriptDir} did not load`);
  const config = await resolveConfig(loaded.options, { manuscriptDir, outDir: tempDir(), sourceDateEpoch, browserPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined });
  const book: Book = { config, configFile: loaded, chapters: await readChapters(config, loaded) };
  await transformChapters(book);
  linkChapters(book);
  return book;
}
