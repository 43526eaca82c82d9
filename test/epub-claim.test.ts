/** The accessibility claim stays true: an image without alt text is a warning at its line, and the EPUB then claims no conformance. */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBook, fixture, tempDir, type BuiltBook } from "./helpers/build.js";
import { elements, openEpub, textOf } from "./helpers/epub.js";

describe("an EPUB with an image that lacks alt text", () => {
  let built: BuiltBook;
  let line: number;
  beforeAll(async () => {
    const dir = tempDir("folio-alt-");
    cpSync(fixture("epub-a11y"), dir, { recursive: true });
    const chapter = join(dir, "01-arrival.md");
    const text = readFileSync(chapter, "utf8").replace("![](images/ornament.gif)", '<img src="images/ornament.gif">');
    writeFileSync(chapter, text);
    line = text.split("\n").findIndex((l) => l.includes("ornament.gif")) + 1;
    built = await buildBook(dir, ["epub"], { sourceDateEpoch: 1_700_000_000 });
  });

  it("warns at the image's file and line with image-alt-missing", () => {
    const messages = built.files.flatMap((f) => f.messages);
    expect(messages.map((m) => [m.ruleId, m.line, m.fatal])).toEqual([["image-alt-missing", line, false]]);
    expect(messages[0].file).toMatch(/01-arrival\.md$/);
  });

  it("claims neither alternativeText nor WCAG conformance, and says why", async () => {
    const opf = await (await openEpub(built.path("epub"))).xml("OEBPS/content.opf");
    const meta = (property: string) => elements(opf, "meta").filter((m) => m.getAttribute("property") === property).map(textOf);
    expect(meta("schema:accessibilityFeature")).not.toContain("alternativeText");
    expect(meta("schema:accessModeSufficient")).toEqual(["textual,visual"]);
    expect(meta("dcterms:conformsTo")).toEqual([]);
    expect(meta("schema:accessibilitySummary")[0]).toMatch(/Some images have no text alternative/);
  });
});
