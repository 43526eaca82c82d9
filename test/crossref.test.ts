/** Labels, numbers and references as the number stage writes them: per chapter or through the book, in every form. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { toHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { chapterData } from "../scripts/book.js";
import { loadBook } from "./helpers/book.js";
import { tempDir } from "./helpers/build.js";

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"/>\n';

/** A book of `chapters` (file name → markdown) under `yaml`, prepared; each chapter's HTML. */
async function chapterHtml(chapters: Record<string, string>, yaml = ""): Promise<string[]> {
  const dir = join(tempDir(), "book");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "map.svg"), svg);
  for (const [name, text] of Object.entries(chapters)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, "book.yaml"), `title: Labels\nlanguage: en\n${yaml}`);
  const book = await loadBook(dir);
  return book.chapters.map((file) => toHtml(chapterData(file).tree));
}

const chapters = {
  "00-preface.md": "---\nkind: preface\n---\n# Preface\n\n![Before](map.svg){#fig:before}\n",
  "01-one.md": [
    "# One {#sec:one}",
    "![First](map.svg){#fig:a}",
    '![Second](map.svg "The second"){#fig:b}',
    "![Third](map.svg){#fig:c}",
    "| A | B |\n| - | - |\n| 1 | 2 |\n\nTable: Above the table? No: below it {#tbl:t}",
    "```python {#lst:l}\nx = 1\n```",
    "See [@fig:a; @fig:b; @fig:c], [-@fig:b], @tbl:t, [@fig:a; @fig:c; @tbl:t], @lst:l, @sec:one, @sec:two and @fig:before.",
  ].join("\n\n"),
  "02-two.md":
    "# Two {#sec:two}\n\n## Deeper {#sec:deeper}\n\n![Fourth](map.svg){#fig:d}\n\nAs @fig:a, @sec:deeper and [-@sec:two] say.\n",
  "03-appendix.md":
    "---\nkind: appendix\n---\n# Tables {#sec:tables}\n\n: Caption above {#tbl:above}\n\n| A |\n| - |\n| 1 |\n\nSee @tbl:above and @sec:tables.\n",
};

describe("numbered things", () => {
  it("are numbered within their chapter, appendices by letter, other kinds on their own", async () => {
    const [preface, one, two, appendix] = await chapterHtml(chapters);
    expect(preface).toContain(
      '<figure id="fig-before"><img src="map.svg" alt="Before"><figcaption><span class="caption-label">Figure 1</span>: Before</figcaption></figure>',
    );
    expect(one).toContain('<span class="caption-label">Figure 1.1</span>: First');
    // A title is the caption; without one, the alt text (as pandoc does).
    expect(one).toContain('<span class="caption-label">Figure 1.2</span>: The second');
    expect(one).toContain(
      '<table id="tbl-t"><caption><span class="caption-label">Table 1.1</span>: Above the table? No: below it</caption>',
    );
    expect(one).toContain(
      '<figure class="listing" id="lst-l"><figcaption><span class="caption-label">Listing 1.1</span></figcaption>',
    );
    expect(two).toContain('<span class="caption-label">Figure 2.1</span>: Fourth');
    expect(appendix).toContain(
      '<table id="tbl-above"><caption><span class="caption-label">Table A.1</span>: Caption above</caption>',
    );
  });

  it("are numbered through the book with `numbering: { figures: book }`", async () => {
    const [preface, one, two, appendix] = await chapterHtml(chapters, "numbering:\n  figures: book\n");
    expect(preface).toContain('<span class="caption-label">Figure 1</span>');
    expect(one).toContain('<span class="caption-label">Figure 4</span>: Third');
    expect(two).toContain('<span class="caption-label">Figure 5</span>: Fourth');
    expect(appendix).toContain('<span class="caption-label">Table 2</span>');
    expect(two).toContain("<a>Figure 2</a>");
  });
});

describe("references", () => {
  it("name their targets, as a range, by number alone, and across kinds, each a link", async () => {
    const [, one, two, appendix] = await chapterHtml(chapters);
    const text = (html: string) => html.replace(/<[^>]+>/g, "");
    expect(text(one)).toContain(
      "See Figures 1.1–1.3, 1.2, Table 1.1, Figures 1.1, 1.3 and Table 1.1, Listing 1.1, Chapter 1, Chapter 2 and Figure 1.",
    );
    // Each number is a link; the tree's links are addressed by each edition (`data.folioLink`).
    expect(one).toContain('<span class="xref">Figures <a>1.1</a>–<a>1.3</a></span>');
    expect(one).toContain('<span class="xref"><a>1.2</a></span>');
    // A section that is not a chapter's title is named by its heading; `-@` of a chapter is its number.
    expect(text(two)).toContain("As Figure 1.1, Deeper and 2 say.");
    expect(text(appendix)).toContain("See Table A.1 and Appendix A.");
  });

  it("keep what only print shows on the link of a reference with a page", async () => {
    const dir = join(tempDir(), "book");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "map.svg"), svg);
    writeFileSync(join(dir, "book.yaml"), "title: Pages\nlanguage: fr\n");
    writeFileSync(
      join(dir, "01.md"),
      "# Un\n\n![Carte](map.svg){#fig:carte}\n\nVoir +@fig:carte, ou [+-@fig:carte].\n",
    );
    const book = await loadBook(dir);
    const links: { text: string; page: unknown }[] = [];
    const walk = (node: { type: string; tagName?: string; data?: { folioPage?: unknown }; children?: unknown[] }) => {
      if (node.tagName === "a" && node.data?.folioPage)
        links.push({ text: toHtml(node as never).replace(/<[^>]+>/g, ""), page: node.data.folioPage });
      for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(chapterData(book.chapters[0]).tree as never);
    expect(links).toEqual([
      { text: "Figure 1.1", page: { target: "fig-carte", text: " à la page {page}", hideName: false } },
      { text: "Figure 1.1", page: { target: "fig-carte", text: "page {page}", hideName: true } },
    ]);
  });
});
