/** A manuscript prepared into a finished Book, as the build does before it renders the editions. */
import type { Book } from "../../scripts/book.js";
import { prepareBook } from "../../scripts/recipe.js";
import { tempDir } from "./build.js";

export async function loadBook(manuscriptDir: string, sourceDateEpoch?: number): Promise<Book> {
  const { book } = await prepareBook({
    manuscriptDir,
    outDir: tempDir(),
    sourceDateEpoch,
    browserPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined,
  });
  if (!book) throw new Error(`book.yaml of ${manuscriptDir} did not load`);
  return book;
}
