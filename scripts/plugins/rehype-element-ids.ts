/** rehype plugin (the last): record the ids of the chapter's elements for the link stage, and report an id used twice. */
import type { Root } from "hast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { draftData } from "../book.js";
import { report } from "../diagnostics.js";
import { walkElements } from "../util/walk.js";

export const rehypeElementIds: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const ids: string[] = [];
  const seen = new Set<string>();
  walkElements(tree, (node) => {
    const id = node.properties.id;
    if (typeof id !== "string") return;
    if (seen.has(id))
      report(
        file,
        "id-duplicate",
        `Id \`${id}\` is used twice in this chapter: give each element its own id`,
        node.position,
      );
    seen.add(id);
    ids.push(id);
  });
  draftData(file).ids = ids;
};
