/**
 * Joining PDFs that Chromium printed from one document in parts (see print-parts.ts) into one:
 * the pages, the tagged structure tree, the outline and the named destinations. Each part is a
 * complete tagged PDF; joined, they read as the document printed whole.
 */
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFDocument,
  type PDFObject,
} from "pdf-lib";
import { copier, setFlatTree, treeLeaves, treeKey, type Copy } from "./pdf-objects.js";

/**
 * Append `part` to `base`, in place. `base` must not have had its pages read yet: pdf-lib keeps
 * the page list it read, and the pages joined here are not in it. `continues` says that the
 * part's content lies inside the element that ends the base (the `main` holding the chapters,
 * when both hold chapters): the part's one top-level structure element is then that same element.
 */
export function joinPdf(base: PDFDocument, part: PDFDocument, continues: boolean): void {
  const copy = copier(part.context, base.context);
  const baseRoot = base.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  // The part's parent tree keys move past the base's, before anything of the part is copied.
  const offset = baseRoot ? nextKey(baseRoot) : 0;
  shiftKeys(part, offset);
  joinStructure(base, part, copy, offset, continues);
  joinPages(base, part, copy);
  joinOutline(base, part, copy);
  joinDestinations(base, part, copy);
}

const name = (key: string) => PDFName.of(key);

/** Move the parent tree keys of the part's pages and annotations by `offset`. */
function shiftKeys(part: PDFDocument, offset: number): void {
  for (const page of part.getPages()) {
    shiftKey(page.node, "StructParents", offset);
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = part.context.lookup(annots!.get(i));
      if (annot instanceof PDFDict) shiftKey(annot, "StructParent", offset);
    }
  }
}

/** The part's page tree becomes the last kid of the base's root. */
function joinPages(base: PDFDocument, part: PDFDocument, copy: Copy): void {
  const rootRef = base.catalog.get(name("Pages")) as PDFRef;
  const root = base.context.lookup(rootRef, PDFDict);
  const partRoot = copy(part.catalog.get(name("Pages"))!) as PDFRef;
  base.context.lookup(partRoot, PDFDict).set(name("Parent"), rootRef);
  root.lookup(name("Kids"), PDFArray).push(partRoot);
  const count = root.lookup(name("Count"), PDFNumber).asNumber() + part.getPageCount();
  root.set(name("Count"), PDFNumber.of(count));
}

function shiftKey(dict: PDFDict, key: string, offset: number): void {
  const value = dict.get(name(key));
  if (value instanceof PDFNumber) dict.set(name(key), PDFNumber.of(value.asNumber() + offset));
}

/**
 * The part's top-level structure elements join the base's document element; when the part
 * `continues` the base's last element, the children of its one top-level element join that
 * element instead. The part's parent tree entries, whose keys have moved by `offset`, join the
 * base's parent tree.
 */
function joinStructure(base: PDFDocument, part: PDFDocument, copy: Copy, offset: number, continues: boolean): void {
  const baseRoot = base.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  const partRoot = part.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  if (!baseRoot || !partRoot) return;
  copy.seed(part.catalog.get(name("StructTreeRoot")) as PDFRef, base.catalog.get(name("StructTreeRoot")) as PDFRef);
  const baseDocument = onlyKid(base.context, baseRoot);
  const partDocument = onlyKid(part.context, partRoot);
  if (baseDocument && partDocument) {
    copy.seed(partDocument.ref, baseDocument.ref);
    let [target, kids] = [baseDocument, kidsOf(part.context, partDocument.dict)];
    const last = lastKid(base.context, baseDocument.dict);
    const first = kids.length === 1 ? part.context.lookup(kids[0]) : undefined;
    if (continues && last && first instanceof PDFDict && kids[0] instanceof PDFRef && sameType(last.dict, first)) {
      copy.seed(kids[0], last.ref);
      [target, kids] = [last, kidsOf(part.context, first)];
    }
    appendKids(base.context, target.dict, kids.map(copy));
  } else {
    appendKids(base.context, baseRoot, kidsOf(part.context, partRoot).map(copy));
  }
  const shifted = treeLeaves(partRoot.lookupMaybe(name("ParentTree"), PDFDict), "Nums").map(
    ([key, value]) => [PDFNumber.of((key as PDFNumber).asNumber() + offset), copy(value)] as const,
  );
  setFlatTree(base.context, baseRoot, "ParentTree", "Nums", [
    ...treeLeaves(baseRoot.lookupMaybe(name("ParentTree"), PDFDict), "Nums"),
    ...shifted,
  ]);
  baseRoot.set(name("ParentTreeNextKey"), PDFNumber.of(offset + nextKey(partRoot)));
  joinIds(base.context, baseRoot, partRoot, copy);
}

