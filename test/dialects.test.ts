/** The readers of mdBook and pandoc books, part by part: includes and the build cache, SUMMARY.md, pandoc's syntax and metadata, and the HTML they give. */
import { cpSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toHtml } from "hast-util-to-html";
import { toString as toText } from "hast-util-to-string";
import { describe, expect, it } from "vitest";
import { chapterData } from "../scripts/book.js";
import { BuildCache } from "../scripts/cache/build-cache.js";
import { parseSelection, selectLines, withoutHiddenLines } from "../scripts/dialects/mdbook/include-lines.js";
import { pandocIdentifier } from "../scripts/dialects/pandoc/identifiers.js";
import { normalizePandoc } from "../scripts/dialects/pandoc/normalize.js";
import { prepareBook } from "../scripts/recipe.js";
import { fixture, tempDir } from "./helpers/build.js";

const listing = "// ANCHOR: a\none\n// ANCHOR: b\ntwo\n// ANCHOR_END: b\nthree\n// ANCHOR_END: a\nfour\n";

describe("mdBook includes", () => {
  it("take all lines, a range, or an anchor's lines without any anchor line", () => {
    expect(selectLines(listing, parseSelection(undefined))).toEqual(["one", "two", "three", "four"]);
    expect(selectLines(listing, parseSelection("a"))).toEqual(["one", "two", "three"]);
    expect(selectLines(listing, parseSelection("b"))).toEqual(["two"]);
    expect(selectLines(listing, parseSelection("2:4"))).toEqual(["one", "two"]);
    expect(selectLines(listing, parseSelection("6:"))).toEqual(["three", "four"]);
    expect(selectLines(listing, parseSelection(":2"))).toEqual(["one"]);
    expect(selectLines(listing, parseSelection("8"))).toEqual(["four"]);
    expect(selectLines(listing, parseSelection("c"))).toBeUndefined();
  });

  it("leave Rust's hidden lines out and print ## as #", () => {
    expect(withoutHiddenLines("# use x;\nfn main() {\n    # let a = 1;\n    #\n##[derive]\n#[test]\n}")).toBe(
      "fn main() {\n#[derive]\n#[test]\n}",
    );
  });

  it("are read again by the build cache when an included file changes", async () => {
    const dir = join(tempDir(), "book");
    cpSync(fixture("mdbook-book"), dir, { recursive: true });
    const cache = new BuildCache({ dir: tempDir(), memory: false });
    const options = { manuscriptDir: dir, outDir: tempDir() };
    const textOf = async () => {
      const book = (await prepareBook(options, { cache })).book!;
      const chapter = book.chapters.find((file) => chapterData(file).slug === "ch01-01-boat")!;
      return toText(chapterData(chapter).tree);
    };
    expect(await textOf()).toContain("fn level(kettle");
    expect(cache.stats.misses).toBe(7);
    cache.stats = { hits: 0, misses: 0, treesRead: 0 };
    expect(await textOf()).toContain("fn level(kettle");
    expect(cache.stats).toMatchObject({ hits: 7, misses: 0 });
    const path = join(dir, "listings", "ch01", "main.rs");
    writeFileSync(path, readFileSync(path, "utf8").replace("fn level(", "fn steady("));
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    cache.stats = { hits: 0, misses: 0, treesRead: 0 };
    const after = await textOf();
    expect(after).toContain("fn steady(kettle");
    // The two chapters that include main.rs, and only they, are transformed again.
    expect(cache.stats).toMatchObject({ hits: 5, misses: 2 });
  });

  it("report a missing file, a path out of the book and an unknown directive at the directive", async () => {
    const dir = join(tempDir(), "book");
    cpSync(fixture("mdbook-book"), dir, { recursive: true });
    writeFileSync(
      join(dir, "src", "foreword.md"),
      "# Foreword\n\n```rust\n  {{#include nowhere.rs}}\n```\n\n{{#include ../../x.md}} {{#tmpl}} \\{{#include kept.rs}}\n",
    );
    const prepared = await prepareBook({ manuscriptDir: dir, outDir: tempDir() });
    const foreword = prepared.files.find((file) => String(file.path).endsWith("foreword.md"))!;
    expect(foreword.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      "4:3 include-missing",
      "7:1 include-outside",
      "7:25 directive-unknown",
    ]);
    expect(toHtml(chapterData(prepared.book!.chapters[0]).tree)).toContain("{{#include kept.rs}}");
  });
});

