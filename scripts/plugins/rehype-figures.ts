/** rehype plugin: an image alone in its paragraph is a figure; its title, when it has one, becomes the caption. */
import type { Element, ElementContent, Root } from "hast";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";

export const rehypeFigures: Plugin<[], Root> = () => (tree: Root) => {
  walkElements(tree, (node, index, parent) => {
    if (node.tagName !== "p" || !parent || index === undefined) return;
    const image = loneImage(node.children);
    if (!image) return;
    const title = typeof image.properties.title === "string" ? image.properties.title.trim() : "";
    delete image.properties.title;
    const children: ElementContent[] = [image];
    if (title)
      children.push({
        type: "element",
        tagName: "figcaption",
        properties: {},
        children: [{ type: "text", value: title }],
      });
    parent.children[index] = { type: "element", tagName: "figure", properties: {}, children, position: node.position };
  });
};

/** The paragraph's image when it holds nothing else but white space. */
function loneImage(children: readonly ElementContent[]): Element | undefined {
  const meaningful = children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
  const [only] = meaningful;
  return meaningful.length === 1 && only.type === "element" && only.tagName === "img" ? only : undefined;
}
