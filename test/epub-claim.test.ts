/** The accessibility claim stays true: an image without alt text is a warning at its line, and the EPUB then claims no conformance. */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBook, fixture, tempDir, type BuiltBook } from "./helpers/build.js";
import { aceViolations } from "./helpers/ace.js";
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
    const meta = (property: string) =>
      elements(opf, "meta")
        .filter((m) => m.getAttribute("property") === property)
        .map(textOf);
    expect(meta("schema:accessibilityFeature")).not.toContain("alternativeText");
    expect(meta("schema:accessModeSufficient")).toEqual(["textual,visual"]);
    expect(meta("dcterms:conformsTo")).toEqual([]);
    expect(meta("schema:accessibilitySummary")[0]).toMatch(/Some images have no text alternative/);
  });
});

/** The accessibility metadata of the EPUB at `path`. */
async function claimOf(path: string) {
  const opf = await (await openEpub(path)).xml("OEBPS/content.opf");
  return (property: string) =>
    elements(opf, "meta")
      .filter((m) => m.getAttribute("property") === property)
      .map(textOf);
}

/** The epub-a11y fixture, with `edit` applied to its first chapter, built into an EPUB. */
async function editedFixture(edit: (text: string) => string, yaml = ""): Promise<BuiltBook> {
  const dir = tempDir("folio-claim-");
  cpSync(fixture("epub-a11y"), dir, { recursive: true });
  const chapter = join(dir, "01-arrival.md");
  writeFileSync(chapter, edit(readFileSync(chapter, "utf8")));
  if (yaml) writeFileSync(join(dir, "book.yaml"), `${readFileSync(join(dir, "book.yaml"), "utf8")}${yaml}`);
  return buildBook(dir, ["epub"], { sourceDateEpoch: 1_700_000_000 });
}

describe("an EPUB with a skipped heading level", () => {
  let built: BuiltBook;
  beforeAll(async () => {
    // Silenced on purpose: the claim must follow the book, not the warnings the author chose to see.
    built = await editedFixture(
      (text) => `${text}\n#### A level too deep\n\nText under it.\n`,
      "rules:\n  heading-skip: off\n",
    );
  });

  it("claims no conformance and no structural navigation, and says why", async () => {
    expect(built.files.flatMap((f) => f.messages)).toEqual([]);
    const meta = await claimOf(built.path("epub"));
    expect(meta("dcterms:conformsTo")).toEqual([]);
    expect(meta("a11y:certifiedBy")).toEqual([]);
    expect(meta("schema:accessibilityFeature")).not.toContain("structuralNavigation");
    expect(meta("schema:accessibilityFeature")).toContain("alternativeText");
    expect(meta("schema:accessibilitySummary")[0]).toMatch(
      /^This EPUB makes no WCAG conformance claim\. Some headings skip a level/,
    );
    expect(meta("schema:accessibilitySummary")[0]).not.toContain("meets WCAG");
  });

  it("is what Ace finds: a heading-order violation, and no conformance claimed to contradict it", () => {
    const violations = aceViolations(built.path("epub"));
    expect(violations.map((v) => v.rule)).toContain("heading-order");
    expect(violations.filter((v) => /conform/i.test(`${v.rule} ${v.description}`))).toEqual([]);
  }, 300_000);
});

describe("an EPUB with a table without header cells", () => {
  it("warns at the table, claims no conformance and says why", async () => {
    const built = await editedFixture((text) => `${text}\n<table><tr><td>Iron</td><td>Fe</td></tr></table>\n`);
    expect(built.files.flatMap((f) => f.messages).map((m) => m.ruleId)).toEqual(["table-no-headers"]);
    const meta = await claimOf(built.path("epub"));
    expect(meta("dcterms:conformsTo")).toEqual([]);
    expect(meta("schema:accessibilityFeature")).toContain("structuralNavigation");
    expect(meta("schema:accessibilitySummary")[0]).toMatch(/Some tables have no header cells\./);
  });
});

describe("an EPUB whose author silenced image-alt-missing", () => {
  it("still claims no conformance and no alternativeText", async () => {
    const built = await editedFixture(
      (text) => text.replace("![](images/ornament.gif)", '<img src="images/ornament.gif">'),
      "rules:\n  image-alt-missing: off\n",
    );
    expect(built.files.flatMap((f) => f.messages)).toEqual([]);
    const meta = await claimOf(built.path("epub"));
    expect(meta("dcterms:conformsTo")).toEqual([]);
    expect(meta("schema:accessibilityFeature")).not.toContain("alternativeText");
    expect(meta("schema:accessibilitySummary")[0]).toMatch(/Some images have no text alternative\./);
  });
});

describe("the release of a book whose claim was dropped", () => {
  it("has an Ace report that agrees: the violation Folio warned of, a failed check, and no claim in the released EPUB", async () => {
    const { spawnSync } = await import("node:child_process");
    const { repoRoot } = await import("./helpers/build.js");
    const dir = tempDir("folio-claim-release-");
    cpSync(fixture("epub-a11y"), dir, { recursive: true });
    const chapter = join(dir, "01-arrival.md");
    writeFileSync(chapter, `${readFileSync(chapter, "utf8")}\n#### A level too deep\n\nText under it.\n`);
    const out = join(tempDir(), "release");
    const run = spawnSync(
      process.execPath,
      [join(repoRoot, "bin", "folio.js"), "release", "-m", dir, "-o", out, "--json"],
      {
        env: { ...process.env, SOURCE_DATE_EPOCH: "1700000000" },
        encoding: "utf8",
        timeout: 280_000,
      },
    );
    const json = JSON.parse(run.stdout) as {
      diagnostics: { ruleId: string; file: string }[];
      checks: { name: string; status: string; summary: string }[];
      artifacts: { path: string }[];
      exitCode: number;
    };
    expect(json.diagnostics.map((d) => d.ruleId)).toEqual(["heading-skip"]);
    const ace = json.checks.find((check) => check.name === "Ace by DAISY");
    expect(ace?.status).toBe("failed");
    const report = JSON.parse(readFileSync(join(out, "reports", "ace", "report.json"), "utf8")) as {
      assertions: { "earl:testSubject": { url: string }; assertions: { "earl:test": { "dct:title": string } }[] }[];
    };
    const failed = report.assertions.flatMap((doc) =>
      doc.assertions.map((a) => `${doc["earl:testSubject"].url.replace(/^.*\//, "")} ${a["earl:test"]["dct:title"]}`),
    );
    expect(failed).toEqual(["01-arrival.xhtml heading-order"]);
    const epub = json.artifacts.map((a) => a.path).find((path) => path.endsWith(".epub"))!;
    const meta = await claimOf(join(out, epub.replace(/^.*\//, "")));
    expect(meta("dcterms:conformsTo")).toEqual([]);
    expect(json.exitCode).toBe(1);
    expect(run.status).toBe(1);
  }, 300_000);
});
