/**
 * pandoc's markdown, rewritten where its syntax differs from the extensions Folio parses it with, without
 * moving any character of the text: every change keeps the line's length, so that every diagnostic keeps
 * its line and column. A fenced div's opening fence (`::: {#id .note}`, `::: warning`) becomes a
 * container directive (`:::d{#id .note}`, `:::warning `), a `~` definition marker a `:`, a metadata
 * block closed with `...` is closed with `---`, and a title block (`% Title` lines) is blanked (it is
 * read as metadata). Fenced code is left as it is.
 */

/** The name given to a fenced div whose fence names no class (`::: {…}`): `d`, then hyphens for the spaces it replaces. */
export const anonymousDiv = /^d-*$/;

/** `text` with pandoc's fences, definition markers, metadata closer and title block rewritten in place. */
export function normalizePandoc(text: string): string {
  const lines = text.split("\n");
  blankTitleBlock(lines);
  closeMetadataBlock(lines);
  let fence: string | undefined;
  for (const [i, line] of lines.entries()) {
    const code = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (code && code[1][0] === fence[0] && code[1].length >= fence.length && line.trim() === code[1])
        fence = undefined;
      continue;
    }
    if (code) {
      fence = code[1];
      continue;
    }
    lines[i] = divFence(line) ?? definitionMarker(line) ?? line;
  }
  return lines.join("\n");
}

function divFence(line: string): string | undefined {
  const match = /^( {0,3})(:{3,})( *)(.*?)( *)(:*)( *)$/.exec(line);
  if (!match) return undefined;
  const [, indent, colons, spaces, rest, space2, trailing, space3] = match;
  if (rest === "") return undefined;
  const tail = " ".repeat(space2.length + trailing.length + space3.length);
  if (rest.startsWith("{") && rest.endsWith("}"))
    return `${indent}${colons}${spaces.length > 0 ? `d${"-".repeat(spaces.length - 1)}` : ""}${rest}${tail}`;
  if (/^[A-Za-z][\w-]*$/.test(rest)) return `${indent}${colons}${rest}${spaces}${tail}`;
  return undefined;
}

function definitionMarker(line: string): string | undefined {
  const match = /^( {0,3})~( {1,3}|\t)/.exec(line);
  return match ? `${match[1]}:${line.slice(match[1].length + 1)}` : undefined;
}

function closeMetadataBlock(lines: string[]): void {
  if (!/^---\s*$/.test(lines[0] ?? "")) return;
  for (let i = 1; i < lines.length; i++) {
    if (/^---\s*$/.test(lines[i])) return;
    if (/^\.\.\.\s*$/.test(lines[i])) {
      lines[i] = lines[i].replace("...", "---");
      return;
    }
  }
}

/** pandoc's title block: up to three `%` lines (title, authors, date) at the very top, each maybe continued by indented lines. */
export function titleBlockLines(lines: readonly string[]): number {
  if (!lines[0]?.startsWith("%")) return 0;
  let end = 0;
  while (end < lines.length && (lines[end].startsWith("%") || (end > 0 && /^\s+\S/.test(lines[end])))) end++;
  return end;
}

function blankTitleBlock(lines: string[]): void {
  const end = titleBlockLines(lines);
  for (let i = 0; i < end; i++) lines[i] = " ".repeat(lines[i].length);
}
