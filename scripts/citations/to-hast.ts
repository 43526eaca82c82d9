/**
 * citeproc's HTML as the book's tree: a citation becomes the content of its `span.citation`, each
 * cite a link to its bibliography entry (the pieces citeproc wraps one by one, "Doe and Roe", "1999",
 * "33", joined into one link); an entry becomes a `div.csl-entry` with the id its citations link to.
 */
import type { Element, ElementContent, Root, Text } from "hast";
import { raw } from "hast-util-raw";

/** Gives the index in the chapter's links of a link to the entry of `key`. */
export type LinkTo = (key: string) => number;

/** A rendered citation's children: cites linked to their entries; `numbers` maps a numeric style's entry numbers to keys. */
export function citationChildren(html: string, linkTo: LinkTo, numbers: ReadonlyMap<number, string>): ElementContent[] {
  const children = linkCites(parsed(html).children as ElementContent[], linkTo, numbers);
  return joinLinks(children);
}

function linkCites(
  nodes: readonly ElementContent[],
  linkTo: LinkTo,
  numbers: ReadonlyMap<number, string>,
): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === "text") return numbers.size > 0 ? linkNumbers(node, linkTo, numbers) : [node];
    if (node.type !== "element") return [node];
    const href = typeof node.properties.href === "string" ? node.properties.href : "";
    if (node.tagName === "a" && href.startsWith("#")) {
      const key = decodeURIComponent(href.slice(1));
      return [citeLink(key, unwrapLinks(node.children), linkTo)];
    }
    return [{ ...node, children: linkCites(node.children, linkTo, numbers) }];
  });
}

/** Numbers of a numeric style that citeproc leaves unwrapped (`[1]–[3]`): each entry's number links to it. */
function linkNumbers(node: Text, linkTo: LinkTo, numbers: ReadonlyMap<number, string>): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(/\d+/g)) {
    const key = numbers.get(Number(match[0]));
    if (key === undefined) continue;
    if (match.index > last) parts.push({ type: "text", value: node.value.slice(last, match.index) });
    parts.push(citeLink(key, [{ type: "text", value: match[0] }], linkTo));
    last = match.index + match[0].length;
  }
  if (last === 0) return [node];
  if (last < node.value.length) parts.push({ type: "text", value: node.value.slice(last) });
  return parts;
}

function citeLink(key: string, children: ElementContent[], linkTo: LinkTo): Element {
  return {
    type: "element",
    tagName: "a",
    properties: { href: "#", dataCite: key },
    children,
    data: { folioLink: linkTo(key) },
  };
}

function unwrapLinks(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node) =>
    node.type === "element" && node.tagName === "a" ? unwrapLinks(node.children) : [node],
  );
}

/** Links to the same entry with nothing but the style's words between them (no bracket, no `;`) become one ("Doe and Roe 1999, chap. 3"). */
function joinLinks(nodes: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    const previous = out[out.length - 1];
    const beforePrevious = out[out.length - 2];
    if (isCite(node) && isCite(previous) && previous.properties.dataCite === node.properties.dataCite) {
      previous.children.push(...node.children);
      continue;
    }
    if (
      isCite(node) &&
      previous?.type === "text" &&
      /^[^;()[\]]{0,40}$/.test(previous.value) &&
      isCite(beforePrevious) &&
      beforePrevious.properties.dataCite === node.properties.dataCite
    ) {
      out.pop();
      beforePrevious.children.push(previous, ...node.children);
      continue;
    }
    out.push(
      node.type === "element" && node.properties.dataCite === undefined
        ? { ...node, children: joinLinks(node.children) }
        : node,
    );
  }
  return out;
}

function isCite(node: ElementContent | undefined): node is Element {
  return node?.type === "element" && node.tagName === "a" && node.properties.dataCite !== undefined;
}

/** A bibliography entry's element, `div.csl-entry` with `id`. */
export function entryElement(html: string, id: string): Element {
  const entry = parsed(html).children.find((node): node is Element => node.type === "element");
  const element: Element = entry ?? { type: "element", tagName: "div", properties: {}, children: [] };
  return { ...element, properties: { ...element.properties, id }, children: trimmed(element.children) };
}

/** citeproc indents its HTML: the white space between an entry's parts is not text. */
function trimmed(nodes: ElementContent[]): ElementContent[] {
  return nodes
    .filter((node) => !(node.type === "text" && node.value.trim() === "" && node.value.includes("\n")))
    .map((node) => (node.type === "element" ? { ...node, children: trimmed(node.children) } : node));
}

/** HTML as hast (through hast-util-raw, the parser rehype-raw uses). */
function parsed(html: string): Root {
  return raw({ type: "root", children: [{ type: "raw", value: html }] }) as Root;
}
