/** The press PDFs read back with real tools: qpdf's JSON, Ghostscript's ink coverage, poppler's fonts, text and boxes, pdf.js's page labels. */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { writePressPdf } from "../scripts/print/press-pdf.js";
import { buildBook, fixture, repoRoot, syntheticBook, tempDir } from "./helpers/build.js";
import { openPdf, pdfFonts } from "./helpers/pdf.js";

type QpdfObjects = Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }>;

/** qpdf's JSON of a PDF: its objects by "obj:N 0 R", and the trailer. */
function qpdfObjects(path: string): QpdfObjects {
  const json = JSON.parse(
    execFileSync("qpdf", ["--json", "--json-key=qpdf", path], { encoding: "utf8", maxBuffer: 1 << 28 }),
  ) as { qpdf: [unknown, QpdfObjects] };
  return json.qpdf[1];
}

const dictOf = (objects: QpdfObjects, ref: unknown) => {
  const object = objects[`obj:${String(ref)}`];
  return (object?.value ?? object?.stream?.dict ?? {}) as Record<string, unknown>;
};

/** Cyan, magenta, yellow and black coverage of each page, from Ghostscript's inkcov device. */
function inkCoverage(path: string): number[][] {
  const out = execFileSync("gs", ["-q", "-o", "-", "-sDEVICE=inkcov", path], { encoding: "utf8", maxBuffer: 1 << 26 });
  return out
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).slice(0, 4).map(Number));
}

/** Each page's text laid out as poppler reads it; a hyphen carried to the next page is U+2010 in the reader's PDF and U+002D in the press PDF. */
const pagesText = (path: string) =>
  execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8", maxBuffer: 1 << 28 })
    .replaceAll("\u2010", "-")
    .split("\f");

function checkPdfx(path: string): void {
  // qpdf exits 3 on a warning (a stream whose checksum fails, say), which throws here.
  expect(execFileSync("qpdf", ["--check", path], { encoding: "utf8" })).toMatch(
    /No syntax or stream encoding errors found/,
  );
  const objects = qpdfObjects(path);
  const trailer = objects.trailer.value as Record<string, unknown>;
  const info = dictOf(objects, trailer["/Info"]);
  expect(info["/GTS_PDFXVersion"]).toBe("u:PDF/X-3:2002");
  const catalog = dictOf(objects, trailer["/Root"]);
  const intents = catalog["/OutputIntents"] as string[];
  expect(intents).toHaveLength(1);
  const intent = dictOf(objects, intents[0]);
  expect(intent["/S"]).toBe("/GTS_PDFX");
  expect(intent["/OutputConditionIdentifier"]).toBe("u:CGATS TR 001");
  expect(dictOf(objects, intent["/DestOutputProfile"])["/N"]).toBe(4);
  expect(catalog["/Outlines"]).toBeUndefined();
  const pages = Object.values(objects)
    .map((o) => o.value)
    .filter((v): v is Record<string, unknown> => v?.["/Type"] === "/Page");
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) {
    expect(page["/TrimBox"]).toBeDefined();
    expect(page["/BleedBox"]).toBeDefined();
    expect(page["/Annots"]).toBeUndefined();
  }
  for (const font of pdfFonts(path)) expect(font.embedded, font.name).toBe(true);
  expect(execFileSync("pdffonts", [path], { encoding: "utf8" })).not.toMatch(/Type 3/);
}

