/** Printer profiles: spine widths by printer and paper, the gutter table, and the safe area held on every page of books of about 100, 400 and 800 pages. */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ResolvedPrint } from "../scripts/config/resolve.js";
import { writeSyntheticBook } from "../scripts/bench/make-book.js";
import { printers, requiredGutter } from "../scripts/print/profiles.js";
import { printerCoverGeometry } from "../scripts/print/spine-profile.js";
import { formatReport } from "../scripts/report.js";
import { buildBook, tempDir } from "./helpers/build.js";

const print = (extra: Partial<ResolvedPrint>): ResolvedPrint => ({
  width: "6in",
  height: "9in",
  margins: { top: "0.75in", bottom: "0.8in", inside: "0.85in", outside: "0.6in" },
  fontSize: 10.5,
  leading: 1.4,
  tocDepth: 1,
  paper: "white",
  interior: "black-and-white",
  binding: "paperback",
  ...extra,
});

describe("spine widths", () => {
  it.each([
    ["kdp", "white", 300, 0.6756],
    ["kdp", "cream", 300, 0.75],
    ["kdp", "colour", 300, 0.7041],
    ["kdp", "white", 301, 0.680104],
    ["generic", "cream", 120, 0.3],
  ] as const)("%s on %s paper, %i pages", (printer, paper, pages, spine) => {
    expect(printerCoverGeometry(print({ printer, paper }), pages).spine).toBeCloseTo(spine, 6);
  });

  it("takes IngramSpark's page thickness from the author, for either paper", () => {
    expect(
      printerCoverGeometry(print({ printer: "ingramspark", paper: "white", paperThickness: "0.002252in" }), 200).spine,
    ).toBeCloseTo(0.4504, 6);
    expect(
      printerCoverGeometry(print({ printer: "ingramspark", paper: "cream", paperThickness: "0.0025in" }), 200).spine,
    ).toBeCloseTo(0.5, 6);
  });

  it("puts text on a spine from 0.25 in, which for KDP is past its 80-page minimum on every paper", () => {
    expect(printerCoverGeometry(print({ printer: "kdp", paper: "cream" }), 98).spineText).toBe(false);
    expect(printerCoverGeometry(print({ printer: "kdp", paper: "cream" }), 100).spineText).toBe(true);
    expect(printerCoverGeometry(print({ printer: "kdp", paper: "white" }), 112).spineText).toBe(true);
  });
});

describe("KDP's gutter by page count", () => {
  it.each([
    [24, 0.375],
    [150, 0.375],
    [151, 0.5],
    [300, 0.5],
    [301, 0.625],
    [500, 0.625],
    [501, 0.75],
    [700, 0.75],
    [701, 0.875],
    [828, 0.875],
  ])("%i pages: %f in", (pages, inside) => expect(requiredGutter(printers.kdp, pages)).toBe(inside));
});

/** A synthetic book of about `pages` pages (the synthetic-book generator gives about 190 words a page at 6×9 in). */
function bookOf(pages: number, print: string): string {
  const dir = join(tempDir("folio-press-"), "book");
  const chapters = Math.max(4, Math.round(pages / 20));
  const words = Math.round((pages * 190) / chapters);
  writeSyntheticBook(dir, { chapters, wordsPerChapter: words });
  writeFileSync(join(dir, "book.yaml"), `${readFileSync(join(dir, "book.yaml"), "utf8")}print:\n${print}`);
  return dir;
}

interface Word {
  readonly page: number;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
  readonly text: string;
}

/** Every word's box, in points from the page's top left corner, as `pdftotext -bbox` gives them. */
function wordBoxes(path: string): { width: number; height: number; words: Word[] } {
  const html = execFileSync("pdftotext", ["-bbox", path, "-"], { encoding: "utf8", maxBuffer: 1 << 30 });
  const [, width, height] = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html)!.map(Number);
  const words: Word[] = [];
  html
    .split("<page ")
    .slice(1)
    .forEach((page, index) => {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        words.push({
          page: index,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: m[5],
        });
      }
    });
  return { width, height, words };
}

describe.each([
  {
    pages: 100,
    printer: "ingramspark",
    print: "  printer: ingramspark\n  paperThickness: 0.0025in\n",
    safe: 0.5,
    inside: 0.85,
  },
  { pages: 400, printer: "kdp", print: "  printer: kdp\n", safe: 0.25, inside: 0.85 },
  { pages: 800, printer: "kdp", print: "  printer: kdp\n  margins:\n    inside: 0.875in\n", safe: 0.25, inside: 0.875 },
])("a book of about $pages pages for $printer", ({ pages, print: yaml, safe, inside }) => {
  it("keeps every word outside the safe zone and out of the gutter, and passes the preflight", async () => {
    const built = await buildBook(bookOf(pages, yaml), ["pdf"]);
    expect(formatReport(built.files)).not.toMatch(/ {2}error {2}/);
    const { width, height, words } = wordBoxes(built.path("pdf"));
    const count = new Set(words.map((w) => w.page)).size;
    expect(count).toBeGreaterThan(pages * 0.7);
    expect(count).toBeLessThan(pages * 1.3);
    const outside = words.filter((w) => {
      // Right-hand pages (odd page numbers, even indexes) have the gutter on the left.
      const [left, right] = w.page % 2 === 0 ? [inside, safe] : [safe, inside];
      return (
        w.xMin < left * 72 - 0.5 ||
        w.xMax > width - right * 72 + 0.5 ||
        w.yMin < safe * 72 ||
        w.yMax > height - safe * 72
      );
    });
    expect(outside.slice(0, 5)).toEqual([]);
  }, 300_000);
});

describe("a book of about 900 pages for KDP", () => {
  it("is an error: more pages than KDP binds in a paperback", async () => {
    const built = await buildBook(bookOf(1000, "  printer: kdp\n  margins:\n    inside: 0.875in\n"), ["pdf"]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [built.path("pdf")], { encoding: "utf8" }))![1]);
    expect(pages).toBeGreaterThan(828);
    expect(pages).toBeLessThan(1000);
    expect(formatReport(built.files)).toMatch(
      /book\.yaml:\d+:\d+ {2}error {2}The book has \d+ pages; KDP prints a paperback of at most 828: shorten it, or change the trim, font size or binding {2}press-page-limit/,
    );
  }, 300_000);
});
