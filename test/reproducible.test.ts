/** Reproducible builds: the same manuscript and SOURCE_DATE_EPOCH give the same bytes, edition by edition. */
import { createHash } from "node:crypto";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument, PDFName } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { renderPrintCover } from "../scripts/targets/index.js";
import { makePdfDeterministic } from "../scripts/util/deterministic-pdf.js";
import { loadFonts } from "../scripts/templates.js";
import { buildBook, fixture, tempDir, type BuiltBook } from "./helpers/build.js";
import { loadBook } from "./helpers/book.js";
import { pdfFonts } from "./helpers/pdf.js";

const epoch = 1_741_910_400; // 2025-03-14T00:00:00Z
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const book = fixture("features");

describe("two builds of the same manuscript, in two folders", () => {
  let first: BuiltBook;
  let second: BuiltBook;

  beforeAll(async () => {
    first = await buildBook(book, undefined, { sourceDateEpoch: epoch });
    // A copy elsewhere: the PDF's /ID once hashed the print document's file addresses of fonts and images.
    const copy = join(tempDir(), "elsewhere", "book");
    cpSync(book, copy, { recursive: true, dereference: true });
    second = await buildBook(copy, undefined, { sourceDateEpoch: epoch });
  });

  it.each(["epub", "html", "pdf"] as const)("give the same %s bytes", (format) => {
    expect(first.outDir).not.toBe(second.outDir);
    expect(sha256(second.path(format))).toBe(sha256(first.path(format)));
  });

  it("but another SOURCE_DATE_EPOCH gives another EPUB", async () => {
    const later = await buildBook(book, ["epub"], { sourceDateEpoch: epoch + 86_400 });
    expect(sha256(later.path("epub"))).not.toBe(sha256(first.path("epub")));
  });

  it("give the PDF a trailer /ID and the build's dates", async () => {
    const pdf = await PDFDocument.load(readFileSync(first.path("pdf")), { updateMetadata: false });
    expect(pdf.context.trailerInfo.ID?.toString()).toMatch(/^\[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]$/i);
    expect(pdf.getCreationDate()?.toISOString()).toBe("2025-03-14T00:00:00.000Z");
    expect(pdf.getModificationDate()?.toISOString()).toBe("2025-03-14T00:00:00.000Z");
  });

  it("render the same print cover twice", async () => {
    const prepared = await loadBook(book, epoch);
    const fonts = await loadFonts();
    const a = await renderPrintCover(prepared, first.path("pdf"), join(tempDir(), "a.pdf"), fonts);
    const b = await renderPrintCover(prepared, second.path("pdf"), join(tempDir(), "b.pdf"), fonts);
    expect(sha256(b.path)).toBe(sha256(a.path));
  });
});

describe("makePdfDeterministic", () => {
  let chromiumPdf: Uint8Array;

  beforeAll(async () => {
    chromiumPdf = readFileSync((await buildBook(book, ["pdf"], { sourceDateEpoch: epoch })).path("pdf"));
  });

  /**
   * The same PDF as another run might write it: other subset tags, structure element ids further
   * on (Chromium counts them per renderer process), a random /ID, XMP, today's dates.
   */
  async function noisyCopy(bytes: Uint8Array): Promise<Uint8Array> {
    // Same length, so the cross-reference offsets stay right.
    const text = Buffer.from(bytes)
      .toString("latin1")
      .replace(/[A-Z]{6}\+SourceSerif4/g, "QZXWVU+SourceSerif4")
      .replace(/\(node(\d{8})\)/g, (_, n: string) => `(node${String(Number(n) + 7).padStart(8, "0")})`);
    const retagged = Buffer.from(text, "latin1");
    const pdf = await PDFDocument.load(retagged, { updateMetadata: false });
    pdf.setCreationDate(new Date());
    pdf.setModificationDate(new Date());
    const xmp = pdf.context.stream(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><xmpMM:DocumentID>uuid:random</xmpMM:DocumentID></x:xmpmeta>',
      { Type: "Metadata", Subtype: "XML" },
    );
    pdf.catalog.set(PDFName.of("Metadata"), pdf.context.register(xmp));
    const id = pdf.context.obj([`<${createHash("md5").update(String(Math.random())).digest("hex")}>`]);
    pdf.context.trailerInfo.ID = id;
    return pdf.save({ useObjectStreams: false });
  }

  it("makes a noisy copy byte-identical to the original", async () => {
    const date = new Date(epoch * 1000);
    // The feature fixture's table gives the tagged PDF structure elements with ids.
    expect(Buffer.from(chromiumPdf).toString("latin1")).toMatch(/\(node\d{8}\)/);
    const noisy = await noisyCopy(chromiumPdf);
    expect(Buffer.from(noisy).equals(Buffer.from(chromiumPdf))).toBe(false);
    const a = await makePdfDeterministic(chromiumPdf, date);
    const b = await makePdfDeterministic(noisy, date);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    const result = await PDFDocument.load(b, { updateMetadata: false });
    expect(result.catalog.get(PDFName.of("Metadata"))).toBeUndefined();
  });

  it("names each subset by its content, keeping the six-letter tag form", async () => {
    const path = join(tempDir(), "tagged.pdf");
    writeFileSync(path, await makePdfDeterministic(await noisyCopy(chromiumPdf), new Date(epoch * 1000)));
    const names = pdfFonts(path).map((font) => font.name);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+[A-Za-z0-9-]+$/);
    expect(names.some((name) => name.startsWith("QZXWVU+"))).toBe(false);
    expect(new Set(names.map((name) => name.slice(0, 6))).size).toBe(names.length);
  });
});
