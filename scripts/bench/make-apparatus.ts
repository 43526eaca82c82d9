/**
 * The synthetic book's apparatus (options of make-book.ts): index marks, labels and references,
 * added to the finished text from a random source of their own, so that the book without them is
 * the default book, byte for byte, and the book with them that book with markup and lines added.
 */
import { randomSource } from "./make-book.js";

export interface ApparatusOptions {
  /** Index entries to mark (`Word!other`, each marked one to three times); none by default. */
  readonly indexTerms?: number;
  /** References to add, to the book's figures, tables, listings and sections; none by default. */
  readonly crossReferences?: number;
}

/** Add the apparatus `options` ask for to `chapters` (each a list of lines), in place; a summary for the book's, or "". */
export function addApparatus(chapters: string[][], lexicon: readonly string[], options: ApparatusOptions): string {
  const terms = options.indexTerms ?? 0;
  const references = options.crossReferences ?? 0;
  if (terms === 0 && references === 0) return "";
  const rand = randomSource(0x1b873593);
  const labels = labelThings(chapters);
  const marks = markIndex(chapters, lexicon, terms, rand);
  addReferences(chapters, labels, references, rand);
  return `, ${terms} index entries (${marks} marks), ${labels.length} labels, ${references} references`;
}

/** Label every section, figure, listing and table (a table gets a caption); the labels' keys. */
function labelThings(chapters: string[][]): string[] {
  const labels: string[] = [];
  chapters.forEach((lines, c) => {
    let listings = 0;
    let tables = 0;
    for (let i = 0; i < lines.length; i++) {
      const section = /^## Section (\d+)\.(\d+):/.exec(lines[i]);
      const figure = /^!\[Figure (\d+):.*\]\(images\/figure-\d+\.svg\)$/.exec(lines[i]);
      let key: string | undefined;
      if (section) lines[i] += ` {#${(key = `sec:s${section[1]}-${section[2]}`)}}`;
      else if (figure) lines[i] += `{#${(key = `fig:${figure[1]}`)}}`;
      else if (lines[i] === "```js") lines[i] += ` {#${(key = `lst:${c + 1}-${++listings}`)}}`;
      else if (lines[i].startsWith("| Year |")) {
        let end = i;
        while (lines[end] !== "") end++;
        key = `tbl:${c + 1}-${++tables}`;
        lines.splice(end + 1, 0, `: Output by year {#${key}}`, "");
        i = end + 2;
      }
      if (key) labels.push(key);
    }
  });
  return labels;
}

/** The lines of running paragraphs, by chapter: where marks and references go. */
function paragraphs(chapters: string[][]): [number, number][] {
  return chapters.flatMap((lines, c) =>
    lines.flatMap((line, i) => (/^[A-Z][a-z]/.test(line) ? [[c, i] as [number, number]] : [])),
  );
}

/** Mark `count` entries `Word!other` (the pairs of `lexicon`), each on one to three words of running text; the marks made. */
function markIndex(chapters: string[][], lexicon: readonly string[], count: number, rand: () => number): number {
  const places = paragraphs(chapters);
  let marks = 0;
  for (let n = 0; n < count && places.length > 0; n++) {
    const main = lexicon[n % lexicon.length];
    const sub = lexicon[(n + 1 + Math.floor(n / lexicon.length)) % lexicon.length];
    const entry = `${main[0].toUpperCase()}${main.slice(1)}!${sub}`;
    // A paragraph picked may not hold the word: pick again, up to a limit.
    for (let k = 1 + Math.floor(rand() * 3), tries = 0; k > 0 && tries < 200; tries++) {
      const [c, i] = places[Math.floor(rand() * places.length)];
      const marked = chapters[c][i].replace(` ${sub} `, ` [${sub}]{.index entry="${entry}"} `);
      if (marked === chapters[c][i]) continue;
      chapters[c][i] = marked;
      marks++;
      k--;
    }
  }
  return marks;
}

/** Add `count` references, each a paragraph after a running one, naming one or two labels in one of the forms. */
function addReferences(chapters: string[][], labels: readonly string[], count: number, rand: () => number): void {
  if (labels.length === 0) return;
  const places = paragraphs(chapters);
  const pick = () => labels[Math.floor(rand() * labels.length)];
  const forms = ["@", "@", "+@", "-@", "+-@"];
  const added = places.map(() => [] as string[]);
  for (let n = 0; n < count; n++) {
    const at = Math.floor(rand() * places.length);
    const form = forms[Math.floor(rand() * forms.length)];
    const reference = rand() < 0.2 ? `[@${pick()}; @${pick()}]` : `${form}${pick()}`;
    added[at].push(`The record is in ${reference}.`);
  }
  // From the last place back, so that each insertion leaves the places before it where they are.
  for (let p = places.length - 1; p >= 0; p--) {
    const [c, i] = places[p];
    if (added[p].length > 0) chapters[c].splice(i + 2, 0, ...added[p].flatMap((line) => [line, ""]));
  }
}
