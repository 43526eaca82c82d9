/** Languages in the EPUB: every element with `lang` also gets `xml:lang`, as XHTML readers expect. */
import type { Root } from "hast";
import { walkElements } from "../../util/walk.js";

/** Give every element that has a `lang` the same `xml:lang`, in place. */
export function markLanguages(tree: Root): void {
  walkElements(tree, (node) => {
    if (typeof node.properties.lang === "string" && node.properties.lang)
      node.properties.xmlLang = node.properties.lang;
  });
}
