/**
 * rehype plugin: a thematic break (`***`, `---` or `___` between paragraphs) is a scene break: a
 * `<div class="scene-break" role="separator">`, which each theme draws as an ornament or as a blank
 * line (its mark is the CSS `content` of `::before`, so a screen reader announces a separator, not
 * a glyph). A div rather than `<hr>`: reading systems draw generated content on a div but not all on
 * an `<hr>`, and the print layout must be able to show the mark of a blank-line break that falls at
 * the head or foot of a page.
 */
import type { Root } from "hast";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";

export const rehypeSceneBreaks: Plugin<[], Root> = () => (tree: Root) => {
  walkElements(tree, (node) => {
    if (node.tagName !== "hr") return;
    node.tagName = "div";
    // Only its id is kept (a link may point at it): a separator that takes the focus (`tabindex` in raw
    // HTML) must carry a value (ARIA's aria-valuenow), and a break has none.
    const { id } = node.properties;
    node.properties = { ...(id === undefined ? {} : { id }), className: ["scene-break"], role: "separator" };
    node.children = [];
  });
};
