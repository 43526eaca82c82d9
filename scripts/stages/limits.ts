/** Input limits: nesting thousands deep overflows every tree walker's stack, and a megabyte paragraph takes the parser minutes. */
import type { Root } from "hast";

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

/** Depth of the deepest node of `tree`, found without recursion. */
export function treeDepth(tree: Root): number {
  let deepest = 0;
  const stack: [{ children?: unknown[] }, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of (node.children ?? []) as { children?: unknown[] }[]) stack.push([child, depth + 1]);
  }
  return deepest;
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
