/** The files every page of the site shares, in its `assets/` folder: style sheet, fonts, the reader's scripts, the search. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { scriptsDir } from "../../root.js";
import { readTemplate, type FontSet, withFontStacks } from "../../templates.js";
import { subsetFonts } from "./fonts.js";
import { followScheme } from "./scheme-css.js";
import type { SearchDocument } from "./search-documents.js";
import { searchIndexScript, searchLibraryScript } from "./search-index.js";

/** The reader's scripts, joined in this order into `reader.js` (start.browser.js calls the others). */
const readerParts = ["terms", "settings", "navigation", "notes", "search", "start"];

const readerFile = (name: string) => join(scriptsDir, "targets", "site", "reader", `${name}.browser.js`);

/**
 * Write `assets/` into `siteDir`. `text` is everything the pages show, for the font subsets;
 * `documents` are what the search finds.
 */
export async function writeAssets(
  siteDir: string,
  fonts: FontSet,
  text: string,
  documents: readonly SearchDocument[],
  /** The web edition's styles of the text (edition-styles.ts). */
  textCss: string,
): Promise<void> {
  const dir = join(siteDir, "assets");
  await mkdir(join(dir, "fonts"), { recursive: true });
  const subset = await subsetFonts(fonts, text, "fonts");
  for (const file of subset.files) await writeFile(join(dir, "fonts", file.name), file.bytes);
  // The web edition's CSS styles the text (a theme's dark blocks follow the reader's choice); site.css the reader around it.
  // The theme's web styles come after Folio's own, as in the one-page edition; the theme's families fill var(--font-…).
  const css = withFontStacks(
    [subset.css, followScheme(textCss), await readTemplate("site/site.css")].join("\n"),
    fonts,
  );
  await writeFile(join(dir, "site.css"), css);
  await writeFile(join(dir, "scheme.js"), await readFile(readerFile("scheme"), "utf8"));
  await writeFile(join(dir, "reader.js"), await readerScript());
  await writeFile(join(dir, "minisearch.js"), await searchLibraryScript());
  await writeFile(join(dir, "search-index.js"), await searchIndexScript(documents));
}

/** The reader's parts as one script, in a function of its own so that its names stay out of the page's globals. */
async function readerScript(): Promise<string> {
  const parts = await Promise.all(readerParts.map((name) => readFile(readerFile(name), "utf8")));
  return `(() => {\n${parts.join("\n")}})();\n`;
}
