/**
 * TeX to MathML, at build time, with temml: MathML Core, which Chromium lays out with the book's
 * OpenType math font, and which EPUB reading systems read. Chosen over KaTeX's MathML output, whose
 * `\mathbb`, `\mathbf`, `\vec` and `\overline` rely on MathML 3 attributes Chromium ignores (they printed
 * as plain italic letters), and over MathJax's SVG (20 times slower per formula, 12 times larger,
 * and no text to search or read aloud): see the README, "Math".
 */
import type { Element, ElementContent, Root } from "hast";
import { raw } from "hast-util-raw";
import temml from "temml";

export interface TexResult {
  /** The `math` element, with its TeX as `alttext`. */
  readonly math?: Element;
  /** Why the TeX cannot be typeset, and where in it (an offset into the TeX), when it cannot. */
  readonly problem?: { readonly reason: string; readonly offset?: number };
}

/** Typeset `tex` (inline, or as a display formula). */
export function texToMathml(tex: string, display: boolean): TexResult {
  let markup: string;
  try {
    markup = temml.renderToString(tex, { displayMode: display, throwOnError: true, annotate: false });
  } catch (error) {
    return { problem: problemOf(error as Error & { position?: number }) };
  }
  const root = raw({ type: "root", children: [{ type: "raw", value: markup }] }) as Root;
  const math = root.children.find((node): node is Element => node.type === "element" && node.tagName === "math");
  if (!math) return { problem: { reason: "the math engine gave no formula" } };
  const { className: _class, style: _style, ...properties } = math.properties;
  return {
    math: {
      ...math,
      properties: { ...properties, ...(display ? { display: "block" } : {}), alttext: tex.trim().replace(/\s+/g, " ") },
      children: math.children as ElementContent[],
    },
  };
}

/** temml's message without its excerpt of the formula (`… at position 3: a_̲b`), which the diagnostic's place replaces. */
function problemOf(error: Error & { position?: number }): TexResult["problem"] {
  if (error.name !== "ParseError")
    // temml 0.13.5 throws a TypeError, not a ParseError, for a `^` or `_` with nothing after it.
    return { reason: "it is incomplete: a `^`, `_` or command lacks what follows it" };
  const reason = error.message
    .replace(/^\s*/, "")
    .replace(/\s+at (?:position \d+|end of input):[\s\S]*$/, "")
    .trim();
  return { reason, offset: error.position };
}
