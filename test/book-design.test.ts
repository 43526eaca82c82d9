/** The look of a book: the title and copyright pages in every edition, labels in the book's language, scene breaks at a page's edge, `styles:` and a book's own theme. */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { describe, expect, it } from "vitest";
import { themesDir } from "../scripts/themes/theme.js";
import { buildBook, tempDir } from "./helpers/build.js";
import { elements, openEpub, textOf } from "./helpers/epub.js";
import { openPdf, pdfPages } from "./helpers/pdf.js";

/** A book folder made of `files` (name → text). */
function book(files: Record<string, string>): string {
  const dir = join(tempDir(), "book");
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const plainBook = (extra = "") =>
  book({
    "book.yaml": `title: The Long Table\nsubtitle: Stories\nauthor: Ada Marsh\npublisher: Quay Press\nlanguage: en\ndate: 2024-03-01\n${extra}`,
    "01-one.md": "# One\n\nThe first story.\n",
  });

describe("the title and copyright pages", () => {
  it("centre the web edition's title, subtitle and author alike", async () => {
    const built = await buildBook(plainBook(), ["html"]);
    const browser = await puppeteer.launch({
      executablePath: process.env.PUPPETEER_EXECUTABLE_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox"],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${built.path("html")}`);
      const lines = await page.$$eval(".title-page > *", (elements) =>
        elements.map((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          const box = range.getBoundingClientRect();
          return { align: getComputedStyle(element).textAlign, centre: box.left + box.width / 2 };
        }),
      );
      expect(lines.map((line) => line.align)).toEqual(["center", "center", "center", "center"]);
      for (const line of lines) expect(Math.abs(line.centre - lines[0].centre)).toBeLessThan(1);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("centre the PDF title page's author under the title, unindented", async () => {
    const built = await buildBook(plainBook(), ["pdf"]);
    const doc = await openPdf(built.path("pdf"));
    const content = await (await doc.getPage(3)).getTextContent();
    const centre = (text: string) => {
      const item = content.items.find((i) => "str" in i && i.str === text) as { transform: number[]; width: number };
      return item.transform[4] + item.width / 2;
    };
    expect(Math.abs(centre("Ada Marsh") - centre("The Long Table"))).toBeLessThan(0.5);
    expect(Math.abs(centre("Stories") - centre("The Long Table"))).toBeLessThan(0.5);
  }, 120_000);

  it("say the same in the PDF and the EPUB, with each ISBN and no made-up identifier", async () => {
    const isbn = "isbn:\n  paperback: 978-1-9990001-0-3\n  ebook: '9781999000202'\n";
    const built = await buildBook(plainBook(isbn), ["pdf", "epub"], { sourceDateEpoch: 1_700_000_000 });
    const printed = pdfPages(built.path("pdf"))[3]
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const epub = await openEpub(built.path("epub"));
    const section = elements(await epub.xml("OEBPS/title-page.xhtml"), "section").find(
      (s) => s.getAttribute("epub:type") === "copyright-page",
    )!;
    const lines = elements(section, "p").map(textOf);
    expect(printed).toEqual(lines);
    expect(lines).toContain("ISBN 978-1-9990001-0-3 (paperback)");
    expect(lines).toContain("ISBN 978-1-9990002-0-2 (ebook)");
    expect(lines.join(" ")).not.toMatch(/urn:|Identifier/);
    // The EPUB is identified by its own ISBN.
    expect(await epub.text("OEBPS/content.opf")).toContain("urn:isbn:9781999000202</dc:identifier>");
  }, 180_000);
});

describe("labels in the book's language", () => {
  it("print a French book's chapters and parts as Chapitre and Partie, in every edition", async () => {
    const dir = book({
      "book.yaml":
        "title: Le Phare\nlanguage: fr\ntheme: technical\nnumbering: words\nchapters:\n  - part: Le large\n    chapters: [01-un.md, 02-deux.md]\n",
      "01-un.md": "# La lampe\n\nLe gardien monte.\n",
      "02-deux.md": "# La tempête\n\nLe vent tourne.\n",
    });
    const built = await buildBook(dir, ["pdf", "epub", "html"]);
    // Spaced capitals may be read with a space between letters: compare without spaces.
    const text = pdfPages(built.path("pdf")).join("\f").replace(/ /g, "");
    for (const label of ["CHAPITREUN", "CHAPITREDEUX", "PARTIEUN"]) expect(text).toContain(label);
    const epub = await openEpub(built.path("epub"));
    const label = (doc: Awaited<ReturnType<typeof epub.xml>>, className: string) =>
      textOf(elements(doc, "p").find((p) => p.getAttribute("class") === className)!);
    expect(label(await epub.xml("OEBPS/02-deux.xhtml"), "chapter-label")).toBe("Chapitre Deux");
    expect(label(await epub.xml("OEBPS/part-page-1.xhtml"), "part-label")).toBe("Partie Un");
    expect(readFileSync(built.path("html"), "utf8")).toContain(
      '<span class="label-word">Chapitre</span> <span class="label-number">Un</span>',
    );
  }, 180_000);
});

describe("scene breaks", () => {
  it("show the mark of a blank-line break only where it falls at a page's head or foot", async () => {
    // Short paragraphs parted by breaks: some breaks fall at a page's edge, most in mid-page.
    const scenes = Array.from({ length: 60 }, (_, i) => `Scene ${i + 1} ends here, and the next one begins.`);
    const dir = book({
      "book.yaml": "title: Scenes\nlanguage: en\ntheme: modern\n",
      "01-scenes.md": `# Scenes\n\n${scenes.join("\n\n***\n\n")}\n`,
    });
    const built = await buildBook(dir, ["pdf", "epub"]);
    const pages = pdfPages(built.path("pdf")).filter((page) => page.includes("Scene "));
    let marks = 0;
    for (const page of pages) {
      const body = page
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && line !== "Scenes" && !/^\d+$/.test(line));
      body.forEach((line, i) => {
        if (!line.includes("\u2042")) return;
        marks++;
        expect([0, body.length - 1], `a mark in mid-page: ${line}`).toContain(i);
      });
    }
    expect(marks).toBeGreaterThan(0);
    expect(marks).toBeLessThan(scenes.length - 1);
    const epub = await openEpub(built.path("epub"));
    const separators = elements(await epub.xml("OEBPS/01-scenes.xhtml"), "div").filter(
      (div) => div.getAttribute("role") === "separator",
    );
    expect(separators.length).toBe(scenes.length - 1);
  }, 180_000);
});

describe("a book's own design", () => {
  it("adds `styles:` after the theme's CSS in every edition", async () => {
    const dir = plainBook("theme: novel\nstyles: extra.css\n");
    writeFileSync(join(dir, "extra.css"), ".chapter h1 { letter-spacing: 0.31em; }\n");
    const built = await buildBook(dir, ["html", "epub"]);
    const web = readFileSync(built.path("html"), "utf8");
    expect(web.indexOf("letter-spacing: 0.31em")).toBeGreaterThan(web.indexOf("\\2766"));
    const css = await (await openEpub(built.path("epub"))).text("OEBPS/style.css");
    expect(css.indexOf("letter-spacing: 0.31em")).toBeGreaterThan(css.indexOf("\\2766"));
  }, 120_000);

  it("takes a theme folder of the book, copied from one of Folio's and changed", async () => {
    const dir = plainBook("theme: design/mine\n");
    cpSync(join(themesDir, "classic"), join(dir, "design", "mine"), { recursive: true });
    writeFileSync(join(dir, "design", "mine", "web.css"), ".chapter > h1 { color: rgb(120, 20, 20); }\n");
    const built = await buildBook(dir, ["html"]);
    expect(built.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(readFileSync(built.path("html"), "utf8")).toContain("color: rgb(120, 20, 20)");
  }, 60_000);
});
