/**
 * Citations and the bibliography of the scholarly fixture book, in every shipped style: the text
 * citeproc-js itself gives for the citations the chapters write (computed here with the engine),
 * links from each cite to its entry, valid EPUBs, the bibliography's place, the book's language,
 * the build cache and the same bytes on every build.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import CSL, { type CitationItem } from "citeproc";
import type { Element, Root } from "hast";
import { raw } from "hast-util-raw";
import { toString as hastToString } from "hast-util-to-string";
import { beforeAll, describe, expect, it } from "vitest";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { BuildCache } from "../scripts/cache/build-cache.js";
import { buildBook, fixture, repoRoot, tempDir } from "./helpers/build.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, textOf } from "./helpers/epub.js";

const scholarly = fixture("scholarly");

/** The citations the fixture's chapters write, in order, as citeproc takes them (what the test expects Folio to read). */
const written: { inText?: boolean; items: CitationItem[] }[] = [
  { items: [{ id: "newton1704", locator: "1-5", label: "page" }] },
  { inText: true, items: [{ id: "maxwell1865", locator: "460", label: "page" }] },
  {
    items: [
      { id: "feynman1985a", prefix: "see", locator: "1", label: "chapter" },
      { id: "newton1704", prefix: "also" },
    ],
  },
  { items: [{ id: "feynman1985b", "suppress-author": true }] },
  { items: [{ id: "noether1918" }] },
  { items: [{ id: "noether1918", locator: "235", label: "page" }] },
  { inText: true, items: [{ id: "nist2019" }] },
  { items: [{ id: "nist2019" }] },
];

type Item = { id: string; author?: { family?: string }[] };

function bibliographyItems(dir: string): Map<string, Item> {
  const text = readFileSync(join(dir, "references.bib"), "utf8");
  const items = plugins.input.chain(text, { forceType: "@biblatex/text", generateGraph: false }) as Item[];
  // As Folio gives them to citeproc: BibLaTeX's list fields joined.
  const joined = items.map(
    (item) =>
      Object.fromEntries(
        Object.entries(item).map(([k, v]) => [
          k,
          Array.isArray(v) && v.every((p) => typeof p === "string") ? v.join(" and ") : v,
        ]),
      ) as Item,
  );
  return new Map(joined.map((item) => [item.id, item]));
}

function htmlText(html: string): string {
  return hastToString(raw({ type: "root", children: [{ type: "raw", value: html }] }) as Root)
    .replace(/\s+/g, " ")
    .trim();
}

/** What citeproc-js gives for `written` and the bibliography, in `style` and locale `locale`. */
function citeprocOutput(style: string, locale: string, items: Map<string, Item>) {
  const localeXml = (tag: string) => {
    try {
      return readFileSync(join(repoRoot, "templates", "csl", "locales", `locales-${tag}.xml`), "utf8");
    } catch {
      return undefined;
    }
  };
  const xml = readFileSync(join(repoRoot, "templates", "csl", "styles", `${style}.csl`), "utf8");
  const engine = new CSL.Engine({ retrieveLocale: localeXml, retrieveItem: (id) => items.get(id)! }, xml, locale, true);
  const requests = written.map((citation, i) => ({
    citationID: `c${i}`,
    citationItems: citation.items.map((item) => (citation.inText ? { ...item, "suppress-author": true } : item)),
    properties: { noteIndex: 0 },
  }));
  const byId = new Map(engine.rebuildProcessorState(requests, "html", []).map(([id, , html]) => [id, htmlText(html)]));
  const citations = written.map((citation, i) => {
    const text = byId.get(`c${i}`)!;
    if (!citation.inText) return text;
    const author = engine.makeCitationCluster([{ id: citation.items[0].id, "author-only": true }]);
    // A numeric style prints no names: Folio writes the family names before the number.
    const names = author.includes("NO_PRINTED_FORM")
      ? items.get(citation.items[0].id)!.author![0].family!
      : htmlText(author);
    return `${names} ${text}`;
  });
  const bibliography = engine.makeBibliography();
  if (!bibliography) throw new Error("citeproc made no bibliography");
  return { citations, entries: bibliography[1].map(htmlText), keys: bibliography[0].entry_ids.map((ids) => ids[0]) };
}

