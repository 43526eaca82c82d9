/** The synthetic-book generator of the benchmark and the scale tests, and the repository's independence from anything beside it. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeSyntheticBook } from "../scripts/bench/make-book.js";
import { chapterData } from "../scripts/book.js";
import { prepareBook } from "../scripts/recipe.js";
import { repoRoot, tempDir } from "./helpers/build.js";

function digest(dir: string): string {
  const hash = createHash("sha256");
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    if (name.includes(".")) hash.update(name).update(readFileSync(join(dir, name)));
  }
  return hash.digest("hex");
}

describe("the synthetic book", () => {
  it("is the same bytes for the same sizes, and lists every chapter it writes", () => {
    const first = join(tempDir(), "book");
    const second = join(tempDir(), "book");
    expect(writeSyntheticBook(first, { chapters: 6, wordsPerChapter: 2000 })).toMatch(
      /: 6 chapters, ~12000 words, \d+ figures$/,
    );
    writeSyntheticBook(second, { chapters: 6, wordsPerChapter: 2000 });
    expect(digest(first)).toBe(digest(second));
    const chapters = readdirSync(first).filter((name) => name.endsWith(".md"));
    expect(chapters).toEqual([
      "01-chapter.md",
      "02-chapter.md",
      "03-chapter.md",
      "04-chapter.md",
      "05-chapter.md",
      "06-chapter.md",
    ]);
    const yaml = readFileSync(join(first, "book.yaml"), "utf8");
    for (const name of chapters) expect(yaml).toContain(`  - ${name}\n`);
    const words = readFileSync(join(first, "03-chapter.md"), "utf8").split(/\s+/).length;
    expect(words).toBeGreaterThan(2000);
  });
});

describe("the synthetic book's apparatus", () => {
  it("adds index marks, labels and references to the default book, and nothing else", async () => {
    const plain = join(tempDir(), "book");
    const marked = join(tempDir(), "book");
    writeSyntheticBook(plain, { chapters: 6, wordsPerChapter: 2000 });
    expect(
      writeSyntheticBook(marked, { chapters: 6, wordsPerChapter: 2000, indexTerms: 300, crossReferences: 60 }),
    ).toMatch(/, 300 index entries \(\d+ marks\), \d+ labels, 60 references$/);
    // Without the added reference and caption lines, marks and labels, each chapter is the default one.
    const stripped = (text: string) =>
      text
        .split("\n\n")
        .filter((block) => !/^(The record is in .*@|: Output by year \{#tbl:)/.test(block))
        .join("\n\n")
        .replace(/\[(\w+)\]\{\.index entry="[^"]*"\}/g, "$1")
        .replace(/ ?\{#(?:sec|fig|lst|tbl):[^}]+\}/g, "");
    for (const name of readdirSync(plain).filter((n) => n.endsWith(".md")))
      expect(stripped(readFileSync(join(marked, name), "utf8")).trimEnd(), name).toBe(
        readFileSync(join(plain, name), "utf8").trimEnd(),
      );
    const { book, files } = await prepareBook({ manuscriptDir: marked, outDir: join(tempDir(), "out") });
    expect(files.flatMap((file) => file.messages.filter((m) => m.fatal !== undefined && m.fatal !== null))).toEqual([]);
    const data = book!.chapters.map((file) => chapterData(file));
    expect(data.reduce((sum, d) => sum + d.references.length, 0)).toBe(60);
    const entries = new Set(data.flatMap((d) => d.indexMarks.map((mark) => mark.terms.map((t) => t.text).join("!"))));
    expect(entries.size).toBe(300);
  });
});

describe("the repository", () => {
  it("reads nothing from beside its checkout in its tests and scripts", () => {
    const offenders: string[] = [];
    for (const top of ["scripts", "test", "bin", ".ci"]) {
      for (const name of readdirSync(join(repoRoot, top), { recursive: true }) as string[]) {
        if (!/\.(ts|mts|js|mjs|cjs|sh)$|^run$/.test(name)) continue;
        const text = readFileSync(join(repoRoot, top, name), "utf8");
        if (/\.\.\/shared\/|"\.\.", "shared"/.test(text)) offenders.push(`${top}/${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
