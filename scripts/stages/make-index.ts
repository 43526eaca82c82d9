/**
 * The index: when any chapter marks a place for it (`[Paris]{.index}`), its entries are gathered,
 * sorted as the book's language sorts (Intl.Collator), grouped by letter, and set as a chapter of
 * back matter after the last (scripts/index/). A range left open or closed unopened and a `see`
 * naming no entry are reported.
 */
import { bookWords } from "../language/words.js";
import { chapterData } from "../book.js";
import { report } from "../diagnostics.js";
import { findEntry, indexEntries, type IndexEntry } from "../index/entries.js";
import { indexChapter } from "../index/index-chapter.js";
import type { Stage } from "./stage.js";

export const makeIndex: Stage = async (book) => {
  if (!book.chapters.some((file) => chapterData(file).indexMarks.length > 0)) return book;
  const collator = new Intl.Collator(book.config.language, { numeric: true });
  const entries = indexEntries(book, collator);
  checkCrossReferences(book.chapters, entries, entries);
  const file = indexChapter(book, entries, await bookWords(book.config), collator);
  return { ...book, chapters: [...book.chapters, file] };
};

function checkCrossReferences(
  chapters: Parameters<Stage>[0]["chapters"],
  all: readonly IndexEntry[],
  entries: readonly IndexEntry[],
): void {
  for (const entry of entries) {
    for (const reference of [...entry.see, ...entry.seeAlso])
      if (!findEntry(all, reference.terms))
        report(
          chapters[reference.chapter],
          "index-see-unknown",
          `\`${reference.terms.join("!")}\`, which \`${entry.path.join("!")}\` refers to, is no entry of the index: index it, or fix the name`,
          reference.position,
        );
    checkCrossReferences(chapters, all, entry.children);
  }
}
