/**
 * remark plugin, pandoc chapters: the inline syntax pandoc adds, read from the brackets and braces
 * CommonMark leaves as text. `[text]{.smallcaps}` is a span with attributes; `[Heading text]`,
 * `[text][Heading text]` and `[Heading text][]` link to that heading when no link definition has the
 * name (pandoc's implicit heading references); `^[text]` is an inline note; `{#id .class}` after a
 * link, an image or inline code puts its attributes on it (`{=html}` after code makes it raw HTML);
 * `^sup^` and `~sub~` are superscript and subscript. Brackets that hold a citation (`[@doe99]`) are
 * left for the citation plugin.
 */
import type { FootnoteDefinition, Nodes, Parent, PhrasingContent, Root, Text } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import type { Position } from "unist";
import type { VFile } from "vfile";
import { parseAttributes, toProperties } from "../dialects/pandoc/attributes.js";
import { inside, nextBracket, replaceBracket, type Bracket, advance } from "../dialects/pandoc/brackets.js";
import { report } from "../diagnostics.js";
import { walkAll } from "../util/walk.js";

const citation = /(^|[\s;[])-?@[\w]/;
const normalize = (label: string) => label.replace(/\s+/g, " ").trim().toLowerCase();

export function remarkPandocInline() {
  return (tree: Root, file: VFile) => {
    const headings = new Map<string, string>();
    for (const heading of tree.data?.pandocHeadings ?? [])
      if (!headings.has(normalize(heading.text))) headings.set(normalize(heading.text), heading.id);
    const notes: FootnoteDefinition[] = [];
    walkAll<Nodes>(tree, (node) => {
      if (!("children" in node) || !node.children.some((child) => child.type === "text")) return;
      const kids = (node as Parent).children as PhrasingContent[];
      readBrackets(kids, headings, notes);
      readTrailingAttributes(kids, file);
      for (let i = kids.length - 1; i >= 0; i--)
        if (kids[i].type === "text") kids.splice(i, 1, ...superSub(kids[i] as Text));
    });
    tree.children.push(...notes);
  };
}

function readBrackets(
  kids: PhrasingContent[],
  headings: ReadonlyMap<string, string>,
  notes: FootnoteDefinition[],
): void {
  let at = 0;
  let offset = 0;
  for (let bracket = nextBracket(kids, 0); bracket; bracket = nextBracket(kids, at, offset)) {
    const content = inside(kids, bracket);
    const plain = textOf({ type: "paragraph", children: content });
    const [i, p] = bracket.open;
    // Left as it is: go on after its opening bracket.
    [at, offset] = [i, p + 1];
    if (citation.test(plain) || plain.startsWith("^")) continue;
    const attributes = /^\{([^{}]*)\}/.exec(bracket.after);
    const parsed = attributes ? parseAttributes(attributes[1]) : undefined;
    if (parsed) {
      const span = {
        type: "pandocSpan",
        data: { hName: spanTag(parsed.classes), hProperties: toProperties(parsed) },
        children: content,
      };
      [at, offset] = [replaceBracket(kids, bracket, attributes![0].length, [span as unknown as PhrasingContent]), 0];
      continue;
    }
    if ((kids[i] as Text).value[p - 1] === "^") {
      const identifier = `note-${notes.length + 1}`;
      notes.push({
        type: "footnoteDefinition",
        identifier,
        label: identifier,
        children: [{ type: "paragraph", children: content }],
      });
      [at, offset] = [
        replaceBracket(kids, bracket, 0, [{ type: "footnoteReference", identifier, label: identifier }], 1),
        0,
      ];
      continue;
    }
    const label = /^\[([^\]]*)\]/.exec(bracket.after);
    const id = headings.get(normalize(label && label[1] !== "" ? label[1] : plain));
    if (id !== undefined && !bracket.after.startsWith("(")) {
      const link: PhrasingContent = {
        type: "link",
        url: `#${id}`,
        children: content as never,
        position: bracketPosition(kids, bracket, label ? label[0].length : 0),
      };
      [at, offset] = [replaceBracket(kids, bracket, label ? label[0].length : 0, [link]), 0];
    }
  }
}

/** Where the bracket (and what it consumed after `]`) is written, when its text nodes say: `folio import` rewrites it there. */
function bracketPosition(kids: readonly PhrasingContent[], bracket: Bracket, consumed: number): Position | undefined {
  const open = kids[bracket.open[0]].position?.start;
  const close = kids[bracket.close[0]].position?.start;
  if (open?.offset === undefined || close?.offset === undefined) return undefined;
  const openText = (kids[bracket.open[0]] as Text).value.slice(0, bracket.open[1]);
  const closeText = (kids[bracket.close[0]] as Text).value.slice(0, bracket.close[1] + 1 + consumed);
  return { start: advance(open, openText), end: advance(close, closeText) };
}

/** `[text]{.smallcaps}` is a span; pandoc's `.underline` and `.mark` are `<u>` and `<mark>` in HTML. */
function spanTag(classes: readonly string[]): string {
  return classes.includes("underline") ? "u" : classes.includes("mark") ? "mark" : "span";
}

/** `{…}` right after a link, an image or inline code: its attributes (`{=html}` after code: raw HTML). */
function readTrailingAttributes(kids: PhrasingContent[], file: VFile): void {
  for (let i = kids.length - 2; i >= 0; i--) {
    const node = kids[i];
    const next = kids[i + 1];
    if (next.type !== "text" || !["link", "image", "inlineCode"].includes(node.type)) continue;
    const match = /^\{([^{}]*)\}/.exec(next.value);
    if (!match) continue;
    const raw = /^=(\w+)$/.exec(match[1].trim());
    if (node.type === "inlineCode" && raw) {
      next.value = next.value.slice(match[0].length);
      if (raw[1] === "html") kids[i] = { type: "html", value: node.value };
      else {
        report(
          file,
          "pandoc-unsupported",
          `Raw ${raw[1]} (\`{=${raw[1]}}\`) is for another output format: it is left out`,
          node.position,
        );
        kids.splice(i, 1);
      }
      continue;
    }
    const attributes = parseAttributes(match[1]);
    if (!attributes) continue;
    next.value = next.value.slice(match[0].length);
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, ...toProperties(attributes) } };
  }
}

/** `^sup^` and `~sub~` inside one text node, without spaces inside (as pandoc reads them). */
function superSub(node: Text): PhrasingContent[] {
  const pattern = /\^([^\s^]+)\^|~([^\s~]+)~/g;
  if (!/[\^~]/.test(node.value)) return [node];
  const parts: PhrasingContent[] = [];
  let at = 0;
  // Math (`$a^{2}b^{3}$`) is the math plugin's: nothing inside it is superscript.
  const math = [...node.value.matchAll(/\$[^$\n]+\$/g)].map((m) => [m.index, m.index + m[0].length]);
  for (const match of node.value.matchAll(pattern)) {
    if (math.some(([start, end]) => match.index < end && match.index + match[0].length > start)) continue;
    if (match.index > at) parts.push({ type: "text", value: node.value.slice(at, match.index) });
    const tag = match[1] !== undefined ? "sup" : "sub";
    parts.push({
      type: "pandocSpan",
      data: { hName: tag },
      children: [{ type: "text", value: match[1] ?? match[2] }],
    } as unknown as PhrasingContent);
    at = match.index + match[0].length;
  }
  if (at === 0) return [node];
  if (at < node.value.length) parts.push({ type: "text", value: node.value.slice(at) });
  return parts;
}
