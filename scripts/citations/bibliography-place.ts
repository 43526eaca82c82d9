/**
 * Where the bibliography goes: into the element with id `refs` where a chapter has one (pandoc's
 * marker, `<div id="refs"></div>`), else at the end of the first chapter of `kind: bibliography`,
 * else into a chapter Folio adds at the end of the book, titled in the book's language.
 */
import { join } from "node:path";
import type { Element, Root, RootContent } from "hast";
import type { VFile } from "vfile";
import { chapterData, deferTree, draftData, type Book } from "../book.js";
import { createChapterProcessor } from "../plugins/index.js";
import { newChapter } from "../stages/read.js";
import { walkElements } from "../util/walk.js";
import { wordsByLanguage } from "../language/words.js";
import { punctuationByLanguage } from "../language/punctuation.js";
import { bodyRegularFiles } from "../fonts/fonts-of-book.js";
import { loadFonts } from "../templates.js";

/** The id of the element a chapter marks the bibliography's place with. */
export const markerId = "refs";

/** The chapter that holds the bibliography: an existing one, or undefined when Folio must add one. */
export function bibliographyChapter(book: Book): VFile | undefined {
  return (
    book.chapters.find((file) => chapterData(file).ids.includes(markerId)) ??
    book.chapters.find((file) => chapterData(file).metadata.kind === "bibliography")
  );
}

/** A back-matter chapter of kind `bibliography`, titled in the book's language, to stand last in the book. */
export async function addedBibliographyChapter(book: Book): Promise<VFile> {
  const { config } = book;
  const slugs = new Set(book.chapters.map((file) => chapterData(file).slug.toLowerCase()));
  const wordsOf = await wordsByLanguage(config);
  const title = wordsOf(config.language)("references");
  const path = join(config.manuscriptDir, "references.md");
  const file = newChapter(path, `# ${title.replace(/[\\`*_[\]<>#]/g, "\\$&")}\n`, book.chapters.length, config, slugs);
  const data = draftData(file);
  data.matter = "back";
  data.metadata = { authors: [], kind: "bibliography", recto: true };
  const processor = createChapterProcessor({
    autolinkLiterals: false,
    manuscriptDir: config.manuscriptDir,
    chapterIndex: new Map(),
    fileExists: () => false,
    readInclude: () => undefined,
    dialect: config.markdown,
    wordsOf,
    bookAuthors: config.authors,
    punctuationOf: await punctuationByLanguage(),
    bodyFiles: bodyRegularFiles(await loadFonts(config)),
  });
  const tree = await processor.run(processor.parse(file), file);
  deferTree(data, () => tree);
  return file;
}

/** Put the bibliography (`list`) into the chapter's tree: into the marker, else before the chapter's notes, else at its end. */
export function placeBibliography(tree: Root, list: Element): Root {
  let marker: Element | undefined;
  walkElements(tree, (node) => {
    if (node.properties.id === markerId) marker = node;
  });
  if (marker) {
    marker.properties = { ...marker.properties, className: ["references-place"] };
    marker.children = [list];
    return tree;
  }
  const notes = tree.children.findIndex(
    (node) => node.type === "element" && node.tagName === "section" && "dataFootnotes" in node.properties,
  );
  tree.children.splice(notes < 0 ? tree.children.length : notes, 0, list as RootContent);
  return tree;
}

/** Every id of the tree, in document order (what `ChapterData.ids` holds). */
export function idsOf(tree: Root): string[] {
  const ids: string[] = [];
  walkElements(tree, (node) => {
    if (typeof node.properties.id === "string") ids.push(node.properties.id);
  });
  return ids;
}
