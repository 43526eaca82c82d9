/**
 * The index and numbered cross-references in every edition, on the apparatus fixture book: the
 * index's page numbers are the labels of the pages where the marked words print, every reference
 * with a page names the page its target prints on, and both stay right when a chapter before them
 * grows; the EPUB's index links resolve and its numbers are the printed pages; every EPUB check passes.
 */
import { appendFileSync, cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { aceViolations } from "./helpers/ace.js";
import { buildBook, fixture, tempDir, type BuiltBook } from "./helpers/build.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, parseXml, textOf, type OpenEpub } from "./helpers/epub.js";
import { linkTexts, pageOfWord, readPrinted, type PrintedBook } from "./helpers/printed-places.js";

/** Each index mark of the web edition that marks a word the book prints once: its id and its word. */
function visibleMarks(html: string): { id: string; word: string }[] {
  const text = html.slice(0, html.indexOf('id="chapter-index"')).replace(/<[^>]+>/g, " ");
  const once = (word: string) => text.split(/[^\p{L}]+/u).filter((w) => w === word).length === 1;
  return [...html.matchAll(/<span class="index-mark" id="([^"]+)">(\p{L}+)<\/span>/gu)]
    .map((m) => ({ id: m[1], word: m[2] }))
    .filter((mark) => once(mark.word));
}

/** The first page (from 0) of the index: the page after the last whose text holds no "Index" heading. */
function indexStart(book: PrintedBook): number {
  return book.texts.findLastIndex((text) => /^\s*Index\s*$/m.test(text));
}

/** The page (from 0) where the caption that begins `Figure 3.1:` prints. */
function captionPage(book: PrintedBook, name: string): number {
  const pages = book.texts.flatMap((text, page) => (text.replace(/\s+/g, " ").includes(`${name}:`) ? [page] : []));
  if (pages.length !== 1) throw new Error(`caption ${name} prints on ${pages.length} pages`);
  return pages[0];
}

/** The body's text, lines joined and words hyphenated at a line end made whole. */
function bodyText(book: PrintedBook, end: number): string {
  return book.texts
    .slice(0, end)
    .join("\n")
    .replace(/(\p{L})[-\u2010][ \t]*\r?\n[ \t]*(?=\p{Ll})/gu, "$1")
    .replace(/\s+/g, " ");
}

/** Every index link's number is the label of the page its mark's word prints on, as in the EPUB's index. */
async function checkIndex(book: PrintedBook, html: string, epubIndex?: Map<string, string>): Promise<number> {
  const start = indexStart(book);
  expect(start).toBeGreaterThan(0);
  const words = new Map(visibleMarks(html).map((mark) => [mark.id, mark.word]));
  const links = (await linkTexts(book, start, book.texts.length)).filter((link) => link.dest.startsWith("ix-"));
  expect(links.length).toBeGreaterThan(60);
  let checked = 0;
  for (const link of links) {
    expect(link.text, `link to ${link.dest}`).toMatch(/^\d+$/);
    // The link goes to the page its number names.
    expect(book.labels[link.target], `link to ${link.dest}`).toBe(link.text);
    if (epubIndex) expect(epubIndex.get(link.dest), `EPUB locator of ${link.dest}`).toBe(link.text);
    const word = words.get(link.dest);
    if (!word) continue;
    const page = pageOfWord(book, word, 0, start);
    expect(link.text, `index number of “${word}”`).toBe(book.labels[page]);
    checked++;
  }
  expect(checked).toBeGreaterThan(50);
  return checked;
}

/** Every `Figure 3.1 on page N` and `turn to page N` names the page of its target's caption; returns the pages named. */
function checkPageReferences(book: PrintedBook): Record<string, string> {
  const end = indexStart(book);
  const text = bodyText(book, end);
  const named: Record<string, string> = {};
  const withName = [...text.matchAll(/((?:Figure|Table|Listing) [\dA-Z]+\.\d+) on page (\d+)/g)];
  expect(withName.map((m) => m[1])).toEqual(["Listing 1.1", "Figure 2.1", "Figure 1.1", "Table 3.1"]);
  for (const [, name, page] of withName) {
    expect(page, name).toBe(book.labels[captionPage(book, name)]);
    named[name] = page;
  }
  // `[+-@fig:springs]` and `[+-@tbl:depths]`: the page alone, the name hidden.
  const alone = [...text.matchAll(/turn to page (\d+)/g)].map((m) => m[1]);
  expect(alone).toEqual([book.labels[captionPage(book, "Figure 3.1")], book.labels[captionPage(book, "Table 1.1")]]);
  expect(text).not.toMatch(/turn to Figure|turn to Table/);
  return named;
}

describe("index and cross-references", () => {
  let built: BuiltBook;
  let printed: PrintedBook;
  let epub: OpenEpub;
  let html: string;

  beforeAll(async () => {
    built = await buildBook(fixture("apparatus"), ["html", "pdf", "epub"], { sourceDateEpoch: 1_700_000_000 });
    printed = await readPrinted(built.path("pdf"));
    epub = await openEpub(built.path("epub"));
    html = readFileSync(built.path("html"), "utf8");
  }, 600_000);

  it("prints each index number as the label of the page where its marked word prints, and links it there", async () => {
    const index = parseXml(await epub.text("OEBPS/index.xhtml"));
    const locators = new Map(
      elements(index, "a")
        .filter((a) => a.getAttribute("epub:type") === "index-locator")
        .map((a) => [(a.getAttribute("href") ?? "").split("#")[1], textOf(a)]),
    );
    await checkIndex(printed, html, locators);
    const text = printed.texts.slice(indexStart(printed)).join("\n");
    // A range across pages, sub-entries under their entry, cross-references, letters in order.
    expect(text).toMatch(/Currents, (\d+)–(\d+)/);
    const [, from, to] = /Currents, (\d+)–(\d+)/.exec(text)!;
    expect(Number(to)).toBeGreaterThan(Number(from));
    expect(text).toMatch(/Lantern, see Lamp/);
    expect(text).toMatch(/Quay, see also Jetsam/);
    // Each letter's heading stands alone in its column.
    const letters = [...text.matchAll(/(?:^|\s{3,})([A-Z]|Symbols)(?=\s{3,}|\s*$)/gm)].map((m) => m[1]);
    expect(letters[0]).toBe("Symbols");
    expect(new Set(letters).size).toBeGreaterThan(10);
  });

  it("prints every reference with a page as the label of the page its target prints on", () => {
    checkPageReferences(printed);
  });

  it("numbers things per chapter, appendices by letter, and names them in references", () => {
    const text = bodyText(printed, indexStart(printed));
    for (const caption of [
      "Figure 1.1: The chart",
      "Figure 1.3: Soundings",
      "Table 1.1: Depths",
      "Listing 1.1: Lighting",
      "Figure 2.1: The harbour",
      "Table 3.1: Spring tides",
      "Figure 3.1: The spring",
      "Figure A.1: The soundings",
    ])
      expect(text).toContain(caption);
    expect(text).toContain("(1.1)");
    expect(text).toContain("compare Figures 1.1–1.3.");
    expect(text).toContain("See Equation 1.1 for the keeper’s sum; the sea is described in Chapter 1.");
    expect(text).toContain("As Chapter 2 showed");
  });

  it("lists the index in the EPUB's navigation, its links resolving to the marked places", async () => {
    const nav = parseXml(await epub.text("OEBPS/toc.xhtml"));
    const toc = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "toc")!;
    expect(elements(toc, "a").map((a) => [textOf(a), a.getAttribute("href")])).toContainEqual([
      "Index",
      "index.xhtml#index-title",
    ]);
    const index = parseXml(await epub.text("OEBPS/index.xhtml"));
    const links = elements(index, "a");
    expect(links.length).toBeGreaterThan(60);
    for (const link of links) {
      const [file, id] = (link.getAttribute("href") ?? "").split("#");
      const doc = parseXml(await epub.text(`OEBPS/${file}`));
      const target = elements(doc, "*").find((e) => e.getAttribute("id") === id);
      expect(target, link.getAttribute("href") ?? "").toBeDefined();
      const type = link.getAttribute("epub:type");
      if (type === "index-locator") expect(target!.getAttribute("class")).toBe("index-mark");
      else expect(type).toMatch(/^index-xref-(preferred|related)$/);
    }
    const groups = elements(index, "section").filter((s) => s.getAttribute("epub:type") === "index");
    expect(groups.length).toBeGreaterThan(10);
  });

  it("marks where the back matter starts among the landmarks, and types no landmark `index`", async () => {
    const nav = parseXml(await epub.text("OEBPS/toc.xhtml"));
    const landmarks = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "landmarks")!;
    const marks = elements(landmarks, "a").map((a) => [a.getAttribute("epub:type"), a.getAttribute("href")]);
    // The appendix is the first chapter of the back matter; the index follows it.
    expect(marks).toContainEqual(["backmatter", "04-soundings.xhtml"]);
    expect(marks.map(([type]) => type)).not.toContain("index");
  });

  it("makes every reference a link to its target in the EPUB and the web edition", async () => {
    const chapter = parseXml(await epub.text("OEBPS/02-harbours.xhtml"));
    const references = elements(chapter, "span").filter((s) => s.getAttribute("class") === "xref");
    expect(references.length).toBeGreaterThan(3);
    for (const reference of references) {
      for (const a of elements(reference, "a")) {
        const [file, id] = (a.getAttribute("href") ?? "").split("#");
        const doc = parseXml(await epub.text(`OEBPS/${file}`));
        expect(
          elements(doc, "*").some((e) => e.getAttribute("id") === id),
          a.getAttribute("href") ?? "",
        ).toBe(true);
      }
    }
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/<a (?:class="index-[^"]+" )?href="#([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(80);
    for (const href of hrefs) expect(ids.has(href), href).toBe(true);
  });

  it("passes both EPUBChecks and Ace", async () => {
    const java = epubcheckJava(built.path("epub"));
    expect(java.messages).toEqual([]);
    expect(java.errors + java.warnings).toBe(0);
    const port = await epubcheckTs(built.path("epub"));
    expect(port.messages).toEqual([]);
    expect(port.errors + port.warnings).toBe(0);
    expect(aceViolations(built.path("epub"))).toEqual([]);
  }, 600_000);

  describe("when a chapter before them grows by two pages", () => {
    let grown: PrintedBook;
    let grownHtml: string;

    beforeAll(async () => {
      const dir = join(tempDir("folio-grown-"), "book");
      cpSync(fixture("apparatus"), dir, { recursive: true });
      const first = join(dir, "01-sea.md");
      const [heading, ...rest] = readFileSync(first, "utf8").split("\n\n");
      const added = Array.from(
        { length: 8 },
        (_, i) => `${"The keeper wrote of the weather and the lamp, ".repeat(9)}and so on, for the ${i + 1}th time.`,
      );
      writeFileSync(first, [heading, ...added, ...rest].join("\n\n"));
      appendFileSync(first, "\n");
      const again = await buildBook(dir, ["html", "pdf"], { sourceDateEpoch: 1_700_000_000 });
      grown = await readPrinted(again.path("pdf"));
      grownHtml = readFileSync(again.path("html"), "utf8");
    }, 600_000);

    it("gives the index and every reference the pages they moved to", async () => {
      // Every reference's target moved by at least a page: the numbers checked below are new ones.
      expect(grown.texts.length).toBeGreaterThan(printed.texts.length);
      await checkIndex(grown, grownHtml);
      const before = checkPageReferences(printed);
      const after = checkPageReferences(grown);
      for (const name of Object.keys(before)) expect(Number(after[name]), name).toBeGreaterThan(Number(before[name]));
    });
  });
});
