/** The print document: one HTML page holding the front matter and every chapter, styled for the trim size. */
import { pathToFileURL } from "node:url";
import { chapterData, type Book } from "../../book.js";
import { readTemplate, renderTemplate, type FontSet } from "../../templates.js";
import { bookContents } from "../contents.js";
import { chapterHtml } from "../serialize.js";

/** The print document's HTML; fonts and images are addressed by file URL. */
export async function printHtml(book: Book, fonts: FontSet): Promise<string> {
  const chapters = book.chapters.map((file) => {
    const data = chapterData(file);
    const html = chapterHtml(file, {
      href: (chapter, fragment) => `#${fragment ?? chapterData(book.chapters[chapter]).id}`,
      src: (image) => pathToFileURL(image.path).href,
    });
    return { id: data.id, lang: data.lang, html };
  });
  const { print } = book.config;
  const variables = `:root { --trim-width: ${print.width}; --trim-height: ${print.height}; --font-size: ${print.fontSize}pt; --leading: ${print.leading}; }`;
  const css = [fontFaces(fonts), variables, await readTemplate("shared/book.css"), await readTemplate("print/print.css")].join("\n");
  return renderTemplate("print/book.html.ejs", {
    book: book.config,
    contents: bookContents(book),
    tocDepth: print.tocDepth,
    chapters,
    css: resolvePageSize(css, print.width, print.height),
    fontFamily: fonts.family,
  });
}

/** `@page` descriptors cannot read custom properties: write the trim size in. */
function resolvePageSize(css: string, width: string, height: string): string {
  return css.replace("var(--trim-width) var(--trim-height)", `${width} ${height}`);
}

function fontFaces(fonts: FontSet): string {
  return fonts.faces
    .map((face) => `@font-face { font-family: "${fonts.family}"; font-weight: ${face.weight}; font-style: ${face.style}; src: url("${pathToFileURL(face.file).href}") format("truetype"); }`)
    .join("\n");
}
