/**
 * pandoc's simple and multiline tables, read from their lines: columns are the runs of dashes of the
 * dashed line under the header (or above the rows, in a table without one); a column's alignment is
 * where its header sits over its dashes (flush left: left; flush right: right; neither: centre); a
 * multiline table opens and closes with a line of dashes and has rows separated by blank lines.
 */

export type Align = "left" | "right" | "center" | null;

export interface LineTable {
  /** Lines of the table in the text, from 0, both included. */
  readonly first: number;
  readonly last: number;
  readonly align: readonly Align[];
  readonly header?: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const dashes = /^ *-+( +-+)* *$/;
const rule = /^-{3,} *$/;
const blank = (line: string | undefined) => line === undefined || line.trim() === "";

/** The column extents (start, end exclusive) of a dashed line. */
function columnsOf(line: string): [number, number][] {
  return [...line.matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length]);
}

/** Cut a line into cells at the columns: a column runs from its dashes' start to the next column's start. */
function cut(line: string, columns: readonly [number, number][]): string[] {
  return columns.map(([start], i) => line.slice(start, i + 1 < columns.length ? columns[i + 1][0] : undefined).trim());
}

function alignments(headerLines: readonly string[], columns: readonly [number, number][]): Align[] {
  return columns.map(([start, end]) => {
    // Padded: a header that ends before its dashes do is not flush right.
    const texts = headerLines.map((line) => line.padEnd(end + 1).slice(start, end + 1));
    if (texts.every((text) => text.trim() === "")) return null;
    const left = texts.some((text) => /^\S/.test(text));
    const right = texts.some((text) => /\S$/.test(text.slice(0, end - start)));
    return left && right ? null : left ? "left" : right ? "right" : "center";
  });
}

/** A simple or multiline table starting at line `at` of `lines`, or undefined. */
export function readLineTable(lines: readonly string[], at: number): LineTable | undefined {
  return rule.test(lines[at]) ? multiline(lines, at) : simple(lines, at);
}

function simple(lines: readonly string[], at: number): LineTable | undefined {
  const headed = !blank(lines[at]) && !dashes.test(lines[at]) && dashes.test(lines[at + 1] ?? "");
  const dashLine = headed ? at + 1 : at;
  if (!dashes.test(lines[dashLine] ?? "")) return undefined;
  const columns = columnsOf(lines[dashLine]);
  if (columns.length < 2) return undefined;
  let last = dashLine;
  while (!blank(lines[last + 1])) last++;
  // A table without a header closes with a dashed line of its own.
  const body = lines.slice(dashLine + 1, headed ? last + 1 : last);
  if (!headed && (last === dashLine || !dashes.test(lines[last]))) return undefined;
  if (body.length === 0) return undefined;
  const header = headed ? cut(lines[at], columns) : undefined;
  return {
    first: at,
    last,
    align: alignments(headed ? [lines[at]] : [body[0]], columns),
    header,
    rows: body.map((line) => cut(line, columns)),
  };
}

function multiline(lines: readonly string[], at: number): LineTable | undefined {
  let close = at + 1;
  while (close < lines.length && !rule.test(lines[close])) close++;
  if (close >= lines.length) return undefined;
  const inner = lines.slice(at + 1, close);
  const split = inner.findIndex((line) => dashes.test(line) && columnsOf(line).length >= 1);
  // Without a header, the opening line is the dashed line itself: a rule is one run of dashes, so the table needs a header here.
  if (split <= 0 || inner.slice(0, split).some(blank)) return undefined;
  const columns = columnsOf(inner[split]);
  const headerLines = inner.slice(0, split);
  const rows: string[][] = [];
  let row: string[] = [];
  for (const line of [...inner.slice(split + 1), ""]) {
    if (blank(line)) {
      if (row.length > 0)
        rows.push(
          columns.map((_, c) =>
            row
              .map((l) => cut(l, columns)[c])
              .join(" ")
              .trim(),
          ),
        );
      row = [];
    } else row.push(line);
  }
  if (rows.length === 0) return undefined;
  return {
    first: at,
    last: close,
    align: alignments(headerLines, columns),
    header: columns.map((_, c) =>
      headerLines
        .map((line) => cut(line, columns)[c])
        .join(" ")
        .trim(),
    ),
    rows,
  };
}
