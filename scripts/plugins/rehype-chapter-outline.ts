/** rehype plugin: learn a chapter's title and headings; report a missing first heading, skipped levels and empty chapters. */
import type { Element, Root } from "hast";
import { toString as textOf } from "hast-util-to-string";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";
import type { VFile } from "vfile";
import { draftData } from "../book.js";
import { chapterKinds } from "../chapters/kinds.js";
import { report } from "../diagnostics.js";
import { chapterTypographic, type ChapterTypographyOptions } from "./rehype-chapter-heading.js";

const headingDepth = (node: Element) => (/^h[1-6]$/.test(node.tagName) ? Number(node.tagName[1]) : 0);

export const rehypeChapterOutline: Plugin<[ChapterTypographyOptions?], Root> =
  (options = {}) =>
  (tree: Root, file: VFile) => {
    const data = draftData(file);
    data.headings = [];
    let previous = 0;
    walkElements(tree, (node) => {
      const depth = headingDepth(node);
      if (depth === 0) return;
      if (previous > 0 && depth > previous + 1) {
        // A section's headings were shifted: the advice is in the levels its author wrote.
        const shift = depth - (node.data?.folioWrittenDepth ?? depth);
        report(
          file,
          "heading-skip",
          `Heading level ${depth - shift} follows level ${previous - shift}: use level ${previous - shift + 1}`,
          node.position,
        );
      }
      previous = depth;
      data.headings.push({ depth, text: textOf(node).trim(), id: String(node.properties.id ?? "") });
    });
    const first = firstElement(tree);
    if (textOf(tree).trim() === "") {
      report(file, "chapter-empty", "The chapter has no text: write it or remove it from the book", {
        line: 1,
        column: 1,
      });
    } else if (
      data.level === 1 &&
      !data.metadata.title &&
      // A kind with a word of its own (a dedication, the acknowledgements) is titled with it: it needs no heading.
      !chapterKinds[data.metadata.kind]?.word &&
      (!first || headingDepth(first) !== 1)
    ) {
      // A section continuing a chapter needs no title of its own; a chapter given one has it at its top (rehype-chapter-heading).
      report(
        file,
        "chapter-no-heading",
        "The chapter does not start with a `#` heading: add one as its title",
        first?.position?.start ?? { line: 1, column: 1 },
      );
    }
    // A heading of punctuation or spaces only (`# #`) has no text: the title falls back to the next choice.
    const given = data.group?.title ?? data.metadata.title;
    data.title = given
      ? chapterTypographic(file, options)(given)
      : data.headings.find((h) => h.depth === 1 && h.text)?.text ||
        data.headings.find((h) => h.text)?.text ||
        data.slug;
  };

function firstElement(tree: Root): Element | undefined {
  return tree.children.find((child): child is Element => child.type === "element");
}
