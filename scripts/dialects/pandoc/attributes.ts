/** pandoc's attribute blocks, `{#id .class key=value key="a value"}`, read into an id, classes and other attributes. */

export interface Attributes {
  readonly id?: string;
  readonly classes: readonly string[];
  /** Other attributes, in the order written. */
  readonly pairs: readonly (readonly [string, string])[];
}

const item = /\s*(?:#([^\s}#.]+)|\.([^\s}#.=]+)|([A-Za-z_:][\w:.-]*)=(?:"([^"]*)"|'([^']*)'|([^\s}"']+))|(-))/y;

/** Parse the inside of `{…}` (without the braces); undefined when it is not an attribute block. */
export function parseAttributes(inside: string): Attributes | undefined {
  const classes: string[] = [];
  const pairs: [string, string][] = [];
  let id: string | undefined;
  item.lastIndex = 0;
  let at = 0;
  while (at < inside.length) {
    if (/^\s*$/.test(inside.slice(at))) break;
    item.lastIndex = at;
    const match = item.exec(inside);
    if (!match) return undefined;
    at = item.lastIndex;
    const [, hash, dot, key, double, single, bare, dash] = match;
    if (hash !== undefined) id = hash;
    else if (dot !== undefined) classes.push(dot);
    else if (dash !== undefined) classes.push("unnumbered");
    else if (key !== undefined) pairs.push([key, double ?? single ?? bare ?? ""]);
  }
  return { id, classes, pairs };
}

/** An attribute block at the end of `text` (`Heading {#id}`): the text before it and the attributes; undefined when none. */
export function trailingAttributes(text: string): { before: string; attributes: Attributes } | undefined {
  const match = /\s*\{([^{}]*)\}\s*$/.exec(text);
  if (!match) return undefined;
  const attributes = parseAttributes(match[1]);
  return attributes ? { before: text.slice(0, match.index), attributes } : undefined;
}

/** The attributes as hast properties (`id`, `className`, the others by name; `lang` kept as it is). */
export function toProperties(attributes: Attributes): Record<string, string | string[]> {
  const properties: Record<string, string | string[]> = {};
  if (attributes.id) properties.id = attributes.id;
  const classes = attributes.classes.filter((name) => name !== "unnumbered");
  if (classes.length > 0) properties.className = classes;
  for (const [key, value] of attributes.pairs) {
    // Sizes are styles in HTML5 (`width=50%` is not a valid width attribute).
    if (key === "width" || key === "height") properties.style = `${properties.style ?? ""}${key}: ${value};`;
    else properties[key] = value;
  }
  return properties;
}
