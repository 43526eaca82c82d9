/**
 * What splitting a pandoc manuscript into files changes, as edits of its text: a link (or implicit
 * heading reference) to an identifier of another chapter names that chapter's file, and a heading whose
 * identifier would be made unique differently within its own file is given it explicitly.
 */
import type { Heading, Link, Nodes, Root } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFile } from "vfile";
import { trailingAttributes } from "../dialects/pandoc/attributes.js";
import { IdentifierClaims } from "../dialects/pandoc/identifiers.js";
import type { Excerpt } from "../dialects/pandoc/split.js";
import { remarkFrontMatterSyntax } from "../plugins/remark-front-matter.js";
import { remarkGfmParts } from "../plugins/remark-gfm-parts.js";
import { remarkPandocBlocks } from "../plugins/remark-pandoc-blocks.js";
import { remarkPandocHeadings } from "../plugins/remark-pandoc-headings.js";
import { remarkPandocInline } from "../plugins/remark-pandoc-inline.js";
import { remarkPandocSyntax } from "../plugins/remark-pandoc-syntax.js";
import { walkAll } from "../util/walk.js";
import type { Edit } from "./edits.js";

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontMatterSyntax)
  .use(remarkGfmParts, { autolinkLiterals: true, singleTilde: false })
  .use(remarkPandocSyntax)
  .use(remarkPandocHeadings)
  .use(remarkPandocBlocks)
  .use(remarkPandocInline);

/** The edits that keep `normalized` (a whole manuscript, normalized) linked once cut into `excerpts`, named `files`. */
export async function splitEdits(
  normalized: string,
  excerpts: readonly Excerpt[],
  files: readonly string[],
): Promise<Edit[]> {
  const file = new VFile({ value: normalized, data: { dialect: "pandoc" } });
  const tree = (await processor.run(processor.parse(file), file)) as Root;
  const chunkOf = (line: number) => excerpts.findIndex((excerpt) => line >= excerpt.start && line <= excerpt.end);
  const owners = new Map<string, number>();
  const links: Link[] = [];
  const headings: Heading[] = [];
  walkAll<Nodes>(tree, (node) => {
    const id = (node.data as { hProperties?: { id?: unknown } } | undefined)?.hProperties?.id;
    if (typeof id === "string" && node.position && !owners.has(id)) owners.set(id, chunkOf(node.position.start.line));
    if (node.type === "link" && node.url.startsWith("#") && node.position) links.push(node);
    if (node.type === "heading" && node.position) headings.push(node);
  });
  const edits: Edit[] = [];
  for (const link of links) {
    const owner = owners.get(decodeURIComponent(link.url.slice(1)));
    const from = chunkOf(link.position!.start.line);
    if (owner === undefined || owner < 0 || owner === from) continue;
    edits.push(linkEdit(normalized, link, `${files[owner]}${link.url}`));
  }
  edits.push(...headingEdits(normalized, headings, chunkOf));
  return edits;
}

function linkEdit(source: string, link: Link, target: string): Edit {
  const start = link.position!.start.offset!;
  const end = link.position!.end.offset!;
  const written = source.slice(start, end);
  const url = written.lastIndexOf(`(${link.url}`);
  if (url >= 0)
    return {
      start: start + url + 1,
      end: start + url + 1 + link.url.length,
      text: target,
      note: `link ${link.url} → ${target}`,
    };
  // An implicit reference (`[Heading]`, `[text][Heading]`): its first brackets, then the target.
  let depth = 0;
  let close = 0;
  for (; close < written.length; close++) {
    if (written[close] === "[") depth++;
    else if (written[close] === "]" && --depth === 0) break;
  }
  const text = `${written.slice(0, close + 1)}(${target})`;
  return { start, end, text, note: `${written} → ${text} (a heading in another chapter)` };
}

/** Headings whose identifier, made unique within their own file, would differ from the whole manuscript's: written out. */
function headingEdits(source: string, headings: readonly Heading[], chunkOf: (line: number) => number): Edit[] {
  const edits: Edit[] = [];
  const byChunk = new Map<number, Heading[]>();
  for (const heading of headings) {
    const chunk = chunkOf(heading.position!.start.line);
    byChunk.set(chunk, [...(byChunk.get(chunk) ?? []), heading]);
  }
  for (const group of byChunk.values()) {
    const claims = new IdentifierClaims();
    const lines = group.map((heading) => source.split("\n")[heading.position!.start.line - 1]);
    const explicit = lines.map((line) => trailingAttributes(line.replace(/\s+#+\s*$/, ""))?.attributes.id);
    for (const id of explicit) if (id) claims.claimExplicit(id);
    group.forEach((heading, i) => {
      if (explicit[i]) return;
      const id = String((heading.data?.hProperties as { id?: string } | undefined)?.id);
      const alone = claims.claimAuto(textOf(heading).trim());
      if (alone === id) return;
      const lineStart = heading.position!.start.offset!;
      const lineEnd = lineStart + lines[i].length;
      const attributes = trailingAttributes(lines[i]);
      edits.push(
        attributes
          ? {
              start: lineStart + lines[i].lastIndexOf("{") + 1,
              end: lineStart + lines[i].lastIndexOf("{") + 1,
              text: `#${id} `,
              note: `heading given {#${id}}, its identifier in the whole manuscript`,
            }
          : {
              start: lineEnd,
              end: lineEnd,
              text: ` {#${id}}`,
              note: `heading given {#${id}}, its identifier in the whole manuscript`,
            },
      );
    });
  }
  return edits;
}
