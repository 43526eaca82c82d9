/** The print document: one HTML page holding the front matter and every chapter, styled for the trim size. */
import { editionStyles } from "../edition-styles.js";
import { pathToFileURL } from "node:url";
import type { Element, Root } from "hast";
import { chapterData, themeOf, type Book, type ChapterData, type ImageUse } from "../../book.js";
import { toPx, type ResolvedPrint } from "../../config/resolve.js";
import { fileFontFaces, renderTemplate, type FontSet, withFontStacks } from "../../templates.js";
import { bookWords } from "../../language/words.js";
import { chapterGroups } from "../chapter-groups.js";
import { bookMatter, labelHtml } from "../book-matter.js";
import { bookContents } from "../contents.js";
import { address, treeHtml } from "../serialize.js";
import { printPlaceIds } from "./print-places.js";
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
  const addressing = {
    href: (chapter: number, fragment: string | undefined) => `#${fragment ?? chapterData(book.chapters[chapter]).id}`,
    src: (image: ImageUse) => pathToFileURL(image.path).href,
  };
  const places = printPlaceIds(book);
  // A chapter and the sections continuing it are one page group: they run on without a new page.
  const chapters = chapterGroups(book).map(({ files, part }) => {
    const data = chapterData(files[0]);
    const trees = files.map((file) => printTree(address(file, addressing), chapterData(file).lang, places));
    const html = treeHtml(
      joinSections(
        trees,
        files.map((file) => chapterData(file)),
      ),
    );
    return { index: data.index, id: data.id, lang: data.lang, html, part, recto: (data.group ?? data.metadata).recto };
  });
  const { print } = book.config;
  const css = withFontStacks([fileFontFaces(fonts), await editionStyles(book, "print")].join("\n"), fonts);
  const words = await bookWords(book.config);
  return renderTemplate("print/book.html.ejs", {
    book: book.config,
    contents: bookContents(book),
    tocDepth: print.tocDepth,
    chapters,
    css: withPageSettings(css, print),
    fontFamily: fonts.family,
    words,
    matter: await bookMatter(book, words, fonts.family),
    logo: book.publisherLogo && pathToFileURL(book.publisherLogo.path).href,
    theme: themeOf(book).name,
    labelHtml,
  });
}

/**
 * One tree of a chapter's print trees (`sections` holds the data of each, the chapter's first):
 * each continuing section starts at an empty marker with its chapter id (the target of links to
 * its start), and the notes of all go into one pool at the end, which the page layout expects as
 * the group's last child.
 */
function joinSections(trees: readonly Root[], sections: readonly ChapterData[]): Root {
  if (trees.length === 1) return trees[0];
  const isPool = (node: Root["children"][number]): node is Element =>
    node.type === "element" &&
    Array.isArray(node.properties.className) &&
    node.properties.className.includes("note-pool");
  const children: Root["children"] = [];
  const notes: Element[] = [];
  const chapterLang = sections[0].lang;
  trees.forEach((tree, i) => {
    if (i > 0)
      children.push({
        type: "element",
        tagName: "div",
        properties: { className: ["section-start"], id: sections[i].id },
        children: [],
      });
    // A section in another language than its chapter's says so on each of its blocks (the page layout needs them as the group's children).
    const lang = sections[i].lang !== chapterLang ? sections[i].lang : undefined;
    for (const node of tree.children) {
      const blocks = isPool(node) ? (node.children as Element[]) : [node];
      if (lang)
        for (const block of blocks)
          if (block.type === "element" && block.properties.lang === undefined) block.properties.lang = lang;
      (isPool(node) ? notes : children).push(...(blocks as Root["children"]));
    }
  });
  if (notes.length > 0)
    children.push({ type: "element", tagName: "div", properties: { className: ["note-pool"] }, children: notes });
  return { type: "root", children };
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
