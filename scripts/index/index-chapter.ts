/**
 * The index as a chapter of the book, after the last: a file of back matter, kind `index`, whose
 * tree the index stage made. Every edition lists, renders and links it as it does any chapter; the
 * print edition and an EPUB built with it give its locators the printed pages (`indexPlaces`).
 */
import type { Element, ElementContent } from "hast";
import { slug as slugify } from "github-slugger";
import { join } from "node:path";
import { VFile } from "vfile";
import { chapterData, deferTree, type Book, type ChapterData, type InternalLink } from "../book.js";
import { applyRuleSettings } from "../diagnostics.js";
import type { Words } from "../language/words.js";
import type { IndexEntry, Locator } from "./entries.js";
import { indexLetters } from "./letters.js";
import { indexTree } from "./index-tree.js";

/** What the index chapter keeps for the editions that give its locators pages: each entry's element and its places. */
export interface IndexPlaces {
  readonly entries: readonly { readonly id: string; readonly locators: readonly Locator[] }[];
}

/** The index chapter for `entries` (sorted), to stand after the book's last chapter. */
export function indexChapter(book: Book, entries: readonly IndexEntry[], words: Words, collator: Intl.Collator): VFile {
  const index = book.chapters.length;
  const used = new Set(book.chapters.flatMap((file) => [chapterData(file).id, ...chapterData(file).ids]));
  const slugs = new Set(book.chapters.map((file) => chapterData(file).slug.toLowerCase()));
  let slug = "index";
  for (let n = 2; slugs.has(slug); n++) slug = `index-${n}`;
  const own: string[] = [];
  const claim = (id: string) => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    own.push(candidate);
    return candidate;
  };
  const entryIds = new Map<string, string>();
  const places: IndexPlaces["entries"][number][] = [];
  const visit = (list: readonly IndexEntry[]) => {
    for (const entry of list) {
      const id = claim(`index-${slugify(entry.path.join(" ")) || "entry"}`);
      entryIds.set(entry.path.join("\u0000"), id);
      if (entry.locators.length > 0) places.push({ id, locators: entry.locators });
      visit(entry.children);
    }
  };
  visit(entries);
  const title = words("index");
  const chapterId = claim(`chapter-${slug}`);
  const titleId = claim(`${slug}-title`);
  const links: InternalLink[] = [];
  const link = (chapter: number, fragment: string, children: ElementContent[]): Element => {
    links.push({ chapter, fragment });
    return { type: "element", tagName: "a", properties: {}, children, data: { folioLink: links.length - 1 } };
  };
  const sectionOf = (place: Locator) => {
    const data = chapterData(book.chapters[place.chapter]);
    return data.headings[place.heading]?.text ?? data.title;
  };
  const tree = indexTree(entries, {
    words,
    letters: indexLetters(book.config.language, collator),
    title,
    titleId,
    claim,
    entryIds,
    sectionOf,
    link: (place, children) => withClass(link(place.chapter, place.mark, children), "index-locator"),
    linkEntry: (id, children) => link(index, id, children),
  });
  const file = new VFile({ path: join(book.config.manuscriptDir, `${slug}.md`), value: "" });
  applyRuleSettings(file, book.config.rules);
  const data: Omit<ChapterData, "tree"> = {
    index,
    slug,
    id: chapterId,
    matter: "back",
    title,
    metadata: { authors: [], kind: "index", recto: true },
    level: 1,
    lang: book.config.language,
    dialect: book.config.markdown,
    headings: [{ depth: 1, text: title, id: titleId }],
    links,
    images: [],
    imageReferences: [],
    accessibilityGaps: [],
    // In document order: the title, then the entries (the chapter's own id is its section's, outside the tree).
    ids: [titleId, ...own.filter((id) => id !== titleId && id !== chapterId)],
    labels: [],
    references: [],
    indexMarks: [],
    indexPlaces: { entries: places },
  };
  Object.assign(file.data, data);
  deferTree(file.data, () => tree);
  return file;
}

function withClass(element: Element, className: string): Element {
  element.properties.className = [className];
  return element;
}
