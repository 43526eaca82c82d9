/** The print PDF read back with real PDF readers: page sequence, running heads, folios, contents numbers, footnotes, labels, boxes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument, PDFName, PDFArray, type PDFNumber } from "pdf-lib";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildBook, fixture, seedManuscript, syntheticBook } from "./helpers/build.js";
import {
  openPdf,
  pageItems,
  pdfFonts,
  pdfInfo,
  pdfLinks,
  pdfOutline,
  pdfPages,
  textBetween,
  type Bookmark,
  type LinkAnnotation,
  type TextItem,
} from "./helpers/pdf.js";
import { printedWords } from "./helpers/words.js";

const inch = 72;
const trims: Record<string, [number, number]> = { "6x9": [6 * inch, 9 * inch], "5.5x8.5": [5.5 * inch, 8.5 * inch] };

describe.each([
  { name: "seed book", dir: seedManuscript },
  { name: "print fixture book", dir: fixture("print") },
  { name: "feature fixture book", dir: fixture("features") },
  { name: "synthetic book", dir: syntheticBook() },
])("print PDF of the $name", ({ dir }) => {
  const yaml = parseYaml(readFileSync(join(dir, "book.yaml"), "utf8")) as { title: string; print?: { trim?: string } };
  const [trimWidth, trimHeight] = trims[yaml.print?.trim ?? "6x9"];
  let path: string;
  let doc: PDFDocumentProxy;
  let labels: string[];
  let outline: Bookmark[];
  let links: LinkAnnotation[];
  let pages: TextItem[][];
  /** Each page's text as poppler extracts it. */
  let texts: string[];
  /** Physical page numbers (from 1) of chapter openings, with the chapter titles. */
  let openings: { page: number; title: string }[];

  const headZone = (items: TextItem[]) => textBetween(items, trimHeight - 0.75 * inch, trimHeight);
  const folioZone = (items: TextItem[]) => textBetween(items, 0, 0.8 * inch - 6);
  const chapterAt = (page: number) => openings.filter((o) => o.page <= page).pop();

  beforeAll(async () => {
    const built = await buildBook(dir, ["pdf"]);
    path = built.path("pdf");
    doc = await openPdf(path);
    labels = (await doc.getPageLabels()) ?? [];
    outline = await pdfOutline(doc);
    links = await pdfLinks(doc);
    pages = [];
    for (let page = 1; page <= doc.numPages; page++) pages.push(await pageItems(doc, page));
    texts = pdfPages(path);
    const contentsPage = outline.find((b) => b.title === "Contents")!.page;
    openings = outline.filter((b) => b.page > contentsPage).map((b) => ({ page: b.page, title: b.title }));
  });

  it("numbers the front matter in roman and the body in arabic from 1 at the first chapter", () => {
    expect(labels).toHaveLength(doc.numPages);
    const first = openings[0].page;
    expect(labels.slice(0, first - 1)).toEqual(
      Array.from({ length: first - 1 }, (_, i) => ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][i]),
    );
    expect(labels.slice(first - 1)).toEqual(Array.from({ length: doc.numPages - first + 1 }, (_, i) => String(i + 1)));
  });

  it("has half-title, title page, copyright page and contents, each title page on a right-hand page", () => {
    const text = (page: number) => texts[page - 1];
    expect(text(1)).toContain(yaml.title.split(" ")[0]);
    expect(text(2).trim()).toBe("");
    expect(text(3)).toContain(yaml.title.split(" ")[0]);
    // The copyright page prints what a reader can use (dates, version, ISBNs): no generated identifier.
    expect(text(4)).toContain("First published");
    expect(text(4)).not.toMatch(/urn:uuid:/);
    expect(text(4)).toContain("Set in Source Serif 4");
    expect(outline.find((b) => b.title === "Contents")!.page % 2).toBe(1);
  });

  it("opens every chapter on a right-hand (odd) page with no running head and no folio", () => {
    expect(openings.length).toBeGreaterThan(0);
    for (const opening of openings) {
      expect(opening.page % 2, opening.title).toBe(1);
      const items = pages[opening.page - 1];
      expect(headZone(items), `head on ${opening.page}`).toBe("");
      expect(folioZone(items), `folio on ${opening.page}`).toBe("");
    }
  });

  it("leaves blank pages without head or folio", () => {
    const blanks = pages
      .map((items, i) => ({ page: i + 1, text: items.map((t) => t.text).join("") }))
      .filter((p) => p.text === "");
    for (const blank of blanks) {
      const next = openings.find((o) => o.page === blank.page + 1) ?? (blank.page === 2 ? { page: 3 } : undefined);
      expect(next, `blank page ${blank.page} is not before a right-hand opening`).toBeDefined();
    }
  });

  it("prints the book title on left pages and the chapter in progress on right pages, with folios", () => {
    let checked = 0;
    for (let page = openings[0].page + 1; page <= doc.numPages; page++) {
      const items = pages[page - 1];
      if (items.length === 0 || openings.some((o) => o.page === page)) continue;
      const expected = page % 2 === 0 ? yaml.title : chapterAt(page)!.title;
      expect(headZone(items), `running head on page ${page}`).toBe(expected);
      expect(folioZone(items), `folio on page ${page}`).toBe(labels[page - 1]);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("gives each contents entry the folio of the page where its heading is found", () => {
    // The contents may run over several pages, up to the first chapter.
    const contentsPage = outline.find((b) => b.title === "Contents")!.page;
    // An entry that the page break cuts leaves a sliver of its box on the page before: not an entry.
    const entries = links.filter(
      (l) => l.page >= contentsPage && l.page < openings[0].page && l.rect[3] - l.rect[1] > 5,
    );
    expect(entries.length).toBeGreaterThanOrEqual(openings.length);
    for (const entry of entries) {
      const [x1, y1, x2, y2] = entry.rect;
      const inEntry = pages[entry.page - 1].filter(
        (i) => i.y >= y1 - 1 && i.y <= y2 + 1 && i.x >= x1 - 1 && i.x <= x2 + 1,
      );
      const number = inEntry.filter((i) => /^\d+$/.test(i.text.trim())).pop();
      expect(number?.text.trim(), `number of entry to page ${entry.target}`).toBe(labels[entry.target - 1]);
      const title = inEntry
        .map((i) => i.text)
        .join(" ")
        .replace(/[ .]*\d+\s*$/, "")
        .replace(/[\s.]+$/, "");
      const headingPage = printedWords(texts[entry.target - 1]).join(" ");
      expect(headingPage, `heading “${title}” on page ${entry.target}`).toContain(printedWords(title).join(" "));
    }
  });

  it("sets each footnote on the page of its reference, and links them both ways", () => {
    const refs = links.filter((l) => /^fn-/.test(l.dest));
    const backs = links.filter((l) => /^fnref-/.test(l.dest));
    if (dir === seedManuscript) {
      expect(refs).toEqual([]);
      return;
    }
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref.target, `note ${ref.dest} referenced on page ${ref.page}`).toBe(ref.page);
    expect(backs.map((b) => b.target).sort()).toEqual(refs.map((r) => r.page).sort());
  });

  it("has bookmarks that point at the pages of their headings", () => {
    const flat = (items: Bookmark[]): Bookmark[] => items.flatMap((b) => [b, ...flat(b.children)]);
    for (const bookmark of flat(outline)) {
      const text = printedWords(texts[bookmark.page - 1]).join(" ");
      expect(text, bookmark.title).toContain(printedWords(bookmark.title).join(" "));
    }
  });

  it("embeds every font and sets the document metadata", () => {
    const fonts = pdfFonts(path);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    const info = pdfInfo(path);
    expect(info.Title).toContain(yaml.title);
    expect(info.Creator).toMatch(/^Folio \d/);
    expect(info.Producer).toMatch(/Folio/);
    expect(info.Keywords).toContain(yaml.title);
    expect(info.Tagged).toBe("yes");
  });

  it("sets the page size and TrimBox to the trim size on every page", async () => {
    const pdf = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
    for (const page of pdf.getPages()) {
      const box = page.node
        .lookup(PDFName.of("TrimBox"), PDFArray)
        .asArray()
        .map((n) => (n as PDFNumber).asNumber());
      expect(box.map((n) => Math.round(n))).toEqual([0, 0, trimWidth, trimHeight]);
      expect(page.getSize()).toEqual({ width: trimWidth, height: trimHeight });
    }
  });
});
