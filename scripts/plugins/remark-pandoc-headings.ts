/**
 * remark plugin, pandoc chapters: headings as pandoc reads them. An attribute block at a heading's end
 * (`# Tables {#tables .big}`, `{-}` unnumbered) is taken off its text and put on it; every heading gets
 * pandoc's identifier (dialects/pandoc/identifiers.ts), made unique over the whole file, so that links
 * written for pandoc find it; the headings are listed on the tree for implicit references. Then a
 * chapter cut from a longer manuscript keeps only its own lines (and the file's link and note
 * definitions, which any chapter may use).
 */
import type { Heading, Nodes, Root, RootContent, Text } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import type { VFile } from "vfile";
import { chapterData } from "../book.js";
import { toProperties, trailingAttributes } from "../dialects/pandoc/attributes.js";
import { IdentifierClaims } from "../dialects/pandoc/identifiers.js";
import { walkAll } from "../util/walk.js";

declare module "mdast" {
  interface RootData {
    /** Every heading of the file (a whole pandoc manuscript), with its identifier: what `[Heading text]` may name. */
    pandocHeadings?: readonly { readonly text: string; readonly id: string }[];
  }
}

export function remarkPandocHeadings() {
  return (tree: Root, file: VFile) => {
    const claims = new IdentifierClaims();
    const headings: { text: string; id: string }[] = [];
    const all: Heading[] = [];
    walkAll<Nodes>(tree, (node) => {
      if (node.type === "heading") all.push(node);
    });
    // Explicit identifiers are claimed first: an automatic one never takes a name written elsewhere.
    const explicit = all.map((heading) => takeAttributes(heading));
    for (const attributes of explicit) if (attributes?.id) claims.claimExplicit(attributes.id);
    all.forEach((heading, i) => {
      const text = textOf(heading).trim();
      const id = explicit[i]?.id ?? claims.claimAuto(text);
      const properties = { ...(explicit[i] ? toProperties(explicit[i]) : {}), id };
      heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, ...properties } };
      headings.push({ text, id });
    });
    tree.data = { ...tree.data, pandocHeadings: headings };
    const excerpt = chapterData(file).excerpt;
    if (excerpt) tree.children = tree.children.filter((node) => inExcerpt(node, excerpt));
  };
}

/** Take a trailing `{…}` off the heading's last text; its attributes, if there were any. */
function takeAttributes(heading: Heading) {
  const last = heading.children.at(-1);
  if (last?.type !== "text") return undefined;
  const found = trailingAttributes((last as Text).value);
  if (!found) return undefined;
  (last as Text).value = found.before.trimEnd();
  if ((last as Text).value === "") heading.children.pop();
  return found.attributes;
}

function inExcerpt(node: RootContent, excerpt: { start: number; end: number }): boolean {
  if (node.type === "definition" || node.type === "footnoteDefinition") return true;
  const line = node.position?.start.line ?? 0;
  return line >= excerpt.start && line <= excerpt.end;
}
