/** The contents of a book, as every edition lists it: parts, chapters and their sections, nested. */
import type { VFile } from "vfile";
import { chapterData, type Book, type ChapterData } from "../book.js";

export interface ContentsEntry {
  readonly kind: "part" | "chapter" | "section";
  /** Index of the chapter file the entry points into (a part: its first chapter's). */
  readonly chapter: number;
  readonly title: string;
  /** Id of the heading, of the chapter when it has none, or of a part's title page. */
  readonly id: string;
  /** A part's chapters; a chapter's sections (its `##` headings and the section files continuing it); a section's own. */
  readonly sections: readonly ContentsEntry[];
}

type Entry = { -readonly [K in keyof ContentsEntry]: K extends "sections" ? Entry[] : ContentsEntry[K] };

/** One entry per part and chapter, with the chapters' sections nested by heading level. */
export function bookContents(book: Book): ContentsEntry[] {
  const top: Entry[] = [];
  let part: Entry | undefined;
  let chapter: Entry | undefined;
  let stack: Entry[] = [];
  for (const file of book.chapters) {
    const data = chapterData(file);
    const titles = headingTitles(file);
    const opens = data.level === 1 || data.group !== undefined;
    if (opens || !chapter) {
      if (data.part && part?.id !== data.part.id) {
        part = { kind: "part", chapter: data.index, title: data.part.title, id: data.part.id, sections: [] };
        top.push(part);
      } else if (!data.part) part = undefined;
      const heading = data.headings.findIndex((h) => h.depth === 1);
      chapter = {
        kind: "chapter",
        chapter: data.index,
        title: data.title,
        id: heading >= 0 ? data.headings[heading].id : data.id,
        sections: [],
      };
      (part ? part.sections : top).push(chapter);
      stack = [chapter];
    }
    data.headings.forEach((h, i) => {
      const isTitle = i === titleHeading(data);
      if (h.depth === 1 || !titles[i] || isNotesHeading(h.id) || (h.depth > 2 && !isTitle)) return;
      const entry: Entry = { kind: "section", chapter: data.index, title: titles[i], id: h.id, sections: [] };
      while (stack.length >= h.depth) stack.pop();
      while (stack.length < h.depth - 1) stack.push(stack.at(-1)!.sections.at(-1) ?? stack.at(-1)!);
      stack.at(-1)!.sections.push(entry);
      stack.push(entry);
    });
  }
  return top;
}

/** Each heading's title in contents and bookmarks: its text, or the title the metadata gives it. */
export function headingTitles(file: VFile): string[] {
  const data = chapterData(file);
  const titles = data.headings.map((h) => h.text);
  const renamed = titleHeading(data);
  // A group's title heads its first file; that file's own title is its first heading below.
  const given = data.group ? data.metadata.title : data.level === 1 ? data.title : data.metadata.title;
  if (renamed >= 0 && given) titles[renamed] = given;
  return titles;
}

/** The heading a given title renames: the chapter's first `#`, or a section's first heading at its level. */
function titleHeading(data: ChapterData): number {
  const depth = data.group ? 2 : data.level;
  return data.headings.findIndex((h) => h.depth === depth);
}

/** Every entry of `entries` and below, in reading order. */
export function flatContents(entries: readonly ContentsEntry[]): ContentsEntry[] {
  return entries.flatMap((entry) => [entry, ...flatContents(entry.sections)]);
}

/** The heading remark-rehype gives the footnotes section is not part of the contents. */
export function isNotesHeading(id: string): boolean {
  return /^footnote-label(-\d+)?$/.test(id);
}
