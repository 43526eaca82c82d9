/**
 * rehype plugin: a chapter wholly written in another language is wrapped in one element with `lang`
 * (`<div lang="fr">`, blank lines around its markdown). The wrapper goes, and its language becomes the
 * chapter's, which each edition puts on the chapter's own element or document.
 */
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { draftData } from "../book.js";

export const rehypeChapterLang: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const content = tree.children.filter(
    (node) => !(node.type === "text" && node.value.trim() === "") && node.type !== "comment",
  );
  const notes = content.filter((node) => node.type === "element" && node.properties.dataFootnotes !== undefined);
  const [wrapper, ...rest] = content.filter((node) => !notes.includes(node));
  if (rest.length > 0 || wrapper?.type !== "element" || !isLangWrapper(wrapper)) return;
  draftData(file).lang = String(wrapper.properties.lang);
  tree.children.splice(tree.children.indexOf(wrapper), 1, ...wrapper.children);
};

function isLangWrapper(node: Element): boolean {
  const { lang, ...others } = node.properties;
  return (
    (node.tagName === "div" || node.tagName === "section") &&
    typeof lang === "string" &&
    lang !== "" &&
    Object.keys(others).length === 0
  );
}
