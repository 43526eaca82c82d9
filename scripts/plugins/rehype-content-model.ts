/**
 * rehype plugin: repair raw HTML that an HTML parser accepts but XHTML validators refuse, such as a
 * paragraph inside an unclosed `<em>`: an inline element (or a paragraph) that holds blocks is
 * replaced by its children, and an element outside the parent it needs (a stray `<li>`) becomes
 * a `<div>`, so the text stays and every edition validates.
 */
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import { visit } from "unist-util-visit";

const phrasing = new Set([
  "p", "b", "i", "em", "strong", "span", "small", "s", "u", "code", "kbd", "samp", "var", "sub", "sup", "mark", "abbr", "cite",
  "dfn", "q", "time", "bdi", "bdo", "label", "data", "del", "ins", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
]);

const flow = new Set([
  "p", "div", "section", "article", "aside", "nav", "header", "footer", "main", "address", "blockquote", "ul", "ol", "dl", "li", "dd", "dt",
  "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "figure", "figcaption",
  "details", "summary", "fieldset", "legend", "hgroup", "menu", "search",
]);

/** Elements valid only inside certain parents. */
const requiredParents: Readonly<Record<string, readonly string[]>> = {
  li: ["ul", "ol", "menu"],
  dt: ["dl", "div"],
  dd: ["dl", "div"],
  figcaption: ["figure"],
  summary: ["details"],
  legend: ["fieldset"],
  caption: ["table"],
};

export const rehypeContentModel: Plugin<[], Root> = () => (tree: Root) => {
  visit(tree, "element", (node: Element, index, parent) => {
    const allowed = requiredParents[node.tagName];
    if (allowed && !(parent?.type === "element" && allowed.includes(parent.tagName))) node.tagName = "div";
    if (!parent || index === undefined || !phrasing.has(node.tagName)) return undefined;
    if (!node.children.some((child) => child.type === "element" && flow.has(child.tagName))) return undefined;
    parent.children.splice(index, 1, ...node.children);
    // Visit the lifted children in their new place: one of them may need the same repair.
    return index;
  });
};
