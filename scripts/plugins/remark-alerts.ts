/**
 * remark plugin: GitHub's alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`)
 * become callouts: a `<div class="callout callout-note" role="note">` that opens with its title as
 * a paragraph, so that every edition shows and a screen reader announces what kind of note it is.
 * The title is written in the chapter's language by rehype-chapter-words, once that is known.
 * Written here rather than taken from npm: the alert plugins there emit GitHub's inline SVG icons
 * and a bare div, where a book wants no icon to fetch or describe and a note role.
 */
import type { Paragraph, Root } from "mdast";
import type { Plugin } from "unified";
import { markedBlockquotes } from "./marked-blockquotes.js";
import { folioWord } from "./rehype-chapter-words.js";

/** The key of each kind's title in the language tables (templates/languages/). */
const titles: Readonly<Record<string, string>> = {
  note: "calloutNote",
  tip: "calloutTip",
  important: "calloutImportant",
  warning: "calloutWarning",
  caution: "calloutCaution",
};
/** The marker, alone on the alert's first line (GitHub ignores it anywhere else). */
const marker = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;

export const remarkAlerts: Plugin<[], Root> = () => (tree: Root) => {
  markedBlockquotes(tree, marker, (node, match) => {
    const kind = match[1].toLowerCase();
    const title: Paragraph = {
      type: "paragraph",
      children: [],
      data: { hProperties: { className: ["callout-title"], [folioWord]: titles[kind] } },
    };
    node.children.unshift(title);
    node.data = {
      ...node.data,
      hName: "div",
      hProperties: { className: ["callout", `callout-${kind}`], role: "note" },
    };
  });
};
