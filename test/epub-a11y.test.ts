/** The EPUB as readers and stores need it: Ace and both EPUBChecks clean, the accessibility claim, navigation, cover, notes, languages, images. */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBook, fixture, seedManuscript, type BuiltBook } from "./helpers/build.js";
import { aceViolations } from "./helpers/ace.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, textOf, type OpenEpub } from "./helpers/epub.js";

const epoch = { sourceDateEpoch: 1_700_000_000 };

describe.each([
  { name: "seed book", dir: seedManuscript },
  { name: "features fixture", dir: fixture("features") },
  { name: "accessibility fixture", dir: fixture("epub-a11y") },
])("$name EPUB", ({ dir }) => {
  let built: BuiltBook;
  beforeAll(async () => {
    built = await buildBook(dir, ["epub"], epoch);
  });

  it("builds without diagnostics and passes Ace with no violation of any severity", () => {
    expect(built.files.flatMap((f) => f.messages.map(String))).toEqual([]);
    expect(aceViolations(built.path("epub"))).toEqual([]);
  });

  it("is byte-identical when built again into another folder", async () => {
    const again = await buildBook(dir, ["epub"], epoch);
    expect(again.outDir).not.toBe(built.outDir);
    expect(readFileSync(again.path("epub")).equals(readFileSync(built.path("epub")))).toBe(true);
  });
});