describe("pandoc's markdown", () => {
  it("is rewritten for the parser without moving a character", () => {
    const text =
      "% Title\n% Author\n\n::: {#id .note}\nx\n:::\n\n::: warning :::\ny\n:::\n\nTerm\n~ Definition\n\n```\n::: {.kept}\n```\n";
    const normalized = normalizePandoc(text);
    expect(normalized.length).toBe(text.length);
    expect(normalized.split("\n").map((line) => line.length)).toEqual(text.split("\n").map((line) => line.length));
    expect(normalized).toContain(":::d{#id .note}");
    expect(normalized).toContain(":::warning     \n");
    expect(normalized).toContain(": Definition");
    expect(normalized).toContain("::: {.kept}");
    expect(normalized.startsWith("       \n        \n")).toBe(true);
  });

  it("gives headings pandoc's identifiers", () => {
    expect(pandocIdentifier("Heading identifiers in HTML")).toBe("heading-identifiers-in-html");
    expect(pandocIdentifier("*Dogs*?--in *my* house?")).toBe("dogs--in-my-house");
    expect(pandocIdentifier("1.2 Tables")).toBe("tables");
    expect(pandocIdentifier("2019")).toBe("section");
  });

  it("gives the book its metadata and one chapter per level-1 heading, each holding its own lines", async () => {
    const { book } = await prepareBook({ manuscriptDir: fixture("pandoc-book"), outDir: tempDir() });
    expect(book!.config).toMatchObject({
      title: "The Tide Tables",
      subtitle: "A Harbourmaster’s Manual",
      authors: ["Mara Quay", "Idris Fenn"],
      date: "2025-06-01",
      language: "en-GB",
      description: "How to read, write and trust a tide table.",
    });
    const chapters = book!.chapters.map((file) => chapterData(file));
    expect(chapters.map((data) => [data.slug, data.title])).toEqual([
      ["01-reading", "Reading the Tables"],
      ["02-writing-the-tables", "Writing the Tables"],
      ["03-glossary-of-terms", "Glossary of Terms"],
    ]);
    const html = chapters.map((data) => toHtml(data.tree));
    expect(html[0]).toContain('<span class="smallcaps">Spring tides</span>');
    expect(html[0]).toContain('<div id="warning" class="note">');
    expect(html[0]).toContain("H<sub>2</sub>O");
    expect(html[0]).toContain("r<sup>2</sup>");
    expect(html[0]).toContain("<caption>Heights at the harbour mouth on 1 June.</caption>");
    expect(html[0]).toMatch(
      /<th class="align-right" scope="col">Hour<\/th>\s*<th class="align-right" scope="col">Height<\/th>\s*<th class="align-left" scope="col">Note<\/th>/,
    );
    expect(html[0]).toContain('<h2 id="heights">Heights</h2>');
    expect(html[0]).toContain("<figcaption>A tide curve over one day</figcaption>");
    expect(html[1]).toContain("<caption>Remarks on the two gauges.</caption>");
    expect(html[1]).toMatch(/<td[^>]*>Exposed to the westerly swell in winter.<\/td>/);
    expect(html[1]).toContain('<p class="stamp">Checked by the harbourmaster.</p>');
    expect(html[2]).toContain("<dt>Slack water</dt>");
    expect(html[2]).toContain('<p class="line-block">The harbour office<br>');
    // Implicit references and #links reach the chapters that hold their headings.
    const targets = chapters
      .flatMap((data) => data.links.map((link) => `${link.chapter}#${link.fragment}`))
      .filter((target) => !/#fn/.test(target));
    expect(targets).toEqual(["1#writing-the-tables", "2#glossary-of-terms", "0#heights", "0#reading"]);
  });
});

describe("pandoc's markdown beside citations and math", () => {
  it("gives `[@key]` and `$…$` to the citation and math plugins, and keeps pandoc's superscript", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "book.yaml"), "title: Cited\nlanguage: en\nmarkdown: pandoc\nbibliography: works.json\n");
    writeFileSync(
      join(dir, "works.json"),
      JSON.stringify([
        {
          id: "doe99",
          type: "book",
          title: "Tides",
          author: [{ family: "Doe", given: "Jane" }],
          issued: { "date-parts": [[1999]] },
        },
        {
          id: "roe02",
          type: "book",
          title: "Charts",
          author: [{ family: "Roe", given: "Ann" }],
          issued: { "date-parts": [[2002]] },
        },
      ]),
    );
    writeFileSync(
      join(dir, "one.md"),
      "# One\n\nAs shown [see @doe99, p. 3] and [-@roe02], $a^{2}b^{3}$ holds, and x^2^ too.\n",
    );
    const { book } = await prepareBook({ manuscriptDir: dir, outDir: tempDir() });
    const html = toHtml(chapterData(book!.chapters[0]).tree);
    expect(html.replace(/<[^>]+>/g, "")).toContain("As shown (see Doe 1999, 3) and (2002), ");
    expect(html).toContain('data-cite="doe99"');
    expect(html).toContain('<math alttext="a^{2}b^{3}">');
    expect(html).toContain("holds, and x<sup>2</sup> too.");
    expect(book!.chapters[0].messages).toEqual([]);
  });
});
