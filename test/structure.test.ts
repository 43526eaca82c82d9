/**
 * The structure fixture book: chapters with front matter and book.yaml metadata, a chapter split
 * into section files (one of them nested), a title-only group, two parts, a draft left out.
 * Built to all three editions and read back with real readers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Document, Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { aceViolations } from "./helpers/ace.js";
import { buildBook, fixture, type BuiltBook } from "./helpers/build.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, parseXml, textOf, type OpenEpub } from "./helpers/epub.js";
import { openPdf, pageItems, pdfOutline, pdfPages, textBetween, type Bookmark, type TextItem } from "./helpers/pdf.js";
import { missingInOrder, printedWords, sourceWords, words } from "./helpers/words.js";

const dir = fixture("structure");
/** The book's files in reading order, the draft left out. */
const files = [
  "foreword.md",
  "keeping-light.md",
  "getting-started/tools.md",
  "getting-started/first-night.md",
  "getting-started/first-night-log.md",
  "storms.md",
  "glossary.md",
];
const inch = 72;

/** Titles of a nested list of entries, as [title, children] pairs. */
type Tree = [string, Tree[]];
const tree = (items: Bookmark[]): Tree[] => items.map((b) => [b.title, tree(b.children)]);
const contentsTree: Tree[] = [
  ["Foreword", []],
  [
    "Part One",
    [
      [
        "Keeping the Light",
        [
          ["The lamp room", []],
          ["The log", []],
          ["The watches", []],
          ["The seasons", []],
          ["The station", []],
        ],
      ],
      [
        "Getting Started",
        [
          ["Tools of the trade", []],
          ["The First Night", [["What the log said", []]]],
        ],
      ],
    ],
  ],
  ["Part Two", [["Storms", [["The great gale", []]]]]],
  ["Glossary", []],
];

