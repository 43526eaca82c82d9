/**
 * `npm run pictures`: builds the sample book of each of Folio's themes (samples/THEME) and writes
 * the README's pictures of its print edition into docs/pictures: the title page, the contents, the
 * opening of the first chapter and the spread after it, at 72 dpi in grey. Poppler draws the pages
 * (pdftoppm) and reads their text (pdftotext) to find them.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chapterData } from "../book.js";
import { build } from "../recipe.js";
import { folioRoot } from "../root.js";
import { builtInThemes } from "../themes/theme.js";
import { encodePng } from "../util/png.js";

const dpi = 72;
const outDir = join(folioRoot, "docs", "pictures");

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  for (const theme of builtInThemes()) {
    const work = mkdtempSync(join(tmpdir(), "folio-pictures-"));
    try {
      const result = await build({
        manuscriptDir: join(folioRoot, "samples", theme),
        outDir: work,
        formats: ["pdf"],
        browserPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined,
        sourceDateEpoch: 1_700_000_000,
      });
      const pdf = result.artifacts.find((artifact) => artifact.format === "pdf")?.path;
      if (!pdf || !result.book) throw new Error(`the ${theme} sample did not build`);
      const pages = pageTexts(pdf);
      const first = result.book.chapters.map(chapterData).find((data) => data.metadata.kind === "chapter");
      const contents = pages.findIndex((text) => /(?:\. ?){5}/.test(text)) + 1;
      const opening = pages.findIndex((text, i) => i + 1 > contents && first && text.includes(first.title)) + 1;
      if (contents === 0 || opening === 0) throw new Error(`the ${theme} sample has no contents or chapter pages`);
      writePage(pdf, 3, `${theme}-title.png`);
      writePage(pdf, contents, `${theme}-contents.png`);
      writePage(pdf, opening, `${theme}-opening.png`);
      const spread = fullestSpread(pages, opening);
      writeSpread(pdf, spread, `${theme}-spread.png`);
      process.stderr.write(`✓ ${theme}: pages 3, ${contents}, ${opening}, ${spread}–${spread + 1}\n`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
}

/** The left-hand page (even) after `opening` whose spread holds the most text on its emptier side. */
function fullestSpread(pages: readonly string[], opening: number): number {
  let best = opening + 1;
  let most = -1;
  for (let left = opening + 1; left + 1 <= pages.length; left++) {
    if (left % 2 !== 0) continue;
    const text = Math.min(pages[left - 1].trim().length, pages[left].trim().length);
    if (text > most) [best, most] = [left, text];
  }
  return best;
}

function pageTexts(pdf: string): string[] {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
}

function writePage(pdf: string, page: number, name: string): void {
  const base = join(outDir, name.replace(/\.png$/, ""));
  execFileSync("pdftoppm", [
    "-png",
    "-gray",
    "-r",
    String(dpi),
    "-f",
    `${page}`,
    "-l",
    `${page}`,
    "-singlefile",
    pdf,
    base,
  ]);
}

/** Pages `left` and `left + 1` side by side, as a reader sees them open. */
function writeSpread(pdf: string, left: number, name: string): void {
  const [a, b] = [left, left + 1].map((page) => readPgm(pdf, page));
  const width = a.width + b.width;
  const height = Math.max(a.height, b.height);
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (const [image, x0] of [
    [a, 0],
    [b, a.width],
  ] as const)
    for (let y = 0; y < image.height; y++)
      for (let x = 0; x < image.width; x++) {
        const grey = image.pixels[y * image.width + x];
        rgba.set([grey, grey, grey, 255], (y * width + x0 + x) * 4);
      }
  // The fold: a hairline between the pages.
  for (let y = 0; y < height; y++) rgba.set([200, 200, 200, 255], (y * width + a.width) * 4);
  writeFileSync(join(outDir, name), encodePng(width, height, rgba));
}

/** A page drawn in grey by pdftoppm, as its raw pixels (a binary PGM). */
function readPgm(pdf: string, page: number): { width: number; height: number; pixels: Uint8Array } {
  const bytes = execFileSync("pdftoppm", ["-gray", "-r", String(dpi), "-f", `${page}`, "-l", `${page}`, pdf], {
    maxBuffer: 1 << 26,
  });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("pdftoppm did not write a PGM");
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

await main();
