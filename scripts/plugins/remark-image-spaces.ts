/**
 * remark plugin: `![alt](images/light house.svg)` is no image in CommonMark (a destination may not
 * hold a space unless written `<…>`), so the raw markdown would be printed into the book. Such an
 * image is found in the text, reported at its place with the two ways to write it, and made the
 * image its author meant (the image checks then see its file).
 */
import type { Image, Nodes, Root, Text } from "mdast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { placeInSource } from "../util/source-place.js";
import { SKIP, walkAll } from "../util/walk.js";

/** `![alt](path with spaces)` or `![alt](path with spaces "title")`, on one line. */
const spacedImage = /!\[([^\]\n]*)\]\(([^()<>\n"]*?\s[^()<>\n"]*?)(?:\s+"([^"\n]*)")?\)/g;

export const remarkImageSpaces: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  walkAll<Nodes>(tree, (node, index, parent) => {
    if (node.type === "code" || node.type === "inlineCode" || node.type === "html") return SKIP;
    if (node.type !== "text" || !parent || index === undefined || !node.value.includes("![")) return undefined;
    const parts = splitImages(node, file);
    if (!parts) return undefined;
    (parent as { children: Nodes[] }).children.splice(index, 1, ...parts);
    return index + parts.length;
  });
};

function splitImages(node: Text, file: VFile): (Text | Image)[] | undefined {
  const parts: (Text | Image)[] = [];
  let last = 0;
  for (const match of node.value.matchAll(spacedImage)) {
    const path = match[2].trim();
    if (!/\s/.test(path)) continue;
    const place = placeInSource(node.position, match.index, match[0], file);
    report(
      file,
      "image-path-space",
      `Image path \`${path}\` has a space, which markdown does not allow: write \`![${match[1]}](<${path}>)\` or \`![${match[1]}](${path.replace(/\s/g, (c) => encodeURIComponent(c))})\``,
      place,
    );
    if (match.index > last) parts.push({ type: "text", value: node.value.slice(last, match.index) });
    parts.push({ type: "image", url: encodeURI(path), alt: match[1], title: match[3] ?? null, position: place });
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return undefined;
  if (last < node.value.length) parts.push({ type: "text", value: node.value.slice(last) });
  return parts;
}
