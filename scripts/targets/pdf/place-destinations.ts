/**
 * The printout's named destinations of places (the marks and targets the index and the references
 * link to): checked against the pages the layout found, and pointed at them for inline places.
 */
import { PDFDict, PDFName, type PDFDocument } from "pdf-lib";
import type { LaidOut } from "./layout.js";
import { destinationId, namedDestinations } from "./pdf-links.js";

const pointsPerPx = 0.75;

/**
 * The places the printout put on another page than `pages` says, with the label of the page they
 * printed on. Inline places are left out: Chromium's destination for one is where its line stood
 * before a break moved it (it named the page before for a word a widow pushed to the next page's
 * first line, which printed, as laid out, on the next); `pinDestinations` points those instead.
 */
export function misplaced(
  pdf: PDFDocument,
  pages: ReadonlyMap<string, number>,
  places: LaidOut["places"],
  labelOf: (index: number) => string,
): Record<string, string> {
  const wrong: Record<string, string> = {};
  for (const [id, printed] of namedDestinations(pdf))
    if (pages.has(id) && !places[id]?.[3] && pages.get(id) !== printed) wrong[id] = labelOf(printed);
  return wrong;
}

/** Point the destination of each inline place at its page and its line's top (`marginTop`, the page's top margin, in points). */
export function pinDestinations(
  pdf: PDFDocument,
  pages: ReadonlyMap<string, number>,
  places: LaidOut["places"],
  marginTop: number,
): void {
  const dests = pdf.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  if (!dests) return;
  const pageRefs = pdf.getPages();
  for (const [key] of dests.entries()) {
    const id = destinationId(key.asString());
    const page = pages.get(id);
    const place = places[id];
    if (page === undefined || !place?.[3]) continue;
    const target = pageRefs[page];
    const y = target.getHeight() - marginTop - place[2] * pointsPerPx;
    dests.set(key, pdf.context.obj([target.ref, PDFName.of("XYZ"), null, y, null]));
  }
}
