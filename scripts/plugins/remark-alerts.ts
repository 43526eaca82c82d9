/**
 * remark plugin: GitHub's alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`)
 * become callouts: a `<div class="callout callout-note" role="note">` that opens with its title as
 * a paragraph, so that every edition shows and a screen reader announces what kind of note it is.
 * The title is written in the chapter's language by rehype-chapter-words, once that is known.
 * Written here rather than taken from npm: the alert plugins there emit GitHub's inline SVG icons
 * and a bare div, where a book wants no icon to fetch or describe and a note role.
 */
import type { Blockquote, Paragraph, Root } from "mdast";
import type { Plugin } from "unified";
import { walk } from "../util/walk.js";
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
  walk(
    tree,
    (node): node is Blockquote => node.type === "blockquote",
    (node) => {
      const first = node.children[0];
      if (first?.type !== "paragraph" || first.children[0]?.type !== "text") return;
      const text = first.children[0];
      const match = marker.exec(text.value);
      if (!match) return;
      const kind = match[1].toLowerCase();
      text.value = text.value.slice(match[0].length);
      if (text.value === "") first.children.shift();
      // A hard break right after the marker (`[!NOTE]  ` then a line) is the marker's line end.
      if ((first.children[0] as { type: string } | undefined)?.type === "break") first.children.shift();
      if (first.children.length === 0) node.children.shift();
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
    },
  );
};
