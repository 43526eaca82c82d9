/** GFM task lists keep their state in every edition: a checkbox screen readers announce, ☑/☐ in print, no warning. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, findBrowser } from "../scripts/browser/browser.js";
import { buildBook, tempDir, type BuiltBook } from "./helpers/build.js";
import { aceViolations } from "./helpers/ace.js";
import { elements, epubcheckJava, epubcheckTs, openEpub } from "./helpers/epub.js";
import { pdfFonts, pdfText } from "./helpers/pdf.js";

const chapter = [
  "# Chores",
  "",
  "- [x] sweep the *floor*",
  "- [ ] wash the dishes",
  "  - [x] a nested task",
  "",
  "1. [x] a loose numbered task",
  "",
  "   with a second paragraph",
  "",
  "2. [ ] and an open one",
  "",
  "## Task 1",
  "",
  "A heading whose slug a task's label must not take.",
  "",
].join("\n");

let book: BuiltBook;

beforeAll(async () => {
  const dir = join(tempDir(), "book");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "book.yaml"), "title: Tasks\nlanguage: en\n");
  writeFileSync(join(dir, "01-chores.md"), chapter);
  book = await buildBook(dir);
}, 300_000);

describe("task lists", () => {
  it("build without a warning (no raw <input> was written, none is reported)", () => {
    expect(book.files.flatMap((file) => file.messages.map(String))).toEqual([]);
  });

  it("are disabled ARIA checkboxes with their state and the item's text as name, in the web edition's accessibility tree", async () => {
    const browser = await launchBrowser(findBrowser(process.env.PUPPETEER_EXECUTABLE_PATH || undefined));
    try {
      const page = await browser.newPage();
      await page.goto(`file://${book.path("html")}`);
      const boxes = await page.$$eval("[role=checkbox]", (nodes) =>
        nodes.map((node) => node.getAttribute("aria-checked")),
      );
      expect(boxes).toEqual(["true", "false", "true", "true", "false"]);
      const tree = await page.accessibility.snapshot();
      const found: { name?: string; checked?: unknown }[] = [];
      const visit = (node: typeof tree) => {
        if (!node) return;
        if (node.role === "checkbox") found.push({ name: node.name, checked: node.checked });
        node.children?.forEach(visit);
      };
      visit(tree);
      expect(found).toEqual([
        { name: "sweep the floor", checked: true },
        { name: "wash the dishes", checked: false },
        { name: "a nested task", checked: true },
        { name: "a loose numbered task", checked: true },
        { name: "and an open one", checked: false },
      ]);
    } finally {
      await browser.close();
    }
  });

  it("keep their state in the EPUB, which both checkers accept", async () => {
    const epub = await openEpub(book.path("epub"));
    const name = epub.names.find(
      (entry) => /chores.*\.xhtml$|chapter.*\.xhtml$/.test(entry) && !entry.includes("nav"),
    )!;
    const doc = await epub.xml(name);
    const boxes = elements(doc, "span").filter((span) => span.getAttribute("role") === "checkbox");
    expect(boxes.map((box) => [box.getAttribute("aria-checked"), box.textContent])).toEqual([
      ["true", "☑"],
      ["false", "☐"],
      ["true", "☑"],
      ["true", "☑"],
      ["false", "☐"],
    ]);
    const labels = boxes.map((box) => doc.getElementById(box.getAttribute("aria-labelledby") ?? "")?.textContent);
    expect(labels).toEqual([
      "sweep the floor",
      "wash the dishes",
      "a nested task",
      "a loose numbered task",
      "and an open one",
    ]);
    expect(elements(doc, "input")).toEqual([]);
    const ids = elements(doc, "*")
      .map((element) => element.getAttribute("id"))
      .filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    expect(epubcheckJava(book.path("epub"))).toMatchObject({ errors: 0, warnings: 0 });
    expect(await epubcheckTs(book.path("epub"))).toMatchObject({ errors: 0 });
  });

  it("give Ace nothing to report", () => {
    expect(aceViolations(book.path("epub"))).toEqual([]);
  }, 300_000);

  it("print ☑ and ☐ in the body font, embedded (no fallback font)", () => {
    const text = pdfText(book.path("pdf")).replace(/\u00AD/g, "");
    expect(text).toMatch(/☑\s*sweep the floor/);
    expect(text).toMatch(/☐\s*wash the dishes/);
    expect(text).toMatch(/☐\s*and an open one/);
    const fonts = pdfFonts(book.path("pdf"));
    expect(fonts.every((font) => font.embedded)).toBe(true);
    expect(
      fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, "")).filter((name) => !name.startsWith("SourceSerif4")),
    ).toEqual([]);
  });

  it("show the box in the web edition's HTML as text, with no form control", () => {
    const html = readFileSync(book.path("html"), "utf8");
    expect(html).not.toContain("<input");
    expect(html).toContain('role="checkbox" aria-checked="true" aria-disabled="true"');
  });
});
