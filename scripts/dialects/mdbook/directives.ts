/** mdBook's `{{#name args}}` directives as they stand in a chapter's text: found, with their place in a string. */

export interface Directive {
  /** `include`, `rustdoc_include`, `playground`, `title`… */
  readonly name: string;
  readonly args: string;
  /** Where the directive starts and ends in the string searched. */
  readonly start: number;
  readonly end: number;
  /** Written `\{{#…}}`: mdBook prints it as written, without the backslash. */
  readonly escaped: boolean;
}

/** The directives that take a file. */
export const fileDirectives = new Set(["include", "rustdoc_include", "playground", "playpen"]);

const pattern = /(\\)?\{\{\s*#([\w-]+)([^}]*?)\s*\}\}/g;

export function findDirectives(text: string): Directive[] {
  if (!text.includes("{{")) return [];
  return [...text.matchAll(pattern)].map((match) => ({
    name: match[2],
    args: match[3].trim(),
    start: match.index,
    end: match.index + match[0].length,
    escaped: match[1] !== undefined,
  }));
}

/** The path and the line selection of a file directive's arguments (`../listings/main.rs:here`); a playground's editable flags are dropped. */
export function splitTarget(args: string): { path: string; selection?: string } {
  const target = args.split(/\s+/)[0] ?? "";
  const colon = target.indexOf(":");
  return colon < 0 ? { path: target } : { path: target.slice(0, colon), selection: target.slice(colon + 1) };
}
