/**
 * remark plugin: a block quote whose first line is `[!LETTER]` (the marker of GitHub's alerts) is a
 * letter or a note in the story: a `<div class="letter">`, set apart from the text without the
 * quotation's italics. Its first paragraph is the salutation and its last the closing and signature,
 * which the themes set flush and to the right.
 */
import type { Root } from "mdast";
import type { Plugin } from "unified";
import { markedBlockquotes } from "./marked-blockquotes.js";

const marker = /^\[!letter\][ \t]*(?:\n|$)/i;

export const remarkLetters: Plugin<[], Root> = () => (tree: Root) => {
  markedBlockquotes(tree, marker, (node) => {
    const paragraphs = node.children.filter((child) => child.type === "paragraph");
    const mark = (paragraph: (typeof paragraphs)[number] | undefined, className: string) => {
      if (paragraph && paragraphs.length > 1)
        paragraph.data = { ...paragraph.data, hProperties: { className: [className] } };
    };
    mark(paragraphs[0], "salutation");
    mark(paragraphs.at(-1), "closing");
    node.data = { ...node.data, hName: "div", hProperties: { className: ["letter"] } };
  });
};
