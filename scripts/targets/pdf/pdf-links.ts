/** Reading Chromium's PDF: where named destinations point, and the link boxes of a page. */
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  PDFHexString,
  type PDFDocument,
  type PDFPage,
} from "pdf-lib";

/** Named destination → page index (from 0), as Chromium writes them in the catalog's /Dests. */
export function namedDestinations(pdf: PDFDocument): Map<string, number> {
  const pageIndex = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i]));
  const found = new Map<string, number>();
  const dests = pdf.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  if (!dests) return found;
  for (const [name, value] of dests.entries()) {
    const array = pdf.context.lookup(value);
    const target = array instanceof PDFArray ? array.get(0) : undefined;
    if (target instanceof PDFRef && pageIndex.has(target.toString()))
      found.set(destinationId(name.asString()), pageIndex.get(target.toString())!);
  }
  return found;
}

export interface LinkBox {
  /** The named destination the link goes to. */
  readonly dest: string;
  /** [left, bottom, right, top] in PDF points. */
  readonly rect: [number, number, number, number];
}

/** The internal links of `page` with their boxes. */
export function linkBoxes(pdf: PDFDocument, page: PDFPage): LinkBox[] {
  const annots = page.node.Annots();
  if (!annots) return [];
  const boxes: LinkBox[] = [];
  for (let i = 0; i < annots.size(); i++) {
    const annot = pdf.context.lookup(annots.get(i));
    if (!(annot instanceof PDFDict)) continue;
    const dest = annot.get(PDFName.of("Dest"));
    const rect = annot.lookupMaybe(PDFName.of("Rect"), PDFArray);
    if (!rect || !(dest instanceof PDFName || dest instanceof PDFString || dest instanceof PDFHexString)) continue;
    const name = dest instanceof PDFName ? decodeName(dest.asString()) : dest.decodeText();
    const [x1, y1, x2, y2] = rect.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0));
    boxes.push({ dest: name, rect: [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)] });
  }
  return boxes;
}

/** The element id a named destination of the catalog's /Dests names. */
export function destinationId(name: string): string {
  return decodeName(name);
}

/**
 * `/a#2Db` → `a-b`; names hold UTF-8 bytes. Chromium names a destination by the link's URL
 * fragment, percent-encoded: the id `한국어` becomes `/#25ED#2595#259C…` (`%ED%95%9C…`), which
 * matched no heading id, so a chapter titled in any non-Latin script got no contents number.
 * The percent-encoding is undone too (an id that itself holds `%` and two hex digits would
 * read back altered; slugs never hold `%`).
 */
function decodeName(name: string): string {
  const text = decodeBytes(name);
  if (!/%[0-9A-Fa-f]{2}/.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function decodeBytes(name: string): string {
  const bytes: number[] = [];
  const raw = name.replace(/^\//, "");
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "#" && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(raw.charCodeAt(i) & 0xff);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
