/** The HTML content model as rehype-content-model repairs to it: element categories, required parents, known elements. */
import { htmlTagNames } from "html-tag-names";
import { obsoleteElements, retiredElements } from "./html-vocabulary.js";

/** Attribute names XML can hold (ASCII letters, digits and `_.:-`). */
export const attributeName = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

export const phrasing = new Set([
  "p",
  "b",
  "i",
  "em",
  "strong",
  "span",
  "small",
  "s",
  "u",
  "code",
  "kbd",
  "samp",
  "var",
  "sub",
  "sup",
  "mark",
  "abbr",
  "cite",
  "dfn",
  "q",
  "time",
  "bdi",
  "bdo",
  "label",
  "data",
  "del",
  "ins",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "pre",
]);

export const flow = new Set([
  "p",
  "div",
  "section",
  "article",
  "aside",
  "nav",
  "header",
  "footer",
  "main",
  "address",
  "blockquote",
  "ul",
  "ol",
  "dl",
  "li",
  "dd",
  "dt",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "caption",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "pre",
  "hr",
  "figure",
  "figcaption",
  "details",
  "summary",
  "fieldset",
  "legend",
  "hgroup",
  "menu",
]);

/** Elements valid only inside certain parents. */
export const requiredParents: Readonly<Record<string, readonly string[]>> = {
  li: ["ul", "ol", "menu"],
  dt: ["dl", "div"],
  dd: ["dl", "div"],
  figcaption: ["figure"],
  summary: ["details"],
  legend: ["fieldset"],
  caption: ["table"],
};

/** HTML elements an EPUB may hold (obsolete ones are replaced by rehype-obsolete-html). */
export const knownElements = new Set(
  htmlTagNames.filter((name) => !obsoleteElements[name] && !retiredElements.has(name)),
);
