/** The three editions of the seed book and of the fixture book: structure, fidelity, metadata, validators. */
import { basename, join } from "node:path";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildBook, fixture, seedManuscript, type BuiltBook } from "./helpers/build.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, parseXml, textOf, type OpenEpub } from "./helpers/epub.js";
import { openPdf, pdfFonts, pdfInfo, pdfOutline, pdfText } from "./helpers/pdf.js";
import { missingInOrder, printedWords, sourceWords, words } from "./helpers/words.js";

const books = [
  { name: "seed book", dir: seedManuscript },
  { name: "fixture book", dir: fixture("features") },
];

describe.each(books)("$name", ({ dir }) => {
  const yaml = parseYaml(readFileSync(join(dir, "book.yaml"), "utf8")) as Record<string, unknown> & {
    chapters: string[];
  };
  const chapterPaths = yaml.chapters.map((chapter) => join(dir, chapter));
  let built: BuiltBook;
  let epub: OpenEpub;

  beforeAll(async () => {
    built = await buildBook(dir);
    epub = await openEpub(built.path("epub"));
  });

  it("builds all three editions without diagnostics", () => {
    expect(built.files.flatMap((f) => f.messages.map(String))).toEqual([]);
    expect(built.artifacts.map((a) => a.format).sort()).toEqual(["epub", "html", "pdf"]);
    expect(basename(built.path("epub"))).toMatch(/^[a-z0-9-]+\.epub$/);
  });

  describe("EPUB", () => {
    it("starts with an uncompressed mimetype entry", async () => {
      expect(epub.names[0]).toBe("mimetype");
      const raw = readFileSync(built.path("epub"));
      // Local file header: compression method at offset 8 (0 = stored), name at offset 30.
      expect(raw.readUInt16LE(8)).toBe(0);
      expect(raw.subarray(30, 38).toString()).toBe("mimetype");
      expect(await epub.text("mimetype")).toBe("application/epub+zip");
    });

    it("has the book's metadata in the OPF", async () => {
      const opf = await epub.xml("OEBPS/content.opf");
      const dc = (name: string) => elements(opf, name).map(textOf);
      expect(dc("title")[0]).toBe(yaml.title);
      expect(dc("language")).toEqual([yaml.language]);
      expect(dc("identifier")).toEqual([yaml.identifier]);
      expect(dc("date")).toEqual([String(yaml.date)]);
      expect(dc("description")[0]).toBe(String(yaml.description).replace(/\s+/g, " ").trim());
      const modified = elements(opf, "meta").find((m) => m.getAttribute("property") === "dcterms:modified");
      expect(textOf(modified!)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    });

    it("lists the chapters in the spine in book.yaml order", async () => {
      const opf = await epub.xml("OEBPS/content.opf");
      const hrefById = new Map(
        elements(opf, "item").map((item) => [item.getAttribute("id"), item.getAttribute("href")]),
      );
      const spine = elements(opf, "itemref").map((ref) => hrefById.get(ref.getAttribute("idref")));
      const chapters = spine.filter((href) => !["cover.xhtml", "title-page.xhtml", "toc.xhtml"].includes(href ?? ""));
      expect(chapters).toEqual(yaml.chapters.map((c) => c.replace(/\.md$/, ".xhtml")));
    });

    it("lists every chapter and section in the nav", async () => {
      const nav = await epub.xml("OEBPS/toc.xhtml");
      const toc = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "toc")!;
      const titles = elements(toc, "a").map(textOf);
      for (const path of chapterPaths) {
        const headings = readFileSync(path, "utf8").match(/^#{1,2} .+$/gm) ?? [];
        for (const heading of headings) expect(titles).toContain(words(heading).join(" ").replace(/ s\b/g, "’s"));
      }
    });

    it("resolves every internal link to an existing file and id", async () => {
      const docs = epub.names.filter((n) => n.endsWith(".xhtml"));
      const ids = new Map<string, Set<string>>();
      for (const name of docs)
        ids.set(
          name,
          new Set(
            elements(await epub.xml(name), "*")
              .map((e) => e.getAttribute("id"))
              .filter((id): id is string => Boolean(id)),
          ),
        );
      let checked = 0;
      for (const name of docs) {
        for (const a of elements(await epub.xml(name), "a")) {
          const href = a.getAttribute("href");
          if (!href || /^[a-z]+:/.test(href)) continue;
          const [file, fragment] = href.split("#");
          const target = file ? `OEBPS/${file}` : name;
          expect(ids.has(target), `${name}: ${href}`).toBe(true);
          if (fragment) expect(ids.get(target)!.has(fragment), `${name}: ${href}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(chapterPaths.length);
    });

    it("keeps every word of every chapter, in order", async () => {
      for (const path of chapterPaths) {
        const doc = await epub.xml(`OEBPS/${basename(path, ".md")}.xhtml`);
        const body = elements(doc, "body")[0];
        expect(missingInOrder(sourceWords(path), words(textOf(body))), path).toBeUndefined();
      }
    });

    it("passes W3C EPUBCheck with no errors or warnings", () => {
      const result = epubcheckJava(built.path("epub"));
      expect(result.messages).toEqual([]);
      expect([result.errors, result.warnings]).toEqual([0, 0]);
    });

    it("passes the EPUBCheck 5.3 port with no errors or warnings", async () => {
      const result = await epubcheckTs(built.path("epub"));
      expect(result.messages).toEqual([]);
      expect([result.errors, result.warnings]).toEqual([0, 0]);
    });
  });

  describe("web edition", () => {
    it("has the title and language, and every word in order", () => {
      const html = readFileSync(built.path("html"), "utf8");
      expect(html).toMatch(/^<!DOCTYPE html>/i);
      const doc = parseXml(
        html
          .replace(/^<!DOCTYPE html>/i, "")
          .replace(/<style>[\s\S]*?<\/style>/, "")
          .replace(/<(meta|link|img)\b([^>]*?)\/?>/g, "<$1$2/>")
          .replace(/&(?!amp;|lt;|gt;|quot;|#)/g, "&amp;"),
      );
      expect(textOf(elements(doc, "title")[0])).toBe(yaml.title);
      expect(elements(doc, "html")[0].getAttribute("lang")).toBe(yaml.language);
      const text = words(textOf(elements(doc, "main")[0]));
      for (const path of chapterPaths) expect(missingInOrder(sourceWords(path), text), path).toBeUndefined();
    });

    it("is self-contained: no external stylesheet, font or image", () => {
      const html = readFileSync(built.path("html"), "utf8");
      expect(html).not.toMatch(/<link\b[^>]*stylesheet/);
      expect(html).not.toMatch(/\bsrc="(?!data:)[^"]+"/);
      // Its only links to files are the downloads of the other editions of the same build, beside it.
      const files = [...html.matchAll(/\bhref="(?!data:|#|https?:|mailto:)([^"]+)"/g)].map((m) => m[1]);
      for (const file of files) expect(file).toMatch(/^[\w.-]+\.(epub|pdf)$/);
      expect(html).toMatch(/@font-face[^}]*data:font\/woff2;base64,/);
    });
  });

  describe("PDF", () => {
    it("has the trim size, title, language and embedded fonts", async () => {
      const info = pdfInfo(built.path("pdf"));
      expect(info["Page size"]).toBe("432 x 648 pts");
      expect(info.Title).toContain(String(yaml.title));
      expect(info.Tagged).toBe("yes");
      const doc = await openPdf(built.path("pdf"));
      const metadata = await doc.getMetadata();
      expect((metadata.info as Record<string, unknown>).Creator).toMatch(/^Folio /);
      const fonts = pdfFonts(built.path("pdf"));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(fonts.some((f) => f.name.includes("SourceSerif4"))).toBe(true);
      const raw = readFileSync(built.path("pdf"), "latin1");
      expect(raw).toContain(`/Lang (${yaml.language})`);
    });

    it("has a bookmark for every chapter and section", async () => {
      const outline = await pdfOutline(await openPdf(built.path("pdf")));
      const titles = JSON.stringify(outline);
      for (const path of chapterPaths) {
        const headings = readFileSync(path, "utf8").match(/^#{1,2} .+$/gm) ?? [];
        for (const heading of headings) expect(titles).toContain(words(heading).join(" ").replace(/ s\b/g, "’s"));
      }
      for (const bookmark of outline) expect(bookmark.page).toBeGreaterThan(0);
    });

    it("keeps every word of every chapter, in order", () => {
      const text = printedWords(pdfText(built.path("pdf")));
      for (const path of chapterPaths) expect(missingInOrder(sourceWords(path), text), path).toBeUndefined();
    });

    it("has a title page and a contents page before the first chapter", async () => {
      const outline = await pdfOutline(await openPdf(built.path("pdf")));
      const contents = outline.find((b) => b.title === "Contents");
      expect(contents).toBeDefined();
      expect(pdfText(built.path("pdf"), contents!.page)).toContain("Contents");
      const firstChapter = outline.find((b) => b.title !== "Contents")!;
      expect(firstChapter.page).toBeGreaterThan(contents!.page);
      const titlePages = Array.from({ length: contents!.page - 1 }, (_, i) => pdfText(built.path("pdf"), i + 1)).join(
        "\n",
      );
      expect(titlePages).toContain(String(yaml.title).split(" ")[0]);
    });
  });
});
