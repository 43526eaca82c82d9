/**
 * Reproducible PDF bytes: whatever produced the PDF (Chromium, pdf-lib), the same content gives
 * the same file. Fixes the dates, drops XMP metadata (it repeats dates and a random document id),
 * names font subsets by their content, numbers the structure elements' ids in order, and derives
 * the trailer /ID from the bytes.
 */
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
} from "pdf-lib";

const subsetName = /^[A-Z]{6}\+(.+)$/;

/** Return `bytes` rewritten so that two PDFs of the same content dated `date` are byte-identical. */
export async function makePdfDeterministic(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  normalizePdf(pdf, date);
  delete pdf.context.trailerInfo.ID;
  return saveWithId(pdf, await pdf.save({ useObjectStreams: false }));
}

/** Fix dates, drop XMP and name font subsets by content, in place. */
export function normalizePdf(pdf: PDFDocument, date: Date): void {
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  removeXmp(pdf);
  renameSubsets(pdf);
  renumberNodeIds(pdf);
}

/**
 * `text` (a print document) without the places of the folders it names files in (`dirs`, and any
 * `node_modules`): a seed of the same document wherever the book and Folio are installed.
 */
export function withoutLocations(text: string, dirs: readonly string[]): string {
  let out = text.replace(/file:\/\/[^"'()\s]*?\/node_modules\//g, "node_modules/");
  for (const [i, dir] of dirs.entries()) out = out.split(pathToFileURL(dir).href).join(`folder-${i}:`);
  return out;
}

/** Save `pdf` with a trailer /ID derived from `seed` (bytes that determine the content). */
export function saveWithId(pdf: PDFDocument, seed: Uint8Array): Promise<Uint8Array> {
  const id = PDFHexString.of(createHash("md5").update(seed).digest("hex"));
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]) as PDFArray;
  return pdf.save({ useObjectStreams: false });
}

const nodeId = /^node(\d+)$/;

/**
 * Chromium names the tagged PDF's structure elements (`node00000063`, in the IDTree, table
 * headers and the cells that point at them) by a counter of its renderer process, which earlier
 * pages of the same process have moved on. Number them from 1 in their order instead: the same
 * document then gives the same names, and the IDTree stays sorted.
 */
function renumberNodeIds(pdf: PDFDocument): void {
  const found = new Set<string>();
  const visit = (object: PDFObject | undefined, rename?: (id: string) => string): PDFObject | undefined => {
    if (object instanceof PDFString || object instanceof PDFHexString) {
      const text = object.decodeText();
      if (!nodeId.test(text)) return undefined;
      found.add(text);
      return rename ? PDFString.of(rename(text)) : undefined;
    }
    if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const renamed = visit(value, rename);
        if (renamed) object.set(key, renamed);
      }
    } else if (object instanceof PDFArray) {
      for (let i = 0; i < object.size(); i++) {
        const renamed = visit(object.get(i), rename);
        if (renamed) object.set(i, renamed);
      }
    }
    return undefined;
  };
  const objects = pdf.context.enumerateIndirectObjects().map(([, object]) => object);
  for (const object of objects) visit(object);
  if (found.size === 0) return;
  const ordered = [...found].sort((a, b) => Number(nodeId.exec(a)![1]) - Number(nodeId.exec(b)![1]));
  const width = ordered[ordered.length - 1].length - 4;
  const names = new Map(ordered.map((id, i) => [id, `node${String(i + 1).padStart(width, "0")}`]));
  for (const object of objects) visit(object, (id) => names.get(id)!);
}

/** Drop the catalog's XMP stream, object and all, so no orphan is written. */
function removeXmp(pdf: PDFDocument): void {
  const metadata = pdf.catalog.get(PDFName.of("Metadata"));
  if (metadata instanceof PDFRef) pdf.context.delete(metadata);
  pdf.catalog.delete(PDFName.of("Metadata"));
  // The trailer's /Size follows the largest object number ever used: count only the ones left.
  pdf.context.largestObjectNumber = Math.max(
    0,
    ...pdf.context.enumerateIndirectObjects().map(([ref]) => ref.objectNumber),
  );
}

/**
 * Give each subset font (`ABCDEF+Name`) a tag made from its embedded font program instead of a
 * counter or a random draw. Fonts are matched to their descriptor, not by name, since two
 * subsets of one font may carry the same name.
 */
function renameSubsets(pdf: PDFDocument): void {
  const dicts = pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict);
  for (const descriptor of dicts) {
    const name = descriptor.get(PDFName.of("FontName"));
    const match = name instanceof PDFName ? subsetName.exec(name.decodeText()) : null;
    const program = match ? fontProgram(pdf, descriptor) : undefined;
    if (!match || !program) continue;
    const digest = createHash("sha256").update(program).update(match[1]).digest();
    const tag = Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
    descriptor.set(PDFName.of("FontName"), PDFName.of(`${tag}+${match[1]}`));
  }
  for (const font of dicts) {
    const descriptor = descriptorOf(pdf, font);
    const renamed = descriptor?.get(PDFName.of("FontName"));
    if (renamed instanceof PDFName && font.get(PDFName.of("BaseFont")) instanceof PDFName)
      font.set(PDFName.of("BaseFont"), renamed);
  }
}

/** The font descriptor of a font dictionary, directly or through its descendant font (Type0). */
function descriptorOf(pdf: PDFDocument, font: PDFDict): PDFDict | undefined {
  const direct = pdf.context.lookup(font.get(PDFName.of("FontDescriptor")));
  if (direct instanceof PDFDict) return direct;
  const descendants = pdf.context.lookup(font.get(PDFName.of("DescendantFonts")));
  const first = descendants instanceof PDFArray ? pdf.context.lookup(descendants.get(0)) : undefined;
  const nested = first instanceof PDFDict ? pdf.context.lookup(first.get(PDFName.of("FontDescriptor"))) : undefined;
  return nested instanceof PDFDict ? nested : undefined;
}

/** The raw bytes of the font program embedded by a font descriptor, if any. */
function fontProgram(pdf: PDFDocument, descriptor: PDFDict): Uint8Array | undefined {
  for (const key of ["FontFile2", "FontFile3", "FontFile"]) {
    const stream = pdf.context.lookup(descriptor.get(PDFName.of(key)));
    if (stream instanceof PDFRawStream) return stream.contents;
  }
  return undefined;
}
