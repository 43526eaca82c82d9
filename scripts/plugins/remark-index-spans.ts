/**
 * remark plugin: index marks written as pandoc's bracketed spans with the class `index`:
 * `[Paris]{.index}` marks the word, `[the capital]{.index entry="France!Paris"}` indexes other words
 * than it shows, `[]{.index entry="Tides" .start}` … `[]{.index entry="Tides" .end}` a range. In
 * CommonMark and mdBook the form is plain text that nothing else reads, and pandoc reads it as a span
 * its users' index filters already take. Each becomes `<span class="index" data-entry=…>` as raw HTML
 * may write it too; rehype-index-marks reads both.
 */
import type { LinkReference, Nodes, PhrasingContent, Root, Text } from "mdast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { readAttributes, type Attributes } from "../util/attributes.js";
import { pointAt } from "../util/source-place.js";
import { walkAll } from "../util/walk.js";

interface SpanNode {
  type: "folioSpan";
  children: PhrasingContent[];
  data: { hName: "span"; hProperties: Record<string, string | string[]> };
}

export const remarkIndexSpans: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  // Most chapters mark nothing: no walk for them.
  if (!String(file.value).includes("]{")) return;
  walkAll<Nodes>(tree, (node) => {
    if (node.type === "code" || node.type === "inlineCode" || node.type === "html") return undefined;
    if ("children" in node && node.children.some((child) => child.type === "text" && child.value.includes("]{")))
      while (wrapOneSpan(node.children as PhrasingContent[], file));
    if ("children" in node) linkReferenceSpans(node.children as PhrasingContent[]);
    return undefined;
  });
};

/** Find the first `]{.index …}` with its `[` in `children` and wrap what lies between; false when there is none. */
function wrapOneSpan(children: PhrasingContent[], file: VFile): boolean {
  const opens: { child: number; offset: number }[] = [];
  for (let c = 0; c < children.length; c++) {
    const node = children[c];
    if (node.type !== "text") continue;
    for (let k = 0; k < node.value.length; k++) {
      if (node.value[k] === "[") opens.push({ child: c, offset: k });
      else if (node.value[k] === "]") {
        const open = opens.pop();
        const read = node.value[k + 1] === "{" ? readAttributes(node.value.slice(k + 1)) : undefined;
        if (!read?.attributes.classes.includes("index") || !open) continue;
        wrap(children, open, { child: c, offset: k }, read.length, read.attributes, file);
        return true;
      }
    }
  }
  return false;
}

/** Replace the nodes from `open` (a `[`) to `close` (its `]`, followed by `length` characters of attributes) by a span. */
function wrap(
  children: PhrasingContent[],
  open: { child: number; offset: number },
  close: { child: number; offset: number },
  length: number,
  attributes: Attributes,
  file: VFile,
): void {
  const first = children[open.child] as Text;
  const last = children[close.child] as Text;
  const before = first.value.slice(0, open.offset);
  const after = last.value.slice(close.offset + 1 + length);
  let inner: PhrasingContent[];
  if (open.child === close.child) inner = textNode(first.value.slice(open.offset + 1, close.offset));
  else
    inner = [
      ...textNode(first.value.slice(open.offset + 1)),
      ...children.slice(open.child + 1, close.child),
      ...textNode(last.value.slice(0, close.offset)),
    ];
  const span = spanNode(inner, attributes);
  // Pieces of text keep their place in the source (assuming no escapes inside them), for diagnostics.
  const from = first.position?.start.offset;
  const to = last.position?.start.offset;
  const pieces: PhrasingContent[] = [...textNode(before), span, ...textNode(after)];
  if (from !== undefined && to !== undefined) {
    const spanEnd = to + close.offset + 1 + length;
    span.position = { start: pointAt(file, from + open.offset), end: pointAt(file, spanEnd) };
    if (after) pieces.at(-1)!.position = { start: pointAt(file, spanEnd), end: last.position!.end };
    if (before) pieces[0].position = { start: first.position!.start, end: pointAt(file, from + open.offset) };
  }
  children.splice(open.child, close.child - open.child + 1, ...pieces);
}

/** `[Paris]{.index}` where a link definition `[paris]: …` made `[Paris]` a link: it is a span all the same. */
function linkReferenceSpans(children: PhrasingContent[]): void {
  for (let i = 0; i < children.length - 1; i++) {
    const link = children[i];
    const next = children[i + 1];
    if (link.type !== "linkReference" || link.referenceType !== "shortcut" || next.type !== "text") continue;
    const read = readAttributes(next.value);
    if (!read?.attributes.classes.includes("index")) continue;
    next.value = next.value.slice(read.length);
    children[i] = spanNode((link as LinkReference).children, read.attributes);
  }
}

function spanNode(children: PhrasingContent[], attributes: Attributes): PhrasingContent {
  const properties: Record<string, string | string[]> = { className: [...attributes.classes] };
  // hast names data attributes in camel case: `see-also` → `dataSeeAlso`.
  for (const [key, value] of Object.entries(attributes.values))
    properties[`data-${key}`.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())] = value;
  const span: SpanNode = { type: "folioSpan", children, data: { hName: "span", hProperties: properties } };
  return span as unknown as PhrasingContent;
}

function textNode(value: string): Text[] {
  return value === "" ? [] : [{ type: "text", value }];
}
