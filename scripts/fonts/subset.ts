/**
 * The fonts an EPUB or a web page carries: only the files whose characters the book uses (a family cut by
 * Unicode range). The EPUB's are subset to those characters with harfbuzz's hb-subset (subset-font), as
 * TrueType: Source Serif 4's five faces, 1.6 MB whole, are 0.2 MB for the French fixture book. Chromium
 * subsets the PDF's fonts itself. The web page carries its WOFF2 files whole: compressing a subset to WOFF2
 * (brotli in wasm) took 1.3–3.7 s a face where subsetting to TrueType took 25–100 ms (measured on Source
 * Serif 4 and EB Garamond), and a WOFF2 file is already about a third of its TrueType.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import subsetFont from "subset-font";
import { type FontFace, type FontSet, isWoff2 } from "../templates.js";

export interface EmbeddedFace {
  readonly face: FontFace;
  /** File name in the edition (`SourceSerif4-Regular.ttf`). */
  readonly name: string;
  readonly data: Buffer;
  readonly format: "truetype" | "woff2";
}

/** Characters styles may draw that the text does not hold: generated content, list markers, leaders, digits. */
const drawnByStyles = " !\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~•◦▪–—‘’“”«»…↪☑☐";

/**
 * `text` with each letter in both cases: styles set part titles, labels and lead-ins in capitals or
 * small capitals (`text-transform`), which draws letters the text never holds in that case. A site
 * built from a subset without them showed a fallback font's "U" in "THE HARBOUR".
 */
export function bothCases(text: string): string {
  return `${text}${text.toUpperCase()}${text.toLowerCase()}`;
}

/** The faces of `fonts` that draw characters of `text` (and of the styles, `css`), each cut to those characters. */
export async function embeddedFaces(
  fonts: FontSet,
  text: string,
  css: string,
  edition: "epub" | "web",
): Promise<EmbeddedFace[]> {
  const characters = [...new Set(`${bothCases(text)}${css}${drawnByStyles}`)]
    .filter((c) => c.codePointAt(0)! >= 0x20)
    .join("");
  const codePoints = [...characters].map((c) => c.codePointAt(0)!);
  const used = (face: FontFace) => !face.unicodeRange || codePoints.some((cp) => inRange(face.unicodeRange!, cp));
  const names = new Set<string>();
  const faces = fonts.faces.filter(used);
  return Promise.all(
    faces.map(async (face) => {
      const source = edition === "web" ? face.web : face.file;
      const format = edition === "web" && isWoff2(source) ? "woff2" : "truetype";
      let name = `${basename(source, extname(source))}.${format === "woff2" ? "woff2" : "ttf"}`;
      for (let n = 2; names.has(name); n++) name = name.replace(/(-\d+)?(\.\w+)$/, `-${n}$2`);
      names.add(name);
      const bytes = await readFile(source);
      const data = edition === "web" ? bytes : await subsetFont(bytes, characters, { targetFormat: "truetype" });
      return { face, name, data, format } as const;
    }),
  );
}

const ranges = new Map<string, (readonly [number, number])[]>();

/** Whether `codePoint` is in a CSS unicode-range (`U+0000-00FF, U+0131`). */
export function inRange(unicodeRange: string, codePoint: number): boolean {
  let parsed = ranges.get(unicodeRange);
  if (!parsed) {
    parsed = unicodeRange.split(",").map((part) => {
      const [lo, hi] = part.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(lo.replace(/\?/g, "0"), 16), parseInt((hi ?? lo).replace(/\?/g, "F"), 16)] as const;
    });
    ranges.set(unicodeRange, parsed);
  }
  return parsed.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

/** The @font-face rules of embedded faces, each naming its file by `url(name)`. */
export function embeddedFaceRules(
  faces: readonly EmbeddedFace[],
  family: string,
  url: (face: EmbeddedFace) => string,
  extra = "",
): string {
  return faces
    .map(
      (e) =>
        `@font-face { font-family: "${e.face.family ?? family}"; font-weight: ${e.face.weight}; font-style: ${e.face.style}; ${extra}src: ${url(e)} format("${e.format}");${e.face.unicodeRange ? ` unicode-range: ${e.face.unicodeRange};` : ""} }`,
    )
    .join("\n");
}
