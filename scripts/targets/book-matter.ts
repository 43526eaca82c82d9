/**
 * What the editions' templates set around the chapters, decided once for all three: the copyright
 * page's lines, each chapter's kind, label ("Chapter One") and place in the contents, each part's
 * label and epigraph. The templates only lay these out, so the EPUB, the PDF and the web edition
 * say the same thing in the same words.
 */
import { chapterData, themeOf, type Book } from "../book.js";
import { chapterKinds } from "../chapters/kinds.js";
import { bookNumbers, letter, numberWriter, type BookNumber } from "./numbering.js";
import { attributionDash } from "../plugins/remark-verse.js";
import { parseIsbn } from "../util/isbn.js";
import type { Words } from "../language/words.js";
import { chapterGroups } from "./chapter-groups.js";

/** "Chapter One": the label's words around its number, so that a theme can set the number apart. */
export interface Label {
  readonly before: string;
  readonly number: string;
  readonly after: string;
}

export interface ChapterOpening {
  /** The kind's name (`chapter`, `dedication`…), for the `kind-…` class. */
  readonly kind: string;
  /** Set apart on its own page and left out of the printed and web contents. */
  readonly apart: boolean;
  readonly label?: Label;
}

export interface PartOpening {
  readonly label?: Label;
  /** The epigraph's lines, and its attribution (the last line when it begins with a dash). */
  readonly epigraph?: { readonly lines: readonly string[]; readonly attribution?: string };
}

export interface BookMatter {
  /** By the index of the file that opens each chapter. */
  readonly chapters: ReadonlyMap<number, ChapterOpening>;
  /** By the id of each part's title page. */
  readonly parts: ReadonlyMap<string, PartOpening>;
  /** The copyright page's lines after the title, each a paragraph, the same in every edition. */
  readonly copyright: readonly string[];
}

/** The book's matter in the words of its language. */
export async function bookMatter(book: Book, words: Words, fontFamily: string): Promise<BookMatter> {
  const { numbering } = themeOf(book);
  const write = await numberWriter(book.config.language);
  const numbers = bookNumbers(book);
  const label = (number: BookNumber | undefined): Label | undefined => {
    if (!number) return undefined;
    const style = number.kind === "part" ? numbering.parts : numbering.chapters;
    if (style === "none") return undefined;
    const value = number.kind === "appendix" ? letter(number.ordinal) : write(number.ordinal, style);
    const [before, after = ""] = words(`${number.kind}Number`, { number: "\u0000" }).split("\u0000");
    return { before, number: value, after };
  };
  const chapters = new Map<number, ChapterOpening>();
  const parts = new Map<string, PartOpening>();
  for (const group of chapterGroups(book)) {
    const data = chapterData(group.files[0]);
    const kind = (data.group ?? data.metadata).kind;
    chapters.set(data.index, {
      kind,
      apart: chapterKinds[kind]?.apart === true,
      label: label(numbers.chapters.get(data.index)),
    });
    if (group.part)
      parts.set(group.part.id, {
        label: label(numbers.parts.get(group.part.id)),
        epigraph: partEpigraph(group.part.epigraph),
      });
  }
  return { chapters, parts, copyright: copyrightLines(book, words, fontFamily) };
}

/** A part's epigraph from book.yaml (already punctuated as the book's language wants, stages/read.ts): its lines, and the attribution its last line gives. */
function partEpigraph(text: string | undefined): PartOpening["epigraph"] {
  if (!text) return undefined;
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const last = lines.at(-1);
  if (lines.length > 1 && last && attributionDash.test(last)) return { lines: lines.slice(0, -1), attribution: last };
  return { lines };
}

/**
 * The copyright page: © year and authors, the rights, the publisher, the date and version, one
 * ISBN per edition, the identifier when it is one a reader can use (never a `urn:uuid:`), the types.
 */
function copyrightLines(book: Book, words: Words, fontFamily: string): string[] {
  const config = book.config;
  const lines: string[] = [];
  if (config.authors.length > 0)
    lines.push(words("copyrightLine", { year: config.date.slice(0, 4), authors: words.list(config.authors) }));
  if (config.rights) lines.push(config.rights);
  if (config.publisher) lines.push(words("publishedBy", { publisher: config.publisher }));
  lines.push(words("firstPublished", { date: config.date }));
  lines.push(words("version", { version: config.version }));
  const isbns = Object.values(config.isbn).map((isbn) => parseIsbn(isbn) ?? isbn);
  for (const [edition, isbn] of Object.entries(config.isbn))
    lines.push(
      words("isbnLine", {
        isbn: parseIsbn(isbn) ?? isbn,
        edition: words(`isbn${edition[0].toUpperCase()}${edition.slice(1)}`),
      }),
    );
  const identifier = config.identifier;
  const isIsbn = /^urn:isbn:/i.test(identifier) && isbns.includes(parseIsbn(identifier) ?? "");
  if (!/^urn:uuid:/i.test(identifier) && !isIsbn) lines.push(words("identifier", { identifier }));
  lines.push(words("setIn", { font: fontFamily }));
  return lines;
}

/** The markup of a label, its number in a span of its own (the same in every edition). */
export function labelHtml(label: Label, className: string): string {
  const word = (text: string) => (text.trim() ? `<span class="label-word">${escapeHtml(text.trim())}</span>` : "");
  const before = word(label.before) + (label.before.trim() && label.before.endsWith(" ") ? " " : "");
  const after = (label.after.trim() && label.after.startsWith(" ") ? " " : "") + word(label.after);
  return `<p class="${className}">${before}<span class="label-number">${escapeHtml(label.number)}</span>${after}</p>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
