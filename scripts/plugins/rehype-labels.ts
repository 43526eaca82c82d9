/**
 * rehype plugin: record the chapter's labels. An element labelled `KIND:NAME` (the id its author
 * wrote: `{#fig:map}`, `{#tbl:tides}`, `{#lst:hello}`, `{#sec:intro}`, or an equation's `{#eq:euler}`
 * from the math plugin) is recorded in `labels` and its id becomes `KIND-NAME` (see
 * scripts/crossref/labels.ts). A figure's label goes from its image onto the figure; a labelled
 * figure without a title is captioned by its alt text, as pandoc does; a table's caption paragraph
 * moves into its table. Runs after every plugin that makes labelled elements.
 */
import type { Element, ElementContent, Root } from "hast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { draftData, type Label } from "../book.js";
import { labelId, parseLabel } from "../crossref/labels.js";
import { report } from "../diagnostics.js";
import { walkElements } from "../util/walk.js";

export const rehypeLabels: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const data = draftData(file);
  const labels: Label[] = [];
  data.labels = labels;
  walkElements(tree, (node, index, parent) => {
    if (node.properties.dataTableCaption !== undefined && parent && index !== undefined)
      return moveCaption(node, parent.children, index);
    const label = typeof node.properties.id === "string" ? parseLabel(node.properties.id) : undefined;
    if (!label) return undefined;
    const written = node.properties.id as string;
    let labelled = node;
    if (node.tagName === "img") {
      delete node.properties.id;
      if (parent?.type !== "element" || parent.tagName !== "figure") {
        report(
          file,
          "label-misplaced",
          `\`{#${written}}\` labels an image inside a paragraph: a figure is an image alone in its paragraph, with the label right after it`,
          node.position,
        );
        return undefined;
      }
      labelled = parent;
      captionFromAlt(parent, node);
    }
    const id = labelId(label);
    labelled.properties.id = id;
    labels.push({ ...label, id, position: labelled.position ?? node.position });
    // The outline was recorded before labels were read: its heading takes the new id too.
    for (const heading of data.headings ?? []) if (heading.id === written) Object.assign(heading, { id });
    return undefined;
  });
};

/** A table caption paragraph (remark-attributes) becomes the `caption` of the table before or after it. */
function moveCaption(paragraph: Element, siblings: ElementContent[] | Root["children"], index: number): number {
  const step = paragraph.properties.dataTableCaption === "previous" ? -1 : 1;
  let at = index + step;
  while (siblings[at]?.type === "text" && !(siblings[at] as { value: string }).value.trim()) at += step;
  const table = siblings[at];
  delete paragraph.properties.dataTableCaption;
  if (table?.type !== "element" || table.tagName !== "table") return index + 1;
  table.children.unshift({ type: "element", tagName: "caption", properties: {}, children: paragraph.children });
  siblings.splice(index, 1);
  return index;
}

/** pandoc captions a labelled figure by its alt text: a figure with no title gets it as its caption. */
function captionFromAlt(figure: Element, image: Element): void {
  const alt = typeof image.properties.alt === "string" ? image.properties.alt.trim() : "";
  if (!alt || figure.children.some((child) => child.type === "element" && child.tagName === "figcaption")) return;
  figure.children.push({
    type: "element",
    tagName: "figcaption",
    properties: {},
    children: [{ type: "text", value: alt }],
  });
}
