/** Property test: any generated manuscript gives HTML, an EPUB both EPUBCheck runs accept and (for a share of them) a PDF that keeps the print invariants, or diagnostics; never a crash. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkBook } from "./fuzz/check.js";
import { pdfFailure } from "./fuzz/check-pdf.js";
import { buildBook, tempDir } from "./helpers/build.js";
import { generatedBook, type GeneratedBook } from "./fuzz/manuscripts.js";
import regressions from "./fuzz/regressions.json" with { type: "json" };

describe("generated manuscripts", () => {
  it("build into valid editions or end with diagnostics", async () => {
    let built = 0;
    let pdfs = 0;
    await fc.assert(
      fc.asyncProperty(generatedBook, async (book) => {
        // Java EPUBCheck takes seconds: run it on every fifth built book, the port on all.
        // The PDF takes a browser and seconds too: every third built book's, with the invariants of the print edition.
        const pdf = built % 3 === 1;
        const outcome = await checkBook(book, { java: built % 5 === 0, pdf });
        if (outcome.built) built++;
        if (outcome.built && pdf) pdfs++;
        expect(outcome.failure).toBeUndefined();
      }),
      // The examples are manuscripts long runs once failed on (an empty heading, an empty id, `]]>` in text, a stray `<li>`, `<cZ>` and `<fcd(` typed in text, two file names with one slug): they run first.
      {
        numRuns: 15,
        seed: 20_240_601,
        endOnFailure: true,
        examples: (regressions as GeneratedBook[]).map((book) => [book] as [GeneratedBook]),
      },
    );
    // The generator is only worth its time if a fair share of its books get past the checks.
    expect(built).toBeGreaterThanOrEqual(4);
    expect(pdfs).toBeGreaterThanOrEqual(2);
  }, 900_000);
});

describe("the PDF invariants", () => {
  it("catch a word the print lost and a book whose chapter count the contents disagree with", async () => {
    const dir = join(tempDir(), "book");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "book.yaml"), "title: Check\nlanguage: en\n");
    writeFileSync(join(dir, "01-one.md"), "# One\n\nEvery word here is printed.\n");
    const built = await buildBook(dir, ["pdf"]);
    expect(await pdfFailure(built.path("pdf"), [join(dir, "01-one.md")])).toBeUndefined();
    writeFileSync(join(dir, "02-other.md"), "# Other\n\nA word never printed: zanzibarquux.\n");
    expect(await pdfFailure(built.path("pdf"), [join(dir, "01-one.md")].concat(join(dir, "02-other.md")))).toBe(
      "1 contents entries for 2 chapters",
    );
    writeFileSync(join(dir, "01-one.md"), "# One\n\nEvery word here is printed zanzibarquux.\n");
    expect(await pdfFailure(built.path("pdf"), [join(dir, "01-one.md")])).toMatch(
      /word “zanzibarquux” of 01-one\.md is not in the PDF's text/,
    );
  }, 120_000);
});
