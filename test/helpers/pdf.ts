/** Reading a PDF in tests with real readers: poppler for text and info, pdf.js for outline and labels. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

export function pdfInfo(path: string): Record<string, string> {
  const output = execFileSync("pdfinfo", [path], { encoding: "utf8" });
  return Object.fromEntries(
    output
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const colon = line.indexOf(":");
        return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
      }),
  );
}

/** Text of page `page` (from 1), or of the whole document, line by line as laid out (no joining of hyphenated words). */
export function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  return execFileSync("pdftotext", ["-layout", ...range, path, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
}

/** Text of every page, in order. */
export function pdfPages(path: string): string[] {
  return pdfText(path).split("\f").slice(0, -1);
}

/** The fonts pdffonts lists: name, type (`CID TrueType`, `Type 3`…) and whether the file embeds it. */
export function pdfFonts(path: string): { name: string; type: string; embedded: boolean }[] {
  const lines = execFileSync("pdffonts", [path], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  return lines.map((line) => {
    const columns = line.trim().split(/\s+/);
    // name, type (one or two words), encoding, emb, sub, uni, object number, generation.
    return { name: columns[0], type: columns.slice(1, -6).join(" "), embedded: columns[columns.length - 5] === "yes" };
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

export interface TextItem {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  /** Advance of the whole item, and its font size, in points. */
  readonly width: number;
  readonly size: number;
}

/** The text items of page `page` (from 1) with their baseline positions in points. */
export async function pageItems(doc: PDFDocumentProxy, page: number): Promise<TextItem[]> {
  const content = await (await doc.getPage(page)).getTextContent();
  return content.items
    .filter(
      (item): item is typeof item & { str: string; transform: number[]; width: number } =>
        "str" in item && item.str.trim() !== "",
    )
    .map((item) => ({
      text: item.str,
      x: item.transform[4],
      y: item.transform[5],
      width: item.width,
      size: Math.hypot(item.transform[2], item.transform[3]),
    }));
}

/** Text of the items whose baseline lies between `low` and `high` points from the page's foot. */
export function textBetween(items: readonly TextItem[], low: number, high: number): string {
  return items
    .filter((item) => item.y >= low && item.y <= high)
    .sort((a, b) => b.y - a.y || a.x - b.x)
    .map((item) => item.text)
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

export interface LinkAnnotation {
  /** Page number (from 1) the link sits on, and the page its destination is on. */
  readonly page: number;
  readonly target: number;
  readonly dest: string;
  readonly rect: number[];
}

export interface AnyLink extends LinkAnnotation {
  /** The URL of a link out of the book ("" for an internal link). */
  readonly url: string;
}

/**
 * Every link annotation, internal or not, resolved or not: `dest` is the named destination (""
 * for an explicit one), `target` 0 when the destination does not resolve or the link leaves the book.
 */
export async function pdfAllLinks(doc: PDFDocumentProxy): Promise<AnyLink[]> {
  const links: AnyLink[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    for (const annotation of await (await doc.getPage(page)).getAnnotations()) {
      if (annotation.subtype !== "Link") continue;
      const rect = annotation.rect as number[];
      if (!annotation.dest) {
        links.push({ page, rect, dest: "", url: String(annotation.url ?? annotation.unsafeUrl ?? ""), target: 0 });
        continue;
      }
      const dest = typeof annotation.dest === "string" ? await doc.getDestination(annotation.dest) : annotation.dest;
      const target = dest ? (await doc.getPageIndex(dest[0] as never)) + 1 : 0;
      links.push({ page, rect, dest: typeof annotation.dest === "string" ? annotation.dest : "", url: "", target });
    }
  }
  return links;
}

/** Every internal link of the document that resolves, with its page and its destination's page. */
export async function pdfLinks(doc: PDFDocumentProxy): Promise<LinkAnnotation[]> {
  return (await pdfAllLinks(doc)).filter((link) => !link.url && link.target > 0).map(({ url, ...link }) => link);
}

/** Text of page `page` (from 1) inside the rectangle `top` points down from the top edge, `height` points high. */
export function pdfTextRegion(path: string, page: number, top: number, height: number, width = 2000): string {
  const crop = ["-x", "0", "-y", String(Math.round(top)), "-W", String(width), "-H", String(Math.round(height))];
  return execFileSync(
    "pdftotext",
    ["-layout", "-r", "72", "-f", String(page), "-l", String(page), ...crop, path, "-"],
    { encoding: "utf8" },
  );
}
