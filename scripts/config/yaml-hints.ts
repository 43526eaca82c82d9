/**
 * Hints for the two book.yaml mistakes YAML itself explains worst: a number where text is meant
 * (`version: 1.0` is the number 1) and a quote that is never closed (YAML reports the end of the
 * file; the author needs the line where the quote opens).
 */
import type { Place } from "../diagnostics.js";

/** Where the first quoted value that is not closed on its own line opens, for a "Missing closing quote" error. */
export function unclosedQuote(source: string, quote: '"' | "'"): Place | undefined {
  const lines = source.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    // A value after `key: ` or `- `, starting with the quote.
    const start = /^(\s*(?:-\s+)*(?:[^\s#'"][^:#]*:\s+)?)(["'])/.exec(line);
    if (!start || start[2] !== quote) continue;
    const rest = line.slice(start[1].length + 1);
    const closed = quote === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : /'(?!')|''$/.test(rest.replace(/''/g, ""));
    if (!closed) return { line: index + 1, column: start[1].length + 1 };
  }
  return undefined;
}

/** A message for text written as a bare number or boolean, with the line as it should be. */
export function quoteItHint(key: string, raw: string, received: unknown): string {
  const kind = typeof received === "boolean" ? "true/false" : "a number";
  const shown = typeof received === "number" && String(received) !== raw ? ` (${received})` : "";
  return `\`${key}\` must be text, but YAML reads \`${raw}\` as ${kind}${shown}: quote it, as in \`${key.split(".").pop()}: "${raw}"\``;
}
