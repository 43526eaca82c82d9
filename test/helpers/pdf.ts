/** Reading a PDF in tests with real readers: poppler for text and info, pdf.js for outline and labels. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

export function pdfInfo(path: string): Record<string, string> {
  const output = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return Object.fromEntries(output.split("\n").filter(Boolean).map((line) => {
    const colon = line.indexOf(":");
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  }));
}

/** Text of page `page` (from 1), or of the whole document, line by line as laid out (no joining of hyphenated words). */
export function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  return execFileSync("pdftotext", ["-layout", ...range, path, "-"], { encoding: "utf8" });
}

/** Text of every page, in order. */
export function pdfPages(path: string): string[] {
  return pdfText(path).split("\f").slice(0, -1);
}

export function pdfFonts(path: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync("pdffonts", [path], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    return { name: columns[0], embedded: columns[columns.length - 5] === "yes" };
  });
}

export function openPdf(path: string): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
}

export interface Bookmark {
  readonly title: string;
  /** Page number from 1. */
  readonly page: number;
  readonly children: Bookmark[];
}

export async function pdfOutline(doc: PDFDocumentProxy): Promise<Bookmark[]> {
  const walk = async (items: Awaited<ReturnType<PDFDocumentProxy["getOutline"]>>): Promise<Bookmark[]> =>
    Promise.all(
      (items ?? []).map(async (item) => {
        const dest = typeof item.dest === "string" ? await doc.getDestination(item.dest) : item.dest;
        const page = dest ? (await doc.getPageIndex(dest[0] as never)) + 1 : 0;
        return { title: item.title, page, children: await walk(item.items) };
      }),
    );
  return walk(await doc.getOutline());
}