describe("press PDF of a black-and-white book", () => {
  let reader: string;
  let press: string;

  beforeAll(async () => {
    const book = syntheticBook();
    writeFileSync(join(book, "book.yaml"), `${readFileSync(join(book, "book.yaml"), "utf8")}print:\n  printer: kdp\n`);
    reader = (await buildBook(book, ["pdf"])).path("pdf");
    press = join(tempDir(), "press.pdf");
    await writePressPdf(reader, press, { colour: "grey", date: new Date("2026-01-01T00:00:00Z") });
  }, 240_000);

  it("is PDF/X-3 with a GTS_PDFX OutputIntent, boxes on every page, no annotation, every font embedded and none Type 3", () => {
    checkPdfx(press);
  });

  it("prints with black ink only: no cyan, magenta or yellow on any page", () => {
    const pages = inkCoverage(press);
    expect(pages.length).toBe(
      Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [press], { encoding: "utf8" }))![1]),
    );
    pages.forEach(([c, m, y], i) => expect([c, m, y], `page ${i + 1}`).toEqual([0, 0, 0]));
    expect(pages.some(([, , , k]) => k > 0)).toBe(true);
  });

  it("has the reader's pages, text and page labels", async () => {
    const [a, b] = [pagesText(reader), pagesText(press)];
    expect(b.length).toBe(a.length);
    b.forEach((text, i) => expect(text, `page ${i + 1}`).toBe(a[i]));
    expect(await (await openPdf(press)).getPageLabels()).toEqual(await (await openPdf(reader)).getPageLabels());
  });

  it("is the same bytes when made again", async () => {
    const again = join(tempDir(), "press.pdf");
    await writePressPdf(reader, again, { colour: "grey", date: new Date("2026-01-01T00:00:00Z") });
    expect(readFileSync(again).equals(readFileSync(press))).toBe(true);
  });

  it("in colour is CMYK PDF/X-3 whose text is black ink only", async () => {
    const colour = join(tempDir(), "colour.pdf");
    await writePressPdf(reader, colour, { colour: "cmyk", blackText: true, date: new Date("2026-01-01T00:00:00Z") });
    checkPdfx(colour);
    // The synthetic book's figures are grey SVG drawings and its rules black: CMYK's black and greys, no colour ink.
    for (const [c, m, y] of inkCoverage(colour)) expect(Math.max(c, m, y)).toBeLessThan(0.02);
  });
});

/** A solid-colour RGB PNG of `width` × `height`. */
function solidPng(path: string, width: number, height: number, rgb: [number, number, number]): void {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  writeFileSync(
    path,
    Buffer.concat([
      signature,
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** The colour of the pixel at (`x`, `y`), as fractions of the width and height, of page 1 of a PDF rendered by poppler. */
function pixelAt(path: string, x: number, y: number): number[] {
  const ppm = execFileSync("pdftoppm", ["-r", "10", "-f", "1", "-l", "1", path], { maxBuffer: 1 << 26 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const offset = header[0].length + 3 * (Math.floor(y * height) * width + Math.floor(x * width));
  return [ppm[offset], ppm[offset + 1], ppm[offset + 2]];
}

describe("folio release of a book that names a printer", () => {
  let out: string;
  let run: { status: number | null; stderr: string };
  const stem = "the-field-guide-to-folio-1.0";

  beforeAll(() => {
    const book = join(tempDir(), "book");
    cpSync(fixture("features"), book, { recursive: true });
    solidPng(join(book, "cover.png"), 160, 256, [200, 30, 30]);
    writeFileSync(
      join(book, "book.yaml"),
      `${readFileSync(join(book, "book.yaml"), "utf8")}cover: cover.png\nprint:\n  printer: generic\n`,
    );
    out = join(tempDir(), "release");
    const result = spawnSync(process.execPath, [join(repoRoot, "bin", "folio.js"), "release", "-m", book, "-o", out], {
      env: { ...process.env, SOURCE_DATE_EPOCH: "1741910400" },
      encoding: "utf8",
      timeout: 280_000,
    });
    run = { status: result.status, stderr: result.stderr };
  }, 300_000);

  it("writes the press PDFs of interior and cover and the preflight report beside the editions", () => {
    expect(run.status, run.stderr).toBe(0);
    const report = readFileSync(join(out, `${stem}-preflight.txt`), "utf8");
    expect(report).toMatch(
      /^Preflight for the generic printer profile \(PDF\/X-3:2002\), paperback, black-and-white, white paper$/m,
    );
    // The fixture is a few pages: too thin a spine for its title.
    expect(report).toMatch(
      /book\.yaml:\d+:\d+ {2}warning {2}The spine, [\d.]+ in for \d+ pages, is too thin for the title/,
    );
    const sums = readFileSync(join(out, "SHA256SUMS"), "utf8");
    for (const name of [`${stem}-press.pdf`, `${stem}-cover-press.pdf`, `${stem}-preflight.txt`])
      expect(sums).toContain(name);
    checkPdfx(join(out, `${stem}-press.pdf`));
    checkPdfx(join(out, `${stem}-cover-press.pdf`));
  });

  it("fronts the print cover with the author's cover image, and paints back and spine in its colour", () => {
    // Front panel, middle; back panel, middle: both the image's red (the back carries the title and description higher up).
    const front = pixelAt(join(out, `${stem}-cover.pdf`), 0.75, 0.5);
    const back = pixelAt(join(out, `${stem}-cover.pdf`), 0.1, 0.95);
    for (const pixel of [front, back]) {
      expect(Math.abs(pixel[0] - 200)).toBeLessThan(12);
      expect(Math.abs(pixel[1] - 30)).toBeLessThan(12);
    }
  });
});
