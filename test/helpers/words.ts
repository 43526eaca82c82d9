/** Fidelity: the words of a chapter's source, and a check that they all appear, in order, in an edition's text. */
import { readFileSync } from "node:fs";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { frontmatter } from "micromark-extension-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { visit } from "unist-util-visit";

/** Letters and digits only: punctuation, quotes and dashes are typography, not words. */
export function words(text: string): string[] {
  // pdf.js reports the typographic apostrophe as U+02BC, a letter: it is punctuation here.
  return (
    text
      .normalize("NFC")
      .replace(/\u02BC/g, "\u2019")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** remark plugin: YAML front matter is metadata, not words of the text. */
function remarkFrontMatterSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(frontmatter(["yaml"]));
  (data.fromMarkdownExtensions ??= []).push([frontmatterFromMarkdown(["yaml"])]);
}

/** The words of a markdown file as a reader sees them (markup and front matter removed). */
export function sourceWords(markdownPath: string): string[] {
  const tree = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFrontMatterSyntax)
    .parse(readFileSync(markdownPath, "utf8"));
  const texts: string[] = [];
  visit(tree, (node) => {
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code")
      texts.push((node as { value: string }).value);
  });
  return words(texts.join(" "));
}

/**
 * The words of text extracted from a PDF: words hyphenated at a line end are joined again,
 * and the soft hyphens the print edition puts inside words are ignored.
 */
export function printedWords(text: string): string[] {
  // Chromium writes a hyphenation break as U+00AD U+2010 (soft hyphen, then the hyphen it shows).
  // A break at the foot of a page is left apart: the next line is the folio.
  const joined = text.replace(/\u00AD?\u2010[ \t]*\r?\n[ \t]*(?=\S)/g, "").replace(/[\u00AD\u2010]+(?=\s)/g, " ");
  return words(joined.replace(/\u00AD/g, ""));
}

/**
 * Undefined when every word of `expected` appears in `actual` in order;
 * else a description of the first word that is missing.
 */
export function missingInOrder(expected: readonly string[], actual: readonly string[]): string | undefined {
  let at = 0;
  for (const [i, word] of expected.entries()) {
    const exact = actual.indexOf(word, at);
    const split = splitAcrossPages(word, actual, at);
    const found = exact < 0 ? split : split < 0 ? exact : Math.min(exact, split);
    if (found < 0) {
      return `word ${i + 1} "${word}" (after "${expected.slice(Math.max(0, i - 6), i).join(" ")}") is missing or out of order`;
    }
    at = found + 1;
  }
  return undefined;
}

/** A word broken at the foot of a page shows as two tokens (`inde`, … `pendence`): find it. */
function splitAcrossPages(word: string, actual: readonly string[], at: number): number {
  for (let i = at; i < Math.min(actual.length, at + 50); i++) {
    if (!word.startsWith(actual[i]) || actual[i] === word) continue;
    const rest = word.slice(actual[i].length);
    const j = actual.indexOf(rest, i + 1);
    if (j > i && j - i < 400) return j;
  }
  return -1;
}
