/** The numbers of the book's labelled things: per chapter (`3.2`: chapter 3's second figure) or through the book (`7`). */
import type { Position } from "unist";
import { chapterData, type Book } from "../book.js";
import { chapterGroups } from "../targets/index.js";
import type { LabelKind } from "./labels.js";
import type { Words } from "../language/words.js";

/** What a label names: the thing's place, its number and the words a reference shows. */
export interface Target {
  /** `fig:map`. */
  readonly key: string;
  readonly kind: LabelKind;
  /** Index in `Book.chapters` of the file holding it. */
  readonly chapter: number;
  /** Its element's id, unique in the book. */
  readonly id: string;
  /** `3.2`; a section has one only when it is a numbered chapter's title (`3`). */
  readonly number?: string;
  /** What a reference shows: `Figure 3.2`, `Chapter 3`, or a section's heading. */
  readonly name: string;
  /** Where the label is written. */
  readonly position?: Position;
}

/** How things are numbered (book.yaml `numbering`): `3.2` within chapter 3, or `7` through the book. */
export type NumberingScope = "chapter" | "book";

const nameKeys: Readonly<Record<LabelKind, string>> = {
  fig: "figureRef",
  tbl: "tableRef",
  lst: "listingRef",
  eq: "equationRef",
  sec: "chapterNumber",
};

/** Every label of the book, in reading order, with its number and name. */
export function numberTargets(book: Book, words: Words, scope: NumberingScope): Target[] {
  const targets: Target[] = [];
  const counts = new Map<LabelKind, number>();
  const numbers = chapterNumbers(book);
  for (const group of chapterGroups(book)) {
    if (scope === "chapter") counts.clear();
    const prefix = numbers.get(chapterData(group.files[0]).index);
    for (const file of group.files) {
      const data = chapterData(file);
      for (const label of data.labels) {
        const base = { key: `${label.kind}:${label.name}`, kind: label.kind, chapter: data.index, id: label.id };
        if (label.kind === "sec") {
          const heading = data.headings.find((h) => h.id === label.id);
          const isTitle = heading?.depth === 1 && file === group.files[0];
          const chapter = isTitle ? prefix : undefined;
          const key = chapter?.appendix ? "appendixRef" : "chapterNumber";
          targets.push({
            ...base,
            number: chapter?.number,
            name: chapter ? words(key, { number: chapter.number }) : (heading?.text ?? data.title),
            position: label.position,
          });
          continue;
        }
        const n = (counts.get(label.kind) ?? 0) + 1;
        counts.set(label.kind, n);
        const number = scope === "chapter" && prefix ? `${prefix.number}.${n}` : String(n);
        targets.push({ ...base, number, name: words(nameKeys[label.kind], { number }), position: label.position });
      }
    }
  }
  return targets;
}

/**
 * The number of each chapter that has one, by the index of its first file: chapters (`kind:
 * chapter`) 1, 2, 3… through the book, appendices A, B, C…; other kinds (a preface, a glossary)
 * are not numbered, and their things are numbered 1, 2, 3… within them.
 */
export function chapterNumbers(book: Book): Map<number, { number: string; appendix: boolean }> {
  const numbers = new Map<number, { number: string; appendix: boolean }>();
  let chapters = 0;
  let appendices = 0;
  for (const group of chapterGroups(book)) {
    const data = chapterData(group.files[0]);
    const kind = (data.group ?? data.metadata).kind;
    if (kind === "chapter") numbers.set(data.index, { number: String(++chapters), appendix: false });
    else if (kind === "appendix") numbers.set(data.index, { number: letters(++appendices), appendix: true });
  }
  return numbers;
}

/** 1 → A, 26 → Z, 27 → AA. */
function letters(n: number): string {
  let out = "";
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    out = String.fromCharCode(65 + ((rest - 1) % 26)) + out;
  return out;
}
