/** Language tags: the small tables answer as the full ISO 639 list would. */
import fc from "fast-check";
import { iso6393 } from "iso-639-3";
import { describe, expect, it } from "vitest";
import { languageProblem } from "../scripts/util/language.js";

const known = new Set(
  iso6393.flatMap((language) =>
    [language.iso6391, language.iso6392B, language.iso6392T, language.iso6393].filter((code): code is string =>
      Boolean(code),
    ),
  ),
);

describe("languageProblem", () => {
  it("accepts every code of the full list, as a tag alone and with a region", async () => {
    expect(known.size).toBeGreaterThan(7000);
    for (const code of known) {
      expect(await languageProblem(code), code).toBeUndefined();
      expect(await languageProblem(`${code}-CA`), code).toBeUndefined();
    }
  });

  it("refuses a two- or three-letter primary subtag exactly when the full list lacks it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[a-z]{2,3}$/), async (code) => {
        const problem = await languageProblem(code);
        const reserved = /^q[a-t][a-z]$/.test(code);
        expect(problem === undefined, code).toBe(reserved || known.has(code));
      }),
      { numRuns: 2000 },
    );
    expect(await languageProblem("xx")).toMatch(/not an ISO 639 language code/);
    expect(await languageProblem("en_US")).toMatch(/not a well-formed BCP 47 tag/);
  });
});
