/**
 * What authors expect of details: the build's date when none is given, typography on the title and
 * names, chapters named `.markdown`/`.MD`/`.txt` with CRLF and a BOM, an image path with a space,
 * a chapter in a subfolder, GitHub alerts; the book they make passes both EPUBChecks and Ace.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { formatReport } from "../scripts/report.js";
import { aceViolations } from "./helpers/ace.js";
import { buildBook, fixture, tempDir, type BuiltBook } from "./helpers/build.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, textOf, type OpenEpub } from "./helpers/epub.js";
import { pdfText } from "./helpers/pdf.js";

const png = fixture("rules/html-misplaced/images/dot.png");

/** A book outside any git work tree, with no `date:`, written the way other tools' authors write. */
function writeBook(): string {
  const dir = join(tempDir("folio-truths-"), "book");
  mkdirSync(join(dir, "images"), { recursive: true });
  mkdirSync(join(dir, "part-two", "images"), { recursive: true });
  copyFileSync(png, join(dir, "images", "harbour.png"));
  copyFileSync(png, join(dir, "images", "light house.png"));
  copyFileSync(png, join(dir, "part-two", "images", "rope.png"));
  writeFileSync(
    join(dir, "book.yaml"),
    `title: "The Keeper's Log"\nsubtitle: 'A "True" Story -- Mostly'\nauthor: "Rae O'Neil"\nlanguage: en\n`,
  );
  // A BOM and Windows line ends; the heading and the image are on lines 1 and 5.
  writeFileSync(
    join(dir, "01-arrival.markdown"),
    "\uFEFF# Arrival\r\n\r\nThe keeper's first night.\r\n\r\n![The lighthouse](images/light house.png)\r\n",
  );
  writeFileSync(
    join(dir, "02-STORM.MD"),
    "# Storm\n\n> [!WARNING]\n> The tide turns at noon.\n\n> [!NOTE]\n> Keep the lamp lit.\n> All night.\n\n> [!TIP] not a marker here\n",
  );
  writeFileSync(join(dir, "notes.txt"), "Not a chapter: a .txt file is read only when book.yaml lists it.\n");
  writeFileSync(
    join(dir, "part-two", "03-calm.md"),
    "# Calm\n\n![A rope](images/rope.png)\n\n![The harbour](images/harbour.png)\n\n![Nowhere](images/nowhere.png)\n",
  );
  return dir;
}

