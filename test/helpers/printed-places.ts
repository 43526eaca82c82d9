/** Reading back where things print: each page's words and label, the text of a link's box, where a word or caption prints. */
import { execFileSync } from "node:child_process";
import { openPdf, pdfAllLinks, pdfPages } from "./pdf.js";
import { printedWords } from "./words.js";

export interface PrintedBook {
  readonly path: string;
  /** The label of each page (from 0), as the PDF's page labels give it. */
  readonly labels: readonly string[];
  /** The text of each page, as pdftotext lays it out. */
  readonly texts: readonly string[];
  /** The printed words of each page. */
  readonly words: readonly string[][];
}

export async function readPrinted(path: string): Promise<PrintedBook> {
  const doc = await openPdf(path);
  const labels = (await doc.getPageLabels()) ?? [];
  const texts = pdfPages(path);
  // A word the print edition hyphenated at a line end shows a hyphen-minus there (to-unicode.ts): join it again.
  const joined = texts.map((text) => text.replace(/(\p{L})-[ \t]*\r?\n[ \t]*(?=\p{Ll})/gu, "$1"));
  return { path, labels, texts, words: joined.map(printedWords) };
}

/**
 * The page (from 0) where `word`, printed once in pages `from`–`to`, begins: a page holding it whole,
 * or whose last word begins it when a line break at the page's foot hyphenated it.
 */
export function pageOfWord(book: PrintedBook, word: string, from = 0, to = book.words.length): number {
  const found: number[] = [];
  for (let page = from; page < to; page++) {
    const words = book.words[page];
    if (words.includes(word)) found.push(page);
    else {
      // The page's last word before its folio.
      const last = [...words].reverse().find((w) => !/^\d+$/.test(w)) ?? "";
      if (last.length > 1 && word.startsWith(last) && book.words[page + 1]?.includes(word.slice(last.length)))
        found.push(page);
    }
  }
  if (found.length !== 1) throw new Error(`“${word}” prints on ${found.length} pages (${found.join(", ")})`);
  return found[0];
}

export interface LinkText {
  /** Page (from 0) the link is on, and the named destination and page (from 0) it goes to. */
  readonly page: number;
  readonly dest: string;
  readonly target: number;
  /** The number (arabic or roman) printed inside the link's box (the crop may catch a range's dash beside it). */
  readonly text: string;
}

/** Every internal link of pages `from`–`to` (from 0) with the text printed inside its box. */
export async function linkTexts(book: PrintedBook, from: number, to: number): Promise<LinkText[]> {
  const doc = await openPdf(book.path);
  // A link broken at the foot of a column leaves a box of no height there (its text is in the next box).
  const links = (await pdfAllLinks(doc)).filter(
    (link) => link.page - 1 >= from && link.page - 1 < to && link.dest && link.rect[3] - link.rect[1] > 2,
  );
  const out: LinkText[] = [];
  for (const link of links) {
    const height = (await doc.getPage(link.page)).view[3];
    const [x1, y1, x2, y2] = link.rect;
    const crop = [
      "-x",
      String(Math.floor(x1)),
      "-y",
      String(Math.floor(height - y2)),
      "-W",
      String(Math.ceil(x2 - x1)),
      "-H",
      String(Math.ceil(y2 - y1)),
    ];
    const text = execFileSync(
      "pdftotext",
      ["-r", "72", "-f", String(link.page), "-l", String(link.page), ...crop, book.path, "-"],
      {
        encoding: "utf8",
      },
    );
    const number = /\d+|\b[ivxlcdm]+\b/.exec(text)?.[0] ?? text.trim();
    out.push({ page: link.page - 1, dest: link.dest, target: link.target - 1, text: number });
  }
  return out;
}
