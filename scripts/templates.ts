/** Templates and fonts of the editions: the files under templates/ that decide how a book looks. */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import ejs from "ejs";
import { type FontsOptions, resolveRole } from "./fonts/book-fonts.js";
import { folioRoot } from "./root.js";

/** The templates folder of this Folio installation. */
export const templatesDir = join(folioRoot, "templates");

const cache = new Map<string, Promise<string>>();

/** The text of `templates/<name>`, read once per process. */
export function readTemplate(name: string): Promise<string> {
  let text = cache.get(name);
  if (!text) {
    text = readFile(join(templatesDir, name), "utf8");
    cache.set(name, text);
  }
  return text;
}

/** Forget the templates read so far, so the next read sees edits (preview). */
export function forgetTemplates(): void {
  cache.clear();
}

/** Render the EJS template `templates/<name>` with `data` (`<%= %>` escapes, `<%- %>` does not). */
export async function renderTemplate(name: string, data: Record<string, unknown>): Promise<string> {
  return ejs.render(await readTemplate(name), data, { filename: join(templatesDir, name) });
}

export interface FontFace {
  readonly weight: number;
  readonly style: "normal" | "italic";
  /** Absolute path of the TrueType file (EPUB and PDF). */
  readonly file: string;
  /** Absolute path of the WOFF2 file (web edition). */
  readonly web: string;
  /** A fallback font's family (templates/fonts.json `fallbacks`), when the face is not the body font's. */
  readonly family?: string;
  /** The characters a fallback file is for, as CSS writes them. */
  readonly unicodeRange?: string;
}

export interface FontSet {
  /** The body's family. */
  readonly family: string;
  readonly license: string;
  readonly version: string;
  readonly faces: readonly FontFace[];
  /** The CSS font-family lists the styles name as `var(--font-body)`, `var(--font-heading)`, `var(--font-mono)`. */
  readonly stacks: { readonly body: string; readonly heading: string; readonly mono: string };
}

/** `css` with the font stacks written in: an EPUB reading system may not know custom properties. */
export function withFontStacks(css: string, fonts: FontSet): string {
  return css
    .replaceAll("var(--font-body)", fonts.stacks.body)
    .replaceAll("var(--font-heading)", fonts.stacks.heading)
    .replaceAll("var(--font-mono)", fonts.stacks.mono);
}

/** The @font-face rules of `fonts`; `src` writes each face's source (`url(…) format(…)`), `extra` adds descriptors. */
export function fontFaceRules(fonts: FontSet, src: (face: FontFace) => string, extra = ""): string {
  return fonts.faces
    .map(
      (face) =>
        `@font-face { font-family: "${face.family ?? fonts.family}"; font-weight: ${face.weight}; font-style: ${face.style}; ${extra}src: ${src(face)};${face.unicodeRange ? ` unicode-range: ${face.unicodeRange};` : ""} }`,
    )
    .join("\n");
}

/** Rules whose sources are the font files themselves, for pages Folio's own browser loads. */
export function fileFontFaces(fonts: FontSet): string {
  return fontFaceRules(
    fonts,
    (face) => `url("${pathToFileURL(face.file).href}") format("${isWoff2(face.file) ? "woff2" : "truetype"}")`,
  );
}

/** Rules with every face inlined as a data: URL (`web`: the WOFF2 files, else the TrueType ones). */
export async function inlineFontFaces(fonts: FontSet, kind: "web" | "file", extra = ""): Promise<string> {
  const data = await Promise.all(fonts.faces.map((face) => readFile(kind === "web" ? face.web : face.file)));
  const type = (face: FontFace) =>
    isWoff2(kind === "web" ? face.web : face.file) ? ["woff2", "woff2"] : ["ttf", "truetype"];
  return fontFaceRules(
    fonts,
    (face) =>
      `url(data:font/${type(face)[0]};base64,${data[fonts.faces.indexOf(face)].toString("base64")}) format("${type(face)[1]}")`,
    extra,
  );
}

export function isWoff2(path: string): boolean {
  return path.endsWith(".woff2");
}

/** `fonts` with the fallback font files the chapters need (see scripts/util/glyphs.ts), after the body font's faces. */
export function withFallbacks(
  fonts: FontSet,
  files: readonly { readonly file: string; readonly family: string; readonly unicodeRange: string }[],
): FontSet {
  const fallbacks = files.map((f) => ({
    weight: 400,
    style: "normal" as const,
    file: f.file,
    web: f.file,
    family: f.family,
    unicodeRange: f.unicodeRange,
  }));
  return { ...fonts, faces: [...fonts.faces, ...fallbacks] };
}

/**
 * The book's fonts: the families `fonts:` in book.yaml chooses (scripts/fonts/), else the body font declared
 * in templates/fonts.json, resolved to its npm package's files. A choice that cannot be used was reported on
 * book.yaml before any edition asks (scripts/fonts/check-fonts.ts); here it throws.
 */
export async function loadFonts(config?: {
  readonly fonts?: FontsOptions;
  readonly manuscriptDir: string;
}): Promise<FontSet> {
  const spec = JSON.parse(await readTemplate("fonts.json")) as {
    family: string;
    package: string;
    license: string;
    faces: { weight: number; style: "normal" | "italic"; file: string; web: string }[];
    fallbacks?: { family: string }[];
  };
  const quoted = (family: string) => `"${family.replace(/"/g, "")}"`;
  const fallbacks = (spec.fallbacks ?? []).map((f) => quoted(f.family)).join(", ");
  const role = (name: "body" | "heading" | "monospace") => {
    const choice = config?.fonts?.[name];
    if (!choice) return undefined;
    const { fonts, problems } = resolveRole(name, choice, config.manuscriptDir);
    if (!fonts) throw new Error(problems[0].message);
    return fonts;
  };
  const [body, heading, mono] = [role("body"), role("heading"), role("monospace")];
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${spec.package}/package.json`);
  const root = dirname(packageJson);
  const version = (JSON.parse(await readFile(packageJson, "utf8")) as { version: string }).version;
  const chosen = [body, heading, mono].flatMap((r) =>
    (r?.faces ?? []).map((face) => ({ ...face, web: face.file, unicodeRange: face.unicodeRange })),
  );
  const family = body?.family ?? spec.family;
  const bodyStack = `${quoted(family)}${fallbacks ? `, ${fallbacks}` : ""}, serif`;
  return {
    family,
    license: body ? "the font's own (see its package or files)" : spec.license,
    version: body ? "" : version,
    faces: [
      ...(body ? [] : spec.faces.map((face) => ({ ...face, file: join(root, face.file), web: join(root, face.web) }))),
      ...chosen,
    ],
    stacks: {
      body: bodyStack,
      heading: heading ? `${quoted(heading.family)}, ${bodyStack}` : bodyStack,
      mono: `${mono ? `${quoted(mono.family)}, ` : ""}"DejaVu Sans Mono", Menlo, Consolas, monospace`,
    },
  };
}
