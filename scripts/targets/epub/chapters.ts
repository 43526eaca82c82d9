/** The chapters as EPUB documents: Folio's tree, addressed for the EPUB, then rewritten on a copy for EPUB readers. */
import type { Root } from "hast";
import { chapterData, type Book, type ChapterData, type PartData } from "../../book.js";
import { renderTemplate } from "../../templates.js";
import { walkElements } from "../../util/walk.js";
import { type BookMatter, labelHtml, type PartOpening } from "../book-matter.js";
import { chapterKindOf, opensChapter } from "../chapter-groups.js";
import type { Words } from "../../language/words.js";
import type { PageStart } from "../target.js";
import { address, type EditionAddressing } from "../serialize.js";
import { treeXhtml } from "./xhtml.js";
import { popUpFootnotes } from "./footnotes.js";
import { markLanguages } from "./languages.js";
import { insertPageBreaks, pageId } from "./page-breaks.js";
import { indexDocument } from "./index-document.js";
import { pageLocators } from "../../index/page-locators.js";

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
 * layout) says printed pages begin, and the index's locators as the printed pages of `places`;
 * `wordsOf` gives Folio's words in each chapter's language.
 */
export function chapterDocuments(
  book: Book,
  pageStarts: readonly PageStart[],
  wordsOf: (lang: string) => Words,
  matter: BookMatter,
  places?: ReadonlyMap<string, string>,
): ChapterDocument[] {
  const addressing = epubAddressing(book);
  return book.chapters.map((file) => {
    const data = chapterData(file);
    // The addressed tree shares its parts with the Book's: rewrite a copy.
    const tree = structuredClone(address(file, addressing)) as Root;
    const starts = pageStarts.filter((start) => start.chapter === data.index);
    const filename = chapterFile(book, data.index);
    // Before the page breaks: the printed index's words are its page numbers, and the breaks count words.
    if (data.indexPlaces) indexDocument(tree, places && pageLocators(book, places, addressing.href));
    const labels = starts.length > 0 ? insertPageBreaks(tree, starts) : [];
    popUpFootnotes(tree, wordsOf(data.lang));
    markLanguages(tree);
    markSemantics(tree);
    const opening = matter.chapters.get(data.index);
    const label = opening?.label ? `${labelHtml(opening.label, "chapter-label")}\n` : "";
    const body = `<section ${sectionAttributes(data)} id="${data.id}">\n${label}${treeXhtml(tree)}\n</section>`;
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
  // The index's letters are each an `index` (epub/index-document.ts): its section is a plain one.
  if (data.indexPlaces) return `class="chapter index"`;
  const name = (data.group ?? data.metadata).kind;
  return `class="chapter kind-${name}"${kind.epubType ? ` epub:type="${kind.epubType}"` : ""}${kind.role ? ` role="${kind.role}"` : ""}`;
}

/**
 * The EPUB's structural semantics of the elements of a book that Folio's plugins marked with a
 * class. Verse and letters have terms only in the Z39.98 vocabulary, which every document would
 * have to declare (`epub:prefix`) for reading systems that do nothing with them: they have none.
 */
const semantics: Readonly<Record<string, string>> = { epigraph: "epigraph" };

function markSemantics(tree: Root): void {
  walkElements(tree, (node) => {
    const names = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
    const type = names.map((name) => semantics[name]).find(Boolean);
    if (type) node.properties["epub:type"] = type;
  });
}

/** The document of a part's title page: its label, title and epigraph (templates/shared/part.ejs). */
export async function partDocument(part: PartData, opening: PartOpening | undefined): Promise<string> {
  const inner = await renderTemplate("shared/part.ejs", { part, opening, epub: true, labelHtml });
  return `<section class="part" epub:type="part" role="doc-part" id="${part.id}">\n${inner}</section>`;
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
