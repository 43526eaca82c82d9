/**
 * The web edition as a site: a home page and one page per chapter, with sidebar contents,
 * previous/next, a search that works offline, colour schemes and text size. Its chapters are the web
 * edition's rendering, pointed at the site's pages; it works from file:// and from any web server.
 */
import { editionStyles } from "./edition-styles.js";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { imageSize } from "image-size";
import { chapterData, type Book } from "../book.js";
import { bookWords } from "../language/words.js";
import { renderTemplate } from "../templates.js";
import { imageBytes } from "../util/svg-clean.js";
import { folioVersion } from "../version.js";
import { opensChapter } from "./chapter-groups.js";
import { chapterHtml, renderedChapter, type EditionAddressing } from "./serialize.js";
import { writeAssets } from "./site/assets.js";
import { neighbours, siteContents, siteDownloads } from "./site/navigation.js";
import { chapterPlaces, homePage, siteHref, sitePages, type SitePage } from "./site/pages.js";
import { pageDocuments, type SearchDocument } from "./site/search-documents.js";
import type { Render, RenderContext } from "./target.js";

export const renderSite: Render = async (book, context) => {
  const dir = join(context.outDir, "site");
  await mkdir(dir, { recursive: true });
  const pages = sitePages(book);
  const places = chapterPlaces(book, pages);
  const words = await bookWords(book.config);
  const links = neighbours(pages, book.config.title);
  const common = {
    book: book.config,
    words,
    folioVersion,
    contents: siteContents(book, places),
    downloads: siteDownloads(book, words),
  };
  const addressing: EditionAddressing = {
    href: (chapter, fragment) => siteHref(book, places, chapter, fragment),
    src: (image) => image.name,
  };
  const written: string[] = [];
  const documents: SearchDocument[] = [];
  for (const [i, page] of pages.entries()) {
    const html = await renderTemplate("site/page.html.ejs", {
      ...common,
      ...links[i + 1],
      title: `${page.title} · ${book.config.title}`,
      current: page.name,
      chapters: pageChapters(page, addressing, context),
    });
    await writeFile(join(dir, page.name), html);
    written.push(html);
    const trees = page.files.map((file) => chapterData(file).tree);
    documents.push(...pageDocuments(page.name, page.title, trees, documents.length));
  }
  const home = await renderTemplate("site/home.html.ejs", {
    ...common,
    ...links[0],
    title: book.config.title,
    current: homePage,
    cover: await writeCover(book, dir),
  });
  await writeFile(join(dir, homePage), home);
  await writeImages(book, dir);
  await writeAssets(dir, context.fonts, [home, ...written].join(""), documents, await editionStyles(book, "web"));
  return { artifact: { format: "site", path: dir } };
};

/** The page's chapter files as the web edition renders them, with their links pointed at the site's pages. */
function pageChapters(page: SitePage, addressing: EditionAddressing, context: RenderContext) {
  return page.files.map((file, i) => {
    const data = chapterData(file);
    return {
      id: data.id,
      lang: data.lang,
      level: opensChapter(data) ? 1 : data.level,
      part: i === 0 ? page.part : undefined,
      html: renderedChapter(file, "site", addressing, chapterHtml, context.wrapRendering),
    };
  });
}

/** Every image the chapters show, once, at its name in the book (`images/…`). */
async function writeImages(book: Book, dir: string): Promise<void> {
  const done = new Set<string>();
  for (const file of book.chapters) {
    for (const image of chapterData(file).images) {
      if (done.has(image.name)) continue;
      done.add(image.name);
      await mkdir(dirname(join(dir, image.name)), { recursive: true });
      await writeFile(join(dir, image.name), imageBytes(image.mediaType, await readFile(image.path)));
    }
  }
}

/** The book's cover image (book.yaml `cover:`) for the home page, when it has one. */
async function writeCover(book: Book, dir: string) {
  if (!book.cover) return undefined;
  const name = `cover${extname(book.cover.path).toLowerCase()}`;
  await copyFile(book.cover.path, join(dir, name));
  const size = imageSize(await readFile(book.cover.path));
  const { title, authors } = book.config;
  return {
    href: name,
    width: size.width,
    height: size.height,
    alt: `${title}${authors.length ? `, ${authors.join(", ")}` : ""}`,
  };
}
