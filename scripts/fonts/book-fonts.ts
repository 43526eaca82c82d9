/** The families a book chooses under `fonts:` (body, heading, monospace), resolved to the files of the weights Folio sets. */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { isInside } from "../util/paths.js";
import { fontFacts, fontFilesUnder, fontsourceFaces, isFontsource, packageDir, type SourceFace } from "./sources.js";

/** What book.yaml says of one family: an npm package's name, or the package or files and the family. */
export type FontChoice = string | { readonly package?: string; readonly family?: string; readonly files?: string[] };
export type FontRole = "body" | "heading" | "monospace";
export type FontsOptions = Readonly<Partial<Record<FontRole, FontChoice>>>;

export interface FontProblem {
  readonly rule: "font-missing" | "font-cff" | "config-invalid-value";
  /** The key path of the choice in book.yaml (`fonts.body`, `fonts.body.files.0`). */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export interface RoleFonts {
  readonly family: string;
  readonly faces: readonly SourceFace[];
}

type Style = "normal" | "italic";
/** The weights and styles each role is set in by Folio's styles; a family's nearest are taken. */
const wanted: Readonly<Record<FontRole, readonly (readonly [number, Style])[]>> = {
  body: [
    [400, "normal"],
    [400, "italic"],
    [600, "normal"],
    [700, "normal"],
    [700, "italic"],
  ],
  heading: [
    [400, "normal"],
    [400, "italic"],
    [600, "normal"],
    [700, "normal"],
  ],
  monospace: [
    [400, "normal"],
    [400, "italic"],
    [700, "normal"],
  ],
};

/** Resolve one role's choice to its faces, or say why it cannot be used. */
export function resolveRole(
  role: FontRole,
  choice: FontChoice,
  manuscriptDir: string,
): { fonts?: RoleFonts; problems: FontProblem[] } {
  const given = typeof choice === "string" ? { package: choice } : choice;
  const at: (string | number)[] =
    typeof choice === "string" ? ["fonts", role] : ["fonts", role, given.files ? "files" : "package"];
  const fail = (rule: FontProblem["rule"], message: string, path = at) => ({ problems: [{ rule, path, message }] });
  let faces: SourceFace[];
  if (given.files) {
    faces = [];
    for (const [i, name] of given.files.entries()) {
      const file = resolve(manuscriptDir, name);
      if (!isInside(manuscriptDir, file) || !existsSync(file)) {
        const why = isInside(manuscriptDir, file) ? "does not exist" : "is outside the manuscript folder";
        return fail("font-missing", `Font file \`${name}\` ${why}: fix the path or add the file`, [...at, i]);
      }
      const facts = fontFacts(file);
      if (!facts)
        return fail("font-missing", `\`${name}\` is not a font file: give a .ttf, .otf or .woff2`, [...at, i]);
      faces.push({ family: given.family ?? facts.family, weight: facts.weight, style: facts.style, file });
    }
  } else if (given.package) {
    const dir = packageDir(given.package, manuscriptDir);
    if (!dir)
      return fail(
        "font-missing",
        `Font package \`${given.package}\` is not installed: add it to the book's project with \`npm install ${given.package}\``,
      );
    faces = isFontsource(dir) ? fontsourceFaces(dir) : packageFaces(dir);
    if (given.family) faces = faces.filter((face) => face.family === given.family);
    const families = [...new Set(faces.map((face) => face.family))];
    if (families.length !== 1)
      return fail(
        families.length === 0 ? "font-missing" : "config-invalid-value",
        families.length === 0
          ? `Font package \`${given.package}\` has no static font${given.family ? ` of the family \`${given.family}\`` : ""}: choose another package or family`
          : `Font package \`${given.package}\` holds several families (${families.join(", ")}): name one with \`family:\``,
      );
  } else return fail("config-invalid-value", "A font needs `package:` or `files:`", ["fonts", role]);
  const chosen = nearestFaces(faces, wanted[role]);
  for (const file of new Set(chosen.filter((face, i) => i === 0 || !face.unicodeRange).map((face) => face.file))) {
    if (fontFacts(file)?.outlines === "cff")
      return fail(
        "font-cff",
        `Font \`${file.split(/[\\/]/).pop()}\` has PostScript (CFF) outlines, which Chromium prints as a Type 3 font that printers refuse: use the family's TrueType (.ttf) files`,
      );
  }
  return { fonts: { family: chosen[0].family, faces: chosen }, problems: [] };
}

/** The static font files of a package without Fontsource's CSS, as faces. */
function packageFaces(dir: string): SourceFace[] {
  return fontFilesUnder(dir).flatMap((file) => {
    const facts = fontFacts(file);
    if (!facts || facts.variable || facts.outlines === "none") return [];
    return [{ family: facts.family, weight: facts.weight, style: facts.style, file }];
  });
}

/**
 * For each weight and style wanted, every face of the nearest weight the family has in that style (a Fontsource
 * weight is several files, one per Unicode range); none for a style the family lacks. TrueType files are
 * preferred to others of the same weight and style (a package that ships both).
 */
export function nearestFaces(faces: readonly SourceFace[], wants: readonly (readonly [number, Style])[]): SourceFace[] {
  const picked = new Set<string>();
  for (const [weight, style] of wants) {
    const weights = [...new Set(faces.filter((face) => face.style === style).map((face) => face.weight))];
    if (weights.length === 0) continue;
    const best = weights.reduce((a, b) => (Math.abs(b - weight) < Math.abs(a - weight) ? b : a));
    picked.add(`${best} ${style}`);
  }
  const kept = faces.filter((face) => picked.has(`${face.weight} ${face.style}`));
  // One file per weight and style unless they are cut by Unicode range: the first TrueType, else the first.
  const rank = (file: string) => (/\.ttf$/i.test(file) ? 0 : /\.woff2$/i.test(file) ? 1 : 2);
  const seen = new Set<string>();
  return kept
    .sort((a, b) => (a.unicodeRange || b.unicodeRange ? 0 : rank(a.file) - rank(b.file)))
    .filter((face) => {
      if (face.unicodeRange) return true;
      const key = `${face.weight} ${face.style}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
