/**
 * rehype plugin: bring the attributes of older tools' raw HTML into the EPUB 3 content model (the
 * obsolete elements themselves are renamed by rehype-content-model). An obsolete
 * attribute (`align`, `valign`, `border`, `width` on a table, `nowrap`) becomes a class the style
 * sheets draw or an inline style; colours and fonts are dropped, because the reader and the book's
 * style choose them; any other attribute the element cannot carry is kept as `data-*`. Each repair
 * is a warning at its place.
 */
import type { Element, Root } from "hast";
import { find, html } from "property-information";
import type { Plugin } from "unified";
import type { VFile } from "vfile";
import { report } from "../diagnostics.js";
import { SKIP, walkElements } from "../util/walk.js";
import { isValidAttribute } from "./html-vocabulary.js";

export const rehypeObsoleteHtml: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  walkElements(tree, (node) => {
    // SVG and MathML keep their own vocabularies.
    if (node.tagName === "svg" || node.tagName === "math") return SKIP;
    // Only raw HTML is repaired here: markdown's own elements (a GFM table's aligned cells) are valid by construction.
    if (!isRaw(node, file)) return undefined;
    repairAttributes(node, file);
    return undefined;
  });
};

/** Declarations of a raw `style` that fix colours: the reader's settings (night mode) and contrast checks need them gone. */
const colourDeclaration = /^\s*(color|background(-color|-image)?|border(-[a-z]+)?-color)\s*:/i;

function repairAttributes(node: Element, file: VFile): void {
  if (typeof node.properties.style === "string" && node.position) dropColours(node, file);
  for (const property of Object.keys(node.properties)) {
    const attribute = find(html, property).attribute.toLowerCase();
    if (isValidAttribute(node.tagName, attribute) && validValue(node, attribute, node.properties[property])) continue;
    const value = String([node.properties[property]].flat().join(" "));
    delete node.properties[property];
    const done = presentational(node, attribute, value.trim().toLowerCase());
    if (done !== undefined) {
      report(
        file,
        "html-obsolete",
        `\`${attribute}\` on \`<${node.tagName}>\` is obsolete HTML: ${done}`,
        node.position,
      );
      continue;
    }
    const kept = `data-${attribute.replace(/^data-/, "").replace(/[^a-z0-9_.-]/g, "-")}`;
    node.properties[find(html, kept).property] = value;
    report(
      file,
      "html-attribute-unknown",
      `\`${attribute}\` is not an attribute of \`<${node.tagName}>\` in an EPUB: kept as \`${kept}\``,
      node.position,
    );
  }
}

/** An attribute value the content model refuses even though the attribute is allowed (`width="100%"` on an image). */
function validValue(node: Element, attribute: string, value: unknown): boolean {
  const tag = node.tagName;
  // A link without an address (an old `<a name>` anchor) may not say what it links to.
  if ((tag === "a" || tag === "area") && node.properties.href === undefined && linkOnly.has(attribute)) return false;
  if (attribute === "type" && (tag === "a" || tag === "area")) return /^[\w!#$&+^-]+\/[\w!#$&+^-]+/.test(String(value));
  if ((attribute === "width" || attribute === "height") && tag === "img") return /^\d+$/.test(String(value).trim());
  if (attribute === "dir") return ["ltr", "rtl", "auto"].includes(String(value));
  if (attribute === "tabindex") return /^-?\d+$/.test(String(value));
  if (attribute === "type" && tag === "ol") return ["1", "a", "A", "i", "I"].includes(String(value));
  return true;
}

/** Attributes of a link that need its `href`. */
const linkOnly = new Set(["rel", "type", "hreflang", "target", "download", "ping", "referrerpolicy"]);

const listStyles: Readonly<Record<string, string>> = {
  disc: "disc",
  circle: "circle",
  square: "square",
  "1": "decimal",
  a: "lower-alpha",
  i: "lower-roman",
};

/** Replace one presentational attribute by a class or a style; returns what was done, or undefined when it is not presentational. */
function presentational(node: Element, attribute: string, value: string): string | undefined {
  switch (attribute) {
    case "align": {
      const isBlockImage = node.tagName === "img" || node.tagName === "table";
      const name =
        ["left", "right"].includes(value) && isBlockImage
          ? `float-${value}`
          : ["top", "middle", "bottom", "baseline", "texttop", "absmiddle", "absbottom"].includes(value)
            ? `valign-${value.replace(/^(abs|text)/, "")}`
            : `align-${value === "justify" ? "justify" : ["left", "right", "center"].includes(value) ? value : "center"}`;
      return withClass(node, name);
    }
    case "valign":
      return withClass(node, `valign-${["top", "middle", "bottom", "baseline"].includes(value) ? value : "top"}`);
    case "nowrap":
      return withClass(node, "nowrap");
    case "border":
      return value === "0" || (value === "" && node.tagName === "img")
        ? "removed (no border is the default)"
        : withClass(node, "bordered");
    case "width":
    case "height": {
      const length = /^(\d+(?:\.\d+)?)(px|%)?$/.exec(value);
      if (!length) return "removed (not a length)";
      return withStyle(node, `${attribute}: ${length[1]}${length[2] ?? "px"}`);
    }
    case "type": {
      const style = listStyles[value] ?? listStyles[value.toLowerCase()];
      if (!style || !["ul", "ol", "li"].includes(node.tagName)) return undefined;
      return withStyle(node, `list-style-type: ${/^[A-Z]$/.test(value) ? style.replace("lower", "upper") : style}`);
    }
    case "color":
    case "bgcolor":
    case "background":
    case "face":
    case "size":
      return "removed (the reader and the book's style choose colours, fonts and sizes)";
    case "cellpadding":
    case "cellspacing":
    case "hspace":
    case "vspace":
    case "noshade":
    case "compact":
    case "clear":
    case "frame":
    case "rules":
    case "char":
    case "charoff":
      return "removed (the book's style sets spacing and rules)";
    case "summary":
    case "longdesc":
    case "abbr":
    case "axis":
    case "scope":
    case "name":
      return undefined;
    default:
      return undefined;
  }
}

function withClass(node: Element, name: string): string {
  addClass(node, name);
  return `replaced by class \`${name}\``;
}

function withStyle(node: Element, declaration: string): string {
  const style = String(node.properties.style ?? "")
    .trim()
    .replace(/;?$/, "");
  node.properties.style = style ? `${style}; ${declaration}` : declaration;
  return `replaced by \`style="${declaration}"\``;
}

export function addClass(node: Element, name: string): void {
  const classes = [node.properties.className ?? []].flat().map(String);
  if (!classes.includes(name)) node.properties.className = [...classes, name];
}

function dropColours(node: Element, file: VFile): void {
  const declarations = String(node.properties.style).split(";");
  const kept = declarations.filter((declaration) => !colourDeclaration.test(declaration));
  if (kept.length === declarations.length) return;
  const dropped = declarations.filter((declaration) => colourDeclaration.test(declaration)).map((d) => d.trim());
  report(
    file,
    "html-obsolete",
    `\`style="${dropped.join("; ")}"\` on \`<${node.tagName}>\` fixes a colour: removed (the reader and the book's style choose colours)`,
    node.position,
  );
  const style = kept
    .map((d) => d.trim())
    .filter(Boolean)
    .join("; ");
  if (style) node.properties.style = style;
  else delete node.properties.style;
}

/** True when `node` was written as raw HTML: its source starts with its tag. */
function isRaw(node: Element, file: VFile): boolean {
  const offset = node.position?.start.offset;
  return offset !== undefined && String(file.value).charAt(offset) === "<";
}
