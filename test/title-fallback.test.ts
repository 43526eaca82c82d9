/** A chapter with no heading takes a readable title from its file name, the same in the contents, the nav, its opening page and its running head. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readableTitle } from "../scripts/plugins/rehype-title-heading.js";
import { buildBook, tempDir, type BuiltBook } from "./helpers/build.js";
import { elements, openEpub, textOf } from "./helpers/epub.js";
import { openPdf, pageItems, pdfOutline, pdfPages, textBetween } from "./helpers/pdf.js";

let book: BuiltBook;

beforeAll(async () => {
  const dir = join(tempDir(), "book");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "book.yaml"), "title: Fallbacks\nlanguage: en\n");
  writeFileSync(join(dir, "01-intro.md"), "# Intro\n\nA chapter with its heading.\n");
  const paragraph =
    "This chapter was written without a heading, and it runs on long enough to fill several printed pages of the book. ";
  writeFileSync(join(dir, "04-no-heading.md"), Array.from({ length: 40 }, () => paragraph.repeat(4)).join("\n\n"));
  book = await buildBook(dir);
}, 300_000);

describe("the file-name title", () => {
  it("is made readable: number and separators go, words get capitals", () => {
    expect(readableTitle("04-no-heading")).toBe("No Heading");
    expect(readableTitle("chapter_two")).toBe("Chapter Two");
    expect(readableTitle("12.épilogue-final")).toBe("Épilogue Final");
    expect(readableTitle("2024-notes")).toBe("Notes");
    expect(readableTitle("07")).toBe("07");
  });

  it("still warns that the chapter has no heading", () => {
    const messages = book.files.flatMap((file) => file.messages.map((message) => message.ruleId));
    expect(messages).toEqual(["chapter-no-heading"]);
  });

  it("is the chapter's heading and nav entry in the web edition", () => {
    const html = readFileSync(book.path("html"), "utf8");
    expect(html).toMatch(/<h1 id="no-heading">No Heading<\/h1>/);
    expect(html).not.toContain(">04-no-heading<");
    expect(html).toMatch(/<a href="#no-heading">No Heading<\/a>/);
  });

  it("is the EPUB chapter's heading, its nav entry and its NCX label", async () => {
    const epub = await openEpub(book.path("epub"));
    const chapter = await epub.xml("OEBPS/04-no-heading.xhtml");
    expect(elements(chapter, "h1").map(textOf)).toEqual(["No Heading"]);
    const nav = await epub.xml(epub.names.find((name) => name.endsWith("toc.xhtml"))!);
    expect(elements(nav, "a").map(textOf)).toContain("No Heading");
    const ncx = await epub.text(epub.names.find((name) => name.endsWith(".ncx"))!);
    expect(ncx).toContain("<text>No Heading</text>");
    expect(ncx).not.toContain("04-no-heading</text>");
  });

  it("is in the PDF's contents, bookmarks, opening page and running heads", async () => {
    const doc = await openPdf(book.path("pdf"));
    const outline = await pdfOutline(doc);
    const opening = outline.find((bookmark) => bookmark.title === "No Heading");
    expect(opening).toBeDefined();
    const pages = pdfPages(book.path("pdf")).map((text) => text.replace(/\u00AD/g, ""));
    const contents = outline.find((bookmark) => bookmark.title === "Contents")!.page;
    expect(pages[contents - 1]).toMatch(/No Heading[ .]+\d+/);
    expect(pages[opening!.page - 1].trimStart().startsWith("No Heading")).toBe(true);
    const height = (await doc.getPage(1)).view[3];
    const heads: string[] = [];
    for (let page = opening!.page + 1; page <= doc.numPages; page++)
      heads.push(textBetween(await pageItems(doc, page), height - 54, height));
    // Right-hand pages (odd physical numbers) carry the chapter's title, left-hand ones the book's.
    const rightHeads = heads.filter((_, i) => (opening!.page + 1 + i) % 2 === 1);
    expect(rightHeads.length).toBeGreaterThan(0);
    for (const head of rightHeads) expect(head).toBe("No Heading");
  });
});
