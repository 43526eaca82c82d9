/** Finishing the printed PDF: running heads, folios, contents page numbers, page labels and boxes. */
import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import {
  type PDFDict,
  type PDFDocument,
  PDFName,
  PDFNumber,
  beginMarkedContent,
  endMarkedContent,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import type { FontSet } from "../../templates.js";
import type { Furniture } from "./folios.js";
import { subsetsCleanly } from "./font-subset.js";
import { linkBoxes, namedDestinations } from "./pdf-links.js";
import { inRange } from "../../fonts/subset.js";

export interface FinishOptions {
  readonly furniture: Furniture;
  readonly fonts: FontSet;
  /** Body font size and leading, to set the contents' numbers on the entries' baselines. */
  readonly fontSize: number;
  readonly leading: number;
  /** Distance of the folio's baseline from the page's foot, in points. */
  readonly furnitureInset: number;
  /** Distance of the running head's baseline from the page's head, in points (default `furnitureInset`). */
  readonly headInset?: number;
  /** Inside (gutter) and outside margins, in points. */
  readonly inside: number;
  readonly outside: number;
  /** Each heading the contents lists, by id, with its entry's font size relative to the body. */
  readonly contentsTargets: ReadonlyMap<string, number>;
}

const furnitureSize = 9;

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];

/** Add the page furniture to `pdf`, in place; returns where each named destination lands. */
export async function finishPages(pdf: PDFDocument, options: FinishOptions): Promise<Map<string, number>> {
  pdf.registerFontkit(layoutOnce(fontkit));
  // One after the other: the order fonts are embedded in numbers the PDF's objects.
  const regular = await embed(pdf, options.fonts, "normal", "FOLIOR");
  const italic = await embed(pdf, options.fonts, "italic", "FOLIOI");
  const pages = pdf.getPages();
  if (pages.length !== options.furniture.pages.length) {
    throw new Error(
      `the page layout planned ${options.furniture.pages.length} pages but Chromium printed ${pages.length}`,
    );
  }
  const destinations = namedDestinations(pdf);
  for (const item of options.furniture.pages) {
    const page = pages[item.index];
    const { width, height } = page.getSize();
    page.setTrimBox(0, 0, width, height);
    page.setBleedBox(0, 0, width, height);
    const centre = textBlockCentre(width, item.index, options);
    if (item.head)
      drawArtifact(page, item.head, italic, centre, height - (options.headInset ?? options.furnitureInset));
    if (item.showFolio) drawArtifact(page, item.label, regular, centre, options.furnitureInset);
    // Only the contents' links get numbers: a reference in the text may link to a heading too.
    for (const link of item.contents ? linkBoxes(pdf, page) : []) {
      const target = destinations.get(link.dest);
      if (target === undefined || !options.contentsTargets.has(link.dest)) continue;
      // An entry broken across two pages leaves a sliver of a box on the first: its number goes on the second.
      if (link.rect[3] - link.rect[1] < options.fontSize / 2) continue;
      drawContentsNumber(
        page,
        options.furniture.pages[target].label,
        regular,
        link.rect,
        options,
        options.contentsTargets.get(link.dest) ?? 1,
      );
    }
  }
  setPageLabels(pdf, options.furniture.bodyStart, pages.length);
  return destinations;
}

/**
 * `kit` with each font shaping a given text once. pdf-lib shapes a text to measure it and again to
 * draw it, and a long book repeats the same running heads hundreds of times: on a 1,300-page book
 * shaping took over a second. pdf-lib only reads the glyph runs, so one run serves every use.
 */
function layoutOnce(kit: Fontkit): Fontkit {
  return {
    create(buffer, postscriptName) {
      const font = kit.create(buffer, postscriptName);
      const layout = font.layout.bind(font);
      const runs = new Map<string, ReturnType<typeof layout>>();
      font.layout = (text, features) => {
        const key = `${JSON.stringify(features ?? null)}\0${text}`;
        let run = runs.get(key);
        if (!run) runs.set(key, (run = layout(text, features)));
        return run;
      };
      return font;
    },
  };
}

async function embed(pdf: PDFDocument, fonts: FontSet, style: "normal" | "italic", tag: string): Promise<PDFFont> {
  // The body's face, and of a family cut by Unicode range the file of Latin letters and digits.
  const face =
    fonts.faces.find(
      (f) =>
        (f.family ?? fonts.family) === fonts.family &&
        f.style === style &&
        f.weight === 400 &&
        (!f.unicodeRange || inRange(f.unicodeRange, 0x41)),
    ) ?? fonts.faces[0];
  const name = face.file.replace(/^.*[\\/]/, "").replace(/\.[a-z]+$/i, "");
  const bytes = await readFile(face.file);
  // Only a TrueType file can go in whole (a WOFF2 must be subset to be one).
  const subset =
    !/\.ttf$/i.test(face.file) ||
    (await subsetsCleanly(bytes, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"));
  return pdf.embedFont(bytes, { subset, customName: `${tag}+${name}` });
}

/** Centre of the text block: right-hand pages (odd numbers) have the gutter on the left. */
function textBlockCentre(pageWidth: number, index: number, options: FinishOptions): number {
  const isRight = index % 2 === 0;
  const left = isRight ? options.inside : options.outside;
  return left + (pageWidth - options.inside - options.outside) / 2;
}

function drawArtifact(page: PDFPage, text: string, font: PDFFont, centre: number, baseline: number): void {
  const width = font.widthOfTextAtSize(text, furnitureSize);
  page.pushOperators(beginMarkedContent("Artifact"));
  page.drawText(text, { x: centre - width / 2, y: baseline, size: furnitureSize, font });
  page.pushOperators(endMarkedContent());
}

/** The page number of a contents entry, right-aligned in the entry's box, on its last line's baseline. */
function drawContentsNumber(
  page: PDFPage,
  label: string,
  font: PDFFont,
  rect: [number, number, number, number],
  options: FinishOptions,
  scale: number,
): void {
  const size = options.fontSize * scale;
  const lineHeight = size * options.leading;
  const ascent = font.heightAtSize(size, { descender: false });
  const total = font.heightAtSize(size, { descender: true });
  const baseline = rect[1] + (lineHeight - total) / 2 + (total - ascent);
  const width = font.widthOfTextAtSize(label, size);
  page.pushOperators(beginMarkedContent("Artifact"));
  page.drawText(label, { x: rect[2] - width, y: baseline, size, font });
  page.pushOperators(endMarkedContent());
}

/** /PageLabels: lower-case roman for the front matter, arabic from 1 at the first chapter. */
function setPageLabels(pdf: PDFDocument, bodyStart: number, pageCount: number): void {
  const nums: (PDFNumber | PDFDict)[] = [PDFNumber.of(0), pdf.context.obj({ S: PDFName.of("r") })];
  if (bodyStart < pageCount) nums.push(PDFNumber.of(bodyStart), pdf.context.obj({ S: PDFName.of("D"), St: 1 }));
  pdf.catalog.set(PDFName.of("PageLabels"), pdf.context.obj({ Nums: nums }));
}
