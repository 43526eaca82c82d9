/** rehype plugin: remove raw HTML that could run a script or fetch a file, with a warning at its place. */
import type { Element, Root } from "hast";
import { find, html } from "property-information";
import type { Plugin } from "unified";
import { SKIP, walkElements } from "../util/walk.js";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";

/** Elements that run code, load documents or resources, submit data, or change how the page resolves addresses. */
const removedElements = new Set([
  "script",
  "iframe",
  "object",
  "embed",
  "applet",
  "base",
  "meta",
  "link",
  "frame",
  "frameset",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "noscript",
  "template",
  "audio",
  "video",
  "source",
  "track",
  "portal",
  "picture",
  "slot",
  "dialog",
  // SVG: scripted animation can set any attribute (an href to `javascript:`); foreignObject nests HTML the checks above already cover.
  "animate",
  "set",
  "animatemotion",
  "animatetransform",
  "handler",
  "listener",
]);

/** Attributes that make an element (other than a link or an image, which other plugins check) load something. */
const fetchingProperties = [
  "src",
  "srcSet",
  "href",
  "xLinkHref",
  "poster",
  "background",
  "data",
  "lowsrc",
  "dynsrc",
  "longDesc",
  "ping",
  "manifest",
  "codeBase",
  "archive",
  "action",
  "formAction",
];

/** Elements whose href is a link the reader follows, not a resource the page loads. */
const linkElements = new Set(["a", "area"]);

/** CSS that can fetch a file or run code: url(), @import, image-set(), expression(), bindings, and escapes that could spell them. */
const unsafeCss = /url\s*\(|@import|image-set|expression\s*\(|binding|behavior|\\/i;

export const rehypeUnsafeHtml: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  walkElements(tree, (node, index, parent) => {
    const name = node.tagName.toLowerCase();
    if (removedElements.has(name) || (name === "style" && unsafeCss.test(textOf(node)))) {
      report(
        file,
        "html-unsafe",
        `Raw \`<${node.tagName}>\` removed: it could run a script or fetch a file`,
        node.position,
      );
      if (parent && index !== undefined) parent.children.splice(index, 1);
      return [SKIP, index];
    }
    cleanProperties(node, file);
    return undefined;
  });
};

function cleanProperties(node: Element, file: VFile): void {
  for (const name of Object.keys(node.properties)) {
    if (isUnsafeProperty(node, name, node.properties[name])) {
      report(
        file,
        "html-unsafe",
        `Attribute \`${find(html, name).attribute}\` removed from \`<${node.tagName}>\`: it could run a script or fetch a file`,
        node.position,
      );
      delete node.properties[name];
    }
  }
}

function isUnsafeProperty(node: Element, name: string, value: unknown): boolean {
  const text = Array.isArray(value) ? value.join(" ") : String(value);
  // Browsers ignore control characters and spaces inside a scheme: `java\tscript:` still runs.
  const compact = text.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  if (/^on/i.test(name)) return true;
  if (/^(javascript|vbscript|livescript|data:text\/html|data:image\/svg|data:application)/.test(compact)) return true;
  if (name === "style") return unsafeCss.test(text);
  if (!fetchingProperties.includes(name)) return false;
  if (linkElements.has(node.tagName) && name === "href") return false;
  if (node.tagName === "img" && name === "src") return false;
  // Within the same document (SVG `<use href="#shape">`) nothing is fetched.
  return !((name === "href" || name === "xLinkHref") && compact.startsWith("#"));
}

function textOf(node: Element): string {
  return node.children.map((child) => (child.type === "text" ? child.value : "")).join("");
}
