/**
 * rehype plugin: record the chapter's index marks. A `<span class="index">` (remark-index-spans makes
 * them from `[Paris]{.index}`; raw HTML may write them) becomes an anchor `<span class="index-mark"
 * id="ix-N">` that keeps its words, and its entry is recorded in `indexMarks`: `data-entry` (levels
 * parted by `!`, as makeindex writes them; else the span's words), `data-sort` (the sort key of its
 * last level), `data-see` and `data-see-also` (entries parted by `;`), and the classes `start` and
 * `end` of a range.
 */
import type { Element, Root } from "hast";
import { toString as textOf } from "hast-util-to-string";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { draftData, type IndexMark, type IndexTerm } from "../book.js";
import { report } from "../diagnostics.js";
import { chapterTypographic, type ChapterTypographyOptions } from "./rehype-chapter-heading.js";
import { walkElements } from "../util/walk.js";

export const rehypeIndexMarks: Plugin<[ChapterTypographyOptions?], Root> =
  (options = {}) =>
  (tree: Root, file: VFile) => {
    const typographic = chapterTypographic(file, options);
    const marks: IndexMark[] = [];
    draftData(file).indexMarks = marks;
    let headings = 0;
    let count = 0;
    walkElements(tree, (node) => {
      if (/^h[1-6]$/.test(node.tagName)) headings++;
      const classes = [node.properties.className ?? []].flat().map(String);
      if (node.tagName !== "span" || !classes.includes("index")) return undefined;
      const id = `ix-${++count}`;
      const mark = readMark(node, { id, classes, heading: headings - 1, typographic }, file);
      node.properties = { className: ["index-mark"], id };
      if (mark) marks.push(mark);
      return undefined;
    });
  };

function readMark(
  node: Element,
  {
    id,
    classes,
    heading,
    typographic,
  }: { id: string; classes: readonly string[]; heading: number; typographic: (text: string) => string },
  file: VFile,
): IndexMark | undefined {
  const termsOf = (entry: string) => entryTerms(entry, typographic);
  const entriesOf = (value: string) =>
    value
      .split(";")
      .map(termsOf)
      .filter((terms) => terms.length > 0);
  const property = (name: string) => {
    const value = node.properties[name];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const terms = termsOf(property("dataEntry") ?? textOf(node));
  if (terms.length === 0) {
    report(
      file,
      "index-entry-empty",
      'An index mark names no entry: give it words, `[Paris]{.index}`, or an entry, `[]{.index entry="Paris"}`',
      node.position,
    );
    return undefined;
  }
  const sort = property("dataSort");
  if (sort) terms[terms.length - 1] = { ...terms[terms.length - 1], sort };
  const see = property("dataSee");
  const seeAlso = property("dataSeeAlso");
  const range = classes.includes("start") ? "start" : classes.includes("end") ? "end" : undefined;
  return {
    id,
    terms,
    ...(see ? { see: entriesOf(see) } : {}),
    ...(seeAlso ? { seeAlso: entriesOf(seeAlso) } : {}),
    ...(range ? { range } : {}),
    heading,
    position: node.position,
  };
}

/**
 * `France!Paris` → the terms France and Paris, with the chapter's typography; white space inside a term is one
 * space. Several entries are parted by `;` (`Paris; France!Lyon`).
 */
function entryTerms(entry: string, typographic: (text: string) => string): IndexTerm[] {
  return entry
    .split("!")
    .map((term) => typographic(term.replace(/\s+/g, " ").trim()))
    .filter((term) => term !== "")
    .map((text) => ({ text }));
}
