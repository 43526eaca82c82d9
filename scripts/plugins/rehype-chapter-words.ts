/**
 * rehype plugin: Folio's own words inside a chapter (the heading of its notes, the labels of their
 * links back, the titles of its callouts) in the chapter's language, which is known for sure only
 * once rehype-chapter-lang has run. The plugins that make these elements mark them: an element with
 * `data-folio-word="KEY"` gets the word KEY as its text; a note's link back carries its number
 * as its label (see `footnoteBackLabel`), which becomes the whole label.
 */
import type { Root } from "hast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { draftData } from "../book.js";
import type { WordValues, Words } from "../language/words.js";
import { walkElements } from "../util/walk.js";

/** The property that marks an element whose text is one of Folio's words (its key). */
export const folioWord = "dataFolioWord";

export interface ChapterWordsOptions {
  /** Folio's words in a language (the chapter's; the book's stand in for those a language lacks). */
  readonly wordsOf: (lang: string) => Words;
}

/** The label remark-rehype gives a note's link back: its number only (`3`, `3-2` for the second reference to note 3). */
export function footnoteBackLabel(referenceIndex: number, rereferenceIndex: number): string {
  return `${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ""}`;
}

export const rehypeChapterWords: Plugin<[ChapterWordsOptions], Root> =
  ({ wordsOf }) =>
  (tree: Root, file: VFile) => {
    let words: Words | undefined;
    const word = (key: string, values?: WordValues) => (words ??= wordsOf(draftData(file).lang))(key, values);
    walkElements(tree, (node) => {
      // What an author wrote (raw HTML) has a place in the source and is left alone.
      if (node.position) return;
      const key = node.properties[folioWord];
      if (typeof key === "string") {
        delete node.properties[folioWord];
        node.children = [{ type: "text", value: word(key) }];
      } else if (node.tagName === "a" && node.properties.dataFootnoteBackref !== undefined) {
        node.properties.ariaLabel = word("backToReference", { number: String(node.properties.ariaLabel) });
      }
    });
  };
