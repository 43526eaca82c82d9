/** rehype plugin: after typography, report straight quotes left in the text (code is left alone). */
import type { Element, Root, Text } from "hast";
import type { Plugin } from "unified";
import { SKIP, walk } from "../util/walk.js";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";

const codeElements = new Set(["code", "pre", "kbd", "samp", "var", "script", "style", "math", "svg"]);

export const rehypeStraightQuotes: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const source = String(file.value);
  walk(
    tree,
    (node): node is Text | Element => node.type === "text" || node.type === "element",
    (node) => {
      if (node.type === "element") return codeElements.has(node.tagName) ? SKIP : undefined;
      if (!node.position) return undefined;
      for (const match of node.value.matchAll(/["']/g)) {
        const place = sourcePlace(source, node, match.index);
        report(
          file,
          "quotes-straight",
          `Straight quote \`${match[0]}\` left after typography: write a curly quote (“ ” ‘ ’) or reword`,
          place,
        );
      }
      return undefined;
    },
  );
};

/** What typography may have turned a source sequence into. */
const replaced: Readonly<Record<string, readonly string[]>> = {
  "“": ['"'],
  "”": ['"'],
  "‘": ["'"],
  "’": ["'"],
  "–": ["--"],
  "—": ["---", "--"],
  "…": ["...", ". . ."],
};

/** Line and column in the source of character `index` of `node`'s (typeset) text, or the node's start when the two cannot be aligned. */
function sourcePlace(source: string, node: Text, index: number) {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end || start.offset === undefined || end.offset === undefined) return start;
  const text = source.slice(start.offset, end.offset);
  let at = 0;
  for (let i = 0; i < index; i++) {
    const char = node.value[i];
    if (text[at] === "\\" && text[at + 1] !== char) at++;
    if (text[at] === char) {
      at++;
      continue;
    }
    const from = replaced[char]?.find((sequence) => text.startsWith(sequence, at));
    if (from === undefined) return start;
    at += from.length;
  }
  if (text[at] === "\\") at++;
  const before = text.slice(0, at);
  const lines = before.split("\n");
  return lines.length === 1
    ? { line: start.line, column: start.column + at }
    : { line: start.line + lines.length - 1, column: lines[lines.length - 1].length + 1 };
}
