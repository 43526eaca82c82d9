/**
 * remark plugin, pandoc chapters: the block syntax pandoc adds, after parsing. Fenced divs become
 * `<div>`s with their attributes; simple and multiline tables (dialects/pandoc/line-tables.ts) replace
 * the paragraphs CommonMark made of their lines; `Table: caption` (or `: caption`) next to a table is
 * its caption; `| ` line blocks keep their lines; a definition with several paragraphs keeps them; an
 * image alone in its paragraph is captioned by its alt text, as pandoc's implicit figures are; raw
 * blocks (```` ```{=html} ````) are raw HTML, or left out when written for another format.
 */
import type { Code, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import type { Processor } from "unified";
import type { VFile } from "vfile";
import { parseAttributes, toProperties } from "../dialects/pandoc/attributes.js";
import { readLineTable, type LineTable } from "../dialects/pandoc/line-tables.js";
import { anonymousDiv } from "../dialects/pandoc/normalize.js";
import { report } from "../diagnostics.js";
import { SKIP, walkAll } from "../util/walk.js";

interface Directive {
  type: "containerDirective";
  name: string;
  attributes?: Record<string, string | null | undefined> | null;
  children: RootContent[];
  data?: Root["data"] & { hName?: string; hProperties?: Record<string, unknown> };
}

export function remarkPandocBlocks(this: Processor) {
  /** Inline markdown of a table cell, parsed as a paragraph of its own. */
  const inline = (text: string): PhrasingContent[] => {
    const first = (this.parse(text) as Root).children[0];
    return first?.type === "paragraph" ? first.children : text ? [{ type: "text", value: text }] : [];
  };
  return (tree: Root, file: VFile) => {
    readLineTables(tree, String(file.value).split("\n"), inline);
    walkAll<Nodes>(tree, (node, index, parent) => {
      if ((node as unknown as Directive).type === "containerDirective") divOf(node as unknown as Directive);
      if (node.type === "defListDescription" && node.children.length > 1) node.spread = true;
      if (node.type === "code" && parent && index !== undefined)
        return rawBlock(node, parent.children as RootContent[], index, file);
      if (node.type === "paragraph") {
        lineBlock(node, String(file.value));
        implicitFigure(node);
      }
      if ((node.type === "table" || (node.type as string) === "gridTable") && parent && index !== undefined)
        return tableCaption(parent.children as RootContent[], index);
    });
  };
}

function divOf(node: Directive): void {
  const { id, class: classes, ...others } = node.attributes ?? {};
  const attributes = parseAttributes(
    [
      id ? `#${id}` : "",
      ...(classes ?? "")
        .split(/\s+/)
        .filter(Boolean)
        .map((name) => `.${name}`),
    ].join(" "),
  ) ?? { classes: [], pairs: [] };
  const properties = toProperties({
    ...attributes,
    classes: [...(anonymousDiv.test(node.name) ? [] : [node.name]), ...attributes.classes],
    pairs: Object.entries(others).map(([key, value]) => [key, value ?? ""] as const),
  });
  node.data = { ...node.data, hName: "div", hProperties: properties };
}

function rawBlock(node: Code, siblings: RootContent[], index: number, file: VFile) {
  const raw = /^\{=(\w+)\}$/.exec(`${node.lang ?? ""}${node.meta ?? ""}`.trim());
  if (!raw) return undefined;
  if (raw[1] === "html") siblings[index] = { type: "html", value: node.value, position: node.position };
  else {
    report(
      file,
      "pandoc-unsupported",
      `A raw ${raw[1]} block (\`{=${raw[1]}}\`) is for another output format: it is left out`,
      node.position,
    );
    siblings.splice(index, 1);
    return [SKIP, index] as const;
  }
  return SKIP;
}

/** `| ` at the start of every line: a line block, whose lines and their leading spaces are kept. */
function lineBlock(node: Paragraph, source: string): void {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return;
  const lines = source.slice(start.offset - start.column + 1, end.offset).split("\n");
  if (!lines.every((line) => /^\s*\| /.test(line) || /^\s*\|$/.test(line))) return;
  walkAll<Nodes>(node, (child) => {
    if (child.type === "text") child.value = child.value.replace(/(^|\n)\|(?: |$)/g, "$1");
  });
  node.data = { ...node.data, hProperties: { className: ["line-block"] } };
  // The line ends become breaks: a text node is cut at each.
  node.children = node.children.flatMap((child): PhrasingContent[] =>
    child.type === "text"
      ? child.value
          .split("\n")
          .flatMap((part, i) => [
            ...(i > 0 ? [{ type: "break" } as const] : []),
            { type: "text", value: part } as const,
          ])
      : [child],
  );
}

function implicitFigure(node: Paragraph): void {
  const [image] = node.children;
  if (node.children.length !== 1 || image.type !== "image" || image.title || !image.alt) return;
  image.title = image.alt;
}

/** A `Table: …` or `: …` paragraph right after (or before) a table is its caption. */
function tableCaption(siblings: RootContent[], index: number) {
  for (const at of [index + 1, index - 1]) {
    const node = siblings[at];
    if (node?.type !== "paragraph") continue;
    const text = textOf(node);
    const match = /^(?:Table)?:\s+/.exec(text);
    if (!match) continue;
    const table = siblings[index] as Table;
    table.data = {
      ...table.data,
      hProperties: { ...table.data?.hProperties, dataCaption: text.slice(match[0].length).trim() },
    };
    siblings.splice(at, 1);
    return at < index ? index : undefined;
  }
  return undefined;
}

/** Replace the top-level nodes that CommonMark made of a simple or multiline table's lines with the table. */
function readLineTables(tree: Root, lines: readonly string[], inline: (text: string) => PhrasingContent[]): void {
  for (let i = 0; i < tree.children.length; i++) {
    const start = tree.children[i].position?.start.line;
    if (start === undefined) continue;
    const found = readLineTable(lines, start - 1);
    if (!found) continue;
    let end = i;
    while (
      end + 1 < tree.children.length &&
      (tree.children[end + 1].position?.start.line ?? Infinity) <= found.last + 1
    )
      end++;
    const position = { start: tree.children[i].position!.start, end: tree.children[end].position!.end };
    tree.children.splice(i, end - i + 1, { ...tableOf(found, inline), position });
  }
}

function tableOf(found: LineTable, inline: (text: string) => PhrasingContent[]): Table {
  const row = (cells: readonly string[]): TableRow => ({
    type: "tableRow",
    children: cells.map((cell) => ({ type: "tableCell", children: inline(cell) })),
  });
  // A table written without a header takes its first row as one: a table needs header cells to be read aloud.
  const [header, ...rows] = found.header ? [found.header, ...found.rows] : found.rows;
  return { type: "table", align: [...found.align], children: [row(header), ...rows.map(row)] };
}
