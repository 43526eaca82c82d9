/**
 * remark plugin: TeX between dollars, as pandoc reads it, typeset to MathML at build time.
 * `$…$` is inline math when the opening `$` has a non-space after it, the closing one a non-space
 * before it and no digit after it (so "$5 and $10" stays text); `$$…$$`, inline or as a block, is a
 * display formula, set apart as `div.equation`. A label after a display formula, `$$ {#eq:name}` on
 * the closing line or `$$…$$ {#eq:name}` in a paragraph (pandoc-crossref's syntax), becomes the
 * formula's id. A formula that cannot be typeset is an error at its place (`math-invalid`).
 */
import type { Element } from "hast";
import type { InlineMath, Math as DisplayMath } from "mdast-util-math";
import { mathFromMarkdown } from "mdast-util-math";
import type { Parent, Root, Text } from "mdast";
import { math } from "micromark-extension-math";
import type { Processor } from "unified";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { texToMathml } from "../math/tex.js";
import { walk } from "../util/walk.js";

/** A label after a display formula's closing `$$`. */
const closingLabel = /^([ \t]*(?:>[ \t]?)*[ \t]*\${2,}[ \t]*)(\{#eq:[^}\s]+\})[ \t]*$/gm;
const paragraphLabel = /^[ \t]*\{#(eq:[^}\s]+)\}[ \t]*/;

type Labels = Map<number, string>;
const labelsKey = "folioMathLabels";

/** remark plugin: the math syntax (micromark-extension-math), then the formulas typeset. */
export function remarkMath(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(math());
  (data.fromMarkdownExtensions ??= []).push(mathFromMarkdown());
  // micromark-extension-math takes a closing fence followed by text for content: hand the parser the
  // line with the label blanked (same length, so every place stays) and keep the label by line.
  const parse = this.parser!;
  this.parser = (document: string, file: VFile) => {
    const labels: Labels = new Map();
    const blanked = document.includes("{#eq:") ? blankLabels(document, labels) : document;
    (file.data as Record<string, unknown>)[labelsKey] = labels;
    return parse(blanked, file);
  };
  return (tree: Root, file: VFile) => {
    const labels = ((file.data as Record<string, unknown>)[labelsKey] as Labels | undefined) ?? new Map();
    delete (file.data as Record<string, unknown>)[labelsKey];
    const source = String(file.value);
    walk(
      tree,
      (node): node is DisplayMath | InlineMath => node.type === "math" || node.type === "inlineMath",
      (node, index, parent) => typeset(node, index, parent as Parent | undefined, source, labels, file),
    );
  };
}

function blankLabels(document: string, labels: Labels): string {
  return document.replace(closingLabel, (line, fence: string, label: string, offset: number) => {
    labels.set(document.slice(0, offset).split("\n").length, label.slice(2, -1));
    return fence + " ".repeat(line.length - fence.length);
  });
}

function typeset(
  node: DisplayMath | InlineMath,
  index: number | undefined,
  parent: Parent | undefined,
  source: string,
  labels: Labels,
  file: VFile,
): number | undefined {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const dollars = /^\$+/.exec(source.slice(start, start + 8))?.[0].length ?? 2;
  if (
    node.type === "inlineMath" &&
    dollars === 1 &&
    !pandocDollars(source, start, end) &&
    parent &&
    index !== undefined
  ) {
    parent.children[index] = { type: "text", value: source.slice(start, end), position: node.position } as Text;
    return index + 1;
  }
  const display = node.type === "math" || dollars > 1;
  const result = texToMathml(node.value, display);
  if (!result.math) {
    const where = texPlace(source, node, result.problem?.offset);
    report(
      file,
      "math-invalid",
      `This formula cannot be typeset: ${result.problem?.reason}; fix the TeX (or write \\$ for a dollar sign)`,
      where,
    );
    node.data = {
      hName: "code",
      hProperties: { className: ["math-error"] },
      hChildren: [{ type: "text", value: node.value }],
    };
    return undefined;
  }
  const math = result.math;
  if (node.type === "math") {
    const label = labels.get(node.position?.end.line ?? 0);
    node.data = { hName: "div", hProperties: equation(label), hChildren: [math] };
  } else if (!display) node.data = { hName: "math", hProperties: math.properties, hChildren: math.children };
  else {
    const label = takeLabelAfter(parent, index);
    if (parent?.type === "paragraph" && parent.children.length === 1) {
      node.data = { hName: "math", hProperties: math.properties, hChildren: math.children };
      parent.data = { ...parent.data, hName: "div", hProperties: equation(label) };
      // Inside a paragraph, a display formula is a block span (an element the numbering can add to).
    } else node.data = { hName: "span", hProperties: equation(label), hChildren: [math] };
  }
  return undefined;
}

function equation(label: string | undefined): Element["properties"] {
  return label ? { className: ["equation"], id: label } : { className: ["equation"] };
}

/** pandoc's rule for single dollars: no space inside either dollar, no digit right after the closing one. */
function pandocDollars(source: string, start: number, end: number): boolean {
  return !/\s/.test(source[start + 1] ?? " ") && !/\s/.test(source[end - 2] ?? " ") && !/\d/.test(source[end] ?? "");
}

/** `$$…$$ {#eq:name}`: the label right after a display formula, taken out of the text. */
function takeLabelAfter(parent: Parent | undefined, index: number | undefined): string | undefined {
  const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
  const match = next?.type === "text" ? paragraphLabel.exec(next.value) : null;
  if (!match || !parent || index === undefined) return undefined;
  const rest = (next as Text).value.slice(match[0].length);
  if (rest) (next as Text).value = rest;
  else parent.children.splice(index + 1, 1);
  return match[1];
}

/** The place of offset `offset` of a formula's TeX in the chapter, else the formula's start. */
function texPlace(source: string, node: DisplayMath | InlineMath, offset: number | undefined) {
  const start = node.position?.start;
  if (offset === undefined || start?.offset === undefined) return node.position;
  const at = source.indexOf(node.value, start.offset);
  if (at < 0 || at > (node.position?.end.offset ?? at)) return node.position;
  const before = source.slice(0, at + Math.min(offset, node.value.length));
  return { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
}
