/** Property test: any generated manuscript gives HTML and an EPUB both EPUBCheck runs accept, or diagnostics; never a crash. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkBook } from "./fuzz/check.js";
import { generatedBook, type GeneratedBook } from "./fuzz/manuscripts.js";
import regressions from "./fuzz/regressions.json" with { type: "json" };

describe("generated manuscripts", () => {
  it("build into valid editions or end with diagnostics", async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(generatedBook, async (book) => {
        // Java EPUBCheck takes seconds: run it on every fifth built book, the port on all.
        const outcome = await checkBook(book, { java: built % 5 === 0 });
        if (outcome.built) built++;
        expect(outcome.failure).toBeUndefined();
      }),
      // The examples are manuscripts long runs once failed on (an empty heading, an empty id, `]]>` in text, a stray `<li>`, `<cZ>` and `<fcd(` typed in text, two file names with one slug): they run first.
      { numRuns: 15, seed: 20_240_601, endOnFailure: true, examples: (regressions as GeneratedBook[]).map((book) => [book] as [GeneratedBook]) },
    );
    // The generator is only worth its time if a fair share of its books get past the checks.
    expect(built).toBeGreaterThanOrEqual(4);
  }, 300_000);
});
