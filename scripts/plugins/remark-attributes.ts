/**
 * remark plugin: pandoc's attribute blocks where pandoc and pandoc-crossref read them, so that a
 * manuscript written for them (or for mdBook, whose headings take `{#id}` too) loses none of it to
 * the text: after an image (`![Caption](map.png){#fig:map}`), at the end of a heading
 * (`# Tides {#sec:tides}`), and at the end of a table's caption, a paragraph beginning `Table:` or
 * `:` right before or after the table (`: Tides by month {#tbl:tides}`). The id goes onto the
 * element (rehype-labels reads labels from ids); a table's caption paragraph is marked for
 * rehype-labels to move into its table. Classes and other attributes are read and dropped.
 */
import type { Heading, Image, Nodes, Paragraph, Parents, Root, Table, Text } from "mdast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { readAttributes, trailingAttributes } from "../util/attributes.js";
import { walkAll } from "../util/walk.js";

/** `Table: ` or `: ` opening a caption paragraph. */
const captionStart = /^(?:Table)?:[ \t]+/;

export const remarkAttributes: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  // Most chapters write no attributes and no table captions: no walk for them.
  const source = String(file.value);
  if (!source.includes("{") && !/^(?:Table)?:[ \t]/m.test(source)) return;
  walkAll<Nodes>(tree, (node) => {
    if (node.type === "heading") headingAttributes(node);
    else if (node.type === "paragraph") imageAttributes(node);
    if ("children" in node) tableCaptions(node as Parents);
    return undefined;
  });
};

/** `![…](…){#fig:map}`: the block after an image is its attributes. */
function imageAttributes(paragraph: Paragraph): void {
  const children = paragraph.children;
  for (let i = 0; i < children.length - 1; i++) {
    const image = children[i];
    const next = children[i + 1];
    if (image.type !== "image" || next.type !== "text") continue;
    const space = /^[ \t]*/.exec(next.value)![0].length;
    const read = readAttributes(next.value.slice(space));
    if (!read) continue;
    if (read.attributes.id) setId(image, read.attributes.id);
    next.value = next.value.slice(space + read.length);
    if (next.value === "") children.splice(i + 1, 1);
  }
}

/** `# Title {#sec:title}`: the block at the end of a heading. */
function headingAttributes(heading: Heading): void {
  const last = heading.children.at(-1);
  if (last?.type !== "text") return;
  const found = trailingAttributes(last.value);
  if (!found) return;
  last.value = last.value.slice(0, found.start).trimEnd();
  if (last.value === "") heading.children.pop();
  if (found.attributes.id) setId(heading, found.attributes.id);
}

/** A caption paragraph next to a table: the table takes its id, the paragraph is marked as its caption. */
function tableCaptions(parent: Parents): void {
  const children = parent.children as Nodes[];
  children.forEach((node, i) => {
    if (node.type !== "table") return;
    const after = children[i + 1];
    const before = children[i - 1];
    if (isCaption(after)) captionTable(node, after, "previous");
    else if (isCaption(before)) captionTable(node, before, "next");
  });
}

function isCaption(node: Nodes | undefined): node is Paragraph & { children: [Text, ...Paragraph["children"]] } {
  return (
    node?.type === "paragraph" &&
    node.children[0]?.type === "text" &&
    captionStart.test(node.children[0].value) &&
    !node.data?.hProperties?.dataTableCaption
  );
}

function captionTable(table: Table, caption: Paragraph, which: "previous" | "next"): void {
  const first = caption.children[0] as Text;
  first.value = first.value.replace(captionStart, "");
  const last = caption.children.at(-1);
  if (last?.type === "text") {
    const found = trailingAttributes(last.value);
    if (found) {
      last.value = last.value.slice(0, found.start).trimEnd();
      if (found.attributes.id) setId(table, found.attributes.id);
    }
  }
  caption.data = { ...caption.data, hProperties: { ...caption.data?.hProperties, dataTableCaption: which } };
}

function setId(node: Image | Heading | Table, id: string): void {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
}
