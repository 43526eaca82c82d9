/** Smart punctuation (curly quotes, em dashes, ellipses) by retext-smartypants, one block at a time, only where it can change something. */
import type { InlineCode, Nodes, Root, Text } from "mdast";
import { retext } from "retext";
import smartypants from "retext-smartypants";
import { SKIP, visit } from "unist-util-visit";

// remark-smartypants runs the natural-language parser over the whole chapter and then over every text node,
// which was half of the transform stage. Each quote is decided from its neighbours only, so a block (with
// a space around it, as remark-smartypants puts between blocks) gives the same quotes on its own; and text
// with no quote, dash pair, dot pair or doubled backtick is left as it is by the library anyway.
const blocks = new Set(["paragraph", "heading", "tableCell"]);
const mayHaveQuotes = /["']/;
const mayHaveDashesOrDots = /--|\.\s*\.|``|''/;

/** Educate quotes per block, then dashes and ellipses per text node; inline code keeps its characters. */
export function remarkSmartPunctuation() {
  const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
  const dashes = retext().use(smartypants, { quotes: false });
  return (tree: Root) => {
    visit(tree, (node: Nodes) => {
      if (!blocks.has(node.type)) return;
      const literals: (Text | InlineCode)[] = [];
      visit(node, (child: Nodes) => {
        if (child.type === "text" || child.type === "inlineCode") literals.push(child);
      });
      educateQuotes(literals, quotes);
      for (const literal of literals) {
        if (literal.type === "text" && mayHaveDashesOrDots.test(literal.value)) literal.value = String(dashes.processSync(literal.value));
      }
      return SKIP;
    });
  };
}

function educateQuotes(literals: readonly (Text | InlineCode)[], processor: { processSync: (text: string) => unknown }): void {
  // Inline code stands in as letters of the same length, so that its quotes are kept and its neighbours see a word.
  const pieces = literals.map((literal) => (literal.type === "text" ? literal.value : "A".repeat(literal.value.length)));
  if (!pieces.some((piece) => mayHaveQuotes.test(piece))) return;
  const educated = String(processor.processSync(` ${pieces.join("")} `));
  let at = 1;
  for (const literal of literals) {
    const end = at + literal.value.length;
    if (literal.type === "text") literal.value = educated.slice(at, end);
    at = end;
  }
}
