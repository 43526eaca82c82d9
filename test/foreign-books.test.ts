/**
 * Books written for mdBook and for pandoc, built as they are: every edition is valid (both EPUBChecks,
 * Ace), no directive, attribute block or metadata line reaches any edition's text (read back with an
 * XML parser, an HTML parser and pdftotext), the included listings are there in order, and
 * `folio import` gives a manuscript that builds to the same editions.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseHtml } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import { formatReport } from "../scripts/report.js";
import { aceViolations } from "./helpers/ace.js";
import { buildBook, fixture, runCli, tempDir, type BuiltBook } from "./helpers/build.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, textOf } from "./helpers/epub.js";
import { pdfText } from "./helpers/pdf.js";
import { missingInOrder, printedWords, words } from "./helpers/words.js";

const epoch = 1_700_000_000;

/** What must never be printed: the syntax of the tools the books were written for. */
const leaks: readonly RegExp[] = [
  /\{\{\s*#/, // mdBook directives
  /ANCHOR(_END)?:/,
  /\b(does_not_compile|should_panic|compile_fail|noplayground|no_run|editable|rustdoc)\b/,
  /\{[#.][\w-][^}]*\}/, // attribute blocks
  /\{-\}/,
  /:::/, // fenced divs
  /^\s*[~:]\s{1,3}\S/m, // definition markers
  /\]\{/, // bracketed spans
  /\^\S+\^|~\S+~/, // superscript, subscript
  /^(title|author|date|lang|abstract|geometry):/m, // metadata
  /Table:/,
  /\+[-=]{3,}\+/, // grid table rules
  /-{5,}/, // simple and multiline table rules
  /\bdraft\b|Future Work/i, // the draft chapter
];

/** The text of every spine document of an EPUB, in reading order, read with an XML parser. */
async function epubTexts(path: string): Promise<string[]> {
  const epub = await openEpub(path);
  const opf = await epub.xml("OEBPS/content.opf");
  const hrefs = new Map(elements(opf, "item").map((item) => [item.getAttribute("id"), item.getAttribute("href")]));
  const spine = elements(opf, "itemref").map((ref) => hrefs.get(ref.getAttribute("idref")) ?? "");
  return Promise.all(spine.map(async (href) => textOf(elements(await epub.xml(`OEBPS/${href}`), "body")[0])));
}

/** The text of the web edition's body, read with an HTML parser. */
function htmlText(path: string): string {
  const texts: string[] = [];
  const visit = (node: { nodeName: string; value?: string; childNodes?: unknown[] }) => {
    if (node.nodeName === "style" || node.nodeName === "script") return;
    if (node.nodeName === "#text") texts.push(node.value ?? "");
    for (const child of (node.childNodes ?? []) as (typeof node)[]) visit(child);
  };
  visit(parseHtml(readFileSync(path, "utf8")) as never);
  return texts.join(" ");
}

function expectNoLeaks(text: string, edition: string): void {
  for (const leak of leaks) expect(leak.exec(text)?.[0], `${edition}: ${leak}`).toBeUndefined();
}

describe.each([
  ["mdbook-book", "the-kettle-book"],
  ["pandoc-book", "the-tide-tables"],
])("%s", (name, slug) => {
  const dir = fixture(name);
  let built: BuiltBook;
  beforeAll(async () => {
    built = await buildBook(dir, undefined, { sourceDateEpoch: epoch });
  }, 240_000);

  it("reports exactly the expected diagnostics and builds every edition", () => {
    const report = formatReport(built.files, dir)
      .replaceAll(dir, "<fixture>")
      .split("\n")
      .filter((line) => / {2}(warning|error|info) {2}/.test(line));
    const expectedPath = join(dir, "expected.txt");
    if (process.env.UPDATE === "1") writeFileSync(expectedPath, `${report.join("\n")}\n`);
    expect(report).toEqual(readFileSync(expectedPath, "utf8").trimEnd().split("\n").filter(Boolean));
    expect(built.artifacts.map((a) => a.path.split("/").pop()).sort()).toEqual(
      ["epub", "html", "pdf"].map((format) => `${slug}.${format}`),
    );
  });

  it("gives an EPUB both EPUBChecks accept with no error or warning, and Ace finds no violation in", async () => {
    const java = epubcheckJava(built.path("epub"));
    const ts = await epubcheckTs(built.path("epub"));
    expect([...java.messages, ...ts.messages]).toEqual([]);
    expect([java.errors, java.warnings, ts.errors, ts.warnings]).toEqual([0, 0, 0, 0]);
    expect(aceViolations(built.path("epub"))).toEqual([]);
  }, 300_000);

  it("prints no directive, attribute block, metadata line or draft in any edition", async () => {
    expectNoLeaks((await epubTexts(built.path("epub"))).join("\n"), "EPUB");
    expectNoLeaks(htmlText(built.path("html")), "web");
    expectNoLeaks(pdfText(built.path("pdf")), "PDF");
  });

  it("builds, once imported with `folio import`, to the same web edition and EPUB", () => {
    const out = join(tempDir(), "imported");
    const source = name === "mdbook-book" ? dir : join(dir, "manual.md");
    const run = runCli(["import", name === "mdbook-book" ? "mdbook" : "pandoc", source, "-o", out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/✓ import /);
    // It says what it changed, where.
    const changes =
      name === "mdbook-book"
        ? [
            "src/ch01-installing.md:7  expanded {{#include ../listings/ch01/main.rs:kettle}}",
            "src/ch01-installing.md:16  link ch02-brewing.html → ch02-brewing.md",
            "src/ch03-errors.md:7  left out Rust's hidden `# ` lines",
          ]
        : [
            "manual.md: cut at its level-1 headings into 01-reading.md, 02-writing-the-tables.md, 03-glossary-of-terms.md",
            "manual.md:93  link #heights → 01-reading.md#heights",
            "manual.md:11  left out: Metadata `geometry` means nothing to Folio",
          ];
    for (const change of changes) expect(run.stderr).toContain(change);
    const editions = (manuscript: string) => {
      const to = tempDir();
      const build = runCli(["build", "-q", "-m", manuscript, "-o", to, "-f", "html,epub"], {
        env: { SOURCE_DATE_EPOCH: String(epoch) },
      });
      expect(build.status, build.stderr).toBe(0);
      return ["html", "epub"].map((format) => readFileSync(join(to, `${slug}.${format}`)));
    };
    const [inPlace, imported] = [editions(dir), editions(out)];
    expect(imported[0].equals(inPlace[0])).toBe(true);
    expect(imported[1].equals(inPlace[1])).toBe(true);
  }, 120_000);
});

describe("the mdBook book", () => {
  const dir = fixture("mdbook-book");
  let built: BuiltBook;
  beforeAll(async () => {
    built = await buildBook(dir, ["epub", "pdf"], { sourceDateEpoch: epoch });
  }, 240_000);

  it("shows the included lines, in order, and leaves hidden Rust lines and anchors out", async () => {
    const listed = [
      "struct Kettle { litres: f32, boiling: bool, }",
      "fn fill(kettle: &mut Kettle) { kettle.litres = 1.5; }",
      "fn level(kettle: &mut Kettle, roll: f32) { let _ = (kettle, roll); }",
      "fn watch(hour: u32) -> bool { hour % 4 == 0 }",
      "// Soft water first. const HARDNESS_LIMIT: u32 = 60; const TEMPERATURE: u32 = 95;",
      "This code does not compile. fn steep(leaves: Leaves) -> Duration",
      "This code panics. fn main() { let kettle = Kettle::empty();",
      "fn steep(leaves: Leaves) -> Duration { let minutes = 4; Duration::from_secs(minutes * 60) }",
    ];
    const expected = words(listed.join(" "));
    const epub = (await epubTexts(built.path("epub"))).join(" ");
    const pdf = pdfText(built.path("pdf"));
    expect(missingInOrder(expected, words(epub))).toBeUndefined();
    expect(missingInOrder(expected, printedWords(pdf))).toBeUndefined();
    for (const hidden of [
      "use std::time::Duration",
      "struct Leaves",
      "let water",
      "fn main() {}",
      "CONST",
      "schedule.",
    ])
      expect(epub.includes(hidden) || pdf.includes(hidden), hidden).toBe(false);
    // Everything before line 5 of brew.rs stays out of the lighthouse chapter.
    expect(epub.split("The keeper’s schedule").length).toBe(1);
  });

  it("reads book.toml and SUMMARY.md, with book.yaml winning, and points .html links at chapters", async () => {
    const epub = await openEpub(built.path("epub"));
    const opf = await epub.text("OEBPS/content.opf");
    expect(opf).toContain("<dc:title");
    expect(opf).toContain(">The Kettle Book<");
    expect(opf).toContain(">Ada Brewster<");
    expect(opf).toContain("How to make tea with Rust, from the kettle up to the cup.");
    const nav = await epub.xml("OEBPS/toc.xhtml");
    const toc = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "toc")!;
    expect(elements(toc, "a").map(textOf)).toEqual([
      "Foreword",
      "Getting Started",
      "Installing the Kettle",
      "On a Boat",
      "In a Lighthouse",
      "Brewing",
      "Choosing the Water",
      "Steeping",
      "Going Further",
      "Errors and Panics",
      "Appendix: Tea Names",
    ]);
    const links = elements(await epub.xml("OEBPS/ch01-installing.xhtml"), "a").map((a) => a.getAttribute("href"));
    expect(links).toContain("ch02-brewing.xhtml#choosing-the-water");
    expect(links).toContain("ch01-01-boat.xhtml");
  });
});
