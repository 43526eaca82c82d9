/** Languages in the EPUB: every element with `lang` also gets `xml:lang`, as XHTML readers expect. */
import type { Root } from "hast";
import { visit } from "unist-util-visit";

/** Give every element that has a `lang` the same `xml:lang`, in place. */
export function markLanguages(tree: Root): void {
  visit(tree, "element", (node) => {
    if (typeof node.properties.lang === "string" && node.properties.lang) node.properties.xmlLang = node.properties.lang;
  });
}
