/**
 * remark plugin: a fenced block marked `verse` (or `poem`) is a poem, not code. Each line stays a line
 * (a `<span class="line">` ended by `<br>`, so a reader without the stylesheet still breaks it), its
 * leading spaces become an indent (`indent-1` for two spaces, up to `indent-8`), a blank line starts a
 * new stanza (`<p class="stanza">`), and a last stanza of one line that begins with a dash is the
 * poem's attribution. Each line is read as markdown text (emphasis, links, notes, curly quotes), never
 * as a block: a line starting `- ` or `1.` is a verse line, not a list.
 */
import type { Blockquote, Code, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import type { Processor } from "unified";
import type { Point, Position } from "unist";
import { walk } from "../util/walk.js";

const verseLanguages = new Set(["verse", "poem", "poetry"]);
const maxIndent = 8;
/** A dash that opens an attribution line: em dash, horizontal bar, en dash, or `--` before typography. */
export const attributionDash = /^(?:\u2014|\u2015|\u2013|--)\s*/;

/** Whether a code block is a poem. */
function isVerse(node: Code): boolean {
  const language = (node.lang ?? "").replace(/^\{?\.?/, "").split(/[\s,}]/)[0];
  return verseLanguages.has(language.toLowerCase());
}

export function remarkVerse(this: Processor) {
  const parseLine = (text: string): PhrasingContent[] => {
    const root = this.parse(escapeBlockSyntax(text)) as Root;
    const first = root.children[0];
    return first?.type === "paragraph" ? first.children : [];
  };
  return (tree: Root) => {
    walk(
      tree,
      (node): node is Code => node.type === "code",
      (node, index, parent) => {
        if (!isVerse(node) || !parent || index === undefined) return;
        (parent.children as RootContent[])[index] = verse(node, parseLine);
      },
    );
  };
}

/** The poem as a `div.verse` holding its stanzas and its attribution. */
function verse(node: Code, parseLine: (text: string) => PhrasingContent[]): Blockquote {
  const firstLine = (node.position?.start.line ?? 0) + 1;
  const stanzas: { line: number; text: string }[][] = [[]];
  node.value.split(/\r?\n/).forEach((text, i) => {
    if (text.trim() === "") {
      if (stanzas.at(-1)!.length > 0) stanzas.push([]);
    } else stanzas.at(-1)!.push({ line: firstLine + i, text: text.replace(/\t/g, "    ") });
  });
  if (stanzas.at(-1)!.length === 0) stanzas.pop();
  const last = stanzas.at(-1);
  const attribution =
    stanzas.length > 1 && last?.length === 1 && attributionDash.test(last[0].text.trim()) ? stanzas.pop() : undefined;
  const children: Paragraph[] = stanzas.map((lines) => ({
    type: "paragraph",
    data: { hProperties: { className: ["stanza"] } },
    children: lines.flatMap((line, i): PhrasingContent[] => [
      ...(i > 0 ? [{ type: "break" } as const] : []),
      verseLine(line, parseLine),
    ]),
  }));
  if (attribution) {
    const { line, text } = attribution[0];
    const content = shifted(parseLine(text.trim()), line, text.length - text.trimStart().length);
    children.push({ type: "paragraph", data: { hProperties: { className: ["attribution"] } }, children: content });
  }
  return {
    type: "blockquote",
    position: node.position,
    data: { hName: "div", hProperties: { className: ["verse"] } },
    children,
  };
}

/** One line: its words in a `span.line`, indented by its leading spaces. */
function verseLine(line: { line: number; text: string }, parseLine: (text: string) => PhrasingContent[]) {
  const spaces = line.text.length - line.text.trimStart().length;
  const indent = Math.min(maxIndent, Math.round(spaces / 2));
  return {
    type: "emphasis",
    data: { hName: "span", hProperties: { className: indent > 0 ? ["line", `indent-${indent}`] : ["line"] } },
    children: shifted(parseLine(line.text.trim()), line.line, spaces),
  } as PhrasingContent;
}

/** A line's first character escaped when markdown would read it as the start of a block (a list, a heading, a quote). */
function escapeBlockSyntax(text: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(text);
  if (ordered) return `${ordered[1]}\\${text.slice(ordered[1].length)}`;
  return /^[-+*#>=_`~|:]/.test(text) ? `\\${text}` : text;
}

/** Positions of nodes parsed from one line, moved to where the line stands in the chapter. */
function shifted(nodes: PhrasingContent[], line: number, column: number): PhrasingContent[] {
  const move = (point: Point): Point => ({ line: line + point.line - 1, column: point.column + column });
  const visit = (node: { position?: Position; children?: unknown[] }) => {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  for (const node of nodes) visit(node);
  return nodes;
}