/** The web edition read as XML (its void elements closed, as the editions test reads it). */
function webDocument(): Document {
  const html = readFileSync(built.path("html"), "utf8");
  return parseXml(
    html
      .replace(/^<!DOCTYPE html>/i, "")
      .replace(/<style>[\s\S]*?<\/style>/, "")
      .replace(/<(meta|link|img)\b([^>]*?)\/?>/g, "<$1$2/>")
      .replace(/&(?!amp;|lt;|gt;|quot;|#)/g, "&amp;"),
  );
}

let built: BuiltBook;
let epub: OpenEpub;

beforeAll(async () => {
  built = await buildBook(dir, undefined, { sourceDateEpoch: 1_700_000_000 });
  epub = await openEpub(built.path("epub"));
});

describe("the structure fixture book", () => {
  it("builds all three editions without a diagnostic", () => {
    expect(built.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(built.artifacts.map((a) => a.format).sort()).toEqual(["epub", "html", "pdf"]);
  });

  it("passes both EPUBChecks with no error or warning, and Ace with no violation", async () => {
    const java = epubcheckJava(built.path("epub"));
    expect(java.messages).toEqual([]);
    expect([java.errors, java.warnings]).toEqual([0, 0]);
    const port = await epubcheckTs(built.path("epub"));
    expect(port.messages).toEqual([]);
    expect([port.errors, port.warnings]).toEqual([0, 0]);
    expect(aceViolations(built.path("epub"))).toEqual([]);
  }, 300_000);

  it("keeps every source word of each file in order in every edition, and no word of the front matter or the draft", async () => {
    // File by file, as the editions test reads them: a note at the foot of a printed page comes after the next section's first words.
    const opf = await epub.xml("OEBPS/content.opf");
    const hrefById = new Map(elements(opf, "item").map((item) => [item.getAttribute("id"), item.getAttribute("href")]));
    const spine = elements(opf, "itemref").map((ref) => hrefById.get(ref.getAttribute("idref"))!);
    const epubWords = (
      await Promise.all(spine.map(async (href) => words(textOf((await epub.xml(`OEBPS/${href}`)).documentElement!))))
    ).flat();
    const html = webDocument();
    const webWords = words(textOf(elements(html, "main")[0]));
    const pdfWords = printedWords(pdfPages(built.path("pdf")).join("\n"));
    for (const [edition, actual] of [
      ["EPUB", epubWords],
      ["web", webWords],
      ["PDF", pdfWords],
    ] as const) {
      for (const file of files)
        expect(missingInOrder(sourceWords(join(dir, file)), actual), `${edition}: ${file}`).toBeUndefined();
      for (const leaked of ["draft", "kind", "recto"]) expect(actual, `${edition}: ${leaked}`).not.toContain(leaked);
      expect(actual, edition).not.toContain("Unfinished");
    }
  });
});

describe("EPUB", () => {
  it("nests parts, chapters and sections in the navigation, titled by the metadata", async () => {
    const nav = await epub.xml("OEBPS/toc.xhtml");
    const toc = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "toc")!;
    const list = (ol: Element): Tree[] =>
      Array.from(ol.childNodes)
        .filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === "li")
        .map((li) => {
          const a = elements(li, "a")[0];
          const inner = Array.from(li.childNodes).find(
            (n): n is Element => n.nodeType === 1 && (n as Element).localName === "ol",
          );
          return [textOf(a), inner ? list(inner) : []];
        });
    expect(list(elements(toc, "ol")[0])).toEqual(contentsTree);
    const landmarks = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "landmarks")!;
    expect(
      elements(landmarks, "a")
        .find((a) => a.getAttribute("epub:type") === "bodymatter")!
        .getAttribute("href"),
    ).toBe("part-page-1.xhtml");
  });

  it("nests the NCX the same way", async () => {
    const ncx = await epub.xml("OEBPS/toc.ncx");
    const points = (parent: Element): Tree[] =>
      Array.from(parent.childNodes)
        .filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === "navPoint")
        .map((point) => [textOf(elements(point, "text")[0]), points(point)]);
    expect(points(elements(ncx, "navMap")[0])).toEqual(contentsTree);
    expect(
      elements(ncx, "meta")
        .find((m) => m.getAttribute("name") === "dtb:depth")!
        .getAttribute("content"),
    ).toBe("4");
  });

  it("marks each document with its kind, and gives each part a document of its own in the spine", async () => {
    const kind = async (name: string) => {
      const section = elements(await epub.xml(`OEBPS/${name}`), "section")[0];
      return [section.getAttribute("epub:type"), section.getAttribute("role"), section.getAttribute("class")];
    };
    expect(await kind("foreword.xhtml")).toEqual(["foreword", "doc-foreword", "chapter kind-foreword"]);
    expect(await kind("keeping-light.xhtml")).toEqual(["chapter", "doc-chapter", "chapter kind-chapter"]);
    expect(await kind("tools.xhtml")).toEqual(["chapter", "doc-chapter", "chapter kind-chapter"]);
    expect(await kind("first-night.xhtml")).toEqual([null, null, "chapter-section"]);
    expect(await kind("glossary.xhtml")).toEqual(["glossary", "doc-glossary", "chapter kind-glossary"]);
    expect(await kind("part-page-1.xhtml")).toEqual(["part", "doc-part", "part"]);
    const opf = await epub.xml("OEBPS/content.opf");
    const spine = elements(opf, "itemref").map((ref) => ref.getAttribute("idref"));
    expect(spine.slice(spine.indexOf("nav") + 1)).toEqual([
      "chapter-1",
      "part-page-1",
      "chapter-2",
      "chapter-3",
      "chapter-4",
      "chapter-5",
      "part-page-2",
      "chapter-6",
      "chapter-7",
    ]);
    expect(epub.names.some((name) => name.includes("unfinished"))).toBe(false);
  });

  it("titles a chapter by its metadata and keeps the author's heading in its text", async () => {
    const doc = await epub.xml("OEBPS/keeping-light.xhtml");
    expect(textOf(elements(doc, "title")[0])).toBe("Keeping the Light");
    expect(textOf(elements(doc, "h1")[0])).toBe("The Keeper’s Series");
    const night = await epub.xml("OEBPS/first-night.xhtml");
    // A section's `#` takes its level in the chapter: `##`, and `###` for the section within it.
    expect(elements(night, "h2").map(textOf)).toEqual(["A first night alone"]);
    expect(elements(await epub.xml("OEBPS/first-night-log.xhtml"), "h3").map(textOf)).toEqual(["What the log said"]);
    const storms = await epub.xml("OEBPS/storms.xhtml");
    expect(
      elements(storms, "p")
        .filter((p) => p.getAttribute("class") === "chapter-subtitle")
        .map(textOf),
    ).toEqual(["When the sea comes over the gallery"]);
    const foreword = await epub.xml("OEBPS/foreword.xhtml");
    expect(
      elements(foreword, "p")
        .filter((p) => p.getAttribute("class") === "chapter-author")
        .map(textOf),
    ).toEqual(["Tom Reyes"]);
  });

  it("puts the printed pages of a chapter's sections into the section documents", async () => {
    const nav = await epub.xml("OEBPS/toc.xhtml");
    const pageList = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "page-list")!;
    const hrefs = elements(pageList, "a").map((a) => a.getAttribute("href")!);
    expect(hrefs.some((href) => href.startsWith("tools.xhtml#page-"))).toBe(true);
    for (const href of hrefs) {
      const [name, id] = href.split("#");
      const doc = await epub.xml(`OEBPS/${name}`);
      expect(
        elements(doc, "span").some((span) => span.getAttribute("id") === id),
        href,
      ).toBe(true);
    }
  });
});

