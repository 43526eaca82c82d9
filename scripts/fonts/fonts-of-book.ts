/** The fonts the editions of a book embed: its families, and the fallback files its text needs. */
import type { Book } from "../book.js";
import { loadLanguageTables } from "../language/tables.js";
import { bookWords } from "../language/words.js";
import { type FontSet, loadFonts, withFallbacks } from "../templates.js";
import { fallbackFilesOf } from "../util/glyphs.js";

/** The files of the regular face of the body's family (several when cut by Unicode range). */
export function bodyRegularFiles(fonts: FontSet): string[] {
  return fonts.faces
    .filter((f) => (f.family ?? fonts.family) === fonts.family && f.weight === 400 && f.style === "normal")
    .map((f) => f.file);
}

/**
 * The book's fonts with the fallback files (Noto, by Unicode range) that the chapters need, and that the
 * title page, the copyright page and Folio's own words need: a Japanese author's name or 目次 is printed
 * whether or not a chapter holds its characters.
 */
export async function fontsOfBook(book: Book): Promise<FontSet> {
  const { config } = book;
  const fonts = await loadFonts(config);
  const words = await bookWords(config);
  const keys = Object.keys((await loadLanguageTables()).byTag.get("en")!.words);
  const printed = [config.title, config.subtitle, ...config.authors, config.publisher, config.rights];
  const others = [...printed, config.description, ...keys.map((key) => words.text(key))].filter(Boolean).join("\n");
  return withFallbacks(fonts, fallbackFilesOf(book, others, bodyRegularFiles(fonts)));
}
