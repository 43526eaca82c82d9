/** Where a piece of a markdown text node is written in its file: the node's own span of the source, searched for the written form. */
import type { Position } from "unist";
import type { VFile } from "vfile";

/**
 * The position of `written`, found at about `index` in the value of a node spanning `position` of
 * `file` (a value may differ from its source by escapes and entities, so the source is searched).
 * Falls back to the node's own position.
 */
export function placeInSource(
  position: Position | undefined,
  index: number,
  written: string,
  file: VFile,
): Position | undefined {
  const start = position?.start;
  const end = position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return position;
  const source = String(file.value);
  const at = source.indexOf(written, start.offset + Math.max(0, index - 8));
  const offset = at >= 0 && at < end.offset ? at : start.offset;
  const before = source.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return {
    start: { line, column, offset },
    end: { line, column: column + written.length, offset: offset + written.length },
  };
}

/** The line and column of `offset` in `file`. */
export function pointAt(file: VFile, offset: number): { line: number; column: number; offset: number } {
  const before = String(file.value).slice(0, offset);
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n"), offset };
}