/** The structure root's single element (Chromium's `Document`), with its reference. */
function onlyKid(context: PDFContext, root: PDFDict): { ref: PDFRef; dict: PDFDict } | undefined {
  const k = root.get(name("K"));
  const ref = k instanceof PDFRef ? k : k instanceof PDFArray && k.size() === 1 ? k.get(0) : undefined;
  const dict = ref instanceof PDFRef ? context.lookup(ref) : undefined;
  return ref instanceof PDFRef && dict instanceof PDFDict ? { ref, dict } : undefined;
}

function lastKid(context: PDFContext, element: PDFDict): { ref: PDFRef; dict: PDFDict } | undefined {
  const ref = kidsOf(context, element).at(-1);
  const dict = ref instanceof PDFRef ? context.lookup(ref) : undefined;
  return ref instanceof PDFRef && dict instanceof PDFDict ? { ref, dict } : undefined;
}

function sameType(a: PDFDict, b: PDFDict): boolean {
  const [s, t] = [a.get(name("S")), b.get(name("S"))];
  return s instanceof PDFName && s === t && !a.has(name("Pg")) && !b.has(name("Pg"));
}

/** The /K of a structure element as a list (it may be one kid or an array). */
function kidsOf(context: PDFContext, element: PDFDict): PDFObject[] {
  const k = element.get(name("K"));
  if (k === undefined) return [];
  const resolved = context.lookup(k);
  return resolved instanceof PDFArray ? resolved.asArray() : [k];
}

function appendKids(context: PDFContext, element: PDFDict, kids: PDFObject[]): void {
  element.set(name("K"), context.obj([...kidsOf(context, element), ...kids]));
}

function nextKey(root: PDFDict): number {
  const next = root.get(name("ParentTreeNextKey"));
  if (next instanceof PDFNumber) return next.asNumber();
  // One past the largest key (a long book has too many keys to spread into Math.max).
  return treeLeaves(root.lookupMaybe(name("ParentTree"), PDFDict), "Nums").reduce(
    (next, [key]) => (key instanceof PDFNumber ? Math.max(next, key.asNumber() + 1) : next),
    0,
  );
}

/**
 * The IDTree: ids name structure elements (table headers). Chromium draws them from its DOM
 * node ids, so each part brings ids of its own; the joined tree is kept sorted, as a name tree
 * must be.
 */
function joinIds(context: PDFContext, baseRoot: PDFDict, partRoot: PDFDict, copy: Copy): void {
  const partIds = treeLeaves(partRoot.lookupMaybe(name("IDTree"), PDFDict), "Names");
  if (partIds.length === 0) return;
  const pairs = new Map(
    treeLeaves(baseRoot.lookupMaybe(name("IDTree"), PDFDict), "Names").map(([key, value]) => [treeKey(key), value]),
  );
  for (const [key, element] of partIds) if (!pairs.has(treeKey(key))) pairs.set(treeKey(key), copy(element));
  setFlatTree(
    context,
    baseRoot,
    "IDTree",
    "Names",
    [...pairs.keys()].sort().map((id) => [PDFString.of(id), pairs.get(id)!] as const),
  );
}

/** The part's top-level bookmarks follow the base's. */
function joinOutline(base: PDFDocument, part: PDFDocument, copy: Copy): void {
  const partOutline = part.catalog.lookupMaybe(name("Outlines"), PDFDict);
  const partFirst = partOutline?.get(name("First"));
  if (!partOutline || !(partFirst instanceof PDFRef)) return;
  const existing = base.catalog.get(name("Outlines"));
  const outlineRef =
    existing instanceof PDFRef ? existing : base.context.register(base.context.obj({ Type: "Outlines", Count: 0 }));
  base.catalog.set(name("Outlines"), outlineRef);
  const outline = base.context.lookup(outlineRef, PDFDict);
  copy.seed(part.catalog.get(name("Outlines")) as PDFRef, outlineRef);
  const first = copy(partFirst) as PDFRef;
  const last = copy(partOutline.get(name("Last"))!) as PDFRef;
  const baseLast = outline.get(name("Last"));
  if (baseLast instanceof PDFRef) {
    base.context.lookup(baseLast, PDFDict).set(name("Next"), first);
    base.context.lookup(first, PDFDict).set(name("Prev"), baseLast);
  } else outline.set(name("First"), first);
  outline.set(name("Last"), last);
  const count = (dict: PDFDict) =>
    dict.get(name("Count")) instanceof PDFNumber ? (dict.get(name("Count")) as PDFNumber).asNumber() : 0;
  outline.set(name("Count"), PDFNumber.of(count(outline) + count(partOutline)));
}

/** Named destinations of the part join the base's; a link in one part may point into another. */
function joinDestinations(base: PDFDocument, part: PDFDocument, copy: Copy): void {
  const partDests = part.catalog.lookupMaybe(name("Dests"), PDFDict);
  if (!partDests) return;
  let dests = base.catalog.lookupMaybe(name("Dests"), PDFDict);
  if (!dests) {
    dests = base.context.obj({});
    base.catalog.set(name("Dests"), base.context.register(dests));
  }
  for (const [key, value] of partDests.entries()) if (!dests.has(key)) dests.set(key, copy(value));
}
