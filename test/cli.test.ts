/** The command as a user runs it: exit codes and diagnostics for bad input, with no stack trace. */
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixture, runCli, tempDir } from "./helpers/build.js";

/** A copy of the fixture book in a temporary folder, with `book.yaml` replaced when given. */
function copyOfFixture(bookYaml?: string): string {
  const dir = join(tempDir(), "book");
  cpSync(fixture("features"), dir, { recursive: true });
  if (bookYaml !== undefined) writeFileSync(join(dir, "book.yaml"), bookYaml);
  return dir;
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);

describe("folio build with bad input", () => {
  it("names the missing chapter at its line in book.yaml and exits 2", () => {
    const dir = copyOfFixture("title: T\nlanguage: en\nchapters:\n  - 01-lists-and-tables.md\n  - 09-missing.md\n");
    const out = tempDir();
    const run = runCli(["build", "--manuscript", dir, "--out", out, "--format", "html"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /book\.yaml:5:5 {2}error {2}Chapter `09-missing\.md` does not exist: fix the path or create the file {2}chapter-missing/,
    );
    noStackTrace(run.stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  it("points at invalid YAML and exits 2", () => {
    const dir = copyOfFixture("title: T\nlanguage: [en\nchapters: x\n");
    const run = runCli(["build", "-m", dir, "-o", tempDir(), "-f", "html"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/book\.yaml:\d+:\d+ {2}error {2}Invalid YAML: .+ {2}config-yaml/);
    noStackTrace(run.stderr);
  });

  it("points at an unknown key with a suggestion and exits 2", () => {
    const dir = copyOfFixture("title: T\nlanguage: en\nsubtitel: S\n");
    const run = runCli(["build", "-m", dir, "-o", tempDir(), "-f", "html"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "book.yaml:3:1  error  Unknown key `subtitel` in book.yaml: did you mean `subtitle`?  config-unknown-key",
    );
    noStackTrace(run.stderr);
  });

  it("reports a missing required key and a wrong type", () => {
    const dir = copyOfFixture("language: 42\nprint:\n  tocDepth: 3\n");
    const run = runCli(["build", "-m", dir, "-o", tempDir(), "-f", "html"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "book.yaml:1:1  error  Missing required key `title` in book.yaml: add it  config-invalid-value",
    );
    expect(run.stderr).toContain(
      'book.yaml:1:11  error  `language` must be text, but YAML reads `42` as a number: quote it, as in `language: "42"`  config-invalid-value',
    );
    expect(run.stderr).toContain("book.yaml:3:13  error  `print.tocDepth` must be 1 or 2, not 3  config-invalid-value");
  });

  it("rejects an unknown format as a usage error", () => {
    const run = runCli(["build", "--format", "docx"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown format `docx`");
  });

  it("reports a broken link at its line and column, exits 1 and writes nothing", () => {
    const dir = copyOfFixture();
    writeFileSync(
      join(dir, "02-notes-and-code.md"),
      "# Notes\n\nSee [nowhere](01-lists-and-tables.md#no-such-heading).\n",
    );
    const out = tempDir();
    const run = runCli(["build", "-m", dir, "-o", out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /02-notes-and-code\.md:3:5 {2}error {2}Link to `#no-such-heading`: no heading or element of chapter `01-lists-and-tables\.md` has that id {2}link-anchor/,
    );
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("folio build", () => {
  it("builds a subset of formats and prints one line per edition", () => {
    const out = tempDir();
    const run = runCli(["build", "-m", fixture("features"), "-o", out, "--format", "html,epub"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/✓ html .*the-field-guide-to-folio\.html {2}\d+ kB {2}\d+\.\d s/);
    expect(run.stderr).toMatch(/✓ epub .*the-field-guide-to-folio\.epub/);
    expect(readdirSync(out).sort()).toEqual(["the-field-guide-to-folio.epub", "the-field-guide-to-folio.html"]);
  });

  it("builds the other editions and explains how to get a browser when none is found", () => {
    const out = tempDir();
    const run = runCli(["build", "-m", fixture("features"), "-o", out], {
      env: { PUPPETEER_EXECUTABLE_PATH: "/nonexistent/chrome" },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("browser-missing");
    expect(run.stderr).toContain("apt-get install chromium");
    expect(existsSync(join(out, "the-field-guide-to-folio.epub"))).toBe(true);
    expect(existsSync(join(out, "the-field-guide-to-folio.pdf"))).toBe(false);
    noStackTrace(run.stderr);
    rmSync(out, { recursive: true, force: true });
  });
});
