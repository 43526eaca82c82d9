/** EPUB pop-up notes: references become `noteref` links and each note an `aside epub:type="footnote"` that links back. */
import type { Element, ElementContent, Root } from "hast";
import type { Words } from "../../language/words.js";
import { SKIP, walkElements } from "../../util/walk.js";

/** Rewrite the footnote references and the footnotes section of an EPUB chapter tree, in place; `words` are the chapter's. */
export function popUpFootnotes(tree: Root, words: Words): void {
  walkElements(tree, (node, index, parent) => {
    if (node.tagName === "a" && node.properties.dataFootnoteRef !== undefined) {
      delete node.properties.dataFootnoteRef;
      delete node.properties.ariaDescribedBy;
      node.properties["epub:type"] = "noteref";
      node.properties.role = "doc-noteref";
      return undefined;
    }
    if (isFootnotesSection(node) && parent && index !== undefined) {
      parent.children[index] = notesSection(node, words);
      return SKIP;
    }
    return undefined;
  });
}

/** The section remark-rehype writes after the text, holding the heading and the list of notes. */
export function isFootnotesSection(node: Element): boolean {
  return node.tagName === "section" && node.properties.dataFootnotes !== undefined;
}

function notesSection(section: Element, words: Words): Element {
  const heading = section.children.find(
    (child): child is Element => child.type === "element" && /^h[1-6]$/.test(child.tagName),
  );
  const list = section.children.find((child): child is Element => child.type === "element" && child.tagName === "ol");
  const items = (list?.children ?? []).filter(
    (child): child is Element => child.type === "element" && child.tagName === "li",
  );
  const children: ElementContent[] = [];
  if (heading) {
    delete heading.properties.className;
    children.push(heading, newline());
  }
  items.forEach((item, i) => children.push(footnote(item, i + 1, words), newline()));
  const properties: Element["properties"] = { className: ["footnotes"] };
  if (heading?.properties.id) properties.ariaLabelledBy = [String(heading.properties.id)];
  return { type: "element", tagName: "section", properties, children: [newline(), ...children] };
}

/** One note: its number first, linking back to the reference, then its text. */
function footnote(item: Element, number: number, words: Words): Element {
  const backrefs: Element[] = [];
  walkElements(item, (node, index, parent) => {
    if (node.properties.dataFootnoteBackref === undefined || !parent || index === undefined) return undefined;
    backrefs.push(node);
    parent.children.splice(index, 1);
    const before = parent.children[index - 1];
    if (before?.type === "text") before.value = before.value.replace(/\s+$/, "");
    return index;
  });
  const back: Element = {
    type: "element",
    tagName: "a",
    properties: {
      href: backrefs[0]?.properties.href ?? "#",
      role: "doc-backlink",
      className: ["note-number"],
      ariaLabel: words("backToReference", { number }),
    },
    children: [{ type: "text", value: `${number}.` }],
  };
  const content = item.children.filter((child) => !(child.type === "text" && child.value.trim() === ""));
  const first = content[0];
  if (first?.type === "element" && first.tagName === "p") first.children.unshift(back, { type: "text", value: " " });
  else content.unshift({ type: "element", tagName: "p", properties: {}, children: [back] });
  return {
    type: "element",
    tagName: "aside",
    properties: { id: item.properties.id, "epub:type": "footnote", role: "doc-footnote", className: ["footnote"] },
    children: content,
  };
}

function newline(): ElementContent {
  return { type: "text", value: "\n" };
}
