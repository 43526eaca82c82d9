/**
 * The brackets CommonMark leaves as text in a run of inline nodes: `[content]` whose closing bracket is
 * followed by what pandoc reads after it (`{attributes}`, `[label]`, `[]`, or nothing). Markdown inside
 * the brackets (emphasis, code) stays nodes; only the brackets themselves must be in text nodes.
 */
import type { PhrasingContent, Text } from "mdast";
import type { Point } from "unist";

export interface Bracket {
  /** Index of the text node holding `[`, and the offset of `[` in it. */
  readonly open: readonly [node: number, offset: number];
  /** Index of the text node holding `]`, and the offset of `]` in it. */
  readonly close: readonly [node: number, offset: number];
  /** What follows `]` in the same text node. */
  readonly after: string;
}

/** The first bracket pair opening at or after offset `offset` of node `from`, or undefined. */
export function nextBracket(kids: readonly PhrasingContent[], from: number, offset = 0): Bracket | undefined {
  for (let i = from; i < kids.length; i++) {
    const node = kids[i];
    if (node.type !== "text") continue;
    const start = i === from ? offset : 0;
    for (let p = node.value.indexOf("[", start); p >= 0; p = node.value.indexOf("[", p + 1)) {
      const close = matchingClose(kids, i, p);
      if (close) return { open: [i, p], close, after: (kids[close[0]] as Text).value.slice(close[1] + 1) };
    }
  }
  return undefined;
}

function matchingClose(kids: readonly PhrasingContent[], node: number, offset: number): [number, number] | undefined {
  let depth = 0;
  for (let i = node; i < kids.length; i++) {
    const kid = kids[i];
    if (kid.type !== "text") continue;
    for (let p = i === node ? offset : 0; p < kid.value.length; p++) {
      if (kid.value[p] === "[") depth++;
      else if (kid.value[p] === "]" && --depth === 0) return [i, p];
    }
  }
  return undefined;
}

/** The nodes between the brackets, as copies (the text nodes at either end cut at the brackets). */
export function inside(kids: readonly PhrasingContent[], bracket: Bracket): PhrasingContent[] {
  const [i, p] = bracket.open;
  const [j, q] = bracket.close;
  if (i === j) return [{ type: "text", value: (kids[i] as Text).value.slice(p + 1, q) }];
  const first: Text = { type: "text", value: (kids[i] as Text).value.slice(p + 1) };
  const last: Text = { type: "text", value: (kids[j] as Text).value.slice(0, q) };
  return [first, ...kids.slice(i + 1, j), last].filter((node) => node.type !== "text" || node.value !== "");
}

/**
 * Replace the bracket (and `consumed` characters after `]`) with `replacement`, keeping the text
 * before `[` and after; returns the index of the node after the replacement.
 */
export function replaceBracket(
  kids: PhrasingContent[],
  bracket: Bracket,
  consumed: number,
  replacement: readonly PhrasingContent[],
  trimBefore = 0,
): number {
  const [i, p] = bracket.open;
  const [j, q] = bracket.close;
  const before = (kids[i] as Text).value.slice(0, p - trimBefore);
  const afterText = (kids[j] as Text).value.slice(q + 1 + consumed);
  const parts: PhrasingContent[] = [];
  if (before) parts.push({ ...(kids[i] as Text), value: before });
  parts.push(...replacement);
  const from = kids[j].position?.start;
  const skipped = (kids[j] as Text).value.slice(0, q + 1 + consumed);
  // The rest keeps its place in the source (where the text is written as it reads), for later brackets in it.
  if (afterText)
    parts.push({
      type: "text",
      value: afterText,
      position: from && { start: advance(from, skipped), end: kids[j].position!.end },
    });
  kids.splice(i, j - i + 1, ...parts);
  return i + parts.length - (afterText ? 1 : 0);
}

/** The point reached from `point` after `text`. */
export function advance(point: Point, text: string): Point {
  const lines = text.split("\n");
  const offset = point.offset === undefined ? undefined : point.offset + text.length;
  if (lines.length === 1) return { line: point.line, column: point.column + text.length, offset };
  return { line: point.line + lines.length - 1, column: lines[lines.length - 1].length + 1, offset };
}
