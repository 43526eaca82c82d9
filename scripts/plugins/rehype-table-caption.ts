/** rehype plugin: a table's caption given by a markdown reader (`data-caption`, from pandoc's `Table: …`) becomes its `<caption>`, first in it as HTML requires. */
import type { Root } from "hast";
import { walkElements } from "../util/walk.js";

export function rehypeTableCaption() {
  return (tree: Root) => {
    walkElements(tree, (node) => {
      if (node.tagName !== "table" || node.properties.dataCaption === undefined) return;
      const caption = String(node.properties.dataCaption);
      delete node.properties.dataCaption;
      node.children.unshift({
        type: "element",
        tagName: "caption",
        properties: {},
        children: [{ type: "text", value: caption }],
      });
    });
  };
}
