/** Where a book's fonts come from: a Fontsource package (its CSS names every file), another npm package or font files. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { folioRoot } from "../root.js";

/** One font file of a family: its weight and style, and the characters it is for when cut by Unicode range. */
export interface SourceFace {
  readonly family: string;
  readonly weight: number;
  readonly style: "normal" | "italic";
  readonly file: string;
  readonly unicodeRange?: string;
}

const fontExtensions = new Set([".ttf", ".otf", ".woff2", ".woff"]);

/** The folder of npm package `name`, looked for from the book's folder up, then in Folio's own install. */
export function packageDir(name: string, from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules", name, "package.json"))) return join(dir, "node_modules", name);
    if (dirname(dir) === dir) break;
  }
  const own = join(folioRoot, "node_modules", name);
  return existsSync(join(own, "package.json")) ? own : undefined;
}

/** Whether `dir` is a Fontsource package: CSS files named by weight (`400.css`, `700-italic.css`). */
export function isFontsource(dir: string): boolean {
  return existsSync(join(dir, "400.css")) || readdirSync(dir).some((name) => /^\d+\.css$/.test(name));
}

/** Every face a Fontsource package declares, one per file of each weight and style (`400.css`, `400-italic.css`). */
export function fontsourceFaces(dir: string): SourceFace[] {
  return readdirSync(dir)
    .filter((name) => /^\d+(-italic)?\.css$/.test(name))
    .sort()
    .flatMap((name) => cssFaces(join(dir, name)));
}

/** The @font-face rules of a Fontsource CSS file, each a woff2 file with its unicode-range. */
export function cssFaces(cssPath: string): SourceFace[] {
  const css = readFileSync(cssPath, "utf8");
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].flatMap(([, body]) => {
    const family = /font-family:\s*['"]?([^'";]+)['"]?;/.exec(body)?.[1].trim();
    const src = /url\(\.\/([^)]+\.woff2)\)/.exec(body)?.[1];
    if (!family || !src) return [];
    return [
      {
        family,
        weight: Number(/font-weight:\s*(\d+)/.exec(body)?.[1] ?? 400),
        style: /font-style:\s*italic/.test(body) ? ("italic" as const) : ("normal" as const),
        file: join(dirname(cssPath), src),
        unicodeRange: /unicode-range:\s*([^;]+);/.exec(body)?.[1].trim(),
      },
    ];
  });
}

/** The font files under `dir` (a package without Fontsource's CSS), static ones only. */
export function fontFilesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[])
    .filter((name) => fontExtensions.has(extname(name).toLowerCase()) && !name.split(/[\\/]/).includes("node_modules"))
    .map((name) => join(dir, name))
    .sort();
}

/** What a font file says of itself: family, weight, style, and its outlines (`truetype`, `cff`) and whether it varies. */
export interface FontFacts {
  readonly family: string;
  readonly weight: number;
  readonly style: "normal" | "italic";
  readonly outlines: "truetype" | "cff" | "none";
  readonly variable: boolean;
}

/** Read a font file's facts with fontkit, or undefined when it is not a font. */
export function fontFacts(file: string): FontFacts | undefined {
  let font: ReturnType<typeof fontkit.create>;
  try {
    font = fontkit.create(readFileSync(file));
  } catch {
    return undefined;
  }
  const tables = (font as unknown as { directory?: { tables: Record<string, unknown> } }).directory?.tables ?? {};
  const names = font as unknown as { familyName?: string; getName?: (key: string) => string | null };
  const family = names.getName?.("preferredFamily") || names.familyName || "";
  const os2 = font["OS/2"] as { usWeightClass?: number; fsSelection?: { italic?: boolean } } | undefined;
  return {
    family,
    weight: os2?.usWeightClass ?? 400,
    style: os2?.fsSelection?.italic || font.italicAngle !== 0 ? "italic" : "normal",
    outlines: "glyf" in tables ? "truetype" : "CFF " in tables || "CFF2" in tables ? "cff" : "none",
    variable: "fvar" in tables,
  };
}
