/** rehype plugin: every table header cell says what it heads, a column (in the head) or a row (in the body). */
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";

export const rehypeTableScope: Plugin<[], Root> = () => (tree: Root) => {
  walkElements(tree, (node) => {
    if (node.tagName !== "thead" && node.tagName !== "tbody" && node.tagName !== "tfoot") return;
    const scope = node.tagName === "thead" ? "col" : "row";
    for (const row of node.children) {
      if (row.type !== "element" || row.tagName !== "tr") continue;
      for (const cell of row.children)
        if (isHeader(cell) && cell.properties.scope === undefined) cell.properties.scope = scope;
    }
  });
};

function isHeader(node: Root["children"][number]): node is Element {
  return node.type === "element" && node.tagName === "th";
}
