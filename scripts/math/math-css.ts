/** The style sheet a book's formulas need: temml's rules for the MathML it writes, read from its package, in a book with a formula. */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { chapterData, type Book } from "../book.js";
import { glyphFinder } from "../util/glyphs.js";

let temmlCss: Promise<string> | undefined;

/**
 * temml's CSS (its classes for alignment, spacing and enclosures) when a chapter of `book` has a
 * formula, else nothing. For the EPUB, without its blocks for one browser engine or another
 * (`@supports`, `@-moz-document`): reading systems are not browsers, and the EPUBCheck port's CSS
 * parser rejects temml's `@supports (not (…))` (CSS-008).
 */
export async function mathCss(book: Book, edition?: "epub"): Promise<string> {
  const math = glyphFinder().math?.file;
  if (!math || !book.chapters.some((file) => chapterData(file).fallbackFonts?.includes(math))) return "";
  temmlCss ??= readFile(createRequire(import.meta.url).resolve("temml/dist/Temml-Local.css"), "utf8").then(
    // Its own script font is not shipped with the book (the math font has the glyphs): no rule may load
    // it. EPUB style sheets may not set `direction` (EPUBCheck CSS-001); MathML is left to right anyway.
    (css) =>
      css
        .replace(/@font-face\s*\{[^}]*\}/g, "")
        .replace(/[^{}]*\{[^{}]*font-family:\s*["']?Temml["']?\s*;?[^{}]*\}/g, "")
        .replace(/\bdirection:\s*[^;}]+;?/g, ""),
  );
  const css = await temmlCss;
  return edition === "epub" ? withoutEngineBlocks(css) : css;
}

/** `css` without its `@supports` and `@-moz-document` blocks (braces nest inside them). */
function withoutEngineBlocks(css: string): string {
  let out = "";
  let from = 0;
  for (const match of css.matchAll(/@(?:supports|-moz-document)\b[^{]*\{/g)) {
    if (match.index < from) continue;
    out += css.slice(from, match.index);
    let depth = 1;
    let i = match.index + match[0].length;
    for (; i < css.length && depth > 0; i++) depth += css[i] === "{" ? 1 : css[i] === "}" ? -1 : 0;
    from = i;
  }
  return out + css.slice(from);
}
