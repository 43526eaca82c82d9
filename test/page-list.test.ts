/** The EPUB's page list against the print PDF: every marker's label is the folio of the PDF page where its text begins. */
import { join } from "node:path";
import { readFileSync } from "node:fs";
import type { Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { buildBook, fixture, seedManuscript, syntheticBook, type BuiltBook } from "./helpers/build.js";
import { elements, openEpub, type OpenEpub } from "./helpers/epub.js";
import { openPdf, pdfTextRegion } from "./helpers/pdf.js";
import { printedWords, words } from "./helpers/words.js";

/** The words an image prints itself (the text of an SVG), which stand on the page before any marked word. */
async function imageWords(epub: OpenEpub, marker: Element): Promise<string> {
  let next = marker.nextSibling;
  while (next && next.nodeType === 3 && !(next.nodeValue ?? "").trim()) next = next.nextSibling;
  const image = next as Element | null;
  if (image?.nodeType !== 1 || image.localName !== "img") return "";
  const src = image.getAttribute("src") ?? "";
  if (!src.endsWith(".svg")) return "";
  const svg = await epub.xml(`OEBPS/${src}`);
  return elements(svg, "text")
    .flatMap((text) => words(text.textContent ?? ""))
    .join(" ");
}

/** The words that follow `marker` in document order, skipping notes, up to `count`. */
function wordsAfter(marker: Element, count: number): string[] {
  const found: string[] = [];
  let started = false;
  const walk = (node: Element | ChildNode): void => {
    if (found.length >= count) return;
    if (node === (marker as unknown as ChildNode)) started = true;
    const element = node as unknown as Element;
    if (element.nodeType === 1 && /footnote|endnotes/.test(element.getAttribute?.("epub:type") ?? "")) return;
    if (node.nodeType === 3 && started) found.push(...words(node.nodeValue ?? ""));
    for (const child of Array.from((node as unknown as Element).childNodes ?? [])) walk(child as unknown as ChildNode);
  };
  walk(marker.ownerDocument!.documentElement as unknown as ChildNode);
  return found.slice(0, count);
}

describe.each([
  { name: "seed book", dir: seedManuscript, imagePages: 0 },
  { name: "print fixture book", dir: fixture("print"), imagePages: 0 },
  { name: "feature fixture book", dir: fixture("features"), imagePages: 0 },
  // Both plates are too tall for the rest of their page: two pages open with an image.
  { name: "plates fixture book", dir: fixture("plates"), imagePages: 2 },
  { name: "synthetic book", dir: syntheticBook(), imagePages: undefined },
  // References whose page only print shows, and an index whose page numbers both editions show.
  { name: "apparatus fixture book", dir: fixture("apparatus"), imagePages: undefined },
])("page list of the $name", ({ dir, imagePages }) => {
  const margins = (
    parseYaml(readFileSync(join(dir, "book.yaml"), "utf8")) as { print?: { margins?: Record<string, string> } }
  ).print?.margins;
  expect(margins).toBeUndefined();
  let built: BuiltBook;
  let epub: OpenEpub;
  let labels: string[];
  let pageHeight: number;

  beforeAll(async () => {
    built = await buildBook(dir, ["pdf", "epub"]);
    epub = await openEpub(built.path("epub"));
    const pdf = await openPdf(built.path("pdf"));
    labels = (await pdf.getPageLabels()) ?? [];
    pageHeight = (await pdf.getPage(1)).view[3];
  });

  it("lists every printed body page, in order, each pointing at an existing marker", async () => {
    const nav = await epub.xml("OEBPS/toc.xhtml");
    const pageList = elements(nav, "nav").find((n) => n.getAttribute("epub:type") === "page-list");
    expect(pageList).toBeDefined();
    const entries = elements(pageList!, "a").map((a) => ({
      label: (a.textContent ?? "").trim(),
      href: a.getAttribute("href") ?? "",
    }));
    const bodyLabels = labels.filter((label) => /^\d+$/.test(label));
    const listed = entries.map((e) => e.label);
    for (const label of listed) expect(bodyLabels).toContain(label);
    expect(listed.map(Number)).toEqual([...listed.map(Number)].sort((a, b) => a - b));
    for (const entry of entries) {
      const [file, id] = entry.href.split("#");
      const doc = await epub.xml(`OEBPS/${file}`);
      const marker = elements(doc, "*").find((e) => e.getAttribute("id") === id);
      expect(marker?.getAttribute("epub:type"), entry.href).toBe("pagebreak");
      expect(marker?.getAttribute("aria-label")).toBe(entry.label);
    }
  });

  it("labels each marker with the folio of the PDF page where the text after it begins", async () => {
    const docs = epub.names.filter((n) => /^OEBPS\/\d.*\.xhtml$/.test(n));
    let checked = 0;
    let imagesMarked = 0;
    for (const name of docs) {
      const doc = await epub.xml(name);
      for (const marker of elements(doc, "*").filter((e) => e.getAttribute("epub:type") === "pagebreak")) {
        const label = marker.getAttribute("aria-label")!;
        const following = wordsAfter(marker, 4);
        if (following.length === 0) continue;
        const page = labels.indexOf(label) + 1;
        expect(page, `page labelled ${label}`).toBeGreaterThan(0);
        // The text block: below the running head, above the folio.
        const body = printedWords(
          pdfTextRegion(built.path("pdf"), page, 0.75 * 72 - 4, pageHeight - 0.75 * 72 - 0.8 * 72 + 8),
        );
        const at = body.join(" ").indexOf(following.join(" "));
        expect(
          at,
          `page ${label} should begin with “${following.join(" ")}” but begins “${body.slice(0, 8).join(" ")}”`,
        ).toBeGreaterThanOrEqual(0);
        // Before it may stand the end of a word hyphenated across the page break, a table's header
        // row, which Chromium repeats, or the text an image carried to this page prints itself.
        const before = body.join(" ").slice(0, at).trim();
        const headers = elements(doc, "thead").map((head) => words(head.textContent ?? "").join(" "));
        const image = await imageWords(epub, marker);
        expect(
          before.split(" ").filter(Boolean).length <= 1 ||
            headers.includes(before) ||
            (image !== "" && before === image),
          `page ${label} begins “${before}” before the marker's text`,
        ).toBe(true);
        if (image !== "") imagesMarked++;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1);
    if (imagePages !== undefined) expect(imagesMarked).toBe(imagePages);
  });
});
