/** The style sheets that set an edition's text, in the order every edition cascades them. */
import { themeOf, type Book } from "../book.js";
import { mathCss } from "../math/math-css.js";
import { readTemplate } from "../templates.js";
import type { ThemeEdition } from "../themes/theme.js";

/** Each edition's own style sheet, after Folio's shared ones. */
const editionSheets: Readonly<Record<ThemeEdition, string>> = {
  epub: "epub/epub.css",
  web: "web/web.css",
  print: "print/print.css",
};

/**
 * temml's styles (when the book has formulas; the EPUB's without engine-specific blocks), Folio's
 * shared styles (the text, formulas, references and index), the edition's own, the theme's, and last
 * how a language's text must be set (CJK never slanted or letter-spaced), which no theme may undo.
 * Font faces and `var(--font-…)` stacks are the edition's to add.
 */
export async function editionStyles(book: Book, edition: ThemeEdition): Promise<string> {
  return [
    await mathCss(book, edition === "epub" ? "epub" : undefined),
    await readTemplate("shared/book.css"),
    await readTemplate("shared/math.css"),
    await readTemplate("shared/references.css"),
    await readTemplate(editionSheets[edition]),
    themeOf(book).css[edition],
    await readTemplate("shared/languages.css"),
  ].join("\n");
}
