/**
 * The index's entries, gathered from every chapter's marks: one entry per term, its sub-terms
 * beneath it, each with the places marked for it (a range from its `.start` to its `.end` mark)
 * and what it refers to (`see`, `see also`), sorted as the book's language sorts (Intl.Collator).
 */
import type { Position } from "unist";
import { chapterData, type Book, type IndexTerm } from "../book.js";
import { report } from "../diagnostics.js";

/** A marked place: the mark's chapter, id and section (its heading's index), and a range's end. */
export interface Place {
  readonly chapter: number;
  readonly mark: string;
  readonly heading: number;
}

export interface Locator extends Place {
  /** Where a range ends (its `.end` mark). */
  end?: Place;
}

/** A cross-reference to another entry, with the mark that wrote it (for `index-see-unknown`). */
export interface CrossReference {
  readonly terms: readonly string[];
  readonly chapter: number;
  readonly position?: Position;
}

export interface IndexEntry {
  /** The entry's terms from the main term down (`["France", "Paris"]`). */
  readonly path: readonly string[];
  readonly text: string;
  /** What the entry sorts by: a mark's sort key for it, else its text. */
  sort: string;
  readonly locators: Locator[];
  readonly see: CrossReference[];
  readonly seeAlso: CrossReference[];
  readonly children: IndexEntry[];
}

/** Every entry of the book's marks, sorted; ranges left open or closed without an opening are reported. */
export function indexEntries(book: Book, collator: Intl.Collator): IndexEntry[] {
  const top: IndexEntry[] = [];
  const byPath = new Map<string, IndexEntry>();
  const open = new Map<string, { locator: Locator; position?: Position; chapter: number }[]>();
  const entryOf = (terms: readonly IndexTerm[]): IndexEntry => {
    let siblings = top;
    let entry: IndexEntry | undefined;
    terms.forEach((term, depth) => {
      const path = terms.slice(0, depth + 1).map((t) => t.text);
      const key = path.join("\u0000");
      entry = byPath.get(key);
      if (!entry) {
        entry = {
          path,
          text: term.text,
          sort: term.sort ?? term.text,
          locators: [],
          see: [],
          seeAlso: [],
          children: [],
        };
        byPath.set(key, entry);
        siblings.push(entry);
      } else if (term.sort && entry.sort === entry.text) entry.sort = term.sort;
      siblings = entry.children;
    });
    return entry!;
  };
  for (const file of book.chapters) {
    const data = chapterData(file);
    for (const mark of data.indexMarks) {
      const entry = entryOf(mark.terms);
      const key = entry.path.join("\u0000");
      const place = { chapter: data.index, mark: mark.id, heading: mark.heading };
      const reference = (terms: readonly IndexTerm[]) => ({
        terms: terms.map((t) => t.text),
        chapter: data.index,
        position: mark.position,
      });
      entry.see.push(...(mark.see ?? []).map(reference));
      entry.seeAlso.push(...(mark.seeAlso ?? []).map(reference));
      if (mark.see || mark.seeAlso) continue;
      if (mark.range === "end") {
        const opened = open.get(key)?.pop();
        if (opened) opened.locator.end = place;
        else
          report(
            file,
            "index-range-unopened",
            `This mark closes a range of \`${entry.path.join("!")}\` that no \`.start\` mark opened: open it, or remove this one`,
            mark.position,
          );
        continue;
      }
      const locator: Locator = { ...place };
      entry.locators.push(locator);
      if (mark.range === "start")
        open.set(key, [...(open.get(key) ?? []), { locator, position: mark.position, chapter: data.index }]);
    }
  }
  for (const [key, starts] of open)
    for (const start of starts)
      report(
        book.chapters[start.chapter],
        "index-range-open",
        `This mark opens a range of \`${key.split("\u0000").join("!")}\` that no \`.end\` mark closes: close it with an \`.end\` mark of the same entry`,
        start.position,
      );
  sortEntries(top, collator);
  return top;
}

function sortEntries(entries: IndexEntry[], collator: Intl.Collator): void {
  entries.sort((a, b) => collator.compare(a.sort, b.sort) || collator.compare(a.text, b.text));
  for (const entry of entries) sortEntries(entry.children, collator);
}

/** The entry at `terms` (main term first), if the index has it. */
export function findEntry(entries: readonly IndexEntry[], terms: readonly string[]): IndexEntry | undefined {
  let level = entries;
  let found: IndexEntry | undefined;
  for (const term of terms) {
    found = level.find((entry) => entry.text === term);
    if (!found) return undefined;
    level = found.children;
  }
  return found;
}
