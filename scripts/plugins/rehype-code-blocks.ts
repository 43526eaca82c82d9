/**
 * rehype plugin: code blocks as a book sets them. The code is highlighted by lowlight (highlight.js's
 * grammars, 192 languages) when its language is known, each source line becomes a `span.line` (so that
 * a line that wraps can show a continuation mark), a short block is marked to stay whole on a page,
 * and a block with a caption (`title="main.rs"`), a mark (`does_not_compile`) or a label (`{#lst:name}`)
 * becomes a figure captioned by them.
 *
 * lowlight over @wooorm/starry-night and shiki: on the 67 code blocks of the 1,000-page book repeated
 * 50 times (382,000 characters) lowlight took 157 ms after loading in 156 ms, starry-night 527 ms
 * after 1,008 ms, shiki 633 ms after 158 ms (three grammars loaded only); see the README.
 */
import type { Element, ElementContent, Root } from "hast";
import { toString as textOf } from "hast-util-to-string";
import type { Plugin } from "unified";
import { walkElements, SKIP } from "../util/walk.js";

/** Lines up to this many stay on one page; a longer block may break between lines. */
export const shortBlockLines = 12;

type Lowlight = ReturnType<typeof import("lowlight").createLowlight>;
// Loaded for the first chapter with a code block in a language: a book without code never loads the grammars.
let lowlight: Promise<Lowlight> | undefined;

async function loadLowlight(): Promise<Lowlight> {
  const { all, createLowlight } = await import("lowlight");
  return createLowlight(all);
}

export const rehypeCodeBlocks: Plugin<[], Root> = () => async (tree: Root) => {
  const blocks: { pre: Element; code: Element; index: number; parent: Root | Element }[] = [];
  walkElements(tree, (node, index, parent) => {
    const code =
      node.tagName === "pre"
        ? node.children.find((c): c is Element => c.type === "element" && c.tagName === "code")
        : undefined;
    if (code && parent && index !== undefined) blocks.push({ pre: node, code, index, parent });
    return node.tagName === "pre" ? SKIP : undefined;
  });
  if (blocks.length === 0) return;
  const highlighter = blocks.some((b) => languageOf(b.code)) ? await (lowlight ??= loadLowlight()) : undefined;
  // In reverse, so that wrapping one block in a figure does not move the indexes of the others.
  for (const { pre, code, index, parent } of blocks.reverse()) {
    const language = languageOf(code);
    const text = textOf(code);
    if (language && highlighter?.registered(language))
      code.children = highlighter.highlight(language, text).children as ElementContent[];
    const lines = splitLines(code.children);
    code.children = lines.map((line, i) => ({
      type: "element",
      tagName: "span",
      properties: { className: ["line"] },
      children: i < lines.length - 1 ? [...line, { type: "text", value: "\n" }] : line,
    }));
    pre.properties.className = [
      ...[pre.properties.className ?? []].flat().map(String),
      "code",
      ...(lines.length <= shortBlockLines ? ["code-short"] : []),
    ];
    const { dataCaption: caption, dataMark: mark } = code.properties;
    // A labelled listing (`{#lst:name}`) is a figure too, numbered by the numbering stage.
    const id = code.properties.id;
    if (caption === undefined && mark === undefined && id === undefined) continue;
    delete code.properties.dataCaption;
    delete code.properties.dataMark;
    delete code.properties.id;
    // The caption, then what the code's flags tell a reader (`does_not_compile`), in the same line.
    const parts: ElementContent[] = [];
    if (caption !== undefined) parts.push({ type: "text", value: String(caption) });
    if (caption !== undefined && mark !== undefined) parts.push({ type: "text", value: " " });
    if (mark !== undefined)
      parts.push({
        type: "element",
        tagName: "span",
        properties: { className: ["code-mark"] },
        children: [{ type: "text", value: `${String(mark)}.` }],
      });
    const figcaption: ElementContent[] =
      parts.length === 0 ? [] : [{ type: "element", tagName: "figcaption", properties: {}, children: parts }];
    parent.children[index] = {
      type: "element",
      tagName: "figure",
      properties: { className: ["listing"], ...(id === undefined ? {} : { id }) },
      children: [...figcaption, pre],
      position: pre.position,
    };
  }
};

function languageOf(code: Element): string | undefined {
  const name = [code.properties.className ?? []]
    .flat()
    .map(String)
    .find((c) => c.startsWith("language-"));
  return name?.slice("language-".length);
}

/** Split highlighted content into lines: a span that spans a line break is cut in two, each part keeping its class. */
export function splitLines(children: readonly ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  const visit = (nodes: readonly ElementContent[], wrap: (part: ElementContent[]) => ElementContent[]): void => {
    for (const node of nodes) {
      if (node.type === "text") {
        const parts = node.value.split("\n");
        parts.forEach((part, i) => {
          if (i > 0) lines.push([]);
          if (part) lines.at(-1)!.push(...wrap([{ type: "text", value: part }]));
        });
      } else if (node.type === "element") {
        visit(node.children, (part) => wrap([{ ...node, children: part }]));
      }
    }
  };
  visit(children, (part) => part);
  // The newline that ends the last line is not a line of its own.
  if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
  return lines;
}
