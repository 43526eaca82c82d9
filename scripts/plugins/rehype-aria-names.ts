/**
 * rehype plugin: `aria-label` and `aria-labelledby` only where a name is allowed. ARIA forbids naming
 * a paragraph, a quotation, a span or an emphasis (their roles take no name), screen readers ignore
 * such a name, and Ace reports it (aria-prohibited-attr). The attribute is removed with a warning;
 * on elements whose role may be named (a link, a figure, a list, a table, a section…) or with an
 * explicit role that may be, it stays.
 */
import type { Element, Root } from "hast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { walkElements } from "../util/walk.js";

/** Elements whose implicit role may carry a name given by the author. */
const nameable = new Set([
  ..."a area article aside audio button details dialog dl fieldset figure footer form header hr iframe img input".split(
    " ",
  ),
  ..."li main math menu meter nav ol output progress section select summary svg table tbody td textarea tfoot".split(
    " ",
  ),
  ..."th thead tr ul video h1 h2 h3 h4 h5 h6".split(" "),
]);

/** Explicit roles that take no name (WAI-ARIA 1.2, as axe-core checks them). */
const unnameableRoles = new Set(
  "caption code deletion emphasis generic insertion mark none paragraph presentation strong subscript superscript suggestion".split(
    " ",
  ),
);

export const rehypeAriaNames: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  walkElements(tree, (node) => {
    if (node.tagName === "svg" || node.tagName === "math") return "skip";
    if (mayBeNamed(node)) return undefined;
    for (const [property, attribute] of [
      ["ariaLabel", "aria-label"],
      ["ariaLabelledBy", "aria-labelledby"],
    ] as const) {
      if (node.properties[property] === undefined) continue;
      delete node.properties[property];
      report(
        file,
        "html-aria-name",
        `\`${attribute}\` removed from \`<${node.tagName}>\`: ARIA lets no name be given to it, and screen readers ignore it; put the words in the text, or use an element that takes a name`,
        node.position,
      );
    }
    return undefined;
  });
};

function mayBeNamed(node: Element): boolean {
  const role = node.properties.role;
  if (role !== undefined) {
    const first = (Array.isArray(role) ? role.join(" ") : String(role)).trim().split(/\s+/)[0];
    return first !== "" && !unnameableRoles.has(first);
  }
  return nameable.has(node.tagName);
}
