/** rehype plugin: parse raw HTML into the tree (rehype-raw), skipped for chapters that have none. */
import type { Nodes, Root } from "hast";
import rehypeRaw from "rehype-raw";
import type { VFile } from "vfile";
import { EXIT, walk } from "../util/walk.js";

// rehype-raw re-parses the whole tree through an HTML parser, a tenth of the transform stage on a long book;
// a chapter of plain markdown has no raw node, and re-parsing its tree changes nothing.
/** Run rehype-raw only when `tree` holds a raw HTML node. */
export function rehypeRawWhenNeeded() {
  const transform = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    let hasRaw = false;
    walk(tree, (node): node is Nodes => node.type === "raw", () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? transform(tree, file) : tree;
  };
}
