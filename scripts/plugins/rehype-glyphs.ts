/**
 * rehype plugin: find, for every character of a chapter's text, the embedded font that draws it.
 * The fallback font files the chapter needs (an Arabic passage, an emoji) are recorded for the
 * editions to embed; a character no embedded font has would print as an empty box, and is a
 * warning at its first place in the chapter. Code is left out: it is set in the reader's or the
 * system's monospace font, which Folio does not embed. Math is set in the math font, which a
 * chapter with a formula needs.
 */
import type { Root, Text } from "hast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { draftData } from "../book.js";
import { report } from "../diagnostics.js";
import { glyphFinder, isInvisible } from "../util/glyphs.js";
import { SKIP, walkAll } from "../util/walk.js";

const unchecked = new Set(["code", "pre", "kbd", "samp", "script", "style", "svg", "math"]);

export interface GlyphOptions {
  /** The files of the book's regular body face (default: templates/fonts.json's). */
  readonly bodyFiles?: readonly string[];
}

export const rehypeGlyphs: Plugin<[GlyphOptions?], Root> =
  (options = {}) =>
  (tree: Root, file: VFile) => {
    const finder = glyphFinder(options.bodyFiles);
    const fallbacks = new Set<string>();
    const reported = new Set<number>();
    walkAll<Root | Root["children"][number]>(tree, (node) => {
      if (node.type === "element" && unchecked.has(node.tagName)) {
        // A formula is set in the math font: the chapter needs it embedded.
        if (node.tagName === "math" && finder.math) fallbacks.add(finder.math.file);
        return SKIP;
      }
      if (node.type !== "text") return undefined;
      let offset = 0;
      for (const character of node.value) {
        const codePoint = character.codePointAt(0)!;
        offset += character.length;
        // ASCII letters are in every body font: the common case costs one comparison.
        if (codePoint < 0x7f || isInvisible(codePoint)) continue;
        const found = finder.find(codePoint);
        if (found === "body") continue;
        if (found) {
          fallbacks.add(found.file);
          continue;
        }
        if (reported.has(codePoint)) continue;
        reported.add(codePoint);
        const hex = codePoint.toString(16).toUpperCase().padStart(4, "0");
        report(
          file,
          "glyph-missing",
          `Character \`${character}\` (U+${hex}) is in no font Folio embeds: it would print as an empty box; write it another way or leave it out`,
          placeOf(node, offset - character.length, character, file),
        );
      }
      return undefined;
    });
    draftData(file).fallbackFonts = [...fallbacks].sort();
  };

/** The place of the character at `index` of a text node: found in the node's span of the source, else the node's start. */
function placeOf(node: Text, index: number, character: string, file: VFile) {
  const start = node.position?.start;
  const end = node.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return node.position;
  const source = String(file.value);
  const before = node.value.slice(0, index);
  const occurrence = before.split(character).length - 1;
  let at = start.offset - 1;
  for (let i = 0; i <= occurrence; i++) {
    at = source.indexOf(character, at + 1);
    if (at < 0 || at >= end.offset) return node.position;
  }
  const text = source.slice(0, at);
  return { line: text.split("\n").length, column: at - text.lastIndexOf("\n") };
}