describe("accessibility fixture EPUB", () => {
  let built: BuiltBook;
  let epub: OpenEpub;
  const meta = async (property: string) =>
    elements(await epub.xml("OEBPS/content.opf"), "meta")
      .filter((m) => m.getAttribute("property") === property)
      .map(textOf);

  beforeAll(async () => {
    built = await buildBook(fixture("epub-a11y"), ["epub"], epoch);
    epub = await openEpub(built.path("epub"));
  });

  it("passes W3C EPUBCheck and the EPUBCheck 5.3 port with no errors or warnings", async () => {
    const java = epubcheckJava(built.path("epub"));
    expect(java.messages).toEqual([]);
    expect([java.errors, java.warnings]).toEqual([0, 0]);
    const port = await epubcheckTs(built.path("epub"));
    expect(port.messages).toEqual([]);
    expect([port.errors, port.warnings]).toEqual([0, 0]);
  });

  it("claims EPUB Accessibility 1.1 at WCAG 2.1 AA with the features it has", async () => {
    expect(await meta("schema:accessMode")).toEqual(["textual", "visual"]);
    expect(await meta("schema:accessModeSufficient")).toEqual(["textual"]);
    const features = await meta("schema:accessibilityFeature");
    expect(features).toEqual(
      expect.arrayContaining(["structuralNavigation", "tableOfContents", "readingOrder", "alternativeText"]),
    );
    // No print layout fed this build: no page numbers are claimed.
    expect(features).not.toContain("printPageNumbers");
    expect(features).not.toContain("pageBreakMarkers");
    expect(await meta("schema:accessibilityHazard")).toEqual(["none"]);
    expect((await meta("schema:accessibilitySummary"))[0]).toMatch(/WCAG 2\.1/);
    expect(await meta("dcterms:conformsTo")).toEqual(["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]);
    expect(await meta("a11y:certifiedBy")).toEqual(["Harbour Test Press"]);
  });

  it("nests sections under chapters in the contents, and has the five landmarks", async () => {
    const nav = await epub.xml("OEBPS/toc.xhtml");
    const toc = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "toc")!;
    const chapters = elements(toc, "li").filter((li) => li.parentNode?.parentNode === toc);
    expect(chapters.map((li) => textOf(elements(li, "a")[0]))).toEqual(["Arrival", "Le port"]);
    expect(elements(chapters[0], "li").map(textOf)).toEqual(["The Quay", "The Compass"]);
    expect(elements(chapters[1], "li").map(textOf)).toEqual(["Le café"]);
    const landmarks = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "landmarks")!;
    expect(elements(landmarks, "a").map((a) => [a.getAttribute("epub:type"), a.getAttribute("href")])).toEqual([
      ["cover", "cover.xhtml"],
      ["titlepage", "title-page.xhtml"],
      ["copyright-page", "title-page.xhtml#copyright-page"],
      ["toc", "toc.xhtml"],
      ["bodymatter", "01-arrival.xhtml#arrival"],
    ]);
    expect(elements(nav, "nav").some((n) => n.getAttribute("epub:type") === "page-list")).toBe(false);
  });

  it("has the book.yaml cover image as cover-image, in the first spine document, with the EPUB 2 meta", async () => {
    const opf = await epub.xml("OEBPS/content.opf");
    const items = elements(opf, "item");
    const coverItem = items.find((item) => item.getAttribute("properties") === "cover-image")!;
    expect([coverItem.getAttribute("href"), coverItem.getAttribute("media-type")]).toEqual(["cover.jpg", "image/jpeg"]);
    expect(
      elements(opf, "meta")
        .find((m) => m.getAttribute("name") === "cover")!
        .getAttribute("content"),
    ).toBe(coverItem.getAttribute("id"));
    const first = elements(opf, "itemref")[0].getAttribute("idref");
    expect(items.find((item) => item.getAttribute("id") === first)!.getAttribute("href")).toBe("cover.xhtml");
    const img = elements(await epub.xml("OEBPS/cover.xhtml"), "img")[0];
    expect([img.getAttribute("src"), img.getAttribute("role")]).toEqual(["cover.jpg", "doc-cover"]);
    expect(img.getAttribute("alt")).toMatch(/Notes from Three Harbours/);
    expect(
      (await epub.zip.file("OEBPS/cover.jpg")!.async("nodebuffer")).equals(
        readFileSync(fixture("epub-a11y/images/cover.jpg")),
      ),
    ).toBe(true);
  });

  it("makes footnotes pop-up notes that link back", async () => {
    const doc = await epub.xml("OEBPS/01-arrival.xhtml");
    const refs = elements(doc, "a").filter((a) => a.getAttribute("epub:type") === "noteref");
    expect(refs).toHaveLength(2);
    const asides = elements(doc, "aside");
    expect(asides.map((a) => [a.getAttribute("epub:type"), a.getAttribute("role")])).toEqual([
      ["footnote", "doc-footnote"],
      ["footnote", "doc-footnote"],
    ]);
    for (const [i, ref] of refs.entries()) {
      expect(ref.getAttribute("role")).toBe("doc-noteref");
      expect(ref.getAttribute("href")).toBe(`01-arrival.xhtml#${asides[i].getAttribute("id")}`);
      const back = elements(asides[i], "a")[0];
      expect(back.getAttribute("role")).toBe("doc-backlink");
      expect(back.getAttribute("href")).toBe(`01-arrival.xhtml#${ref.getAttribute("id")}`);
    }
    expect(textOf(asides[0])).toBe("1. Half the town speaks French at home.");
  });

  it("marks every language: documents, the French chapter and each foreign passage, with lang and xml:lang", async () => {
    const first = await epub.xml("OEBPS/01-arrival.xhtml");
    const french = await epub.xml("OEBPS/02-le-port.xhtml");
    const html = (doc: typeof first) => elements(doc, "html")[0];
    expect([html(first).getAttribute("lang"), html(first).getAttribute("xml:lang")]).toEqual(["en", "en"]);
    expect([html(french).getAttribute("lang"), html(french).getAttribute("xml:lang")]).toEqual(["fr", "fr"]);
    const passages = [...elements(first, "*"), ...elements(french, "*")].filter(
      (e) => e.hasAttribute("lang") && e.localName !== "html",
    );
    expect(passages.map((e) => [textOf(e), e.getAttribute("lang"), e.getAttribute("xml:lang")])).toEqual([
      ["bonjour", "fr", "fr"],
      ["joie de vivre", "fr", "fr"],
      ["Willkommen im Hafen", "de", "de"],
      ["welcome back, friends", "en", "en"],
    ]);
  });

  it("makes a lone image a figure captioned by its title, and gives table headers a scope", async () => {
    const doc = await epub.xml("OEBPS/01-arrival.xhtml");
    const figures = elements(doc, "figure");
    expect(
      figures.map((f) => [elements(f, "img")[0].getAttribute("src"), elements(f, "figcaption").map(textOf)]),
    ).toEqual([
      ["images/sunrise.png", ["Sunrise over the outer harbour"]],
      ["images/ornament.gif", []],
      ["images/compass.svg", ["The compass on the harbour wall"]],
    ]);
    expect(elements(figures[1], "img")[0].getAttribute("alt")).toBe("");
    expect(elements(doc, "th").map((th) => th.getAttribute("scope"))).toEqual(["col", "col", "col"]);
  });

  it("carries every image type with its real media type, and a PNG fallback for WebP", async () => {
    const items = elements(await epub.xml("OEBPS/content.opf"), "item");
    const typeOf = (href: string) => items.find((item) => item.getAttribute("href") === href);
    expect(typeOf("images/sunrise.png")!.getAttribute("media-type")).toBe("image/png");
    expect(typeOf("images/harbour.jpg")!.getAttribute("media-type")).toBe("image/jpeg");
    expect(typeOf("images/ornament.gif")!.getAttribute("media-type")).toBe("image/gif");
    expect(typeOf("images/compass.svg")!.getAttribute("media-type")).toBe("image/svg+xml");
    const webp = typeOf("images/meadow.webp")!;
    expect(webp.getAttribute("media-type")).toBe("image/webp");
    const fallback = items.find((item) => item.getAttribute("id") === webp.getAttribute("fallback"))!;
    expect([fallback.getAttribute("href"), fallback.getAttribute("media-type")]).toEqual([
      "images/meadow.webp.png",
      "image/png",
    ]);
    const png = await epub.zip.file("OEBPS/images/meadow.webp.png")!.async("nodebuffer");
    expect([png.subarray(1, 4).toString(), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual(["PNG", 48, 32]);
  });
});
