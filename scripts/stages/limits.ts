/** Input limits: nesting thousands deep overflows every tree walker's stack, and a megabyte paragraph takes the parser minutes. */
import type { Root } from "hast";
import type { Point } from "unist";

/** Deepest nesting of block quotes and lists an author may write (real books stay under ten). */
export const maxMarkdownNesting = 100;

/** Deepest element tree (raw HTML included) the editions serialize. */
export const maxTreeDepth = 1000;

/** The first line whose block quotes and list items nest deeper than `maxMarkdownNesting`, with its depth. */
export function tooDeepLine(markdown: string): { line: number; depth: number } | undefined {
  const lines = markdown.split("\n");
  for (const [i, line] of lines.entries()) {
    const prefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*/.exec(line)?.[0] ?? "";
    const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
    // Lists also nest by indentation alone: count two columns (a tab is four) as one level.
    const columns = (/^[ \t]*/.exec(prefix)?.[0] ?? "").replace(/\t/g, "    ").length;
    const depth = markers + Math.floor(columns / 2);
    if (depth > maxMarkdownNesting) return { line: i + 1, depth };
  }
  return undefined;
}

interface TreeNode {
  readonly children?: unknown[];
  readonly position?: { readonly start: Point };
}

/** Depth of the deepest node of `tree`, found without recursion, with where the source of the first node that deep begins. */
export function treeDepth(tree: Root): { depth: number; start?: Point } {
  let deepest = { depth: 0, start: undefined as Point | undefined };
  // Each node goes with the start of the nearest node above it (itself included) that has a place in the source.
  const stack: [TreeNode, number, Point | undefined][] = [[tree, 0, undefined]];
  while (stack.length > 0) {
    const [node, depth, above] = stack.pop()!;
    const start = node.position?.start ?? above;
    if (depth > deepest.depth) deepest = { depth, start };
    for (const child of (node.children ?? []) as TreeNode[]) stack.push([child, depth + 1, start]);
  }
  return deepest;
}

const voidElements = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/**
 * Where raw HTML in `markdown` first opens more than `limit` elements inside each other (a
 * scan of its tags, for a chapter too deep for the parser to finish, which leaves no tree to ask).
 */
export function tooDeepHtml(markdown: string, limit: number): Point | undefined {
  let depth = 0;
  for (const match of markdown.matchAll(/<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing && !voidElements.has(name.toLowerCase())) depth++;
    if (depth > limit) {
      const before = markdown.slice(0, match.index);
      const line = before.split("\n").length;
      return { line, column: match.index - before.lastIndexOf("\n") };
    }
  }
  return undefined;
}

/**
 * Longest run of non-blank lines (a paragraph, a table, a code block), in characters: 200,000,
 * about 30,000 words. Parsing and typography slow down faster than the length grows (a 2 MB
 * paragraph takes minutes), and no printed paragraph comes near.
 */
export const maxBlockLength = 200_000;

/** The first line of a run of non-blank lines longer than `maxBlockLength`, with the run's length. */
export function tooLongBlock(markdown: string): { line: number; length: number } | undefined {
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let length = 0;
    for (; i < lines.length && lines[i].trim() !== ""; i++) length += lines[i].length + 1;
    if (length > maxBlockLength) return { line: start + 1, length };
  }
  return undefined;
}
