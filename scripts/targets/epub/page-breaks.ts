/** Page-break markers: where each printed page begins, placed before that word of the chapter's running text. */
import type { Element, ElementContent, Root, RootContent } from "hast";
import type { PageStart } from "../target.js";
import { isFootnotesSection } from "./footnotes.js";

/** The same words as `countWords` in scripts/util/words.ts counts, with where each begins. */
export function wordOffsets(text: string): number[] {
  return [...text.normalize("NFC").matchAll(/[\p{L}\p{N}]+/gu)].map((match) => match.index);
}

/** The id of the marker of the page labelled `label`. */
export function pageId(label: string): string {
  return `page-${label.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

/** A marker that readers and assistive technology announce as the start of page `label`. */
export function pageBreak(label: string): Element {
  return {
    type: "element",
    tagName: "span",
    properties: { id: pageId(label), "epub:type": "pagebreak", role: "doc-pagebreak", ariaLabel: label },
    children: [],
  };
}

/**
 * Insert a marker where each page of this chapter begins: before its first word, counting words
 * over the text nodes in document order and leaving out the footnotes section, or before its
 * first image when the page opens with one (a figure carried over to the next page). Pages
 * that begin after the last word are marked at the end of the text. Returns the labels marked,
 * in order.
 */
export function insertPageBreaks(tree: Root, starts: readonly PageStart[]): string[] {
  const pending = [...starts].sort((a, b) => a.wordIndex - b.wordIndex || (a.imageIndex ?? 0) - (b.imageIndex ?? 0));
  const marked: string[] = [];
  const mark = (start: PageStart): Element => {
    marked.push(start.label);
    return pageBreak(start.label);
  };
  // A page that begins with the chapter is marked before its first element, not inside its heading.
  const opening: Element[] = [];
  while (pending.length > 0 && pending[0].wordIndex <= 0 && (pending[0].imageIndex ?? 0) <= 0)
    opening.push(mark(pending.shift()!));
  tree.children.unshift(...opening);
  let seen = 0;
  let images = 0;
  const walk = (parent: Root | Element): void => {
    for (let i = 0; i < parent.children.length && pending.length > 0; i++) {
      const node = parent.children[i];
      if (node.type === "element" && node.tagName === "img") {
        // Pages whose first word is still to come but whose images before them are all seen open with this one.
        const markers: Element[] = [];
        while (pending.length > 0 && pending[0].wordIndex >= seen && (pending[0].imageIndex ?? 0) === images)
          markers.push(mark(pending.shift()!));
        images++;
        parent.children.splice(i, 0, ...markers);
        i += markers.length;
        continue;
      }
      if (node.type === "element" && !isFootnotesSection(node)) walk(node);
      if (node.type !== "text") continue;
      const value = node.value.normalize("NFC");
      const offsets = wordOffsets(value);
      const pieces: (RootContent & ElementContent)[] = [];
      let from = 0;
      while (pending.length > 0 && pending[0].wordIndex < seen + offsets.length) {
        const start = pending.shift()!;
        const at = offsets[Math.max(0, start.wordIndex - seen)];
        if (at > from) pieces.push({ type: "text", value: value.slice(from, at) });
        pieces.push(mark(start));
        from = at;
      }
      seen += offsets.length;
      if (pieces.length === 0) continue;
      pieces.push({ type: "text", value: value.slice(from) });
      parent.children.splice(i, 1, ...(pieces as never[]));
      i += pieces.length - 1;
    }
  };
  walk(tree);
  const end = [...tree.children]
    .reverse()
    .find((node): node is Element => node.type === "element" && !isFootnotesSection(node));
  for (const start of pending) {
    const marker = mark(start);
    if (end) end.children.push(marker);
    else tree.children.push(marker);
  }
  return marked;
}
