/** The print document: one HTML page holding the front matter and every chapter, styled for the trim size. */
import { pathToFileURL } from "node:url";
import { chapterData, type Book } from "../../book.js";
import { toPx, type ResolvedPrint } from "../../config/resolve.js";
import { fileFontFaces, readTemplate, renderTemplate, type FontSet } from "../../templates.js";
import { bookContents } from "../contents.js";
import { address, treeHtml } from "../serialize.js";
import { printTree } from "./print-tree.js";

/** The text block of a page in CSS pixels: the page layout's column size. */
export interface TextBlock {
  readonly width: number;
  readonly height: number;
}

export function textBlock(print: ResolvedPrint): TextBlock {
  const { margins } = print;
  return {
    width: toPx(print.width) - toPx(margins.inside) - toPx(margins.outside),
    height: toPx(print.height) - toPx(margins.top) - toPx(margins.bottom),
  };
}

/** The print document's HTML; fonts and images are addressed by file URL. */
export async function printHtml(book: Book, fonts: FontSet): Promise<string> {
  const chapters = book.chapters.map((file) => {
    const data = chapterData(file);
    const tree = address(file, {
      href: (chapter, fragment) => `#${fragment ?? chapterData(book.chapters[chapter]).id}`,
      src: (image) => pathToFileURL(image.path).href,
    });
    return { id: data.id, lang: data.lang, html: treeHtml(printTree(tree, data.lang)) };
  });
  const { print } = book.config;
  const css = [fileFontFaces(fonts), await readTemplate("shared/book.css"), await readTemplate("print/print.css")].join("\n");
  return renderTemplate("print/book.html.ejs", {
    book: book.config,
    contents: bookContents(book),
    tocDepth: print.tocDepth,
    chapters,
    css: withPageSettings(css, print),
    fontFamily: fonts.family,
  });
}

/** `@page` rules cannot read custom properties: write the settings into the stylesheet. */
function withPageSettings(css: string, print: ResolvedPrint): string {
  const values: Record<string, string> = {
    "--trim-width": print.width,
    "--trim-height": print.height,
    "--margin-top": print.margins.top,
    "--margin-bottom": print.margins.bottom,
    "--margin-inside": print.margins.inside,
    "--margin-outside": print.margins.outside,
    "--font-size": `${print.fontSize}pt`,
    "--leading": String(print.leading),
    "--page-height": `${textBlock(print).height}px`,
  };
  return css.replace(/var\((--[a-z-]+)\)/g, (whole, name: string) => values[name] ?? whole);
}
