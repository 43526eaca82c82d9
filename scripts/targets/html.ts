/** The web edition: one self-contained page, with CSS, fonts and images inside it, that works offline. */
import { editionStyles } from "./edition-styles.js";
import { readFile, writeFile } from "node:fs/promises";
import { imageBytes } from "../util/svg-clean.js";
import { join } from "node:path";
import { chapterData, themeOf, type Book } from "../book.js";
import { embeddedFaceRules, embeddedFaces } from "../fonts/subset.js";
import { renderTemplate, withFontStacks } from "../templates.js";
import { folioVersion } from "../version.js";
import { bookWords } from "../language/words.js";
import { chapterGroups, opensChapter } from "./chapter-groups.js";
import { bookMatter, labelHtml } from "./book-matter.js";
import { bookContents } from "./contents.js";
import { otherDownloads } from "./downloads.js";
import { chapterHtml, renderedChapter, type EditionAddressing } from "./serialize.js";
import type { Render } from "./target.js";

export const renderHtml: Render = async (book, context) => {
  const images = await embedImages(book);
  const parts = new Map(
    chapterGroups(book).flatMap((group) => (group.part ? [[group.files[0], group.part] as const] : [])),
  );
  const chapters = book.chapters.map((file) => {
    const data = chapterData(file);
    const addressing: EditionAddressing = {
      href: (chapter, fragment) => `#${fragment ?? chapterData(book.chapters[chapter]).id}`,
      src: (image) => images.get(image.path) ?? "",
    };
    const html = renderedChapter(file, "web", addressing, chapterHtml, context.wrapRendering);
    return {
      index: data.index,
      id: data.id,
      lang: data.lang,
      html,
      level: opensChapter(data) ? 1 : data.level,
      part: parts.get(file),
    };
  });
  const styles = await editionStyles(book, "web");
  const words = await bookWords(book.config);
  const logo = book.publisherLogo;
  // The page is made first with a mark where its styles go: its text decides which characters its fonts keep.
  const mark = "/* the page's styles */";
  const page = await renderTemplate("web/page.html.ejs", {
    book: book.config,
    contents: bookContents(book),
    chapters,
    css: mark,
    fontFamily: context.fonts.family,
    folioVersion,
    // The other editions of the same build or release, beside this file.
    downloads: otherDownloads(book.config, "html"),
    words,
    matter: await bookMatter(book, words, context.fonts.family),
    logo: logo && (await dataUrl(logo.path, logo.mediaType)),
    theme: themeOf(book).name,
    labelHtml,
  });
  const faces = await embeddedFaces(context.fonts, page, styles, "web");
  const fontFaces = embeddedFaceRules(
    faces,
    context.fonts.family,
    (face) => `url(data:font/${face.format === "woff2" ? "woff2" : "ttf"};base64,${face.data.toString("base64")})`,
    "font-display: swap; ",
  );
  const css = withFontStacks(`${fontFaces}\n${styles}`, context.fonts);
  const path = join(context.outDir, `${book.config.slug}.html`);
  await writeFile(
    path,
    page.replace(mark, () => css),
  );
  return { artifact: { format: "html", path } };
};

/** Every image of the book as a data: URL, read once even when several chapters use it. */
async function embedImages(book: Book): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (const file of book.chapters) {
    for (const image of chapterData(file).images) {
      if (urls.has(image.path)) continue;
      urls.set(image.path, await dataUrl(image.path, image.mediaType));
    }
  }
  return urls;
}

async function dataUrl(path: string, mediaType: string): Promise<string> {
  return `data:${mediaType};base64,${imageBytes(mediaType, await readFile(path)).toString("base64")}`;
}
