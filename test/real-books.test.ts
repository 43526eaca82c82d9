/**
 * Books written the way other tools' authors write them (raw HTML figures and mdBook tags, code-heavy,
 * many scripts and emoji), built to all three editions: both EPUBChecks and Ace accept the EPUB, every
 * source word is in every edition in order, and the diagnostics are exactly those of expected.txt
 * (UPDATE=1 rewrites it).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { formatReport } from "../scripts/report.js";
import { aceViolations } from "./helpers/ace.js";
import { buildBook, fixture, type BuiltBook } from "./helpers/build.js";
import { epubcheckJava, epubcheckTs, openEpub } from "./helpers/epub.js";
import { pdfFonts, pdfText } from "./helpers/pdf.js";
import { missingInOrder, printedWords, words } from "./helpers/words.js";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

const books = ["raw-html", "code-book", "scripts-book"];

/** The words of a chapter in reading order, those inside its raw HTML included (tags and attributes removed). */
function chapterWords(path: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(path, "utf8"));
  const texts: string[] = [];
  visit(tree, (node) => {
    if (node.type === "html") texts.push((node as { value: string }).value.replace(/<[^>]*>/g, " "));
    else if (node.type === "text" || node.type === "inlineCode" || node.type === "code")
      texts.push((node as { value: string }).value);
  });
  return words(texts.join(" "));
}

function markupWords(markup: string): string[] {
  return words(markup.replace(/<[^>]*>/g, " ").replace(/&(amp|lt|gt|quot|nbsp);/g, " "));
}

describe.each(books)("%s book", (name) => {
  const dir = fixture(name);
  const chapters = (parseYaml(readFileSync(join(dir, "book.yaml"), "utf8")) as { chapters: string[] }).chapters.map(
    (c) => join(dir, c),
  );
  let built: BuiltBook;

  beforeAll(async () => {
    built = await buildBook(dir, undefined, { sourceDateEpoch: 1_700_000_000 });
  }, 240_000);

  it("reports exactly the expected diagnostics, and builds every edition", () => {
    const report = formatReport(built.files, dir)
      .replaceAll(dir, "<fixture>")
      .split("\n")
      .filter((line) => / {2}(warning|error|info) {2}/.test(line));
    const expectedPath = join(dir, "expected.txt");
    if (process.env.UPDATE === "1") writeFileSync(expectedPath, `${report.join("\n")}\n`);
    expect(report).toEqual(readFileSync(expectedPath, "utf8").trimEnd().split("\n").filter(Boolean));
    expect(built.artifacts.map((a) => a.format).sort()).toEqual(["epub", "html", "pdf"]);
  });

  it("gives an EPUB both EPUBChecks accept with no error or warning", async () => {
    const java = epubcheckJava(built.path("epub"));
    expect(java.messages).toEqual([]);
    const ts = await epubcheckTs(built.path("epub"));
    expect(ts.messages).toEqual([]);
    expect([java.errors, java.warnings, ts.errors, ts.warnings]).toEqual([0, 0, 0, 0]);
  }, 120_000);

  it("gives an EPUB Ace finds no violation in", () => {
    expect(aceViolations(built.path("epub"))).toEqual([]);
  }, 240_000);

  it("keeps every word of every chapter, in order, in every edition", async () => {
    const epub = await openEpub(built.path("epub"));
    const html = markupWords(readFileSync(built.path("html"), "utf8").replace(/<style>[\s\S]*?<\/style>/g, ""));
    const pdf = printedWords(pdfText(built.path("pdf")));
    // A character reported as in no embedded font prints as an empty box, so it is not in the PDF's text.
    const undrawable = new Set(
      built.files.flatMap((f) =>
        f.messages.filter((m) => m.ruleId === "glyph-missing").map((m) => /`(.+?)`/u.exec(m.reason)![1]),
      ),
    );
    for (const path of chapters) {
      const source = chapterWords(path);
      const xhtml = await epub.text(`OEBPS/${basename(path, ".md")}.xhtml`);
      // Table cells and list items are apart on the page though adjacent in the markup: a tag counts as a space.
      expect(missingInOrder(source, markupWords(xhtml.replace(/^[\s\S]*<body>/, ""))), `EPUB ${path}`).toBeUndefined();
      expect(missingInOrder(source, html), `web ${path}`).toBeUndefined();
      expect(
        missingInOrder(
          source.filter((word) => !undrawable.has(word)),
          pdf,
        ),
        `PDF ${path}`,
      ).toBeUndefined();
    }
  });
});

describe("scripts-book fonts", () => {
  it("embeds the Noto fallback files of the scripts it uses, and no others, in the PDF and the EPUB", async () => {
    const built = await buildBook(fixture("scripts-book"), ["epub", "pdf"], { sourceDateEpoch: 1_700_000_000 });
    const fonts = pdfFonts(built.path("pdf"));
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    for (const family of ["NotoNaskhArabic", "NotoSerifHebrew", "NotoSerifDevanagari", "NotoSerifSC", "NotoEmoji"])
      expect(
        fonts.some((f) => f.name.includes(family)),
        family,
      ).toBe(true);
    const epub = await openEpub(built.path("epub"));
    // Each file the EPUB carries is subset to the characters of the book (as TrueType).
    const files = epub.names.filter((n) => n.startsWith("OEBPS/fonts/noto-")).map((n) => basename(n));
    expect(files.every((f) => f.endsWith(".ttf"))).toBe(true);
    // One file per script (Arabic, Hebrew, Devanagari) and only the CJK and emoji files holding the characters used, of the 101 and 11 there are.
    expect(files.filter((f) => /arabic|hebrew|devanagari/.test(f)).sort()).toEqual([
      "noto-naskh-arabic-arabic-400-normal.ttf",
      "noto-serif-devanagari-devanagari-400-normal.ttf",
      "noto-serif-hebrew-hebrew-400-normal.ttf",
    ]);
    expect(files.filter((f) => f.startsWith("noto-serif-sc")).length).toBeLessThanOrEqual(4);
    expect(files.filter((f) => f.startsWith("noto-emoji")).length).toBeLessThanOrEqual(6);
    const opf = await epub.text("OEBPS/content.opf");
    for (const file of files) expect(opf).toContain(`href="fonts/${file}" media-type="font/ttf"`);
    const css = await epub.text("OEBPS/style.css");
    expect(css).toMatch(
      /font-family: "Noto Emoji"; font-weight: 400; font-style: normal; src: url\(fonts\/noto-emoji-\d+-400-normal\.ttf\) format\("truetype"\); unicode-range: U\+/,
    );
  }, 240_000);

  it("embeds no fallback font in a book that needs none", async () => {
    const built = await buildBook(fixture("code-book"), ["epub"], { sourceDateEpoch: 1_700_000_000 });
    const epub = await openEpub(built.path("epub"));
    expect(epub.names.filter((n) => n.startsWith("OEBPS/fonts/noto-"))).toEqual([]);
  }, 120_000);
});