/** A copy of the fixture with `edit` applied to its book.yaml. */
function variant(edit: (yaml: string) => string, files: Record<string, string> = {}): string {
  const dir = join(tempDir("folio-scholarly-"), "book");
  cpSync(scholarly, dir, { recursive: true });
  writeFileSync(join(dir, "book.yaml"), edit(readFileSync(join(dir, "book.yaml"), "utf8")));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const hasClass = (element: { getAttribute(name: string): string | null }, name: string) =>
  (element.getAttribute("class") ?? "").split(/\s+/).includes(name);

describe.each(["chicago-author-date", "apa", "ieee"])("the %s style", (style) => {
  let dir: string;
  let epubPath: string;
  let html: string;

  beforeAll(async () => {
    dir = variant((yaml) => yaml.replace(/^csl: .*$/m, `csl: ${style}`));
    const built = await buildBook(dir, ["html", "epub"]);
    epubPath = built.path("epub");
    html = readFileSync(built.path("html"), "utf8");
  });

  it("sets every citation and bibliography entry as citeproc-js does", async () => {
    const expected = citeprocOutput(style, "en-US", bibliographyItems(dir));
    const epub = await openEpub(epubPath);
    const documents = await Promise.all(
      ["01-light.xhtml", "02-measure.xhtml", "references.xhtml"].map((name) => epub.xml(`OEBPS/${name}`)),
    );
    const citations = documents.flatMap((doc) => elements(doc, "span").filter((span) => hasClass(span, "citation")));
    expect(citations.map(textOf)).toEqual(expected.citations);
    const entries = elements(documents[2], "div").filter((div) => hasClass(div, "csl-entry"));
    expect(entries.map(textOf)).toEqual(expected.entries);
    expect(entries.map((entry) => entry.getAttribute("id"))).toEqual(expected.keys.map((key) => `ref-${key}`));
  });

  it("links every cite to its entry in the EPUB and the web edition", async () => {
    const epub = await openEpub(epubPath);
    const references = await epub.xml("OEBPS/references.xhtml");
    const ids = new Set(elements(references, "div").map((div) => div.getAttribute("id")));
    for (const name of ["01-light.xhtml", "02-measure.xhtml"]) {
      const doc = await epub.xml(`OEBPS/${name}`);
      const links = elements(doc, "span")
        .filter((span) => hasClass(span, "citation"))
        .flatMap((span) => elements(span, "a"));
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.getAttribute("href")).toBe(`references.xhtml#ref-${link.getAttribute("data-cite")}`);
        expect(ids.has(`ref-${link.getAttribute("data-cite")}`)).toBe(true);
      }
    }
    const page = raw({ type: "root", children: [{ type: "raw", value: html }] }) as Root;
    const webIds = new Set<string>();
    const webLinks: Element[] = [];
    const visit = (node: Root | Element, inCitation: boolean) => {
      for (const child of node.children) {
        if (child.type !== "element") continue;
        if (typeof child.properties.id === "string") webIds.add(child.properties.id);
        if (inCitation && child.tagName === "a") webLinks.push(child);
        const citation = Array.isArray(child.properties.className) && child.properties.className.includes("citation");
        visit(child, inCitation || citation);
      }
    };
    visit(page, false);
    expect(webLinks.length).toBeGreaterThanOrEqual(written.length);
    for (const link of webLinks) expect(webIds.has(String(link.properties.href).slice(1))).toBe(true);
  });

  it("passes both EPUBChecks with no message", async () => {
    expect(epubcheckJava(epubPath).messages).toEqual([]);
    expect((await epubcheckTs(epubPath)).messages).toEqual([]);
  }, 300_000);
});

