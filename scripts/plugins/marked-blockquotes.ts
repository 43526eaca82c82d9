/** Block quotes that open with a marker line (`> [!NOTE]`, `> [!LETTER]`), as GitHub's alerts write them. */
import type { Blockquote, Root } from "mdast";
import { walk } from "../util/walk.js";

/**
 * Call `found` with each block quote of `tree` whose first line matches `marker` (anchored at its
 * start, ending with the line), after taking the marker's line out of it: its text, the hard break
 * that may end it, and the first paragraph when nothing else was in it.
 */
export function markedBlockquotes(
  tree: Root,
  marker: RegExp,
  found: (node: Blockquote, match: RegExpExecArray) => void,
): void {
  walk(
    tree,
    (node): node is Blockquote => node.type === "blockquote",
    (node) => {
      const first = node.children[0];
      if (first?.type !== "paragraph" || first.children[0]?.type !== "text") return;
      const text = first.children[0];
      const match = marker.exec(text.value);
      if (!match) return;
      text.value = text.value.slice(match[0].length);
      if (text.value === "") first.children.shift();
      // A hard break right after the marker (`[!NOTE]  ` then a line) is the marker's line end.
      if ((first.children[0] as { type: string } | undefined)?.type === "break") first.children.shift();
      if (first.children.length === 0) node.children.shift();
      found(node, match);
    },
  );
}
