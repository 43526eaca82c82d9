/** The contents of a book, as every edition lists it: chapters and their sections. */
import { chapterData, type Book } from "../book.js";

export interface ContentsEntry {
  readonly chapter: number;
  readonly title: string;
  /** Id of the heading, or of the chapter when it has none. */
  readonly id: string;
  readonly sections: readonly { readonly title: string; readonly id: string }[];
}

/** One entry per chapter, with the chapter's `##` headings as sections. */
export function bookContents(book: Book): ContentsEntry[] {
  return book.chapters.map((file) => {
    const data = chapterData(file);
    const titleHeading = data.headings.find((h) => h.depth === 1);
    return {
      chapter: data.index,
      title: data.title,
      id: titleHeading?.id ?? data.id,
      sections: data.headings.filter((h) => h.depth === 2 && h.text !== "" && !isNotesHeading(h.id)).map((h) => ({ title: h.text, id: h.id })),
    };
  });
}

/** The heading remark-rehype gives the footnotes section is not part of the contents. */
function isNotesHeading(id: string): boolean {
  return /^footnote-label(-\d+)?$/.test(id);
}
