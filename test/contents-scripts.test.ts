/** Contents page numbers for every chapter whatever the script of its title: Hangul, Han, Arabic, Hebrew, and a title over two lines. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBook, tempDir } from "./helpers/build.js";
import { openPdf, pageItems, pdfLinks, pdfOutline, type LinkAnnotation } from "./helpers/pdf.js";

const titles = [
  "한국어 제목",
  "中文标题",
  "عنوان عربي",
  "כותרת עברית",
  "A very long chapter title that surely runs over two lines in the contents of this book",
];

let doc: PDFDocumentProxy;
let labels: string[];
let entries: LinkAnnotation[];

beforeAll(async () => {
  const dir = join(tempDir(), "book");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "book.yaml"), "title: Scripts\nlanguage: en\n");
  titles.forEach((title, i) =>
    writeFileSync(join(dir, `0${i + 1}-chapter.md`), `# ${title}\n\nText of chapter ${i + 1}.\n`),
  );
  const built = await buildBook(dir, ["pdf"]);
  doc = await openPdf(built.path("pdf"));
  labels = (await doc.getPageLabels()) ?? [];
  const outline = await pdfOutline(doc);
  const contents = outline.find((bookmark) => bookmark.title === "Contents")!.page;
  const firstChapter = outline.filter((bookmark) => bookmark.page > contents)[0].page;
  entries = (await pdfLinks(doc)).filter(
    (link) => link.page >= contents && link.page < firstChapter && link.rect[3] - link.rect[1] > 5,
  );
}, 300_000);

describe("the contents of a book with titles in several scripts", () => {
  it("has one entry per chapter, each to a different right-hand page", () => {
    expect(entries).toHaveLength(titles.length);
    expect(new Set(entries.map((entry) => entry.target)).size).toBe(titles.length);
    for (const entry of entries) expect(entry.target % 2, `page ${entry.target}`).toBe(1);
  });

  it("gives every entry the label of the page it leads to", async () => {
    const numbers: string[] = [];
    for (const entry of entries) {
      const [x1, y1, x2, y2] = entry.rect;
      const items = (await pageItems(doc, entry.page)).filter(
        (item) => item.y >= y1 - 1 && item.y <= y2 + 1 && item.x >= x1 - 1 && item.x <= x2 + 1,
      );
      const number = items
        .filter((item) => /^\d+$/.test(item.text.trim()))
        .pop()
        ?.text.trim();
      expect(number, `entry to page ${entry.target}`).toBe(labels[entry.target - 1]);
      numbers.push(number!);
    }
    expect(numbers).toEqual(["1", "3", "5", "7", "9"]);
  });
});
