/** `fonts:` in book.yaml: a Fontsource family and local font files embedded, subset, never Type 3; CFF refused; keys checked. */
import { copyFileSync, cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareBook } from "../scripts/recipe.js";
import { formatReport } from "../scripts/report.js";
import { buildBook, type BuiltBook, fixture, repoRoot, tempDir } from "./helpers/build.js";
import { epubcheckJava, epubcheckTs, openEpub } from "./helpers/epub.js";
import { pdfFonts } from "./helpers/pdf.js";

const sourceSerif = join(repoRoot, "node_modules", "source-serif");
const epoch = { sourceDateEpoch: 1_700_000_000 };

/** The French fixture book with `fonts` in its book.yaml, and `files` copied into its fonts/ folder. */
function bookWithFonts(fonts: string, files: Record<string, string> = {}): string {
  const dir = join(tempDir(), "book");
  cpSync(fixture("french"), dir, { recursive: true });
  mkdirSync(join(dir, "fonts"));
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(dir, "fonts", name));
  writeFileSync(join(dir, "book.yaml"), `${readFileSync(join(dir, "book.yaml"), "utf8")}fonts:\n${fonts}`);
  return dir;
}

async function problems(dir: string): Promise<string[]> {
  const prepared = await prepareBook({ manuscriptDir: dir, outDir: join(tempDir(), "out") });
  return formatReport(prepared.files, dir)
    .split("\n")
    .filter((line) => line.startsWith("book.yaml"));
}

describe("a book set in a Fontsource family with headings from a local TrueType file", () => {
  let built: BuiltBook;
  beforeAll(async () => {
    const dir = bookWithFonts('  body: "@fontsource/eb-garamond"\n  heading:\n    files: [fonts/Heading.ttf]\n', {
      "Heading.ttf": join(sourceSerif, "TTF", "SourceSerif4Display-Semibold.ttf"),
    });
    built = await buildBook(dir, undefined, epoch);
  }, 300_000);

  it("builds without a diagnostic", () => {
    expect(built.files.flatMap((f) => f.messages.map(String))).toEqual([]);
  });

  it("embeds both families in the PDF, every font embedded and none Type 3", () => {
    const fonts = pdfFonts(built.path("pdf"));
    expect(fonts.filter((f) => !f.embedded || f.type === "Type 3")).toEqual([]);
    expect(fonts.some((f) => /\+EBGaramond-Regular$/.test(f.name))).toBe(true);
    expect(fonts.some((f) => /\+SourceSerif4Display-Semibold$/.test(f.name))).toBe(true);
    expect(fonts.some((f) => /\+SourceSerif4-Regular$/.test(f.name))).toBe(false);
  });

  it("carries in the EPUB only the files its characters need, each subset to them", async () => {
    const epub = await openEpub(built.path("epub"));
    const names = epub.names.filter((n) => n.startsWith("OEBPS/fonts/")).sort();
    // Latin only: none of EB Garamond's Cyrillic, Greek or Vietnamese files.
    expect(names.filter((n) => /eb-garamond/.test(n))).toEqual([
      "OEBPS/fonts/eb-garamond-latin-400-italic.ttf",
      "OEBPS/fonts/eb-garamond-latin-400-normal.ttf",
      "OEBPS/fonts/eb-garamond-latin-600-normal.ttf",
      "OEBPS/fonts/eb-garamond-latin-700-italic.ttf",
      "OEBPS/fonts/eb-garamond-latin-700-normal.ttf",
    ]);
    const heading = fontkit.create(Buffer.from(await epub.zip.file("OEBPS/fonts/Heading.ttf")!.async("uint8array")));
    const whole = fontkit.create(readFileSync(join(sourceSerif, "TTF", "SourceSerif4Display-Semibold.ttf")));
    expect(heading.numGlyphs).toBeLessThan(whole.numGlyphs / 3);
    for (const c of "Laré«»’") expect(heading.hasGlyphForCodePoint(c.codePointAt(0)!), c).toBe(true);
    const css = await epub.text("OEBPS/style.css");
    expect(css).toContain('font-family: "EB Garamond"');
    expect(css).toMatch(/h1, h2, h3, h4, h5, h6 \{ font-family: "Source Serif 4 Display", "EB Garamond"/);
    expect(css).not.toContain("var(--font");
  });

  it("passes W3C EPUBCheck and the EPUBCheck 5.3 port", async () => {
    const java = epubcheckJava(built.path("epub"));
    expect([java.errors, java.warnings, java.messages]).toEqual([0, 0, []]);
    const port = await epubcheckTs(built.path("epub"));
    expect([port.errors, port.warnings, port.messages]).toEqual([0, 0, []]);
  });

  it("inlines in the web page the family's WOFF2 files its characters need", () => {
    const html = readFileSync(built.path("html"), "utf8");
    // The latin file of each of the five weights and styles; no Cyrillic, Greek or Vietnamese one.
    expect(html.match(/@font-face \{ font-family: "EB Garamond"[^}]*font\/woff2/g)?.length).toBe(5);
    expect(html).toContain('@font-face { font-family: "Source Serif 4 Display"');
  });
});

describe("the default font", () => {
  it("is subset in the EPUB: each face a fraction of its file", async () => {
    const built = await buildBook(fixture("german"), ["epub"], epoch);
    const epub = await openEpub(built.path("epub"));
    const regular = await epub.zip.file("OEBPS/fonts/SourceSerif4-Regular.ttf")!.async("uint8array");
    expect(regular.length).toBeLessThan(statSync(join(sourceSerif, "TTF", "SourceSerif4-Regular.ttf")).size / 4);
  });
});

describe("fonts that cannot be used", () => {
  it("refuses a font with PostScript (CFF) outlines, which Chromium would print as Type 3", async () => {
    const dir = bookWithFonts("  body:\n    files: [fonts/Serif.otf]\n", {
      "Serif.otf": join(sourceSerif, "OTF", "SourceSerif4-Regular.otf"),
    });
    expect(await problems(dir)).toEqual([
      "book.yaml:17:12  error  Font `Serif.otf` has PostScript (CFF) outlines, which Chromium prints as a Type 3 font that printers refuse: use the family's TrueType (.ttf) files  font-cff",
    ]);
  });

  it("checks the keys of `fonts:` like the rest of book.yaml", async () => {
    const dir = bookWithFonts('  bdy: "@fontsource/eb-garamond"\n');
    expect(await problems(dir)).toEqual([
      "book.yaml:16:3  error  Unknown key `fonts.bdy` in book.yaml: did you mean `body`?  config-unknown-key",
    ]);
  });

  it("asks for a family when a package holds several", async () => {
    const dir = bookWithFonts("  body: source-serif\n");
    expect(await problems(dir)).toEqual([
      expect.stringMatching(
        /^book\.yaml:16:9 {2}error {2}Font package `source-serif` holds several families \(.*Source Serif 4 Display.*\): name one with `family:` {2}config-invalid-value$/,
      ),
    ]);
  });
});
