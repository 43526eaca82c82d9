/** rehype plugin: remove raw HTML that could run a script or fetch a file, with a warning at its place. */
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";

const removedElements = new Set(["script", "iframe", "object", "embed", "applet", "base", "meta", "link", "frame", "frameset", "form", "input", "button", "textarea", "select", "noscript", "template", "audio", "video", "source", "track", "portal"]);
const urlProperties = ["href", "src", "action", "formAction", "poster", "background", "cite", "srcSet", "xLinkHref"];

export const rehypeUnsafeHtml: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  visit(tree, "element", (node, index, parent) => {
    if (removedElements.has(node.tagName) || (node.tagName === "style" && /url\s*\(|@import/i.test(textOf(node)))) {
      report(file, "html-unsafe", `Raw \`<${node.tagName}>\` removed: it could run a script or fetch a file`, node.position);
      if (parent && index !== undefined) parent.children.splice(index, 1);
      return [SKIP, index];
    }
    cleanProperties(node, file);
    return undefined;
  });
};

function cleanProperties(node: Element, file: VFile): void {
  for (const name of Object.keys(node.properties)) {
    const value = node.properties[name];
    const isHandler = /^on/i.test(name);
    const isScriptUrl = urlProperties.includes(name) && /^\s*(javascript|vbscript|data:text\/html)/i.test(String(value));
    const isRemoteStyle = name === "style" && /url\s*\(|expression\s*\(/i.test(String(value));
    if (isHandler || isScriptUrl || isRemoteStyle) {
      report(file, "html-unsafe", `Attribute \`${name}\` removed from \`<${node.tagName}>\`: it could run a script or fetch a file`, node.position);
      delete node.properties[name];
    }
  }
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === "text" ? child.value : "")).join("");
}
