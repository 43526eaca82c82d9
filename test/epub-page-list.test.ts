/** The EPUB's page list: markers placed before the word each printed page begins with, a page-list nav and an NCX pageList. */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Element, Root } from "hast";
import { chapterData, type Book } from "../scripts/book.js";
import type { PageStart } from "../scripts/targets/target.js";
import { epubAddressing } from "../scripts/targets/epub/chapters.js";
import { insertPageBreaks, wordOffsets } from "../scripts/targets/epub/page-breaks.js";
import { address } from "../scripts/targets/serialize.js";
import { renderEpub } from "../scripts/targets/epub.js";
import { loadFonts } from "../scripts/templates.js";
import { countWords } from "../scripts/util/words.js";
import { fixture, seedManuscript, tempDir } from "./helpers/build.js";
import { loadBook } from "./helpers/book.js";
import { aceViolations } from "./helpers/ace.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, textOf, type OpenEpub } from "./helpers/epub.js";

/** Words before each page-break marker of `tree`, counted over text nodes in order, footnotes left out. */
function wordsBeforeMarkers(tree: Root | Element): Map<string, number> {
  const found = new Map<string, number>();
  let seen = 0;
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type === "text") seen += countWords(child.value);
      if (child.type !== "element" || child.properties.dataFootnotes !== undefined) continue;
      if (child.properties["epub:type"] === "pagebreak") found.set(String(child.properties.ariaLabel), seen);
      walk(child);
    }
  };
  walk(tree);
  return found;
}

function totalWords(tree: Root): number {
  return [
    ...wordsBeforeMarkers({
      type: "element",
      tagName: "div",
      properties: {},
      children: [
        ...tree.children,
        { type: "element", tagName: "span", properties: { "epub:type": "pagebreak", ariaLabel: "end" }, children: [] },
      ],
    } as Element).values(),
  ].pop()!;
}

describe("word offsets", () => {
  it("finds exactly the words countWords counts", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(wordOffsets(text).length).toBe(countWords(text));
      }),
    );
  });
});

describe("page-break markers in a chapter tree", () => {
  let book: Book;
  beforeAll(async () => {
    book = await loadBook(fixture("features"));
  });

  it("stand before the word each page begins with, and change no word", () => {
    const original = chapterData(book.chapters[1]).tree;
    const total = totalWords(original);
    expect(total).toBeGreaterThan(30);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: total - 1 }), { minLength: 1, maxLength: 8 }), (indexes) => {
        const tree = structuredClone(original);
        const starts: PageStart[] = indexes.map((wordIndex, i) => ({ label: String(i + 1), chapter: 1, wordIndex }));
        expect(insertPageBreaks(tree, starts).sort()).toEqual(starts.map((s) => s.label).sort());
        const before = wordsBeforeMarkers(tree);
        for (const start of starts) expect(before.get(start.label), `page ${start.label}`).toBe(start.wordIndex);
        expect(totalWords(tree)).toBe(total);
      }),
      { numRuns: 60 },
    );
  });

  it("marks a page that opens with an image (a figure carried over) before the image, not before the next word", () => {
    const file = book.chapters.find((chapter) =>
      JSON.stringify(chapterData(chapter).tree).includes('"tagName":"img"'),
    )!;
    const tree = structuredClone(chapterData(file).tree);
    // The words before the first image: the page opens with it, and its first word comes after it.
    let wordsBefore = 0;
    let found = false;
    const count = (node: Root | Element): void => {
      for (const child of node.children) {
        if (found) return;
        if (child.type === "text") wordsBefore += countWords(child.value);
        if (child.type !== "element") continue;
        if (child.tagName === "img") found = true;
        else count(child);
      }
    };
    count(tree);
    expect(found).toBe(true);
    expect(
      insertPageBreaks(tree, [{ label: "9", chapter: chapterData(file).index, wordIndex: wordsBefore, imageIndex: 0 }]),
    ).toEqual(["9"]);
    const parentOfImage = (node: Root | Element): Element | undefined => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (child.children.some((c) => c.type === "element" && c.tagName === "img")) return child;
        const inner = parentOfImage(child);
        if (inner) return inner;
      }
      return undefined;
    };
    const parent = parentOfImage(tree)!;
    const at = parent.children.findIndex((c) => c.type === "element" && c.tagName === "img");
    const marker = parent.children[at - 1] as Element;
    expect(marker.properties["epub:type"]).toBe("pagebreak");
    expect(marker.properties.ariaLabel).toBe("9");
    expect(wordsBeforeMarkers(tree).get("9")).toBe(wordsBefore);
  });

  it("leaves the Book's chapter tree as it was, links and all", async () => {
    const before = JSON.stringify(chapterData(book.chapters[1]).tree);
    const addressed = JSON.stringify(address(book.chapters[1], epubAddressing(book)));
    expect(JSON.stringify(chapterData(book.chapters[1]).tree)).toBe(before);
    expect(addressed).toMatch(/\.xhtml#/);
    await renderEpub(book, {
      outDir: tempDir(),
      fonts: await loadFonts(),
      products: { pageStarts: [{ label: "7", chapter: 1, wordIndex: 3 }] },
    });
    expect(JSON.stringify(chapterData(book.chapters[1]).tree)).toBe(before);
    expect(before).not.toMatch(/pagebreak|noteref|\.xhtml/);
  });
});

