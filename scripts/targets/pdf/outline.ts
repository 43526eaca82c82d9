/**
 * The PDF's bookmarks. Chromium makes one outline item per heading, nested by heading level, and
 * drops the space where a heading wraps (`Spirit ofIndependence`). Folio knows each heading's
 * title and its level in the book (a chapter inside a part is one level down, which no heading
 * level says): the items keep their destinations and are retitled and nested again from that.
 */
import { PDFDict, PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFRef } from "pdf-lib";

export interface OutlineEntry {
  readonly title: string;
  /** 1 for the top level. */
  readonly level: number;
}

/** Retitle and re-nest the outline's items, in document order, when they count the same as `entries`. */
export function setOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): boolean {
  const root = pdf.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const items = outlineItems(root);
  if (!root || items.length !== entries.length) return false;
  items.forEach(({ item }, i) => item.set(PDFName.of("Title"), PDFHexString.fromText(entries[i].title)));
  // Chromium's nesting is kept where it is already right: the same headings always give the same objects.
  if (items.every(({ depth }, i) => depth === entries[i].level)) return true;
  const refs = items.map(({ item }) => pdf.context.getObjectRef(item)!);
  const rootRef = pdf.catalog.get(PDFName.of("Outlines")) as PDFRef;
  const children = new Map<PDFRef, PDFRef[]>([[rootRef, []]]);
  const stack: { ref: PDFRef; level: number }[] = [{ ref: rootRef, level: 0 }];
  entries.forEach((entry, i) => {
    // A level skipped (a part's chapter opening on an `##`) nests under the nearest item above.
    while (stack.length > 1 && stack.at(-1)!.level >= entry.level) stack.pop();
    children.get(stack.at(-1)!.ref)!.push(refs[i]);
    children.set(refs[i], []);
    stack.push({ ref: refs[i], level: entry.level });
  });
  for (const [parentRef, kids] of children) link(pdf, parentRef, kids, parentRef === rootRef);
  return true;
}

/** Point `parentRef` at its `kids` and the kids at each other; open at the top level, closed below. */
function link(pdf: PDFDocument, parentRef: PDFRef, kids: readonly PDFRef[], isRoot: boolean): void {
  const parent = pdf.context.lookup(parentRef, PDFDict);
  for (const key of ["First", "Last", "Count"]) parent.delete(PDFName.of(key));
  kids.forEach((ref, i) => {
    const kid = pdf.context.lookup(ref, PDFDict);
    kid.set(PDFName.of("Parent"), parentRef);
    if (i > 0) kid.set(PDFName.of("Prev"), kids[i - 1]);
    else kid.delete(PDFName.of("Prev"));
    if (i < kids.length - 1) kid.set(PDFName.of("Next"), kids[i + 1]);
    else kid.delete(PDFName.of("Next"));
  });
  if (kids.length === 0) return;
  parent.set(PDFName.of("First"), kids[0]);
  parent.set(PDFName.of("Last"), kids[kids.length - 1]);
  parent.set(PDFName.of("Count"), PDFNumber.of(isRoot ? kids.length : -kids.length));
}

/** Outline entries depth-first, which is document order, with their depth from 1. */
function outlineItems(root: PDFDict | undefined): { item: PDFDict; depth: number }[] {
  const items: { item: PDFDict; depth: number }[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      items.push({ item, depth });
      walk(item.lookupMaybe(PDFName.of("First"), PDFDict), depth + 1);
    }
  };
  walk(root?.lookupMaybe(PDFName.of("First"), PDFDict), 1);
  return items;
}
