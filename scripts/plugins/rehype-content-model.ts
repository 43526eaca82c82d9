/**
 * rehype plugin: repair raw HTML that an HTML parser accepts but XHTML validators refuse, such as a
 * paragraph inside an unclosed `<em>`: an inline element (or a paragraph) that holds blocks is
 * replaced by its children, and an element outside the parent it needs (a stray `<li>`) becomes
 * a `<div>`; an element no standard knows (`<cZ>` typed in text) gives way to its children, and
 * an attribute whose name XML cannot hold is dropped. The text stays and every edition validates.
 */
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import { htmlTagNames } from "html-tag-names";
import { mathmlTagNames } from "mathml-tag-names";
import { svgTagNames } from "svg-tag-names";
import { walkElements } from "../util/walk.js";

const knownElements = new Set([...htmlTagNames, ...svgTagNames, ...mathmlTagNames]);
/** A custom element name (`x-note`), which HTML allows. */
const customElement = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;
/** Attribute names XML can hold (ASCII letters, digits and `_.:-`). */
const attributeName = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

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
  walkElements(tree, (node: Element, index, parent) => {
    if (!knownElements.has(node.tagName) && !customElement.test(node.tagName) && parent && index !== undefined) {
      parent.children.splice(index, 1, ...node.children);
      return index;
    }
    for (const name of Object.keys(node.properties)) if (!attributeName.test(name)) delete node.properties[name];
    const allowed = requiredParents[node.tagName];
    if (allowed && !(parent?.type === "element" && allowed.includes(parent.tagName))) node.tagName = "div";
    if (!parent || index === undefined || !phrasing.has(node.tagName)) return undefined;
    if (!node.children.some((child) => child.type === "element" && flow.has(child.tagName))) return undefined;
    parent.children.splice(index, 1, ...node.children);
    // Visit the lifted children in their new place: one of them may need the same repair.
    return index;
  });
};
