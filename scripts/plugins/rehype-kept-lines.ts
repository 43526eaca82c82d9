/**
 * rehype plugin: in a chapter set apart on its own page (a dedication, an epigraph: `apart` in
 * chapters/kinds.ts) each line of a paragraph stays a line, as a poem's does: a soft line break
 * of the markdown becomes `<br>`. Elsewhere markdown joins the lines of a paragraph.
 */
import type { ElementContent, Root } from "hast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { chapterData } from "../book.js";
import { chapterKinds } from "../chapters/kinds.js";
import { walkElements } from "../util/walk.js";

export const rehypeKeptLines: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const data = chapterData(file);
  if (!chapterKinds[(data.group ?? data.metadata).kind]?.apart) return;
  walkElements(tree, (node) => {
    if (node.tagName !== "p") return;
    node.children = node.children.flatMap((child): ElementContent[] => {
      if (child.type !== "text" || !child.value.includes("\n")) return [child];
      return child.value
        .split(/\n/)
        .flatMap((line, i): ElementContent[] => [
          ...(i > 0 ? [{ type: "element", tagName: "br", properties: {}, children: [] } as ElementContent] : []),
          { type: "text", value: line },
        ]);
    });
  });
};
