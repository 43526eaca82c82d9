/**
 * The invariant of raw HTML and SVG: a build that succeeds gives an EPUB both EPUBChecks accept with no
 * error and no warning, and every violation Ace finds was already a Folio diagnostic of that chapter.
 * The EPUB claims WCAG conformance only when Ace finds nothing. Java EPUBCheck and Ace take seconds a
 * book, so many generated chapters go into a few books.
 */
import { rmSync } from "node:fs";
import { basename, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build } from "../scripts/recipe.js";
import { hasFailures } from "../scripts/diagnostics.js";
import { formatReport } from "../scripts/report.js";
import { aceViolations } from "./helpers/ace.js";
import { tempDir } from "./helpers/build.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, textOf } from "./helpers/epub.js";
import { rawBook, writeRawBook, type RawBook } from "./fuzz/raw-html.js";

/** The Folio rule that reports what an Ace check finds. */
const aceToFolio: Readonly<Record<string, string>> = {
  "image-alt": "image-alt-missing",
  "svg-img-alt": "image-alt-missing",
  "landmark-unique": "html-landmark-duplicate",
  "heading-order": "heading-skip",
  "duplicate-id": "id-duplicate",
  "duplicate-id-aria": "id-duplicate",
};

async function checkRawBook(book: RawBook): Promise<{ built: boolean }> {
  const root = tempDir("folio-raw-");
  const manuscript = join(root, "book");
  try {
    writeRawBook(manuscript, book);
    const result = await build({
      manuscriptDir: manuscript,
      outDir: join(root, "out"),
      formats: ["epub"],
      sourceDateEpoch: 1_700_000_000,
    });
    const report = formatReport(result.files, manuscript);
    if (hasFailures(result.files)) {
      expect(result.artifacts, report).toEqual([]);
      expect(report).toMatch(/ error {2}.+ {2}[a-z-]+$/m);
      return { built: false };
    }
    const epub = result.artifacts[0].path;
    const java = epubcheckJava(epub);
    expect(java.messages, `${report}\n${book.chapters.join("\n")}`).toEqual([]);
    const ts = await epubcheckTs(epub);
    expect(ts.messages, `${report}\n${book.chapters.join("\n")}`).toEqual([]);
    expect([java.errors, java.warnings, ts.errors, ts.warnings]).toEqual([0, 0, 0, 0]);
    const violations = aceViolations(epub);
    for (const violation of violations) {
      const file = result.files.find((f) => basename(f.path, ".md") === basename(violation.file, ".xhtml"));
      const rule = aceToFolio[violation.rule];
      expect(rule, `Ace ${violation.rule} in ${violation.file}: ${violation.description}`).toBeDefined();
      // Reported by Folio in that chapter, at a source position.
      expect(
        file?.messages.some((m) => m.ruleId === rule && typeof m.line === "number" && typeof m.column === "number"),
        `Ace ${violation.rule} in ${violation.file} with no ${rule} diagnostic at a line and column`,
      ).toBe(true);
    }
    // The conformance claim holds: a book Ace faults claims no WCAG conformance.
    const opf = await (await openEpub(epub)).xml("OEBPS/content.opf");
    const claims = elements(opf, "meta").filter((m) => m.getAttribute("property") === "dcterms:conformsTo");
    if (violations.length > 0) expect(claims.map(textOf), "a WCAG claim on a book Ace faults").toEqual([]);
    return { built: true };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe("raw HTML and SVG from other tools", () => {
  it("build into EPUBs both EPUBChecks accept with 0 errors and 0 warnings, Ace finding only what Folio reported", async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(rawBook(12), async (book) => {
        const outcome = await checkRawBook(book);
        if (outcome.built) built++;
      }),
      {
        numRuns: Number(process.env.FOLIO_RAW_RUNS ?? 4),
        seed: Number(process.env.FOLIO_RAW_SEED ?? 20_261_201),
        endOnFailure: true,
      },
    );
    expect(built).toBeGreaterThanOrEqual(3);
  }, 600_000);
});
