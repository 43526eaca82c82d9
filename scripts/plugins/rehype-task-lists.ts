/**
 * rehype plugin: the box of a GFM task list item (`- [x] done`) keeps its state in every edition.
 * remark-rehype writes it as a disabled `<input type="checkbox">`, a form control that a book
 * cannot hold (Folio removes forms as unsafe) and that prints as whatever the browser draws. It
 * becomes an ARIA checkbox, disabled like the box GitHub draws (EPUBCheck's schema refuses
 * `aria-readonly` on it), named by the item's text, showing ☑ or ☐ (both in the embedded
 * Source Serif 4), so a screen reader announces "done, checkbox, checked" and the print
 * shows the glyph. Runs before rehype-unsafe-html; a raw `<input>` the author wrote has a position
 * in the source and is left to it.
 */
import type { Element, ElementContent, Properties, Root } from "hast";
import type { Plugin } from "unified";
import { walkElements } from "../util/walk.js";

export const checkedBox = "\u2611";
export const uncheckedBox = "\u2610";

/** Block elements that end the item's own line of text (a nested list, a second paragraph). */
const blocks = new Set([
  "ul",
  "ol",
  "p",
  "div",
  "blockquote",
  "table",
  "pre",
  "figure",
  "dl",
  "hr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);

export const rehypeTaskLists: Plugin<[], Root> = () => (tree: Root) => {
  const used = new Set<string>();
  walkElements(tree, (node) => void (typeof node.properties.id === "string" && used.add(node.properties.id)));
  let count = 0;
  walkElements(tree, (node) => {
    if (node.tagName !== "li" || !classes(node).includes("task-list-item")) return;
    const holder = firstElement(node)?.tagName === "p" ? (firstElement(node) as Element) : node;
    const at = holder.children.findIndex((child) => child.type === "element");
    const input = holder.children[at] as Element | undefined;
    if (input?.tagName !== "input" || input.position || input.properties.type !== "checkbox") return;
    let id = `task.${++count}`;
    while (used.has(id)) id = `task.${++count}`;
    used.add(id);
    let end = at + 1;
    while (end < holder.children.length && !isBlock(holder.children[end])) end++;
    const text = holder.children.slice(at + 1, end);
    const label: Element = {
      type: "element",
      tagName: "span",
      properties: { id, className: ["task-text"] },
      children: trimEnd(trimStart(text)),
    };
    holder.children.splice(
      at,
      end - at,
      taskBox(input.properties.checked === true, id),
      { type: "text", value: " " },
      label,
    );
  });
};

function taskBox(checked: boolean, labelId: string): Element {
  const properties: Properties = {
    className: ["task-box"],
    role: "checkbox",
    ariaChecked: checked ? "true" : "false",
    ariaDisabled: "true",
    ariaLabelledBy: [labelId],
  };
  return {
    type: "element",
    tagName: "span",
    properties,
    children: [{ type: "text", value: checked ? checkedBox : uncheckedBox }],
  };
}

function trimStart(children: ElementContent[]): ElementContent[] {
  const [first, ...rest] = children;
  if (first?.type !== "text") return children;
  const value = first.value.replace(/^\s+/, "");
  return value ? [{ ...first, value }, ...rest] : rest;
}

function trimEnd(children: ElementContent[]): ElementContent[] {
  const last = children.at(-1);
  if (last?.type !== "text") return children;
  const value = last.value.replace(/\s+$/, "");
  return value ? [...children.slice(0, -1), { ...last, value }] : children.slice(0, -1);
}

function firstElement(node: Element): Element | undefined {
  return node.children.find((child): child is Element => child.type === "element");
}

function isBlock(node: ElementContent): boolean {
  return node.type === "element" && blocks.has(node.tagName);
}

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}
