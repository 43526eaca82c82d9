/**
 * rehype plugin: repair raw HTML that an HTML parser accepts but the EPUB 3 content model refuses,
 * with a warning at its place. An element no standard knows (mdBook's `<Listing>`, a custom
 * `<my-widget>`) becomes a `<div>` or `<span>` with its name as class; an inline element (or a
 * paragraph) that holds blocks gives way to its children; an element outside the parent it needs
 * (a stray `<li>`) becomes a `<div>`; a figure's caption that is neither first nor last, and a line
 * break standing directly in a figure, are moved or removed. An attribute whose name XML cannot
 * hold is dropped. The text stays and every edition validates.
 */
import type { Element, ElementContent, Root } from "hast";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { whitespace } from "hast-util-whitespace";
import { report } from "../diagnostics.js";
import { addClass } from "./rehype-obsolete-html.js";
import { attributeName, flow, knownElements, phrasing, requiredParents } from "./content-categories.js";
import { obsoleteElements } from "./html-vocabulary.js";

export const rehypeContentModel: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  repairChildren(tree, false, file);
};

/**
 * Repair the children of `parent`; `inPhrasing` is true inside an element that holds only phrasing
 * content (a paragraph, a heading, a span), where a link, say, may not hold a block either.
 */
function repairChildren(parent: Root | Element, inPhrasing: boolean, file: VFile): void {
  let index = 0;
  while (index < parent.children.length) {
    const node = parent.children[index];
    if (node.type !== "element" || node.tagName === "svg" || node.tagName === "math" || node.tagName === "template") {
      index++;
      continue;
    }
    renameElement(node, parent.type === "root" ? undefined : parent, inPhrasing, file);
    dropBadAttributeNames(node, file);
    const allowed = requiredParents[node.tagName];
    if (allowed && !(parent.type === "element" && allowed.includes(parent.tagName))) {
      report(
        file,
        "html-misplaced",
        `\`<${node.tagName}>\` may stand only in ${allowed.map((name) => `\`<${name}>\``).join(" or ")}: made a \`<div>\``,
        node.position,
      );
      addClass(node, node.tagName);
      node.tagName = "div";
    }
    if (node.tagName === "figure") repairFigure(node, file);
    if (listTags.has(node.tagName)) wrapListContent(node, file);
    const block = node.children.find((child): child is Element => child.type === "element" && flow.has(child.tagName));
    if (inPhrasing && flow.has(node.tagName)) {
      report(
        file,
        "html-misplaced",
        `\`<${node.tagName}>\` may not stand inside a paragraph, heading or inline element: its content is kept without it`,
        node.position,
      );
      parent.children.splice(index, 1, ...node.children);
      continue;
    }
    if (!inPhrasing && block && phrasing.has(node.tagName)) {
      report(
        file,
        "html-misplaced",
        `\`<${node.tagName}>\` may not hold the block \`<${block.tagName}>\`: its content is kept without it`,
        node.position,
      );
      // Repair the lifted children in their new place: one of them may need the same repair.
      parent.children.splice(index, 1, ...node.children);
      continue;
    }
    repairChildren(node, inPhrasing || phrasing.has(node.tagName), file);
    index++;
  }
}

const listTags = new Set(["ul", "ol", "menu"]);

/** A list holds list items only: anything else in it (text, a `<div>`) goes into an item of its own. */
function wrapListContent(list: Element, file: VFile): void {
  const stray = list.children.find(
    (child) =>
      !(child.type === "element" && child.tagName === "li") &&
      !(child.type === "text" && whitespace(child)) &&
      child.type !== "comment",
  );
  if (!stray) return;
  report(
    file,
    "html-misplaced",
    `\`<${list.tagName}>\` holds only \`<li>\` items: the content outside them was put in items`,
    stray.position ?? list.position,
  );
  list.children = list.children.map((child) =>
    (child.type === "element" && child.tagName === "li") ||
    (child.type === "text" && whitespace(child)) ||
    child.type === "comment"
      ? child
      : { type: "element", tagName: "li", properties: {}, children: [child] },
  );
}

