/** The print PDF's text layer: no soft hyphens, words broken at a line end read whole, every word found by pdf.js's search, typographic apostrophes. */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildBook, seedManuscript, syntheticBook, tempDir } from "./helpers/build.js";
import { openPdf, pageItems } from "./helpers/pdf.js";
import { pdfSearch } from "./helpers/pdf-search.js";
import { sourceWords, words } from "./helpers/words.js";

/** The seed's chapters under a title with an apostrophe, the second chapter long enough for running heads of its own. */
function apostropheBook(): string {
  const dir = tempDir("folio-text-layer-");
  const [first, second] = ["01-spirit-of-independence.md", "02-stalins-toast.md"].map((name) =>
    readFileSync(join(seedManuscript, name), "utf8"),
  );
  const body = second.replace(/^# .*\n/, "");
  writeFileSync(join(dir, "01-spirit.md"), first);
  writeFileSync(join(dir, "02-toast.md"), `# Stalin's Toast\n${body}\n${body}\n${body}`);
  writeFileSync(
    join(dir, "book.yaml"),
    "title: The Leader\u2019s Two Essays\nlanguage: en\ndate: 2026-01-01\nchapters: [01-spirit.md, 02-toast.md]\n",
  );
  return dir;
}

/** pdftotext's reading-order text, which joins a word hyphenated at a line end. */
const popplerText = (path: string) => execFileSync("pdftotext", [path, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });

const markdownIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(dir, name));

/**
 * The forms a word of a hyphenated compound may take when the compound breaks at its own hyphen
 * at a line end: poppler and pdf.js's search both join such a line ("oxygen-" / "blown" reads
 * "oxygenblown"), as they do for any PDF, since a hyphen there cannot tell them it is a real one.
 */
function joinedForms(dir: string): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const file of markdownIn(dir)) {
    for (const compound of readFileSync(file, "utf8").match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu) ?? []) {
      const parts = compound.split("-");
      for (let i = 0; i + 1 < parts.length; i++) {
        const joined = parts[i] + parts[i + 1];
        for (const part of [parts[i], parts[i + 1]]) forms.set(part, [...(forms.get(part) ?? []), joined]);
      }
    }
  }
  return forms;
}

/** Text of every page as pdf.js gives it, items joined as its viewer joins them. */
async function pdfjsText(path: string): Promise<string[]> {
  const doc = await openPdf(path);
  const pages: string[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    const { items } = await (await doc.getPage(page)).getTextContent();
    pages.push(items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  return pages;
}

describe.each([
  { name: "seed book", dir: seedManuscript },
  { name: "synthetic book", dir: syntheticBook() },
  { name: "book with apostrophes in its titles", dir: apostropheBook() },
])("text layer of the $name's PDF", ({ dir }) => {
  let path: string;
  let poppler: string;
  let source: string[];

  beforeAll(async () => {
    path = (await buildBook(dir, ["pdf"])).path("pdf");
    poppler = popplerText(path);
    source = markdownIn(dir).flatMap((file) => sourceWords(file));
  }, 240_000);

  it("holds no soft hyphen, in pdftotext's text or in pdf.js's", async () => {
    expect(poppler).not.toContain("\u00AD");
    for (const [i, text] of (await pdfjsText(path)).entries())
      expect(text, `page ${i + 1}`).not.toMatch(/[\u00AD\u02BC]/);
  });

  it("gives pdftotext every word of the source whole, also those hyphenated at a line end", () => {
    const printed = new Set(words(poppler));
    const forms = joinedForms(dir);
    const missing = [...new Set(source)].filter(
      (word) => !printed.has(word) && !(forms.get(word) ?? []).some((form) => printed.has(form)),
    );
    expect(missing).toEqual([]);
    // Hyphenation happened: some line of the layout ends in a hyphen that joins two halves of a word.
    const layout = execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
    expect(layout).toMatch(/\p{Ll}-\n\s*\p{Ll}/u);
  });

  it("lets pdf.js's search find every word of the source", async () => {
    const search = await pdfSearch(path);
    const notFound: string[] = [];
    const forms = joinedForms(dir);
    for (const word of new Set(source)) {
      if ((await search.count(word)) > 0) continue;
      let joined = false;
      for (const form of forms.get(word) ?? []) joined ||= (await search.count(form)) > 0;
      if (!joined) notFound.push(word);
    }
    expect(notFound).toEqual([]);
    // The search can fail: a word that is not in the book is not found.
    expect(await search.count("xylophonist")).toBe(0);
  }, 120_000);

  it("extracts apostrophes and quotes as the typography made them (U+2019, not U+02BC), in pdf.js and pdftotext", async () => {
    const apostrophes = markdownIn(dir).reduce(
      (sum, file) => sum + (readFileSync(file, "utf8").match(/\p{L}'\p{L}/gu)?.length ?? 0),
      0,
    );
    if (apostrophes === 0) return;
    for (const text of [(await pdfjsText(path)).join("\n"), poppler]) {
      expect(text).not.toContain("\u02BC");
      expect(text.match(/\p{L}\u2019\p{L}/gu)?.length ?? 0).toBeGreaterThanOrEqual(apostrophes);
    }
  });
});

describe("running heads drawn by Folio", () => {
  it("extract with the apostrophe the title has (U+2019)", async () => {
    const path = (await buildBook(apostropheBook(), ["pdf"])).path("pdf");
    const doc = await openPdf(path);
    const heads = new Set<string>();
    for (let page = 1; page <= doc.numPages; page++) {
      const { height } = (await doc.getPage(page)).getViewport({ scale: 1 });
      for (const item of await pageItems(doc, page)) if (item.y > height - 0.75 * 72) heads.add(item.text);
    }
    expect(heads).toContain("The Leader\u2019s Two Essays");
    expect(heads).toContain("Stalin\u2019s Toast");
    const poppler = popplerText(path);
    expect(poppler).toContain("The Leader\u2019s Two Essays");
  }, 240_000);
});
