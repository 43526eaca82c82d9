/** Writes the print document of a manuscript (the HTML Chromium lays out for the PDF), for the floor measurements. */
import { writeFile } from "node:fs/promises";
import type { Book } from "../book.js";
import { loadConfig } from "../config/load.js";
import { resolveConfig } from "../config/resolve.js";
import { linkChapters } from "../stages/link.js";
import { readChapters } from "../stages/read.js";
import { transformChapters } from "../stages/transform.js";
import { printHtml } from "../targets/pdf/print-html.js";
import { loadFonts } from "../templates.js";

/** Run the pipeline up to the print document and write its HTML to `outPath`. */
export async function writePrintDocument(manuscriptDir: string, outPath: string): Promise<void> {
  const loaded = await loadConfig(manuscriptDir);
  if (!loaded.options) throw new Error(`${manuscriptDir}: book.yaml is not valid`);
  const config = await resolveConfig(loaded.options, { manuscriptDir, outDir: outPath, formats: ["pdf"] });
  const book: Book = { config, configFile: loaded, chapters: await readChapters(config, loaded) };
  await transformChapters(book);
  linkChapters(book);
  await writeFile(outPath, await printHtml(book, await loadFonts()));
}
