/**
 * remark plugin, pandoc chapters: the syntax pandoc's markdown adds that unified's maintained extensions
 * parse: definition lists (micromark-extension-definition-list), fenced divs (the container form of
 * micromark-extension-directive, to which stages/read.ts has rewritten pandoc's fences, see
 * dialects/pandoc/normalize.ts) and grid tables (@adobe/remark-gridtables). A manuscript split into
 * several chapters is parsed once: each of its chapters takes a copy of the one tree.
 */
import remarkGridtables from "@adobe/remark-gridtables";
import type { Root } from "mdast";
import { defListFromMarkdown } from "mdast-util-definition-list";
import { directiveFromMarkdown } from "mdast-util-directive";
import { defList } from "micromark-extension-definition-list";
import { directive } from "micromark-extension-directive";
import type { Extension } from "micromark-util-types";
import type { Processor } from "unified";
import type { VFile } from "vfile";
import { chapterData } from "../book.js";

/** Only the container form (`:::name`): pandoc has no `:name` or `::name`, and a colon before a word is prose. */
function containerDirectives(): Extension {
  const colon = 58;
  const flow = directive().flow?.[colon];
  return { flow: { [colon]: [flow].flat().filter((construct) => construct?.concrete === true) } } as Extension;
}

export function remarkPandocSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(defList, containerDirectives());
  (data.fromMarkdownExtensions ??= []).push([defListFromMarkdown, directiveFromMarkdown()]);
  remarkGridtables.call(this);
  const parse = this.parser!;
  let last: { text: string; tree: Root } | undefined;
  // The chapters of one split manuscript come one after another: the second and later take a copy.
  this.parser = (text: string, file: VFile) => {
    if (last?.text === text) return structuredClone(last.tree);
    const tree = parse(text, file) as Root;
    // A table cell parsed on its own (remark-pandoc-blocks.ts) leaves the manuscript's tree kept.
    if (chapterData(file).excerpt) last = { text, tree: structuredClone(tree) };
    return tree;
  };
}
