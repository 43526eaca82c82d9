/**
 * A run of inline markdown (a paragraph's children) as one string to scan for citations: each
 * character with its kind (plain, escaped, nested, markup, barrier) and, for the run's own text, the
 * text node and source offset it comes from. A text node's value differs from its source where the
 * author escaped a character (`\@`), wrote a character reference or continued a line inside a block
 * quote or list: the two are walked together to find which characters were escaped and where each is.
 */
import type { PhrasingContent, Text } from "mdast";
import { CharKind } from "./syntax.js";

export interface InlineRun {
  readonly text: string;
  readonly kinds: Uint8Array;
  /** For each plain or literal character: the index of its text node among the run and its index in the node's value. */
  readonly owners: readonly ({ readonly child: number; readonly at: number } | undefined)[];
  /** For each plain or literal character: its offset in the chapter's source, when known. */
  readonly offsets: readonly (number | undefined)[];
}

/** Nodes whose text becomes part of a prefix or suffix, with the markup citeproc reads for them. */
const formatting: Readonly<Record<string, readonly [string, string]>> = {
  emphasis: ["<i>", "</i>"],
  strong: ["<b>", "</b>"],
  delete: ["", ""],
  inlineCode: ["", ""],
};

/** The run of `children`, read against the chapter's `source`. */
export function inlineRun(children: readonly PhrasingContent[], source: string): InlineRun {
  let text = "";
  const kinds: number[] = [];
  const owners: InlineRun["owners"][number][] = [];
  const offsets: (number | undefined)[] = [];
  const push = (chunk: string, kind: CharKind) => {
    text += chunk;
    for (let i = 0; i < chunk.length; i++) {
      kinds.push(kind);
      owners.push(undefined);
      offsets.push(undefined);
    }
  };
  children.forEach((child, index) => {
    if (child.type === "text") {
      const aligned = alignText(child, source);
      for (let at = 0; at < child.value.length; at++) {
        kinds.push(aligned.literal.has(at) ? CharKind.Literal : CharKind.Plain);
        owners.push({ child: index, at });
        offsets.push(aligned.offsets[at]);
      }
      text += child.value;
    } else if (child.type in formatting) {
      const [open, close] = formatting[child.type];
      push(open, CharKind.Markup);
      push(plainText(child), CharKind.Nested);
      push(close, CharKind.Markup);
    } else push("\uFFFC", CharKind.Barrier);
  });
  return { text, kinds: Uint8Array.from(kinds), owners, offsets };
}

function plainText(node: PhrasingContent): string {
  if ("value" in node && typeof node.value === "string") return node.type === "html" ? "" : node.value;
  if ("children" in node) return (node.children as PhrasingContent[]).map(plainText).join("");
  return "";
}

/** Which characters of a text node were written escaped or as references, and the source offset of each. */
export function alignText(node: Text, source: string): { literal: Set<number>; offsets: (number | undefined)[] } {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const literal = new Set<number>();
  const value = node.value;
  if (start === undefined || end === undefined) return { literal, offsets: [] };
  if (source.slice(start, end) === value) return { literal, offsets: Array.from(value, (_, i) => start + i) };
  const offsets: (number | undefined)[] = [];
  let s = start;
  for (let v = 0; v < value.length; ) {
    if (s >= end) {
      offsets.push(undefined);
      v++;
    } else if (source[s] === value[v]) {
      offsets.push(s++);
      v++;
    } else if (source[s] === "\\" && source[s + 1] === value[v]) {
      literal.add(v++);
      offsets.push(s);
      s += 2;
    } else if (source[s] === "&" && /^&(?:#\d+|#x[\da-f]+|\w+);/i.test(source.slice(s, s + 40))) {
      const width = (value.codePointAt(v) ?? 0) > 0xffff ? 2 : 1;
      for (let k = 0; k < width; k++) {
        literal.add(v + k);
        offsets.push(s);
      }
      v += width;
      s = source.indexOf(";", s) + 1;
    } else s++;
  }
  return { literal, offsets };
}
