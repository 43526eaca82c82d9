/**
 * The corpus of bad manuscripts under test/fixtures/bad: each folder is built to HTML and EPUB and
 * must give exactly the reporter lines of its `expected.txt` (regenerate with UPDATE=1, then review).
 * Files that git cannot hold well (links leaving the folder, binary chapters, huge inputs) are made here.
 */
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../scripts/recipe.js";
import { hasFailures } from "../scripts/diagnostics.js";
import { formatReport } from "../scripts/report.js";
import { fixture, runCli, tempDir } from "./helpers/build.js";
import { epubcheckJava, epubcheckTs } from "./helpers/epub.js";
import { writeBlankPng } from "./helpers/png.js";

const corpus = fixture("bad");

/** Extra files for cases that git should not or cannot hold; `outside` is a folder beside the manuscript. */
const setups: Record<string, (dir: string, outside: string) => void> = {
  "chapter-symlink": (dir, outside) => symlinkSync(join(outside, "secret.md"), join(dir, "linked.md")),
  "chapter-binary": (dir) => {
    writeFileSync(join(dir, "binary.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]));
    writeFileSync(join(dir, "latin1.md"), Buffer.from("# Caf\xe9\n\nCr\xe8me br\xfbl\xe9e.\n", "latin1"));
  },
  "image-symlink": (dir, outside) => {
    symlinkSync(join(outside, "secret.png"), join(dir, "leak.png"));
    writeFileSync(join(dir, "one.md"), "# One\n\n![A leak](leak.png)\n");
  },
  "image-too-large": (dir) => {
    writeBlankPng(join(dir, "huge.png"), 10_000, 10_000);
    writeBlankPng(join(dir, "fine.png"), 2_000, 1_500);
    writeFileSync(join(dir, "one.md"), "# One\n\n![Too large](huge.png)\n\n![Fine](fine.png)\n");
  },
  "nesting-deep": (dir) => {
    writeFileSync(join(dir, "quotes.md"), `# Quotes\n\n${"> ".repeat(5_000)}deep\n`);
    writeFileSync(
      join(dir, "lists.md"),
      `# Lists\n\n${Array.from({ length: 3_000 }, (_, i) => `${"  ".repeat(i)}- item`).join("\n")}\n`,
    );
    writeFileSync(join(dir, "raw.md"), `# Raw\n\n${"<div>".repeat(5_000)}deep\n`);
  },
  "paragraph-huge": (dir) =>
    writeFileSync(join(dir, "one.md"), `# One\n\n${"All work and no play. ".repeat(200_000)}\n`),
};

/** A copy of case `name` in a temporary folder, with a sibling folder of files that must never reach a book. */
function prepare(name: string): string {
  const root = tempDir("folio-bad-");
  const dir = join(root, "book");
  const outside = join(root, "outside");
  cpSync(join(corpus, name), dir, { recursive: true });
  cpSync(join(corpus, name), outside, { recursive: true });
  writeFileSync(join(outside, "secret.md"), "# Secret\n\nOUTSIDE-SECRET\n");
  writeBlankPng(join(outside, "secret.png"), 3, 3);
  writeFileSync(join(root, "outside.md"), "# Outside\n\nOUTSIDE-SECRET\n");
  writeBlankPng(join(root, "secret.png"), 3, 3);
  setups[name]?.(dir, outside);
  return dir;
}

const cases = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe("bad manuscripts", () => {
  it.each(cases)("%s gives exactly its expected diagnostics", async (name) => {
    const dir = prepare(name);
    const outDir = join(dir, "..", "out");
    const result = await build({
      manuscriptDir: dir,
      outDir,
      formats: ["html", "epub"],
      sourceDateEpoch: 1_700_000_000,
    });
    const lines = formatReport(result.files, dir).split("\n\n")[0].split("\n").filter(Boolean);
    const expectedPath = join(corpus, name, "expected.txt");
    if (process.env.UPDATE) writeFileSync(expectedPath, `${lines.join("\n")}\n`);
    expect(lines).toEqual(readFileSync(expectedPath, "utf8").split("\n").filter(Boolean));
    const failed = hasFailures(result.files);
    // A book with errors gets no edition at all; one with only warnings gets valid editions.
    expect(result.artifacts.map((a) => a.format)).toEqual(failed ? [] : ["html", "epub"]);
    for (const artifact of result.artifacts) {
      const bytes = readFileSync(artifact.path);
      expect(bytes.includes("OUTSIDE-SECRET")).toBe(false);
      expect(bytes.includes("127.0.0.1")).toBe(false);
    }
    if (!failed) expect((await epubcheckTs(join(outDir, "t.epub"))).messages).toEqual([]);
    expect(existsSync(outDir) ? readdirSync(outDir).filter((f) => f.startsWith(".folio-staging")) : []).toEqual([]);
  });

  it.each([
    ["yaml-invalid", 2],
    ["chapter-binary", 2],
    ["nesting-deep", 1],
    ["html-hostile", 0],
  ] as const)(
    "through the command, %s prints its expected lines, exits %i and shows no stack trace",
    (name, status) => {
      const dir = prepare(name);
      const run = runCli(["build", "-m", ".", "-o", "../out", "-f", "html,epub"], { cwd: dir });
      expect(run.status).toBe(status);
      for (const line of readFileSync(join(corpus, name, "expected.txt"), "utf8")
        .split("\n")
        .filter(Boolean))
        expect(run.stderr).toContain(line);
      expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      expect(run.stderr).not.toContain("unexpected failure");
    },
  );

  it("keeps malformed raw HTML well-formed for W3C EPUBCheck too", async () => {
    const dir = prepare("html-malformed");
    const result = await build({
      manuscriptDir: dir,
      outDir: join(dir, "..", "out"),
      formats: ["epub"],
      sourceDateEpoch: 1_700_000_000,
    });
    const check = epubcheckJava(result.artifacts[0].path);
    expect(check.messages).toEqual([]);
  });

  it("keeps a remote image only as a link when the book lowers image-remote to a warning", async () => {
    const dir = prepare("images");
    writeFileSync(join(dir, "book.yaml"), "title: T\nlanguage: en\nrules:\n  image-remote: warning\n");
    writeFileSync(join(dir, "one.md"), "# One\n\n![Remote](https://example.org/x.png)\n");
    const result = await build({
      manuscriptDir: dir,
      outDir: join(dir, "..", "out"),
      formats: ["html"],
      sourceDateEpoch: 1_700_000_000,
    });
    expect(formatReport(result.files, dir)).toContain(
      "one.md:3:1  warning  Image `https://example.org/x.png` is remote and is never fetched",
    );
    const html = readFileSync(result.artifacts[0].path, "utf8");
    expect(html).toContain('<a href="https://example.org/x.png">Remote</a>');
    expect(html).not.toMatch(/<img[^>]+example\.org/);
  });
});
