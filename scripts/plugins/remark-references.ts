/**
 * remark plugin: references to labels, in pandoc-crossref's citation syntax: `@fig:map` or
 * `[@fig:map]` (the name and number: "Figure 3.2"), `-@fig:map` (the number: "3.2"), and Folio's
 * two print forms, `+@fig:map` (print: "Figure 3.2 on page 45") and `+-@fig:map` (print: "page 45");
 * `[@fig:a; @tbl:b]` names several. Each becomes a `span` recorded in the chapter's `references`;
 * the numbering stage writes its text and links once every label of the book is known. Keys of
 * other prefixes are citations, left to the citation plugin.
 */
import type { Nodes, Root, Text } from "mdast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { draftData, type Reference, type ReferenceForm } from "../book.js";
import { labelPattern } from "../crossref/labels.js";
import { placeInSource } from "../util/source-place.js";
import { SKIP, walkAll } from "../util/walk.js";

const item = `(?:\\+-|-\\+|\\+|-)?@${labelPattern}`;
/** A bracketed group of references, or one reference standing alone (not inside a word or an e-mail address). */
const reference = new RegExp(`\\[\\s*(${item}(?:\\s*;\\s*${item})*)\\s*\\]|(?<![\\p{L}\\p{N}_@.+-])(${item})`, "giu");
const oneItem = new RegExp(`(\\+-|-\\+|\\+|-)?@(${labelPattern})`, "iu");

/** A reference in the markdown tree: a span the rehype side keeps, with its place in `references`. */
interface ReferenceNode {
  type: "folioReference";
  children: Text[];
  data: { hName: "span"; hProperties: { className: string[]; dataFolioReference: number } };
}

export const remarkReferences: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const references: Reference[] = [];
  draftData(file).references = references;
  // Most chapters refer to nothing: no walk for them.
  if (!/@(?:fig|tbl|lst|eq|sec):/i.test(String(file.value))) return;
  walkAll<Nodes>(tree, (node, index, parent) => {
    if (node.type === "link" || node.type === "linkReference" || node.type === "code") return SKIP;
    if (node.type !== "text" || !parent || index === undefined || !node.value.includes("@")) return undefined;
    const parts = splitReferences(node, references, file);
    if (!parts) return undefined;
    (parent.children as unknown[]).splice(index, 1, ...parts);
    return index + parts.length;
  });
};

function splitReferences(node: Text, references: Reference[], file: VFile): (Text | ReferenceNode)[] | undefined {
  const parts: (Text | ReferenceNode)[] = [];
  let last = 0;
  for (const match of node.value.matchAll(reference)) {
    const written = match[0];
    const items = (match[1] ?? match[2]).split(";").map((text) => {
      const [, marks, key] = oneItem.exec(text.trim())!;
      return { key: key.replace(/^[^:]+/, (kind) => kind.toLowerCase()), form: formOf(marks) };
    });
    if (match.index > last) parts.push({ type: "text", value: node.value.slice(last, match.index) });
    const position = placeInSource(node.position, match.index, written, file);
    parts.push({
      type: "folioReference",
      children: [{ type: "text", value: written }],
      data: { hName: "span", hProperties: { className: ["xref"], dataFolioReference: references.length } },
      ...(position ? { position } : {}),
    } as ReferenceNode);
    references.push({ items, position });
    last = match.index + written.length;
  }
  if (parts.length === 0) return undefined;
  if (last < node.value.length) parts.push({ type: "text", value: node.value.slice(last) });
  return parts;
}

function formOf(marks: string | undefined): ReferenceForm {
  if (marks === "-") return "number";
  if (marks === "+") return "name-page";
  if (marks === "+-" || marks === "-+") return "page";
  return "name";
}
