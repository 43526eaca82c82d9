/**
 * What the EPUB 3 content model (as EPUBCheck 4.2.6 and 5 read it) accepts of raw HTML attributes, and
 * how Folio replaces the presentational HTML of older tools (`align`, `border`, `<center>`) with classes
 * that the editions' style sheets draw. Element attributes come from html-element-attributes, less
 * the attributes the HTML standard made obsolete and those newer than EPUBCheck's schema.
 */
import { htmlElementAttributes } from "html-element-attributes";

/** Global attributes every HTML element of an EPUB may carry (EPUBCheck 4.2.6's list; `aria-*`, `data-*` besides). */
export const globalAttributes = new Set([
  "accesskey",
  "autocapitalize",
  "autofocus",
  "class",
  "contenteditable",
  "dir",
  "draggable",
  "hidden",
  "id",
  "inputmode",
  "is",
  "itemid",
  "itemprop",
  "itemref",
  "itemscope",
  "itemtype",
  "lang",
  "nonce",
  "role",
  "slot",
  "spellcheck",
  "style",
  "tabindex",
  "title",
  "translate",
  "xml:lang",
  "xml:space",
  "xml:base",
  "epub:type",
  "about",
  "content",
  "datatype",
  "inlist",
  "prefix",
  "property",
  "rel",
  "resource",
  "rev",
  "typeof",
  "vocab",
]);

/** Attributes the HTML standard lists as obsolete ("Obsolete features", section 16.2), by element; `*` for every element. */
const obsolete: Readonly<Record<string, readonly string[]>> = {
  "*": [
    "align",
    "valign",
    "bgcolor",
    "background",
    "char",
    "charoff",
    "nowrap",
    "clear",
    "hspace",
    "vspace",
    "compact",
    "noshade",
    "frame",
    "rules",
    "cellpadding",
    "cellspacing",
    "summary",
    "axis",
    "abbr",
    "scope",
    "longdesc",
    "name",
    "color",
    "face",
    "size",
    "type",
    "border",
    "width",
    "height",
    "language",
    "version",
    "profile",
    "charset",
    "coords",
    "shape",
    "rev",
    "urn",
    "methods",
    "datapagesize",
    "datafld",
    "dataformatas",
    "datasrc",
  ],
};

/** Attributes newer than EPUBCheck 4.2.6's schema, which it refuses although browsers know them. */
const tooNew = new Set([
  "fetchpriority",
  "autocorrect",
  "enterkeyhint",
  "exportparts",
  "inert",
  "part",
  "popover",
  "writingsuggestions",
  "blocking",
  "shadowrootmode",
]);

/** Obsolete attributes that stay valid on some elements (`width` on `img`, `type` on `ol`, `scope` on `th`…). */
const stillValid: Readonly<Record<string, readonly string[]>> = {
  img: ["width", "height"],
  ol: ["type"],
  th: ["scope"],
  a: ["type", "rel", "charset"],
  area: ["shape", "coords", "rel"],
  meta: ["name", "charset"],
  col: [],
  li: [],
  link: ["rel"],
  button: ["type", "name"],
  input: ["type", "name", "width", "height", "size"],
  select: ["name", "size"],
  textarea: ["name"],
  fieldset: ["name"],
  output: ["name"],
  map: ["name"],
  param: ["name"],
  iframe: ["name", "width", "height"],
  object: ["name", "type", "width", "height"],
  embed: ["type", "width", "height"],
  source: ["type", "width", "height"],
  canvas: ["width", "height"],
  video: ["width", "height"],
  details: ["name"],
  slot: ["name"],
  style: [],
  ins: [],
  del: [],
};

/** True when `attribute` may stand on HTML element `tag` in an EPUB. */
export function isValidAttribute(tag: string, attribute: string): boolean {
  if (attribute.startsWith("aria-") || attribute.startsWith("data-") || globalAttributes.has(attribute))
    return !tooNew.has(attribute);
  if (tooNew.has(attribute)) return false;
  if (stillValid[tag]?.includes(attribute)) return true;
  if (obsolete["*"].includes(attribute)) return false;
  return (htmlElementAttributes[tag] ?? []).includes(attribute);
}

/** Retired HTML elements that are better read as an unknown element of another tool (mdBook's `<Listing>`). */
export const retiredElements = new Set(["listing"]);

/** Obsolete elements and what stands for them: an element, with a class that keeps their look. */
export const obsoleteElements: Readonly<Record<string, { readonly tagName: string; readonly className?: string }>> = {
  center: { tagName: "div", className: "align-center" },
  font: { tagName: "span" },
  basefont: { tagName: "span" },
  big: { tagName: "span", className: "big" },
  tt: { tagName: "code" },
  strike: { tagName: "s" },
  acronym: { tagName: "abbr" },
  blink: { tagName: "span" },
  marquee: { tagName: "span" },
  nobr: { tagName: "span", className: "nowrap" },
  spacer: { tagName: "span" },
  dir: { tagName: "ul" },
  xmp: { tagName: "pre" },
  plaintext: { tagName: "pre" },
  multicol: { tagName: "div" },
  menuitem: { tagName: "span" },
  noembed: { tagName: "span" },
  noframes: { tagName: "div" },
  isindex: { tagName: "span" },
  keygen: { tagName: "span" },
  search: { tagName: "div", className: "search" },
};
