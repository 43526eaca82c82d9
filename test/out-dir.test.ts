/** `--out` that is a file, the manuscript folder, a folder holding it or a link to it: a usage error (exit 2), and the sources untouched. */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./helpers/build.js";

function book(): { root: string; manuscript: string; snapshot: () => Record<string, string> } {
  const root = tempDir("folio-out-");
  const manuscript = join(root, "manuscript");
  mkdirSync(manuscript);
  writeFileSync(join(manuscript, "book.yaml"), "title: Out\nlanguage: en\n");
  writeFileSync(join(manuscript, "01-one.md"), "# One\n\nText.\n");
  // A source that has an edition's name: a build into this folder would replace it.
  writeFileSync(join(manuscript, "out.html"), "<p>the author's own page</p>\n");
  const snapshot = () =>
    Object.fromEntries(
      readdirSync(root, { recursive: true, encoding: "utf8" })
        .sort()
        .map((name) => [name, statText(join(root, name))]),
    );
  return { root, manuscript, snapshot };
}

function statText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "(folder)";
  }
}

describe("--out", () => {
  it("that is an existing file is a usage error, and the file is kept", () => {
    const { root, manuscript, snapshot } = book();
    writeFileSync(join(root, "taken"), "keep me\n");
    const before = snapshot();
    const run = runCli(["build", "-m", manuscript, "-o", join(root, "taken"), "-f", "html"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `\`--out ${join(root, "taken")}\` is a file, not a folder: name a folder for the editions`,
    );
    expect(run.stderr).not.toMatch(/EEXIST|unexpected failure|at .*\.js/);
    expect(snapshot()).toEqual(before);
  });

  it.each([
    ["the manuscript folder", (m: string) => m, "is the manuscript folder"],
    [
      "the manuscript folder, spelt another way",
      (m: string) => join(m, "..", "manuscript", "."),
      "is the manuscript folder",
    ],
    ["the folder holding it", (m: string) => join(m, ".."), "holds the manuscript folder"],
  ])("that is %s is a usage error for build and release, and no source changes", (_what, out, says) => {
    const { manuscript, snapshot } = book();
    const before = snapshot();
    for (const command of ["build", "release"]) {
      const run = runCli([command, "-m", manuscript, "-o", out(manuscript)]);
      expect(run.status, `${command}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toContain(says);
      expect(run.stderr).toContain("give them a folder of their own, such as `dist`");
    }
    expect(snapshot()).toEqual(before);
  });

  it("that is a link to the manuscript folder is refused too", () => {
    const { root, manuscript, snapshot } = book();
    symlinkSync(manuscript, join(root, "alias"));
    const before = snapshot();
    const run = runCli(["build", "-m", manuscript, "-o", join(root, "alias")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("is the manuscript folder");
    expect(snapshot()).toEqual(before);
  });

  it("inside the manuscript folder, or anywhere else, builds", () => {
    const { manuscript } = book();
    const run = runCli(["build", "-m", manuscript, "-o", join(manuscript, "dist"), "-f", "html"]);
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(manuscript, "dist"))).toEqual(["out.html"]);
    expect(readFileSync(join(manuscript, "out.html"), "utf8")).toBe("<p>the author's own page</p>\n");
  });
});
