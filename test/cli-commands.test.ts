/** The commands beyond build: check, init, and the flags that change what is printed and the exit code. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { epubcheckJava, epubcheckTs } from "./helpers/epub.js";
import { pdfText } from "./helpers/pdf.js";
import { fixture, repoRoot, runCli, tempDir } from "./helpers/build.js";
import { flags } from "../scripts/terminal/flags.js";
import { commands } from "../scripts/commands/index.js";
import { folioVersion } from "../scripts/version.js";

/** A copy of the features fixture with one warning: an image no chapter uses. */
function bookWithWarning(): string {
  const dir = join(tempDir(), "book");
  cpSync(fixture("features"), dir, { recursive: true });
  writeFileSync(join(dir, "images", "spare.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
  return dir;
}

const warningLine =
  "images/spare.svg  warning  Image `images/spare.svg` is used by no chapter: use it or delete it  image-unused";

describe("folio check", () => {
  it("reports warnings, writes nothing and exits 0", () => {
    const dir = bookWithWarning();
    const run = runCli(["check", "-m", dir], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${warningLine}\n\n1 warning\n`);
    expect(existsSync(join(dir, "dist"))).toBe(false);
  });

  it("fails on warnings with --frail", () => {
    const run = runCli(["check", "--frail", "-m", bookWithWarning()]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("image-unused");
  });

  it("prints the diagnostics as JSON on stdout with --json", () => {
    const dir = bookWithWarning();
    const run = runCli(["check", "--json", "-m", dir], { cwd: dir });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      version: folioVersion,
      diagnostics: [
        {
          file: "images/spare.svg",
          line: null,
          column: null,
          severity: "warning",
          ruleId: "image-unused",
          message: "Image `images/spare.svg` is used by no chapter: use it or delete it",
        },
      ],
      artifacts: [],
      exitCode: 0,
    });
  });

  it("prints nothing on success with --quiet", () => {
    const run = runCli(["check", "--quiet", "-m", fixture("features")]);
    expect(run.status).toBe(0);
    expect([run.stdout, run.stderr]).toEqual(["", ""]);
  });

  it("exits 2 on a config error, naming the key and a rule id it may have meant", () => {
    const dir = bookWithWarning();
    writeFileSync(join(dir, "book.yaml"), "title: T\nlanguage: en\nrules:\n  image-unsued: off\n");
    const run = runCli(["check", "-m", dir], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "book.yaml:4:3  error  Unknown rule `rules.image-unsued` in book.yaml: did you mean `image-unused`?  config-unknown-key",
    );
  });

  it("honours a rule turned off in book.yaml", () => {
    const dir = bookWithWarning();
    writeFileSync(join(dir, "book.yaml"), "title: T\nlanguage: en\nrules:\n  image-unused: off\n");
    const run = runCli(["check", "--frail", "-m", dir]);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain("image-unused");
  });
});

describe("folio build flags", () => {
  it("--frail fails a build with warnings; without it the build succeeds", () => {
    const dir = bookWithWarning();
    const out = tempDir();
    expect(runCli(["build", "--frail", "-m", dir, "-o", out, "-f", "html"]).status).toBe(1);
    expect(runCli(["build", "-m", dir, "-o", out, "-f", "html"]).status).toBe(0);
  });

  it("--verbose prints each stage's time; --quiet prints nothing", () => {
    const out = tempDir();
    const verbose = runCli(["build", "--verbose", "-m", fixture("features"), "-o", out, "-f", "html"]);
    expect(verbose.stderr).toMatch(/^ {2}transform +\d+\.\d\d s {2}\(\d+ of 2 chapters from the cache\)$/m);
    expect(verbose.stderr).toMatch(/^ {2}render +\d+\.\d\d s$/m);
    const quiet = runCli(["build", "-q", "-m", fixture("features"), "-o", out, "-f", "html"]);
    expect([quiet.status, quiet.stdout, quiet.stderr]).toEqual([0, "", ""]);
  });

  it("rejects a flag that does not apply to the command", () => {
    const run = runCli(["check", "--out", "x"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("`--out` does not apply to `folio check`");
  });
});

describe("folio init", () => {
  it("starts a book that builds into valid editions", async () => {
    const dir = join(tempDir(), "my-first-book");
    const init = runCli(["init", dir]);
    expect(init.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      ".github",
      ".gitignore",
      "01-beginning.md",
      "02-next-steps.md",
      "README.md",
      "book.yaml",
      "images",
      "package.json",
    ]);
    const project = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(project).toMatchObject({
      name: "my-first-book",
      private: true,
      devDependencies: { "folio-press": `^${folioVersion}` },
    });
    expect(project.scripts).toEqual({
      build: "folio build",
      check: "folio check",
      preview: "folio preview",
      release: "folio release",
    });
    expect(readFileSync(join(dir, ".gitignore"), "utf8").split("\n")).toEqual(
      expect.arrayContaining(["node_modules/", "dist/", ".folio/"]),
    );
    expect(readFileSync(join(dir, "README.md"), "utf8")).toMatch(/^# My First Book\n/);
    const workflow = readFileSync(join(dir, ".github", "workflows", "book.yml"), "utf8");
    expect(workflow).toContain("uses: folio-press/folio@v0");
    expect(workflow).toContain("release: ${{ startsWith(github.ref, 'refs/tags/v') }}");
    const out = tempDir();
    const build = runCli(["build", "--frail", "-m", dir, "-o", out]);
    expect(build.stderr).not.toMatch(/warning|error/);
    expect(build.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["my-first-book.epub", "my-first-book.html", "my-first-book.pdf"]);
    const java = epubcheckJava(join(out, "my-first-book.epub"));
    expect(java.messages).toEqual([]);
    expect([java.errors, java.warnings]).toEqual([0, 0]);
    const port = await epubcheckTs(join(out, "my-first-book.epub"));
    expect(port.messages).toEqual([]);
    expect([port.errors, port.warnings]).toEqual([0, 0]);
    expect(pdfText(join(out, "my-first-book.pdf"))).toContain("My First Book");
  }, 180_000);

  it("accepts a folder that holds only a fresh git repository", () => {
    const dir = tempDir();
    mkdirSync(join(dir, ".git"));
    const run = runCli(["init", dir]);
    expect(run.status).toBe(0);
    expect(readdirSync(dir)).toContain("book.yaml");
  });

  it("refuses a folder that is not empty", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "notes"));
    const run = runCli(["init", dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`folio: \`${dir}\` is not empty (it holds notes): choose a new or empty folder`);
  });
});

describe("the command's documentation", () => {
  it("--help and the README name every command and flag of the tables", () => {
    const help = runCli(["--help"]);
    expect(help.status).toBe(0);
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    for (const command of Object.values(commands)) {
      expect(help.stdout).toContain(`  ${command.usage} `);
      expect(readme).toContain(`| \`folio ${command.usage}\` |`);
    }
    for (const name of Object.keys(flags)) {
      expect(help.stdout).toContain(`--${name}`);
      expect(readme).toContain(`--${name}`);
    }
  });
});
