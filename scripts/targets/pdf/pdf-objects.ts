/** Copying PDF objects between documents, and reading and rewriting name and number trees. */
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFPageTree,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
} from "pdf-lib";

const name = (key: string) => PDFName.of(key);

export type Copy = ((object: PDFObject) => PDFObject) & { seed(from: PDFRef, to: PDFRef): void };

/**
 * Copies objects of `src` into `dest`, following references; each object is copied once, so
 * what the copied objects share stays shared. `seed` makes a reference of `src` stand for one
 * of `dest` instead (a part's structure root for the base's, in join.ts).
 */
export function copier(src: PDFContext, dest: PDFContext): Copy {
  const refs = new Map<PDFRef, PDFRef>();
  const copy = ((object: PDFObject): PDFObject => {
    if (object instanceof PDFRef) {
      let ref = refs.get(object);
      if (!ref) {
        ref = dest.nextRef();
        refs.set(object, ref);
        const target = src.lookup(object);
        if (target) dest.assign(ref, copy(target));
      }
      return ref;
    }
    if (object instanceof PDFDict) {
      // A page tree node stays one (pdf-lib finds pages by class); a plain clone would not be.
      const dict = object instanceof PDFPageTree ? PDFPageTree.fromMapWithContext(new Map(), dest) : object.clone(dest);
      for (const [key, value] of object.entries()) dict.set(key, copy(value));
      return dict;
    }
    if (object instanceof PDFArray) {
      const array = object.clone(dest);
      for (let i = 0; i < object.size(); i++) array.set(i, copy(object.get(i)));
      return array;
    }
    if (object instanceof PDFStream) {
      const stream = object.clone(dest);
      for (const [key, value] of object.dict.entries()) stream.dict.set(key, copy(value));
      return stream;
    }
    // Names, numbers, strings, booleans and null do not change.
    return object;
  }) as Copy;
  copy.seed = (from, to) => void refs.set(from, to);
  return copy;
}

/** A name tree's key as text. */
export const treeKey = (key: PDFObject) =>
  key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : String(key);

/** The leaves of a name tree (`Names`) or number tree (`Nums`), as [key, value] pairs in order. */
export function treeLeaves(tree: PDFDict | undefined, leaves: "Names" | "Nums"): (readonly [PDFObject, PDFObject])[] {
  if (!tree) return [];
  const pairs: (readonly [PDFObject, PDFObject])[] = [];
  const array = tree.lookupMaybe(name(leaves), PDFArray);
  for (let i = 0; i + 1 < (array?.size() ?? 0); i += 2) pairs.push([array!.get(i), array!.get(i + 1)]);
  const kids = tree.lookupMaybe(name("Kids"), PDFArray);
  for (let i = 0; i < (kids?.size() ?? 0); i++) pairs.push(...treeLeaves(kids!.lookup(i, PDFDict), leaves));
  return pairs;
}

/** Make `root[entry]` one flat tree node holding `pairs`, deleting the kid nodes it had. */
export function setFlatTree(
  context: PDFContext,
  root: PDFDict,
  entry: string,
  leaves: "Names" | "Nums",
  pairs: readonly (readonly [PDFObject, PDFObject])[],
): void {
  let tree = root.lookupMaybe(name(entry), PDFDict);
  if (!tree) {
    tree = context.obj({});
    root.set(name(entry), context.register(tree));
  }
  const dropKids = (node: PDFDict) => {
    const kids = node.lookupMaybe(name("Kids"), PDFArray);
    for (let i = 0; i < (kids?.size() ?? 0); i++) {
      const ref = kids!.get(i);
      dropKids(kids!.lookup(i, PDFDict));
      if (ref instanceof PDFRef) context.delete(ref);
    }
  };
  dropKids(tree);
  tree.delete(name("Kids"));
  tree.delete(name("Limits"));
  tree.set(name(leaves), context.obj(pairs.flat()));
}
