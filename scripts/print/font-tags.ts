/**
 * Carrying each font's /ToUnicode through Ghostscript. Ghostscript rewrites them and garbles every
 * entry of more than one character (a ligature "ft" read as U+6600 U+7400; "fi" as U+FB01), and
 * renames the fonts from their programs, but keeps glyph ids. So each font of its output gets
 * back the map of the input font with the same name whose glyphs (its /W entries) it shares most.
 */
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFName,
  type PDFNumber,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
} from "pdf-lib";

export interface FontMap {
  readonly name: string;
  readonly glyphs: ReadonlySet<number>;
  readonly toUnicode: Uint8Array;
}

const baseName = (font: PDFDict) => String(font.get(PDFName.of("BaseFont")) ?? "").replace(/^\/([A-Z]{6}\+)?/, "");

function type0Fonts(pdf: PDFDocument): PDFDict[] {
  return pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter(
      (object): object is PDFDict =>
        object instanceof PDFDict && object.get(PDFName.of("Subtype")) === PDFName.of("Type0"),
    );
}

/** The glyph ids a Type0 font's /W gives widths for (`c [w…]` and `cFirst cLast w`). */
function glyphsOf(font: PDFDict): Set<number> {
  const cidFont = font.lookup(PDFName.of("DescendantFonts"), PDFArray).lookup(0, PDFDict);
  const widths = cidFont.lookup(PDFName.of("W"));
  const items = widths instanceof PDFArray ? widths.asArray() : [];
  const glyphs = new Set<number>();
  for (let i = 0; i + 1 < items.length; ) {
    const first = (items[i] as PDFNumber).asNumber();
    const next = items[i + 1];
    if (next instanceof PDFArray) {
      for (let k = 0; k < next.size(); k++) glyphs.add(first + k);
      i += 2;
    } else {
      for (let c = first; c <= (next as PDFNumber).asNumber(); c++) glyphs.add(c);
      i += 3;
    }
  }
  return glyphs;
}

/** Every Type0 font's name, glyphs and /ToUnicode CMap. */
export function fontMaps(pdf: PDFDocument): FontMap[] {
  return type0Fonts(pdf).flatMap((font) => {
    const toUnicode = font.lookup(PDFName.of("ToUnicode"));
    return toUnicode instanceof PDFRawStream
      ? [{ name: baseName(font), glyphs: glyphsOf(font), toUnicode: decodePDFRawStream(toUnicode).decode() }]
      : [];
  });
}

/** Give each font of Ghostscript's output the /ToUnicode of its input font. Returns how many it restored. */
export function restoreFonts(pdf: PDFDocument, maps: readonly FontMap[]): number {
  let restored = 0;
  for (const font of type0Fonts(pdf)) {
    const name = baseName(font);
    const glyphs = glyphsOf(font);
    let best: FontMap | undefined;
    let bestShare = 0;
    for (const map of maps) {
      if (map.name !== name) continue;
      const shared = [...glyphs].filter((g) => map.glyphs.has(g)).length;
      const share = shared / (glyphs.size + map.glyphs.size - shared || 1);
      if (share > bestShare) [best, bestShare] = [map, share];
    }
    if (!best) continue;
    const stream = pdf.context.flateStream(best.toUnicode);
    const old = font.get(PDFName.of("ToUnicode"));
    if (old instanceof PDFRef) pdf.context.assign(old, stream);
    else font.set(PDFName.of("ToUnicode"), pdf.context.register(stream));
    restored++;
  }
  return restored;
}
