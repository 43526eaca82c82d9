/** Languages in the EPUB: every element with `lang` also gets `xml:lang`, and a chapter written wholly in one language says so. */
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

/** Give every element that has a `lang` the same `xml:lang`, in place. */
export function markLanguages(tree: Root): void {
  visit(tree, "element", (node) => {
    if (typeof node.properties.lang === "string" && node.properties.lang) node.properties.xmlLang = node.properties.lang;
  });
}

/** The language of the chapter's document: that of its one top element when it has one, else `fallback`. */
export function documentLanguage(tree: Root, fallback: string): string {
  const top = tree.children.filter((node) => !(node.type === "text" && node.value.trim() === "") && node.type !== "comment");
  const only = top.length === 1 && top[0].type === "element" ? (top[0] as Element) : undefined;
  return typeof only?.properties.lang === "string" && only.properties.lang ? only.properties.lang : fallback;
}
