/** The web edition: one self-contained page, with CSS, fonts and images inside it, that works offline. */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { chapterData, type Book } from "../book.js";
import { readTemplate, renderTemplate, type FontSet } from "../templates.js";
import { folioVersion } from "../version.js";
import { bookContents } from "./contents.js";
import { chapterHtml } from "./serialize.js";
import type { Target } from "./target.js";

export const renderHtml: Target = async (book, context) => {
  const images = await embedImages(book);
  const chapters = book.chapters.map((file) => {
    const data = chapterData(file);
    const html = chapterHtml(file, {
      href: (chapter, fragment) => `#${fragment ?? chapterData(book.chapters[chapter]).id}`,
      src: (image) => images.get(image.path) ?? "",
    });
    return { id: data.id, lang: data.lang, html };
  });
  const css = [await fontFaces(context.fonts), await readTemplate("shared/book.css"), await readTemplate("web/web.css")].join("\n");
  const page = await renderTemplate("web/page.html.ejs", {
    book: book.config,
    contents: bookContents(book),
    chapters,
    css,
    fontFamily: context.fonts.family,
    folioVersion,
  });
  const path = join(context.outDir, `${book.config.slug}.html`);
  await writeFile(path, page);
  return { format: "html", path };
};

/** Every image of the book as a data: URL, read once even when several chapters use it. */
async function embedImages(book: Book): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (const file of book.chapters) {
    for (const image of chapterData(file).images) {
      if (urls.has(image.path)) continue;
      urls.set(image.path, `data:${image.mediaType};base64,${(await readFile(image.path)).toString("base64")}`);
    }
  }
  return urls;
}

async function fontFaces(fonts: FontSet): Promise<string> {
  const faces = await Promise.all(
    fonts.faces.map(async (face) => {
      const data = (await readFile(face.web)).toString("base64");
      return `@font-face { font-family: "${fonts.family}"; font-weight: ${face.weight}; font-style: ${face.style}; font-display: swap; src: url(data:font/woff2;base64,${data}) format("woff2"); }`;
    }),
  );
  return faces.join("\n");
}
