/** Writes the print document of a manuscript (the HTML Chromium lays out for the PDF), for the floor measurements. */
import { writeFile } from "node:fs/promises";
import { prepareBook } from "../recipe.js";
import { printDocument } from "../targets/index.js";
import { loadFonts } from "../templates.js";

/** Prepare the book as a build does and write its print document's HTML to `outPath`. */
export async function writePrintDocument(manuscriptDir: string, outPath: string): Promise<void> {
  const { book } = await prepareBook({ manuscriptDir, outDir: outPath, formats: ["pdf"] });
  if (!book) throw new Error(`${manuscriptDir}: book.yaml is not valid`);
  await writeFile(outPath, await printDocument(book, await loadFonts(book.config)));
}
