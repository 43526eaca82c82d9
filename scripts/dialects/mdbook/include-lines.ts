/**
 * The lines an mdBook include takes from its file: all of them, a numbered range (`:2:10`, `:5:`,
 * `::8`, `:3`), or those between `ANCHOR: name` and `ANCHOR_END: name` (`:name`). The lines that mark
 * anchors are never part of a listing.
 */

export type LineSelection =
  | { readonly kind: "all" }
  | { readonly kind: "range"; readonly start?: number; readonly end?: number }
  | { readonly kind: "anchor"; readonly name: string };

const anchorLine = /\bANCHOR(?:_END)?:\s*([\w-]+)/;

/** The selection written after the path (`:2:10`, `:here`, nothing). */
export function parseSelection(spec: string | undefined): LineSelection {
  if (spec === undefined || spec === "") return { kind: "all" };
  const parts = spec.split(":");
  const number = (part: string | undefined) => (part && /^\d+$/.test(part) ? Number(part) : undefined);
  if (parts.length === 1 && !/^\d+$/.test(parts[0])) return { kind: "anchor", name: parts[0] };
  // `:3` is line 3 alone; `:2:10` lines 2 to 10; an empty side runs to the file's edge.
  if (parts.length === 1) return { kind: "range", start: number(parts[0]), end: number(parts[0]) };
  return { kind: "range", start: number(parts[0]), end: number(parts[1]) };
}

/** The selected lines of `text`, or undefined when the anchor is not in it. */
export function selectLines(text: string, selection: LineSelection): string[] | undefined {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");
  let chosen: string[];
  if (selection.kind === "all") chosen = lines;
  else if (selection.kind === "range")
    chosen = lines.slice(Math.max(0, (selection.start ?? 1) - 1), selection.end ?? lines.length);
  else {
    const start = lines.findIndex((line) => new RegExp(`\\bANCHOR:\\s*${escapeRegExp(selection.name)}\\b`).test(line));
    if (start < 0) return undefined;
    const end = lines.findIndex(
      (line, i) => i > start && new RegExp(`\\bANCHOR_END:\\s*${escapeRegExp(selection.name)}\\b`).test(line),
    );
    chosen = lines.slice(start + 1, end < 0 ? lines.length : end);
  }
  return chosen.filter((line) => !anchorLine.test(line));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Rust code as mdBook shows it: lines that begin with `# ` (or are `#` alone) are hidden (they make the
 * example compile, for the tests), and `##` at a line's start stands for a `#` shown.
 */
export function withoutHiddenLines(code: string): string {
  return code
    .split("\n")
    .filter((line) => !/^\s*#(?: |$)/.test(line))
    .map((line) => line.replace(/^(\s*)##/, "$1#"))
    .join("\n");
}
