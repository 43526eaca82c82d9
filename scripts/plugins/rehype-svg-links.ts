/**
 * rehype plugin: SVG links that readers of an EPUB can hear. EPUBCheck warns about an SVG `<a>`
 * with no `<title>` child nor `xlink:title` (ACC-011). An `<a>` left with no address (its unsafe one
 * was removed) becomes a plain group `<g>`; a link without a title gets one from its visible text,
 * else from its address, with a warning asking the author for a real one. An SVG that holds links
 * loses `role="img"`, which would hide them from screen readers (Ace: nested-interactive).
 */
import type { Element, ElementContent, Root } from "hast";
import { toString as textOf } from "hast-util-to-string";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { walkElements } from "../util/walk.js";

export const rehypeSvgLinks: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  walkElements(tree, (svg) => {
    if (svg.tagName !== "svg") return undefined;
    let links = 0;
    walkElements(svg, (node) => {
      if (node.tagName === "a" && repairLink(node, file)) links++;
    });
    if (links > 0 && svg.properties.role === "img") {
      delete svg.properties.role;
      report(
        file,
        "svg-link-title",
        'This SVG holds links, which `role="img"` hides from screen readers: Folio removed the role; describe the drawing with its `<title>` and each link with its own',
        svg.position,
      );
    }
    return "skip";
  });
};

/** Give `link` a title or make it a group; true when it is still a link. */
function repairLink(link: Element, file: VFile): boolean {
  const address = link.properties.href ?? link.properties.xLinkHref;
  if (address === undefined || address === null || address === "") {
    link.tagName = "g";
    return false;
  }
  const titled = link.children.some((child) => child.type === "element" && child.tagName === "title");
  if (titled || link.properties.xLinkTitle) return true;
  const visible = textOf(link).replace(/\s+/g, " ").trim();
  const title = visible || String(address);
  const element: ElementContent = {
    type: "element",
    tagName: "title",
    properties: {},
    children: [{ type: "text", value: title }],
  };
  link.children.unshift(element);
  report(
    file,
    "svg-link-title",
    `SVG link to \`${String(address)}\` has no title, which screen readers announce: Folio titled it \`${title}\`; give it a \`<title>\` child saying where it leads`,
    link.position,
  );
  return true;
}
