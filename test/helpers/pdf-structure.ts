/**
 * Reading a tagged PDF's logical structure in tests: the structure elements in order, the IDTree,
 * the named destinations, and whether the parent tree and the elements agree on who owns each
 * piece of marked content and each annotation.
 */
import { readFileSync } from "node:fs";
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFObject,
} from "pdf-lib";

export interface PdfStructure {
  /** Every structure element in preorder: depth, type, and its ID, Alt and Lang when set. */
  readonly elements: string[];
  /** The IDTree's names in stored order. */
  readonly ids: string[];
  /** Named destination → page index (from 0). */
  readonly destinations: Record<string, number>;
  /** Where the parent tree and the elements disagree, or a page's content has no owner. */
  readonly problems: string[];
}

const name = (key: string) => PDFName.of(key);
const text = (value: PDFObject | undefined) =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

/** Pairs of a number tree (`Nums`) or name tree (`Names`), following its kids. */
function leaves(tree: PDFDict | undefined, key: "Nums" | "Names"): [PDFObject, PDFObject][] {
  if (!tree) return [];
  const array = tree.lookupMaybe(name(key), PDFArray)?.asArray() ?? [];
  const pairs: [PDFObject, PDFObject][] = [];
  for (let i = 0; i + 1 < array.length; i += 2) pairs.push([array[i], array[i + 1]]);
  const kids = tree.lookupMaybe(name("Kids"), PDFArray);
  for (let i = 0; i < (kids?.size() ?? 0); i++) pairs.push(...leaves(kids!.lookup(i, PDFDict), key));
  return pairs;
}

export async function pdfStructure(path: string): Promise<PdfStructure> {
  const pdf = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  const pages = pdf.getPages();
  const pageIndex = new Map(pages.map((page, i) => [page.ref.tag, i]));
  const root = pdf.catalog.lookupMaybe(name("StructTreeRoot"), PDFDict);
  const problems: string[] = [];

  const parents = new Map<number, PDFObject>();
  for (const [key, value] of leaves(root?.lookupMaybe(name("ParentTree"), PDFDict), "Nums")) {
    const number = (key as PDFNumber).asNumber();
    if (parents.has(number)) problems.push(`parent tree key ${number} appears twice`);
    parents.set(number, value);
  }
  const keyOf = (dict: PDFDict, entry: string) =>
    dict.get(name(entry)) instanceof PDFNumber ? (dict.get(name(entry)) as PDFNumber).asNumber() : undefined;

  const elements: string[] = [];
  /** "page:mcid" → the element that holds it, from the elements' side. */
  const owners = new Map<string, string>();
  const walk = (ref: PDFObject, depth: number) => {
    const element = pdf.context.lookup(ref);
    if (!(element instanceof PDFDict) || !(ref instanceof PDFRef)) return;
    const type = element.get(name("S"));
    const extras = ["ID", "Alt", "Lang"]
      .map((key) => text(element.get(name(key))))
      .map((value, i) => (value === undefined ? "" : ` ${["ID", "Alt", "Lang"][i]}=${value}`));
    elements.push(`${depth} ${String(type)}${extras.join("")}`);
    const page = element.get(name("Pg"));
    const k = element.get(name("K"));
    const kids =
      k === undefined
        ? []
        : pdf.context.lookup(k) instanceof PDFArray
          ? pdf.context.lookup(k, PDFArray).asArray()
          : [k];
    for (const kid of kids) {
      const value = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid;
      if (value instanceof PDFNumber) {
        owners.set(`${page instanceof PDFRef ? pageIndex.get(page.tag) : "?"}:${value.asNumber()}`, ref.tag);
      } else if (value instanceof PDFDict && value.get(name("Type")) === name("MCR")) {
        const mcrPage = value.get(name("Pg")) ?? page;
        owners.set(
          `${mcrPage instanceof PDFRef ? pageIndex.get(mcrPage.tag) : "?"}:${(value.get(name("MCID")) as PDFNumber).asNumber()}`,
          ref.tag,
        );
      } else if (value instanceof PDFDict && value.get(name("Type")) === name("OBJR")) {
        const annot = pdf.context.lookup(value.get(name("Obj")));
        const key = annot instanceof PDFDict ? keyOf(annot, "StructParent") : undefined;
        const parent = key === undefined ? undefined : parents.get(key);
        if (!(parent instanceof PDFRef) || parent.tag !== ref.tag)
          problems.push(`the annotation of ${String(type)} ${ref.tag} has parent tree key ${key} pointing elsewhere`);
      } else if (kid instanceof PDFRef) walk(kid, depth + 1);
    }
  };
  const top = root?.get(name("K"));
  if (top)
    for (const kid of pdf.context.lookup(top) instanceof PDFArray ? pdf.context.lookup(top, PDFArray).asArray() : [top])
      walk(kid, 0);

  // From the pages' side: each marked content id the parent tree gives an owner must be owned by it.
  let claimed = 0;
  pages.forEach((page, i) => {
    const key = keyOf(page.node, "StructParents");
    if (key === undefined) return;
    const entry = pdf.context.lookup(parents.get(key));
    if (!(entry instanceof PDFArray)) {
      problems.push(`page ${i + 1}: StructParents ${key} has no array in the parent tree`);
      return;
    }
    entry.asArray().forEach((owner, mcid) => {
      if (!(owner instanceof PDFRef)) return;
      claimed++;
      if (owners.get(`${i}:${mcid}`) !== owner.tag)
        problems.push(
          `page ${i + 1}, mcid ${mcid}: the parent tree names ${owner.tag}, the elements ${owners.get(`${i}:${mcid}`)}`,
        );
    });
  });
  if (claimed !== owners.size)
    problems.push(`the elements hold ${owners.size} marked contents, the parent tree ${claimed}`);

  const ids = leaves(root?.lookupMaybe(name("IDTree"), PDFDict), "Names").map(([key]) => text(key) ?? "?");
  const destinations: Record<string, number> = {};
  const dests = pdf.catalog.lookupMaybe(name("Dests"), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) {
    const target = pdf.context.lookup(value);
    const page = target instanceof PDFArray ? target.get(0) : undefined;
    destinations[key.decodeText()] = page instanceof PDFRef ? (pageIndex.get(page.tag) ?? -1) : -1;
  }
  return { elements, ids, destinations, problems };
}
