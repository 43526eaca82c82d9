/** The EPUB 3 edition: epub-gen-memory assembles the package from Folio's templates; the chapters are Folio's own XHTML. */
import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { EPub, type Chapter, type Options } from "epub-gen-memory";
import { chapterData, type Book, type ImageUse } from "../book.js";
import { readTemplate, renderTemplate } from "../templates.js";
import { folioVersion } from "../version.js";
import { bookContents } from "./contents.js";
import { chapterXhtml, documentProperties } from "./serialize.js";
import type { Target } from "./target.js";
import { fixZipDates } from "./zip.js";

/** A document of the package; `body` is Folio's XHTML, which the library's HTML normaliser never sees. */
interface EpubDocument extends Chapter {
  readonly body: string;
  readonly lang: string;
  readonly bodyClass?: string;
  readonly properties?: string;
}

export const renderEpub: Target = async (book, context) => {
  const fileOf = (chapter: number) => `${chapterData(book.chapters[chapter]).slug}.xhtml`;
  const href = (chapter: number, fragment?: string) => `${fileOf(chapter)}${fragment ? `#${fragment}` : ""}`;
  const images = uniqueImages(book);
  const documents: EpubDocument[] = [
    {
      title: "Title page",
      filename: "title-page.xhtml",
      content: "",
      beforeToc: true,
      excludeFromToc: true,
      lang: book.config.language,
      bodyClass: "front-matter",
      body: await renderTemplate("epub/title-page.xhtml.ejs", { book: book.config, fontFamily: context.fonts.family }),
    },
    ...book.chapters.map((file) => {
      const data = chapterData(file);
      const body = chapterXhtml(file, { href, src: (image) => image.name });
      return {
        title: data.title,
        filename: fileOf(data.index),
        content: "",
        lang: data.lang,
        properties: documentProperties(body),
        body: `<section class="chapter" epub:type="chapter" role="doc-chapter" id="${data.id}">\n${body}\n</section>`,
      };
    }),
  ];
  const contents = bookContents(book).map((entry) => ({
    ...entry,
    href: href(entry.chapter, entry.id),
    sections: entry.sections.map((section) => ({ ...section, href: href(entry.chapter, section.id) })),
  }));
  const options: Options & { folio: unknown } = {
    title: book.config.title,
    author: [...book.config.authors],
    lang: book.config.language,
    date: book.config.date,
    description: book.config.description,
    prependChapterTitles: false,
    tocInTOC: false,
    verbose: false,
    css: [fontFaces(context), await readTemplate("shared/book.css"), await readTemplate("epub/epub.css")].join("\n"),
    fonts: context.fonts.faces.map((face) => ({ filename: basename(face.file), url: pathToFileURL(face.file).href })),
    contentOPF: await readTemplate("epub/content.opf.ejs"),
    tocNCX: await readTemplate("epub/toc.ncx.ejs"),
    tocXHTML: await readTemplate("epub/toc.xhtml.ejs"),
    chapterXHTML: await readTemplate("epub/chapter.xhtml.ejs"),
    folio: { book: book.config, version: folioVersion, contents, images, depth: contents.some((c) => c.sections.length) ? 2 : 1 },
  };
  const epub = new EPub(options, documents);
  await epub.render();
  const zip = (epub as unknown as { zip: import("jszip") }).zip;
  for (const image of images) zip.file(`OEBPS/${image.name}`, await readFile(image.path));
  fixZipDates(zip, new Date(book.config.modified));
  const bytes = await zip.generateAsync({ type: "nodebuffer", mimeType: "application/epub+zip", compression: "DEFLATE", compressionOptions: { level: 9 } });
  const path = join(context.outDir, `${book.config.slug}.epub`);
  await writeFile(path, bytes);
  return { format: "epub", path };
};

function uniqueImages(book: Book): ImageUse[] {
  const byName = new Map<string, ImageUse>();
  for (const file of book.chapters) for (const image of chapterData(file).images) byName.set(image.name, image);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function fontFaces(context: Parameters<Target>[1]): string {
  return context.fonts.faces
    .map((face) => `@font-face { font-family: "${context.fonts.family}"; font-weight: ${face.weight}; font-style: ${face.style}; src: url(fonts/${basename(face.file)}); }`)
    .join("\n");
}
