/**
 * An SVG file as an EPUB may carry it: no DOCTYPE (EPUB 3 forbids external identifiers, and a
 * reader that follows one fetches a file from the network, a known XML attack), internal entities
 * written out, and well-formed XML. Editors (Illustrator, older Inkscape) write DOCTYPEs with the
 * SVG 1.1 DTD and entities for namespaces; the copy in the book is repaired, the source is reported.
 */
import { DOMParser, XMLSerializer, type Element as XmlElement } from "@xmldom/xmldom";

export interface SvgCleaning {
  /** The SVG as the editions carry it. */
  readonly text: string;
  /** Where the DOCTYPE began (1-based), when there was one. */
  readonly doctype?: { readonly line: number; readonly column: number };
  /** Why the SVG cannot be carried (not well-formed, an external entity it needs), when it cannot. */
  readonly invalid?: string;
}

/** `<!DOCTYPE svg PUBLIC "…" "…" [ internal subset ]>`; the subset may hold quoted `>`. */
const doctype = /<!DOCTYPE\s[^[>]*(?:\[(?:[^\]"']|"[^"]*"|'[^']*')*\])?\s*>/i;
const entityDeclaration = /<!ENTITY\s+(%\s+)?([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)>/g;
/** The XML entities every parser knows. */
const predefined = new Set(["lt", "gt", "amp", "quot", "apos"]);
/** A bound on written-out entities, against "billion laughs" declarations that grow exponentially. */
const maxExpansion = 1_000_000;

/** The SVG `text` made fit for an EPUB, with what was done to it. */
export function cleanSvg(text: string): SvgCleaning {
  const match = doctype.exec(text);
  let body = text;
  let place: SvgCleaning["doctype"];
  let invalid: string | undefined;
  if (match) {
    const before = text.slice(0, match.index).split("\n");
    place = { line: before.length, column: before.at(-1)!.length + 1 };
    const internal = new Map<string, string>();
    const external = new Set<string>();
    for (const [, parameter, name, double, single, kind] of match[0].matchAll(entityDeclaration)) {
      if (parameter) continue;
      if (kind) external.add(name);
      else internal.set(name, double ?? single ?? "");
    }
    body = text.slice(0, match.index) + text.slice(match.index + match[0].length);
    const expanded = expandEntities(body, internal, external);
    body = expanded.text;
    invalid = expanded.invalid;
  }
  invalid ??= wellFormedError(body);
  return { text: body, doctype: place, invalid };
}

function expandEntities(
  text: string,
  internal: ReadonlyMap<string, string>,
  external: ReadonlySet<string>,
): { text: string; invalid?: string } {
  let result = text;
  // Entities may refer to entities; a few rounds write out every sensible declaration.
  for (let round = 0; round < 4; round++) {
    let changed = false;
    let invalid: string | undefined;
    result = result.replace(/&([A-Za-z_][\w.-]*);/g, (whole, name: string) => {
      if (predefined.has(name)) return whole;
      if (external.has(name)) invalid ??= `it needs the external entity \`&${name};\``;
      const value = internal.get(name);
      if (value === undefined) return whole;
      changed = true;
      return value.replace(/&/g, round === 3 ? "&amp;" : "&");
    });
    if (invalid) return { text: result, invalid };
    if (result.length > maxExpansion) return { text: text, invalid: "its entities expand beyond a million characters" };
    if (!changed) break;
  }
  return { text: result };
}

function wellFormedError(text: string): string | undefined {
  let error: string | undefined;
  try {
    const doc = new DOMParser({
      onError: (level, message) => void (level !== "warning" && (error ??= message)),
    }).parseFromString(text, "image/svg+xml");
    if (!error && doc.documentElement?.localName !== "svg") error = "its root element is not `<svg>`";
  } catch (thrown) {
    error ??= (thrown as Error).message;
  }
  return error && `it is not well-formed XML (${error.split("\n")[0].replace(/^\[xmldom \w+\]\s*/, "")})`;
}

/** An SVG reference that leaves the file: href or xlink:href, `url(` or `@import`, not `#fragment` or `data:`. */
export const outwardReference = /(?:href\s*=|url\(|@import)(?!\s*["']?\s*(?:#|data:))/i;

/** A value that names another file or the network (not a fragment of the file itself, not `data:`). */
const outward = (value: string) => !/^\s*(?:#|data:)/i.test(value);
/** CSS that loads a file: `url(…)` other than a fragment or `data:`, or `@import`. */
const fetchingCss = /url\(\s*["']?\s*(?!#|data:)|@import/i;

/**
 * The SVG `text` without what it loads from elsewhere: elements that draw another file (`<image>`,
 * `<feImage>`, `<use>` of another file), style sheets and style attributes that fetch, and any other
 * outward `href`. Links (`<a>`) stay: a reader follows them, nothing loads them. This is the copy a
 * book carries once its author has lowered `image-svg-external` (EPUBCheck refuses remote resources).
 */
export function withoutOutwardReferences(text: string): string {
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (!root) return text;
  const all = Array.from(root.getElementsByTagName("*")) as unknown as XmlElement[];
  for (const element of [root as unknown as XmlElement, ...all]) {
    if (!element.parentNode) continue;
    const href = element.getAttribute("href") ?? element.getAttributeNS("http://www.w3.org/1999/xlink", "href");
    const name = element.localName;
    if (name === "style" && fetchingCss.test(element.textContent ?? "")) {
      element.parentNode.removeChild(element);
      continue;
    }
    if (href !== null && outward(href) && name !== "a") {
      if (name === "image" || name === "feImage" || name === "use") {
        element.parentNode.removeChild(element);
        continue;
      }
      element.removeAttribute("href");
      element.removeAttributeNS("http://www.w3.org/1999/xlink", "href");
    }
    if (fetchingCss.test(element.getAttribute("style") ?? "")) element.removeAttribute("style");
  }
  return new XMLSerializer().serializeToString(doc);
}

/** An image's bytes as the editions carry them: an SVG without its DOCTYPE or what it would fetch, anything else unchanged. */
export function imageBytes(mediaType: string, bytes: Buffer): Buffer {
  if (mediaType !== "image/svg+xml") return bytes;
  const text = bytes.toString("utf8");
  const cleaned = cleanSvg(text);
  const body = cleaned.text;
  const selfContained = !outwardReference.test(body.replace(/<a\b[^>]*>/gi, ""));
  if (!cleaned.doctype && selfContained) return bytes;
  return Buffer.from(selfContained ? body : withoutOutwardReferences(body), "utf8");
}