describe("a book written for other tools", () => {
  let dir: string;
  let built: BuiltBook;
  let epub: OpenEpub;
  let report: string;

  beforeAll(async () => {
    dir = writeBook();
    // Listing the chapters is needed for the subfolder; the others are found by the folder listing in the next test.
    writeFileSync(
      join(dir, "book.yaml"),
      `${readFileSync(join(dir, "book.yaml"), "utf8")}chapters: [01-arrival.markdown, 02-STORM.MD, part-two/03-calm.md, notes.txt]\nrules: { image-missing: warning }\n`,
    );
    built = await buildBook(dir);
    epub = await openEpub(built.path("epub"));
    report = formatReport(built.files, dir).replaceAll(dir, "<book>");
  }, 240_000);

  it("is dated the day it is built, never 1970", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const opf = await epub.xml("OEBPS/content.opf");
    expect(elements(opf, "date").map(textOf)).toEqual([today]);
    const pdf = pdfText(built.path("pdf"));
    expect(pdf).not.toContain("1970");
    expect(pdf).toContain(today.slice(0, 4));
  });

  it("curls the quotes of the title, subtitle and author as in the chapters", async () => {
    const titlePage = textOf(elements(await epub.xml("OEBPS/title-page.xhtml"), "body")[0]);
    expect(titlePage).toContain("The Keeper’s Log");
    expect(titlePage).toContain("A “True” Story — Mostly");
    expect(titlePage).toContain("Rae O’Neil");
    expect(readFileSync(built.path("html"), "utf8")).toContain("The Keeper’s Log");
    const pdf = pdfText(built.path("pdf"));
    expect(pdf).toContain("Keeper’s Log");
    expect(pdf).not.toContain("Keeper's");
  });

  it("reads .markdown, .MD and a listed .txt chapter, with a BOM and CRLF line ends", async () => {
    const arrival = await epub.text("OEBPS/01-arrival.xhtml");
    expect(arrival).toContain("<h1");
    expect(arrival).toContain("Arrival</h1>");
    expect(arrival).not.toMatch(/\r|&#xD;|\uFEFF/);
    expect(arrival).toContain("keeper’s first night");
    expect(await epub.text("OEBPS/02-STORM.xhtml")).toContain("Storm</h1>");
    expect(textOf(elements(await epub.xml("OEBPS/notes.xhtml"), "body")[0])).toContain("Not a chapter");
  });

  it("finds an image whose path has a space, and says at its place how to write it", async () => {
    expect(report).toContain(
      "01-arrival.markdown:5:1  warning  Image path `images/light house.png` has a space, which markdown does not allow: write `![The lighthouse](<images/light house.png>)` or `![The lighthouse](images/light%20house.png)`  image-path-space",
    );
    const arrival = await epub.text("OEBPS/01-arrival.xhtml");
    expect(arrival).toMatch(/<img src="images\/light-house\.png" alt="The lighthouse"/);
    expect(arrival).not.toContain("![");
  });

  it("finds a subfolder chapter's images next to it or from the manuscript folder, and says where it looked", async () => {
    const calm = await epub.text("OEBPS/03-calm.xhtml");
    expect(calm).toContain('alt="A rope"');
    expect(calm).toContain('alt="The harbour"');
    expect(report).toContain(
      "part-two/03-calm.md:7:1  warning  Image `images/nowhere.png` does not exist (looked for `part-two/images/nowhere.png`, next to the chapter, and `images/nowhere.png`, from the manuscript folder): fix the path or add the file  image-missing",
    );
  });

  it("makes GitHub alerts callouts with their kind as title; a marker not alone on its line stays text", async () => {
    const storm = await epub.xml("OEBPS/02-STORM.xhtml");
    const callouts = elements(storm, "div").filter((d) => /\bcallout\b/.test(d.getAttribute("class") ?? ""));
    expect(callouts.map((c) => [c.getAttribute("class"), c.getAttribute("role"), textOf(c)])).toEqual([
      ["callout callout-warning", "note", "Warning The tide turns at noon."],
      ["callout callout-note", "note", "Note Keep the lamp lit. All night."],
    ]);
    expect(textOf(elements(storm, "blockquote")[0])).toBe("[!TIP] not a marker here");
    expect(pdfText(built.path("pdf"))).toContain("The tide turns at noon.");
  });

  it("passes both EPUBChecks with no error or warning, and Ace with no violation", async () => {
    const java = epubcheckJava(built.path("epub"));
    const ts = await epubcheckTs(built.path("epub"));
    expect([...java.messages, ...ts.messages]).toEqual([]);
    expect([java.errors, java.warnings, ts.errors, ts.warnings]).toEqual([0, 0, 0, 0]);
    expect(aceViolations(built.path("epub"))).toEqual([]);
  }, 240_000);

  it("without a chapter list, takes .markdown and .MD files in name order, and leaves .txt and README out", async () => {
    const bare = writeBook();
    writeFileSync(join(bare, "README.markdown"), "# Read me\n");
    const result = await buildBook(bare, ["html"]);
    const html = readFileSync(result.path("html"), "utf8");
    expect(result.files.map((f) => f.basename ?? "").filter((name) => !/\.(yaml|png)$/.test(name))).toEqual([
      "01-arrival.markdown",
      "02-STORM.MD",
    ]);
    expect(html).toContain("Arrival");
    expect(html).not.toContain("Read me");
  });
});
