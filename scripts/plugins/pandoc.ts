/** The plugins that read pandoc's markdown, in their order (after the syntax, before Folio's own typography), and the HTML handlers of the nodes they add. */
import { mdast2hastGridTablesHandler, TYPE_TABLE } from "@adobe/mdast-util-gridtables";
import { defListHastHandlers } from "mdast-util-definition-list";
import type { Handlers } from "mdast-util-to-hast";
import type { PluggableList } from "unified";
import { remarkPandocBlocks } from "./remark-pandoc-blocks.js";
import { remarkPandocHeadings } from "./remark-pandoc-headings.js";
import { remarkPandocInline } from "./remark-pandoc-inline.js";
import { remarkPandocSmart } from "./remark-pandoc-smart.js";
import { remarkPandocSyntax } from "./remark-pandoc-syntax.js";
import { remarkPandocUnsupported } from "./remark-pandoc-unsupported.js";

/** Headings first (their identifiers are the whole file's, before a split manuscript's chapter is cut), then blocks, inlines, dashes, and what is left unread. */
export const pandocPlugins: PluggableList = [
  remarkPandocSyntax,
  remarkPandocHeadings,
  remarkPandocBlocks,
  remarkPandocInline,
  remarkPandocSmart,
  remarkPandocUnsupported,
];

export const pandocHandlers = {
  ...defListHastHandlers,
  [TYPE_TABLE]: mdast2hastGridTablesHandler(),
} as unknown as Partial<Handlers>;
