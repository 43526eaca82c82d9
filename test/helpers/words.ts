/** Fidelity: the words of a chapter's source, and a check that they all appear, in order, in an edition's text. */
import { readFileSync } from "node:fs";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** Letters and digits only: punctuation, quotes and dashes are typography, not words. */
export function words(text: string): string[] {
  return text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words of a markdown file as a reader sees them (markup removed). */
export function sourceWords(markdownPath: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(markdownPath, "utf8"));
  const texts: string[] = [];
  visit(tree, (node) => {
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code") texts.push((node as { value: string }).value);
  });
  return words(texts.join(" "));
}

/**
 * Undefined when every word of `expected` appears in `actual` in order;
 * else a description of the first word that is missing.
 */
export function missingInOrder(expected: readonly string[], actual: readonly string[]): string | undefined {
  let at = 0;
  for (const [i, word] of expected.entries()) {
    const found = actual.indexOf(word, at);
    if (found < 0) {
      return `word ${i + 1} "${word}" (after "${expected.slice(Math.max(0, i - 6), i).join(" ")}") is missing or out of order`;
    }
    at = found + 1;
  }
  return undefined;
}
