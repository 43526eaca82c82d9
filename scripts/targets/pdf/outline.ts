/** Bookmark titles: Chromium drops the space where a heading wraps (`Spirit ofIndependence`); Folio knows the headings' text. */
import { PDFDict, PDFHexString, PDFName, type PDFDocument } from "pdf-lib";

/** Replace the outline's titles, in document order, with `titles` when both count the same headings. */
export function setOutlineTitles(pdf: PDFDocument, titles: readonly string[]): boolean {
  const items = outlineItems(pdf);
  if (items.length !== titles.length) return false;
  items.forEach((item, i) => item.set(PDFName.of("Title"), PDFHexString.fromText(titles[i])));
  return true;
}

/** Outline entries depth-first, which is document order. */
function outlineItems(pdf: PDFDocument): PDFDict[] {
  const root = pdf.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const items: PDFDict[] = [];
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      items.push(item);
      walk(item.lookupMaybe(PDFName.of("First"), PDFDict));
    }
  };
  walk(root?.lookupMaybe(PDFName.of("First"), PDFDict));
  return items;
}
