/**
 * GitHub-flavoured markdown, as remark-gfm adds it (footnotes, strikethrough, tables, task lists,
 * autolink literals), with autolink literals left out of a chapter that cannot hold one.
 *
 * Bare URLs and e-mail addresses are the costliest part of GFM to parse: an address can start at any
 * word, so the parser tries one at every word of the book (about a tenth of the transform on a long
 * book). A literal needs `www`, `http` or an `@` in the text, written out or as a character reference;
 * a chapter with none of these parses to the same tree without the extension.
 * test/gfm-parts.test.ts holds the result to remark-gfm's.
 */
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { combineExtensions } from "micromark-util-combine-extensions";
import type { Processor } from "unified";

export interface GfmOptions {
  /** Parse bare URLs and e-mail addresses into links (set it from `mayHoldAutolinkLiteral`). */
  readonly autolinkLiterals: boolean;
  /** Whether `~one tilde~` strikes through, as on GitHub (default); pandoc reads it as subscript. */
  readonly singleTilde?: boolean;
}

/** Whether `markdown` may hold a bare URL or e-mail address (true also whenever it holds a character reference). */
export function mayHoldAutolinkLiteral(markdown: string): boolean {
  // Spelt out rather than one case-blind alternation, which scans a long chapter many times slower.
  return (
    markdown.includes("@") ||
    /[wW][wW][wW]|[hH][tT][tT][pP]/.test(markdown) ||
    (markdown.includes("&") && /&(?:#|[a-z][a-z\d]*;)/i.test(markdown))
  );
}

/** remark plugin: the GFM syntax, in remark-gfm's order. */
export function remarkGfmParts(this: Processor, options: GfmOptions): void {
  const data = this.data();
  const literals = options.autolinkLiterals;
  (data.micromarkExtensions ??= []).push(
    combineExtensions([
      ...(literals ? [gfmAutolinkLiteral()] : []),
      gfmFootnote(),
      gfmStrikethrough({ singleTilde: options.singleTilde ?? true }),
      gfmTable(),
      gfmTaskListItem(),
    ]),
  );
  (data.fromMarkdownExtensions ??= []).push([
    ...(literals ? [gfmAutolinkLiteralFromMarkdown()] : []),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  ]);
}
