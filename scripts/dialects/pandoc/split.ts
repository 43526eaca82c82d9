/**
 * A pandoc manuscript split into chapters at its level-1 headings, as pandoc's EPUB writer splits it:
 * each chapter is a range of the file's lines, named by its heading's identifier. Only headings at the
 * top of the file count (not one inside a fenced div, a list or a quote).
 */
import type { Heading, Root } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { directiveFromMarkdown } from "mdast-util-directive";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { directive } from "micromark-extension-directive";
import { frontmatter } from "micromark-extension-frontmatter";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { trailingAttributes } from "./attributes.js";
import { pandocIdentifier } from "./identifiers.js";

/** The lines (from 1, both included) of one chapter of a manuscript, and the name its file would have. */
export interface Excerpt {
  readonly start: number;
  readonly end: number;
  /** `01-introduction`: its place and its heading's identifier. */
  readonly name: string;
}

function blockSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(frontmatter(["yaml"]), directive());
  (data.fromMarkdownExtensions ??= []).push([frontmatterFromMarkdown(["yaml"]), directiveFromMarkdown()]);
}

const parser = unified().use(remarkParse).use(blockSyntax);

/** The chapters of `text` (normalized pandoc markdown); one excerpt, the whole file, when it has fewer than two level-1 headings. */
export function splitManuscript(text: string): Excerpt[] {
  const tree = parser.parse(text) as Root;
  const headings = tree.children.filter((node): node is Heading => node.type === "heading" && node.depth === 1);
  const lines = text.split("\n").length;
  if (headings.length < 2) return [{ start: 1, end: lines, name: "" }];
  return headings.map((heading, i) => ({
    // What comes before the first heading (a preamble) opens the first chapter.
    start: i === 0 ? 1 : heading.position!.start.line,
    end: i + 1 < headings.length ? headings[i + 1].position!.start.line - 1 : lines,
    name: `${String(i + 1).padStart(2, "0")}-${headingIdentifier(heading)}`,
  }));
}

/** A heading's explicit identifier (`{#id}`), else pandoc's automatic one. */
export function headingIdentifier(heading: Heading): string {
  const text = textOf(heading);
  const attributes = trailingAttributes(text);
  return attributes?.attributes.id ?? pandocIdentifier(attributes?.before ?? text);
}
