/**
 * A theme's fonts: the families it sets its text (`body`), its headings (`display`) and its code
 * (`code`) in, each an OFL package's files declared in theme.json as templates/fonts.json declares
 * the default body font. The CSS names them as `var(--theme-body)`, `var(--theme-display)` and
 * `var(--theme-code)`, which are written out as the families' names in every edition (an EPUB
 * reading system need not know custom properties).
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as v from "valibot";
import { type FontFace, type FontSet, loadFonts } from "../templates.js";

const text = v.pipe(v.string(), v.trim(), v.minLength(1, "must not be empty"));

export const FontSpecSchema = v.strictObject({
  family: text,
  /** The npm package holding the files (it must be one of Folio's dependencies). */
  package: text,
  license: text,
  faces: v.pipe(
    v.array(
      v.strictObject({
        weight: v.number(),
        style: v.picklist(["normal", "italic"]),
        /** TrueType outlines (`.ttf`, or a `.woff2` of one): Chromium prints CFF outlines as Type 3 fonts. */
        file: text,
        /** The file the web edition inlines (default `file`). */
        web: v.optional(text),
        unicodeRange: v.optional(text),
      }),
    ),
    v.minLength(1, "must list at least one face"),
  ),
});

export type FontSpec = v.InferOutput<typeof FontSpecSchema>;
export type FontRole = "body" | "display" | "code";
export type ThemeFontSpecs = Partial<Record<FontRole, FontSpec>>;

/** The theme's fonts as one set: the body's faces (the default body font when the theme names none), then the display's and the code's, each under its family. */
export async function themeFonts(specs: ThemeFontSpecs | undefined): Promise<FontSet> {
  const base = specs?.body ? await resolveSpec(specs.body) : await loadFonts();
  const extra: FontFace[] = [];
  for (const role of ["display", "code"] as const) {
    const spec = specs?.[role];
    if (spec && spec.family !== base.family)
      extra.push(...(await resolveSpec(spec)).faces.map((face) => ({ ...face, family: spec.family })));
  }
  return { ...base, faces: [...base.faces, ...extra] };
}

async function resolveSpec(spec: FontSpec): Promise<FontSet> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${spec.package}/package.json`);
  const root = dirname(packageJson);
  const version = (JSON.parse(await readFile(packageJson, "utf8")) as { version: string }).version;
  return {
    family: spec.family,
    license: spec.license,
    version,
    faces: spec.faces.map((face) => ({
      weight: face.weight,
      style: face.style,
      file: join(root, face.file),
      web: join(root, face.web ?? face.file),
      unicodeRange: face.unicodeRange,
    })),
  };
}

/** `css` with `var(--theme-body)`, `var(--theme-display[, fallback])` and `var(--theme-code[, fallback])` written out as family names. */
export function withThemeFamilies(css: string, specs: ThemeFontSpecs | undefined, bodyFamily: string): string {
  return css.replace(/var\(--theme-(body|display|code)(?:,\s*([^()]*))?\)/g, (_, role: FontRole, fallback?: string) => {
    const family = role === "body" ? bodyFamily : specs?.[role]?.family;
    return family ? `"${family}"` : (fallback?.trim() ?? `"${bodyFamily}"`);
  });
}