describe("web edition", () => {
  it("nests the contents and heads each part", () => {
    const doc = webDocument();
    const toc = elements(doc, "nav")[0];
    const list = (ol: Element): Tree[] =>
      Array.from(ol.childNodes)
        .filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === "li")
        .map((li) => {
          const inner = Array.from(li.childNodes).find(
            (n): n is Element => n.nodeType === 1 && (n as Element).localName === "ol",
          );
          return [textOf(elements(li, "a")[0]), inner ? list(inner) : []];
        });
    expect(list(elements(toc, "ol")[0])).toEqual(contentsTree);
    const parts = elements(doc, "section")
      .filter((s) => s.getAttribute("class") === "part")
      .map((s) => textOf(elements(s, "h1")[0]));
    expect(parts).toEqual(["Part One", "Part Two"]);
    const ids = new Set(elements(doc, "*").map((e) => e.getAttribute("id")));
    for (const a of elements(toc, "a"))
      expect(ids.has(a.getAttribute("href")!.slice(1)), a.getAttribute("href")!).toBe(true);
  });
});

describe("PDF", () => {
  let doc: PDFDocumentProxy;
  let labels: string[];
  let outline: Bookmark[];
  let pages: TextItem[][];
  const headZone = (items: TextItem[]) => textBetween(items, 9 * inch - 0.75 * inch, 9 * inch);
  const folioZone = (items: TextItem[]) => textBetween(items, 0, 0.8 * inch - 6);
  const pageOf = (title: string): number => {
    const flat = (items: Bookmark[]): Bookmark[] => items.flatMap((b) => [b, ...flat(b.children)]);
    return flat(outline).find((b) => b.title === title)!.page;
  };

  beforeAll(async () => {
    doc = await openPdf(built.path("pdf"));
    labels = (await doc.getPageLabels()) ?? [];
    outline = await pdfOutline(doc);
    pages = [];
    for (let page = 1; page <= doc.numPages; page++) pages.push(await pageItems(doc, page));
  });

  it("has bookmarks nested like the contents, parts above their chapters", () => {
    // Bookmarks list every heading: the contents stop at a chapter's sections.
    const bookmarks = structuredClone(contentsTree);
    bookmarks[1][1][1][1][0][1].push(["Caring for the lens", []]);
    expect(tree(outline)).toEqual([["Contents", []], ...bookmarks]);
  });

  it("gives each part a right-hand title page of its own, with no running head and no folio", () => {
    for (const part of ["Part One", "Part Two"]) {
      const page = pageOf(part);
      expect(page % 2, part).toBe(1);
      expect(
        pages[page - 1]
          .map((item) => item.text)
          .join(" ")
          .trim(),
      ).toBe(part);
      expect(headZone(pages[page - 1])).toBe("");
      expect(folioZone(pages[page - 1])).toBe("");
    }
    // Numbering in arabic starts at the first part; the foreword, front matter, is numbered in roman.
    expect(labels[pageOf("Part One") - 1]).toBe("1");
    expect(labels[pageOf("Foreword") - 1]).toMatch(/^[ivx]+$/);
  });

  it("runs sections on in their chapter, without a new page", () => {
    const chapter = pageOf("Getting Started");
    expect(chapter % 2).toBe(1);
    for (const section of ["Tools of the trade", "The First Night", "What the log said"])
      expect(pageOf(section), section).toBe(chapter);
  });

  it("opens a chapter with `recto: false` on the next page, left or right", () => {
    expect(pageOf("Storms")).toBe(pageOf("Part Two") + 1);
  });

  it("prints the same pages and bookmarks when printed in several passes, cut at parts and chapters", async () => {
    const passes: string[] = [];
    const parted = await buildBook(
      dir,
      ["pdf"],
      { sourceDateEpoch: 1_700_000_000, printPassPages: 5 },
      { progress: (line) => passes.push(line) },
    );
    expect(passes.filter((line) => /^pdf: printing pages /.test(line)).length).toBeGreaterThan(1);
    const again = await openPdf(parted.path("pdf"));
    expect(again.numPages).toBe(doc.numPages);
    expect(pdfPages(parted.path("pdf"))).toEqual(pdfPages(built.path("pdf")));
    expect(tree(await pdfOutline(again))).toEqual(tree(outline));
  }, 120_000);

  it("heads right-hand pages with the chapter's metadata title and left-hand pages with the book's", () => {
    const opening = pageOf("Keeping the Light");
    expect(pageOf("Getting Started")).toBeGreaterThan(opening + 2);
    expect(headZone(pages[opening])).toMatch(/^The Lighthouse Keeper[’']s Manual$/);
    expect(headZone(pages[opening + 1])).toBe("Keeping the Light");
    expect(folioZone(pages[opening + 1])).toBe(labels[opening + 1]);
  });
});
