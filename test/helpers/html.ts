/** Reading an HTML page back with a real HTML parser (parse5, the one rehype-raw uses): its elements, attributes and text. */
import { readFileSync } from "node:fs";
import { type DefaultTreeAdapterMap, parse } from "parse5";

export type HtmlElement = DefaultTreeAdapterMap["element"];
type Node = DefaultTreeAdapterMap["node"];

/** The elements of the page at `path`, in document order. */
export function htmlElements(path: string): HtmlElement[] {
  return descendants(parse(readFileSync(path, "utf8")));
}

/** The elements below `root`, in document order. */
export function descendants(root: Node): HtmlElement[] {
  const found: HtmlElement[] = [];
  const walk = (node: Node) => {
    if ("tagName" in node) found.push(node);
    const children =
      "content" in node && node.tagName === "template"
        ? node.content.childNodes
        : "childNodes" in node
          ? node.childNodes
          : [];
    for (const child of children) walk(child);
  };
  for (const child of "childNodes" in root ? root.childNodes : []) walk(child);
  return found;
}

export function attr(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** The text inside `element`, as a reader sees it (whitespace collapsed). */
export function htmlText(element: HtmlElement): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === "#text") parts.push((node as DefaultTreeAdapterMap["textNode"]).value);
    if ("childNodes" in node) for (const child of node.childNodes) walk(child);
  };
  walk(element);
  return parts.join("").replace(/\s+/g, " ").trim();
}
