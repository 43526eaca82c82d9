/** Folio's themes: each theme's sample book (samples/THEME) built to all three editions and read back with the validators, poppler and pdf.js. */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chapterData } from "../scripts/book.js";
import { builtInThemes } from "../scripts/themes/theme.js";
import { aceViolations } from "./helpers/ace.js";
import { type BuiltBook, buildBook, repoRoot } from "./helpers/build.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, textOf } from "./helpers/epub.js";
import { pdfPages } from "./helpers/pdf.js";

const sample = (theme: string) => join(repoRoot, "samples", theme);
const builds = new Map<string, BuiltBook>();

beforeAll(async () => {
  for (const theme of builtInThemes())
    builds.set(theme, await buildBook(sample(theme), undefined, { sourceDateEpoch: 1_700_000_000 }));
}, 600_000);

/** Lines of a page's text without the blank ones, trimmed. */
const lines = (page: string) =>
  page
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** Whether a line is a folio: a page number, arabic or roman. */
const isFolio = (line: string) => /^(\d+|[ivxlc]+)$/.test(line);

describe.each(builtInThemes())("the %s theme's sample book", (theme) => {
  const built = () => builds.get(theme)!;

  it("builds all three editions without a diagnostic", () => {
    expect(
      built()
        .artifacts.map((a) => a.format)
        .sort(),
    ).toEqual(["epub", "html", "pdf"]);
    expect(built().files.flatMap((file) => file.messages.map(String))).toEqual([]);
  });

  it("passes both EPUBChecks with no error or warning, and Ace with no violation", async () => {
    const java = epubcheckJava(built().path("epub"));
    expect(java.messages).toEqual([]);
    expect([java.errors, java.warnings]).toEqual([0, 0]);
    const port = await epubcheckTs(built().path("epub"));
    expect(port.messages).toEqual([]);
    expect(aceViolations(built().path("epub"))).toEqual([]);
  }, 300_000);

  it("embeds every font of the PDF, none of them a Type 3 font", () => {
    const rows = execFileSync("pdffonts", [built().path("pdf")], { encoding: "utf8" })
      .split("\n")
      .slice(2);
    const fonts = rows
      .filter(Boolean)
      .map((row) => ({ type: row.slice(37, 55).trim(), embedded: row.slice(72, 76).trim() }));
    expect(fonts.length).toBeGreaterThan(1);
    for (const font of fonts) {
      expect(font.type).not.toMatch(/Type 3/);
      expect(font.embedded).toBe("yes");
    }
  });

  it("prints its part and dedication pages without running head or folio", () => {
    const book = built().book!;
    const chapters = book.chapters.map(chapterData);
    // What stands on those pages: each part's title, each dedication's first line.
    const marks = [
      ...new Set(chapters.flatMap((data) => (data.part ? [data.part.title] : []))),
      ...book.chapters
        .filter((file) => chapterData(file).metadata.kind === "dedication")
        .map((file) => String(file.value).split("\n")[0].replace(/,$/, "")),
    ];
    const pages = pdfPages(built().path("pdf")).filter((page) => !/(\. ){5}/.test(page));
    for (const mark of marks) {
      const page = pages.find((text) => lines(text).some((line) => line.replace(/,$/, "") === mark));
      expect(page, mark).toBeDefined();
      // A folio would be the page's last line, a running head (the book's or a chapter's title) its first.
      expect(isFolio(lines(page!).at(-1)!), mark).toBe(false);
      expect([book.config.title, ...chapters.map((data) => data.title)]).not.toContain(lines(page!)[0]);
    }
    expect(marks.length).toBeGreaterThan(0);
  });
});

describe("chapter labels", () => {
  it("spell a novel's chapter numbers in words, and keep the label's word for screen readers", async () => {
    const pages = pdfPages(builds.get("novel")!.path("pdf"));
    const openings = pages.filter((page) => /^\s*(One|Two|Three|Four)\s*$/m.test(page));
    expect(openings.map((page) => lines(page)[0])).toEqual(["One", "Two", "Three", "Four"]);
    const epub = await openEpub(builds.get("novel")!.path("epub"));
    const label = elements(await epub.xml("OEBPS/02-the-letter.xhtml"), "p").find(
      (p) => p.getAttribute("class") === "chapter-label",
    );
    expect(textOf(label!)).toBe("Chapter Two");
  });

  it("letter appendices and number chapters with their label in a technical book", () => {
    const text = pdfPages(builds.get("technical")!.path("pdf")).join("\f");
    for (const label of ["CHAPTER 1", "CHAPTER 2", "CHAPTER 3", "APPENDIX A"]) expect(text).toContain(label);
  });

  it("keeps an identifier in a narrow table column whole", () => {
    // The technical sample's table of grammar rules names each rule's function in code.
    const rows = pdfPages(builds.get("technical")!.path("pdf")).flatMap((page) => page.split("\n"));
    for (const name of ["parseExpression", "parseTerm", "parseFactor"])
      expect(
        rows.some((row) => row.includes(name)),
        name,
      ).toBe(true);
  });
});

afterAll(() => builds.clear());