describe("the bibliography's place and language", () => {
  it("goes into the element with id refs, and Folio adds no chapter", async () => {
    const chapter = `${readFileSync(join(scholarly, "02-measure.md"), "utf8")}\n## Works cited\n\n<div id="refs"></div>\n`;
    const built = await buildBook(
      variant((yaml) => yaml, { "02-measure.md": chapter }),
      ["epub"],
    );
    const epub = await openEpub(built.path("epub"));
    expect(epub.names.filter((name) => name.endsWith(".xhtml") && name.includes("references"))).toEqual([]);
    const doc = await epub.xml("OEBPS/02-measure.xhtml");
    const place = elements(doc, "div").find((div) => div.getAttribute("id") === "refs")!;
    expect(elements(place, "div").filter((div) => hasClass(div, "csl-entry"))).toHaveLength(6);
  });

  it("ends the chapter of kind bibliography, before its notes", async () => {
    const works =
      "---\nkind: bibliography\n---\n\n# Works Cited\n\nThe works this book cites.[^1]\n\n[^1]: All of them.\n";
    const dir = variant((yaml) => yaml.replace("  - 02-measure.md", "  - 02-measure.md\n  - 03-works.md"), {
      "03-works.md": works,
    });
    const built = await buildBook(dir, ["html"]);
    const page = readFileSync(built.path("html"), "utf8");
    const section = page.slice(page.indexOf('id="chapter-03-works"'));
    expect(section.indexOf("The works this book cites")).toBeLessThan(section.indexOf('class="csl-entry"'));
    expect(section.indexOf('class="csl-entry"')).toBeLessThan(section.indexOf('class="footnotes"'));
    expect(page).not.toContain('id="chapter-references"');
  });

  it("speaks the book's language: French terms and title", async () => {
    const dir = variant((yaml) => yaml.replace("language: en", "language: fr"));
    const built = await buildBook(dir, ["epub"]);
    const epub = await openEpub(built.path("epub"));
    const expected = citeprocOutput("chicago-author-date", "fr-FR", bibliographyItems(dir));
    const first = await epub.xml("OEBPS/01-light.xhtml");
    const citations = elements(first, "span").filter((span) => hasClass(span, "citation"));
    expect(citations.map(textOf)).toEqual(expected.citations.slice(0, citations.length));
    expect(expected.citations[0]).toContain("1‑5");
    const references = await epub.xml("OEBPS/references.xhtml");
    expect(textOf(elements(references, "h1")[0])).toBe("Références");
  });
});

describe("rebuilding", () => {
  it("renders a cached chapter anew when its citations change with the bibliography", async () => {
    const dir = variant((yaml) => yaml);
    const cache = new BuildCache({ dir: join(tempDir(), "cache"), memory: false });
    const first = readFileSync((await buildBook(dir, ["html"], {}, { cache })).path("html"), "utf8");
    expect(first).toContain("Newton 1704, 1–5");
    const bib = readFileSync(join(dir, "references.bib"), "utf8");
    writeFileSync(join(dir, "references.bib"), bib.replace("{1704}", "{1705}"));
    const second = readFileSync((await buildBook(dir, ["html"], {}, { cache })).path("html"), "utf8");
    expect(cache.stats.hits).toBeGreaterThan(0);
    expect(second).toContain("Newton 1705, 1–5");
    expect(second).not.toContain("Newton 1704");
  });

  it("gives the same bytes twice", async () => {
    const a = await buildBook(scholarly, ["html", "epub"], { sourceDateEpoch: 1_700_000_000 });
    const b = await buildBook(scholarly, ["html", "epub"], { sourceDateEpoch: 1_700_000_000 });
    expect(readFileSync(a.path("epub")).equals(readFileSync(b.path("epub")))).toBe(true);
    expect(readFileSync(a.path("html")).equals(readFileSync(b.path("html")))).toBe(true);
  });
});