/** An obsolete element takes its standard name (`<center>` → `<div class="align-center">`); an unknown one a `<div>` or `<span>`. */
function renameElement(node: Element, parent: Element | undefined, inPhrasing: boolean, file: VFile): void {
  const replacement = obsoleteElements[node.tagName];
  if (replacement) {
    report(
      file,
      "html-obsolete",
      `\`<${node.tagName}>\` is obsolete HTML: made a \`<${replacement.tagName}>\`${replacement.className ? ` with class \`${replacement.className}\`` : ""}; use markdown or a class instead`,
      node.position,
    );
    node.tagName =
      inPhrasing && flow.has(replacement.tagName) && replacement.tagName === "div" ? "span" : replacement.tagName;
    if (replacement.className) addClass(node, replacement.className);
    return;
  }
  if (!knownElements.has(node.tagName)) renameUnknown(node, parent, inPhrasing, file);
}

/** An unknown element becomes a `<div>` when it holds blocks or stands at the top, else a `<span>`, with its name as class. */
function renameUnknown(node: Element, parent: Element | undefined, inPhrasing: boolean, file: VFile): void {
  const holdsBlocks = node.children.some((child) => child.type === "element" && flow.has(child.tagName));
  const tagName = !inPhrasing && (holdsBlocks || parent === undefined) ? "div" : "span";
  const className = node.tagName.replace(/[^a-z0-9_-]/g, "-");
  report(
    file,
    "html-unknown-element",
    `\`<${writtenName(node, file)}>\` is not an HTML element: made a \`<${tagName}>\` with class \`${className}\``,
    node.position,
  );
  node.tagName = tagName;
  addClass(node, className);
}

function dropBadAttributeNames(node: Element, file: VFile): void {
  for (const name of Object.keys(node.properties)) {
    if (attributeName.test(name)) continue;
    report(
      file,
      "html-attribute-unknown",
      `Attribute \`${name}\` of \`<${node.tagName}>\` is not a valid name: removed`,
      node.position,
    );
    delete node.properties[name];
  }
}

/** A figure holds its caption first or last, once; a `<br>` directly in it is spacing the style sheet gives. */
function repairFigure(figure: Element, file: VFile): void {
  figure.children = figure.children.filter((child) => {
    if (child.type !== "element" || child.tagName !== "br") return true;
    report(
      file,
      "html-misplaced",
      "`<br>` may not stand directly in `<figure>`: removed (the style sheet spaces figures)",
      child.position ?? figure.position,
    );
    return false;
  });
  const content = figure.children.filter(
    (child) => !(child.type === "text" && whitespace(child)) && child.type !== "comment",
  );
  const captions = content.filter(
    (child): child is Element => child.type === "element" && child.tagName === "figcaption",
  );
  if (captions.length === 0) return;
  const keep =
    content[0] === captions[0] ? captions[0] : content.at(-1) === captions.at(-1) ? captions.at(-1)! : captions[0];
  for (const caption of captions) {
    if (caption === keep && (content[0] === caption || content.at(-1) === caption)) continue;
    if (caption === keep) {
      report(
        file,
        "html-misplaced",
        "`<figcaption>` must be the first or last part of its `<figure>`: moved to the end",
        caption.position,
      );
      figure.children = [...figure.children.filter((child) => child !== caption), caption as ElementContent];
      continue;
    }
    report(
      file,
      "html-misplaced",
      "A `<figure>` has one `<figcaption>`: this one was made a `<div>`",
      caption.position,
    );
    caption.tagName = "div";
    addClass(caption, "figcaption");
  }
}

/** The element's name as the author wrote it (`Listing`; the HTML parser lowercases it). */
function writtenName(node: Element, file: VFile): string {
  const offset = node.position?.start.offset;
  const written =
    offset === undefined ? undefined : /^<([A-Za-z][^\s/>]*)/.exec(String(file.value).slice(offset, offset + 100))?.[1];
  return written?.toLowerCase() === node.tagName ? written : node.tagName;
}
