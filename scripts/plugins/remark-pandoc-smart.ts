/**
 * remark plugin, pandoc chapters: dashes as pandoc's `smart` extension makes them, `---` an em dash and
 * `--` an en dash (Folio's own typography, after this, reads `--` as an em dash, as SmartyPants does).
 * Quotes and ellipses are left to Folio's smart punctuation, which makes them as pandoc does.
 */
import type { Nodes, Root } from "mdast";
import { walkAll } from "../util/walk.js";

export function remarkPandocSmart() {
  return (tree: Root) => {
    walkAll<Nodes>(tree, (node) => {
      if (node.type === "text" && node.value.includes("--"))
        node.value = node.value.replace(/---/g, "\u2014").replace(/--/g, "\u2013");
    });
  };
}
