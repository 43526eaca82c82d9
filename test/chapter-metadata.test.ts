/** Chapter metadata: front matter found as the processor finds it, book.yaml entries flattened, and what both do to a chapter. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { chapterData } from "../scripts/book.js";
import { prepareBook } from "../scripts/recipe.js";
import { flattenChapters } from "../scripts/chapters/entries.js";
import { frontMatterOf } from "../scripts/stages/front-matter.js";
import { BuildCache } from "../scripts/cache/build-cache.js";
import { bookContents } from "../scripts/targets/contents.js";
import { printHtml } from "../scripts/targets/pdf/print-html.js";
import { loadFonts } from "../scripts/templates.js";
import { tempDir } from "./helpers/build.js";

/** A manuscript folder with these files. */
function manuscript(files: Record<string, string>): string {
  const dir = join(tempDir(), "book");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function prepare(dir: string, cache?: BuildCache) {
  const prepared = await prepareBook({ manuscriptDir: dir, outDir: join(tempDir(), "out") }, { cache });
  const messages = prepared.files.flatMap((file) =>
    file.messages.map((m) => `${String(file.path).slice(dir.length + 1)}:${m.line}:${m.column} ${m.ruleId}`),
  );
  return { book: prepared.book!, messages };
}

describe("front matter", () => {
  it("is found only as a fenced block at the very top", () => {
    expect(frontMatterOf("---\ntitle: One\n---\n\n# One\n")).toEqual({ yaml: "title: One", line: 2 });
    expect(frontMatterOf("---\n---\n# One\n")).toEqual({ yaml: "", line: 2 });
    // A scene break and a setext heading, not front matter.
    expect(frontMatterOf("---\n\nSome text\n")).toBeUndefined();
    expect(frontMatterOf("# One\n\n---\ntitle: x\n---\n")).toBeUndefined();
  });

  it("is neither a scene break nor text of the chapter, and names the chapter", async () => {
    const dir = manuscript({
      "book.yaml": "title: Book\nlanguage: en\n",
      "one.md":
        "---\ntitle: The Real Title\nsubtitle: It's a subtitle\nkind: appendix\nlang: fr\n---\n\n# Series Name\n\nText.\n",
    });
    const { book, messages } = await prepare(dir);
    expect(messages).toEqual([]);
    const data = chapterData(book.chapters[0]);
    const html = toHtml(chapterData(book.chapters[0]).tree);
    expect(html).not.toContain("<hr>");
    expect(html).not.toContain("title:");
    expect(html).toContain('<h1 id="series-name">Series Name</h1>');
    expect(html).toContain('<p class="chapter-subtitle">It’s a subtitle</p>');
    expect([data.title, data.matter, data.lang, data.metadata.kind]).toEqual([
      "The Real Title",
      "back",
      "fr",
      "appendix",
    ]);
    expect(bookContents(book).map((entry) => [entry.title, entry.id])).toEqual([["The Real Title", "series-name"]]);
  });

  it("loses to the chapter's book.yaml entry where both speak", async () => {
    const dir = manuscript({
      "book.yaml": "title: Book\nlanguage: en\nchapters:\n  - file: one.md\n    title: From book.yaml\n",
      "one.md": "---\ntitle: From the front matter\nsubtitle: Kept\n---\n\nNo heading here.\n",
    });
    const { book, messages } = await prepare(dir);
    // The chapter is given a title, so it gets a heading and no `chapter-no-heading`.
    expect(messages).toEqual([]);
    expect(chapterData(book.chapters[0]).title).toBe("From book.yaml");
    expect(toHtml(chapterData(book.chapters[0]).tree)).toMatch(
      /^<h1 id="from-bookyaml">From book.yaml<\/h1>\n<p class="chapter-subtitle">Kept<\/p>/,
    );
  });

  it("can leave a draft out of the book", async () => {
    const dir = manuscript({
      "book.yaml": "title: Book\nlanguage: en\n",
      "a.md": "# A\n\nText.\n",
      "b.md": "---\ndraft: true\n---\n# B\n\nText.\n",
    });
    const { book } = await prepare(dir);
    expect(book.chapters.map((file) => chapterData(file).title)).toEqual(["A"]);
  });

  it("leaves a draft section out and its title-only group still opens the chapter", async () => {
    const dir = manuscript({
      "book.yaml": "title: Book\nlanguage: en\nchapters:\n  - a.md\n  - title: Group\n    sections: [draft.md, s.md]\n",
      "a.md": "# A\n\nText.\n",
      "draft.md": "---\ndraft: true\n---\n# Draft\n\nText.\n",
      "s.md": "# S\n\nText.\n",
    });
    const { book, messages } = await prepare(dir);
    expect(messages).toEqual([]);
    expect(bookContents(book).map((entry) => [entry.title, entry.sections.map((s) => s.title)])).toEqual([
      ["A", []],
      ["Group", ["S"]],
    ]);
  });
});

describe("book.yaml chapter entries", () => {
  it("flatten into files with their level, group and part, drafts left out", () => {
    const { entries, problems } = flattenChapters([
      "pre.md",
      {
        part: "One",
        chapters: [
          { file: "a.md", sections: ["a1.md", { file: "a2.md", sections: ["a2x.md"] }] },
          { title: "Group", kind: "appendix", sections: ["g1.md", "g2.md"] },
        ],
      },
      { title: "Draft", draft: true },
      { file: "d.md", draft: true, sections: ["d1.md"] },
      "post.md",
    ]);
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.file, e.level, e.group?.title ?? null, e.part?.title ?? null])).toEqual([
      ["pre.md", 1, null, null],
      ["a.md", 1, null, "One"],
      ["a1.md", 2, null, "One"],
      ["a2.md", 2, null, "One"],
      ["a2x.md", 3, null, "One"],
      ["g1.md", 2, "Group", "One"],
      ["g2.md", 2, null, "One"],
      ["post.md", 1, null, null],
    ]);
    expect(entries[5].group?.kind).toBe("appendix");
    expect(entries[3].place).toEqual(["chapters", 1, "chapters", 0, "sections", 1, "file"]);
  });

  it("refuse a part inside a part or a chapter, and a title-only group inside a chapter", () => {
    const { problems } = flattenChapters([
      { part: "One", chapters: [{ part: "Inner", chapters: ["a.md"] }] },
      {
        file: "b.md",
        sections: [
          { part: "X", chapters: ["c.md"] },
          { title: "Sub", sections: ["d.md"] },
        ],
      },
    ]);
    expect(problems.map((p) => p.place)).toEqual([
      ["chapters", 0, "chapters", 0, "part"],
      ["chapters", 1, "sections", 0, "part"],
      ["chapters", 1, "sections", 1, "title"],
    ]);
  });

  it("report a misplaced part at its line in book.yaml, as a book.yaml error", async () => {
    const dir = manuscript({
      "book.yaml":
        "title: Book\nlanguage: en\nchapters:\n  - file: a.md\n    sections:\n      - part: Inner\n        chapters: [b.md]\n",
      "a.md": "# A\n\nText.\n",
      "b.md": "# B\n\nText.\n",
    });
    const prepared = await prepareBook({ manuscriptDir: dir, outDir: join(tempDir(), "out") });
    expect(prepared.configFailed).toBe(true);
    expect(prepared.files[0].messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([
      "6:9 config-invalid-value This `chapters:` entry is a part, which can only stand at the top of `chapters:`, not inside a part or a chapter",
    ]);
  });

  it("shift a section's headings to its level and spare it `chapter-no-heading`", async () => {
    const dir = manuscript({
      "book.yaml":
        "title: Book\nlanguage: en\nchapters:\n  - file: ch.md\n    sections:\n      - s1.md\n      - file: s2.md\n        sections: [s2a.md]\n",
      "ch.md": "# Chapter\n\nText.\n",
      "s1.md": "# One\n\n## One inside\n\nText.\n",
      "s2.md": "Text with no heading.\n",
      "s2a.md": "## Deep\n\nText.\n",
    });
    const { book, messages } = await prepare(dir);
    expect(messages).toEqual([]);
    const depths = book.chapters.map((file) => chapterData(file).headings.map((h) => `${h.depth} ${h.text}`));
    expect(depths).toEqual([["1 Chapter"], ["2 One", "3 One inside"], [], ["3 Deep"]]);
    const section = (title: string, sections: unknown[] = []) => ({ title, sections });
    const shape = (entries: readonly { title: string; sections: readonly unknown[] }[]): unknown[] =>
      entries.map((e) => section(e.title, shape(e.sections as never)));
    // The section without a heading has no entry; its own section nests under the chapter's last one.
    expect(shape(bookContents(book))).toEqual([section("Chapter", [section("One", [section("Deep")])])]);
  });

  it("report a skipped level in a section in the levels its author wrote", async () => {
    const dir = manuscript({
      "book.yaml": "title: Book\nlanguage: en\nchapters:\n  - file: ch.md\n    sections: [s.md]\n",
      "ch.md": "# Chapter\n\nText.\n",
      "s.md": "# Section\n\n### Too deep\n\nText.\n",
    });
    const prepared = await prepareBook({ manuscriptDir: dir, outDir: join(tempDir(), "out") });
    expect(prepared.files.flatMap((file) => file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`))).toEqual([
      "3:1 Heading level 3 follows level 1: use level 2",
    ]);
  });

  it("run on in their chapter's page group in the print document, each block of a section in another language marked", async () => {
    const dir = manuscript({
      "book.yaml": "title: Book\nlanguage: en\nchapters:\n  - file: ch.md\n    sections: [fr.md]\n",
      "ch.md": "# Chapter\n\nText.[^1]\n\n[^1]: A note.\n",
      "fr.md": "---\nlang: fr\n---\n\n# Section\n\nLe texte.[^2]\n\n[^2]: Une note.\n",
    });
    const { book } = await prepare(dir);
    const html = await printHtml(book, await loadFonts());
    const groups = html.match(/<section class="page-group[^"]*chapter"/g) ?? [];
    expect(groups).toHaveLength(1);
    expect(html).toContain('<div class="section-start" id="chapter-fr"></div>');
    expect(html).toContain('<h2 id="section" lang="fr">Section</h2>');
    // One pool of notes, the group's last child, the French note marked.
    expect(html.match(/class="note-pool"/g)).toHaveLength(1);
    expect(html).toMatch(/<div class="footnote" id="[^"]+" data-ref="[^"]+" role="note" lang="fr">/);
  });

  it("are part of what the transform cache keys a chapter by", async () => {
    const dir = manuscript({
      "book.yaml": "title: Book\nlanguage: en\nchapters:\n  - file: one.md\n    title: First\n",
      "one.md": "# One\n\nText.\n",
    });
    const cache = new BuildCache();
    expect(chapterData((await prepare(dir, cache)).book.chapters[0]).title).toBe("First");
    writeFileSync(
      join(dir, "book.yaml"),
      "title: Book\nlanguage: en\nchapters:\n  - file: one.md\n    title: Second\n",
    );
    expect(chapterData((await prepare(dir, cache)).book.chapters[0]).title).toBe("Second");
  });
});
