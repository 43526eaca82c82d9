/** The EPUB's landmarks: the cover, the title and copyright pages, the contents, where the body and the back matter start, and the first chapter of each other kind. */
import { chapterData, type Book } from "../../book.js";
import type { Words } from "../../language/words.js";
import { chapterGroups, chapterKindOf } from "../chapter-groups.js";

export interface Landmark {
  readonly type: string;
  readonly href: string;
  readonly title: string;
}

/**
 * Kinds the landmarks do not name by their own term: the body's start is `bodymatter`, a plain chapter
 * needs none, and the index is not typed `index` (the EPUBCheck port reads such a link as an index
 * document and wants one entry list in it: epub/index-document.ts); the back matter's start is `backmatter`.
 */
const skipped = new Set(["chapter", "introduction", "prologue", "epilogue", "conclusion", "index"]);

/** Every landmark of the book, in reading order; `href` gives a chapter's document. */
export function landmarks(
  book: Book,
  words: Words,
  options: { cover: boolean; bodyStart: string; href: (chapter: number) => string },
): Landmark[] {
  const marks: Landmark[] = [];
  if (options.cover) marks.push({ type: "cover", href: "cover.xhtml", title: words("cover") });
  marks.push({ type: "titlepage", href: "title-page.xhtml", title: words("titlePage") });
  marks.push({ type: "copyright-page", href: "title-page.xhtml#copyright-page", title: words("copyright") });
  marks.push({ type: "toc", href: "toc.xhtml", title: words("contents") });
  const seen = new Set<string>();
  let body = false;
  let back = false;
  for (const group of chapterGroups(book)) {
    const data = chapterData(group.files[0]);
    const href = options.href(data.index);
    // The body starts at a part's title page or at a chapter.
    const starts = [group.part ? `${group.part.id}.xhtml` : undefined, href];
    if (!body && starts.includes(options.bodyStart.split("#")[0])) {
      marks.push({ type: "bodymatter", href: options.bodyStart, title: words("startOfBook") });
      body = true;
    }
    if (!back && data.matter === "back") {
      marks.push({ type: "backmatter", href, title: data.title });
      back = true;
    }
    const type = chapterKindOf(data).epubType;
    if (!type || skipped.has(type) || seen.has(type)) continue;
    seen.add(type);
    marks.push({ type, href, title: data.title });
  }
  return marks;
}