describe("an EPUB built with page starts", () => {
  let book: Book;
  let epub: OpenEpub;
  let path: string;
  let pageStarts: PageStart[];
  beforeAll(async () => {
    book = await loadBook(seedManuscript, 1_700_000_000);
    // As the print layout would: page 1 at the start of each chapter, then a page every 150 words.
    let folio = 1;
    pageStarts = book.chapters.flatMap((file) => {
      const words = totalWords(chapterData(file).tree);
      const starts: PageStart[] = [];
      for (let at = 0; at < words; at += 150)
        starts.push({ label: String(folio++), chapter: chapterData(file).index, wordIndex: at });
      return starts;
    });
    path = (await renderEpub(book, { outDir: tempDir(), fonts: await loadFonts(), products: { pageStarts } })).artifact
      .path;
    epub = await openEpub(path);
  });

  it("lists every page in the nav, each pointing at a marker with its label", async () => {
    const nav = await epub.xml("OEBPS/toc.xhtml");
    const pageList = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "page-list")!;
    const links = elements(pageList, "a");
    expect(links.map(textOf)).toEqual(pageStarts.map((s) => s.label));
    for (const link of links) {
      const [file, id] = link.getAttribute("href")!.split("#");
      const marker = elements(await epub.xml(`OEBPS/${file}`), "span").find((span) => span.getAttribute("id") === id);
      expect(marker, link.getAttribute("href")!).toBeDefined();
      expect(marker!.getAttribute("epub:type")).toBe("pagebreak");
      expect(marker!.getAttribute("role")).toBe("doc-pagebreak");
      expect(marker!.getAttribute("aria-label")).toBe(textOf(link));
    }
  });

  it("marks a page that begins with its chapter before the chapter's heading, not inside it", async () => {
    const doc = await epub.xml("OEBPS/01-spirit-of-independence.xhtml");
    const marker = elements(doc, "span").find((span) => span.getAttribute("aria-label") === "1")!;
    expect((marker.parentNode as unknown as { localName: string }).localName).toBe("section");
    expect(elements(doc, "h1").some((h1) => elements(h1, "span").length > 0)).toBe(false);
  });

  it("has an NCX pageList, dc:source and the page accessibility features", async () => {
    const ncx = await epub.xml("OEBPS/toc.ncx");
    expect(elements(ncx, "pageTarget").map((t) => t.getAttribute("value"))).toEqual(pageStarts.map((s) => s.label));
    const opf = await epub.xml("OEBPS/content.opf");
    expect(textOf(elements(opf, "source")[0])).toMatch(/print edition/);
    const features = elements(opf, "meta")
      .filter((m) => m.getAttribute("property") === "schema:accessibilityFeature")
      .map(textOf);
    expect(features).toEqual(expect.arrayContaining(["printPageNumbers", "pageBreakMarkers"]));
  });

  it("passes both EPUBChecks and Ace", async () => {
    expect(epubcheckJava(path).messages).toEqual([]);
    expect((await epubcheckTs(path)).messages).toEqual([]);
    expect(aceViolations(path)).toEqual([]);
  });
});
