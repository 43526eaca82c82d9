/** rehype plugin: turn the obsolete `align` attribute of table cells into classes, which every edition styles. */
import type { Root } from "hast";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";

export const rehypeTableAlign: Plugin<[], Root> = () => (tree: Root) => {
  walkElements(tree, (node) => {
    if ((node.tagName !== "td" && node.tagName !== "th") || typeof node.properties.align !== "string") return;
    const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
    node.properties.className = [...classes, `align-${node.properties.align}`];
    delete node.properties.align;
  });
};
