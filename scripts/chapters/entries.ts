/**
 * The `chapters:` list of book.yaml, flattened into reading order: one entry per chapter file,
 * with the metadata written for it, its level (a chapter, or a section continuing the chapter
 * before it), the part it opens and the title-only group it opens. Drafts are left out.
 */
import type { ChapterEntryOptions, ChapterListItem, ChapterMeta } from "../config/chapter-schema.js";

export type KeyPath = readonly (string | number)[];

export interface ChapterEntry {
  /** Path of the file, relative to the manuscript folder, as written. */
  readonly file: string;
  /** Where the file is named in book.yaml (a value), or undefined when `chapters:` is not written. */
  readonly place?: KeyPath;
  /** What book.yaml says of this file (its front matter may say more; book.yaml wins). */
  readonly meta: ChapterMeta;
  /** 1 for a chapter; 2 or more for a section continuing the chapter before it, at that heading level. */
  readonly level: number;
  /** The title-only group (`- title: …` with `sections:`) this file opens: its title heads the chapter. */
  readonly group?: ChapterMeta & { readonly title: string };
  /** The part this file belongs to (`- part: …`), the same object for each of its files: a part title page comes before the first. */
  readonly part?: { readonly title: string; readonly epigraph?: string; readonly place: KeyPath };
}

export interface EntryProblem {
  readonly place: KeyPath;
  readonly message: string;
}

/** Flatten `list`; mistakes of placement (a part inside a part, a title-only group inside a chapter) are returned as problems. */
export function flattenChapters(list: readonly ChapterListItem[]): {
  entries: ChapterEntry[];
  problems: EntryProblem[];
} {
  const entries: ChapterEntry[] = [];
  const problems: EntryProblem[] = [];
  let currentPart: ChapterEntry["part"];
  let pendingGroup: ChapterEntry["group"];
  const push = (entry: Omit<ChapterEntry, "part" | "group">) => {
    entries.push({ ...entry, part: currentPart, group: pendingGroup });
    pendingGroup = undefined;
  };
  const visit = (item: ChapterListItem, path: KeyPath, level: number, inPart: boolean) => {
    if (typeof item === "string") return push({ file: item, place: path, meta: {}, level });
    const { file, sections, part, chapters, epigraph, ...meta } = item;
    if (meta.draft) return;
    // The schema has checked each entry's own shape (chapter-schema.ts); only where it stands is checked here.
    if (part !== undefined || chapters !== undefined) return visitPart(item, path, level, inPart);
    if (file === undefined && level > 1) {
      return problems.push({
        place: [...path, "title"],
        message:
          "is a group with no file inside a chapter: give it a `file` whose heading starts it (a title-only group can only be a chapter)",
      });
    }
    if (file !== undefined) push({ file, place: [...path, "file"], meta, level });
    else pendingGroup = { ...meta, title: meta.title! };
    if (file === undefined && sections === undefined) return;
    // A title-only group's first section opens the chapter, its heading one level below the group's title.
    sections?.forEach((section, i) => visit(section, [...path, "sections", i], level + 1, inPart));
  };
  const visitPart = (item: ChapterEntryOptions, path: KeyPath, level: number, inPart: boolean) => {
    if (inPart || level > 1)
      return problems.push({
        place: [...path, "part"],
        message: "is a part, which can only stand at the top of `chapters:`, not inside a part or a chapter",
      });
    currentPart = { title: item.part!, epigraph: item.epigraph, place: [...path, "part"] };
    item.chapters!.forEach((chapter, i) => visit(chapter, [...path, "chapters", i], 1, true));
    currentPart = undefined;
  };
  list.forEach((item, i) => visit(item, ["chapters", i], 1, false));
  return { entries, problems };
}
