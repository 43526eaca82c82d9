/** The chapters as they open in a book: each file that opens a chapter, with the section files that continue it. */
import type { VFile } from "vfile";
import { chapterData, type Book, type ChapterData, type PartData } from "../book.js";
import { chapterKinds, generatedKinds, type ChapterKind } from "../chapters/kinds.js";

export interface ChapterGroup {
  /** The file that opens the chapter, then the files continuing it, in order. */
  readonly files: readonly VFile[];
  /** The part whose title page comes before this chapter, when it is the part's first. */
  readonly part?: PartData;
}

/** The book's chapters, each with its continuing sections. */
export function chapterGroups(book: Book): ChapterGroup[] {
  const groups: { files: VFile[]; part?: ChapterGroup["part"] }[] = [];
  let part: string | undefined;
  for (const file of book.chapters) {
    const data = chapterData(file);
    if (opensChapter(data) || groups.length === 0) {
      groups.push({ files: [file], part: data.part && data.part.id !== part ? data.part : undefined });
      part = data.part?.id;
    } else groups.at(-1)!.files.push(file);
  }
  return groups;
}

/** Whether the file opens a chapter on a new page (not a section continuing the one before). */
export function opensChapter(data: ChapterData): boolean {
  return data.level === 1 || data.group !== undefined;
}

/** The kind of chapter the file opens or belongs to, as its metadata says (a group's own, for the file opening it). */
export function chapterKindOf(data: ChapterData): ChapterKind {
  const kind = (data.group ?? data.metadata).kind;
  return chapterKinds[kind] ?? generatedKinds[kind] ?? chapterKinds.chapter;
}
