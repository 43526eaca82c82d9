/**
 * The press PDF: the reader's PDF (same pages, same text, same boxes and page labels) without
 * what a press refuses (links and other annotations, bookmarks, the tag tree), converted by
 * Ghostscript to grey or CMYK PDF/X-3 with an OutputIntent, then made reproducible.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { normalizePdf, saveWithId } from "../util/deterministic-pdf.js";
import { folioVersion } from "../version.js";
import { fontMaps, restoreFonts } from "./font-tags.js";
import { findOutputProfile, ghostscriptVersion, writePdfx } from "./ghostscript.js";

/**
 * Ghostscript writes each content stream's /Length as a reference to a later object; pdf-lib,
 * which cannot follow it while parsing, finds the stream's end by its `endstream` keyword and
 * drops a last data byte that is a line end: 11 of the 1,306 page streams of the synthetic book
 * lost their checksum's last byte that way (qpdf: "incorrect data check"). Write the lengths in.
 */
function directLengths(bytes: Buffer): Buffer {
  const text = bytes.toString("latin1");
  const numbers = new Map<string, string>();
  for (const m of text.matchAll(/(?:^|[\r\n])(\d+) 0 obj\s*(\d+)\s*endobj/g)) numbers.set(m[1], m[2]);
  return Buffer.from(
    text.replace(/\/Length (\d+) 0 R/g, (whole, ref: string) =>
      numbers.has(ref) ? `/Length ${numbers.get(ref)}` : whole,
    ),
    "latin1",
  );
}

export interface PressOptions {
  readonly colour: "grey" | "cmyk";
  /** CMYK only: text in black ink alone, not the four-colour black an RGB black converts to. */
  readonly blackText?: boolean;
  /** Dates the PDF (the book's modification date). */
  readonly date: Date;
  readonly signal?: AbortSignal;
}

/** Catalog entries a press PDF leaves out: bookmarks, named destinations, the tag tree, the opening action, XMP. */
const droppedCatalogKeys = [
  "Outlines",
  "Names",
  "Dests",
  "StructTreeRoot",
  "MarkInfo",
  "OpenAction",
  "Metadata",
  "ViewerPreferences",
];

/** Write the press PDF of the reader's PDF `readerPath` to `outPath`. */
export async function writePressPdf(readerPath: string, outPath: string, options: PressOptions): Promise<void> {
  const profile = findOutputProfile();
  const gs = await ghostscriptVersion();
  if (!profile || !gs)
    throw new Error("the press PDF needs Ghostscript and its ICC profiles (Debian: apt-get install ghostscript)");
  const readerBytes = await readFile(readerPath);
  const reader = await PDFDocument.load(readerBytes, { updateMetadata: false });
  const boxes = reader.getPages().map((page) => ({ trim: page.getTrimBox(), bleed: page.getBleedBox() }));
  const labels = reader.catalog.get(PDFName.of("PageLabels"));
  const title = reader.getTitle() ?? "";
  for (const page of reader.getPages())
    for (const key of ["Annots", "StructParents", "Tabs"]) page.node.delete(PDFName.of(key));
  for (const key of droppedCatalogKeys) reader.catalog.delete(PDFName.of(key));
  const maps = fontMaps(reader);
  const staging = await mkdtemp(join(tmpdir(), "folio-press-"));
  try {
    const input = join(staging, "in.pdf");
    const output = join(staging, "out.pdf");
    await writeFile(input, await reader.save({ useObjectStreams: false }));
    await writePdfx(input, output, {
      colour: options.colour,
      blackText: options.blackText,
      title,
      profile,
      signal: options.signal,
    });
    const press = await PDFDocument.load(directLengths(await readFile(output)), { updateMetadata: false });
    if (press.getPageCount() !== boxes.length)
      throw new Error(`Ghostscript wrote ${press.getPageCount()} pages of ${boxes.length}`);
    if (!press.catalog.get(PDFName.of("OutputIntents"))) throw new Error("Ghostscript wrote plain PDF, not PDF/X");
    restoreFonts(press, maps);
    press.getPages().forEach((page, i) => {
      const { trim, bleed } = boxes[i];
      page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
      page.setBleedBox(bleed.x, bleed.y, bleed.width, bleed.height);
    });
    // Ghostscript keeps the page labels; should one ever drop them, the reader's are direct objects, copied as they are.
    if (labels instanceof PDFDict && !press.catalog.get(PDFName.of("PageLabels")))
      press.catalog.set(PDFName.of("PageLabels"), labels.clone(press.context));
    press.setProducer(`Folio ${folioVersion} (Chromium, pdf-lib, Ghostscript ${gs})`);
    press.setCreator(`Folio ${folioVersion}`);
    normalizePdf(press, options.date);
    await writeFile(
      outPath,
      await saveWithId(press, Buffer.concat([readerBytes, Buffer.from(`\n${gs}\n${options.colour}`)])),
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
