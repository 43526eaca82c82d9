/** The book's chapters as the PDF holds them: where arabic numbering starts, the bookmarks' titles and levels, where each page of a chapter's files begins. */
import type { VFile } from "vfile";
import { chapterData, type Book } from "../../book.js";
import { runningTextSize } from "../../util/running-text.js";
import { chapterGroups, type ChapterGroup } from "../chapter-groups.js";
import { headingTitles, isNotesHeading } from "../contents.js";
import type { PageStart } from "../target.js";
import type { Furniture } from "./folios.js";
import type { PagePlan } from "./layout.js";
import type { OutlineEntry } from "./outline.js";

/** The first page group of the body matter: a part's title page or a chapter. */
export function bodyStartId(groups: readonly ChapterGroup[]): string | undefined {
  const first = groups.find((group) => chapterData(group.files[0]).matter === "body");
  return first ? (first.part?.id ?? chapterData(first.files[0]).id) : undefined;
}

/**
 * Every heading of the print document in order, with its bookmark title and level: the contents'
 * own (`contents`, its heading in the book's language), each part's title, then the chapters'
 * (notes have none in print), one level down in a part.
 */
export function outlineEntries(book: Book, contents: string): OutlineEntry[] {
  const entries: OutlineEntry[] = [{ title: contents, level: 1 }];
  for (const group of chapterGroups(book)) {
    if (group.part) entries.push({ title: group.part.title, level: 1 });
    for (const file of group.files) {
      const data = chapterData(file);
      const titles = headingTitles(file);
      const down = data.part ? 1 : 0;
      data.headings.forEach((h, i) => {
        if (!isNotesHeading(h.id)) entries.push({ title: titles[i], level: h.depth + down });
      });
    }
  }
  return entries;
}

/** Where each printed page of every chapter begins, for the EPUB's page list; a page of a chapter's group begins in one of its files. */
export function pageStarts(groups: readonly ChapterGroup[], plan: PagePlan, furniture: Furniture): PageStart[] {
  const starts: PageStart[] = [];
  const groupById = new Map(groups.map((group) => [chapterData(group.files[0]).id, group]));
  for (const planned of plan.groups) {
    const group = groupById.get(planned.id);
    if (planned.kind !== "chapter" || group === undefined) continue;
    const offsets = sectionOffsets(group.files);
    [[0, 0] as const, ...planned.starts].forEach(([words, images], i) => {
      const at = [...offsets].reverse().find((o) => o.words <= words && o.images <= images) ?? offsets[0];
      starts.push({
        label: furniture.pages[planned.page + i].label,
        chapter: at.chapter,
        wordIndex: words - at.words,
        imageIndex: images - at.images,
      });
    });
  }
  return starts;
}

/** How many words and images of the group's running text come before each of its files. */
function sectionOffsets(files: readonly VFile[]): { chapter: number; words: number; images: number }[] {
  // A chapter of one file needs no count (its tree is not read for it).
  if (files.length === 1) return [{ chapter: chapterData(files[0]).index, words: 0, images: 0 }];
  let words = 0;
  let images = 0;
  return files.map((file) => {
    const offset = { chapter: chapterData(file).index, words, images };
    const size = runningTextSize(chapterData(file).tree);
    words += size.words;
    images += size.images;
    return offset;
  });
}
