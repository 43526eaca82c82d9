/**
 * Which embedded font draws a character: the body font (templates/fonts.json `faces`), else one of
 * the OFL fallback fonts of `fallbacks` (Noto, from @fontsource packages), which come cut into
 * files by Unicode range: a book embeds only the files whose characters it uses. A character none
 * of them has is reported (glyph-missing). Read once per process; the data never changes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { chapterData, type Book } from "../book.js";
import { templatesDir } from "../templates.js";

/** One file of a fallback font: the characters its @font-face says it is for, and its path. */
export interface FallbackFile {
  readonly family: string;
  readonly file: string;
  /** The @font-face `unicode-range` of the file, as written (`U+0600-06FF,U+200C`). */
  readonly unicodeRange: string;
  readonly ranges: readonly (readonly [number, number])[];
}

export interface GlyphFinder {
  /** `"body"` when the body font draws `codePoint`, the fallback file that does, or undefined. */
  readonly find: (codePoint: number) => "body" | FallbackFile | undefined;
  /** Every fallback file, in the order they are tried. */
  readonly files: readonly FallbackFile[];
  /** The OpenType math font that sets MathML (templates/fonts.json `math`), embedded only in a book with a formula. */
  readonly math?: FallbackFile;
}

interface FontsSpec {
  readonly package: string;
  readonly faces: readonly { readonly weight: number; readonly style: string; readonly file: string }[];
  readonly fallbacks?: readonly { readonly family: string; readonly package: string; readonly css: string }[];
  readonly math?: { readonly family: string; readonly package: string; readonly file: string };
}

const finders = new Map<string, GlyphFinder>();

/**
 * The finder for this Folio installation's fallback fonts and a body font: `bodyFiles`, the files of the book's
 * regular face (book.yaml `fonts:`; several when cut by Unicode range), else templates/fonts.json's.
 */
export function glyphFinder(bodyFiles?: readonly string[]): GlyphFinder {
  const key = bodyFiles?.join("\0") ?? "";
  let finder = finders.get(key);
  if (!finder) {
    finder = createFinder(JSON.parse(readFileSync(join(templatesDir, "fonts.json"), "utf8")) as FontsSpec, bodyFiles);
    finders.set(key, finder);
  }
  return finder;
}

function createFinder(spec: FontsSpec, bodyFiles?: readonly string[]): GlyphFinder {
  const require = createRequire(import.meta.url);
  const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
  const regular = spec.faces.find((face) => face.weight === 400 && face.style === "normal") ?? spec.faces[0];
  const files = bodyFiles?.length ? bodyFiles : [join(packageDir(spec.package), regular.file)];
  const body = new Set(files.flatMap((file) => fontkit.create(readFileSync(file)).characterSet));
  const fallbacks = (spec.fallbacks ?? []).flatMap((fallback) =>
    fallbackFiles(fallback.family, join(packageDir(fallback.package), fallback.css)),
  );
  const glyphs = new Map<string, Set<number>>();
  const has = (file: FallbackFile, codePoint: number) => {
    let set = glyphs.get(file.file);
    if (!set) glyphs.set(file.file, (set = new Set(fontkit.create(readFileSync(file.file)).characterSet)));
    return set.has(codePoint);
  };
  const found = new Map<number, "body" | FallbackFile | undefined>();
  const math = spec.math && {
    family: spec.math.family,
    file: join(packageDir(spec.math.package), spec.math.file),
    unicodeRange: "",
    ranges: [],
  };
  return {
    files: fallbacks,
    math,
    find: (codePoint) => {
      if (found.has(codePoint)) return found.get(codePoint);
      const result = body.has(codePoint)
        ? "body"
        : fallbacks.find(
            (file) => file.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi) && has(file, codePoint),
          );
      found.set(codePoint, result);
      return result;
    },
  };
}

/** The woff2 files of a fontsource CSS file (`400.css`), each with its unicode-range. */
function fallbackFiles(family: string, cssPath: string): FallbackFile[] {
  const css = readFileSync(cssPath, "utf8");
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].flatMap(([, body]) => {
    const src = /url\(\.\/([^)]+\.woff2)\)/.exec(body)?.[1];
    const unicodeRange = /unicode-range:\s*([^;]+);/.exec(body)?.[1].trim();
    if (!src || !unicodeRange) return [];
    const ranges = unicodeRange.split(",").map((part) => {
      const [lo, hi] = part.trim().replace(/^U\+/i, "").split("-");
      return [parseInt(lo, 16), parseInt(hi ?? lo, 16)] as const;
    });
    return [{ family, file: join(dirname(cssPath), src), unicodeRange, ranges }];
  });
}

/** Characters that are not drawn themselves: spaces, controls, joiners, variation selectors, emoji modifiers' tags. */
export function isInvisible(codePoint: number): boolean {
  return (
    codePoint <= 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0xa0) ||
    codePoint === 0xad ||
    (codePoint >= 0x2000 && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202f) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe007f) ||
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

/** The fallback files the book's chapters need, once each, in the order the finder tries them (so the same book embeds the same files). */
export function fallbackFilesOf(book: Book, others = "", bodyFiles?: readonly string[]): FallbackFile[] {
  const needed = new Set(book.chapters.flatMap((file) => chapterData(file).fallbackFonts ?? []));
  // Text the chapters do not hold but the editions print: book.yaml's title and names, Folio's own words.
  const finder = glyphFinder(bodyFiles);
  for (const character of new Set(others)) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint < 0x7f || isInvisible(codePoint)) continue;
    const found = finder.find(codePoint);
    if (found && found !== "body") needed.add(found.file);
  }
  if (needed.size === 0) return [];
  const { files, math } = finder;
  return [...files, ...(math ? [math] : [])].filter((file) => needed.has(file.file));
}
