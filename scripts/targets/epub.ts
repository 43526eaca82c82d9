/** The EPUB 3 edition: Folio writes every document of the package from its templates, then zips it deterministically. */
import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { chapterData, type Book, type ImageUse } from "../book.js";
import { readTemplate, renderTemplate } from "../templates.js";
import { folioVersion } from "../version.js";
import { bookContents } from "./contents.js";
import { accessibilityClaim } from "./epub/accessibility.js";
import { chapterDocuments, epubAddressing, pageList } from "./epub/chapters.js";
import { epubCover } from "./epub/cover.js";
import { zipEpub, type PackageFile } from "./epub/package.js";
import type { RenderContext, Target } from "./target.js";

interface ManifestItem {
  readonly id: string;
  readonly href: string;
  readonly mediaType: string;
  readonly properties?: string;
}

const xhtml = "application/xhtml+xml";

export const renderEpub: Target = async (book, context) => {
  const { config } = book;
  const cover = await epubCover(book, context.fonts, context.signal);
  const chapters = chapterDocuments(book);
  const pages = pageList(book, chapters);
  const images = uniqueImages(book);
  const claim = accessibilityClaim(book, { hasCover: cover !== undefined, hasPageList: pages !== undefined });
  const { href } = epubAddressing(book);
  const contents = bookContents(book).map((entry) => ({
    ...entry,
    href: href(entry.chapter, entry.id),
    sections: entry.sections.map((section) => ({ ...section, href: href(entry.chapter, section.id) })),
  }));
  const page = (title: string, lang: string, body: string, bodyClass?: string) => renderTemplate("epub/chapter.xhtml.ejs", { title, lang, body, bodyClass });
  const documents: { id: string; href: string; text: string }[] = [];
  if (cover) documents.push({ id: "cover", href: "cover.xhtml", text: await page("Cover", config.language, await renderTemplate("epub/cover.xhtml.ejs", { cover }), "cover") });
  const titlePage = await renderTemplate("epub/title-page.xhtml.ejs", { book: config, fontFamily: context.fonts.family });
  documents.push({ id: "title-page", href: "title-page.xhtml", text: await page("Title page", config.language, titlePage, "front-matter") });
  const chapterTexts = await Promise.all(chapters.map((c) => page(c.title, c.lang, c.body)));
  const fonts = context.fonts.faces.map((face, i) => ({ id: `font-${i}`, href: `fonts/${basename(face.file)}`, mediaType: "font/ttf", path: face.file }));
  const manifest: ManifestItem[] = [
    { id: "nav", href: "toc.xhtml", mediaType: xhtml, properties: "nav" },
    { id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml" },
    { id: "css", href: "style.css", mediaType: "text/css" },
    ...(cover ? [{ id: "cover-image", href: cover.name, mediaType: cover.mediaType, properties: "cover-image" }] : []),
    ...documents.map((doc) => ({ id: doc.id, href: doc.href, mediaType: xhtml })),
    ...chapters.map((c, i) => ({ id: `chapter-${i + 1}`, href: c.filename, mediaType: xhtml })),
    ...fonts,
    ...images.map((image, i) => ({ id: `image-${i + 1}`, href: image.name, mediaType: image.mediaType })),
  ];
  const spine = [...documents.map((doc) => doc.id), "nav", ...chapters.map((_c, i) => `chapter-${i + 1}`)];
  const printSource = pages ? `${config.title}, print edition (PDF, ${config.print.width} × ${config.print.height})` : undefined;
  const numbers = (pages ?? []).map((p) => Number(p.label)).filter(Number.isInteger);
  const navData = { book: config, contents, pages, cover, depth: contents.some((c) => c.sections.length) ? 2 : 1, maxPageNumber: numbers.length ? Math.max(...numbers) : 0 };
  const files: PackageFile[] = [
    { path: "OEBPS/content.opf", data: await renderTemplate("epub/content.opf.ejs", { book: config, version: folioVersion, claim, cover, manifest, spine, printSource }) },
    { path: "OEBPS/toc.ncx", data: await renderTemplate("epub/toc.ncx.ejs", navData) },
    { path: "OEBPS/toc.xhtml", data: await renderTemplate("epub/toc.xhtml.ejs", navData) },
    { path: "OEBPS/style.css", data: [fontFaces(context), await readTemplate("shared/book.css"), await readTemplate("epub/epub.css")].join("\n") },
    ...(cover ? [{ path: `OEBPS/${cover.name}`, data: cover.bytes }] : []),
    ...documents.map((doc) => ({ path: `OEBPS/${doc.href}`, data: doc.text })),
    ...chapters.map((c, i) => ({ path: `OEBPS/${c.filename}`, data: chapterTexts[i] })),
    ...(await Promise.all(fonts.map(async (font) => ({ path: `OEBPS/${font.href}`, data: await readFile(font.path) })))),
    ...(await Promise.all(images.map(async (image) => ({ path: `OEBPS/${image.name}`, data: await readFile(image.path) })))),
  ];
  const path = join(context.outDir, `${config.slug}.epub`);
  await writeFile(path, await zipEpub(files, new Date(config.modified)));
  return { format: "epub", path };
};

function uniqueImages(book: Book): ImageUse[] {
  const byName = new Map<string, ImageUse>();
  for (const file of book.chapters) for (const image of chapterData(file).images) byName.set(image.name, image);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function fontFaces(context: RenderContext): string {
  return context.fonts.faces
    .map((face) => `@font-face { font-family: "${context.fonts.family}"; font-weight: ${face.weight}; font-style: ${face.style}; src: url(fonts/${basename(face.file)}); }`)
    .join("\n");
}
