/**
 * Pandoc's attribute blocks, `{#id .class key=value key="a value"}`, as written after an image, a
 * heading, a table caption or a bracketed span: the form pandoc, pandoc-crossref and mdBook's heading
 * attributes share, so that a manuscript written for them reads the same here.
 */

export interface Attributes {
  readonly id?: string;
  readonly classes: readonly string[];
  readonly values: Readonly<Record<string, string>>;
}

/** One token: `#id`, `.class`, `key="value"`, `key='value'`, `key=value`, or pandoc's `-` (unnumbered). */
const token =
  /\s*(?:#([^\s{}"'=]+)|\.([^\s{}"'=#.]+)|([A-Za-z_][\w:-]*)=(?:"([^"]*)"|'([^']*)'|([^\s{}"']+))|(-)(?=[\s}]))/y;

/**
 * The attribute block at the start of `text` (which must begin with `{`), with its length, or
 * undefined when `text` does not begin with one. A block holding anything else than attributes is
 * none: `{see below}` stays text.
 */
export function readAttributes(text: string): { attributes: Attributes; length: number } | undefined {
  if (!text.startsWith("{")) return undefined;
  let id: string | undefined;
  const classes: string[] = [];
  const values: Record<string, string> = {};
  let at = 1;
  for (;;) {
    token.lastIndex = at;
    const match = token.exec(text);
    if (!match) break;
    const [whole, hash, dot, key, double, single, bare, dash] = match;
    if (hash !== undefined) id ??= hash;
    else if (dot !== undefined) classes.push(dot);
    else if (dash !== undefined) classes.push("unnumbered");
    else if (key !== undefined) values[key] = double ?? single ?? bare ?? "";
    at += whole.length;
  }
  const close = /^\s*\}/.exec(text.slice(at));
  if (!close || at === 1) return undefined;
  return { attributes: { id, classes, values }, length: at + close[0].length };
}

/** The attribute block that ends `text` (`Title {#sec:intro}`), with where it starts, or undefined. */
export function trailingAttributes(text: string): { attributes: Attributes; start: number } | undefined {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith("}")) return undefined;
  for (let start = trimmed.lastIndexOf("{"); start >= 0; start = trimmed.lastIndexOf("{", start - 1)) {
    const read = readAttributes(trimmed.slice(start));
    if (read && start + read.length === trimmed.length) return { attributes: read.attributes, start };
  }
  return undefined;
}
