/** The preflight rules that need the laid-out pages, each at its exact place: their fixtures are built into PDFs (expected.txt; UPDATE=1 rewrites them). */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { fontProblems } from "../scripts/print/press-fonts.js";
import { reportFontProblems } from "../scripts/print/press-release.js";
import { formatReport } from "../scripts/report.js";
import { buildBook, fixture } from "./helpers/build.js";

const afterLayout = [
  "press-gutter",
  "press-page-limit",
  "press-spine-thin",
  "press-image-resolution",
  "press-image-converted",
  "print-overflow",
];

describe("preflight after layout, at its exact place", () => {
  for (const id of afterLayout) {
    it(id, async () => {
      const dir = join(fixture("rules"), id);
      const built = await buildBook(dir, ["pdf"]);
      const lines = formatReport(built.files, dir)
        .replaceAll(dir, "<fixture>")
        .split("\n")
        .filter((line) => line.endsWith(`  ${id}`));
      const expectedPath = join(dir, "expected.txt");
      if (process.env.UPDATE === "1") writeFileSync(expectedPath, `${lines.join("\n")}\n`);
      expect(lines).toEqual(readFileSync(expectedPath, "utf8").trimEnd().split("\n"));
    }, 120_000);
  }
});

describe("press-font", () => {
  it("reports a font that is not embedded, by name, on book.yaml", async () => {
    const made = await PDFDocument.create();
    made.addPage().drawText("Plain", { font: await made.embedFont(StandardFonts.Helvetica) });
    const pdf = await PDFDocument.load(await made.save());
    const file = new VFile({ path: "book.yaml" });
    reportFontProblems(file, fontProblems(pdf), "the interior", { line: 5, column: 12 });
    expect(formatReport([file], ".").split("\n")[0]).toBe(
      "book.yaml:5:12  error  Font `Helvetica` of the interior is not embedded: printers refuse it; use an embeddable OpenType or TrueType font  press-font",
    );
  });
});
