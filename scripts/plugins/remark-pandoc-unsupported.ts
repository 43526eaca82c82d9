/**
 * remark plugin, pandoc chapters: what pandoc reads and Folio does not, found where it would otherwise
 * print as literal text, and reported (`pandoc-unsupported`): raw TeX commands (`\newpage`, left out,
 * as pandoc leaves them out of HTML), fancy and example list markers (`a)`, `#.`, `(@)`), and an
 * attribute block (`{.class}`) left where Folio reads none. Math and citations are left to their plugins.
 */
import type { Nodes, Paragraph, Root, Text } from "mdast";
import type { VFile } from "vfile";
import { advance } from "../dialects/pandoc/brackets.js";
import { report } from "../diagnostics.js";
import { walkAll } from "../util/walk.js";

const tex = /\\[a-zA-Z]+(?:\{[^{}\n]*\})*/g;
const fancyList = /^(?:\(@[\w-]*\)|\(?[a-z#]\)|#\.|[a-z]\.(?= )|[ivxlc]+[.)]|\([ivxlcIVXLC]+\)|[A-Z]\.(?= {2}))\s/;
const leftoverAttributes = /\{(?:[#.][\w-][^{}\n]*|-)\}/;

export function remarkPandocUnsupported() {
  return (tree: Root, file: VFile) => {
    walkAll<Nodes>(tree, (node, _index, parent) => {
      if (node.type === "paragraph") fancyMarker(node, file);
      if (node.type !== "text") return;
      leftover(node, file);
      rawTex(node, file);
      const siblings = (parent as Paragraph | undefined)?.children ?? [];
      if (parent?.type === "paragraph" && siblings.every((child) => child.type === "text" && child.value.trim() === ""))
        (parent as Paragraph).children = [];
    });
    // A paragraph that held only TeX (`\newpage`) is gone.
    tree.children = tree.children.filter((node) => node.type !== "paragraph" || node.children.length > 0);
  };
}

function fancyMarker(node: Paragraph, file: VFile): void {
  const first = node.children[0];
  if (first?.type !== "text" || !fancyList.test(first.value)) return;
  const marker = first.value.split(/\s/)[0];
  report(
    file,
    "pandoc-unsupported",
    `\`${marker}\` starts a list item only in pandoc (fancy or example lists): write \`1.\` or \`-\` for a list Folio reads`,
    node.position,
  );
}

function leftover(node: Text, file: VFile): void {
  const match = leftoverAttributes.exec(node.value);
  if (!match) return;
  const start = node.position?.start;
  report(
    file,
    "pandoc-unsupported",
    `The attribute block \`${match[0]}\` stands where Folio reads none (only after a heading, a span, a link, an image, code or a div's fence): it is printed as written`,
    start ? advance(start, node.value.slice(0, match.index)) : undefined,
  );
}

function rawTex(node: Text, file: VFile): void {
  if (!node.value.includes("\\")) return;
  // Math (`$\alpha$`) belongs to the math plugin: its commands are not raw TeX.
  const masked = node.value.replace(/\$[^$\n]+\$/g, (math) => " ".repeat(math.length));
  const found = [...masked.matchAll(tex)];
  if (found.length === 0) return;
  const start = node.position?.start;
  // Reported in reading order, at the command (the text before it is as written: a backslash escapes nothing here).
  for (const match of found) {
    const place = start ? advance(start, node.value.slice(0, match.index)) : undefined;
    report(
      file,
      "pandoc-unsupported",
      `Raw TeX \`${match[0]}\` is for pandoc's LaTeX output: it is left out of every edition`,
      place,
    );
  }
  for (const match of found.reverse()) {
    node.value = node.value.slice(0, match.index) + node.value.slice(match.index + match[0].length);
  }
}
