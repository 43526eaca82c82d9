/**
 * The text layer of Chromium's fonts: Skia writes each font's /ToUnicode from the font's cmap read
 * backwards, which gives a glyph shared by two code points the lower one (U+2019 → U+02BC) and
 * a ligature none ("after" read "a er" in pdf.js); it puts the right text in /ActualText spans,
 * which poppler reads and pdf.js ignores. Write every glyph's text into /ToUnicode instead.
 */
import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { PDFDict, type PDFDocument, PDFName, PDFRef } from "pdf-lib";
import type { FontSet } from "../../templates.js";
import { glyphTexts } from "./glyph-text.js";

const subsetName = /^(?:[A-Z]{6}\+)?(.+)$/;

/**
 * Rewrite the /ToUnicode of every Identity-H font of `pdf` whose program is one of `fonts`'
 * faces (found by PostScript name; the glyph ids are the face's own, as Chromium keeps them).
 * Returns how many fonts it rewrote.
 * `html` is the print document: where two code points share a glyph, the one its text uses more wins.
 */
export async function fixToUnicode(pdf: PDFDocument, fonts: FontSet, html: string): Promise<number> {
  const faces = await facesByName(fonts);
  const counts = codePointCounts(textOf(html));
  const cache = new Map<string, Map<number, string>>();
  let fixed = 0;
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Subtype")) !== PDFName.of("Type0")) continue;
    const name = subsetName.exec(String(object.get(PDFName.of("BaseFont"))).slice(1))?.[1] ?? "";
    const face = faces.get(name);
    // pdf-lib's own subsets number their glyphs anew: their /ToUnicode is already from the text drawn.
    if (!face || String(object.get(PDFName.of("BaseFont"))).startsWith("/FOLIO")) continue;
    let texts = cache.get(name);
    if (!texts) cache.set(name, (texts = glyphTexts(face, counts)));
    // Every glyph of the face with a text, not only those /W lists: a glyph of the default width has no entry there.
    const cmap = pdf.context.flateStream(toUnicodeCmap([...texts].sort((a, b) => a[0] - b[0])));
    const old = object.get(PDFName.of("ToUnicode"));
    if (old instanceof PDFRef) pdf.context.assign(old, cmap);
    else object.set(PDFName.of("ToUnicode"), pdf.context.register(cmap));
    fixed++;
  }
  return fixed;
}

type Face = ReturnType<typeof fontkit.create>;

/**
 * The faces by PostScript name. A name that several files share (a fallback font cut into files by
 * Unicode range, each with its own glyph ids) is left out: which file a PDF font came from cannot be
 * told by its name, and a wrong file's glyph ids would give wrong text, so Chromium's own /ToUnicode stays.
 */
async function facesByName(fonts: FontSet): Promise<Map<string, Face>> {
  const faces = new Map<string, Face>();
  const shared = new Set<string>();
  for (const face of fonts.faces) {
    const font = fontkit.create(await readFile(face.file));
    const name = font.postscriptName;
    if (!name) continue;
    if (faces.has(name)) shared.add(name);
    faces.set(name, font);
  }
  for (const name of shared) faces.delete(name);
  return faces;
}

/**
 * The print document's text, without its styles and tags: the unicode-ranges of its @font-face rules
 * (`U+0600-06FF`) once outnumbered the text's "u", and a small-capital "lighthouse" read "lighthoUse".
 */
function textOf(html: string): string {
  return html.replace(/<style\b[\s\S]*?<\/style>/g, "").replace(/<[^>]*>/g, " ");
}

/**
 * How often the text uses each code point: where two code points share a glyph, or a substitution
 * makes a glyph from several, the text layer gives the one the book uses.
 */
function codePointCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    counts.set(cp, (counts.get(cp) ?? 0) + 1);
  }
  return counts;
}

const hex4 = (n: number) => n.toString(16).padStart(4, "0");
const utf16 = (text: string) => Array.from({ length: text.length }, (_, i) => hex4(text.charCodeAt(i))).join("");

/** A /ToUnicode CMap of `pairs` (bfchar blocks of at most 100 entries, as the CMap format requires). */
function toUnicodeCmap(pairs: readonly (readonly [number, string])[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    blocks.push(
      `${chunk.length} beginbfchar\n${chunk.map(([cid, text]) => `<${hex4(cid)}> <${utf16(text)}>`).join("\n")}\nendbfchar`,
    );
  }
  return [
    "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def",
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange",
    ...blocks,
    "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend",
  ].join("\n");
}
