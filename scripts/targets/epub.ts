/** The EPUB 3 edition: Folio renders every document of the package from its templates; epub-gen-memory packages them. */
import { editionStyles } from "./edition-styles.js";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderTemplate, withFontStacks } from "../templates.js";
import { folioVersion } from "../version.js";
import { wordsByLanguage } from "../language/words.js";
import { chapterData } from "../book.js";
import { chapterGroups } from "./chapter-groups.js";
import { bookContents, flatContents, type ContentsEntry } from "./contents.js";
import { bookMatter } from "./book-matter.js";
import { accessibilityClaim } from "./epub/accessibility.js";
import { landmarks } from "./epub/landmarks.js";
import { chapterDocuments, epubAddressing, pageList, partDocument } from "./epub/chapters.js";
import { epubCover } from "./epub/cover.js";
import { embeddedFaces } from "../fonts/subset.js";
import { zipEpub, type PackageFile } from "./epub/package.js";
import { fontFaceCss, fontResources, imageResources, type ManifestItem } from "./epub/resources.js";
import { documentProperties } from "./epub/xhtml.js";
import type { Render } from "./target.js";

const xhtml = "application/xhtml+xml";

type NavEntry = Omit<ContentsEntry, "sections"> & {
  /** The chapter's or part's number as its label writes it, shown before its title. */
  readonly number?: string;
  readonly lang: string;
  readonly href: string;
  readonly sections: readonly NavEntry[];
};

/** How deep the contents nest (the NCX's `dtb:depth`). */
function contentsDepth(entries: readonly { sections: readonly unknown[] }[]): number {
  return entries.length === 0
    ? 0
    : 1 + Math.max(...entries.map((entry) => contentsDepth(entry.sections as { sections: readonly unknown[] }[])));
}

export const renderEpub: Render = async (book, context) => {
  const { config } = book;
  const wordsOf = await wordsByLanguage(config);
  const words = wordsOf(config.language);
  const cover = await epubCover(book, context, words);
  const pageStarts = context.products?.pageStarts;
  const matter = await bookMatter(book, words, context.fonts.family);
  const places = context.products?.places;
  const chapters = chapterDocuments(book, pageStarts ?? [], wordsOf, matter, places && new Map(Object.entries(places)));
  const pages = pageList(pageStarts, chapters);
  const claim = accessibilityClaim(book, words, { hasCover: cover !== undefined, hasPageList: pages !== undefined });
  const { href } = epubAddressing(book);
  const navEntry = (entry: ContentsEntry): NavEntry => ({
    ...entry,
    number: (entry.kind === "part" ? matter.parts.get(entry.id) : matter.chapters.get(entry.chapter))?.label?.number,
    lang: chapters[entry.chapter].lang,
    href: entry.kind === "part" ? `${entry.id}.xhtml` : href(entry.chapter, entry.id),
    sections: entry.sections.map(navEntry),
  });
  const contents = bookContents(book).map(navEntry);

  const page = (title: string, lang: string, body: string, bodyClass?: string) =>
    renderTemplate("epub/chapter.xhtml.ejs", { title, lang, body, bodyClass });
  const documents: (PackageFile & { id: string })[] = [];
  if (cover)
    documents.push({
      id: "cover",
      path: "cover.xhtml",
      data: await page(
        words("cover"),
        config.language,
        await renderTemplate("epub/cover.xhtml.ejs", { cover, words }),
        "cover",
      ),
    });
  const titlePage = await renderTemplate("epub/title-page.xhtml.ejs", {
    book: config,
    words,
    matter,
    logo: book.publisherLogo?.name,
  });
  documents.push({
    id: "title-page",
    path: "title-page.xhtml",
    data: await page(words("titlePage"), config.language, titlePage, "front-matter"),
  });
  for (const [i, chapter] of chapters.entries()) {
    const part = chapterGroups(book).find((group) => group.files[0] === book.chapters[i])?.part;
    if (part)
      documents.push({
        id: part.id,
        path: `${part.id}.xhtml`,
        data: await page(part.title, config.language, await partDocument(part, matter.parts.get(part.id))),
      });
    documents.push({
      id: `chapter-${i + 1}`,
      path: chapter.filename,
      data: await page(chapter.title, chapter.lang, chapter.body),
    });
  }
  const { fonts } = context;
  const styles = await editionStyles(book, "epub");
  // The fonts carry only the characters of the documents, the navigation's titles and the styles.
  const text = [...documents.map((doc) => String(doc.data)), JSON.stringify(contents), config.title].join("\n");
  const faces = await embeddedFaces(fonts, text, styles, "epub");
  const resources = [...fontResources(faces), ...(await imageResources(book))];

  const manifest: ManifestItem[] = [
    { id: "nav", href: "toc.xhtml", mediaType: xhtml, properties: "nav" },
    { id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml" },
    { id: "css", href: "style.css", mediaType: "text/css" },
    ...(cover ? [{ id: "cover-image", href: cover.name, mediaType: cover.mediaType, properties: "cover-image" }] : []),
    ...documents.map((doc) => ({
      id: doc.id,
      href: doc.path,
      mediaType: xhtml,
      properties: documentProperties(String(doc.data)),
    })),
    ...resources.map((resource) => resource.item),
  ];
  // Cover and title page come before the contents; the chapters after.
  const spine = [
    ...documents.slice(0, cover ? 2 : 1).map((doc) => doc.id),
    "nav",
    ...documents.slice(cover ? 2 : 1).map((doc) => doc.id),
  ];
  const printSource = pages
    ? words("printSource", { title: config.title, width: config.print.width, height: config.print.height })
    : undefined;
  const numbers = (pages ?? []).map((p) => Number(p.label)).filter(Number.isInteger);
  const bodyStart =
    flatContents(contents).find(
      (entry) => entry.kind !== "section" && chapterData(book.chapters[entry.chapter]).matter === "body",
    ) ?? contents[0];
  const nav = {
    book: config,
    contents,
    pages,
    cover,
    depth: contentsDepth(contents),
    maxPageNumber: numbers.length ? Math.max(...numbers) : 0,
    bodyStart,
    words,
    landmarks: landmarks(book, words, {
      cover: cover !== undefined,
      bodyStart: (bodyStart as NavEntry).href,
      href: (chapter) => href(chapter, undefined),
    }),
  };

  const files: PackageFile[] = [
    {
      path: "OEBPS/content.opf",
      data: await renderTemplate("epub/content.opf.ejs", {
        book: config,
        version: folioVersion,
        claim,
        cover,
        manifest,
        spine,
        printSource,
        words,
      }),
    },
    { path: "OEBPS/toc.ncx", data: await renderTemplate("epub/toc.ncx.ejs", nav) },
    { path: "OEBPS/toc.xhtml", data: await renderTemplate("epub/toc.xhtml.ejs", nav) },
    {
      path: "OEBPS/style.css",
      data: withFontStacks([fontFaceCss(faces, fonts), styles].join("\n"), fonts),
    },
    ...(cover ? [{ path: `OEBPS/${cover.name}`, data: cover.bytes }] : []),
    ...documents.map((doc) => ({ path: `OEBPS/${doc.path}`, data: doc.data })),
    ...resources.map((resource) => resource.file),
  ];
  const path = join(context.outDir, `${config.slug}.epub`);
  await writeFile(
    path,
    await zipEpub(files, new Date(config.modified), { title: config.title, lang: config.language }),
  );
  return { artifact: { format: "epub", path } };
};
