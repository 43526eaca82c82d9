/** Changes to a chapter's text that `folio import` makes and reports: each a range of the source, its new text, and what it did. */

export interface Edit {
  /** Offsets in the source, end excluded. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** What the change does, for the import's report (`expanded {{#include …}}`). */
  readonly note: string;
}

/** `text` with `edits` made (they must not overlap). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** The line (from 1) of offset `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** One line of the import's report per edit: `src/ch01.md:7  expanded {{#include …}}`. */
export function describeEdits(name: string, text: string, edits: readonly Edit[]): string[] {
  return [...edits]
    .sort((a, b) => a.start - b.start)
    .map((edit) => `${name}:${lineAt(text, edit.start)}  ${edit.note.replace(/\s*\n\s*/g, " ")}`);
}
