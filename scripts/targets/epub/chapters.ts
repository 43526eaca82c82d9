/** The chapters as EPUB documents: Folio's tree, addressed for the EPUB, then rewritten on a copy for EPUB readers. */
import type { Root } from "hast";
import { chapterData, type Book } from "../../book.js";
import type { PageStart } from "../target.js";
import { address, type EditionAddressing } from "../serialize.js";
import { treeXhtml } from "./xhtml.js";
import { popUpFootnotes } from "./footnotes.js";
import { markLanguages } from "./languages.js";
import { insertPageBreaks, pageId } from "./page-breaks.js";

export interface ChapterDocument {
  readonly filename: string;
  readonly title: string;
  readonly lang: string;
  /** The body's XHTML: the chapter's section. */
  readonly body: string;
  /** The pages whose markers this chapter holds, in reading order. */
  readonly pages: readonly PageTarget[];
}

export interface PageTarget {
  readonly label: string;
  readonly href: string;
}

/** The file name of chapter `index` in the EPUB. */
export function chapterFile(book: Book, index: number): string {
  return `${chapterData(book.chapters[index]).slug}.xhtml`;
}

/** Where links and images of the chapters point inside the EPUB. */
export function epubAddressing(book: Book): EditionAddressing {
  return {
    href: (chapter, fragment) => `${chapterFile(book, chapter)}${fragment ? `#${fragment}` : ""}`,
    src: (image) => image.name,
  };
}

/** Every chapter as an EPUB document, with page-break markers where `pageStarts` (from the print layout) says printed pages begin. */
export function chapterDocuments(book: Book, pageStarts: readonly PageStart[] = []): ChapterDocument[] {
  const addressing = epubAddressing(book);
  return book.chapters.map((file) => {
    const data = chapterData(file);
    // The addressed tree shares its parts with the Book's: rewrite a copy.
    const tree = structuredClone(address(file, addressing)) as Root;
    const starts = pageStarts.filter((start) => start.chapter === data.index);
    const filename = chapterFile(book, data.index);
    const labels = starts.length > 0 ? insertPageBreaks(tree, starts) : [];
    popUpFootnotes(tree);
    markLanguages(tree);
    const body = `<section class="chapter" epub:type="chapter" role="doc-chapter" id="${data.id}">\n${treeXhtml(tree)}\n</section>`;
    return { filename, title: data.title, lang: data.lang, body, pages: labels.map((label) => ({ label, href: `${filename}#${pageId(label)}` })) };
  });
}

/** The page list in reading order, or undefined when the print layout gave no page starts. */
export function pageList(pageStarts: readonly PageStart[] | undefined, chapters: readonly ChapterDocument[]): PageTarget[] | undefined {
  if (!pageStarts || pageStarts.length === 0) return undefined;
  return chapters.flatMap((chapter) => chapter.pages);
}

export type { PageStart };
