/** The chapters as EPUB documents: Folio's tree, addressed for the EPUB, then rewritten on a copy for EPUB readers. */
import type { Root } from "hast";
import { chapterData, type Book, type ChapterData } from "../../book.js";
import { chapterKindOf, opensChapter } from "../chapter-groups.js";
import type { Words } from "../../language/words.js";
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

/**
 * Every chapter as an EPUB document, with page-break markers where `pageStarts` (from the print
 * layout) says printed pages begin; `wordsOf` gives Folio's words in each chapter's language.
 */
export function chapterDocuments(
  book: Book,
  pageStarts: readonly PageStart[],
  wordsOf: (lang: string) => Words,
): ChapterDocument[] {
  const addressing = epubAddressing(book);
  return book.chapters.map((file) => {
    const data = chapterData(file);
    // The addressed tree shares its parts with the Book's: rewrite a copy.
    const tree = structuredClone(address(file, addressing)) as Root;
    const starts = pageStarts.filter((start) => start.chapter === data.index);
    const filename = chapterFile(book, data.index);
    const labels = starts.length > 0 ? insertPageBreaks(tree, starts) : [];
    popUpFootnotes(tree, wordsOf(data.lang));
    markLanguages(tree);
    const body = `<section ${sectionAttributes(data)} id="${data.id}">\n${treeXhtml(tree)}\n</section>`;
    return {
      filename,
      title: data.title,
      lang: data.lang,
      body,
      pages: labels.map((label) => ({ label, href: `${filename}#${pageId(label)}` })),
    };
  });
}

/** A chapter's section marked with its kind (`epub:type="appendix" role="doc-appendix"`); a section continuing a chapter is a plain section. */
function sectionAttributes(data: ChapterData): string {
  if (!opensChapter(data)) return `class="chapter-section"`;
  const kind = chapterKindOf(data);
  return `class="chapter" epub:type="${kind.epubType}"${kind.role ? ` role="${kind.role}"` : ""}`;
}

/** The document of a part's title page: the part's title alone. */
export function partDocument(part: { readonly title: string; readonly id: string }): string {
  return `<section class="part" epub:type="part" role="doc-part" id="${part.id}">\n<h1 class="part-title">${escapeXml(part.title)}</h1>\n</section>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The page list in reading order, or undefined when the print layout gave no page starts. */
export function pageList(
  pageStarts: readonly PageStart[] | undefined,
  chapters: readonly ChapterDocument[],
): PageTarget[] | undefined {
  if (!pageStarts || pageStarts.length === 0) return undefined;
  return chapters.flatMap((chapter) => chapter.pages);
}

export type { PageStart };
