/**
 * A chapter's tree with what the numbering stage decided written into it: each numbered thing's
 * caption opens with its name (`Figure 3.2: `), a numbered equation shows its number, and each
 * reference holds its words and links.
 */
import type { Element, ElementContent, Root } from "hast";
import { walkElements } from "../util/walk.js";
import type { Target } from "./numbering.js";
import type { Words } from "../language/words.js";

/**
 * Write `references` (the nodes of each of the chapter's references, in order; undefined where a
 * label was missing) and the captions of `targets` (by element id) into `tree`, in place.
 */
export function labelTree(
  tree: Root,
  references: readonly (ElementContent[] | undefined)[],
  targets: ReadonlyMap<string, Target>,
  words: Words,
): Root {
  walkElements(tree, (node) => {
    const reference = node.properties.dataFolioReference;
    if (reference !== undefined) {
      delete node.properties.dataFolioReference;
      const nodes = references[Number(reference)];
      if (nodes) node.children = structuredClone(nodes);
      return "skip";
    }
    const target = typeof node.properties.id === "string" ? targets.get(node.properties.id) : undefined;
    if (target) caption(node, target, words);
    return undefined;
  });
  return tree;
}

/** Open the element's caption with the target's name, or show an equation's number. */
function caption(node: Element, target: Target, words: Words): void {
  if (target.kind === "eq") {
    node.properties.className = [...[node.properties.className ?? []].flat().map(String), "numbered-equation"];
    node.children.push(span("equation-number", `(${target.number})`));
    return;
  }
  const tag = node.tagName === "table" ? "caption" : node.tagName === "figure" ? "figcaption" : undefined;
  if (!tag) return;
  let holder = node.children.find((child): child is Element => child.type === "element" && child.tagName === tag);
  if (!holder) {
    holder = { type: "element", tagName: tag, properties: {}, children: [] };
    // A table's caption and a listing's come first; an image's comes after it.
    const first = tag === "caption" || [node.properties.className ?? []].flat().includes("listing");
    if (first) node.children.unshift(holder);
    else node.children.push(holder);
  }
  const hasText = holder.children.some((child) => child.type !== "text" || child.value.trim() !== "");
  holder.children.unshift(
    span("caption-label", target.name),
    ...(hasText ? [{ type: "text", value: words("captionSeparator") } as ElementContent] : []),
  );
}

function span(className: string, value: string): Element {
  return {
    type: "element",
    tagName: "span",
    properties: { className: [className] },
    children: [{ type: "text", value }],
  };
}
