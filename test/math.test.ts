/**
 * Math in the scholarly fixture book, built to all three editions: MathML with its TeX as alttext
 * in a valid, accessible EPUB (manifest `mathml`), the web edition drawing it in the embedded math
 * font, the PDF with that font embedded as TrueType (no Type 3), its formulas in the text layer and
 * its labelled equations numbered; dollar amounts left as text.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import fontkit from "@pdf-lib/fontkit";
import type { Browser, Page } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser, launchBrowser } from "../scripts/browser/browser.js";
import { aceViolations } from "./helpers/ace.js";
import { buildBook, fixture, type BuiltBook } from "./helpers/build.js";
import { elements, epubcheckJava, epubcheckTs, openEpub, textOf, type OpenEpub } from "./helpers/epub.js";
import { openPdf, pdfLinks, pdfText } from "./helpers/pdf.js";

const mathml = "http://www.w3.org/1998/Math/MathML";

describe("math in every edition", () => {
  let built: BuiltBook;
  let epub: OpenEpub;

  beforeAll(async () => {
    built = await buildBook(fixture("scholarly"));
    epub = await openEpub(built.path("epub"));
  });

  it("builds all three editions without diagnostics", () => {
    expect(built.files.flatMap((file) => file.messages.map(String))).toEqual([]);
    expect(built.artifacts.map((artifact) => artifact.format).sort()).toEqual(["epub", "html", "pdf"]);
  });

  it("writes MathML in the MathML namespace, each formula with its TeX as alttext", async () => {
    const doc = await epub.xml("OEBPS/01-light.xhtml");
    const formulas = Array.from(doc.getElementsByTagNameNS(mathml, "math"));
    expect(formulas.map((math) => math.getAttribute("alttext"))).toEqual([
      "c = 1/\\sqrt{\\mu_0 \\varepsilon_0}",
      "E = h\\nu",
      "p = \\frac{h}{\\lambda} = \\frac{E}{c}.",
    ]);
    expect(formulas.map((math) => math.getAttribute("display"))).toEqual([null, null, "block"]);
    expect(elements(doc, "math")).toHaveLength(formulas.length);
  });

  it("marks the documents with formulas `mathml` in the manifest, and only those", async () => {
    const opf = await epub.xml("OEBPS/content.opf");
    const properties = new Map(
      elements(opf, "item").map((item) => [item.getAttribute("href"), item.getAttribute("properties") ?? ""]),
    );
    expect(properties.get("01-light.xhtml")).toContain("mathml");
    expect(properties.get("02-measure.xhtml")).toContain("mathml");
    expect(properties.get("references.xhtml")).not.toContain("mathml");
  });

  it("embeds the math font in the EPUB, subset with its MATH table, and names it in the style sheet", async () => {
    const name = "OEBPS/fonts/stix-two-math-latin-400-normal.ttf";
    expect(epub.names).toContain(name);
    // The subset keeps the table that sizes and stretches operators (a display ∑, tall parentheses).
    const font = fontkit.create(Buffer.from(await epub.zip.file(name)!.async("uint8array")));
    expect(Object.keys((font as unknown as { directory: { tables: object } }).directory.tables)).toContain("MATH");
    const css = await epub.text("OEBPS/style.css");
    expect(css).toMatch(/@font-face \{ font-family: "STIX Two Math";[^}]*stix-two-math-latin-400-normal\.ttf/);
    expect(css).toContain('math { font-family: "STIX Two Math", math; }');
  });

  it("passes both EPUBChecks with no message", async () => {
    expect(epubcheckJava(built.path("epub")).messages).toEqual([]);
    expect((await epubcheckTs(built.path("epub"))).messages).toEqual([]);
  }, 300_000);

  it("passes Ace with no violation of any severity", () => {
    expect(aceViolations(built.path("epub"))).toEqual([]);
  }, 300_000);

  it("numbers labelled equations and links references to them", async () => {
    const doc = await epub.xml("OEBPS/02-measure.xhtml");
    const numbered = elements(doc, "span").find((span) => span.getAttribute("id") === "eq-energy")!;
    expect(textOf(elements(numbered, "span").find((s) => s.getAttribute("class") === "equation-number")!)).toBe(
      "(2.1)",
    );
    const references = elements(doc, "a").filter((a) => /#eq-/.test(a.getAttribute("href") ?? ""));
    expect(references.map((a) => [a.getAttribute("href"), textOf(a)])).toEqual([
      ["01-light.xhtml#eq-momentum", "Equation 1.1"],
      ["02-measure.xhtml#eq-energy", "Equation 2.1"],
    ]);
  });

  it("leaves dollar amounts as text", async () => {
    const doc = await epub.xml("OEBPS/02-measure.xhtml");
    const last = elements(doc, "p")
      .map(textOf)
      .find((text) => text.startsWith("A price"));
    expect(last).toBe(
      "A price of $5 and a price of $10 are not formulas, nor is an address such as light@example.org.",
    );
  });

  it("embeds the math font in the PDF as TrueType, and no font as Type 3", () => {
    const fonts = execFileSync("pdffonts", [built.path("pdf")], { encoding: "utf8" })
      .split("\n")
      .slice(2);
    const math = fonts.find((line) => line.includes("STIXTwoMath-Regular"));
    expect(math).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts.filter((line) => /Type 3/.test(line))).toEqual([]);
  });

  it("keeps the formulas' characters, large operators too, in the PDF's text layer", () => {
    const text = pdfText(built.path("pdf"));
    for (const character of ["∫", "∑", "∞", "ℝ", "𝐱", "𝜆", "(1.1)", "(2.1)", "Equation 1.1"])
      expect(text, character).toContain(character);
  });

  it("links the PDF's citations to the bibliography's pages", async () => {
    const doc = await openPdf(built.path("pdf"));
    const pages = Array.from({ length: doc.numPages }, (_, i) => pdfText(built.path("pdf"), i + 1));
    const references = pages.findIndex((page) => page.trimStart().startsWith("References")) + 1;
    expect(references).toBeGreaterThan(0);
    const links = (await pdfLinks(doc)).filter((link) => link.target === references && link.page < references);
    expect(links.length).toBeGreaterThanOrEqual(8);
  });
});

describe("math in the web edition, in Chromium", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const built = await buildBook(fixture("scholarly"), ["html"]);
    browser = await launchBrowser(findBrowser(process.env.PUPPETEER_EXECUTABLE_PATH || undefined));
    page = await browser.newPage();
    await page.setViewport({ width: 375, height: 700 });
    await page.goto(pathToFileURL(built.path("html")).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("draws every formula in the embedded math font", async () => {
    const faces = await page.evaluate(() =>
      [...document.fonts]
        .filter((face) => face.family.replace(/"/g, "") === "STIX Two Math")
        .map((face) => face.status),
    );
    expect(faces).toEqual(["loaded"]);
    const boxes = await page.$$eval("math", (formulas) =>
      formulas.map((math) => {
        const box = math.getBoundingClientRect();
        return { width: box.width, height: box.height, font: getComputedStyle(math).fontFamily };
      }),
    );
    expect(boxes.length).toBe(8);
    for (const box of boxes) {
      expect(box.font).toMatch(/^"STIX Two Math"/);
      expect(box.width).toBeGreaterThan(10);
      expect(box.height).toBeGreaterThan(10);
    }
  });

  it("does not scroll sideways at a 375 px phone width", async () => {
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  });
});

describe("a book without formulas", () => {
  it("carries no math font and no math style sheet", async () => {
    const built = await buildBook(fixture("features"), ["epub", "html"]);
    const epub = await openEpub(built.path("epub"));
    expect(epub.names.some((name) => name.includes("stix"))).toBe(false);
    expect(readFileSync(built.path("html"), "utf8")).not.toContain("tml-");
  });
});
