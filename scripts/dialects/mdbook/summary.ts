/**
 * An mdBook SUMMARY.md read into book.yaml's `chapters:` shape: prefix chapters (links before the
 * first list) are front matter, suffix chapters (links after it) back matter, `# Part` headings
 * parts, nested list items sections that continue their chapter, `[Draft]()` drafts (a draft with
 * sub-chapters is a title-only group), `---` separators nothing. Each entry's place in SUMMARY.md is
 * kept for the diagnostics of the chapters it names.
 */
import type { Link, List, ListItem, Nodes, Paragraph, Root } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { VFile } from "vfile";
import type { KeyPath } from "../../chapters/entries.js";
import type { ChapterEntryOptions, ChapterListItem } from "../../config/chapter-schema.js";
import { report, type Place } from "../../diagnostics.js";
import { safeDecode } from "../../util/url.js";

export interface Summary {
  readonly chapters: ChapterListItem[];
  /** Where the entry at a key path (`chapters.2.sections.0.file`) is written in SUMMARY.md. */
  readonly placeOf: (path: readonly (string | number)[]) => Place | undefined;
}

/** Read `file` (SUMMARY.md); chapter paths are given from the book's folder (`src` is the chapters' folder). */
export function readSummary(file: VFile, src: string): Summary {
  const tree = unified().use(remarkParse).parse(String(file.value)) as Root;
  const places = new Map<string, Place>();
  const top: ChapterListItem[] = [];
  let part: { part: string; chapters: ChapterListItem[] } | undefined;
  let seenList = false;
  const here = () => (part ? ["chapters", top.length - 1, "chapters"] : ["chapters"]);
  const add = (item: ChapterListItem, list: ChapterListItem[], path: KeyPath, place?: Place) => {
    list.push(item);
    if (place) places.set([...path, list.length - 1, "file"].join("."), place);
  };
  const entry = (link: Link, matter?: "front" | "back"): ChapterEntryOptions => {
    const title = textOf(link).trim();
    if (link.url === "") return { title, draft: true };
    return { file: `${src}/${safeDecode(link.url)}`.replace(/^\.\//, ""), title, ...(matter ? { matter } : {}) };
  };
  tree.children.forEach((node, i) => {
    if (node.type === "heading") {
      // The first heading, before any chapter, is the summary's own title.
      if (i === 0 && top.length === 0) return;
      part = { part: textOf(node).trim(), chapters: [] };
      top.push(part);
      places.set(["chapters", top.length - 1, "part"].join("."), startOf(node));
      return;
    }
    if (node.type === "thematicBreak" || node.type === "html" || node.type === "definition") return;
    if (node.type === "list") {
      seenList = true;
      const list = part ? part.chapters : top;
      for (const item of node.children) addListItem(item, list, here(), add, entry, file);
      return;
    }
    if (node.type === "paragraph" && linksOf(node).length > 0) {
      // Prefix and suffix chapters stand outside parts.
      if (seenList) part = undefined;
      for (const link of linksOf(node)) add(entry(link, seenList ? "back" : "front"), top, ["chapters"], startOf(link));
      return;
    }
    report(
      file,
      "summary-invalid",
      "SUMMARY.md holds something that is not a chapter link, a `# Part` heading or a `---` separator: Folio leaves it out",
      startOf(node),
    );
  });
  // A part whose chapters are all missing would be refused as empty.
  const chapters = top.filter(
    (item) => typeof item === "string" || item.part === undefined || item.chapters!.length > 0,
  );
  return { chapters, placeOf: (path) => places.get(path.join(".")) };
}

function addListItem(
  item: ListItem,
  list: ChapterListItem[],
  path: KeyPath,
  add: (item: ChapterListItem, list: ChapterListItem[], path: KeyPath, place?: Place) => void,
  entry: (link: Link) => ChapterEntryOptions,
  file: VFile,
): void {
  const head = item.children[0];
  const link = head?.type === "paragraph" ? linksOf(head)[0] : undefined;
  if (!link) {
    report(
      file,
      "summary-invalid",
      "This SUMMARY.md list item is not a link to a chapter: write `- [Title](file.md)`",
      startOf(item),
    );
    return;
  }
  const chapter = entry(link);
  const nested = item.children.filter((child): child is List => child.type === "list").flatMap((l) => l.children);
  if (nested.length > 0) {
    const sections: ChapterListItem[] = [];
    const index = list.length;
    for (const child of nested) addListItem(child, sections, [...path, index, "sections"], add, entry, file);
    // A draft with sub-chapters heads them as a title-only group.
    if (chapter.draft) delete chapter.draft;
    if (sections.length > 0) chapter.sections = sections;
  }
  if (chapter.draft && chapter.sections === undefined) {
    list.push(chapter);
    return;
  }
  add(chapter, list, path, startOf(link));
}

function linksOf(paragraph: Paragraph): Link[] {
  return paragraph.children.filter((child): child is Link => child.type === "link");
}

function startOf(node: Nodes): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
