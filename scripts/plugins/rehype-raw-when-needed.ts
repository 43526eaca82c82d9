/** rehype plugin: parse raw HTML into the tree (rehype-raw), skipped for chapters that have none. */
import type { Nodes, Root } from "hast";
import type { VFile } from "vfile";
import { EXIT, walk } from "../util/walk.js";

// rehype-raw re-parses the whole tree through an HTML parser, a tenth of the transform stage on a long book;
// a chapter of plain markdown has no raw node, and re-parsing its tree changes nothing. The parser is
// loaded only for a chapter that needs it: a rebuild of plain chapters never loads it.
let raw: Promise<(tree: Root, file: VFile) => Root> | undefined;

/** Run rehype-raw only when `tree` holds a raw HTML node. */
export function rehypeRawWhenNeeded() {
  return async (tree: Root, file: VFile): Promise<Root> => {
    let hasRaw = false;
    walk(
      tree,
      (node): node is Nodes => node.type === "raw",
      () => {
        hasRaw = true;
        return EXIT;
      },
    );
    if (!hasRaw) return tree;
    raw ??= import("rehype-raw").then(({ default: rehypeRaw }) => rehypeRaw() as (tree: Root, file: VFile) => Root);
    return (await raw)(tree, file);
  };
}
