/**
 * rehype plugin (after rehype-slug): landmarks a reader can tell apart. Raw `<aside>`, `<nav>` and
 * named `<section>` elements are landmarks inside a chapter; two of the same kind and name are
 * indistinguishable to a screen reader (Ace: landmark-unique). An unnamed one that holds a heading
 * is named by it (`aria-labelledby`), which is what the author meant; any that are still alike are
 * reported, and the EPUB then makes no WCAG conformance claim.
 */
import type { Element, Root } from "hast";
import { toString as textOf } from "hast-util-to-string";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { draftData } from "../book.js";
import { report } from "../diagnostics.js";
import { walkElements } from "../util/walk.js";

const landmarkRoles = new Set([
  "banner",
  "complementary",
  "contentinfo",
  "form",
  "main",
  "navigation",
  "region",
  "search",
]);
const headings = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

export const rehypeLandmarks: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const ids = new Map<string, Element>();
  const landmarks: Element[] = [];
  walkElements(tree, (node) => {
    if (typeof node.properties.id === "string") ids.set(node.properties.id, node);
    if (roleOf(node, nameOf(node, ids)) !== undefined) landmarks.push(node);
  });
  if (landmarks.length < 2) return;
  const key = (node: Element) => `${roleOf(node, nameOf(node, ids))}\0${nameOf(node, ids)}`;
  const count = (k: string) => landmarks.filter((node) => key(node) === k).length;
  for (const node of landmarks) {
    if (count(key(node)) < 2 || nameOf(node, ids) !== "") continue;
    const heading = firstHeading(node);
    if (heading) node.properties.ariaLabelledBy = [String(heading.properties.id)];
  }
  const seen = new Set<string>();
  for (const node of landmarks) {
    const k = key(node);
    if (!seen.has(k)) {
      seen.add(k);
      continue;
    }
    draftData(file).accessibilityGaps = [
      ...new Set([...(draftData(file).accessibilityGaps ?? []), "landmark-duplicate" as const]),
    ].sort();
    const name = nameOf(node, ids);
    report(
      file,
      "html-landmark-duplicate",
      `A second \`<${node.tagName}>\`${name ? ` named \`${name}\`` : " with no name"} in this chapter: a screen reader cannot tell them apart; give each a heading or a distinct \`aria-label\``,
      node.position,
    );
  }
};

/** The landmark role of `node` (explicit, else what its element implies), or undefined. */
function roleOf(node: Element, name: string): string | undefined {
  const explicit = node.properties.role;
  if (explicit !== undefined) {
    const first = (Array.isArray(explicit) ? explicit.join(" ") : String(explicit)).trim().split(/\s+/)[0];
    return landmarkRoles.has(first) ? first : undefined;
  }
  if (node.tagName === "aside") return "complementary";
  if (node.tagName === "nav") return "navigation";
  if (node.tagName === "main") return "main";
  if ((node.tagName === "section" || node.tagName === "form") && name !== "")
    return node.tagName === "form" ? "form" : "region";
  return undefined;
}

/** The accessible name a landmark gets from `aria-labelledby`, `aria-label` or `title`. */
function nameOf(node: Element, ids: ReadonlyMap<string, Element>): string {
  const labelledBy = node.properties.ariaLabelledBy;
  if (labelledBy !== undefined) {
    const list = Array.isArray(labelledBy) ? labelledBy : String(labelledBy).split(/\s+/);
    const text = list.map((id) => (ids.get(String(id)) ? textOf(ids.get(String(id))!) : "")).join(" ");
    if (text.trim()) return text.replace(/\s+/g, " ").trim();
  }
  return String(node.properties.ariaLabel ?? node.properties.title ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

function firstHeading(node: Element): Element | undefined {
  let found: Element | undefined;
  walkElements(node, (child) => {
    if (found) return false;
    if (headings.has(child.tagName) && typeof child.properties.id === "string") found = child;
    return undefined;
  });
  return found;
}
