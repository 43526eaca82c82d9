/** The size of a chapter's running text as the page list counts it: words per text node and images, footnotes left out. */
import type { Element, Root } from "hast";
import { countWords } from "./words.js";

export interface TextSize {
  readonly words: number;
  readonly images: number;
}

/** Words and `img` elements of `tree`, leaving out the footnotes section (as epub/page-breaks.ts and the page layout count). */
export function runningTextSize(tree: Root): TextSize {
  let words = 0;
  let images = 0;
  const walk = (parent: Root | Element): void => {
    for (const node of parent.children) {
      if (node.type === "text") words += countWords(node.value);
      else if (node.type === "element" && node.tagName === "img") images++;
      else if (node.type === "element" && !(node.tagName === "section" && node.properties.dataFootnotes !== undefined))
        walk(node);
    }
  };
  walk(tree);
  return { words, images };
}
